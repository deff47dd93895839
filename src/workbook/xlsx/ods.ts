/**
 * OpenDocument spreadsheets (.ods, as LibreOffice saves them), read for checking only (docs/file-layer.md, "Other
 * formats"). content.xml is scanned as the worksheet parts of an .xlsx are, with indexOf rather than into a tree, into
 * the same snapshot, inside the same window: values, percentage formats, merged areas (kept as ranges: SheetJS loses
 * them, which is why this reader is our own), sheet names, visibility and protection, and the add-in's settings sheet.
 *
 * An .ods says how often a row or cell repeats (`number-rows-repeated`, `number-columns-repeated`); LibreOffice ends
 * every sheet with one row repeated to row 1,048,576. Repeats are expanded only inside the window, so the work grows
 * with the cells read, not with the declared ones.
 */
import type { CellRange } from "../../core/model/address";
import { type CellValue, isErrorText } from "../../core/model/cell";
import { type FilledCell, gridFromCells, MAX_COLS, MAX_ROWS, type SheetGrid, type WorkbookSnapshot } from "../../core/model/grid";
import { sameSheetName, SETTINGS_SHEET, settingsFromGrid } from "../owned";
import { WorkbookError } from "../port";
import { serialToDate } from "../serial-dates";
import { Package } from "./package";
import { attr, isSpace, nextTag, unescapeXml } from "./xml";

const NS = {
  office: "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
  table: "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
  text: "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
  style: "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
  number: "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0",
  calcext: "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0",
} as const;
type Prefixes = { readonly [K in keyof typeof NS]: string };

/**
 * The cells a whole workbook may hold once its repeats are expanded: 33 full windows, where 501 調査票 sheets hold
 * about 20,000. A row of values repeated down the window is 120,000 cells from a hundred bytes, so without this a
 * small file of many such sheets would run out of memory; past it the file is refused as too complex.
 */
export const MAX_ODS_CELLS = 4_000_000;

/** How a read is bounded and watched: the CLI's per-file budget, the demo's progress bar and its cancel button. */
export interface OdsReadOptions {
  readonly deadline?: number;
  readonly onProgress?: (progress: { readonly done: number; readonly total: number }) => void;
  readonly isCancelled?: () => boolean;
}

/** What the reader of an .ods gives: its snapshot, and its settings sheet's rows (other-formats.ts's OtherFormatBook). */
export interface OdsBook {
  readAll(options?: OdsReadOptions): Promise<WorkbookSnapshot>;
  readSettings(): Promise<Readonly<Record<string, string>>>;
}

/**
 * Reads an .ods package for checking. A package with no readable content.xml, or one that is encrypted (saved with a
 * password), is refused with its own message; so is one with no sheet.
 */
