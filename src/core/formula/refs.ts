/**
 * Formula text as the add-in compares and moves it (docs/distribution.md): the A1 formulas of a cell, in the
 * invariant (English) form both the .xlsx file and Excel's `Range.formulas` use. Pure.
 */
import { columnLetters } from "../model/address";
import { isChar, tokenize } from "./tokens";

/** Prefixes the file format puts before newer functions (`_xlfn.XLOOKUP`); Excel's formulas show them without. */
const FUTURE_PREFIX = /_xl(?:fn|ws)\./gi;

/** A formula as compared: no leading "=", no `_xlfn.` / `_xlws.` prefixes, outer blanks trimmed. */
export function normalizeFormula(formula: string): string {
  const f = formula.trim();
  return (f.startsWith("=") ? f.slice(1) : f).replace(FUTURE_PREFIX, "").trim();
}

/** A cell reference in a formula: 1-based row and column; 0 for the part a whole-row (`5:7`) or whole-column (`A:C`) reference lacks. */
export interface FormulaRef {
  readonly row: number;
  readonly col: number;
  readonly rowAbsolute: boolean;
  readonly colAbsolute: boolean;
  /** The sheet named before the reference (`'調査票 1'!A1`, `Sheet2!A1`), unquoted; absent for the formula's own sheet. */
  readonly sheet?: string;
  /** A single reference, or the start or end of a range (`A5:B9`): a mover may shrink a range rather than break it. */
  readonly part: "single" | "start" | "end";
}

/** Where a reference goes: its new row and column (0 kept where the reference has none), or null for #REF!. */
export type RefMove = (ref: FormulaRef) => { readonly row: number; readonly col: number } | null;

const MAX_ROW = 1048576;
const MAX_COL = 16384;

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) | 32) - 96);
  return n;
}

type EndpointKind = "cell" | "row" | "col";
type Endpoint = { kind: EndpointKind; row: number; col: number; rowAbsolute: boolean; colAbsolute: boolean };

/** `$B$4`, `B4`: letters and digits; `$AB`: letters only (a whole column); `$5`: digits only (a whole row). */
const ENDPOINT = /^(\$?)(?:([A-Za-z]{1,3})(\$?))?([0-9]{1,7})?$/;

/** A word as a cell (`$B$4`), a row (`$5`) or a column (`AB`) endpoint; undefined when it is none. */
function endpointOf(word: string): Endpoint | undefined {
  const m = ENDPOINT.exec(word);
  if (!m) return undefined;
  const [, abs1, letters, abs2, digits] = m;
  const col = letters ? columnNumber(letters) : 0;
  const row = digits ? Number(digits) : 0;
  if (col > MAX_COL || row > MAX_ROW) return undefined;
  if (letters && digits) return row >= 1 ? { kind: "cell", row, col, rowAbsolute: abs2 === "$", colAbsolute: abs1 === "$" } : undefined;
  if (letters) return abs2 ? undefined : { kind: "col", row: 0, col, rowAbsolute: false, colAbsolute: abs1 === "$" };
  return digits && row >= 1 ? { kind: "row", row, col: 0, rowAbsolute: abs1 === "$", colAbsolute: false } : undefined;
}

function endpointText(e: Endpoint, to: { row: number; col: number }): string {
  const col = to.col > 0 ? `${e.colAbsolute ? "$" : ""}${columnLetters(to.col - 1)}` : "";
  const row = to.row > 0 ? `${e.rowAbsolute ? "$" : ""}${to.row}` : "";
  return col + row;
}

/**
 * Rewrites every cell, range, whole-row and whole-column reference of an A1 formula through `move`, leaving strings,
 * sheet names, function names, defined names, structured references (`表1[列]`) and error literals as they are. A
 * reference `move` sends nowhere, or past the sheet's edge, becomes #REF! (with its sheet name, as Excel writes it).
 * Used to expand a shared formula to each of its cells and to move references when rows are deleted.
 */
export function rewriteReferences(formula: string, move: RefMove): string {
  return rewrite(formula, move, false)!;
}

