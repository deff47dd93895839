/**
 * @jest-environment node
 *
 * 前年度比較, the summary sheet, on 小平's sample (平成29年度) and the next year the test builds from it (next-year.ts):
 * one row per item with exactly the changes made there (five ratings with their arrows, the copied 取組実績, the
 * slipped indicator, the dropped and the renumbered item) and the findings on them; the totals by 方針 and by
 * department as live formulas; the table, chart, frozen header and print setup; the headings in both languages.
 */
import type { SheetSpec } from "../../src/core/sheet-spec";
import { availableSummaries, SUMMARY_SHEETS } from "../../src/core/summary";
import { COMPARE_SHEET } from "../../src/core/summary/compare-sheet";
import { specTable } from "./helpers";
import { kodairaNextYear } from "../compare/next-year";
import { type CompareSheet, cellsOf, compareSheet, itemRows } from "../compare/sheet-helpers";

jest.setTimeout(120_000);

let ja: CompareSheet;
let en: SheetSpec;
beforeAll(async () => {
  const pair = await kodairaNextYear();
  ja = await compareSheet(pair);
  en = (await compareSheet(pair, "en")).spec;
});

/** A row as a committee reads it: No., 取組項目, 変化, 比べた評価, 前年度, 今年度, 増減, 指標の増減, (D), (A), the findings' rules, 備考. */
const outline = (cells: string[]) => [
  cells[1],
  cells[2],
  cells[4],
  cells[5],
  cells[6],
  cells[7],
  cells[8],
  cells[12],
  cells[13],
  cells[14],
  cells[15]
    .split("\n")
    .filter(Boolean)
    .map((l) => l.split(":")[0])
    .join(","),
  cells[16],
];

/** "Went on as it was": continued, the same rating (or none to compare), indicators the same or not judged, new texts, nothing found. */
const asBefore = (o: string[]) =>
  o[2] === "継続" && (o[6] === "→" || o[6] === "—") && o[7].split("\n").every((x) => x === "" || x === "同じ" || x === "判定不可") && [o[8], o[9]].every((x) => x === "" || x === "新しい") && o[10] === "" && o[11] === "";

test("表題、根拠の行、比べた年度、凡例、見出し", () => {
  const { shown } = cellsOf(ja.spec);
  expect(ja.spec.name).toBe("前年度比較");
  expect(shown.A1).toBe("前年度比較");
  expect(String(shown.A2)).toMatch(/^対象年度: 2018年度（平成30年度） ／ 作成: 2026-11-22 09:30 ／ 読み取った記録: 57件 ／ エラーの指摘: \d+件/);
  expect(shown.A3).toBe("比較: 前年度 2017年度（平成29年度） → 今年度 2018年度（平成30年度）");
  expect(String(shown.A4)).toMatch(/^↑ 上がった　→ 同じ　↓ 下がった/);
  expect(itemRows(ja.spec).length).toBe(58);
  expect(specTable(ja.spec, "方針").header).toEqual([
    "方針",
    "No.",
    "取組項目",
    "所管課",
    "取組の変化",
    "比べた評価",
    "前年度の評価",
    "今年度の評価",
    "増減",
    "指標",
    "指標の前年度実績",
    "指標の今年度実績",
    "指標の増減",
    "取組実績(D)",
    "課題と今後の取組(A)",
    "前年度と比べた指摘",
    "備考",
  ]);
});

test("変化のあった行がちょうど期待どおり。ほかの行は継続で、評価・指標が同じ、文章は新しく、指摘はない", () => {
  const rows = itemRows(ja.spec).map((r) => outline(r.cells));
  expect(rows.filter((o) => !asBefore(o))).toEqual([
    ["1", "協働推進体制の充実", "継続", "2次評価", "B", "A", "↑", "同じ\n同じ", "新しい", "新しい", "", ""],
    ["3", "地域コミュニティの推進", "継続", "2次評価", "B", "S", "↑", "同じ", "新しい", "新しい", "", ""],
    ["5", "アダプト制度の推進", "継続", "2次評価", "A", "B", "↓", "同じ", "新しい", "新しい", "RATING-DROPPED,RATING-DROPPED", ""],
    ["7", "観光まちづくりの推進", "継続", "2次評価", "S", "B", "↓", "同じ", "新しい", "新しい", "RATING-DROPPED,RATING-DROPPED", ""],
    ["41", "市民参加の更なる推進に係る検討", "番号変更", "2次評価", "A", "A", "→", "判定不可", "新しい", "新しい", "", "番号 No.9 → No.41\n名称「市民参加のさらなる推進に係る検討」から"],
    ["10", "なるほど出前講座「デリバリーこだい」の推進", "継続", "2次評価", "B", "B", "→", "同じ", "同じ", "新しい", "TEXT-UNCHANGED", ""],
    ["11", "組織目標の管理体制の推進", "継続", "2次評価", "B", "B", "→", "同じ", "新しい", "新しい", "PLAN-CARRYOVER-MISSING", ""],
    ["28", "財産の有効活用の促進", "継続", "2次評価", "S", "A", "↓", "同じ", "新しい", "新しい", "RATING-DROPPED,RATING-DROPPED", ""],
    ["42", "マイナンバー制度の普及", "継続", "2次評価", "A", "A", "→", "悪化（達成→未達成）", "新しい", "新しい", "IND-REGRESSED", ""],
    ["40", "指定管理者制度の検証", "前年度のみ", "", "", "", "—", "", "", "", "ITEM-DROPPED", ""],
  ]);
  // The arrows the totals count: up 2, same 48, down 3 (as `chosahyo compare` says of the 2次評価), and 5 without a rating.
  const arrows = rows.map((o) => o[6]);
  expect(["↑", "→", "↓", "—"].map((a) => arrows.filter((x) => x === a).length)).toEqual([2, 48, 3, 5]);
});

