/**
 * The year-shifting transform the metamorphic tests rely on (test/helpers/metamorphic.ts): which numbers are years,
 * and how a shifted year is written back. If this is wrong, the year-shift test proves nothing.
 */
import { canonicalMessage, canonicalYears, sameClippedMessage, shiftWorkbookYears, shiftYearsInText, yearsIn } from "../helpers/metamorphic";
import { both } from "../../src/core/i18n";
import type { WorkbookSnapshot } from "../../src/core/model/grid";

const HEISEI = { bareEra: "平成" } as const;

describe("shiftYearsInText", () => {
  test.each([
    // [text, delta, expected]
    ["平成29年度", 1, "平成30年度"],
    ["平成29年度", 2, "令和元年度"],
    ["平成29年度", 8, "令和7年度"],
    ["第3次行財政再構築進捗状況調査票（平成29年度末）", 2, "第3次行財政再構築進捗状況調査票（令和元年度末）"],
    ["平成 29 年度", 2, "令和 元 年度"],
    ["平成32年度実績", 1, "令和3年度実績"],
    ["令和元年度", 1, "令和2年度"],
    ["令和3年4月1日現在", 8, "令和11年4月1日現在"],
    // As-of dates: the era of the date itself (平成 until April 2019).
    ["下半期値\n平成30年3月末", 1, "下半期値\n平成31年3月末"],
    ["下半期値\n平成30年3月末", 2, "下半期値\n令和2年3月末"],
    ["平成 29 年 1 月", 2, "平成 31 年 1 月"],
    ["平成 29 年 10 月", 2, "令和 元 年 10 月"],
    ["(平成30年2月末時点)", 8, "(令和8年2月末時点)"],
    // Abbreviations.
    ["H29", 1, "H30"],
    ["H29", 2, "R1"],
    ["(H29実績値)", 8, "(R7実績値)"],
    ["(H29.5.21開催)", 2, "(R1.5.21開催)"],
    ["H30.3月開催", 1, "H31.3月開催"],
    ["R3", 1, "R4"],
    ["年度スケジュール(R5.3時点想定)", 8, "年度スケジュール(R13.3時点想定)"],
    // Western years and pairs.
    ["2017年度", 2, "2019年度"],
    ["西暦2017", 1, "西暦2018"],
    ["令和2(2020) 年度", 2, "令和4(2022) 年度"],
    ["令和 4 (2022) 年度", 8, "令和 12 (2030) 年度"],
    ["2020(令和2)年度", 1, "2021(令和3)年度"],
    ["2018年3月末", 1, "2019年3月末"],
    // Ranges: the second year of 平成 29～32 年度 is a year of the same era; one that now crosses an era names it.
    ["平成 29～32 年度", 2, "令和 元～4 年度"],
    ["平成 29～32 年度", 1, "平成 30～令和3 年度"],
    ["令和3年度～7年度", 2, "令和5年度～9年度"],
    ["令和6～7年度ころ想定", 1, "令和7～8年度ころ想定"],
    ["平成29年度～平成32年度", 8, "令和7年度～令和10年度"],
  ])("%j %+d → %j", (text, delta, expected) => {
    expect(shiftYearsInText(text, delta)).toBe(expected);
  });

  test.each([
    ["29年度下半期評価", 1, "30年度下半期評価"],
    ["29年度下半期評価", 2, "令和元年度下半期評価"],
    ["第3次行財政再構築プラン 29年度末評価", 8, "第3次行財政再構築プラン 令和7年度末評価"],
    ["・30年2月末時点収納率", 1, "・31年2月末時点収納率"],
    ["・30年2月末時点収納率", 2, "・令和2年2月末時点収納率"],
    ["平成29年度から32年度の4年間", 1, "平成30年度から令和3年度の4年間"],
    ["平成 27 年度から 31 年度まで", 2, "平成 29 年度から 令和3 年度まで"],
  ])("in a 平成 workbook, bare %j %+d → %j", (text, delta, expected) => {
    expect(shiftYearsInText(text, delta, HEISEI)).toBe(expected);
  });

  test.each([
    "目標値 100件",
    "2,000人",
    "延べ1,000人/年",
    "5年を目途に移管",
    "4年間で電子決裁対象文書",
    "3年に1度の介護保険料改定",
    "今後30年の間に首都直下地震",
    "入庁10年未満の職員",
    "継続実施期間が 10 年以上である事業",
    "16 年間運用してきた",
    "東京 2020 大会",
    "三鷹市環境レポート2020",
    "12,587t-CO2",
    "第3次行財政再構築プラン",
    "1-(2)",
    "No.2-1~5",
    "月 1～2 回",
    "公立昭和病院",
    "RPAの活用",
    "現年分:98.23% 滞繰分:15.10%",
  ])("%j has no year and is left alone", (text) => {
    expect(yearsIn(text, HEISEI)).toEqual([]);
    for (const d of [1, 2, 8]) expect(shiftYearsInText(text, d, HEISEI)).toBe(text);
  });

  test("bare two-digit numbers are years only in a 平成 workbook", () => {
    expect(shiftYearsInText("29年度下半期評価", 2)).toBe("29年度下半期評価");
    expect(shiftYearsInText("29年度下半期評価", 2, HEISEI)).toBe("令和元年度下半期評価");
  });

  test("full-width digits stay full-width", () => {
    expect(shiftYearsInText("平成２９年度", 1)).toBe("平成３０年度");
  });
});

