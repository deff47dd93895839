/**
 * The one reading of A1 formula text (docs/file-layer.md, "formula text"): every use that moves, renames or
 * follows references walks these tokens, so that a string literal ("No.3!B2"), a quoted sheet name with an
 * apostrophe, an error value or a table's brackets are told apart in one place. Pure.
 */

/**
 * - `text`: a string literal, quotes included (`"A1"`, with `""` for a quote)
 * - `sheet`: a sheet prefix with its `!` (`No.3!`, `'調査票 1'!`, `'[1]Other'!`); `sheet` holds the name unquoted
 * - `quoted`: a quoted name with no `!` after it, which Excel does not write
 * - `bracket`: a bracketed part, nested brackets included: a table's columns (`[[#This Row],[A]]`) or another
 *   workbook's index (`[1]`)
 * - `error`: an error value (`#REF!`, `#N/A`, `#DIV/0!`)
 * - `word`: a run of name characters: a cell (`$B$4`), a row or column of a range, a number, a function's name, a
 *   defined name, TRUE
 * - `other`: any other single character: operators, parentheses, separators, blanks, a spill `#`
 */
export type TokenKind = "text" | "sheet" | "quoted" | "bracket" | "error" | "word" | "other";

export interface FormulaToken {
  readonly kind: TokenKind;
  /** Offsets in the formula: `formula.slice(start, end)` is the token's text. */
  readonly start: number;
  readonly end: number;
  /** A `sheet` token's name, unquoted. */
  readonly sheet?: string;
  /** A `text`, `quoted` or `bracket` token that runs to the end of the formula without being closed. */
  readonly open?: boolean;
}

/** Characters of a word: letters (beyond ASCII too: Excel writes 調査票1 unquoted), digits, `_ . \ $ ?`. */
export function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 92 || c === 36 || c === 63 || c >= 0x80;
}

/** An error value from its `#`: the known ones and any other `#WORD!` or `#WORD?` (`#GETTING_DATA`, `#SPILL!`). */
const ERROR_VALUE = /#(?:N\/A|DIV\/0!|[A-Za-z0-9_]+[!?]?)/y;

/** The index after a quoted run opened at `from` (`"` or `'`, doubled inside), or -1 when it is not closed. */
function closing(formula: string, from: number, quote: number): number {
  const n = formula.length;
  let j = from + 1;
  for (;;) {
    while (j < n && formula.charCodeAt(j) !== quote) j++;
    if (j >= n) return -1;
    if (formula.charCodeAt(j + 1) !== quote) return j + 1;
    j += 2;
  }
}

/** `formula` as tokens, end to end: joined, their texts give the formula back. */
export function tokenize(formula: string): FormulaToken[] {
  const tokens: FormulaToken[] = [];
  const n = formula.length;
  let i = 0;
  while (i < n) {
    const c = formula.charCodeAt(i);
    if (c === 34 /* " */) {
      const end = closing(formula, i, 34);
      tokens.push(end < 0 ? { kind: "text", start: i, end: n, open: true } : { kind: "text", start: i, end });
      i = end < 0 ? n : end;
    } else if (c === 39 /* ' */) {
      const end = closing(formula, i, 39);
      if (end < 0) {
        tokens.push({ kind: "quoted", start: i, end: n, open: true });
        i = n;
      } else if (formula.charCodeAt(end) === 33 /* ! */) {
        tokens.push({ kind: "sheet", start: i, end: end + 1, sheet: formula.slice(i + 1, end - 1).replace(/''/g, "'") });
        i = end + 1;
      } else {
        tokens.push({ kind: "quoted", start: i, end });
        i = end;
      }
    } else if (c === 91 /* [ */) {
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        const d = formula.charCodeAt(j);
        if (d === 91) depth++;
        else if (d === 93 && --depth === 0) break;
      }
      tokens.push(j < n ? { kind: "bracket", start: i, end: j + 1 } : { kind: "bracket", start: i, end: n, open: true });
      i = j < n ? j + 1 : n;
    } else if (c === 35 /* # */) {
      ERROR_VALUE.lastIndex = i;
      const m = ERROR_VALUE.exec(formula);
      const end = m ? i + m[0].length : i + 1;
      tokens.push({ kind: m ? "error" : "other", start: i, end });
      i = end;
    } else if (isWordChar(c)) {
      let j = i + 1;
      while (j < n && isWordChar(formula.charCodeAt(j))) j++;
      if (formula.charCodeAt(j) === 33 /* ! */) {
        tokens.push({ kind: "sheet", start: i, end: j + 1, sheet: formula.slice(i, j) });
        i = j + 1;
      } else {
        tokens.push({ kind: "word", start: i, end: j });
        i = j;
      }
    } else {
      tokens.push({ kind: "other", start: i, end: i + 1 });
      i++;
    }
  }
  return tokens;
}

/** True when token `t` is the single character `ch` (an operator, a parenthesis, a range's colon). */
export function isChar(formula: string, t: FormulaToken | undefined, ch: string): boolean {
  return t !== undefined && t.kind === "other" && formula[t.start] === ch;
}
