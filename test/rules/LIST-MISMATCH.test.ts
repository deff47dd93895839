/**
 * @jest-environment node
 *
 * LIST-MISMATCH: a list sheet's row that disagrees with its record. On the 小平 評価一覧 (kodaira-chosahyo, one row per
 * item from row 5: C 取組項目, D 主な推進担当課, E 所管課 rating, F 行革本部 rating), paired by No. with the 調査票 sheets:
 * a rating that differs is an error on the list's rating cell; a title that differs, or a department the sheet does not
 * list, is a warning on the list's cell. On the 武蔵野 目次 (musashino-torikumi, no No. column), rows pair by 事業名
 * under the same headings, then by position.
 */
import type { CellValue } from "../../src/core/model/cell";
import type { ListRowInput, SurveySheetInput } from "../../src/core/template/kodaira-chosahyo";
import { check, kodairaList, kodairaSurvey, type MusashinoProject, musashinoProject, sheet } from "./harness";

const RULE = "LIST-MISMATCH";

const survey = (id: string, over: Partial<SurveySheetInput> = {}) => kodairaSurvey({ sheetName: `No.${id}`, id, itemTitle: `取組${id}`, ...over });

/** The 評価一覧 with rows No.1 and No.2 (as given) and the two sheets (as given). */
function kodaira(rows: [Partial<ListRowInput>, Partial<ListRowInput>], sheets: [Partial<SurveySheetInput>, Partial<SurveySheetInput>] = [{}, {}], stage?: "本部評価後") {
  return check("kodaira-chosahyo", [kodairaList([{ title: "取組1", ...rows[0] }, { title: "取組2", ...rows[1] }]), survey("1", sheets[0]), survey("2", sheets[1])], { stage });
}

describe("小平 評価一覧", () => {
  test.each([
    ["題名・担当課・評価がすべて一致", [{}, {}], [{}, {}]],
    ["題名の全角・半角と空白の違いだけ", [{ title: "取組１" }, { title: "取組 2" }], [{}, {}]],
    ["題名に付いた【】のタグと再掲の注記は比べない", [{ title: "【重点】取組1" }, {}], [{}, {}]],
    ["一覧の担当課が「各所管課」", [{ departments: "各所管課" }, {}], [{}, {}]],
    ["シートの担当課が一覧より多い（一覧は主な課だけ）", [{}, {}], [{ departments: "行政経営課 財政課" }, {}]],
    ["一覧の担当課の (旧…) の注記は比べない", [{ departments: "行政経営課(旧行政課)" }, {}], [{}, {}]],
    ["一覧の評価が空（評価の欠落は REQUIRED-MISSING）", [{ rating1: null }, {}], [{}, {}]],
  ] as const)("指摘しない: %s", (_, rows, sheets) => {
    expect(kodaira([rows[0], rows[1]], [sheets[0], sheets[1]]).of(RULE)).toEqual([]);
  });

  test("1次評価が違う: 一覧の所管課評価のセル E5 にエラー、両方の評価を示す", () => {
    const r = kodaira([{ rating1: "B" }, {}]);
    expect(r.of(RULE)).toEqual([
      expect.objectContaining({ severity: "error", sheet: "評価一覧", cell: "E5", ja: "評価一覧の1次評価（B）がシート「No.1」の1次評価（A）と一致しません。" }),
    ]);
    expect(r.of(RULE)[0].en).toBe('評価一覧 gives 1st evaluation B, but sheet "No.1" gives A.');
  });

  test("2次評価が違う: 行革本部評価のセル F6", () => {
    const r = kodaira([{ rating2: "A" }, { rating2: "S" }], [{ eval2: { rating: "A", comment: null } }, { eval2: { rating: "A", comment: null } }], "本部評価後");
    expect(r.cells(RULE)).toEqual(["評価一覧!F6"]);
    expect(r.of(RULE)[0].ja).toBe("評価一覧の2次評価（S）がシート「No.2」の2次評価（A）と一致しません。");
  });

  test("題名が違う: 取組項目のセル C6 に警告、両方の題名を示す", () => {
    const r = kodaira([{}, { title: "取組二" }]);
    expect(r.of(RULE).map((f) => [f.cell, f.severity, f.ja])).toEqual([
      ["C6", "warning", "評価一覧の取組項目「取組二」が、シート「No.2」の取組項目「取組2」と一致しません。"],
    ]);
  });

  test("一覧の担当課がシートにない: 担当課のセル D5 に警告、ない課だけを示す", () => {
    const r = kodaira([{ departments: "行政経営課、財政課、契約課" }, {}]);
    expect(r.of(RULE).map((f) => [f.cell, f.severity, f.ja])).toEqual([
      ["D5", "warning", "評価一覧の所管課のうち「財政課、契約課」が、シート「No.1」の所管課にありません。"],
    ]);
  });

  test("再掲の行はこの規則では比べない（REPOST-MISMATCH が比べる）", () => {
    const r = check("kodaira-chosahyo", [kodairaList([{ title: "取組1" }, { no: 2, title: "取組1 【No.1の再掲】", rating1: "B" }]), survey("1")]);
    expect(r.of(RULE)).toEqual([]);
    expect(r.cells("REPOST-MISMATCH")).toEqual(["評価一覧!E6"]);
  });
});

describe("武蔵野 目次", () => {
  const HEADINGS: CellValue[][] = [["I：方針"], ["1. 項"], ["(1) 細目"]];
  const toc = (rows: CellValue[][]) => sheet("目次", [["事業名", "担当課", "頁"], ...HEADINGS, ...rows]);
  const body = (projects: MusashinoProject[]) => sheet("取組状況", [...HEADINGS, ...projects.flatMap((p) => musashinoProject(p))]);

  test("事業名と担当課が一致すれば指摘しない", () => {
    expect(check("musashino-torikumi", [toc([["事業A", "企画調整課", 1]]), body([{ name: "事業A" }])]).of(RULE)).toEqual([]);
  });

  test("同じ見出しの下に1件ずつなら、名前が違っても対応づけ、目次の事業名のセル A5 に", () => {
    const r = check("musashino-torikumi", [toc([["事業X", "企画調整課", 1]]), body([{ name: "事業A" }])]);
    expect(r.cells(RULE)).toEqual(["目次!A5"]);
    expect(r.of(RULE)[0].ja).toContain("「事業X」");
    expect(r.of(RULE)[0].ja).toContain("シート「取組状況」");
    expect(r.of(RULE)[0].ja).toContain("「事業A」");
  });

  test("目次の担当課がシートにない: 担当課のセル B5", () => {
    const r = check("musashino-torikumi", [toc([["事業A", "財政課", 1]]), body([{ name: "事業A" }])]);
    expect(r.of(RULE).map((f) => [f.cell, f.ja])).toEqual([["B5", "目次の「担当課」のうち「財政課」が、シート「取組状況」の「担当課」にありません。"]]);
  });

  test("武蔵野は担当課の注記も比べる（departmentNotes: compare）: 別の課に付いた注記は食い違い", () => {
    const r = check("musashino-torikumi", [
      toc([["事業A", "企画調整課（平成30年度より資産活用課）・管財課", 1]]),
      body([{ name: "事業A", departments: "企画調整課・管財課（平成30年度より資産活用課）" }]),
    ]);
    expect(r.cells(RULE)).toEqual(["目次!B5"]);
  });
});