export function readOds(bytes: Uint8Array): OdsBook {
  let pkg: Package;
  try {
    pkg = Package.open(bytes);
  } catch {
    throw new WorkbookError("ods");
  }
  const manifest = partText(pkg, "META-INF/manifest.xml") ?? "";
  // A password encrypts each part; content.xml would inflate to noise.
  if (/<([\w.-]+:)?encryption-data[\s>/]/.test(manifest)) throw new WorkbookError("encrypted");
  const xml = partText(pkg, "content.xml");
  if (!xml) throw new WorkbookError("corrupt-part", "content.xml");
  const p = prefixesOf(xml);
  const styles = partText(pkg, "styles.xml");
  const body = xml.indexOf(`<${p.office}spreadsheet`);
  if (body < 0) throw new WorkbookError("ods");
  const tables = tablesOf(xml, p, body);
  const formats = new CellFormats(p, xml.slice(0, body), styles);
  const hiddenStyles = hiddenTableStyles(xml.slice(0, body), p);

  const grids = new Map<number, SheetGrid>();
  const budget = { cells: MAX_ODS_CELLS };
  const grid = (i: number, deadline?: number): SheetGrid => {
    let g = grids.get(i);
    if (!g) {
      g = readTable(xml, tables[i], p, { formats, hiddenStyles, budget, deadline });
      grids.set(i, g);
    }
    return g;
  };
  const settingsAt = tables.findIndex((t) => sameSheetName(t.name, SETTINGS_SHEET));
  const readSettings = async (): Promise<Readonly<Record<string, string>>> => (settingsAt < 0 ? {} : settingsFromGrid(grid(settingsAt)));
  return {
    readSettings,
    async readAll(options) {
      const sheets: SheetGrid[] = [];
      for (let i = 0; i < tables.length; i++) {
        options?.onProgress?.({ done: i, total: tables.length });
        if (options?.isCancelled?.()) throw new WorkbookError("cancelled");
        if (i === settingsAt) continue;
        if (options?.deadline !== undefined && Date.now() > options.deadline) throw new WorkbookError("timeout");
        sheets.push(grid(i, options?.deadline));
      }
      options?.onProgress?.({ done: tables.length, total: tables.length });
      if (sheets.length === 0) throw new WorkbookError("no-worksheets");
      const settings = await readSettings();
      return { sheets, skippedSheets: [], settings: Object.keys(settings).length ? settings : undefined };
    },
  };
}

/** A part's text, or undefined when it is missing or cannot be inflated (damaged, or larger than a part may be). */
function partText(pkg: Package, name: string): string | undefined {
  try {
    return pkg.text(name);
  } catch {
    return undefined;
  }
}

/** The prefix (with its colon) each namespace has in this part: LibreOffice's are the usual ones, but any is allowed. */
function prefixesOf(xml: string): Prefixes {
  const rootAt = xml.indexOf("<", xml.startsWith("<?") ? xml.indexOf("?>") + 2 : 0);
  const root = xml.slice(rootAt, xml.indexOf(">", rootAt) + 1);
  const out: Record<string, string> = {};
  for (const key of Object.keys(NS) as (keyof typeof NS)[]) {
    const m = new RegExp(`\\sxmlns:([\\w.-]+)\\s*=\\s*["']${NS[key].replace(/[.]/g, "\\.")}["']`).exec(root);
    out[key] = m ? `${m[1]}:` : `${key}:`;
  }
  return out as unknown as Prefixes;
}

interface TableAt {
  readonly name: string;
  /** The table's start tag. */
  readonly tag: string;
  /** Where its content begins and its end tag begins. */
  readonly from: number;
  readonly to: number;
}

function tablesOf(xml: string, p: Prefixes, from: number): TableAt[] {
  const open = `<${p.table}table`;
  const close = `</${p.table}table>`;
  const out: TableAt[] = [];
  let i = from;
  for (;;) {
    i = nextTag(xml, open, i);
    if (i < 0) break;
    const end = xml.indexOf(">", i);
    if (end < 0) break;
    const tag = xml.slice(i, end + 1);
    const name = attr(tag, `${p.table}name`) ?? `Sheet${out.length + 1}`;
    if (xml.charCodeAt(end - 1) === 47) {
      out.push({ name, tag, from: end + 1, to: end + 1 });
      i = end + 1;
      continue;
    }
    let to = xml.indexOf(close, end);
    if (to < 0) to = xml.length;
    out.push({ name, tag, from: end + 1, to });
    i = to + close.length;
  }
  return out;
}

/** Names of the table styles that hide a sheet (`table:display="false"`). */
function hiddenTableStyles(head: string, p: Prefixes): Set<string> {
  const out = new Set<string>();
  const open = `<${p.style}style`;
  for (let i = nextTag(head, open, 0); i >= 0; i = nextTag(head, open, i + 1)) {
    const tag = head.slice(i, head.indexOf(">", i) + 1);
    if (attr(tag, `${p.style}family`) !== "table") continue;
    const close = head.indexOf(`</${p.style}style>`, i);
    const inner = close < 0 ? "" : head.slice(i, close);
    const props = nextTag(inner, `<${p.style}table-properties`, 0);
    if (props < 0) continue;
    const propsTag = inner.slice(props, inner.indexOf(">", props) + 1);
    if (attr(propsTag, `${p.table}display`) === "false") out.add(attr(tag, `${p.style}name`) ?? "");
  }
  return out;
}

