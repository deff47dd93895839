/**
 * Excel's serial day numbers, for both adapters. A workbook counts its days from 1900 (day 25569 is 1970-01-01) or,
 * saved so by old Excel for Mac, from 1904-01-01 (docs/file-layer.md): the same cell shown as 2018/4/1 holds 43191
 * in one and 41729 in the other.
 */

/** Serial 0 of the 1904 date system (1904-01-01) is serial 1462 of the 1900 system. */
export const DAYS_1900_TO_1904 = 1462;

/** Excel's serial day number → a Date at UTC midnight (+ time), as other readers give it. */
export function serialToDate(serial: number, date1904: boolean): Date {
  const days = date1904 ? serial + DAYS_1900_TO_1904 : serial;
  return new Date(Math.round((days - 25569) * 86400000));
}

/** A Date (UTC) → the serial number a cell of a workbook in that date system holds for it. */
export function dateToSerial(d: Date, date1904: boolean): number {
  return d.getTime() / 86400000 + 25569 - (date1904 ? DAYS_1900_TO_1904 : 0);
}
