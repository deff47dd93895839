/**
 * @jest-environment node
 *
 * REQUIRED-MISSING (required-missing.ts): a field that its layout requires at this stage is empty, reported at the empty
 * cell with the field's name. 小平 調査票: 所管課 C8 and 1次評価 F8 always, 取組実績 D8 unless a parent sheet, 2次評価 G8
 * only at 本部評価後. 武蔵野: the 実施状況 of each 年次計画 row. 推進プログラム: 令和4年度までの取組実績 of each row.
 */
import { check, kodairaSurvey, musashinoSheet, programSheet } from "./harness";

const RULE = "REQUIRED-MISSING";

describe("小平 調査票", () => {
  test("すべて入力されていれば、提出前も本部評価後（2次評価あり）も指摘しない", () => {
    expect(check("kodaira-chosahyo", kodairaSurvey()).of(RULE)).toEqual([]);
    expect(check("kodaira-chosahyo", kodairaSurvey({ eval2: { rating: "A", comment: null } }), { stage: "本部評価後" }).of(RULE)).toEqual([]);
  });

  test("所管課・取組実績・1次評価が空なら、それぞれのセルにエラー", () => {
    const r = check("kodaira-chosahyo", kodairaSurvey({ departments: "", result: null, eval1: { rating: null, comment: null } }));
    expect(r.of(RULE).map((f) => [f.cell, f.severity, f.ja])).toEqual([
      ["C8", "error", "所管課が入力されていません。提出前に入力してください。"],
      ["D8", "error", "取組実績(D)が入力されていません。提出前に入力してください。"],
      ["F8", "error", "1次評価が入力されていません。提出前に入力してください。"],
    ]);
  });

  test("2次評価は提出前には求めず、本部評価後に G8 で求める", () => {
    expect(check("kodaira-chosahyo", kodairaSurvey()).of(RULE)).toEqual([]);
    const r = check("kodaira-chosahyo", kodairaSurvey(), { stage: "本部評価後" });
    expect(r.cells(RULE)).toEqual(["G8"]);
    expect(r.of(RULE)[0].ja).toBe("2次評価が入力されていません（本部評価後の段階では必須です）。");
  });

  test("当初予定(P) と 来年度に向けての課題(A) は必須ではない", () => {
    expect(check("kodaira-chosahyo", kodairaSurvey({ plan: null, next: null })).of(RULE)).toEqual([]);
  });
});

describe("武蔵野 取組状況", () => {
  test("実施状況が空なら、その行の実施状況 B7 に", () => {
    const r = check("musashino-torikumi", musashinoSheet([{ plans: [{ cells: ["検討", "実施", "→", "→"], status: null }] }]));
    expect(r.cells(RULE)).toEqual(["B7"]);
    expect(r.of(RULE)[0].ja).toContain("実施状況が入力されていません");
  });

  test("担当課が空なら B2 に", () => {
    const r = check("musashino-torikumi", musashinoSheet([{ departments: null }]));
    expect(r.cells(RULE)).toEqual(["B2"]);
  });
});

describe("推進プログラム", () => {
  test("取組実績が空なら I6 に、見出しの言葉で", () => {
    const r = check("kodaira-program", programSheet([{ result: null }]));
    expect(r.cells(RULE)).toEqual(["I6"]);
    expect(r.of(RULE)[0].ja).toBe("「令和4年度までの取組実績」が入力されていません。提出前に入力してください。");
  });

  test("すべて入力された行は指摘しない", () => {
    expect(check("kodaira-program", programSheet([{}, {}])).of(RULE)).toEqual([]);
  });
});
