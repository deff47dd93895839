/**
 * @jest-environment node
 *
 * EVAL-COMMENT-MISSING (eval-comment-missing.ts) on a 小平 調査票: a 1次評価 of S or B (F8) with no comment is a warning
 * at the comment cell under it (F9), naming the rating. A needs none. Parameter `codes` sets the ratings that need one.
 */
import { check, kodairaSurvey, withRule } from "./harness";

const RULE = "EVAL-COMMENT-MISSING";

const rated = (rating: string, comment: string | null) => kodairaSurvey({ eval1: { rating, comment } });

describe("指摘しない", () => {
  test("A はコメントがなくてよい", () => {
    expect(check("kodaira-chosahyo", rated("A", null)).of(RULE)).toEqual([]);
  });

  test("S と B にコメントがあれば指摘しない", () => {
    expect(check("kodaira-chosahyo", rated("S", "予定より早く進んだ。")).of(RULE)).toEqual([]);
    expect(check("kodaira-chosahyo", rated("B", "調整が遅れた。")).of(RULE)).toEqual([]);
  });

  test("2次評価の S にコメントがなくても、この規則は 1次評価だけを見る", () => {
    expect(check("kodaira-chosahyo", kodairaSurvey({ eval2: { rating: "A", comment: null } })).of(RULE)).toEqual([]);
  });
});

describe("指摘する", () => {
  test("S でコメントが空なら、コメント欄 F9 に警告、評価を示す", () => {
    const r = check("kodaira-chosahyo", rated("S", null));
    expect(r.of(RULE)).toEqual([
      expect.objectContaining({
        severity: "warning",
        sheet: "No.1",
        cell: "F9",
        ja: "評価が「S」ですが、その理由（コメント）が記入されていません。S評価とした理由を記入してください。",
      }),
    ]);
  });

  test("B も F9 に", () => {
    expect(check("kodaira-chosahyo", rated("B", null)).cells(RULE)).toEqual(["F9"]);
  });

  test("codes を [\"A\"] にしたプロファイルでは A に理由を求め、S には求めない", () => {
    const profile = withRule("kodaira-chosahyo", RULE, { params: { codes: ["A"] } });
    expect(check(profile, rated("A", null)).cells(RULE)).toEqual(["F9"]);
    expect(check(profile, rated("S", null)).of(RULE)).toEqual([]);
  });
});
