/**
 * @jest-environment node
 *
 * The 推進プログラム is found by its labels, never by address: variants of the sample sheet (labels with spaces, line
 * breaks and full-width characters, the source's own header wording; the table shifted; blank rows; merged cells; the
 * page header repeated inside the table as the PDF has it at K-L21, 33, 50) must read the same 23 records, with the
 * same goals, and give the same findings.
 */
import type { CellRange } from "../../src/core/model/address";
import type { SurveyRecord } from "../../src/core/model/record";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import type { SheetSpec, SpecCell } from "../../src/core/sheet-spec";
import { validateWorkbook, type ValidationReport } from "../../src/core/validate";
import { kodairaProgramInput } from "../../scripts/seeds/kodaira-program";
import { programSheetSpec } from "../../scripts/seeds/kodaira-program-sheet";
import { roundTrip, specToGrid } from "../helpers/grid";

type Variant = (s: SheetSpec) => SheetSpec;

const textOf = (c: SpecCell): string | undefined => (c.value.t === "text" ? c.value.v : undefined);

function mapTexts(s: SheetSpec, f: (text: string) => string): SheetSpec {
  return { ...s, cells: s.cells.map((c) => (c.value.t === "text" ? { ...c, value: { t: "text", v: f(c.value.v) } } : c)) };
}

const moveRange = (m: CellRange, dr: number, dc: number): CellRange => ({ top: m.top + dr, bottom: m.bottom + dr, left: m.left + dc, right: m.right + dc });

function shift(s: SheetSpec, dr: number, dc: number): SheetSpec {
  return { ...s, cells: s.cells.map((c) => ({ ...c, row: c.row + dr, col: c.col + dc })), merges: s.merges.map((m) => moveRange(m, dr, dc)), freeze: undefined, print: undefined };
}

/** Inserts `count` empty rows before each row of `at` (rows of the original sheet). */
function insertRows(s: SheetSpec, at: readonly number[], count = 1): SheetSpec {
  const mv = (r: number) => r + count * at.filter((a) => a <= r).length;
  return {
    ...s,
    cells: s.cells.map((c) => ({ ...c, row: mv(c.row) })),
    merges: s.merges.map((m) => ({ ...m, top: mv(m.top), bottom: mv(m.bottom) })),
    freeze: undefined,
    print: undefined,
  };
}

const rowsWith = (s: SheetSpec, test: (c: SpecCell) => boolean) => [...new Set(s.cells.filter(test).map((c) => c.row))].sort((a, b) => a - b);
const itemRows = (s: SheetSpec) => rowsWith(s, (c) => c.col === 0 && c.style === "no");
const headingRows = (s: SheetSpec) => rowsWith(s, (c) => c.style === "group" || c.style === "banner");
const headerTop = (s: SheetSpec) => s.cells.find((c) => textOf(c) === "No.")!.row;

const HEADER_VARIANTS: Record<string, string> = {
  "No.": "Ｎｏ．",
  実施プログラム: "実施\nプログラム",
  主な取組の方向性: "主な取組の\n方向性",
  取組項目: "取組　項目",
  R3: "Ｒ３",
  R4: "令和４年度",
  R5: "R 5",
  R6: "令和6年度",
  令和4年度までの取組実績: "令和４年度までの\n取組実績",
  // The source's own wording (K-L10): two phrases instead of 当初予定・設定目標.
  "令和5年度当初予定・設定目標\n(前年度末の状況)": "令和5年度当初予定\n令和5年度設定目標（前年度末の状況）",
  "令和6年度当初予定・設定目標\n(前年度末の状況)": "令和６年度当初予定　令和６年度設定目標(前年度末の状況)",
};

const variants: Record<string, Variant> = {
  "ラベルと見出し行に空白・改行・全角文字": (s) =>
    mapTexts(s, (t) => HEADER_VARIANTS[t] ?? t.replace(/^方向性(\d) /, (_, n: string) => `方向性${String.fromCharCode(0xff10 + Number(n))}　`)),
  "表を3行下・2列右にずらす": (s) => shift(s, 3, 2),
  "見出しの下・見出し行の前後・項目のあいだに空行": (s) => {
    const h = headerTop(s);
    return insertRows(s, [h, h + 2, ...headingRows(s), ...headingRows(s).map((r) => r + 1), ...itemRows(s).filter((_, i) => i % 3 === 0)], 1);
  },
  "項目を2行の結合セルにし、R5 と R6 を横に結合する": (s) => {
    const items = itemRows(s);
    const out = insertRows(s, items.map((r) => r + 1), 1);
    const merges = [...out.merges];
    for (const row of itemRows(out)) {
      const r6Empty = !out.cells.some((c) => c.row === row && c.col === 7 && c.value.t !== "empty");
      for (let col = 0; col <= 10; col++) {
        if (col === 7 && r6Empty) continue;
        merges.push({ top: row, bottom: row + 1, left: col, right: col === 6 && r6Empty ? 7 : col });
      }
    }
    return { ...out, merges, cells: out.cells.filter((c) => !(c.col === 7 && c.value.t === "empty" && merges.some((m) => m.top === c.row && m.left === 6 && m.right === 7))) };
  },
  "ページごとに見出しを繰り返す（K-L21, 33, 50 のように）": (s) => {
    const h = headerTop(s);
    const header = s.cells.filter((c) => c.row === h || c.row === h + 1);
    const headerMerges = s.merges.filter((m) => m.top >= h && m.bottom <= h + 1);
    const groups = rowsWith(s, (c) => c.style === "group");
    const item23 = itemRows(s)[17];
    const before = [groups[1], groups[2], item23];
    let out = insertRows(s, before, 3); // a blank row, then the two header rows
    const moved = (r: number) => r + 3 * before.filter((a) => a <= r).length;
    const cells = [...out.cells];
    const merges = [...out.merges];
    for (const at of before) {
      const top = moved(at) - 2;
      cells.push(...header.map((c) => ({ ...c, row: c.row - h + top })));
      merges.push(...headerMerges.map((m) => ({ ...m, top: m.top - h + top, bottom: m.bottom - h + top })));
    }
    out = { ...out, cells, merges };
    return out;
  },
};

