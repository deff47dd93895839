/**
 * @jest-environment node
 *
 * 検証結果 (src/core/summary/findings-sheet.ts): counts by severity and by rule, then every finding with a link to its
 * cell. The 小平 sample, checked in the saved file as a user would open it; then two findings of a small check.
 */
import type { Finding } from "../../src/core/model/finding";
import { linkAt } from "../helpers/exceljs-book";
import { generateKodaira, specTable, summarySpecs, tableBelow } from "./helpers";

describe("検証結果", () => {
  test("検証結果: 重要度別・規則別の件数と、セルへのリンクつきの指摘一覧", async () => {
    const { reopened, report, saved } = await generateKodaira();
    const ws = reopened.getWorksheet("検証結果")!;
    const counts = tableBelow(ws, "重要度");
    expect(counts.rows.slice(0, 3).map((r) => [r[0], r[1]])).toEqual([
      ["エラー", 4],
      ["警告", 96],
      ["情報", 15],
    ]);
    let head = 0;
    ws.eachRow((row, r) => {
      if (row.getCell(1).value === "重要度" && row.getCell(2).value === "規則") head = r;
    });
    expect(head).toBeGreaterThan(0);
    const first = linkAt(saved, "検証結果", head + 1, 4);
    expect(first.hyperlink).toBe(`#'${report.findings[0].sheet}'!${report.findings[0].cell}`);
    expect(ws.getCell(head + report.findings.length, 1).value).toBeTruthy();
    expect(ws.getCell(head + report.findings.length + 1, 1).value).toBeNull();
  });

  test("2件の指摘は2行になり、規則・セル（リンク）・内容・修正候補を文字列で書く。「=」で始まる内容も数式にしない", () => {
    const findings: Finding[] = [
      {
        ruleId: "CODE-VARIANT",
        severity: "warning",
        sheet: "No.1",
        cell: "F8",
        recordId: "1",
        message: { ja: "評価は半角の「A」で書きます。", en: "Write the rating as a half-width A." },
        fix: { description: { ja: "半角にする", en: "Make it half-width" }, edits: [{ sheet: "No.1", cell: "F8", before: "Ａ", after: "A" }] },
      },
      {
        ruleId: "TEXT-HTML",
        severity: "info",
        sheet: "No.2",
        cell: "D8",
        message: { ja: '=HYPERLINK("http://example.com") にタグが残っています。', en: '=HYPERLINK("http://example.com") has a tag left.' },
      },
    ];
    const sheet = summarySpecs({ records: [], findings }).get("検証結果")!;
    const counts = specTable(sheet, ["重要度", "件数"]);
    expect(counts.rows).toEqual([
      ["エラー", 0],
      ["警告", 1],
      ["情報", 1],
    ]);
    const byRule = specTable(sheet, ["規則", "件数"], 3); // beside the counts by severity, from D
    expect(byRule.rows).toEqual([
      ["CODE-VARIANT", 1],
      ["TEXT-HTML", 1],
    ]);
    const list = specTable(sheet, ["重要度", "規則"]);
    expect(list.header).toEqual(["重要度", "規則", "シート", "セル", "No.", "内容", "修正候補"]);
    expect(list.rows).toEqual([
      ["警告", "CODE-VARIANT", "No.1", "F8", "1", "評価は半角の「A」で書きます。", "F8: Ａ → A"],
      ["情報", "TEXT-HTML", "No.2", "D8", null, '=HYPERLINK("http://example.com") にタグが残っています。', null],
    ]);
    expect(list.links.map((r) => r[3])).toEqual(["No.1!F8", "No.2!D8"]);
    // Written as text: a renderer never turns the message into a formula.
    expect(list.kinds[1][5]).toBe("text");
    expect(list.formulas.flat().filter(Boolean)).toEqual([]);
  });
});
