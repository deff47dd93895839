/**
 * @jest-environment node
 *
 * 指標達成状況 (src/core/summary/indicators.ts): one row per compared figure of an indicator, judged against the
 * 対象年度. The 小平 sample, checked in the saved file as a user would open it; then a small workbook.
 */
import { formatNumber } from "../../src/taskpane/demo/number-format";
import { check, kodairaSurvey } from "../rules/harness";
import { generateKodaira, specTable, summarySpecs, tableBelow } from "./helpers";

describe("指標達成状況", () => {
  test("指標達成状況: No.24 は未達、No.6 は期限前、No.35 は判定不可", async () => {
    const { reopened } = await generateKodaira();
    const t = tableBelow(reopened.getWorksheet("指標達成状況")!, "No.");
    const rows = (no: string) => t.rows.filter((r) => r[0] === no);
    expect(rows("24").map((r) => r[9])).toEqual(["未達", "未達", "未達"]);
    expect(rows("24").map((r) => r[11])).toEqual(["現年分", "滞繰分", "全体"]);
    expect(rows("6")[0][9]).toBe("期限前");
    expect(rows("35")[0][9]).toBe("判定不可");
    // No.28: 1千万円/年 against 29,509,646円, both in 円 after conversion.
    expect(rows("28")[0].slice(3, 8)).toEqual([10000000, 10000000, null, 29509646, "円"]);
    // As Excel shows them: "#,##0.##" would show a whole number with a bare point (29,509,646.).
    const ws = reopened.getWorksheet("指標達成状況")!;
    const shown = (no: string, col: number) => {
      const cell = ws.getCell(t.headerRow + 1 + t.rows.findIndex((r) => r[0] === no), col + 1);
      return formatNumber(cell.value as number, cell.numFmt);
    };
    expect([3, 4, 6].map((c) => shown("28", c))).toEqual(["10,000,000", "10,000,000", "29,509,646"]);
  });

  test("小数のある値は小数まで、整数の値は小数点を付けずに表示する", () => {
    const c = check("kodaira-chosahyo", [kodairaSurvey({ indicators: [{ label: "満足度", baseline: 3, target: 3.5, actual: 3.25 }] })]);
    const spec = summarySpecs(c.report).get("指標達成状況")!;
    const t = specTable(spec, "No.");
    const row = spec.cells.find((x) => x.value.t === "text" && x.value.v === "満足度")!.row;
    const shown = [3, 4, 6].map((col) => {
      const cell = spec.cells.find((x) => x.row === row && x.col === col)!;
      return formatNumber((cell.value as { v: number }).v, spec.styles?.[cell.style!]?.numberFormat);
    });
    expect(t.rows[0].slice(3, 7)).toEqual([3, 3.5, null, 3.25]);
    expect(shown).toEqual(["3", "3.5", "3.25"]);
  });

  test("小さなブック: 現状値 10・目標値 20・実績値 15 は未達で進捗率 50%、0→4 に 5 は達成で 125%。指標名は実績値のセルへリンクする", () => {
    const c = check("kodaira-chosahyo", [
      kodairaSurvey(),
      kodairaSurvey({ sheetName: "No.2", id: "2", itemTitle: "使用料の見直し", indicators: [{ label: "見直した使用料", baseline: 0, target: 4, actual: 5 }] }),
    ]);
    const t = specTable(summarySpecs(c.report).get("指標達成状況")!, "No.");
    expect(t.header).toEqual(["No.", "取組項目", "指標", "現状値", "目標値", "比較", "実績値", "単位", "方向", "判定", "進捗率", "備考", "シート"]);
    expect(t.rows).toEqual([
      ["1", "事務事業の見直し", "見直し件数", 10, 20, null, 15, null, "高いほどよい", "未達", 0.5, null, "No.1"],
      ["2", "使用料の見直し", "見直した使用料", 0, 4, null, 5, null, "高いほどよい", "達成", 1.25, null, "No.2"],
    ]);
    expect(t.links.map((r) => r[2])).toEqual(["No.1!E5", "No.2!E5"]);
  });
});