/**
 * The walk behind rewriteReferences. `exact`: undefined instead of #REF!, and for a formula whose references
 * cannot all be seen (a table's columns, another workbook, text left open).
 */
function rewrite(formula: string, move: RefMove, exact: boolean): string | undefined {
  const tokens = tokenize(formula);
  let out = "";
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (exact && (t.open || t.kind === "bracket" || (t.kind === "sheet" && t.sheet!.includes("[")))) return undefined;
    // A reference: a word, after its sheet's prefix if it has one.
    const at = t.kind === "sheet" && tokens[k + 1]?.kind === "word" ? k + 1 : k;
    const w = tokens[at];
    if (w.kind !== "word" || isChar(formula, tokens[at + 1], "(")) {
      // LOG10( is a function's name, though LOG10 is also a cell's address.
      out += formula.slice(t.start, w.end);
      k = at;
      continue;
    }
    const sheet = t.kind === "sheet" ? t.sheet : undefined;
    const prefix = formula.slice(t.start, w.start);
    const ref = (e: Endpoint, part: FormulaRef["part"]): FormulaRef =>
      sheet !== undefined
        ? { row: e.row, col: e.col, rowAbsolute: e.rowAbsolute, colAbsolute: e.colAbsolute, sheet, part }
        : { row: e.row, col: e.col, rowAbsolute: e.rowAbsolute, colAbsolute: e.colAbsolute, part };
    const word = formula.slice(w.start, w.end);
    const a = endpointOf(word);
    // A range: two endpoints of the same kind around ":".
    const w2 = isChar(formula, tokens[at + 1], ":") && tokens[at + 2]?.kind === "word" && !isChar(formula, tokens[at + 3], "(") ? tokens[at + 2] : undefined;
    if (w2 && a) {
      const b = endpointOf(formula.slice(w2.start, w2.end));
      if (b && a.kind === b.kind) {
        const kind = a.kind;
        const to1 = move(ref(a, "start"));
        const to2 = move(ref(b, "end"));
        const ok = to1 && to2 && inSheet(to1, kind) && inSheet(to2, kind);
        if (!ok && exact) return undefined;
        out += prefix + (ok ? `${endpointText(a, to1)}:${endpointText(b, to2)}` : "#REF!");
        k = at + 2;
        continue;
      }
    }
    if (a?.kind === "cell") {
      const to = move(ref(a, "single"));
      const ok = to && inSheet(to, "cell");
      if (!ok && exact) return undefined;
      out += prefix + (ok ? endpointText(a, to) : "#REF!");
    } else out += prefix + word;
    k = at;
  }
  return out;
}

function inSheet(to: { row: number; col: number }, kind: "cell" | "row" | "col"): boolean {
  const rowOk = kind === "col" ? to.row === 0 : to.row >= 1 && to.row <= MAX_ROW;
  const colOk = kind === "row" ? to.col === 0 : to.col >= 1 && to.col <= MAX_COL;
  return rowOk && colOk;
}

/** Relative references moved `rows` down and `cols` right; absolute parts, and the part a whole row or column lacks, stay. */
function translation(rows: number, cols: number): RefMove {
  return (r) => ({
    row: r.row === 0 || r.rowAbsolute ? r.row : r.row + rows,
    col: r.col === 0 || r.colAbsolute ? r.col : r.col + cols,
  });
}

/** A formula copied `rows` down and `cols` right, as Excel fills a shared formula: relative references move, absolute ones stay. */
export function translateFormula(formula: string, rows: number, cols: number): string {
  return rewrite(formula, translation(rows, cols), false)!;
}

/**
 * translateFormula for a formula written into another package: undefined, rather than #REF!, when a reference
 * would leave the sheet, and for a formula whose references cannot all be seen (a table's columns `表1[列]`,
 * another workbook `[1]Sheet1!A1`, text left open), which a copy must not keep as a formula.
 */
export function translateFormulaExact(formula: string, rows: number, cols: number): string | undefined {
  return rewrite(formula, translation(rows, cols), true);
}