describe("canonicalYears", () => {
  test("a year reads the same whichever era or form writes it", () => {
    expect(canonicalYears("平成32年度")).toBe(canonicalYears("令和2年度"));
    expect(canonicalYears("平成 29～32 年度")).toBe("⟨2017⟩～⟨2020⟩ 年度");
    expect(canonicalYears("平成 30～令和3 年度")).toBe("⟨2018⟩～⟨2021⟩ 年度");
    expect(canonicalYears("（2018年3月末）")).toBe("（⟨2018⟩年3月末）");
    expect(canonicalYears("29年度末評価", HEISEI, 2)).toBe("⟨2019⟩年度末評価");
  });

  test("a shifted text reads as the original with its years moved", () => {
    for (const text of ["下半期値 平成30年3月末", "平成 29～32 年度", "H29.5.21", "令和2(2020) 年度", "29年度下半期評価"])
      for (const d of [1, 2, 8]) expect(canonicalYears(shiftYearsInText(text, d, HEISEI), HEISEI)).toBe(canonicalYears(text, HEISEI, d));
  });

  test("a year the message catalogue writes itself does not move", () => {
    const goal = "4年間で移管率が50%以上を目指す(令和3年4月1日現在:0%)";
    const message = both("rule.GOAL-BASELINE-MISSING", { field: "主な取組の方向性", goal });
    // The goal's own date is the workbook's and moves; the example after it is the catalogue's and stays.
    expect(canonicalMessage(message.ja, {}, 2)).toBe(message.ja.replace("令和3年4月1日現在:0%)」に", "⟨2023⟩年4月1日現在:0%)」に"));
    expect(canonicalMessage(message.en, {}, 2)).toContain("(⟨2023⟩年4月1日現在:0%)\" in");
  });
});

describe("shiftWorkbookYears", () => {
  test("text and date cells move, numbers do not", () => {
    const snapshot: WorkbookSnapshot = {
      sheets: [
        {
          name: "調査票",
          visibility: "visible",
          top: 0,
          left: 0,
          rows: [["調査票（平成29年度末）", new Date(Date.UTC(2018, 2, 31)), 2017, 100]],
          merges: [],
        },
      ],
      skippedSheets: [],
    };
    const shifted = shiftWorkbookYears(snapshot, 2);
    expect(shifted.sheets[0].rows[0]).toEqual(["調査票（令和元年度末）", new Date(Date.UTC(2020, 2, 31)), 2017, 100]);
  });
});

describe("sameClippedMessage", () => {
  test("a clip that falls a character later because a year got longer", () => {
    expect(sameClippedMessage("「実施時間を⟨2033⟩年度…」に基準", "「実施時間を⟨2033⟩年…」に基準")).toBe(true);
    expect(sameClippedMessage("「実施時間を⟨2033⟩年度…」に基準", "「実施時間を⟨2019⟩…」に基準")).toBe(true);
  });

  test("anything else that differs is a difference", () => {
    expect(sameClippedMessage("「実施時間を⟨2033⟩年度…」に基準", "「実施時間に⟨2033⟩年度…」に基準")).toBe(false);
    expect(sameClippedMessage("「実施時間を⟨2033⟩年度…」に基準", "「実施時間を⟨2033⟩年度…」の基準")).toBe(false);
    expect(sameClippedMessage("「⟨2033⟩年度」に基準", "「⟨2034⟩年度」に基準")).toBe(false);
  });
});
