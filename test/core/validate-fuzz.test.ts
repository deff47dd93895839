/**
 * @jest-environment node
 *
 * Reliability: random cell grids and random strings fed to recognition, reading and every rule never
 * throw, and every finding points at a cell that exists.
 */
import fc from "fast-check";
import { parseA1, parseRangeA1 } from "../../src/core/model/address";
import type { CellValue } from "../../src/core/model/cell";
import type { SheetGrid } from "../../src/core/model/grid";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { surveySheetSpec } from "../../src/core/template/kodaira-chosahyo";
import { validateWorkbook } from "../../src/core/validate";
import { kodairaListInput, kodairaSurveyInputs } from "../../scripts/seeds/kodaira";
import { listSheetSpec } from "../../src/core/template/kodaira-chosahyo";
import { specToGrid } from "../helpers/grid";

// Labels of the profiles and typical values, so random grids often look like (broken) 調査票.
const WORDS = [
  "取り組み項目・内容", "指標", "現状値 (計画初期値)\n平成29年3月末", "目標値", "下半期値 平成30年3月末", "工程表", "実施内容",
  "平成29年度", "平成30年度", "平成 31 年度", "平成29年度 当初予定(P)", "所管課", "取組実績(D)", "1次評価(C)", "2次評価(C)",
  "来年度に向けての課題と今後の取組(A)", "平成29年度実績", "第3次行財政再構築進捗状況調査票（平成29年度末）",
  "項目(方針)", "No.", "取組項目", "主な推進担当課", "行革本部", "目的・ねらい",
  "No.1 協働推進体制の充実\n<目的・ねらい>\n・市民活動を支援する", "No.2-1~5 協働", "A", "B", "S", "Ａ", "C", "〇", "A 予定どおり",
  "①9,855人\n②市との協働事業数:73", "①1万人以上", "-", "—", "ー", "※アンケート未実施", "80%台", "前年度以上", "法定外繰入額の減",
  "1,777人 (スポーツボランティア延べ124人)", "10団体(平成31年度)", "<p>本文</p>", "<ul style=\"list-style-type: none\">・a", "政策課 各所管課",
  "【新規】 協働 【No.15の再掲】", "\u200b政策課 ", "=SUM(A1)", "", " ",
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom<CellValue>(...WORDS) },
  { weight: 2, arbitrary: fc.constant<CellValue>(null) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: false }), fc.boolean()) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>({ error: "#REF!" }, { error: "#N/A" }, new Date(2018, 2, 31)) },
);

const grid: fc.Arbitrary<SheetGrid> = fc
  .record({
    name: fc.string({ minLength: 1, maxLength: 12 }),
    top: fc.nat(5),
    left: fc.nat(5),
    rows: fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 24 }),
    merges: fc.array(fc.record({ top: fc.nat(30), left: fc.nat(15), h: fc.nat(3), w: fc.nat(3) }), { maxLength: 6 }),
  })
  .map(({ name, top, left, rows, merges }) => ({
    name,
    visibility: "visible" as const,
    top,
    left,
    rows,
    merges: merges.map((m) => ({ top: m.top, left: m.left, bottom: m.top + m.h, right: m.left + m.w })),
  }));

function cellExists(address: string): boolean {
  const r = parseRangeA1(address) ?? (parseA1(address) && parseRangeA1(`${address}:${address}`));
  return !!r && r.top >= 0 && r.left >= 0 && r.bottom < 1048576 && r.right < 16384;
}

describe("fuzz: recognition, reading and rules", () => {
  test("ランダムなグリッドでも例外を出さず、指摘は実在するセルを指す", () => {
    fc.assert(
      fc.property(fc.array(grid, { minLength: 1, maxLength: 4 }), fc.constantFrom("提出前" as const, "本部評価後" as const), (sheets, stage) => {
        const named = sheets.map((s, i) => ({ ...s, name: `${s.name}_${i}` }));
        const report = validateWorkbook({ sheets: named, skippedSheets: [] }, { profiles: BUILT_IN_PROFILES, stage });
        for (const f of report.findings) {
          expect(named.some((s) => s.name === f.sheet)).toBe(true);
          expect(cellExists(f.cell)).toBe(true);
          expect(f.message.ja.length).toBeGreaterThan(0);
          expect(f.message.en.length).toBeGreaterThan(0);
          for (const e of f.fix?.edits ?? []) expect(cellExists(e.cell)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  // Random grids are rarely recognised; these start from real 調査票 and overwrite random cells, so every rule
  // runs on recognised sheets holding garbage.
  const inputs = kodairaSurveyInputs();
  const real = [...inputs.slice(0, 12).map((i) => specToGrid(surveySheetSpec(i))), specToGrid(listSheetSpec(kodairaListInput()))];
  const edit = fc.record({ sheet: fc.nat(real.length - 1), row: fc.nat(60), col: fc.nat(12), value: cell });

  test("実在の調査票のセルをランダムに書き換えても例外を出さない", () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 25 }), (edits) => {
        const sheets = real.map((g) => ({ ...g, rows: g.rows.map((r) => [...r]) }));
        for (const e of edits) {
          const g = sheets[e.sheet];
          while (g.rows.length <= e.row) g.rows.push([]);
          const row = g.rows[e.row] as CellValue[];
          while (row.length <= e.col) row.push(null);
          row[e.col] = e.value;
        }
        const report = validateWorkbook({ sheets, skippedSheets: [] }, { profiles: BUILT_IN_PROFILES, stage: "本部評価後" });
        expect(report.sheets.some((s) => s.status === "recognised")).toBe(true);
        for (const f of report.findings) expect(cellExists(f.cell)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  // A damaged or careless file may merge a label down to row 1,048,576 or across to XFD (the mutated samples had
  // A1:XFD1048576): no finding may point past the sheet, and no work may grow with the merge's size.
  const SHEET_BOTTOM = 1048575;
  const SHEET_RIGHT = 16383;
  const edgeMerge = fc.record({ sheet: fc.nat(real.length - 1), row: fc.nat(60), col: fc.nat(12), down: fc.boolean(), across: fc.boolean() });

  test("実在の調査票にシートの端まで届く結合があっても、指摘は実在するセルを指す", () => {
    fc.assert(
      fc.property(fc.array(edgeMerge, { minLength: 1, maxLength: 4 }), (merges) => {
        const sheets = real.map((g) => ({ ...g, merges: [...g.merges] }));
        for (const m of merges) {
          const g = sheets[m.sheet];
          // Merges may not overlap: the new one replaces those it meets.
          const area = { top: m.row, left: m.col, bottom: m.down ? SHEET_BOTTOM : m.row, right: m.across || !m.down ? SHEET_RIGHT : m.col };
          g.merges = [...g.merges.filter((x) => x.bottom < area.top || x.top > area.bottom || x.right < area.left || x.left > area.right), area];
        }
        const report = validateWorkbook({ sheets, skippedSheets: [] }, { profiles: BUILT_IN_PROFILES, stage: "本部評価後" });
        for (const f of report.findings) {
          expect(cellExists(f.cell)).toBe(true);
          for (const e of f.fix?.edits ?? []) expect(cellExists(e.cell)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});
