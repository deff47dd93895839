/**
 * @jest-environment node
 *
 * EVAL2-CHANGED-NO-COMMENT (eval2-changed-no-comment.ts) on a 小平 調査票: a 2次評価 (G8) that differs from the 1次評価
 * (F8) with no 2次評価 comment is a warning at the comment cell under it (G9), naming both ratings and fields.
 */
import { check, kodairaSurvey } from "./harness";

const RULE = "EVAL2-CHANGED-NO-COMMENT";

const ratings = (eval1: string | null, eval2: string | null, comment2: string | null = null) =>
  kodairaSurvey({ eval1: { rating: eval1, comment: "理由" }, eval2: { rating: eval2, comment: comment2 } });

describe("指摘しない", () => {
  test.each([
    ["1次と2次が同じ", "A", "A", null],
    ["変えた理由がある", "A", "B", "工程が遅れているため。"],
    ["2次評価がまだない", "A", null, null],
    ["1次評価がない", null, "B", null],
    ["表記ゆれ（Ａ）は同じ評価", "A", "Ａ", null],
  ])("%s", (_, e1, e2, c2) => {
    expect(check("kodaira-chosahyo", ratings(e1, e2, c2), { stage: "本部評価後" }).of(RULE)).toEqual([]);
  });
});

describe("指摘する", () => {
  test("A を B に変えてコメントがなければ、2次評価のコメント欄 G9 に警告、両方の評価を示す", () => {
    const r = check("kodaira-chosahyo", ratings("A", "B"));
    expect(r.of(RULE)).toEqual([
      expect.objectContaining({
        severity: "warning",
        sheet: "No.1",
        cell: "G9",
        ja: "2次評価（B）が1次評価（A）と異なりますが、2次評価のコメントがありません。変更の理由を記入してください。",
      }),
    ]);
  });

  test("S を A に変えても同じ。段階に関わらず出る", () => {
    expect(check("kodaira-chosahyo", ratings("S", "A"), { stage: "本部評価後" }).cells(RULE)).toEqual(["G9"]);
  });
});