/**
 * Number formats of cell styles, as the .xlsx reader keys them: a format code (Excel's notation) for numbers that are
 * not General. A style names its data style directly or through its parent; data styles sit in content.xml's
 * automatic styles and in styles.xml.
 */
class CellFormats {
  private readonly cellStyles = new Map<string, { readonly data?: string; readonly parent?: string }>();
  private readonly dataStyles = new Map<string, string | undefined>();
  private readonly resolved = new Map<string, string | undefined>();

  constructor(
    private readonly p: Prefixes,
    ...parts: (string | undefined)[]
  ) {
    for (const part of parts) if (part) this.scan(part);
  }

  private scan(xml: string): void {
    const { style, number } = this.p;
    const open = `<${style}style`;
    for (let i = nextTag(xml, open, 0); i >= 0; i = nextTag(xml, open, i + 1)) {
      const tag = xml.slice(i, xml.indexOf(">", i) + 1);
      if (attr(tag, `${style}family`) !== "table-cell") continue;
      const name = attr(tag, `${style}name`);
      if (name) this.cellStyles.set(name, { data: attr(tag, `${style}data-style-name`), parent: attr(tag, `${style}parent-style-name`) });
    }
    for (const kind of ["number-style", "percentage-style", "currency-style"]) {
      const open = `<${number}${kind}`;
      const close = `</${number}${kind}>`;
      for (let i = nextTag(xml, open, 0); i >= 0; i = nextTag(xml, open, i + 1)) {
        const end = xml.indexOf(close, i);
        const tag = xml.slice(i, xml.indexOf(">", i) + 1);
        const name = attr(tag, `${style}name`);
        if (name && end > i) this.dataStyles.set(name, formatCode(xml.slice(i, end), number, kind === "percentage-style"));
      }
    }
  }

  /** The format code of cells of style `name`, or undefined for General (and for styles not found). */
  codeOf(name: string | undefined): string | undefined {
    if (!name) return undefined;
    if (this.resolved.has(name)) return this.resolved.get(name);
    let code: string | undefined;
    let at: string | undefined = name;
    for (let depth = 0; at && depth < 8; depth++) {
      const s = this.cellStyles.get(at);
      if (!s) break;
      if (s.data) {
        code = this.dataStyles.get(s.data);
        break;
      }
      at = s.parent;
    }
    this.resolved.set(name, code);
    return code;
  }
}

/**
 * A number, percentage or currency data style's main part as an Excel format code (`#,##0`, `0.0%`). Only the
 * percent sign matters to the checker today (docs/file-layer.md, "Other formats").
 */
function formatCode(inner: string, n: string, percent: boolean): string | undefined {
  const at = nextTag(inner, `<${n}number`, 0);
  if (at < 0) return percent ? "0%" : undefined;
  const tag = inner.slice(at, inner.indexOf(">", at) + 1);
  const decimals = Number(attr(tag, `${n}decimal-places`) ?? "");
  const minDecimals = Number(attr(tag, `${n}min-decimal-places`) ?? decimals);
  const grouping = attr(tag, `${n}grouping`) === "true";
  // A number with no decimal places given is General, unless it is a percentage.
  if (!Number.isFinite(decimals) || attr(tag, `${n}decimal-places`) === undefined) return percent ? "0%" : undefined;
  const places = Math.min(Math.max(0, decimals), 30);
  const shown = Math.min(Math.max(0, Number.isFinite(minDecimals) ? minDecimals : places), places);
  let code = grouping ? "#,##0" : "0";
  if (places > 0) code += "." + "0".repeat(shown) + "#".repeat(places - shown);
  return percent ? code + "%" : code;
}

