/**
 * Serial day numbers in both date systems (src/workbook/serial-dates.ts), against the numbers Excel shows for
 * DATE(…) in a workbook of each system.
 */
import { dateToSerial, serialToDate } from "../../src/workbook/serial-dates";

test.each([
  [Date.UTC(2000, 0, 1), 36526, 35064],
  [Date.UTC(2018, 3, 1), 43191, 41729],
  [Date.UTC(1904, 0, 1), 1462, 0],
  [Date.UTC(2020, 0, 2, 12, 0), 43832.5, 42370.5],
])("%p is %p counted from 1900 and %p from 1904, and back", (ms, from1900, from1904) => {
  expect(dateToSerial(new Date(ms), false)).toBe(from1900);
  expect(dateToSerial(new Date(ms), true)).toBe(from1904);
  expect(serialToDate(from1900, false).getTime()).toBe(ms);
  expect(serialToDate(from1904, true).getTime()).toBe(ms);
});
