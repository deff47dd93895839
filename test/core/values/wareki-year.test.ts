/**
 * warekiYear: the one function that prints a year in its era, for every message and summary (平成 up to 2018,
 * 令和元 for 2019, 令和 after), checked year by year from 1989 to 2040 and read back by the project's own parser.
 * eraYearOf, under it, also serves the task pane's year labels and new-plan's headers.
 */
import { eraYearOf, parseFiscalYear, warekiYear, yearInEra } from "../../../src/core/values/wareki";

test.each([
  [1868, "明治元"],
  [1911, "明治44"],
  [1912, "大正元"],
  [1926, "昭和元"],
  [1988, "昭和63"],
  [1989, "平成元"],
  [1990, "平成2"],
  [2017, "平成29"],
  [2018, "平成30"],
  [2019, "令和元"],
  [2020, "令和2"],
  [2023, "令和5"],
  [2040, "令和22"],
])("%i → %s", (year, text) => {
  expect(warekiYear(year)).toBe(text);
});

test("1989–2040 の毎年: 令和0・令和-1 にならず、年度として読み戻すと同じ年", () => {
  for (let y = 1989; y <= 2040; y++) {
    const s = warekiYear(y);
    expect(s).toMatch(/^(平成|令和)(元|[1-9]\d*)$/);
    expect(parseFiscalYear(`${s}年度`)?.fiscalYear).toBe(y);
  }
});

test("1868–2040 の毎年: 元号の年は1から始まり、元号の中で読み戻すと同じ年", () => {
  let last = eraYearOf(1868);
  for (let y = 1869; y <= 2040; y++) {
    const now = eraYearOf(y);
    // Each year is the next year of the same era, or year 1 of the next one.
    expect(now.era === last.era ? now.year === last.year + 1 : now.year === 1).toBe(true);
    expect(yearInEra(now.era, y)).toBe(now.year);
    expect(parseFiscalYear(`${warekiYear(y)}年度`)?.fiscalYear).toBe(y);
    last = now;
  }
});
