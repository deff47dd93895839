/**
 * @jest-environment node
 *
 * 評価集計 (src/core/summary/crosstab.ts): group × rating with live totals and shares, and the table by department.
 * The 小平 sample, checked in the saved file as a user would open it; then a small workbook of two items.
 */
import type ExcelJS from "exceljs";
import { check, kodairaList, kodairaSurvey } from "../rules/harness";
import { generateKodaira, specTable, summarySpecs, tableBelow } from "./helpers";

let reopened: ExcelJS.Workbook;
beforeAll(async () => {
  ({ reopened } = await generateKodaira());
});

describe("評価集計 (docs/summaries.md の表を再現する)", () => {
  test("方針別の S/A/B と計が公表の表と一致し、計は数式である（再掲を除く 41 項目）", () => {
    const ws = reopened.getWorksheet("評価集計")!;
    const t = tableBelow(ws, "方針");
    expect(t.header).toEqual(["方針", "S", "A", "B", "未評価", "計"]);
    const byLabel = Object.fromEntries(t.rows.map((r) => [r[0], r.slice(1)]));
    // docs/summaries.md: 小平 調査票, 評価集計 by 方針, reposts 29 and 41 excluded.
    expect(byLabel["地域協働の推進"]).toEqual([1, 4, 2, 0, 7]);
    expect(byLabel["情報の共有と双方向のコミュニケーション"]).toEqual([0, 1, 2, 0, 3]);
    expect(byLabel["PDCAサイクルの構築"]).toEqual([0, 4, 2, 0, 6]);
    expect(byLabel["財政基盤の強化"]).toEqual([1, 8, 4, 0, 13]);
    expect(byLabel["執行体制の再構築"]).toEqual([0, 12, 0, 0, 12]);
    expect(byLabel["計"]).toEqual([2, 29, 10, 0, 41]);
    expect(t.rows.map((r) => r[0])).toEqual(["地域協働の推進", "情報の共有と双方向のコミュニケーション", "PDCAサイクルの構築", "財政基盤の強化", "執行体制の再構築", "計", "割合"]);
    // Row totals and column totals are live formulas over the sheet's own cells.
    const totalRow = t.rows.findIndex((r) => r[0] === "計");
    t.rows.slice(0, totalRow).forEach((_, i) => expect(t.formulas[i][5]).toMatch(/^SUM\(B\d+:E\d+\)$/));
    expect(t.formulas[totalRow].slice(1)).toEqual(["SUM(B5:B9)", "SUM(C5:C9)", "SUM(D5:D9)", "SUM(E5:E9)", "SUM(F5:F9)"]);
    // Shares: 2/41, 29/41, 10/41.
    const share = t.rows[totalRow + 1];
    expect(share.slice(1, 4).map((v) => Math.round((v as number) * 1000) / 1000)).toEqual([0.049, 0.707, 0.244]);
    expect(ws.getCell("A1").value).toBe("評価集計");
    expect(String(ws.getCell("A2").value)).toContain("2017年度（平成29年度）");
    expect(String(ws.getCell("A2").value)).toContain("読み取った記録: 58件");
    expect(String(ws.getCell("A2").value)).toContain("エラーの指摘: 4件");
    // The chart cannot be drawn by the file renderer: the basis line says so.
    expect(String(ws.getCell("A2").value)).toContain("グラフ");
  });

  test("再掲を含めると 3 / 30 / 10 = 43 になる", async () => {
    const { reopened: withReposts } = await generateKodaira({ includeReposts: true });
    const t = tableBelow(withReposts.getWorksheet("評価集計")!, "方針");
    expect(t.rows.find((r) => r[0] === "計")!.slice(1)).toEqual([3, 30, 10, 0, 43]);
    expect(t.rows.find((r) => r[0] === "財政基盤の強化")!.slice(1)).toEqual([1, 9, 4, 0, 14]);
    expect(t.rows.find((r) => r[0] === "執行体制の再構築")!.slice(1)).toEqual([1, 12, 0, 0, 13]);
  });

  test("所管課別の表では各所管課・全課を別の行に分けて数える", () => {
    const t = tableBelow(reopened.getWorksheet("評価集計")!, "所管課");
    const labels = t.rows.map((r) => String(r[0]));
    const unspecified = labels.filter((l) => l.endsWith("（課を特定しない記載）"));
    expect(unspecified).toEqual(["各所管課（課を特定しない記載）", "施設所管課（課を特定しない記載）", "全課（課を特定しない記載）"]);
    // They come after every named department, just before the total.
    expect(labels.slice(-4, -1)).toEqual(unspecified);
    expect(labels[labels.length - 1]).toBe("延べ計");
    // 政策課 is listed on 10 main sheets (not counting reposts).
    expect(t.rows.find((r) => r[0] === "政策課")!.slice(-1)).toEqual([10]);
  });
});

describe("評価集計（小さなブック）", () => {
  test("2項目: 方針ごとに最終評価（2次評価があればそれ）で1回ずつ数え、計と割合は数式、所管課別は課ごとに数える", () => {
    const c = check("kodaira-chosahyo", [
      kodairaList([
        { no: 1, title: "事務事業の見直し", group: "地域協働の推進", rating1: "A" },
        { no: 2, title: "使用料の見直し", group: "財政基盤の強化", departments: "財政課 行政経営課", rating1: "B", rating2: "S" },
      ]),
      kodairaSurvey(),
      kodairaSurvey({ sheetName: "No.2", id: "2", itemTitle: "使用料の見直し", departments: "財政課 行政経営課", eval1: { rating: "B", comment: "遅れた。" }, eval2: { rating: "S", comment: "十分。" } }),
    ]);
    const sheet = summarySpecs(c.report).get("評価集計")!;
    const byGroup = specTable(sheet, "方針");
    expect(byGroup.header).toEqual(["方針", "S", "A", "B", "未評価", "計"]);
    expect(byGroup.rows).toEqual([
      ["地域協働の推進", 0, 1, 0, 0, 1],
      ["財政基盤の強化", 1, 0, 0, 0, 1],
      ["計", 1, 1, 0, 0, 2],
      ["割合", 0.5, 0.5, 0, 0, 1],
    ]);
    expect(byGroup.formulas.map((r) => r[5])).toEqual(["SUM(B5:E5)", "SUM(B6:E6)", "SUM(F5:F6)", "IF(F7=0,0,F7/F7)"]);
    expect(byGroup.formulas[2].slice(1, 5)).toEqual(["SUM(B5:B6)", "SUM(C5:C6)", "SUM(D5:D6)", "SUM(E5:E6)"]);
    // No.2 lists two departments: it counts once under each, so the 延べ計 is 3 for 2 items.
    const byDepartment = specTable(sheet, "所管課");
    expect(byDepartment.rows.map((r) => r.slice(0, 6))).toEqual([
      ["行政経営課", 1, 1, 0, 0, 2],
      ["財政課", 1, 0, 0, 0, 1],
      ["延べ計", 2, 1, 0, 0, 3],
    ]);
  });
});
