/**
 * @jest-environment node
 *
 * ENDED-BUT-SCHEDULED (ended-but-scheduled.ts) on a 小平 推進プログラム: an item whose title says it
 * ended (`※令和4年度までをもって終了`) has results only; each filled cell of 主な取組の方向性 (C), 取組項目 (D), the
 * schedule (E–H) and the 令和5・6年度 plans (J, K) is reported at that cell, an error in the built-in profile, quoting
 * the note and naming the column. Parameter `endedFields` chooses the fields.
 */
import { check, type ProgramItem, programSheet, withRule } from "./harness";

const RULE = "ENDED-BUT-SCHEDULED";
const ENDED = "プログラム1 ※令和4年度までをもって終了";

const endedOnly: Partial<ProgramItem> = { title: ENDED, purpose: null, tasks: null, years: [null, null, null, null], plan: null, planNext: null };

describe("指摘しない", () => {
  test("終了した項目に実績だけがある", () => {
    const r = check("kodaira-program", programSheet([endedOnly]));
    expect(r.of(RULE)).toEqual([]);
    // Ended, its plans are no longer required either.
    expect(r.of("REQUIRED-MISSING")).toEqual([]);
  });

  test("終了していない項目は予定があってよい", () => {
    expect(check("kodaira-program", programSheet([{}, {}])).of(RULE)).toEqual([]);
  });
});

describe("指摘する", () => {
  test("方向性・取組項目・スケジュール・予定に記入があれば、入力のあるセルごとにエラー", () => {
    const r = check("kodaira-program", programSheet([{ title: ENDED }]));
    expect(r.of(RULE).map((f) => [f.cell, f.severity])).toEqual([
      ["C6", "error"],
      ["D6", "error"],
      ["F6", "error"],
      ["G6", "error"],
      ["H6", "error"],
      ["J6", "error"],
      ["K6", "error"],
    ]);
    expect(r.of("DONE-BUT-SCHEDULED")).toEqual([]);
  });

  test("メッセージは終了の記載と列の見出しを示す", () => {
    const r = check("kodaira-program", programSheet([{ ...endedOnly, years: [null, null, "運用", null], planNext: "運用する。" }]));
    expect(r.cells(RULE)).toEqual(["G6", "K6"]);
    const [schedule, planNext] = r.of(RULE);
    expect(schedule.ja).toBe(
      "この取組は題名に「※令和4年度までをもって終了」とあり終了していますが、年度スケジュール（R5）に記入があります。終了した取組は取組実績だけを記入します。年度スケジュール（R5）を空欄にするか、取組を続ける場合は題名の終了の記載を見直してください。",
    );
    expect(planNext.ja).toContain("「令和6年度当初予定・設定目標」に記入があります");
  });

  test("endedFields を [\"plan\"] にしたプロファイルでは J だけ", () => {
    const profile = withRule("kodaira-program", RULE, { severity: "error", params: { endedFields: ["plan"] } });
    expect(check(profile, programSheet([{ title: ENDED }])).cells(RULE)).toEqual(["J6"]);
  });
});