/** Elements inside a cell whose text is not the cell's: a comment, a shape's text box, furigana, a note. */
const NOT_CELL_TEXT = /^(office:annotation|office:annotation-end|draw:[\w-]+|text:ruby-text|text:note|text:tracked-changes)$/;

interface TableContext {
  readonly formats: CellFormats;
  readonly hiddenStyles: ReadonlySet<string>;
  /** The cells the workbook may still hold (MAX_ODS_CELLS), shared by its tables. */
  readonly budget: { cells: number };
  readonly deadline?: number;
}

/** One table inside the window. */
function readTable(xml: string, table: TableAt, p: Prefixes, { formats, hiddenStyles, budget, deadline }: TableContext): SheetGrid {
  // The table's own stretch: a search for a tag that is not there scans this table, not the rest of the workbook.
  const t = xml.slice(table.from, table.to);
  const rowOpen = `<${p.table}table-row`;
  const rowClose = `</${p.table}table-row>`;
  const cells: FilledCell[] = [];
  const merges: CellRange[] = [];
  let lastRow = -1;
  let lastCol = -1;
  let r = 0;
  let i = 0;
  let rowsRead = 0;
  // A column's default cell style applies to its cells that name none (a number format set on a whole column).
  const columnStyles = columnDefaultStyles(t, p);
  for (;;) {
    const at = nextTag(t, rowOpen, i);
    if (at < 0) break;
    const end = t.indexOf(">", at);
    if (end < 0) break;
    const tag = t.slice(at, end + 1);
    const selfClosing = t.charCodeAt(end - 1) === 47;
    let close = selfClosing ? end + 1 : t.indexOf(rowClose, end);
    if (close < 0) close = t.length;
    i = selfClosing ? end + 1 : close + rowClose.length;
    const repeat = count(attr(tag, `${p.table}number-rows-repeated`));
    if (!selfClosing && r < MAX_ROWS) {
      if ((++rowsRead & 255) === 0 && deadline !== undefined && Date.now() > deadline) throw new WorkbookError("timeout");
      const row = readRow(t.slice(end + 1, close), p, formats, attr(tag, `${p.table}default-cell-style-name`), columnStyles);
      if (row.cells.length || row.merges.length) {
        // A row repeated with its values (identical rows one under another) is that many rows, inside the window.
        const copies = Math.min(repeat, MAX_ROWS - r);
        budget.cells -= copies * row.cells.length;
        if (budget.cells < 0) throw new WorkbookError("too-complex", `${table.name}: > ${MAX_ODS_CELLS} cells`);
        for (let k = 0; k < copies; k++) {
          for (const c of row.cells) cells.push({ ...c, r: r + k });
          for (const m of row.merges) merges.push({ top: r + k, left: m.left, bottom: r + k + m.bottom, right: m.right });
        }
      }
      if (row.lastCol >= 0) {
        lastRow = r + repeat - 1;
        if (row.lastCol > lastCol) lastCol = row.lastCol;
      }
    } else if (!selfClosing && hasValue(t, end + 1, close, p)) {
      // Past the window only the extent is wanted (for the "only the part holding values was read" notice).
      lastRow = r + repeat - 1;
    }
    r += repeat;
  }
  const name = table.name;
  const style = attr(table.tag, `${p.table}style-name`);
  const visibility = style && hiddenStyles.has(style) ? "hidden" : "visible";
  const isProtected = attr(table.tag, `${p.table}protected`) === "true" || undefined;
  return gridFromCells({ name, visibility, protected: isProtected }, cells, merges, { rows: lastRow + 1, cols: lastCol + 1 });
}

