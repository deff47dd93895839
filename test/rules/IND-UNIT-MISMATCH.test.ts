/**
 * @jest-environment node
 *
 * IND-UNIT-MISMATCH: target and actual in units that cannot be compared (件 against 人) are reported on the actual's
 * cell; units that convert (万円 against 千円, 千万円/年 against 円) are compared after conversion and reported with a
 * message that says so. On a 小平 調査票 (kodaira-chosahyo: D5 目標値, E5 下半期値) and the 三鷹 目標指標一覧
 * (mitaka-shihyo: J 目標値, the latest 達成値 in I).
 */
import type { IndicatorRowInput } from "../../src/core/template/kodaira-chosahyo";
import { check, kodairaSurvey, mitakaIndicators } from "./harness";

const RULE = "IND-UNIT-MISMATCH";

const kodaira = (...indicators: IndicatorRowInput[]) => check("kodaira-chosahyo", kodairaSurvey({ indicators }));
const values = (target: number | string, actual: number | string, label = "見直し件数"): IndicatorRowInput => ({ label, baseline: null, target, actual });

describe("小平 調査票", () => {
  test.each([
    ["同じ単位", values("20件", "15件")],
    ["単位なしの数値どうし", values(20, 15)],
    ["目標だけ単位なし", values(20, "15件")],
    ["同じ単位で「/年」つき", values("1,000人/年", "980人/年")],
    ["実績値が注記だけ", values("20件", "※集計中")],
  ] as const)("指摘しない: %s", (_, indicator) => {
    expect(kodaira(indicator).of(RULE)).toEqual([]);
  });

  test("件と人: 比べられないので、E5 に両方の単位を示す警告", () => {
    const r = kodaira(values("20件", "15人"));
    expect(r.of(RULE)).toEqual([
      expect.objectContaining({
        severity: "warning",
        sheet: "No.1",
        cell: "E5",
        ja: "指標「見直し件数」の目標値（件）と下半期値（人）の単位が異なり、比較できません。単位をそろえてください。",
      }),
    ]);
    expect(r.of(RULE)[0].en).toContain("the target (件) and 下半期値 (人) are in different units and cannot be compared");
  });

  test("万円と千円: 換算して比べたと伝える", () => {
    const [f] = kodaira(values("1,000万円", "8,000千円", "削減額")).of(RULE);
    expect(f.cell).toBe("E5");
    expect(f.ja).toBe("指標「削減額」の目標値（万円）と下半期値（千円）の単位の書き方が異なります。換算して比較しました。単位をそろえると確実です。");
    expect(f.en).toContain("compared after conversion");
  });

  test("千万円/年と円（小平 No.28 の書き方）も換算できる単位", () => {
    const [f] = kodaira(values("1千万円/年", "12,000,000円", "削減額")).of(RULE);
    expect(f.ja).toContain("目標値（千万円/年）と下半期値（円）の単位の書き方が異なります");
  });

  test("2行目の指標だけが食い違えば、その行の E6 だけ", () => {
    expect(kodaira(values("20件", "15件"), values("200人", "150回", "参加者数")).cells(RULE)).toEqual(["E6"]);
  });
});

describe("三鷹 目標指標一覧", () => {
  test("目標値と達成値が同じ単位なら指摘しない", () => {
    expect(check("mitaka-shihyo", mitakaIndicators([{ target: "150人", actual: [110, 120, "130人"] }])).of(RULE)).toEqual([]);
  });

  test("目標値 150人 と最新の達成値 130件: 達成値のセル I5、欄の名前は実績値", () => {
    const r = check("mitaka-shihyo", mitakaIndicators([{ target: "150人", actual: [110, 120, "130件"] }]));
    expect(r.of(RULE).map((f) => [f.sheet, f.cell, f.ja])).toEqual([
      ["目標指標一覧", "I5", "指標「指標1」の目標値（人）と実績値（件）の単位が異なり、比較できません。単位をそろえてください。"],
    ]);
  });
});
