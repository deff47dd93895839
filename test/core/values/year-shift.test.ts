/**
 * @jest-environment node
 *
 * shiftYearsInText (src/core/values/year-shift.ts): 年度更新 moves the year a label reports on by one, written as the
 * label writes it, across the change from 平成 to 令和; the plan period (a range) and bare years stay.
 */
import { shiftYearsInText } from "../../../src/core/values/year-shift";

const shift = (text: string, fy: number, years = 1) => shiftYearsInText(text, years, fy).text;

describe("年度の表記を1年進める", () => {
  test.each([
    ["第3次行財政再構築進捗状況調査票（平成29年度末）", 2017, "第3次行財政再構築進捗状況調査票（平成30年度末）"],
    ["平成29年度 当初予定(P)", 2017, "平成30年度 当初予定(P)"],
    ["29年度下半期評価", 2017, "30年度下半期評価"],
    ["第3次行財政再構築プラン 29年度末評価", 2017, "第3次行財政再構築プラン 30年度末評価"],
    ["下半期値\n平成30年3月末", 2017, "下半期値\n平成31年3月末"],
    ["取組状況（平成 29 年度末時点）", 2017, "取組状況（平成 30 年度末時点）"],
    ["平成２９年度", 2017, "平成３０年度"],
    ["H29年度", 2017, "H30年度"],
    ["2017年度", 2017, "2018年度"],
    ["令和5(2023)年度", 2023, "令和6(2024)年度"],
  ])("%j → %j", (text, fy, expected) => {
    expect(shift(text, fy)).toBe(expected);
  });
});

describe("平成から令和へ: 年度は2019年度から令和、月は2019年5月から令和", () => {
  test("平成30年度 → 令和元年度、令和元年度 → 令和2年度", () => {
    expect(shift("（平成30年度末）", 2018)).toBe("（令和元年度末）");
    expect(shift("（令和元年度末）", 2019)).toBe("（令和2年度末）");
    expect(shift("平成30年度 当初予定(P)", 2018)).toBe("令和元年度 当初予定(P)");
  });

  test("元号を書かない年度は、元号が変わるときだけ元号を書く", () => {
    expect(shift("30年度下半期評価", 2018)).toBe("令和元年度下半期評価");
    expect(shift("令和元年度下半期評価", 2019)).toBe("令和2年度下半期評価");
    expect(shift("元年度下半期評価", 2019)).toBe("2年度下半期評価");
  });

  test("平成31年3月はまだ平成、その1年後は令和2年3月", () => {
    expect(shift("平成30年3月末", 2017)).toBe("平成31年3月末");
    expect(shift("平成31年3月末", 2018)).toBe("令和2年3月末");
  });

  test("略記は略記のまま、元年は 1 と書く", () => {
    expect(shift("H30年度", 2018)).toBe("R1年度");
    expect(shift("R1年度", 2019)).toBe("R2年度");
  });

  test("2年進める", () => {
    expect(shift("（平成30年度末）", 2018, 2)).toBe("（令和2年度末）");
  });
});

describe("動かさないもの", () => {
  test("計画期間の範囲は動かさない", () => {
    expect(shift("武蔵野市行財政改革アクションプラン（平成 29～32 年度） 取組状況（平成 29 年度末時点）", 2017)).toBe(
      "武蔵野市行財政改革アクションプラン（平成 29～32 年度） 取組状況（平成 30 年度末時点）",
    );
    expect(shift("平成29年度～平成32年度", 2017)).toBe("平成29年度～平成32年度");
    expect(shift("平成29年度から平成32年度まで", 2017)).toBe("平成29年度から平成32年度まで");
  });

  test("年度でも月でもない年、番号は動かさない", () => {
    expect(shift("平成21年", 2017)).toBe("平成21年");
    expect(shift("第3次行財政再構築", 2017)).toBe("第3次行財政再構築");
    expect(shiftYearsInText("取組項目・内容", 1, 2017)).toEqual({ text: "取組項目・内容", moved: 0 });
  });
});
