/**
 * @jest-environment node
 *
 * Recognition is by label, never by address: variants of the 取組状況 sheet (labels with spaces, line breaks and
 * full-width characters; the table shifted; a wider label column; extra blank rows; merged and unmerged cells; a
 * 年次計画 label merged down over its plan row) must all read the same records. The sample covers #1 (merged
 * 平成 29～30 年度), #3 (◎), #4 (two plan rows), #25 and #53 (the sub-item column, merged with the label column in
 * #25) and #67 (`<p>` in plan cells).
 */
import type { CellRange } from "../../src/core/model/address";
import type { SurveyRecord } from "../../src/core/model/record";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import type { SheetSpec } from "../../src/core/sheet-spec";
import { validateWorkbook } from "../../src/core/validate";
import { recordsSheetSpec } from "../../scripts/seeds/musashino-sheet";
import { roundTrip, specToGrid } from "../helpers/grid";
import { projects } from "./helpers";

type Variant = (s: SheetSpec) => SheetSpec;

const SAMPLE = [1, 3, 4, 25, 53, 67];

function mapTexts(s: SheetSpec, f: (text: string) => string): SheetSpec {
  return { ...s, cells: s.cells.map((c) => (c.value.t === "text" ? { ...c, value: { t: "text", v: f(c.value.v) } } : c)) };
}

function moveRange(r: CellRange, row: (n: number) => number, col: (n: number) => number): CellRange {
  return { top: row(r.top), bottom: row(r.bottom), left: col(r.left), right: col(r.right) };
}

/** Moves every cell, merge and validation; `grow` widens merges that span a moved boundary. */
function move(s: SheetSpec, row: (n: number) => number, col: (n: number) => number): SheetSpec {
  return {
    ...s,
    cells: s.cells.map((c) => ({ ...c, row: row(c.row), col: col(c.col) })),
    merges: s.merges.map((m) => moveRange(m, row, col)),
    validations: s.validations?.map((v) => ({ ...v, range: moveRange(v.range, row, col) })),
    rowHeights: undefined,
    columnWidths: undefined,
  };
}

const rowsWithLabel = (s: SheetSpec, labels: readonly string[]): number[] =>
  s.cells.filter((c) => c.col === 0 && c.value.t === "text" && labels.includes(c.value.v.replace(/\s+/g, ""))).map((c) => c.row);

/** Inserts one blank row before each of `rows`. */
function blankRowsBefore(s: SheetSpec, rows: readonly number[]): SheetSpec {
  const sorted = [...rows].sort((a, b) => a - b);
  const shift = (r: number) => r + sorted.filter((x) => x <= r).length;
  return move(s, shift, (c) => c);
}

const LABELS: Record<string, string> = {
  事業名: "事　業　名",
  担当課: "担 当 課",
  "課題・目的": "課題・\n目的",
  取組事項: "取組\n事項",
  年次計画: "年 次 計 画",
  実施状況: "実施\n状況",
  "目標に対する 1 年間の取組状況、課題及び今後の予定": "目標に対する１年間の\n取組状況、課題及び今後の予定",
  "目標に対する1年間の取組状況、課題及び今後の予定": "目標に対する 1 年間の取組状況、課題及び今後の予定",
  "未着手・中止の理由": "未着手・中止\nの理由",
  "未着手・中止 の理由": "未着手・中止の理由",
  "平成 29 年度": "平成２９年度",
  "平成 30 年度": "平成３０年度",
  平成29年度: "平成 29 年度",
  "平成 29～30 年度": "平成２９〜３０年度",
};

function headingVariant(t: string): string {
  return t
    .replace(/^I：/, "Ⅰ：")
    .replace(/^V：/, "Ⅴ：")
    .replace(/^(\d)\. /, (_, n: string) => `${String.fromCharCode(0xff10 + Number(n))}．`)
    .replace(/^\((\d)\) ?/, (_, n: string) => `（${String.fromCharCode(0xff10 + Number(n))}）`);
}

