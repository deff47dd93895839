/**
 * References to one sheet inside formula text (a cell's `<f>`, a defined name, a validation's list source): found
 * by walking the formula, so text in string literals ("No.3!B2") is never taken for a reference. A copied sheet's
 * print titles point at its new name; a removed sheet's references become `#REF!`, as Excel writes them when a
 * sheet they point to is deleted (a defined name left naming a missing sheet is one Excel removes in a repair).
 */

/** Characters an unquoted sheet name may hold (`No.3`, `評価一覧`); a name with others is written quoted. */
function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 92 || c > 127;
}

const same = (a: string, b: string) => a === b || a.toUpperCase() === b.toUpperCase();

/**
 * `formula` with every reference to sheet `sheet` (`'No 3'!B2`, `No.3!B2`, compared as Excel compares sheet names,
 * without regard to case) written as `prefix` + the cell part: `prefix` is `'New name'!` or `#REF!`. References
 * to other workbooks (`[1]No.3!B2`) and 3-D ranges (`No.1:No.3!B2`) are left as they are.
 */
export function replaceSheetRefs(formula: string, sheet: string, prefix: string): string {
  return mapSheetRefs(formula, (name) => (same(name, sheet) ? prefix : undefined));
}

/**
 * `formula` with each sheet reference's `Sheet!` part replaced by what `to` returns for the sheet's name (kept
 * where it returns undefined), in one pass, so that sheets renamed in a ring (A→B, B→A) come out right.
 */
export function mapSheetRefs(formula: string, to: (sheet: string) => string | undefined): string {
  let out = "";
  let copied = 0;
  for (let i = 0; i < formula.length; ) {
    const c = formula.charCodeAt(i);
    if (c === 34 /* " */) {
      // A string literal: "" is a quote inside it.
      let j = i + 1;
      while (j < formula.length && !(formula.charCodeAt(j) === 34 && formula.charCodeAt(j + 1) !== 34)) j += formula.charCodeAt(j) === 34 ? 2 : 1;
      i = j + 1;
      continue;
    }
    const before = i > 0 ? formula.charCodeAt(i - 1) : 0;
    const starts = before !== 93 /* ] */ && before !== 58 /* : */ && !isNameChar(before);
    if (c === 39 /* ' */) {
      let j = i + 1;
      while (j < formula.length && !(formula.charCodeAt(j) === 39 && formula.charCodeAt(j + 1) !== 39)) j += formula.charCodeAt(j) === 39 ? 2 : 1;
      const prefix = starts && formula.charCodeAt(j + 1) === 33 /* ! */ ? to(formula.slice(i + 1, j).replace(/''/g, "'")) : undefined;
      if (prefix !== undefined) {
        out += formula.slice(copied, i) + prefix;
        copied = j + 2;
      }
      i = formula.charCodeAt(j + 1) === 33 ? j + 2 : j + 1;
      continue;
    }
    if (isNameChar(c) && starts) {
      let j = i;
      while (j < formula.length && isNameChar(formula.charCodeAt(j))) j++;
      const prefix = formula.charCodeAt(j) === 33 && before !== 35 /* #REF! */ ? to(formula.slice(i, j)) : undefined;
      if (prefix !== undefined) {
        out += formula.slice(copied, i) + prefix;
        copied = j + 1;
      }
      i = j;
      continue;
    }
    i++;
  }
  return copied === 0 ? formula : out + formula.slice(copied);
}

/** What a formula refers to outside its own sheet's cells. */
export interface FormulaRefs {
  /** Sheets named in references (`No.3!B2`, `'No 3'!B2`), as written, once each. */
  readonly sheets: readonly string[];
  /** Identifiers that may be defined names (`区分リスト`, `税率`), as written, once each; unknown ones mean nothing. */
  readonly names: readonly string[];
  /** A reference no copy can follow: another workbook, a table, a 3-D range, a name qualified by a sheet. */
  readonly opaque: boolean;
}

