/**
 * Text written through `Range.values` is taken as Excel takes typing: `=…` becomes a formula, `0012` the number 12,
 * `2026/4/1` a date, `TRUE` a boolean, and Japanese Excel reads full-width `１２３` as a number. The number format "@"
 * prevents that but changes the cell for good (numbers typed there later stay text) and, in Excel for Windows, shows
 * `########` for text over 255 characters. So text is written as typed, with a leading apostrophe only when Excel
 * would otherwise parse it: Excel keeps the rest as text, marks the cell quote-prefixed and leaves its number format
 * alone, and the apostrophe is not part of the value (`values` reads it back without it).
 */
import { isErrorText } from "../../core/model/cell";

/** English month names Excel reads in dates (`5-Mar`, `Jan 2026`). */
const MONTHS = /\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\b\.?/gi;
/** Digits with what numbers, fractions, currencies, percentages, dates and times are written with. */
const NUMERIC = /^(明治|大正|昭和|平成|令和|[MTSHR])?[\s\d.,:/%$¥€£()+\-eE年月日時分秒]*\d[\s\d.,:/%$¥€£()+\-eE年月日時分秒]*(\s*(am|pm|午前|午後))?$/i;

/**
 * Excel would not keep `s` as the text it is when typed into a cell that is not formatted "@". Generous on purpose:
 * an apostrophe on text that did not need one costs nothing (the value is the same), a missing one changes it.
 */
export function parsedByExcel(s: string): boolean {
  if (s === "") return false;
  const wide = s.normalize("NFKC");
  if (/^[=+\-@']/.test(wide)) return true;
  const t = wide.trim();
  if (/^(true|false)$/i.test(t) || isErrorText(t.toUpperCase())) return true;
  return NUMERIC.test(t.replace(MONTHS, "1"));
}

/** What to write through `values` so that the cell holds `s` as text: `'` + s when Excel would parse it. */
export function asTyped(s: string, numberFormat?: string): string {
  return numberFormat !== "@" && parsedByExcel(s) ? `'${s}` : s;
}
