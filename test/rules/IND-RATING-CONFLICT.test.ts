/**
 * @jest-environment node
 *
 * IND-RATING-CONFLICT on a 小平 調査票 (kodaira-chosahyo): a good rating (S, A) while every due indicator is unmet, or
 * a poor one (B) while every indicator is met, with no comment to explain it, is reported on the rating's cell
 * (F8 1次評価, G8 2次評価). The sheet's 対象年度 is 平成29年度 (2017).
 */
import type { IndicatorRowInput, RatingInput } from "../../src/core/template/kodaira-chosahyo";
import { check, kodairaSurvey, withRule } from "./harness";

const RULE = "IND-RATING-CONFLICT";

/** 見直し件数: baseline 10, target 20 (higher is better), and the actual given. */
const reviews = (actual: number | string, target: number | string = 20): IndicatorRowInput => ({ label: "見直し件数", baseline: 10, target, actual });

function survey(indicators: readonly IndicatorRowInput[], eval1: RatingInput, eval2: RatingInput = { rating: null, comment: null }) {
  return check("kodaira-chosahyo", kodairaSurvey({ indicators, eval1, eval2 }));
}

describe("指摘しない", () => {
  test.each([
    ["A で未達だが、コメントで理由を書いている", [reviews(15)], { rating: "A", comment: "年度後半に集中して見直すため。" }],
    ["A で目標を達成している", [reviews(25)], { rating: "A", comment: null }],
    ["A で目標ちょうど", [reviews(20)], { rating: "A", comment: null }],
    ["B で未達（評価と指標が合っている）", [reviews(15)], { rating: "B", comment: null }],
    ["A で、指標の一方は達成、一方は未達", [reviews(25), { label: "参加者数", baseline: 100, target: 200, actual: 150 }], { rating: "A", comment: null }],
    ["A で未達だが、目標は平成32年度のもので今年度はまだ期限前", [reviews(15, "20件(平成32年度)")], { rating: "A", comment: null }],
    ["評価がない", [reviews(15)], { rating: null, comment: null }],
  ] as const)("%s", (_, indicators, eval1) => {
    expect(survey(indicators, eval1).of(RULE)).toEqual([]);
  });

  test("指標のない調査票では評価だけで判断しない", () => {
    expect(survey([], { rating: "A", comment: null }).of(RULE)).toEqual([]);
  });
});

describe("指摘する", () => {
  test("A で指標が未達、コメントなし: 1次評価のセル F8 に、評価と指標の値・目標を示す警告", () => {
    const r = survey([reviews(15)], { rating: "A", comment: null });
    expect(r.of(RULE)).toEqual([
      expect.objectContaining({
        severity: "warning",
        sheet: "No.1",
        cell: "F8",
        ja: "評価は「A」ですが、指標はいずれも目標に達していません（見直し件数 15 / 20）。評価の理由をコメントに記入するか、評価を見直してください。",
      }),
    ]);
    expect(r.of(RULE)[0].en).toContain("The rating is A, but no indicator reached its target (見直し件数 15 / 20)");
  });

  test("S でも同じ（S・A が「よい評価」）", () => {
    expect(survey([reviews(15)], { rating: "S", comment: null }).of(RULE).map((f) => [f.cell, f.ja.slice(0, 9)])).toEqual([["F8", "評価は「S」ですが"]]);
  });

  test("B で指標がすべて達成、コメントなし: 「いずれも目標を達成しています」", () => {
    const [f] = survey([reviews(25)], { rating: "B", comment: null }).of(RULE);
    expect(f.cell).toBe("F8");
    expect(f.ja).toContain("評価は「B」ですが、指標はいずれも目標を達成しています（見直し件数 25 / 20）");
    expect(f.en).toContain("every indicator met its target");
  });

  test("指標が2つともに未達なら、両方の値を示す", () => {
    const [f] = survey([reviews(15), { label: "参加者数", baseline: 100, target: 200, actual: 150 }], { rating: "A", comment: null }).of(RULE);
    expect(f.ja).toContain("（見直し件数 15 / 20、参加者数 150 / 200）");
  });

  test("低いほどよい指標（プロファイルの向き: ごみ量）は、目標を上回ると未達", () => {
    const garbage = (actual: number): IndicatorRowInput => ({ label: "1人1日あたりのごみ量", baseline: 500, target: 450, actual });
    expect(survey([garbage(480)], { rating: "A", comment: null }).cells(RULE)).toEqual(["F8"]);
    expect(survey([garbage(440)], { rating: "A", comment: null }).cells(RULE)).toEqual([]);
  });

  test("2次評価が1次評価と違えば、2次評価のセル G8 にも出る（コメントのある1次評価には出ない）", () => {
    const r = survey([reviews(15)], { rating: "A", comment: "理由あり" }, { rating: "S", comment: null });
    expect(r.cells(RULE)).toEqual(["G8"]);
    expect(r.of(RULE)[0].ja).toContain("評価は「S」");
  });

  test("2次評価が1次評価と同じなら、1件だけ", () => {
    expect(survey([reviews(15)], { rating: "A", comment: null }, { rating: "A", comment: null }).cells(RULE)).toEqual(["F8"]);
  });
});

describe("パラメータ", () => {
  test("positive を [\"S\"] にすると A は指摘せず、S は指摘する", () => {
    const onlyS = withRule("kodaira-chosahyo", RULE, { params: { positive: ["S"] } });
    const run = (rating: string) => check(onlyS, kodairaSurvey({ indicators: [reviews(15)], eval1: { rating, comment: null } })).cells(RULE);
    expect(run("A")).toEqual([]);
    expect(run("S")).toEqual(["F8"]);
  });

  test("negative を [] にすると、達成した B は指摘しない", () => {
    const none = withRule("kodaira-chosahyo", RULE, { params: { negative: [] } });
    expect(check(none, kodairaSurvey({ indicators: [reviews(25)], eval1: { rating: "B", comment: null } })).cells(RULE)).toEqual([]);
  });
});
