/**
 * Changing one cell in a worksheet part: the cell's `<c>` element is replaced (or inserted in row and column order)
 * and nothing else in the part moves. The cell keeps its style (`s`), so a fix changes the value, not the look.
 */
import { parseRangeA1, toA1 } from "../../core/model/address";
import { attr, elementPrefix, findTag, MalformedXml, tagAt } from "./xml";
import { escapeXml, plainText, xstringText } from "./xml-text";
import { parseRef, rowIndexOf } from "./read-sheet";

export interface CellSpan {
  /** Where the cell's element starts and ends in the part; start === end when the cell has no element yet. */
  readonly start: number;
  readonly end: number;
  /** The existing element's start tag, when there is one. */
  readonly tag?: string;
  /** Text to put around a new cell: a new row's tags, or a self-closed row opened. */
  readonly before: string;
  readonly after: string;
}

/** The place of the cell at (row, col) in the sheet XML. */
export function locateCell(xml: string, row: number, col: number): CellSpan {
  const p = elementPrefix(xml, "worksheet") || elementPrefix(xml, "sheetData");
  const dataAt = findTag(xml, `${p}sheetData`, 0);
  if (dataAt < 0) throw new MalformedXml("worksheet: no <sheetData>");
  const data = tagAt(xml, dataAt);
  const newRow = `<${p}row r="${row + 1}">`;
  if (data.selfClosing) {
    const open = data.tag.replace(/\s*\/>$/, ">");
    return { start: dataAt, end: data.end, before: open + newRow, after: `</${p}row></${p}sheetData>` };
  }
  const close = `</${p}sheetData>`;
  const stop = xml.indexOf(close, data.end);
  if (stop < 0) throw new MalformedXml("worksheet: <sheetData> is not closed");
  let i = data.end;
  let rowIndex = -1;
  for (;;) {
    const at = findTag(xml, `${p}row`, i, stop);
    if (at < 0) return { start: stop, end: stop, before: newRow, after: `</${p}row>` };
    const r = tagAt(xml, at);
    rowIndex = rowIndexOf(attr(r.tag, "r"), rowIndex);
    if (rowIndex > row) return { start: at, end: at, before: newRow, after: `</${p}row>` };
    const rowEnd = r.selfClosing ? r.end : xml.indexOf(`</${p}row>`, r.end);
    if (rowEnd < 0 || rowEnd > stop) throw new MalformedXml("worksheet: <row> is not closed");
    if (rowIndex < row) {
      i = r.selfClosing ? r.end : rowEnd;
      continue;
    }
    if (r.selfClosing) {
      // <row r="8" s="2" customFormat="1"/> becomes <row …>cell</row>, its attributes kept.
      return { start: at, end: r.end, before: r.tag.replace(/\s*\/>$/, ">"), after: `</${p}row>` };
    }
    let j = r.end;
    let colIndex = -1;
    for (;;) {
      const c = findTag(xml, `${p}c`, j, rowEnd);
      if (c < 0) return { start: rowEnd, end: rowEnd, before: "", after: "" };
      const ct = tagAt(xml, c);
      const ref = attr(ct.tag, "r");
      colIndex = ref ? (parseRef(ref)?.col ?? colIndex + 1) : colIndex + 1;
      const cClose = ct.selfClosing ? ct.end : xml.indexOf(`</${p}c>`, ct.end);
      if (cClose < 0 || cClose > rowEnd) throw new MalformedXml("worksheet: <c> is not closed");
      const cEnd = ct.selfClosing ? ct.end : cClose + p.length + 4;
      if (colIndex === col) return { start: c, end: cEnd, tag: ct.tag, before: "", after: "" };
      if (colIndex > col) return { start: c, end: c, before: "", after: "" };
      j = cEnd;
    }
  }
}

/** The cell's own format (`s`), kept when its value is replaced, so the cell looks as it did. */
function keptStyle(oldTag: string | undefined): string {
  const s = oldTag ? attr(oldTag, "s") : undefined;
  return s && s !== "0" ? ` s="${s}"` : "";
}

/** A value a cell is set to: besides text and numbers, a TRUE/FALSE or an error value a clerk typed (回収). */
export type PlainInput = string | number | boolean | { readonly error: string } | RichInput;

/**
 * Text partly formatted or with furigana, as a department wrote it (回収 by cells): `runs` is the content of an
 * `<is>` without a namespace prefix (book.ts richRuns), `text` what it reads as.
 */
export interface RichInput {
  readonly text: string;
  readonly runs: string;
}

/**
 * The `<c>` element for a new value: text as an inline string (never a formula), a number as a number, a boolean
 * and an error value as their own types.
 */
