/**
 * Formula text as the add-in compares and moves it (docs/distribution.md): the A1 formulas of a cell, in the
 * invariant (English) form both the .xlsx file and Excel's `Range.formulas` use. Pure.
 */

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
// Letters beyond ASCII too: Excel writes a sheet name such as 調査票1 unquoted.
const WORD = /[$A-Za-z0-9_.\\\u0080-\uFFFF]/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function columnName(n: number): string {
  let s = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

type Endpoint = { row: number; col: number; rowAbsolute: boolean; colAbsolute: boolean };

/** A word as a cell (`$B$4`), a row (`$5`) or a column (`AB`) endpoint; undefined when it is none. */
function endpointOf(word: string, kind: "cell" | "row" | "col"): Endpoint | undefined {
  if (kind === "cell") {
    const m = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})$/.exec(word);
    if (!m) return undefined;
    const col = columnNumber(m[2]);
    const row = Number(m[4]);
    return col <= MAX_COL && row >= 1 && row <= MAX_ROW ? { row, col, rowAbsolute: m[3] === "$", colAbsolute: m[1] === "$" } : undefined;
  }
  if (kind === "row") {
    const m = /^(\$?)([0-9]{1,7})$/.exec(word);
    const row = m ? Number(m[2]) : 0;
    return m && row >= 1 && row <= MAX_ROW ? { row, col: 0, rowAbsolute: m[1] === "$", colAbsolute: false } : undefined;
  }
  const m = /^(\$?)([A-Za-z]{1,3})$/.exec(word);
  const col = m ? columnNumber(m[2]) : 0;
  return m && col <= MAX_COL ? { row: 0, col, rowAbsolute: false, colAbsolute: m[1] === "$" } : undefined;
}

function endpointText(e: Endpoint, to: { row: number; col: number }): string {
  const col = to.col > 0 ? `${e.colAbsolute ? "$" : ""}${columnName(to.col)}` : "";
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
  let out = "";
  let i = 0;
  let sheet: { text: string; name: string } | undefined; // a sheet prefix waiting for its reference
  const n = formula.length;
  const wordAt = (from: number): number => {
    let j = from;
    while (j < n && WORD.test(formula[j])) j++;
    return j;
  };
  const flushSheet = (): void => {
    if (sheet) out += sheet.text;
    sheet = undefined;
  };
  while (i < n) {
    const ch = formula[i];
    if (ch === '"') {
      flushSheet();
      let j = i + 1;
      while (j < n && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      flushSheet();
      let j = i + 1;
      while (j < n && !(formula[j] === "'" && formula[j + 1] !== "'")) j += formula[j] === "'" ? 2 : 1;
      if (formula[j + 1] === "!") {
        sheet = { text: formula.slice(i, j + 2), name: formula.slice(i + 1, j).replace(/''/g, "'") };
        i = j + 2;
      } else {
        out += formula.slice(i, j + 1);
        i = j + 1;
      }
      continue;
    }
    if (ch === "[") {
      flushSheet();
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        if (formula[j] === "[") depth++;
        else if (formula[j] === "]" && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "#") {
      flushSheet();
      const m = /^#[A-Za-z0-9/]*[!?]?/.exec(formula.slice(i));
      out += m![0];
      i += m![0].length;
      continue;
    }
    if (!WORD.test(ch)) {
      flushSheet();
      out += ch;
      i++;
      continue;
    }
    const end = wordAt(i);
    const word = formula.slice(i, end);
    if (formula[end] === "!") {
      flushSheet();
      sheet = { text: formula.slice(i, end + 1), name: word };
      i = end + 1;
      continue;
    }
    // A function's name, not a reference (LOG10 is also a cell's address).
    if (formula[end] === "(") {
      flushSheet();
      out += word;
      i = end;
      continue;
    }
    // A range: two endpoints of the same kind around ":".
    if (formula[end] === ":" && WORD.test(formula[end + 1] ?? "")) {
      const end2 = wordAt(end + 1);
      const word2 = formula.slice(end + 1, end2);
      const kinds = ["cell", "row", "col"] as const;
      const kind = kinds.find((k) => endpointOf(word, k) && endpointOf(word2, k));
      if (kind && formula[end2] !== "(" && formula[end2] !== "!") {
        const a = endpointOf(word, kind)!;
        const b = endpointOf(word2, kind)!;
        const name = sheet?.name;
        const to1 = move({ ...a, ...(name !== undefined ? { sheet: name } : {}), part: "start" });
        const to2 = move({ ...b, ...(name !== undefined ? { sheet: name } : {}), part: "end" });
        const prefix = sheet?.text ?? "";
        sheet = undefined;
        out += prefix + (to1 && to2 && inSheet(to1, kind) && inSheet(to2, kind) ? `${endpointText(a, to1)}:${endpointText(b, to2)}` : "#REF!");
        i = end2;
        continue;
      }
    }
    const cell = endpointOf(word, "cell");
    if (cell) {
      const name = sheet?.name;
      const to = move({ ...cell, ...(name !== undefined ? { sheet: name } : {}), part: "single" });
      const prefix = sheet?.text ?? "";
      sheet = undefined;
      out += prefix + (to && inSheet(to, "cell") ? endpointText(cell, to) : "#REF!");
      i = end;
      continue;
    }
    flushSheet();
    out += word;
    i = end;
  }
  flushSheet();
  return out;
}

function inSheet(to: { row: number; col: number }, kind: "cell" | "row" | "col"): boolean {
  const rowOk = kind === "col" ? to.row === 0 : to.row >= 1 && to.row <= MAX_ROW;
  const colOk = kind === "row" ? to.col === 0 : to.col >= 1 && to.col <= MAX_COL;
  return rowOk && colOk;
}

/** A formula copied `rows` down and `cols` right, as Excel fills a shared formula: relative references move, absolute ones stay. */
export function translateFormula(formula: string, rows: number, cols: number): string {
  return rewriteReferences(formula, (r) => ({
    row: r.row === 0 || r.rowAbsolute ? r.row : r.row + rows,
    col: r.col === 0 || r.colAbsolute ? r.col : r.col + cols,
  }));
}
