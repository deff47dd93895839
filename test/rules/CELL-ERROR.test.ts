/**
 * @jest-environment node
 *
 * CELL-ERROR (cell-error.ts): an error value (#REF!, #DIV/0!, #N/A, #VALUE!) in a cell a record was read from is an
 * error at that cell, naming the field and the error. Text that only mentions one (「#N/A を修正」) is not an error value.
 */
import { check, kodairaSurvey, mitakaActions, setCell } from "./harness";

const RULE = "CELL-ERROR";

describe("小平 調査票", () => {
  test("値と文字だけのシートは指摘しない。エラー値を書いた文章もエラー値ではない", () => {
    expect(check("kodaira-chosahyo", kodairaSurvey()).of(RULE)).toEqual([]);
    expect(check("kodaira-chosahyo", kodairaSurvey({ result: "#REF! になっていた数式を直した。" })).of(RULE)).toEqual([]);
  });

  test("取組実績 D8 が #REF! ならそのセルにエラー、欄とエラー値を示す", () => {
    const r = check("kodaira-chosahyo", setCell(kodairaSurvey(), { D8: { error: "#REF!" } }));
    expect(r.of(RULE)).toEqual([
      expect.objectContaining({ severity: "error", sheet: "No.1", cell: "D8", ja: "取組実績(D)のセルがエラー値（#REF!）になっています。数式や参照先を確認してください。" }),
    ]);
  });

  test("指標の実績値 E5 の #DIV/0! と所管課 C8 の #N/A は、それぞれのセルに", () => {
    const r = check("kodaira-chosahyo", setCell(kodairaSurvey(), { E5: { error: "#DIV/0!" }, C8: { error: "#N/A" } }));
    expect(r.cells(RULE).sort()).toEqual(["C8", "E5"]);
    expect(r.of(RULE).find((f) => f.cell === "E5")!.ja).toContain("（#DIV/0!）");
    expect(r.of(RULE).find((f) => f.cell === "C8")!.ja).toContain("所管課のセルがエラー値（#N/A）");
  });
});

describe("三鷹 アクションプラン", () => {
  test("取組状況等 B7 の #VALUE! は B7 に", () => {
    const r = check("mitaka-actionplan", setCell(mitakaActions([{}]), { B7: { error: "#VALUE!" } }));
    expect(r.cells(RULE)).toEqual(["B7"]);
    expect(r.of(RULE)[0].ja).toContain("（#VALUE!）");
  });

  test("エラー値のない項目は指摘しない", () => {
    expect(check("mitaka-actionplan", mitakaActions([{}, {}])).of(RULE)).toEqual([]);
  });
});