/** Error values, read whole so that `#N/A` or `#REF!` is never taken for a name or a sheet. */
const ERROR_VALUE = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)/i;
const CELL = /^\$?[A-Za-z]{1,3}\$?\d+$/;
const COLUMN = /^\$?[A-Za-z]{1,3}$/;
const ROW = /^\$?\d+$/;

/**
 * The sheets and names `formula` refers to, found by walking it: string literals, function names, cell and
 * whole-row or whole-column references, numbers, TRUE/FALSE and error values are none of them.
 */
export function refsOf(formula: string): FormulaRefs {
  const sheets = new Set<string>();
  const names = new Set<string>();
  const OPAQUE = { sheets: [], names: [], opaque: true };
  const n = formula.length;
  const isRefChar = (c: number) => isNameChar(c) || c === 36 /* $ */;
  for (let i = 0; i < n; ) {
    const c = formula.charCodeAt(i);
    if (c === 34 /* " */) {
      let j = i + 1;
      while (j < n && !(formula.charCodeAt(j) === 34 && formula.charCodeAt(j + 1) !== 34)) j += formula.charCodeAt(j) === 34 ? 2 : 1;
      i = j + 1;
      continue;
    }
    if (c === 35 /* # */) {
      const m = ERROR_VALUE.exec(formula.slice(i, i + 16));
      i += m ? m[0].length : 1;
      continue;
    }
    if (c === 91 /* [ */) return OPAQUE;
    if (c === 39 /* ' */) {
      let j = i + 1;
      while (j < n && !(formula.charCodeAt(j) === 39 && formula.charCodeAt(j + 1) !== 39)) j += formula.charCodeAt(j) === 39 ? 2 : 1;
      const sheet = formula.slice(i + 1, j).replace(/''/g, "'");
      if (sheet.includes("[") || sheet.includes(":")) return OPAQUE;
      if (formula.charCodeAt(j + 1) !== 33) return OPAQUE; // a quoted name with no `!` is not a formula Excel writes
      sheets.add(sheet);
      i = afterQualified(j + 2);
      if (i < 0) return OPAQUE;
      continue;
    }
    if (!isRefChar(c)) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && isRefChar(formula.charCodeAt(j))) j++;
    const run = formula.slice(i, j);
    const next = formula.charCodeAt(j);
    const prev = i > 0 ? formula.charCodeAt(i - 1) : 0;
    if (next === 33 /* ! */) {
      if (prev === 58 /* : */) return OPAQUE; // No.1:No.3!B2
      sheets.add(run);
      i = afterQualified(j + 1);
      if (i < 0) return OPAQUE;
      continue;
    }
    if (next === 58 /* : */) {
      // No.1:No.3!B2, a 3-D range, is known by the `!` after the second sheet.
      let k = j + 1;
      while (k < n && isRefChar(formula.charCodeAt(k))) k++;
      if (formula.charCodeAt(k) === 33) return OPAQUE;
    }
    i = j;
    if (next === 40 /* ( */ || CELL.test(run) || /^[\d.]/.test(run) || /^(TRUE|FALSE)$/i.test(run)) continue;
    // A:C and 2:5, either side of the colon.
    if ((next === 58 || prev === 58) && (COLUMN.test(run) || ROW.test(run))) continue;
    if (run.startsWith("$")) continue;
    names.add(run);
  }
  return { sheets: [...sheets], names: [...names], opaque: false };

  /** After `Sheet!`: the index after a cell or range; -1 for a name there (one of that sheet's own, which no copy follows). */
  function afterQualified(at: number): number {
    let j = at;
    while (j < n && isRefChar(formula.charCodeAt(j))) j++;
    const run = formula.slice(at, j);
    const next = formula.charCodeAt(j);
    if (run && !CELL.test(run) && !ROW.test(run) && !(next === 58 && COLUMN.test(run))) return -1;
    return j;
  }
}