export function cellElement(p: string, row: number, col: number, value: PlainInput, oldTag?: string): string {
  const style = keptStyle(oldTag);
  const ref = toA1(row, col);
  if (typeof value === "number" && Number.isFinite(value)) return `<${p}c r="${ref}"${style}><${p}v>${String(value)}</${p}v></${p}c>`;
  if (typeof value === "boolean") return `<${p}c r="${ref}"${style} t="b"><${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
  if (typeof value === "object" && "runs" in value) return `<${p}c r="${ref}"${style} t="inlineStr"><${p}is>${p ? value.runs.replace(/<(\/?)/g, `<$1${p}`) : value.runs}</${p}is></${p}c>`;
  if (typeof value === "object") return `<${p}c r="${ref}"${style} t="e"><${p}v>${escapeXml(value.error)}</${p}v></${p}c>`;
  const text = String(value);
  return `<${p}c r="${ref}"${style} t="inlineStr"><${p}is><${p}t xml:space="preserve">${xstringText(text)}</${p}t></${p}is></${p}c>`;
}

/** A formula to write into a cell (text without "="), with the value it showed where it was typed. */
export interface FormulaInput {
  readonly formula: string;
  readonly cached: string | number | boolean | { readonly error: string } | null;
}

export function isFormulaInput(v: unknown): v is FormulaInput {
  return typeof v === "object" && v !== null && typeof (v as { formula?: unknown }).formula === "string";
}

/**
 * The `<c>` element for a formula with its cached value, so a reader that does not calculate (and Excel before it
 * recalculates) shows what the formula showed where it was typed.
 */
export function formulaCellElement(p: string, row: number, col: number, input: FormulaInput, oldTag?: string): string {
  const style = keptStyle(oldTag);
  const f = `<${p}f>${plainText(input.formula)}</${p}f>`;
  const v = input.cached;
  const [type, cached] =
    v === null ? ["", ""]
    : typeof v === "number" ? (Number.isFinite(v) ? ["", String(v)] : ["", ""])
    : typeof v === "boolean" ? [` t="b"`, v ? "1" : "0"]
    : typeof v === "string" ? [` t="str"`, xstringText(v)]
    : [` t="e"`, escapeXml(v.error)];
  return `<${p}c r="${toA1(row, col)}"${style}${type}>${f}${cached === "" && type === "" ? "" : `<${p}v>${cached}</${p}v>`}</${p}c>`;
}

/**
 * The cell at (row, col) holds a formula: its own `<f>` (a shared formula's cells each have one), or it lies in the
 * `ref` of an array or data-table formula, whose other cells carry only the cached value.
 */
export function holdsFormula(xml: string, row: number, col: number): boolean {
  const p = elementPrefix(xml, "worksheet") || elementPrefix(xml, "sheetData");
  const span = locateCell(xml, row, col);
  if (span.tag && !span.tag.endsWith("/>") && findTag(xml.slice(span.start, span.end), `${p}f`, 0) >= 0) return true;
  const spans = new RegExp(`<${p}f\\b[^>]*\\bt=["'](?:array|dataTable)["'][^>]*>`, "g");
  for (const m of xml.matchAll(spans)) {
    const ref = attr(m[0], "ref");
    const box = ref ? parseRangeA1(ref) : null;
    if (box && row >= box.top && row <= box.bottom && col >= box.left && col <= box.right) return true;
  }
  return false;
}

/** The sheet XML with the cell at (row, col) set to `value`. Never called for a formula cell (holdsFormula). */
export function setCell(xml: string, row: number, col: number, value: PlainInput | FormulaInput): string {
  const p = elementPrefix(xml, "worksheet") || elementPrefix(xml, "sheetData");
  const span = locateCell(xml, row, col);
  const el = isFormulaInput(value) ? formulaCellElement(p, row, col, value, span.tag) : cellElement(p, row, col, value, span.tag);
  return xml.slice(0, span.start) + span.before + el + span.after + xml.slice(span.end);
}

/** The sheet XML with the cell at (row, col) emptied: its value goes, its style (`s`) stays, so the cell looks the same. */
export function clearCell(xml: string, row: number, col: number): string {
  const p = elementPrefix(xml, "worksheet") || elementPrefix(xml, "sheetData");
  const span = locateCell(xml, row, col);
  if (!span.tag) return xml;
  const s = attr(span.tag, "s");
  const el = s && s !== "0" ? `<${p}c r="${toA1(row, col)}" s="${s}"/>` : "";
  return xml.slice(0, span.start) + el + xml.slice(span.end);
}
