/**
 * @jest-environment node
 *
 * GOAL-STATUS-MISMATCH on the 小平 推進プログラム (kodaira-program, one item per row from row 6: I 令和4年度までの取組実績,
 * J 令和5年度当初予定・設定目標(前年度末の状況)): the figure in a plan goal's trailing parentheses, `…を開催する。(4回)`,
 * is the status at the end of the previous year and must agree with the results' figures for the same work (one of
 * them, or their sum). A status that does not is reported (warning) on the plan's cell, with both.
 */
import { check, type ProgramItem, programSheet } from "./harness";

const RULE = "GOAL-STATUS-MISMATCH";

const run = (...items: Partial<ProgramItem>[]) => check("kodaira-program", programSheet(items));

describe("指摘しない", () => {
  test.each([
    ["実績の回数と同じ", { plan: "・研修を開催する。(3回)", result: "・研修を3回開催した。" }],
    ["実績の回数の合計と同じ（2回 + 1回）", { plan: "・研修を開催する。(3回)", result: "・研修を2回及び交流会を1回開催した。" }],
    ["実績に「各1回」（合計が分からない）", { plan: "・研修を開催する。(4回)", result: "・研修と交流会を各1回開催した。" }],
    ["実績にその単位の数値がない", { plan: "・研修を開催する。(4回)", result: "・研修の内容を見直した。" }],
    ["括弧の状況がない目標", { plan: "・研修を4回開催する。", result: "・研修を3回開催した。" }],
    ["令和6年度の予定の欄（プロファイルの goals は令和5年度の欄）", { planNext: "・研修を開催する。(4回)", result: "・研修を3回開催した。" }],
  ] as const)("%s", (_, item) => {
    expect(run(item).of(RULE)).toEqual([]);
  });

  test("箇条の数が同じなら、同じ位置の箇条どうしを比べる（2つ目の (5件) は2つ目の実績 5件 と）", () => {
    const item = { plan: "・研修を開催する。(3回)\n・提案を募集する。(5件)", result: "・研修を3回開催した。\n・提案が5件あった。" };
    expect(run(item).of(RULE)).toEqual([]);
  });
});

describe("指摘する", () => {
  test("(4回) と実績 2回 + 1回: 当初予定のセル J6 に、状況・実績の数値・合計を示す警告", () => {
    const r = run({ plan: "・研修を開催する。(4回)", result: "・研修を2回及び交流会を1回開催した。" });
    expect(r.of(RULE)).toEqual([
      expect.objectContaining({
        severity: "warning",
        sheet: "推進プログラム",
        cell: "J6",
        ja: "「令和5年度当初予定・設定目標」の（前年度末の状況）「4回」が、「令和4年度までの取組実績」の同じ取組の記載「2回、1回」（計3回）と合いません。どちらの数値が正しいか確認してください。",
      }),
    ]);
    expect(r.of(RULE)[0].en).toContain('The previous year-end status "4回"');
    expect(r.of(RULE)[0].en).toContain('"2回, 1回" (total 3回)');
  });

  test("2行目の項目だけが食い違えば J7 だけ", () => {
    const r = run({ plan: "・研修を開催する。(3回)", result: "・研修を3回開催した。" }, { plan: "・提案を募集する。(7件)", result: "・提案が5件あった。" });
    expect(r.cells(RULE)).toEqual(["J7"]);
    expect(r.of(RULE)[0].ja).toContain("「7件」");
    expect(r.of(RULE)[0].ja).toContain("「5件」（計5件）");
  });

  test("箇条の数が同じなら同じ位置の箇条と比べ、ほかの箇条の同じ単位の数値とは比べない", () => {
    const item = { plan: "・研修を開催する。(3回)\n・説明会を開催する。(2回)", result: "・研修を3回開催した。\n・説明会を1回開催した。" };
    const r = run(item);
    expect(r.cells(RULE)).toEqual(["J6"]);
    expect(r.of(RULE)[0].ja).toContain("「2回」が");
    expect(r.of(RULE)[0].ja).toContain("「1回」（計1回）");
  });
});