const variants: Record<string, Variant> = {
  "ラベル・年度・見出しに空白・改行・全角文字": (s) => {
    const out = mapTexts(s, (t) => LABELS[t] ?? t);
    const headings = new Set(["policy", "section", "subsection"]);
    return { ...out, cells: out.cells.map((c) => (c.value.t === "text" && headings.has(c.style ?? "") ? { ...c, value: { t: "text", v: headingVariant(c.value.v) } } : c)) };
  },
  "表を3行下・2列右にずらす": (s) => move(s, (r) => r + 3, (c) => c + 2),
  "ラベルの列を2列に広げて結合する": (s) => {
    const out = move(s, (r) => r, (c) => (c >= 1 ? c + 1 : c));
    // Merges that started in the label column now reach one column further; single label cells become A:B.
    const merges = s.merges.map((m) => ({ ...m, right: m.right + 1, left: m.left >= 1 ? m.left + 1 : m.left }));
    for (const c of s.cells) {
      if (c.col !== 0 || c.style !== "label" || s.merges.some((m) => m.top === c.row && m.left === 0)) continue;
      merges.push({ top: c.row, bottom: c.row, left: 0, right: 1 });
    }
    return { ...out, merges };
  },
  "記録の間・年次計画の中・見出しの後に空行を入れる": (s) => {
    const before = [
      ...rowsWithLabel(s, ["事業名"]),
      ...s.cells.filter((c) => c.col === 0 && c.value.t === "text" && c.value.v === "年次計画").map((c) => c.row + 1),
      ...rowsWithLabel(s, ["目標に対する1年間の取組状況、課題及び今後の予定"]),
    ];
    return blankRowsBefore(s, before);
  },
  "本文の結合をやめ、実施状況を年度の列にまたがって結合する": (s) => {
    const statusRows = new Set(rowsWithLabel(s, ["実施状況"]));
    const merges: CellRange[] = s.merges.filter((m) => m.left === 0 && m.right <= 1);
    for (const c of s.cells) {
      if (!statusRows.has(c.row) || c.style !== "status") continue;
      merges.push({ top: c.row, bottom: c.row, left: c.col, right: c.col + 2 });
    }
    const covered = (r: number, col: number) => merges.some((m) => m.top <= r && r <= m.bottom && m.left <= col && col <= m.right && !(m.top === r && m.left === col));
    return { ...s, merges, cells: s.cells.filter((c) => !covered(c.row, c.col)) };
  },
  "年次計画のラベルを下の行（計画の行）と縦に結合する": (s) => {
    // Only where the cell below the label is a free one: #25 writes its sub-item there (L581).
    const merges = [...s.merges];
    const covered = new Set<string>();
    for (const c of s.cells) {
      if (c.col !== 0 || c.value.t !== "text" || c.value.v !== "年次計画") continue;
      const below = s.cells.find((x) => x.row === c.row + 1 && x.col === 0);
      if ((below && below.value.t !== "empty") || s.merges.some((m) => m.top === c.row + 1 && m.left === 0)) continue;
      merges.push({ top: c.row, bottom: c.row + 1, left: 0, right: 0 });
      covered.add(`${c.row + 1}:0`);
    }
    return { ...s, merges, cells: s.cells.filter((c) => !covered.has(`${c.row}:${c.col}`)) };
  },
};

/** What a user cares about in a record: every value, not where it sat. */
function project(r: SurveyRecord) {
  return {
    title: r.title?.text,
    group: r.group?.text.normalize("NFKC").replace(/\s+/g, ""),
    section: r.section?.text.normalize("NFKC").replace(/\s+/g, ""),
    subsection: r.subsection?.text.normalize("NFKC").replace(/\s+/g, ""),
    departments: r.departments?.list.departments,
    purpose: r.purpose?.text,
    actions: r.texts.plan?.text,
    progress: r.texts.result?.text,
    reason: r.texts.reason?.text,
    status: r.codes.status?.parsed.code,
    plans: r.plans?.map((p) => ({
      subItem: p.subItem?.text,
      cells: p.cells.map((c) => [c.fiscalYear, c.toFiscalYear ?? null, c.text]),
      status: p.status?.parsed.code,
    })),
  };
}

