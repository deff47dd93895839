/**
 * @jest-environment node
 *
 * SCHEDULE-VOCABULARY (schedule-vocabulary.ts) on a 小平 推進プログラム: each word of a 年度スケジュール
 * cell (E6:H6 for the first item, R3–R6) must be one of the schedule column's code set (実施, 検討, 試行的実施 …); words
 * are joined by `・`, and `→` / `—` are not words. A word outside the set is reported once per cell and word, at the
 * cell, at the profile's severity (a warning in the built-in profile), naming the year and listing the words to use.
 */
import { check, programSheet, withRule } from "./harness";

const RULE = "SCHEDULE-VOCABULARY";

describe("指摘しない", () => {
  test("語彙の語、・でつないだ語、→ と —", () => {
    const r = check("kodaira-program", programSheet([{ years: ["検討", "試行的実施・検証", "→", "—"] }, { years: [null, "準備", "5年を目途に移管", null] }]));
    expect(r.of(RULE)).toEqual([]);
  });

  test("CODE-INVALID（評価や実施状況の記号）はこの語には出ない", () => {
    expect(check("kodaira-program", programSheet([{ years: [null, null, "移管", null] }])).of("CODE-INVALID")).toEqual([]);
  });
});

describe("指摘する", () => {
  test("R5 の「移管・実施」の「移管」は G6 に警告、年度と語を示す", () => {
    const r = check("kodaira-program", programSheet([{ years: ["準備", "→", "移管・実施", "—"] }]));
    expect(r.of(RULE)).toEqual([expect.objectContaining({ severity: "warning", sheet: "推進プログラム", cell: "G6" })]);
    expect(r.of(RULE)[0].ja).toMatch(/^年度スケジュール（R5）の「移管」は工程の語として登録されていません。実施、検討、.*のいずれかを「・」でつないで入力してください。$/);
    expect(r.of(RULE)[0].en).toContain('"移管" in the schedule (R5)');
  });

  test("ひとつのセルに語彙にない語が2つあれば2件、同じ語の繰り返しは1件", () => {
    const r = check("kodaira-program", programSheet([{ years: [null, null, "移管・試行・移管", null] }]));
    expect(r.of(RULE).map((f) => [f.cell, f.ja.match(/「([^」]+)」は/)?.[1]])).toEqual([
      ["G6", "移管"],
      ["G6", "試行"],
    ]);
  });

  test("2つ目の項目の R3 なら E7", () => {
    expect(check("kodaira-program", programSheet([{}, { years: ["着手", null, null, null] }])).cells(RULE)).toEqual(["E7"]);
  });

  test("重大度はプロファイルの設定に従う（error にしたプロファイル）", () => {
    const r = check(withRule("kodaira-program", RULE, { severity: "error" }), programSheet([{ years: [null, null, "移管", null] }]));
    expect(r.of(RULE).map((f) => f.severity)).toEqual(["error"]);
  });
});
