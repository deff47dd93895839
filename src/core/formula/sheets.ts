/**
 * The sheets and names a formula refers to, and its sheet prefixes renamed (docs/file-layer.md, "copies into
 * another workbook"): a copied sheet's print titles point at its new name, a removed sheet's references become
 * `#REF!` as Excel writes them when a sheet is deleted, and a copy keeps only the references its new workbook can
 * follow. Text in string literals ("No.3!B2") is never taken for a reference. Pure.
 */
import { quoteSheetName } from "../model/address";
import { type FormulaToken, isChar, tokenize } from "./tokens";

const same = (a: string, b: string) => a === b || a.toUpperCase() === b.toUpperCase();

/**
 * True for a sheet prefix that names a sheet of this workbook on its own: not another workbook's (`[1]No.3!`,
 * `'[1]No 3'!`) and not the end of a 3-D range (`No.1:No.3!`), which are left as they are.
 */
function standsAlone(formula: string, t: FormulaToken, before: FormulaToken | undefined): boolean {
  return before?.kind !== "bracket" && !isChar(formula, before, ":") && !t.sheet!.startsWith("[");
}

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
  const tokens = tokenize(formula);
  tokens.forEach((t, k) => {
    if (t.kind !== "sheet" || !standsAlone(formula, t, tokens[k - 1])) return;
    const prefix = to(t.sheet!);
    if (prefix === undefined) return;
    out += formula.slice(copied, t.start) + prefix;
    copied = t.end;
  });
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

const CELL = /^\$?[A-Za-z]{1,3}\$?\d+$/;
const COLUMN = /^\$?[A-Za-z]{1,3}$/;
const ROW = /^\$?\d+$/;
const OPAQUE: FormulaRefs = { sheets: [], names: [], opaque: true };

/**
 * The sheets and names `formula` refers to: string literals, function names, cell and whole-row or whole-column
 * references, numbers, TRUE/FALSE and error values are none of them.
 */
export function refsOf(formula: string): FormulaRefs {
  const sheets = new Set<string>();
  const names = new Set<string>();
  const tokens = tokenize(formula);
  const wordAt = (k: number) => (tokens[k]?.kind === "word" ? formula.slice(tokens[k].start, tokens[k].end) : undefined);
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind === "bracket" || t.kind === "quoted") return OPAQUE; // a table, another workbook; a quoted name with no `!`
    if (t.kind === "sheet") {
      if (!standsAlone(formula, t, tokens[k - 1]) || t.sheet!.includes(":") || t.sheet!.includes("[")) return OPAQUE;
      sheets.add(t.sheet!);
      // After `Sheet!`, a cell, a row or a column of a range; a name there is one of that sheet's own, which no copy follows.
      const run = wordAt(k + 1);
      if (run !== undefined && !CELL.test(run) && !ROW.test(run) && !(COLUMN.test(run) && isChar(formula, tokens[k + 2], ":"))) return OPAQUE;
      if (run !== undefined) k++;
      continue;
    }
    if (t.kind !== "word") continue;
    const run = formula.slice(t.start, t.end);
    const next = tokens[k + 1];
    // No.1:No.3!B2, a 3-D range, is known by the `!` after the second sheet.
    if (isChar(formula, next, ":") && tokens[k + 2]?.kind === "sheet") return OPAQUE;
    if (isChar(formula, next, "(") || CELL.test(run) || /^[\d.]/.test(run) || /^(TRUE|FALSE)$/i.test(run)) continue;
    // A:C and 2:5, either side of the colon.
    if ((isChar(formula, next, ":") || isChar(formula, tokens[k - 1], ":")) && (COLUMN.test(run) || ROW.test(run))) continue;
    if (run.startsWith("$")) continue;
    names.add(run);
  }
  return { sheets: [...sheets], names: [...names], opaque: false };
}

