/**
 * @jest-environment node
 *
 * Recognition is by label, never by address: variants of one 調査票 sheet (labels with spaces, line breaks and
 * full-width characters; the table shifted; extra blank rows; merged label cells; the rating and its comment in one
 * cell) must all read the same record.
 */
import type { SurveyRecord } from "../src/core/model/record";
import { BUILT_IN_PROFILES } from "../src/core/profiles";
import type { SheetSpec, SpecCell } from "../src/core/sheet-spec";
import { surveySheetSpec, type SurveySheetInput } from "../src/core/template/kodaira-chosahyo";
import { validateWorkbook } from "../src/core/validate";
import { kodairaSurveyInputs } from "../scripts/seeds/kodaira";
import { roundTrip, specToGrid } from "./helpers/grid";

type Variant = (s: SheetSpec) => SheetSpec;

const cellText = (c: SpecCell): string | undefined => (c.value.t === "text" ? c.value.v : undefined);

function mapTexts(s: SheetSpec, f: (text: string) => string): SheetSpec {
  return { ...s, cells: s.cells.map((c) => (c.value.t === "text" ? { ...c, value: { t: "text", v: f(c.value.v) } } : c)) };
}

function shift(s: SheetSpec, dr: number, dc: number): SheetSpec {
  return {
    ...s,
    cells: s.cells.map((c) => ({ ...c, row: c.row + dr, col: c.col + dc })),
    merges: s.merges.map((m) => ({ top: m.top + dr, bottom: m.bottom + dr, left: m.left + dc, right: m.right + dc })),
    validations: s.validations?.map((v) => ({ ...v, range: { top: v.range.top + dr, bottom: v.range.bottom + dr, left: v.range.left + dc, right: v.range.right + dc } })),
    columnWidths: undefined,
  };
}

/** Inserts `count` empty rows before `at`, moving everything from `at` down. */
function insertRows(s: SheetSpec, at: number, count: number): SheetSpec {
  const mv = (r: number) => (r >= at ? r + count : r);
  return {
    ...s,
    cells: s.cells.map((c) => ({ ...c, row: mv(c.row) })),
    merges: s.merges.map((m) => ({ ...m, top: mv(m.top), bottom: m.bottom >= at ? m.bottom + count : m.bottom })),
    validations: s.validations?.map((v) => ({ ...v, range: { ...v.range, top: mv(v.range.top), bottom: mv(v.range.bottom) } })),
  };
}

function rowOf(s: SheetSpec, text: string): number {
  const c = s.cells.find((x) => cellText(x) === text);
  if (!c) throw new Error(`no cell ${text}`);
  return c.row;
}

const HEADER_VARIANTS: Record<string, string> = {
  "取り組み項目・内容": "取り組み 項目・\n内容",
  指標: "指　標",
  目標値: "目 標 値",
  実施内容: "実施\n内容",
  所管課: "所 管 課",
  "取組実績(D)": "取組実績\n（Ｄ）",
  "1次評価(C)": "１次評価（Ｃ）",
  "2次評価(C)": "2次\n評価 (C)",
  "来年度に向けての課題と今後の取組(A)": "来年度に向けての課題と\n今後の取組（Ａ）",
  "平成29年度 当初予定(P)": "平成２９年度　当初予定（Ｐ）",
  平成29年度: "平成 29 年度",
  平成30年度: "平成３０年度",
};

const variants: Record<string, Variant> = {
  "ラベルに空白・改行・全角文字": (s) => mapTexts(s, (t) => HEADER_VARIANTS[t] ?? t),
  "表を3行下・2列右にずらす": (s) => shift(s, 3, 2),
  "表の間と見出しの下に空行を追加": (s) => {
    let out = insertRows(s, rowOf(s, "平成29年度 当初予定(P)"), 2);
    out = insertRows(out, rowOf(out, "平成29年度 当初予定(P)") + 1, 1);
    return insertRows(out, rowOf(out, "取り組み項目・内容"), 3);
  },
  "見出しセルを結合する": (s) => {
    // The P-D-C-A header cells each become a merged area two rows high.
    const header = rowOf(s, "平成29年度 当初予定(P)");
    const out = insertRows(s, header + 1, 1);
    const merges = out.merges.filter((m) => m.top !== header);
    for (const c of out.cells.filter((x) => x.row === header)) {
      const wide = s.merges.find((m) => m.top === header && m.left === c.col);
      merges.push({ top: header, bottom: header + 1, left: c.col, right: wide ? wide.right : c.col });
    }
    return { ...out, merges };
  },
  "評価とコメントを同じセルに入れる": (s) => {
    const header = rowOf(s, "1次評価(C)");
    const rating = (col: number) => s.cells.find((c) => c.row === header + 1 && c.col === col);
    const comment = (col: number) => s.cells.find((c) => c.row === header + 2 && c.col === col);
    const cells = s.cells.map((c) => {
      for (const col of [5, 6]) {
        const r = rating(col);
        const k = comment(col);
        if (c === r && k && cellText(k)) return { ...c, value: { t: "text" as const, v: `${cellText(r)} ${cellText(k)}` } };
        if (c === k) return { ...c, value: { t: "empty" as const } };
      }
      return c;
    });
    return { ...s, cells };
  },
};

