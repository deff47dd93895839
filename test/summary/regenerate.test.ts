/**
 * @jest-environment node
 *
 * Generating again replaces the add-in's own summary sheets and leaves a user's sheet of the same name as it was
 * (docs/summaries.md, "Only its own sheets"): the 小平 sample with a user's 評価集計, summarised twice.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { generate, KODAIRA_SEED } from "./helpers";

describe("作り直しと利用者のシート", () => {
  test("2回作っても集計シートは1組だけで、利用者の「評価集計」シートは変わらない", async () => {
    const src = new ExcelJS.Workbook();
    await src.xlsx.load(readFileSync(KODAIRA_SEED) as unknown as ArrayBuffer);
    const mine = src.addWorksheet("評価集計");
    mine.getCell("B2").value = "利用者が作った表";
    mine.getCell("B3").value = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue;
    const bytes = new Uint8Array((await src.xlsx.writeBuffer()) as ArrayBuffer);
    const first = await generate(bytes);
    const second = await generate(first.saved);
    const names = second.reopened.worksheets.filter((w) => w.state === "visible").map((w) => w.name);
    expect(names.filter((n) => n.startsWith("評価集計"))).toEqual(["評価集計", "評価集計 (2)"]);
    expect(names.filter((n) => n.startsWith("評価一覧"))).toEqual(["評価一覧", "評価一覧 (2)"]);
    expect(names.filter((n) => n === "指標達成状況" || n === "検証結果")).toEqual(["指標達成状況", "検証結果"]);
    const user = second.reopened.getWorksheet("評価集計")!;
    expect(user.getCell("B2").value).toBe("利用者が作った表");
    expect(user.getCell("B3").formula).toBe("1+1");
    expect(user.actualRowCount).toBe(2);
  });
});