/** A formula that is one cell or range on a named sheet (`リスト!$A$1:$A$3`, `'It''s'!B2`): the sheet and the range; otherwise undefined. */
export function sheetRange(formula: string): { readonly sheet: string; readonly range: string } | undefined {
  const f = formula.trim();
  const t = tokenize(f);
  const ok = t.length === 2 || (t.length === 4 && isChar(f, t[2], ":") && t[3].kind === "word");
  if (!ok || t[0].kind !== "sheet" || t[1].kind !== "word" || !standsAlone(f, t[0], undefined)) return undefined;
  return { sheet: t[0].sheet!, range: f.slice(t[1].start) };
}

/** A 3-D reference's prefix (`No.1:No.9!`, `'No 1:No 9'!`): where it stands in the formula, and its two sheets. */
interface SheetSpan {
  readonly start: number;
  readonly end: number;
  readonly first: string;
  readonly last: string;
}

function spansIn(formula: string): SheetSpan[] {
  const out: SheetSpan[] = [];
  const tokens = tokenize(formula);
  tokens.forEach((t, k) => {
    if (t.kind !== "sheet" || t.sheet!.startsWith("[")) return;
    const before = tokens[k - 2];
    if (isChar(formula, tokens[k - 1], ":") && before?.kind === "word" && tokens[k - 3]?.kind !== "bracket") {
      out.push({ start: before.start, end: t.end, first: formula.slice(before.start, before.end), last: t.sheet! });
    } else if (t.sheet!.includes(":")) {
      // A sheet's name cannot hold ":", so a quoted one is a 3-D prefix.
      const [first, last] = t.sheet!.split(":");
      out.push({ start: t.start, end: t.end, first, last });
    }
  });
  return out;
}

/**
 * The 3-D references of a formula (`SUM(No.1:No.9!F8)`, `'No 1:No 9'!F8`): their first and last sheets, as written.
 * Such a reference takes in every sheet that stands between the two in the workbook's order.
 */
export function sheetSpans(formula: string): { readonly first: string; readonly last: string }[] {
  return spansIn(formula).map(({ first, last }) => ({ first, last }));
}

/** A name that needs no quotes before `!`: a letter or `_` first, then letters, digits, `_` and `.`; not a cell's address. */
const PLAIN_SHEET = /^[A-Za-z_\u0080-\uFFFF][A-Za-z0-9_.\u0080-\uFFFF]*$/;
const LOOKS_LIKE_CELL = /^(?:[A-Za-z]{1,3}\d+|[RrCc]\d*|[Rr]\d*[Cc]\d*)$/;

/**
 * A 3-D prefix, `No.1:No.9!`, or quoted whole, `'No 1:No 9'!`, when a name needs quotes (the file format's form;
 * LibreOffice reads only the first, so quotes are kept to where they are needed).
 */
function spanPrefix(first: string, last: string): string {
  const plain = (n: string) => PLAIN_SHEET.test(n) && !LOOKS_LIKE_CELL.test(n);
  return plain(first) && plain(last) ? `${first}:${last}!` : `${quoteSheetName(`${first}:${last}`)}!`;
}

/**
 * `formula` as it reads once `sheet` is deleted from a workbook whose sheets stand in `order` (before the deletion),
 * as Excel rewrites it: a reference to the sheet becomes `#REF!`; a 3-D reference that ends at it ends at the next
 * sheet inward, and one that spans only it becomes `#REF!`.
 */
export function withoutSheet(formula: string, sheet: string, order: readonly string[]): string {
  const at = (name: string) => order.findIndex((n) => same(n, name));
  let out = "";
  let copied = 0;
  for (const span of spansIn(formula)) {
    const gone = (name: string) => same(name, sheet);
    if (!gone(span.first) && !gone(span.last)) continue;
    const [i, j] = [at(span.first), at(span.last)];
    let prefix: string;
    if (i < 0 || j < 0 || i === j) prefix = "#REF!";
    else {
      const step = j > i ? 1 : -1;
      const first = gone(span.first) ? order[i + step] : span.first;
      const last = gone(span.last) ? order[j - step] : span.last;
      prefix = same(first, last) ? `${quoteSheetName(first)}!` : spanPrefix(first, last);
    }
    out += formula.slice(copied, span.start) + prefix;
    copied = span.end;
  }
  const spansDone = copied === 0 ? formula : out + formula.slice(copied);
  return replaceSheetRefs(spansDone, sheet, "#REF!");
}
