/**
 * @jest-environment node
 *
 * 前年度比較 drawn by the Office adapter on the strict fake of Excel, in this year's 小平 workbook: every cell the spec
 * holds (texts as text, the totals as formulas), the table, the chart by 方針 (drawn here, so the basis line has no
 * "not drawn" note), the frozen header and the print setup.
 */
import { toA1 } from "../../src/core/model/address";
import { rigFromXlsx } from "../office/office-helpers";
import { kodairaNextYear } from "./next-year";
import { compareSheet } from "./sheet-helpers";

jest.setTimeout(120_000);

test("Office アダプターで前年度比較を書く: セル・数式・表・グラフ・固定・印刷設定", async () => {
  const pair = await kodairaNextYear();
  const { spec } = await compareSheet(pair);
  const { fake, book } = await rigFromXlsx(pair.next.bytes);
  expect(await book.writeOwnedSheets([spec])).toEqual([{ name: "前年度比較", replaced: false }]);
  const ws = fake.book.sheet("前年度比較")!;

  // Each cell as the spec says: text as a String (never a formula), each total as its formula.
  const problems: string[] = [];
  for (const c of spec.cells) {
    const at = toA1(c.row, c.col);
    const cell = ws.at(at);
    if (c.value.t === "text" && !(c.row === 1 && c.col === 0)) {
      if (cell?.type !== "String" || cell.value !== c.value.v || cell.formula) problems.push(`${at}: ${JSON.stringify(cell)}`);
    } else if (c.value.t === "formula") {
      if (cell?.formula !== `=${c.value.f}`) problems.push(`${at}: ${cell?.formula}`);
    }
  }
  expect(problems).toEqual([]);
  expect(ws.at("I20")?.value).toBe("↓"); // No.5

  expect(fake.book.tables().map(({ sheet, table }) => [sheet.name, table.name, table.box])).toEqual([["前年度比較", "chosahyo_compare", { top: 4, left: 0, bottom: 62, right: 16 }]]);
  expect(ws.charts.map((c) => [c.type, c.title, c.series.map((s) => s.name), c.categories])).toEqual([
    ["BarStacked", "方針別（取組ごとの評価の増減）", ["上がった", "同じ", "下がった"], { top: 66, left: 0, bottom: 70, right: 0 }],
  ]);
  expect(String(ws.valueAt("A2"))).not.toContain("グラフ");
  expect(ws.freeze).toEqual({ rows: 5, cols: 0 });
  expect(ws.pageLayout).toEqual(expect.objectContaining({ orientation: "Landscape", paperSize: "A4", printTitleRows: "$5:$5" }));
});
