/**
 * warekiYear: the one function that prints a year in its era, for every message and summary (平成 up to 2018,
 * 令和元 for 2019, 令和 after), checked year by year from 1989 to 2040 and read back by the project's own parser.
 */
import { parseFiscalYear, warekiYear } from "../../../src/core/values/wareki";

test.each([
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
