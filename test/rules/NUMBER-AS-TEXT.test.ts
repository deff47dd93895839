/**
 * @jest-environment node
 *
 * NUMBER-AS-TEXT (number-as-text.ts): an indicator value (現状値, 目標値, 実績値) that is a bare number stored as text
 * ("15", "1,200") is a warning at its cell, with a fix that writes the number. A number, or text with a unit or a
 * comparator (「15件」「80%以上」), is not. 小平 調査票: C5 現状値, D5 目標値, E5 実績値; 三鷹 一覧: F5 計画策定時 … J5 目標値.
 */
import { check, kodairaSurvey, mitakaIndicators } from "./harness";

const RULE = "NUMBER-AS-TEXT";

const indicator = (baseline: string | number | null, target: string | number | null, actual: string | number | null) =>
  kodairaSurvey({ indicators: [{ label: "見直し件数", baseline, target, actual }] });

describe("小平 調査票の指標", () => {
  test("数値、単位つきの文字、目標の書き方は指摘しない", () => {
    expect(check("kodaira-chosahyo", indicator(10, 20, 15)).of(RULE)).toEqual([]);
    expect(check("kodaira-chosahyo", indicator("10件", "20件以上", "15件")).of(RULE)).toEqual([]);
  });

  test("実績値 E5 の文字列「15」は E5 に警告、修正は数値 15 を書く", () => {
    const r = check("kodaira-chosahyo", indicator(10, 20, "15"));
    expect(r.of(RULE)).toEqual([expect.objectContaining({ severity: "warning", cell: "E5" })]);
    expect(r.of(RULE)[0].ja).toContain("「15」が文字列として入力されています");
    const f = r.report.findings.find((x) => x.ruleId === RULE)!;
    expect(f.fix?.edits).toEqual([{ sheet: "No.1", cell: "E5", before: "15", after: 15 }]);
  });

  test("現状値と目標値の両方が文字列なら C5 と D5 の2件、桁区切りも読む", () => {
    const r = check("kodaira-chosahyo", indicator("1,000", "1200", 1100));
    expect(r.cells(RULE)).toEqual(["C5", "D5"]);
    expect(r.report.findings.find((x) => x.ruleId === RULE && x.cell === "C5")!.fix?.edits[0].after).toBe(1000);
  });
});

describe("三鷹 目標指標一覧", () => {
  test("目標値 J5 の文字列「150」は J5 に", () => {
    const r = check("mitaka-shihyo", mitakaIndicators([{ target: "150" }]));
    expect(r.cells(RULE)).toEqual(["J5"]);
  });

  test("数値で書かれた行は指摘しない", () => {
    expect(check("mitaka-shihyo", mitakaIndicators([{}, {}])).of(RULE)).toEqual([]);
  });
});
