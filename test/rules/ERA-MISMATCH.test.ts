/**
 * @jest-environment node
 *
 * ERA-MISMATCH (era-mismatch.ts): a 和暦 and 西暦 pair that disagree (`令和2(2021)年度`, `2020(令和3)年`), or a year 0 of
 * an era (`令和0年`), in any cell a record was read from or in the year headers above it, is an error at that cell. On
 * by the 三鷹 profiles: the 目標指標一覧's year headers are F4:J4 (I4 `令和2(2020)年度`, J4 `令和4(2022)年度`); the
 * アクションプラン's 取組状況等 text is B7.
 */
import { check, mitakaActions, mitakaIndicators, setCell } from "./harness";

const RULE = "ERA-MISMATCH";

describe("三鷹 目標指標一覧の年度の見出し", () => {
  test("令和2(2020)年度・令和4(2022)年度 のように合っていれば指摘しない", () => {
    expect(check("mitaka-shihyo", mitakaIndicators([{}, {}])).of(RULE)).toEqual([]);
  });

  test("I4 の 令和2(2021)年度 は、指標が2つあっても見出しの I4 に1件、正しい西暦を示す", () => {
    const r = check("mitaka-shihyo", setCell(mitakaIndicators([{}, {}]), { I4: "令和2(2021)年度" }));
    expect(r.of(RULE)).toEqual([
      expect.objectContaining({
        severity: "error",
        cell: "I4",
        ja: "「令和2(2021)」の和暦と西暦が合っていません（令和2年は2020年です）。どちらが正しいか確認し、書き直してください。",
      }),
    ]);
  });

  test("実績の見出し G4 の 平成26(2015)年度 も G4 に", () => {
    const r = check("mitaka-shihyo", setCell(mitakaIndicators([{}]), { G4: "平成26(2015)年度(前期)" }));
    expect(r.cells(RULE)).toEqual(["G4"]);
    expect(r.of(RULE)[0].ja).toContain("（平成26年は2014年です）");
  });
});

describe("三鷹 アクションプランの文章", () => {
  test("令和元年・令和2(2020)年度 は指摘しない", () => {
    expect(check("mitaka-actionplan", mitakaActions([{ progress: "令和元年に着手し、令和2(2020)年度に完了した。" }])).of(RULE)).toEqual([]);
  });

  test("西暦が先の 2020(令和3)年 は B7 に、正しい西暦を示す", () => {
    const r = check("mitaka-actionplan", mitakaActions([{ progress: "2020(令和3)年に着手した。" }]));
    expect(r.cells(RULE)).toEqual(["B7"]);
    expect(r.of(RULE)[0].ja).toContain("「2020(令和3)」の和暦と西暦が合っていません（令和3年は2021年です）");
  });

  test("取組状況等 B7 の「令和0年」はない年として B7 に", () => {
    const r = check("mitaka-actionplan", mitakaActions([{ progress: "令和0年に着手した。" }]));
    expect(r.cells(RULE)).toEqual(["B7"]);
    expect(r.of(RULE)[0].ja).toContain("「令和0年」という年はありません");
  });

  test("全角の数字と括弧（令和２（２０２１）年度）も読む", () => {
    const r = check("mitaka-actionplan", mitakaActions([{}, { progress: "令和２（２０２１）年度に実施した。" }]));
    expect(r.cells(RULE)).toEqual(["B11"]);
  });
});