/** What a user cares about in a record: every value, not where it sat. */
function project(r: SurveyRecord) {
  return {
    id: r.id?.text,
    title: r.title?.text,
    purpose: r.purpose?.text,
    fiscalYear: r.fiscalYear?.value,
    indicators: r.indicators.map((i) => ({ label: i.label.text, baseline: i.baseline?.text, target: i.target?.text, actual: i.actual?.text, index: i.index })),
    tasks: r.tasks.map((t) => ({ text: t.text, years: t.years.map((y) => [y.fiscalYear, y.text]) })),
    plan: r.texts.plan?.text,
    result: r.texts.result?.text,
    next: r.texts.next?.text,
    departments: r.departments?.list.departments.map((d) => d.name),
    eval1: [r.codes.eval1?.parsed.code, r.codes.eval1?.comment],
    eval2: [r.codes.eval2?.parsed.code, r.codes.eval2?.comment],
    yearHeaders: r.yearHeaders.map((y) => y.fiscalYear),
  };
}

// No.1 packs two indicators (①②) in one cell and has five task rows; No.3 has its comments in the row below;
// No.22 has one indicator per row and a packed task cell.
const SAMPLES = ["1", "3", "22"];

describe.each(SAMPLES)("調査票 No.%s の様式の揺れ", (id) => {
  const input = kodairaSurveyInputs().find((i) => i.id === id) as SurveySheetInput;
  const base = surveySheetSpec(input);
  let reference: ReturnType<typeof project>;
  let byVariant: Map<string, SurveyRecord>;
  let snapshot: Awaited<ReturnType<typeof roundTrip>>;

  beforeAll(async () => {
    const specs = [base, ...Object.entries(variants).map(([, v], i) => ({ ...v(base), name: `v${i}` }))];
    snapshot = await roundTrip(specs);
    const report = validateWorkbook(snapshot, { profiles: BUILT_IN_PROFILES });
    byVariant = new Map(report.records.map((r) => [r.sheet, r] as const));
    reference = project(byVariant.get(base.name)!);
  });

  test("元の様式から値をすべて読み取る", () => {
    expect(reference.id).toBe(id);
    expect(reference.title).toBe(input.itemTitle);
    expect(reference.fiscalYear).toBe(2017);
    expect(reference.eval1[0]).toBe(input.eval1.rating);
    expect(reference.departments?.join(" ")).toBe(input.departments);
    expect(reference.yearHeaders).toEqual([2017, 2018, 2019, 2020]);
    expect(reference.tasks.length).toBe(input.tasks.length);
  });

  Object.keys(variants).forEach((name, i) => {
    test(`${name}: 同じ記録を読む`, () => {
      const rec = byVariant.get(`v${i}`);
      expect(rec?.layoutId).toBe("survey");
      expect(project(rec!)).toEqual(reference);
    });
  });

  test("変形は実際にシートを変えている（同じ記録が読めるのは偶然ではない）", () => {
    const b = byVariant.get(base.name)!;
    const grid = (name: string) => snapshot.sheets.find((g) => g.name === name)!;
    const texts = (name: string) => grid(name).rows.flat().filter((v): v is string => typeof v === "string");
    expect(texts("v0")).toContain("１次評価（Ｃ）");
    expect(texts("v0")).not.toContain("1次評価(C)");
    expect(byVariant.get("v1")!.codes.eval1!.cell).toEqual({ row: b.codes.eval1!.cell.row + 3, col: b.codes.eval1!.cell.col + 2 });
    expect(byVariant.get("v2")!.codes.eval1!.cell.row).toBe(b.codes.eval1!.cell.row + 6);
    expect(grid("v3").merges.length).toBeGreaterThan(grid(base.name).merges.length);
    const inOne = byVariant.get("v4")!.codes.eval1!;
    if (b.codes.eval1?.comment) {
      expect(String(inOne.raw)).toContain(b.codes.eval1.comment);
      expect(inOne.commentCell).toEqual(inOne.cell);
    }
  });

  test("メモリ上のグリッドでも同じ記録を読む（ファイルを経由しない）", () => {
    const report = validateWorkbook({ sheets: [specToGrid(base)], skippedSheets: [] }, { profiles: BUILT_IN_PROFILES });
    expect(project(report.records[0])).toEqual(reference);
  });
});