describe("取組状況の様式の揺れ", () => {
  const inputs = projects().filter((p) => SAMPLE.includes(p.no));
  const base = recordsSheetSpec(inputs, "base").spec;
  let reference: ReturnType<typeof project>[];
  let byVariant: Map<string, SurveyRecord[]>;
  let snapshot: Awaited<ReturnType<typeof roundTrip>>;

  beforeAll(async () => {
    const specs = [base, ...Object.values(variants).map((v, i) => ({ ...v(base), name: `v${i}` }))];
    snapshot = await roundTrip(specs);
    const report = validateWorkbook(snapshot, { profiles: BUILT_IN_PROFILES });
    byVariant = new Map();
    for (const r of report.records) byVariant.set(r.sheet, [...(byVariant.get(r.sheet) ?? []), r]);
    reference = byVariant.get("base")!.map(project);
  });

  test("元の様式から6事業の値をすべて読み取る", () => {
    expect(reference.map((r) => r.title)).toEqual(inputs.map((p) => p.name));
    expect(reference.map((r) => r.plans?.length)).toEqual([1, 1, 2, 3, 2, 1]);
    expect(reference[0].plans![0].cells[0]).toEqual([2017, 2018, "骨子案の策定 条例案の検討 自治基本条例（仮称）の制定"]);
    expect(reference[3].plans!.map((p) => p.subItem)).toEqual(["情報提供の充実", "防災情報システム", "防災行政無線のデジタル化"]);
    expect(reference[5].plans![0].cells[0][2]).toBe("<p>吉祥寺図書館 ・リニューアル準備</p>");
    expect(reference.map((r) => r.status)).toEqual(["○", "◎", "○", "○", "○", "◎"]);
    expect(reference.every((r) => r.group && r.section && r.subsection && r.purpose && r.actions && r.progress)).toBe(true);
  });

  Object.keys(variants).forEach((name, i) => {
    test(`${name}: 同じ記録を読む`, () => {
      const recs = byVariant.get(`v${i}`) ?? [];
      expect(recs.every((r) => r.layoutId === "torikumi")).toBe(true);
      expect(recs.map(project)).toEqual(reference);
    });
  });

  test("変形は実際にシートを変えている（同じ記録が読めるのは偶然ではない）", () => {
    const grid = (name: string) => snapshot.sheets.find((g) => g.name === name)!;
    const texts = (name: string) => grid(name).rows.flat().filter((v): v is string => typeof v === "string");
    expect(texts("v0")).toContain("事　業　名");
    expect(texts("v0")).toContain("平成２９〜３０年度");
    expect(texts("v0")).toContain("Ⅰ：市政運営への市民参加と多様な主体間の柔軟な連携と協働の推進");
    const [b, v1, v2, v3, v4] = ["base", "v1", "v2", "v3", "v4"].map((n) => byVariant.get(n)!);
    expect(v1[0].title!.cell).toEqual({ row: b[0].title!.cell.row + 3, col: b[0].title!.cell.col + 2 });
    expect(v2[0].title!.cell.col).toBe(b[0].title!.cell.col + 1);
    expect(v2[3].plans![0].status!.cell.col).toBe(b[3].plans![0].status!.cell.col + 1);
    expect(v3[5].title!.cell.row).toBeGreaterThan(b[5].title!.cell.row + 6);
    expect(grid("v4").merges.length).toBeLessThan(grid("base").merges.length);
    expect(v4[0].plans![0].status!.cell).toEqual(b[0].plans![0].status!.cell);
    // 年次計画 merged down over the plan row in every block but #25's three (its sub-item is in that cell): 10 - 3.
    const labelMerges = grid("v5").merges.filter((m) => m.left === 0 && m.right === 0 && m.bottom === m.top + 1);
    expect(labelMerges.map((m) => grid("v5").rows[m.top - grid("v5").top][0 - grid("v5").left])).toEqual(Array(7).fill("年次計画"));
  });

  test("どの変形でも指摘は同じ（セルの位置を除く）", () => {
    const report = validateWorkbook(snapshot, { profiles: BUILT_IN_PROFILES });
    const of = (sheet: string) => report.findings.filter((f) => f.sheet === sheet).map((f) => `${f.ruleId} ${f.message.ja}`);
    const ref = of("base");
    expect(ref.filter((f) => f.startsWith("DONE-BUT-SCHEDULED"))).toHaveLength(2); // #3 and #67 (L199, L1322)
    for (let i = 0; i < Object.keys(variants).length; i++) expect([i, of(`v${i}`)]).toEqual([i, ref]);
  });

  test("メモリ上のグリッドでも同じ記録を読む（ファイルを経由しない）", () => {
    const report = validateWorkbook({ sheets: [specToGrid(base)], skippedSheets: [] }, { profiles: BUILT_IN_PROFILES });
    expect(report.records.map(project)).toEqual(reference);
  });
});
