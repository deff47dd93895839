/**
 * @jest-environment node
 *
 * REF-MISSING on the 小平 推進プログラム (kodaira-program, one item per row from row 6: A No., C 方向性, I 実績,
 * J・K 予定): a text that cites `No.9` while no row of the sheet has No.9 is reported (error) on the citing cell, with
 * the column's name and the number. The 小平 調査票 does not enable it (its comments cite sub-items freely).
 */
import { check, kodairaSurvey, programSheet } from "./harness";

const RULE = "REF-MISSING";

describe("指摘しない", () => {
  test("参照のない行", () => {
    expect(check("kodaira-program", programSheet([{}, {}])).of(RULE)).toEqual([]);
  });

  test("ある行の No. を参照する（No.1、全角の No．２）", () => {
    const r = check("kodaira-program", programSheet([{}, { planNext: "・No.1 と連携して進める。" }, { result: "・No．２の成果を活用した。" }]));
    expect(r.of(RULE)).toEqual([]);
  });

  test("調査票（kodaira-chosahyo）では有効でない", () => {
    expect(check("kodaira-chosahyo", kodairaSurvey({ next: "No.9 と連携して進める。" })).of(RULE)).toEqual([]);
  });
});

describe("指摘する", () => {
  test("2行目の令和6年度の予定が、ない No.9 を参照: K7 に、欄の名前と番号を示すエラー", () => {
    const r = check("kodaira-program", programSheet([{}, { planNext: "・No.9「新しい取組」と連携して進める。" }]));
    expect(r.of(RULE)).toEqual([
      expect.objectContaining({
        severity: "error",
        sheet: "推進プログラム",
        cell: "K7",
        ja: "「令和6年度当初予定・設定目標」で「No.9」の取組を参照していますが、No.9 の行がありません。番号が正しいか確認し、正しければ No.9 の行を追加してください。",
      }),
    ]);
    expect(r.of(RULE)[0].en).toContain("refers to item No.9, but there is no row No.9");
  });

  test("ひとつのセルにない番号が2つなら2件、同じ番号を2度書いても1件", () => {
    const r = check("kodaira-program", programSheet([{ result: "・No.8 と No.9 を参考にした。No.8 の手法を用いた。" }]));
    expect(r.of(RULE).map((f) => [f.cell, f.ja.match(/「No\.(\d+)」/)?.[1]])).toEqual([
      ["I6", "8"],
      ["I6", "9"],
    ]);
  });

  test("方向性の欄の参照も見る（C6）", () => {
    expect(check("kodaira-program", programSheet([{ purpose: "・No.5 の見直しを受けて進める。" }])).cells(RULE)).toEqual(["C6"]);
  });
});
