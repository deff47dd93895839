/**
 * @jest-environment node
 *
 * 評価一覧 (src/core/summary/rating-list.ts): one row per item, its ratings and the final one, the title a link to the
 * item's sheet. The 小平 sample, checked in the saved file as a user would open it; then a small workbook.
 */
import { linkAt } from "../helpers/exceljs-book";
import { check, kodairaList, kodairaSurvey } from "../rules/harness";
import { generateKodaira, specTable, summarySpecs, tableBelow } from "./helpers";

describe("評価一覧", () => {
  test("評価一覧は再掲を含む 43 行で、各行の取組項目は元のシートのセルへリンクする", async () => {
    const { reopened, written, saved } = await generateKodaira();
    // The seed's own 評価一覧 is a user sheet: the generated one takes a free name and the user's is untouched.
    expect(written[0]).toEqual({ name: "評価一覧 (2)", requestedName: "評価一覧", replaced: false });
    const ws = reopened.getWorksheet("評価一覧 (2)")!;
    const t = tableBelow(ws, "方針");
    expect(t.rows).toHaveLength(43);
    const repost = t.rows.find((r) => r[1] === "29")!;
    expect(repost[9]).toBe("No.15の再掲");
    const no24 = t.rows.findIndex((r) => r[1] === "24");
    const link = linkAt(saved, "評価一覧 (2)", t.headerRow + 1 + no24, 3);
    expect(link.hyperlink).toBe("#'No.24'!A5");
    expect(link.text).toBe("介護保険料の収納率向上 対策の実施");
    expect(Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables)).toEqual(["chosahyo_ratings"]);
    expect(ws.pageSetup.orientation).toBe("landscape");
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.printTitlesRow).toBe("4:4");
    expect(ws.headerFooter.oddFooter).toContain("&A");
  });

  test("小さなブック: 2項目を1行ずつ、最終評価は2次評価があればそれ、なければ1次評価で、取組項目はシートの見出しへリンクする", () => {
    const c = check("kodaira-chosahyo", [
      kodairaList([
        { no: 1, title: "事務事業の見直し", group: "地域協働の推進", rating1: "A" },
        { no: 2, title: "使用料の見直し", group: "財政基盤の強化", rating1: "B", rating2: "S" },
      ]),
      kodairaSurvey(),
      kodairaSurvey({ sheetName: "No.2", id: "2", itemTitle: "使用料の見直し", eval1: { rating: "B", comment: "遅れた。" }, eval2: { rating: "S", comment: "十分。" } }),
    ]);
    const t = specTable(summarySpecs(c.report).get("評価一覧")!, "方針");
    expect(t.header).toEqual(["方針", "No.", "取組項目", "区分", "所管課", "1次評価", "2次評価", "最終評価", "指標数", "再掲", "シート"]);
    expect(t.rows).toEqual([
      ["地域協働の推進", "1", "事務事業の見直し", null, "行政経営課", "A", null, "A", 1, null, "No.1"],
      ["財政基盤の強化", "2", "使用料の見直し", null, "行政経営課", "B", "S", "S", 1, null, "No.2"],
    ]);
    expect(t.links.map((r) => r[2])).toEqual(["No.1!A5", "No.2!A5"]);
  });
});