/** Each column's default cell style, by column index inside the window (`t`: the table's content). */
function columnDefaultStyles(t: string, p: Prefixes): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  const open = `<${p.table}table-column`;
  const firstRow = nextTag(t, `<${p.table}table-row`, 0);
  // The columns come before the first row: a search for one more stops there.
  const head = firstRow < 0 ? t : t.slice(0, firstRow);
  for (let i = nextTag(head, open, 0); i >= 0 && out.length < MAX_COLS; i = nextTag(head, open, i + 1)) {
    const tag = head.slice(i, head.indexOf(">", i) + 1);
    const style = attr(tag, `${p.table}default-cell-style-name`);
    const n = Math.min(count(attr(tag, `${p.table}number-columns-repeated`)), MAX_COLS - out.length);
    for (let k = 0; k < n; k++) out.push(style);
  }
  return out;
}

interface RowRead {
  /** Cells holding values (r is 0: the caller places the row). */
  readonly cells: FilledCell[];
  /** Merged areas starting in this row, with `bottom` counted from the row (0: one row). */
  readonly merges: CellRange[];
  /** The last column holding a value, even past the window; -1 when none. */
  readonly lastCol: number;
}

/** One row's cells (`row`: the row's content). */
function readRow(row: string, p: Prefixes, formats: CellFormats, rowStyle: string | undefined, columnStyles: readonly (string | undefined)[]): RowRead {
  const cells: FilledCell[] = [];
  const merges: CellRange[] = [];
  const cellOpen = `<${p.table}table-cell`;
  const coveredOpen = `<${p.table}covered-table-cell`;
  const cellClose = `</${p.table}table-cell>`;
  const coveredClose = `</${p.table}covered-table-cell>`;
  let lastCol = -1;
  let c = 0;
  let i = 0;
  // The next of each kind of cell, looked for again only once passed: a row with no covered cells is searched once.
  let nextCell = nextTag(row, cellOpen, 0);
  let nextCovered = nextTag(row, coveredOpen, 0);
  for (;;) {
    if (nextCell >= 0 && nextCell < i) nextCell = nextTag(row, cellOpen, i);
    if (nextCovered >= 0 && nextCovered < i) nextCovered = nextTag(row, coveredOpen, i);
    if (nextCell < 0 && nextCovered < 0) break;
    const covered = nextCell < 0 || (nextCovered >= 0 && nextCovered < nextCell);
    const at = covered ? nextCovered : nextCell;
    const end = row.indexOf(">", at);
    if (end < 0) break;
    const tag = row.slice(at, end + 1);
    const selfClosing = row.charCodeAt(end - 1) === 47;
    const closeTag = covered ? coveredClose : cellClose;
    let contentEnd = selfClosing ? end + 1 : row.indexOf(closeTag, end);
    if (contentEnd < 0) contentEnd = row.length;
    i = selfClosing ? end + 1 : contentEnd + closeTag.length;
    const repeat = count(attr(tag, `${p.table}number-columns-repeated`));
    const text = selfClosing ? "" : textOf(row, end + 1, contentEnd, p);
    if (c >= MAX_COLS) {
      // Past the window only whether a value is there matters.
      if (hasValueTag(tag, p) || text !== "") lastCol = c + repeat - 1;
      c += repeat;
      continue;
    }
    const value = valueOf(tag, text, p);
    const colSpan = count(attr(tag, `${p.table}number-columns-spanned`));
    const rowSpan = count(attr(tag, `${p.table}number-rows-spanned`));
    const copies = Math.min(repeat, MAX_COLS - c);
    if (value !== null) {
      const fmt = typeof value === "number" ? formatOf(tag, p, formats, rowStyle, columnStyles[c]) : undefined;
      for (let k = 0; k < copies; k++) cells.push(fmt ? { r: 0, c: c + k, v: value, fmt } : { r: 0, c: c + k, v: value });
      lastCol = c + repeat - 1;
    }
    if (!covered && (colSpan > 1 || rowSpan > 1)) {
      for (let k = 0; k < copies; k++) merges.push({ top: 0, left: c + k * colSpan, bottom: rowSpan - 1, right: c + k * colSpan + colSpan - 1 });
    }
    c += repeat;
  }
  return { cells, merges, lastCol };
}

