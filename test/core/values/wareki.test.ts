import { findFiscalYears, fiscalYearEnd, parseFiscalYear, parseWarekiDate } from "../../../src/core/values/wareki";

describe("parseFiscalYear", () => {
  test.each([
    ["平成29年度", 2017],
    ["平成 29 年度", 2017],
    ["平成２９年度", 2017],
    ["令和元年度", 2019],
    ["令和2年度", 2020],
    ["H29", 2017],
    ["R5", 2023],
    ["Ｈ２９", 2017],
    ["2020年度", 2020],
    ["昭和60年度", 1985],
    ["平成32年度", 2020],
    ["平成34年度", 2022],
    ["平成29年度実績", 2017],
    ["(平成29年度)", 2017],
  ])("%s は %i 年度", (text, fy) => {
    expect(parseFiscalYear(text)?.fiscalYear).toBe(fy);
  });

  test("和暦と西暦の組 令和2(2020)年度 は一致、令和2(2021)年度 は era-mismatch", () => {
    expect(parseFiscalYear("令和2(2020)年度")).toEqual({ fiscalYear: 2020, era: "令和", eraYear: 2, westernWritten: 2020, problems: [] });
    expect(parseFiscalYear("令和 2 (2020) 年度")?.problems).toEqual([]);
    expect(parseFiscalYear("令和4（2022）年度")?.fiscalYear).toBe(2022);
    expect(parseFiscalYear("令和2(2021)年度")).toEqual({ fiscalYear: 2020, era: "令和", eraYear: 2, westernWritten: 2021, problems: ["era-mismatch"] });
    expect(parseFiscalYear("2020(令和3)年度")?.problems).toEqual(["era-mismatch"]);
  });

  test("令和0年度 は era-year-invalid", () => {
    expect(parseFiscalYear("令和0年度")?.problems).toEqual(["era-year-invalid"]);
    expect(parseFiscalYear("平成0年度")?.problems).toEqual(["era-year-invalid"]);
  });

  test("範囲の見出し 平成 29～30 年度 / 平成29〜30年度 は toFiscalYear をもつ", () => {
    expect(parseFiscalYear("平成 29～30 年度")).toMatchObject({ fiscalYear: 2017, toFiscalYear: 2018 });
    expect(parseFiscalYear("平成29〜30年度")).toMatchObject({ fiscalYear: 2017, toFiscalYear: 2018 });
    expect(parseFiscalYear("(平成 29～32 年度)")).toMatchObject({ fiscalYear: 2017, toFiscalYear: 2020 });
    expect(parseFiscalYear("令和3年度～7年度")).toMatchObject({ fiscalYear: 2021, toFiscalYear: 2025 });
    expect(parseFiscalYear("平成30年度～令和2年度")).toMatchObject({ fiscalYear: 2018, toFiscalYear: 2020 });
  });

  test("年度でないもの(暦年・年月・数の並び・文)は null", () => {
    for (const t of ["平成30年3月", "平成21年", "H29 1,130", "目標値", "", "2020", "第3次"]) expect(parseFiscalYear(t)).toBeNull();
  });
});

describe("parseWarekiDate", () => {
  test.each([
    ["平成30年3月末", { year: 2018, month: 3, day: 31 }],
    ["平成30年2月末時点", { year: 2018, month: 2, day: 28 }],
    ["平成28年2月末", { year: 2016, month: 2, day: 29 }],
    ["令和3年4月1日現在", { year: 2021, month: 4, day: 1 }],
    ["H30.3", { year: 2018, month: 3 }],
    ["R5.3", { year: 2023, month: 3 }],
    ["H28.4.1", { year: 2016, month: 4, day: 1 }],
    ["平成29年度末", { year: 2018, month: 3, day: 31 }],
    ["令和4年度末", { year: 2023, month: 3, day: 31 }],
    ["(平成29年3月末日)", { year: 2017, month: 3, day: 31 }],
    ["2018年3月31日", { year: 2018, month: 3, day: 31 }],
    ["平成21年", { year: 2009 }],
  ])("%s", (text, date) => {
    expect(parseWarekiDate(text)).toEqual(date);
  });

  test("ありえない日付・年度・文は null", () => {
    for (const t of ["平成30年2月30日", "平成30年13月", "平成29年度", "予算", ""]) expect(parseWarekiDate(t)).toBeNull();
  });

  test("fiscalYearEnd は翌年3月31日", () => {
    expect(fiscalYearEnd(2017)).toEqual({ year: 2018, month: 3, day: 31 });
  });
});

describe("findFiscalYears", () => {
  test("見出しの中の年度末は年度として返す", () => {
    expect(findFiscalYears("第3次行財政再構築進捗状況調査票（平成29年度末）")).toEqual([{ fiscalYear: 2017, era: "平成", eraYear: 29, problems: [] }]);
  });

  test("長い文の年度をすべて順に返し、略記は 年度 が付くときだけ", () => {
    expect(findFiscalYears("平成29年度から令和2(2020)年度まで、H31年度 と H29 と R5.3").map((f) => f.fiscalYear)).toEqual([2017, 2020, 2019]);
    expect(findFiscalYears("平成30年3月末")).toEqual([]);
    expect(findFiscalYears("2020年度実績")[0].fiscalYear).toBe(2020);
  });
});
