/** A1 addresses. Rows and columns are 0-based everywhere in the core; A1 text is only for people. */

export interface CellRef {
  readonly row: number;
  readonly col: number;
}

export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number; // inclusive
  readonly right: number; // inclusive
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function toA1(row: number, col: number): string {
  return columnLetters(col) + String(row + 1);
}

export function rangeToA1(r: CellRange): string {
  const a = toA1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${toA1(r.bottom, r.right)}`;
}

/** `B12` → `$B$12`, `A4:K47` → `$A$4:$K$47` (no sheet part): a reference that stays put when copied (names, totals). */
export function absoluteA1(ref: string): string {
  return ref.replace(/\$?([A-Z]+)\$?(\d+)/g, "$$$1$$$2");
}

/** Parses "B12" or "$B$12" (no sheet part). Returns null for anything else. */
export function parseA1(a1: string): CellRef | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a1.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1) return null;
  return { row: row - 1, col: col - 1 };
}

/** Parses "A1:C3" or "A1". */
export function parseRangeA1(text: string): CellRange | null {
  const [a, b] = text.split(":");
  const p = parseA1(a);
  if (!p) return null;
  const q = b === undefined ? p : parseA1(b);
  if (!q) return null;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** Quotes a sheet name for a formula or hyperlink reference: 'No.2-1~5'!A1 */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