test("指摘とずれた指標は、文と値のまま読める", () => {
  const byNo = new Map(itemRows(ja.spec).map((r) => [r.cells[1], r.cells]));
  expect(byNo.get("10")![15]).toBe("TEXT-UNCHANGED: 取組実績(D)が前年度（No.10!D8）と同じです。今年度の内容を記入してください。");
  expect(byNo.get("42")!.slice(9, 13)).toEqual(["独自利用事務の 検討実施数", "4事務", "0事務", "悪化（達成→未達成）"]);
  expect(byNo.get("40")![15]).toMatch(/^ITEM-DROPPED: 前年度のNo\.40「指定管理者制度の検証」（No\.40!A5）が今年度のブックにありません。/);
  expect(byNo.get("40")!.slice(0, 4)).toEqual(["執行体制の再構築", "40", "指定管理者制度の検証", "公共施設マネジメント課、施設所管課"]);
});

test("目立たせるのは、2段階以上か最も低い評価への低下、達成→未達成の指標、前年度と同じ文章だけ", () => {
  const rows = itemRows(ja.spec);
  const alerts = rows.flatMap((r) => r.styles.map((s, c) => (s === "alert" || s === "alertCenter" ? `No.${r.cells[1]} ${c}` : "")).filter(Boolean));
  // 7 = 今年度の評価, 8 = 増減; 11 = 今年度の実績, 12 = 指標の増減. No.5 (A→B) went to the lowest, No.7 (S→B) two steps; No.28 (S→A) neither.
  expect(alerts).toEqual(["No.5 7", "No.5 8", "No.7 7", "No.7 8", "No.42 11", "No.42 12"]);
  const cautions = rows.flatMap((r) => r.styles.map((s, c) => (s === "caution" ? `No.${r.cells[1]} ${c}` : "")).filter(Boolean));
  expect(cautions).toEqual(["No.10 13"]);
  expect(ja.spec.styles.alert.fill).toBeDefined();
});

test("取組名は今年度のシートへのリンク。前年度にしかない取組はリンクなし", () => {
  const t = specTable(ja.spec, "方針");
  const title = (no: string) => t.links[t.rows.findIndex((r) => r[1] === no)][2];
  expect([title("5"), title("41"), title("40")]).toEqual(["No.5!A5", "No.9!A5", undefined]);
});

test("方針別: 上がった・同じ・下がった・比べる評価なし を COUNTIFS で数え、計は SUM", () => {
  const t = specTable(ja.spec, ["方針", "↑ 上がった"]);
  expect(t.header).toEqual(["方針", "↑ 上がった", "→ 同じ", "↓ 下がった", "— 比べる評価なし", "計"]);
  expect(t.rows).toEqual([
    ["地域協働の推進", 2, 9, 2, 4, 17],
    ["情報の共有と双方向のコミュニケーション", 0, 2, 0, 0, 2],
    ["PDCAサイクルの構築", 0, 6, 0, 0, 6],
    ["財政基盤の強化", 0, 15, 1, 0, 16],
    ["執行体制の再構築", 0, 16, 0, 1, 17],
    ["計", 2, 48, 3, 5, 58],
  ]);
  const first = t.formulas[0];
  const row = Number(/A(\d+)/.exec(first[1]!)![1]);
  expect(first.slice(1)).toEqual([
    `COUNTIFS($A$6:$A$63,"="&A${row},$I$6:$I$63,"↑")`,
    `COUNTIFS($A$6:$A$63,"="&A${row},$I$6:$I$63,"→")`,
    `COUNTIFS($A$6:$A$63,"="&A${row},$I$6:$I$63,"↓")`,
    `COUNTIFS($A$6:$A$63,"="&A${row},$I$6:$I$63,"—")`,
    `SUM(B${row}:E${row})`,
  ]);
  expect(t.formulas[5].slice(1)).toEqual(["B", "C", "D", "E", "F"].map((c) => `SUM(${c}${row}:${c}${row + 4})`));
  // The chart: the groups by the three arrows, beside the table, as 評価集計's.
  expect(ja.spec.charts).toEqual([
    expect.objectContaining({
      kind: "stacked-bar",
      title: "方針別（取組ごとの評価の増減）",
      categories: { top: row - 1, left: 0, bottom: row + 3, right: 0 },
      series: [
        { name: "上がった", values: { top: row - 1, left: 1, bottom: row + 3, right: 1 } },
        { name: "同じ", values: { top: row - 1, left: 2, bottom: row + 3, right: 2 } },
        { name: "下がった", values: { top: row - 1, left: 3, bottom: row + 3, right: 3 } },
      ],
    }),
  ]);
});

