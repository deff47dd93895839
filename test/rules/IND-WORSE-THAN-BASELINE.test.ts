/**
 * @jest-environment node
 *
 * IND-WORSE-THAN-BASELINE: an actual worse than the baseline, in the indicator's direction, is reported (info) on the
 * actual's cell. On a 小平 調査票 (kodaira-chosahyo: E5 下半期値 against C5 現状値, higher is better unless the profile
 * names the indicator) and on the 三鷹 目標指標一覧 (mitaka-shihyo: the latest 達成値 against 計画策定時, direction from
 * 目標の型).
 */
import type { IndicatorRowInput } from "../../src/core/template/kodaira-chosahyo";
import { check, kodairaSurvey, mitakaIndicators } from "./harness";

const RULE = "IND-WORSE-THAN-BASELINE";

const kodaira = (...indicators: IndicatorRowInput[]) => check("kodaira-chosahyo", kodairaSurvey({ indicators }));
const reviews = (baseline: number | string, actual: number | string): IndicatorRowInput => ({ label: "見直し件数", baseline, target: 20, actual });
const garbage = (actual: number): IndicatorRowInput => ({ label: "1人1日あたりのごみ量", baseline: 500, target: 450, actual });

describe("小平 調査票", () => {
  test.each([
    ["現状値より増えた", reviews(10, 15)],
    ["現状値と同じ", reviews(10, 10)],
    ["単位つきで増えた", reviews("10件", "12件")],
    ["低いほどよい指標（ごみ量）が減った", garbage(480)],
    ["実績値が注記だけ", reviews(10, "※集計中")],
  ] as const)("指摘しない: %s", (_, indicator) => {
    expect(kodaira(indicator).of(RULE)).toEqual([]);
  });

  test("現状値 10 → 下半期値 8: E5 に情報として、現状値と実績の値を示す", () => {
    const r = kodaira(reviews(10, 8));
    expect(r.of(RULE)).toEqual([
      expect.objectContaining({
        severity: "info",
        sheet: "No.1",
        cell: "E5",
        ja: "指標「見直し件数」の下半期値が現状値より悪化しています（現状値 → 下半期値: 10 → 8）。",
      }),
    ]);
    expect(r.of(RULE)[0].en).toBe('Indicator "見直し件数": 下半期値 is worse than the baseline (baseline → 下半期値: 10 → 8).');
  });

  test("低いほどよい指標（ごみ量）が増えれば悪化", () => {
    const [f] = kodaira(garbage(520)).of(RULE);
    expect([f.cell, f.ja]).toEqual(["E5", expect.stringContaining("（現状値 → 下半期値: 500 → 520）")]);
  });

  test("2行目の指標だけが悪化していれば、その行の E6 だけ", () => {
    const r = kodaira(reviews(10, 15), { label: "参加者数", baseline: "120人", target: "200人", actual: "95人" });
    expect(r.cells(RULE)).toEqual(["E6"]);
    expect(r.of(RULE)[0].ja).toContain("指標「参加者数」");
    expect(r.of(RULE)[0].ja).toContain("120人 → 95人");
  });

  test("①② をひとつのセルに書いた指標は、悪化した番号の値だけを示す", () => {
    const r = kodaira({ label: "①見直し件数\n②参加者数", baseline: "①10件\n②120人", target: "①20件\n②200人", actual: "①12件\n②95人" });
    expect(r.cells(RULE)).toEqual(["E5"]);
    expect(r.of(RULE)[0].ja).toBe("指標「参加者数」の下半期値が現状値より悪化しています（現状値 → 下半期値: 120人 → 95人）。");
    expect(r.of(RULE)[0].ja).not.toContain("10件 →");
  });
});

describe("三鷹 目標指標一覧", () => {
  test("最新の達成値（I 列）が計画策定時より上なら指摘しない", () => {
    expect(check("mitaka-shihyo", mitakaIndicators([{ baseline: 100, actual: [90, 95, 105] }])).of(RULE)).toEqual([]);
  });

  test("目標の型「以上」で最新の達成値が計画策定時を下回れば、その達成値のセル I5", () => {
    const r = check("mitaka-shihyo", mitakaIndicators([{ baseline: 100, actual: [110, 120, 90] }]));
    expect(r.of(RULE).map((f) => [f.sheet, f.cell, f.severity])).toEqual([["目標指標一覧", "I5", "info"]]);
    expect(r.of(RULE)[0].ja).toContain("（現状値 → 実績値: 100 → 90）");
  });

  test("目標の型「以下」なら、下回るのは改善、上回るのが悪化", () => {
    const lower = (actual: number) => check("mitaka-shihyo", mitakaIndicators([{ baseline: 100, target: 80, targetType: "以下", actual: [95, 92, actual] }]));
    expect(lower(90).of(RULE)).toEqual([]);
    expect(lower(110).cells(RULE)).toEqual(["I5"]);
  });
});
