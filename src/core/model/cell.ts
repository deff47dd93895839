/**
 * Cell values as the core sees them, whichever adapter read them.
 * Adapters map Excel's own types here: numbers stay numbers, error values become CellError,
 * rich text and formulas become their displayed text / cached result.
 */
export interface CellError {
  readonly error: string; // "#REF!", "#DIV/0!", "#N/A", "#VALUE!" …
}

export type CellValue = string | number | boolean | Date | CellError | null;

export function isCellError(v: unknown): v is CellError {
  return typeof v === "object" && v !== null && !(v instanceof Date) && typeof (v as CellError).error === "string";
}

/** Excel's error values as a cell shows them, with the newer ones (dynamic arrays, data types). */
const ERROR_TEXT = /^#(?:REF!|DIV\/0!|N\/A|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/** Whether `text` is exactly one of Excel's error values (`#N/A`, `#DIV/0!` …), as a cell would show it. */
export function isErrorText(text: string): boolean {
  return ERROR_TEXT.test(text);
}

export function isEmptyCell(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** The text a user sees in the cell (without number formatting, which the core does not need). */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return v.error;
}
