/**
 * @jest-environment node
 *
 * GOAL-BASELINE-MISSING (goal-baseline-missing.ts) on a 小平 推進プログラム: a numeric goal in a column
 * that parameter `goalBaselineColumns` names (主な取組の方向性, C, in the built-in profile) written without its baseline
 * (`(令和3年4月1日現在:0%)`, `(現状値:…)`) is a warning at that cell, naming the column and quoting the goal. The yearly
 * goals of the plan columns carry the 前年度末の状況 instead and are not checked.
 */
import { check, programSheet, withRule } from "./harness";

const RULE = "GOAL-BASELINE-MISSING";
const GOAL = "・4年間で経常経費の削減率20%以上を目指す";

describe("指摘しない", () => {
  test("基準日と値を書き添えた数値目標", () => {
    expect(check("kodaira-program", programSheet([{ purpose: `${GOAL}(令和3年4月1日現在:0%)` }])).of(RULE)).toEqual([]);
  });

  test("数値のない方向性", () => {
    expect(check("kodaira-program", programSheet([{ purpose: "・事務を効率化する。" }])).of(RULE)).toEqual([]);
  });

  test("令和5年度の予定（J）の数値目標は対象外", () => {
    expect(check("kodaira-program", programSheet([{ plan: "・電子決裁率85%を目指す。" }])).of(RULE)).toEqual([]);
  });

  test("goalBaselineColumns を空にしたプロファイルでは何も見ない", () => {
    const profile = withRule("kodaira-program", RULE, { params: { goalBaselineColumns: [] } });
    expect(check(profile, programSheet([{ purpose: GOAL }])).of(RULE)).toEqual([]);
  });
});

describe("指摘する", () => {
  test("基準値のない数値目標は C6 に警告、列の見出しと目標を示す", () => {
    const r = check("kodaira-program", programSheet([{ purpose: GOAL }]));
    expect(r.of(RULE)).toEqual([
      expect.objectContaining({
        severity: "warning",
        cell: "C6",
        ja: "「主な取組の方向性」の数値目標「4年間で経常経費の削減率20%以上を目指す」に基準となる現状の値が書かれていないため、進み具合を測れません。「(令和3年4月1日現在:0%)」のように、基準日と値を目標の後に書き添えてください。",
      }),
    ]);
    expect(r.of("IND-NO-MEASUREMENT")).toEqual([]);
  });

  test("2つ目の項目なら C7。基準値のある1つ目は出さない", () => {
    const r = check("kodaira-program", programSheet([{ purpose: `${GOAL}(令和3年4月1日現在:0%)` }, { purpose: "・1年に1業務以上、ICTを活用した業務を拡大" }]));
    expect(r.cells(RULE)).toEqual(["C7"]);
  });

  test("goalBaselineColumns に plan を加えると J の目標も見る", () => {
    const profile = withRule("kodaira-program", RULE, { params: { goalBaselineColumns: ["purpose", "plan"] } });
    expect(check(profile, programSheet([{ plan: "・電子決裁率85%を目指す。" }])).cells(RULE)).toEqual(["J6"]);
  });
});