/** What a user cares about in a record: every value, not where it sat. */
function project(r: SurveyRecord) {
  return {
    id: r.id?.text,
    written: r.idWritten,
    title: r.title?.text,
    ended: r.ended ?? false,
    group: r.group?.text,
    category: r.category?.text,
    purpose: r.purpose?.text,
    tasks: r.tasks.map((t) => ({ text: t.text, years: t.years.map((y) => [y.fiscalYear, y.text]) })),
    yearHeaders: r.yearHeaders.map((y) => y.fiscalYear),
    result: r.texts.result?.text,
    plan: r.texts.plan?.text,
    planNext: r.texts.planNext?.text,
    goals: (r.goals ?? []).map((g) => ({
      column: g.column,
      bullet: g.bullet,
      text: g.text,
      target: g.target && [g.target.number, g.target.writtenUnit, g.target.comparator],
      baseline: g.baseline && [g.baseline.label, g.baseline.valueText, g.baseline.asOf],
      status: g.status?.text,
      horizon: g.horizon,
      relative: g.relative?.kind,
    })),
  };
}

const findingKeys = (rep: ValidationReport) => rep.findings.map((f) => `${f.ruleId} ${f.severity} ${f.recordId}`).sort();

describe("推進プログラムの様式の揺れ", () => {
  const base = programSheetSpec(kodairaProgramInput());
  const names = Object.keys(variants);
  const reports = new Map<string, ValidationReport>();
  let reference: ReturnType<typeof project>[];
  let snapshot: Awaited<ReturnType<typeof roundTrip>>;

  beforeAll(async () => {
    const specs = [base, ...names.map((n, i) => ({ ...variants[n](base), name: `v${i}` }))];
    snapshot = await roundTrip(specs);
    // One sheet at a time: the same item numbers on several sheets would be duplicates of each other.
    for (const grid of snapshot.sheets) reports.set(grid.name, validateWorkbook({ sheets: [grid], skippedSheets: [] }, { profiles: BUILT_IN_PROFILES }));
    reference = reports.get(base.name)!.records.map(project);
  });

  test("元の様式から 23 項目を読む", () => {
    expect(reference).toHaveLength(23);
    expect(reference.filter((r) => r.ended).map((r) => r.id)).toEqual(["21", "26", "28"]);
    expect(reference.flatMap((r) => r.goals)).toHaveLength(32);
  });

  names.forEach((name, i) => {
    test(`${name}: 同じ記録を読み、同じ指摘になる`, () => {
      const rep = reports.get(`v${i}`)!;
      expect(rep.sheets[0]).toMatchObject({ status: "recognised", profileId: "kodaira-program", records: 23 });
      expect(rep.records.map(project)).toEqual(reference);
      expect(findingKeys(rep)).toEqual(findingKeys(reports.get(base.name)!));
    });
  });

  test("変形は実際にシートを変えている（同じ記録が読めるのは偶然ではない）", () => {
    const rec = (sheet: string, no: string) => reports.get(sheet)!.records.find((r) => r.id?.text === no)!;
    expect(String(rec("v0", "1").id?.raw)).toBe("①");
    expect(rec("v0", "1").yearHeaders.map((y) => y.text)).toEqual(["Ｒ３", "令和４年度", "R 5", "令和6年度"]);
    expect(rec("v1", "3").texts.plan?.cell).toEqual({ row: rec(base.name, "3").texts.plan!.cell.row + 3, col: rec(base.name, "3").texts.plan!.cell.col + 2 });
    expect(rec("v2", "28").row).toBeGreaterThan(rec(base.name, "28").row! + 10);
    expect(rec("v3", "28").row).toBe(rec(base.name, "28").row! + 22); // one row added under each of the 22 items above
    const grid = (name: string) => snapshot.sheets.find((g) => g.name === name)!;
    expect(grid("v3").merges.length).toBe(grid(base.name).merges.length + 23 * 10); // A–F, G:H, I–K per item
    expect(rec("v3", "1").tasks[0].years[0].cell).toEqual(rec(base.name, "1").tasks[0].years[0].cell); // G8, merged over G8:H9
    expect(rec("v4", "28").row).toBe(rec(base.name, "28").row! + 9);
    expect(grid("v4").rows.flat().filter((v) => v === "No.")).toHaveLength(4);
  });

  test("メモリ上のグリッドでも同じ記録を読む（ファイルを経由しない）", () => {
    const rep = validateWorkbook({ sheets: [specToGrid(base)], skippedSheets: [] }, { profiles: BUILT_IN_PROFILES });
    expect(rep.records.map(project)).toEqual(reference);
  });
});
