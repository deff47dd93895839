/** What Excel's `values` / `valueTypes` / `numberFormat` say about a cell, mapped like the ExcelJS adapter maps it. */
import { type CellRange, parseRangeA1 } from "../../core/model/address";
import type { CellValue } from "../../core/model/cell";
import { DAYS_1900_TO_1904, serialToDate } from "../serial-dates";
import type { SheetVisibility } from "../../core/model/grid";

/**
 * A date format, by the rule ExcelJS applies when it loads a file (y, m, d, h, s or b outside quotes and brackets),
 * so that both adapters turn the same cells into dates.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const f = format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]/.test(f);
}

/**
 * Queues the question which date system the workbook uses: Excel computes DATE(2000, 1, 1), 36526 in the 1900
 * system and 35064 in the 1904 one (Workbook.functions, ExcelApi 1.2; the API has no property for it). After the
 * sync, the answer.
 */
export function queueDateSystem(context: Excel.RequestContext): () => boolean {
  const day = context.workbook.functions.date(2000, 1, 1);
  day.load("value");
  return () => day.value === 36526 - DAYS_1900_TO_1904;
}

/** One cell: numbers, text and booleans as they are, "" as empty, error values as CellError, dates as Date. */
export function toCellValue(value: unknown, type: string | undefined, format: string | undefined, date1904: boolean): CellValue {
  if (type === "Error") return { error: String(value) };
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "number") return isDateFormat(format) ? serialToDate(value, date1904) : value;
  if (typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

export function toVisibility(v: string): SheetVisibility {
  return v === "Hidden" ? "hidden" : v === "VeryHidden" ? "veryHidden" : "visible";
}

/** `'No.1'!A1:J20` → 0-based range. The cell part follows the last "!" (sheet names may hold one, cells never do). */
export function parseAddress(address: string): CellRange | null {
  const cells = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
  return parseRangeA1(cells);
}

/** UTF-8 length of a string as a JSON string body (escapes included), without encoding it. */
export function jsonStringLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22 || c === 0x5c || c === 0x0a || c === 0x0d || c === 0x09) n += 2;
    else if (c < 0x20) n += 6;
    else if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes of a 2D array as JSON: what Excel sends for a loaded `values`, `valueTypes` or `numberFormat`. */
export function jsonBytes(rows: readonly (readonly unknown[])[]): number {
  let n = 2;
  for (const row of rows) {
    n += 3;
    for (const v of row) {
      if (typeof v === "string") n += jsonStringLength(v) + 3;
      else n += String(v).length + 1;
    }
  }
  return n;
}

/**
 * Queues, for each cell, the question whether a dynamic array spills into it (Range.getSpillParentOrNullObject,
 * ExcelApi 1.12); after the sync, the answer per cell. A fix and 回収 leave such cells: written, they would stop
 * the spill and the formula would show #SPILL!.
 */
export function queueSpilled(context: Excel.RequestContext, cells: readonly { readonly sheet: string; readonly cell: string }[]): () => boolean[] {
  const sheets = context.workbook.worksheets;
  const parents = cells.map((c) => sheets.getItem(c.sheet).getRange(c.cell).getSpillParentOrNullObject().load("address"));
  return () => parents.map((p) => !p.isNullObject);
}