function formatOf(tag: string, p: Prefixes, formats: CellFormats, rowStyle: string | undefined, columnStyle: string | undefined): string | undefined {
  const own = attr(tag, `${p.table}style-name`) ?? rowStyle ?? columnStyle;
  const code = formats.codeOf(own);
  // The value type says percentage even where the style is not found.
  if (attr(tag, `${p.office}value-type`) === "percentage" && !code?.includes("%")) return "0%";
  return code;
}

/** A repeat count: at least 1, and bounded (a sheet has 1,048,576 rows and 16,384 columns). */
function count(s: string | undefined): number {
  if (!s) return 1;
  const n = Number(s);
  return Number.isInteger(n) && n > 1 ? Math.min(n, 1_048_576) : 1;
}

function hasValueTag(tag: string, p: Prefixes): boolean {
  return attr(tag, `${p.office}value-type`) !== undefined;
}

/** Whether a row past the window holds a value: a cell with a value type, or text. */
function hasValue(xml: string, from: number, to: number, p: Prefixes): boolean {
  const vt = xml.indexOf(`${p.office}value-type=`, from);
  if (vt >= 0 && vt < to) return true;
  const t = xml.indexOf(`<${p.text}p`, from);
  return t >= 0 && t < to;
}

/** A cell's value as the .xlsx reader gives it: a number in a date or time format is a Date; empty text is no value. */
function valueOf(tag: string, text: string, p: Prefixes): CellValue {
  const type = attr(tag, `${p.office}value-type`);
  if (attr(tag, `${p.calcext}value-type`) === "error") return { error: text.trim() || "#VALUE!" };
  // Excel writes a formula's error as the value 0 shown as the error's text; LibreOffice marks it (above).
  if (isErrorText(text) && attr(tag, `${p.table}formula`) !== undefined) return { error: text };
  switch (type) {
    case "float":
    case "percentage":
    case "currency": {
      const v = Number(attr(tag, `${p.office}value`));
      if (!Number.isFinite(v)) return text === "" ? null : text;
      // A TRUE or FALSE from an .xlsx is kept by LibreOffice as the formula TRUE() or FALSE() with the value 1 or 0.
      const formula = attr(tag, `${p.table}formula`);
      if (formula && /^(?:of:)?=(TRUE|FALSE)\(\)$/i.test(formula)) return /TRUE/i.test(formula);
      return v;
    }
    case "date":
      return dateOf(attr(tag, `${p.office}date-value`)) ?? (text === "" ? null : text);
    case "time": {
      const days = durationDays(attr(tag, `${p.office}time-value`));
      return days === undefined ? (text === "" ? null : text) : serialToDate(days, false);
    }
    case "boolean": {
      const b = attr(tag, `${p.office}boolean-value`);
      return b === "true" || b === "1" ? true : b === "false" || b === "0" ? false : null;
    }
    default: {
      // A string (or no type: some writers give only the text).
      const s = attr(tag, `${p.office}string-value`) || text;
      return s === "" ? null : s;
    }
  }
}

/** `2019-04-01` or `2019-04-01T09:30:00(.5)` → a Date at UTC, as the .xlsx reader gives a serial date. */
function dateOf(s: string | undefined): Date | undefined {
  const m = /^(-?\d{4,})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(\.\d+)?)?/.exec(s ?? "");
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), Math.round(Number(m[7] ?? 0) * 1000));
  if (!Number.isFinite(ms)) return undefined;
  const d = new Date(ms);
  // Years 0–99 are not shifted to 1900–1999.
  d.setUTCFullYear(Number(m[1]));
  return d;
}

