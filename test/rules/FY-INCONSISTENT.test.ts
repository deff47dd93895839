/**
 * @jest-environment node
 *
 * FY-INCONSISTENT on 小平 調査票 sheets (kodaira-chosahyo): a sheet whose title states another 対象年度
 * (`…調査票（平成30年度末）`) than the workbook's (the most common one, or the one the user set) is reported (error)
 * on the title's cell, A1.
 */
import { check, kodairaSurvey } from "./harness";

const RULE = "FY-INCONSISTENT";

const survey = (id: string, year = "平成29年度末") =>
  kodairaSurvey({ sheetName: `No.${id}`, id, itemTitle: `取組${id}`, title: `第3次行財政再構築進捗状況調査票（${year}）` });

describe("指摘しない", () => {
  test("すべてのシートが平成29年度末", () => {
    expect(check("kodaira-chosahyo", [survey("1"), survey("2"), survey("3")]).of(RULE)).toEqual([]);
  });

  test("「平成29年度」と「平成29年度末」は同じ年度", () => {
    expect(check("kodaira-chosahyo", [survey("1"), survey("2", "平成29年度")]).of(RULE)).toEqual([]);
  });

  test("シートが1枚なら、そのシートの年度がブックの年度", () => {
    expect(check("kodaira-chosahyo", survey("1", "平成30年度末")).of(RULE)).toEqual([]);
  });
});

describe("指摘する", () => {
  test("3枚のうち1枚だけ平成30年度末: そのシートの表題 A1 に、シートとブックの年度を示すエラー", () => {
    const r = check("kodaira-chosahyo", [survey("1"), survey("2"), survey("3", "平成30年度末")]);
    expect(r.of(RULE)).toEqual([
      expect.objectContaining({ severity: "error", sheet: "No.3", cell: "A1", ja: "このシートの対象年度（2018年度）がブックの対象年度（2017年度）と異なります。" }),
    ]);
    expect(r.of(RULE)[0].en).toBe("This sheet's fiscal year (2018) differs from the workbook's (2017).");
  });

  test("利用者が対象年度を 2018 と指定すれば、平成29年度末のシートがすべて食い違い", () => {
    const r = check("kodaira-chosahyo", [survey("1"), survey("2"), survey("3", "平成30年度末")], { fiscalYear: 2018 });
    expect(r.cells(RULE)).toEqual(["No.1!A1", "No.2!A1"]);
    expect(r.of(RULE)[0].ja).toContain("（2017年度）がブックの対象年度（2018年度）");
  });

  test("令和の表題も年度として読む（令和元年度末 = 2019）", () => {
    const r = check("kodaira-chosahyo", [survey("1", "令和2年度末"), survey("2", "令和2年度末"), survey("3", "令和元年度末")]);
    expect(r.of(RULE).map((f) => [f.sheet, f.ja])).toEqual([["No.3", "このシートの対象年度（2019年度）がブックの対象年度（2020年度）と異なります。"]]);
  });
});