test("所管課別: 1件の取組を記載された各課で数える（課の名前を区切りの間で探す数式）。課を特定しない記載は後ろ", () => {
  const t = specTable(ja.spec, ["所管課", "↑ 上がった"]);
  const at = (d: string) => t.rows.find((r) => r[0] === d);
  expect(at("政策課")).toEqual(["政策課", 2, 8, 0, 0, 10]); // No.1 and No.3 went up
  expect(at("水と緑と公園課")).toEqual(["水と緑と公園課", 0, 0, 1, 0, 1]); // No.5
  expect(at("産業振興課")).toEqual(["産業振興課", 0, 1, 1, 0, 2]); // No.7 down, No.22 the same
  expect(at("公共施設マネジメント課")).toEqual(["公共施設マネジメント課", 0, 3, 1, 1, 5]); // No.28 down, No.40 gone
  expect(t.rows.slice(-4).map((r) => r[0])).toEqual(["各所管課", "施設所管課", "全課", "延べ計"]);
  const sums = [1, 2, 3, 4, 5].map((c) => t.rows.slice(0, -1).reduce((n, r) => n + (r[c] as number), 0));
  expect(t.rows[t.rows.length - 1].slice(1)).toEqual(sums);
  const i = t.rows.findIndex((r) => r[0] === "政策課");
  const row = Number(/A(\d+)/.exec(t.formulas[i][1]!)![1]);
  expect(t.formulas[i][1]).toBe(`SUMPRODUCT(ISNUMBER(FIND("、"&A${row}&"、","、"&$D$6:$D$63&"、"))*($I$6:$I$63="↑"))`);
});

test("表（chosahyo_compare）、見出しで固定、A4 横で見出しを各ページに", () => {
  expect(ja.spec.tables).toEqual([{ name: "chosahyo_compare", range: { top: 4, left: 0, bottom: 62, right: 16 } }]);
  expect(ja.spec.freeze).toEqual({ rows: 5, cols: 0 });
  expect(ja.spec.print).toEqual(expect.objectContaining({ orientation: "landscape", paper: "A4", fitToWidth: true, repeatRows: { top: 4, bottom: 4 } }));
  expect(ja.spec.basisCell).toEqual({ row: 1, col: 0 });
  expect(ja.spec.columnWidths).toHaveLength(17);
});

test("セルから来た文字列はすべて文字列として書く（数式にしない）。数式は集計の数だけ", () => {
  const { kind, formula } = cellsOf(ja.spec);
  const table = ja.spec.tables![0].range;
  const inTable = Object.entries(kind).filter(([a]) => Number(/\d+/.exec(a)![0]) - 1 <= table.bottom);
  expect(inTable.every(([, k]) => k === "text" || k === "empty")).toBe(true);
  expect(Object.values(formula).every((f) => /^(COUNTIFS|SUMPRODUCT|SUM)\(/.test(f))).toBe(true);
  // Japanese Excel may read full-width characters of a formula as their NFKC forms: the formulas have none to lose.
  expect(Object.values(formula).filter((f) => f.normalize("NFKC") !== f)).toEqual([]);
});

test("英語の見出し", () => {
  const { shown } = cellsOf(en);
  expect(shown.A1).toBe("Year over year");
  expect(shown.A3).toBe("Compared: last year FY2017 (平成29年度) → this year FY2018 (平成30年度)");
  expect(specTable(en, "Policy").header.slice(1)).toEqual([
    "No.",
    "Item",
    "Departments",
    "Item change",
    "Rating compared",
    "Last year",
    "This year",
    "Up/down",
    "Indicator",
    "Indicator last year",
    "Indicator this year",
    "Indicator trend",
    "results (D)",
    "issues and next steps (A)",
    "Year-over-year findings",
    "Note",
  ]);
  const rows = itemRows(en).map((r) => r.cells);
  const no = (n: string) => rows.find((r) => r[1] === n)!;
  expect([no("41")[4], no("40")[4], no("5")[4], no("42")[12], no("10")[13]]).toEqual(["renumbered", "last year only", "continued", "worse (met → unmet)", "same"]);
  expect(specTable(en, ["Policy", "↑ up"]).header).toEqual(["Policy", "↑ up", "→ same", "↓ down", "— none to compare", "Total"]);
});

test("前年度のブックがあるときだけ作れる。順番は未着手・中止一覧と検証結果の間", () => {
  expect(availableSummaries(ja.input)).toContain(COMPARE_SHEET);
  expect(availableSummaries({ ...ja.input, comparison: undefined })).not.toContain(COMPARE_SHEET);
  expect(SUMMARY_SHEETS.indexOf(COMPARE_SHEET)).toBe(SUMMARY_SHEETS.indexOf("検証結果") - 1);
});