/** An ISO 8601 duration (`PT12H00M00S`, `P1DT2H`) in days, as a time of day is a fraction of a serial day. */
function durationDays(s: string | undefined): number | undefined {
  const m = /^(-)?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(s ?? "");
  if (!m) return undefined;
  const days = Number(m[2] ?? 0) + Number(m[3] ?? 0) / 24 + Number(m[4] ?? 0) / 1440 + Number(m[5] ?? 0) / 86400;
  return m[1] ? -days : days;
}

/**
 * The text of a cell's paragraphs, joined by line breaks, as LibreOffice shows it: a run of XML white space is one
 * space, and none at a paragraph's start or end; `<text:s>` gives the spaces kept, with tabs and line breaks; a
 * comment's or a shape's paragraphs are not the cell's.
 */
function textOf(xml: string, from: number, to: number, p: Prefixes): string {
  const lt = xml.indexOf("<", from);
  if (lt < 0 || lt >= to) return "";
  const para = `${p.text}p`;
  const heading = `${p.text}h`;
  const paragraphs: string[] = [];
  let current: string | null = null;
  // White space seen in the XML, written only when more of the paragraph follows.
  let space = false;
  const add = (s: string): void => {
    if (space && current !== "") current += " ";
    space = false;
    current += s;
  };
  let paraDepth = -1;
  let skipDepth = -1;
  let depth = 0;
  let i = from;
  while (i < to) {
    const next = xml.indexOf("<", i);
    const stop = next < 0 || next > to ? to : next;
    if (current !== null && skipDepth < 0 && stop > i) {
      const words = xml.slice(i, stop).split(/[ \t\r\n]+/);
      for (let w = 0; w < words.length; w++) {
        if (w > 0) space = true;
        if (words[w] !== "") add(words[w]);
      }
    }
    if (stop >= to) break;
    if (xml.startsWith("<!--", stop)) {
      const e = xml.indexOf("-->", stop);
      i = e < 0 ? to : e + 3;
      continue;
    }
    const end = xml.indexOf(">", stop);
    if (end < 0) break;
    i = end + 1;
    if (xml.charCodeAt(stop + 1) === 47) {
      depth--;
      if (skipDepth >= 0 && depth === skipDepth) skipDepth = -1;
      else if (current !== null && depth === paraDepth) {
        paragraphs.push(current);
        current = null;
      }
      continue;
    }
    if (xml.charCodeAt(stop + 1) === 63 || xml.charCodeAt(stop + 1) === 33) continue;
    const selfClosing = xml.charCodeAt(end - 1) === 47;
    let n = stop + 1;
    while (n < end && !isSpace(xml.charCodeAt(n)) && xml.charCodeAt(n) !== 47 && xml.charCodeAt(n) !== 62) n++;
    const name = xml.slice(stop + 1, n);
    if (skipDepth < 0) {
      if (current === null && depth === 0 && (name === para || name === heading)) {
        if (selfClosing) paragraphs.push("");
        else {
          current = "";
          space = false;
          paraDepth = depth;
        }
      } else if (current !== null) {
        const local = name.startsWith(p.text) ? name.slice(p.text.length) : "";
        if (local === "s") add(" ".repeat(Math.min(count(attr(xml.slice(stop, end + 1), `${p.text}c`)), 10_000)));
        else if (local === "tab") add("\t");
        else if (local === "line-break") add("\n");
        else if (!selfClosing && NOT_CELL_TEXT.test(canonical(name, p))) skipDepth = depth;
      } else if (!selfClosing && depth === 0) {
        // Anything else directly in the cell (a comment, a shape): its paragraphs are not the cell's text.
        skipDepth = depth;
      }
    }
    if (!selfClosing) depth++;
  }
  if (current !== null) paragraphs.push(current);
  return unescapeXml(paragraphs.join("\n"));
}

/** The element's name with the usual prefixes, whatever prefixes this part chose. */
function canonical(name: string, p: Prefixes): string {
  if (name.startsWith(p.office)) return "office:" + name.slice(p.office.length);
  if (name.startsWith(p.text)) return "text:" + name.slice(p.text.length);
  return name;
}
