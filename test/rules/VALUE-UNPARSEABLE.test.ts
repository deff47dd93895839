/**
 * @jest-environment node
 *
 * VALUE-UNPARSEABLE (value-unparseable.ts): an indicator value that is no value at all is a warning at its cell, naming
 * the field and quoting it: `####` (a number too wide for its column, copied as shown), `？？`, a TRUE/FALSE cell. A number,
 * a placeholder (-, —), a note (※…), a target form (95%以上) or words (「現状維持」) are values and pass.
 */
import { check, kodairaSurvey, mitakaIndicators } from "./harness";

const RULE = "VALUE-UNPARSEABLE";

const actual = (value: string | number | null) => kodairaSurvey({ indicators: [{ label: "見直し件数", baseline: 10, target: "20件以上", actual: value }] });

describe("小平 調査票の指標", () => {
  test.each([
    ["数値", 15],
    ["単位つき", "15件"],
    ["未記入の記号", "-"],
    ["注記", "※集計中"],
    ["言葉だけの目標", "現状維持"],
  ])("実績値が%sなら指摘しない", (_, value) => {
    expect(check("kodaira-chosahyo", actual(value)).of(RULE)).toEqual([]);
  });

  test("実績値 E5 の「####」は E5 に警告、値を示して数値と単位で書くよう促す", () => {
    const r = check("kodaira-chosahyo", actual("####"));
    expect(r.of(RULE)).toEqual([
      expect.objectContaining({
        severity: "warning",
        sheet: "No.1",
        cell: "E5",
        ja: "実績値の「####」を数値や目標として読み取れません。「1,000人」「95%以上」のように数値と単位で入力してください。",
      }),
    ]);
  });

  test("目標値 D5 だけが読めなければ D5 だけ", () => {
    const r = check("kodaira-chosahyo", kodairaSurvey({ indicators: [{ label: "見直し件数", baseline: 10, target: "？？", actual: 15 }] }));
    expect(r.cells(RULE)).toEqual(["D5"]);
  });
});

describe("三鷹 目標指標一覧", () => {
  test("計画策定時 F5 の TRUE（真偽値のセル）は F5 に", () => {
    const r = check("mitaka-shihyo", mitakaIndicators([{ baseline: true }]));
    expect(r.cells(RULE)).toEqual(["F5"]);
  });

  test("数値の行は指摘しない", () => {
    expect(check("mitaka-shihyo", mitakaIndicators([{}])).of(RULE)).toEqual([]);
  });
});
