/**
 * A strict fake of the Excel JavaScript API over real workbook content (an .xlsx loaded with ExcelJS), for tests
 * only. office-addin-mock hands back error strings where Excel throws (stack-notes §3); this fake follows Excel's
 * load/sync rules and is stricter where Office.js is lax:
 *
 * - Scalar properties throw PropertyNotLoaded unless they were `load`ed and a `context.sync()` has run since. A
 *   pending load hides an older loaded value until its sync (Office.js would still show the old one).
 * - Setting a property queues the write for the next sync, and the proxy forgets any loaded value: reading it throws
 *   until it is loaded and synced again. (Office.js echoes the value you set, `this.m_values = value`, which is not
 *   what Excel stored: `=1+1` set is not `2` read.)
 * - The queue runs in order at sync: a load returns the value as of its place in the queue, so a load queued before
 *   a write returns what the write replaced. An error stops the batch where it happens; earlier writes stay (Excel's
 *   batches are not transactions) and no loaded value is delivered.
 * - `…OrNullObject` gives an object whose `isNullObject` is readable after a sync; reading another property of a null
 *   object, or calling a method that needs it, throws (Office.js would hand back undefined).
 * - Collections expose `items` only after `load("items/…")` and a sync.
 * - `RangeAreas.address` of merged areas gives each area's top-left cell only (office-js#1590); `areas.items` give the
 *   areas. (Excel may also cut a long address short; not modelled, as the adapter no longer reads it.)
 * - Strings written to a cell not formatted as text are parsed as Excel parses typing: `=…`, `+…`, `-…`, `@…`
 *   become formulas (or numbers), `123`, `１２３` (full-width, as Japanese Excel takes it) and `12%` numbers, `TRUE` a
 *   boolean, `2026-11-22 14:05`, `2026年4月1日` and `14:05` dates and times, `#N/A` an error value. A leading
 *   apostrophe keeps the rest as text (`'0012`) and marks the cell quote-prefixed; the cell's number format stays.
 *   `formulas` reads such a cell without its apostrophe (office-js#6687), so writing `formulas` back re-parses it.
 * - A cell formatted "@" holding more than 255 characters shows `########` in `text` (Excel for Windows).
 * - Workbook structure protection (`book.structureProtected`, read through `workbook.protection.protected`, ExcelApi
 *   1.7): adding, deleting, renaming, moving, hiding or showing a sheet throws AccessDenied at sync. Excel's code for
 *   this is not documented; the adapter checks the flag first and does not depend on the code.
 * - A formula that refers to another sheet (`=評価集計!B5`) turns into `#REF!` when that sheet is deleted, and stays so
 *   when a sheet of the same name is added; renaming the sheet rewrites the reference. A 3-D reference
 *   (`=SUM(No.1:No.9!F8)`) takes its sheets by position: an end renamed is renamed, an end deleted moves one sheet
 *   inward, a span of one deleted sheet becomes `#REF!`, a sheet between the ends leaves the text. A formula that is one
 *   reference to one cell shows that cell's value as it is now (an empty cell reads 0); other formulas keep the result
 *   they were stored with (the fake does not calculate).
 * - Activating a hidden or very hidden sheet fails (InvalidOperation here: Excel's code is not documented, so the
 *   adapter looks at the visibility instead).
 * - `worksheets.onChanged` (ExcelApi 1.9) fires after the current task for the user's edits (`userEdit`) and for the
 *   add-in's own writes, with `triggerSource` ("Unknown" / "ThisLocalAddin") from ExcelApi 1.14 only.
 * - `workbook.styles` (ExcelApi 1.7) lists `book.customStyles` custom styles, then the Normal style (`book.normalFont`,
 *   `book.normalStyleName`) and a few built-in ones: Excel counts column widths in the widest digit of the Normal
 *   font. A collection loads `items/…` paths or the typed form with `$top` and `$skip`.
 *
 * Tables (ListObjects), charts and page layout are modelled as far as the add-in uses them, with Excel's rules: a
 * table may not overlap another table or a merged area, its header row becomes unique non-empty text, its name is
 * unique among the workbook's tables and defined names; a chart takes a text first column as its categories; print
 * titles must be whole rows; `pageLayout` needs ExcelApi 1.9, `showFilterButton` and a Range argument 1.3. Tables
 * and charts loaded as `items/name` can be deleted (a table's cells go with it).
 *
 * Input aids as far as the add-in sets them: data validation (ExcelApi 1.8: one rule kind, Excel's text limits, an
 * input message alone is an "any value" validation), conditional formats (1.6: preset criteria and custom formulas
 * with a fill, listed per range, deletable), cell locking (`format.protection.locked`, 1.2) and sheet protection
 * (`protect` with options; a password needs 1.7; protecting a protected sheet fails). A protected sheet refuses every
 * change except values and formulas into cells that are all unlocked, which Excel lets in as it lets a user type
 * there; a sheet loaded from a file keeps its cells' locking.
 *
 * Outside the request context: `document.getFileAsync` (the workbook as .xlsx in slices of at most 4 MB, byte
 * arrays, one open file at a time, failures injectable with `fileFailure`) and `createWorkbook` (ExcelApi 1.8, thrown
 * at once on an older host as Office.js does; the opened files are kept in `createdWorkbooks`). A context ends with
 * its Excel.run: using it or its proxies afterwards throws InvalidObjectPath.
 *
 * A dynamic array's result spills from its formula's cell into cells without formulas of their own (`spill`); a value
 * written into one of them blocks the spill and the formula shows #SPILL!.
 *
 * A chart's series follow their sheet's new name and turn into #REF! when it is deleted, as cell formulas and defined
 * names' formulas do (names scoped to it go with it); ChartSeries.getDimensionDataSourceString (ExcelApi 1.15) reads them.
 *
 * Not modelled: calculation (beyond single-cell references), conditional formats' effect on how a cell looks, comments, shapes, undo (Ctrl+Z reverting the add-in's
 * writes, ExcelApi 1.20: an undo is a change like any other here), co-authoring beyond one co-author's cell edit
 * (`coauthorEdit`, onChanged with source Remote; its Conflict can be injected with failSync), events other than
 * onChanged, a cut-short RangeAreas.address, and which error codes Excel really gives where its reference is silent
 * (activating a hidden sheet, more than 512 merged areas, an oversized request on older hosts, a wrong password).
 *
 * It counts syncs, and the bytes each sync returns (JSON of every loaded value) and sends (JSON of every value set).
 * Hosts: `host: "web"` (the default) refuses a response over `responseLimit` (5 MB) with
 * ResponsePayloadSizeLimitExceeded (`oversizedAs: "GeneralException"` for older Excel on the web, which says only
 * that) and a request over `requestLimit` (5 MB) with RequestPayloadSizeLimitExceeded, before any of its actions
 * runs; `host: "desktop"` has neither limit. `mergeLimitAs: "null"` makes getMergedAreasOrNullObject over more than 512
 * merged areas give a null object instead of GeneralException (the reference leaves it open); `badPasswordAs` is the
 * code unprotect() without the sheet's password fails with (BadPassword unless set). Failure
 * injection: `cellEditMode` (every sync rejects with InvalidOperationInCellEditMode), `sheet.protected` (writes
 * throw AccessDenied), `beforeSync` (e.g. delete a sheet between syncs), `apiVersion` (newer APIs throw ApiNotFound),
 * `failSync(n)` (the n-th sync fails: before any of its actions, or after the first k, whose changes stay).
 *
 * `workbook.insertWorksheetsFromBase64` (ExcelApi 1.13) inserts a file's worksheets, read with the project's .xlsx
 * reader (values, number formats of numbers, formulas, merges, visibility, protection);
 * see its section at the end, with `failInserts` to make it fail.
 */
import ExcelJS from "exceljs";
import { mapSheetRefs } from "../../src/core/formula/sheets";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";

export const SHEET_ROWS = 1048576;
export const SHEET_COLS = 16384;
/** Excel on the web: 5 MB, taken as 5,000,000 bytes (the stricter reading). */
export const RESPONSE_LIMIT = 5_000_000;

export class FakeOfficeError extends Error {
  override readonly name = "RichApi.Error";
  readonly debugInfo: { readonly code: string; readonly message: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.debugInfo = { code, message };
  }
}

const notLoaded = (type: string, name: string) =>
  new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${name}' of ${type} is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

// ---------------------------------------------------------------------------------------------------------------
// Addresses

export interface Box {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function columnName(c: number): string {
  let n = c + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function columnIndex(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

/**
 * `edit` applied to the parts of a formula outside its string literals: Excel rewrites references, never text
 * (`="see No.1!A1"` keeps its words when No.1 is renamed). Split at every `"`, the even parts are outside: a `""`
 * inside a literal gives an empty part and keeps the count.
 */
function outsideStrings(formula: string, edit: (part: string) => string): string {
  return formula
    .split('"')
    .map((part, i) => (i % 2 === 0 ? edit(part) : part))
    .join('"');
}

function refErrors(formula: string): number {
  return formula.split("#REF!").length - 1;
}

/** `No.1:No.9!` or `'No 1:No 9'!`: a 3-D reference's two ends, with what comes before it. */
const SPAN = /(^=|[=(,+\-*/&^<>;\s])(?:'((?:[^']|'')+)'|([^\s'!:(),=+\-*/&^<>;{}[\]]+:[^\s'!:(),=+\-*/&^<>;{}[\]]+))!/gu;

/**
 * The 3-D references of `part` after sheet `from` is renamed to `to`, or deleted (`to` null) from `order` (the sheets
 * before it went). Excel takes in a span by position: a sheet at either end renamed renames that end; deleted, the end
 * moves one sheet inward, and a span of that sheet alone becomes #REF!. A sheet between the ends leaves the text alone.
 */
function spansAfter(part: string, from: string, to: string | null, order: readonly string[]): string {
  const key = from.toLowerCase();
  const at = (name: string) => order.findIndex((n) => n.toLowerCase() === name.toLowerCase());
  return part.replace(SPAN, (whole, lead: string, inQuotes: string | undefined, bare: string | undefined) => {
    const text = inQuotes === undefined ? bare! : inQuotes.replace(/''/g, "'");
    const colon = text.indexOf(":");
    if (colon < 0) return whole; // one quoted sheet, not a span
    let [first, last] = [text.slice(0, colon), text.slice(colon + 1)];
    const hitFirst = first.toLowerCase() === key;
    const hitLast = last.toLowerCase() === key;
    if (!hitFirst && !hitLast) return whole;
    if (to !== null) {
      if (hitFirst) first = to;
      if (hitLast) last = to;
    } else {
      if (hitFirst && hitLast) return `${lead}#REF!`;
      const [i, j] = [at(first), at(last)];
      if (i < 0 || j < 0) return `${lead}#REF!`;
      if (hitFirst) first = order[i + Math.sign(j - i)];
      else last = order[j + Math.sign(i - j)];
      if (first.toLowerCase() === last.toLowerCase()) return `${lead}${quoteName(first)}!`;
    }
    const plain = quoteName(first) === first && quoteName(last) === last;
    return `${lead}${plain ? `${first}:${last}` : `'${`${first}:${last}`.replace(/'/g, "''")}'`}!`;
  });
}

/** Excel quotes a sheet name in an address unless it is a plain identifier that cannot be read as a cell. */
export function quoteName(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function boxToA1(b: Box): string {
  if (b.top === 0 && b.bottom === SHEET_ROWS - 1) return `${columnName(b.left)}:${columnName(b.right)}`;
  if (b.left === 0 && b.right === SHEET_COLS - 1) return `${b.top + 1}:${b.bottom + 1}`;
  const a = `${columnName(b.left)}${b.top + 1}`;
  return b.top === b.bottom && b.left === b.right ? a : `${a}:${columnName(b.right)}${b.bottom + 1}`;
}

/** "A1", "A1:C3", "A:F", "3:5" (with or without $). */
export function parseBox(address: string): Box {
  const parts = address.replace(/\$/g, "").trim().split(":");
  const cell = (s: string) => {
    const m = /^([A-Za-z]{1,3})(\d{1,7})$/.exec(s);
    return m ? { r: Number(m[2]) - 1, c: columnIndex(m[1]) } : undefined;
  };
  const bad = () => new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: ${address}`);
  if (parts.length > 2 || parts.some((p) => !p)) throw bad();
  const [a, b = a] = parts;
  const p = cell(a);
  const q = cell(b);
  let box: Box;
  if (p && q) box = { top: Math.min(p.r, q.r), left: Math.min(p.c, q.c), bottom: Math.max(p.r, q.r), right: Math.max(p.c, q.c) };
  else if (/^[A-Za-z]{1,3}$/.test(a) && /^[A-Za-z]{1,3}$/.test(b) && parts.length === 2) {
    box = { top: 0, bottom: SHEET_ROWS - 1, left: Math.min(columnIndex(a), columnIndex(b)), right: Math.max(columnIndex(a), columnIndex(b)) };
  } else if (/^\d+$/.test(a) && /^\d+$/.test(b) && parts.length === 2) {
    box = { left: 0, right: SHEET_COLS - 1, top: Math.min(+a, +b) - 1, bottom: Math.max(+a, +b) - 1 };
  } else throw bad();
  if (box.top < 0 || box.left < 0 || box.bottom >= SHEET_ROWS || box.right >= SHEET_COLS) throw bad();
  return box;
}

const cellsIn = (b: Box) => (b.bottom - b.top + 1) * (b.right - b.left + 1);
const inside = (b: Box, r: number, c: number) => r >= b.top && r <= b.bottom && c >= b.left && c <= b.right;
const overlaps = (a: Box, b: Box) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

function union(a: Box | null, b: Box | null): Box | null {
  if (!a) return b;
  if (!b) return a;
  return { top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) };
}

function intersect(a: Box, b: Box): Box | null {
  const box = { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
  return box.top <= box.bottom && box.left <= box.right ? box : null;
}

function jsonLength(v: unknown): number {
  return v === undefined ? 0 : Buffer.byteLength(JSON.stringify(v));
}

function compareVersions(a: string, b: string): number {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

// ---------------------------------------------------------------------------------------------------------------
// The workbook model

export type ValueType = "Empty" | "String" | "Double" | "Boolean" | "Error";
export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface BorderFormat {
  style?: string;
  weight?: string;
  color?: string;
}

export interface CellFormat {
  bold?: boolean;
  fontColor?: string;
  fontSize?: number;
  fill?: string;
  wrap?: boolean;
  hAlign?: string;
  vAlign?: string;
  borders?: { top?: BorderFormat; bottom?: BorderFormat; left?: BorderFormat; right?: BorderFormat };
}

export interface FakeCell {
  value: string | number | boolean;
  type: ValueType;
  formula?: string;
  /** Typed with a leading apostrophe: the value is the text after it. */
  quotePrefix?: boolean;
  numberFormat: string;
  format?: CellFormat;
  hyperlink?: { documentReference?: string; address?: string; textToDisplay?: string };
  /**
   * A1 of the dynamic-array formula whose result spills into this cell (ExcelApi 1.12). The cell holds no formula of
   * its own (`formulas` reads its value); a value written into it blocks the spill (see spill).
   */
  spillParent?: string;
}

export interface ValidationRecord {
  readonly box: Box;
  rule?: unknown;
  errorAlert?: unknown;
  prompt?: unknown;
  ignoreBlanks?: boolean;
}

/** A conditional format (ExcelApi 1.6) on one range: its type, its rule as set, and the fill it shows. */
export interface ConditionalFormatRecord {
  readonly id: string;
  readonly box: Box;
  readonly type: string;
  /** Preset criteria: `{ criterion: "Blanks" }`; custom: `{ formula: "=…" }`. Undefined until set. */
  rule?: { criterion?: string; formula?: string };
  fill?: string;
}

/** Options of worksheet protection, as Excel gives them back: every `allow…` flag, false unless set. */
export type ProtectionOptions = Record<string, boolean | string>;

export interface FakeTableRecord {
  name: string;
  readonly box: Box;
  style: string;
  showFilterButton: boolean;
  readonly showHeaders: boolean;
}

export interface FakeChartRecord {
  name: string;
  readonly type: string;
  readonly seriesBy: string;
  /**
   * The source data as given to charts.add. Its sheet follows a rename, and reads "#REF" once the sheet is deleted
   * (the series' references turn into #REF!; the chart keeps its cached values).
   */
  readonly source: { sheet: string; readonly box: Box };
  /** The category labels Excel took from the source (a text first column or row), or null. */
  readonly categories: Box | null;
  readonly series: { name: string; readonly values: Box }[];
  title: string;
  /** Cells the chart covers, after setPosition: A1 of the start cell and of the end cell. */
  position: { readonly start: string; readonly end?: string } | null;
}

export interface PageLayoutRecord {
  orientation?: string;
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** As Excel gives it back: `$4:$4`. */
  printTitleRows?: string;
  centerFooter?: string;
  leftFooter?: string;
  rightFooter?: string;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A Date as a serial number of the 1900 date system (as Excel stores it). */
export function dateToSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH) / 86400000;
}

let sheetIds = 0;

export class FakeSheet {
  readonly id = `{00000000-0001-0000-0000-${String(++sheetIds).padStart(12, "0")}}`;
  visibility: Visibility = "Visible";
  protected = false;
  readonly cells = new Map<number, FakeCell>();
  merges: Box[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  freeze: { rows: number; cols: number } | null = null;
  tabColor = "";
  validations: ValidationRecord[] = [];
  /** Formatting reaching beyond the cells (whole formatted columns, say): it widens the used range with formats. */
  formatted: Box | null = null;
  tables: FakeTableRecord[] = [];
  charts: FakeChartRecord[] = [];
  pageLayout: PageLayoutRecord = {};
  /** Cells whose format.protection.locked is false, as disjoint boxes (every other cell is locked, Excel's default). */
  unlocked: Box[] = [];
  conditionalFormats: ConditionalFormatRecord[] = [];
  /** Set while `protected`, when the add-in protected it (a sheet protected in the file has none). */
  protectionOptions: ProtectionOptions | undefined;
  protectionPassword: string | undefined;
  /** The date system of the book the sheet is in (FakeBook.date1904): what put() turns a Date into. */
  date1904: () => boolean = () => false;

  constructor(public name: string) {}

  /** Whether a cell is locked (what protection keeps from being edited). */
  locked(r: number, c: number): boolean {
    return !this.unlocked.some((b) => inside(b, r, c));
  }

  static key(r: number, c: number): number {
    return r * SHEET_COLS + c;
  }

  get(r: number, c: number): FakeCell | undefined {
    return this.cells.get(FakeSheet.key(r, c));
  }

  ensure(r: number, c: number): FakeCell {
    let cell = this.get(r, c);
    if (!cell) this.cells.set(FakeSheet.key(r, c), (cell = { value: "", type: "Empty", numberFormat: "General" }));
    return cell;
  }

  /** Stores a value as a file holds it (no parsing of text): for building test workbooks. */
  put(r: number, c: number, value: string | number | boolean | Date | { error: string } | null, numberFormat?: string): this {
    const cell = this.ensure(r, c);
    if (numberFormat) cell.numberFormat = numberFormat;
    if (value === null || value === "") Object.assign(cell, { value: "", type: "Empty" });
    else if (value instanceof Date) {
      Object.assign(cell, { value: dateToSerial(value) - (this.date1904() ? 1462 : 0), type: "Double" });
      if (!numberFormat) cell.numberFormat = "yyyy/m/d";
    } else if (typeof value === "object") Object.assign(cell, { value: value.error, type: "Error" });
    else Object.assign(cell, { value, type: typeof value === "number" ? "Double" : typeof value === "boolean" ? "Boolean" : "String" });
    return this;
  }

  at(a1: string): FakeCell | undefined {
    const b = parseBox(a1);
    return this.get(b.top, b.left);
  }

  /**
   * A dynamic-array formula at `anchor` (its first value there) spilling `values` down and right, as =SORT(…) or
   * =FILTER(…) do: the other cells show values and have no formula.
   */
  spill(anchor: string, formula: string, values: (string | number)[][]): void {
    const a = parseBox(anchor);
    values.forEach((row, i) =>
      row.forEach((v, j) => {
        this.put(a.top + i, a.left + j, v);
        if (i === 0 && j === 0) this.ensure(a.top, a.left).formula = formula;
        else this.ensure(a.top + i, a.left + j).spillParent = `${columnName(a.left)}${a.top + 1}`;
      }),
    );
  }

  /**
   * A value written into a spilled cell blocks the spill, as in Excel: the formula shows #SPILL! and the rest of its
   * result is gone (the written cell keeps what was written).
   */
  blockSpill(cell: FakeCell): void {
    const parent = cell.spillParent;
    if (!parent) return;
    for (const other of this.cells.values()) {
      if (other.spillParent !== parent) continue;
      other.spillParent = undefined;
      if (other !== cell) Object.assign(other, { value: "", type: "Empty" });
    }
    Object.assign(this.ensure(parseBox(parent).top, parseBox(parent).left), { value: "#SPILL!", type: "Error" });
  }

  /** The displayed value of a cell ("" when empty). */
  valueAt(a1: string): string | number | boolean {
    return this.at(a1)?.value ?? "";
  }

  usedBox(valuesOnly: boolean): Box | null {
    let box: Box | null = null;
    for (const [k, cell] of this.cells) {
      const hasValue = cell.type !== "Empty" || cell.formula !== undefined;
      const hasFormat = cell.numberFormat !== "General" || cell.format !== undefined || cell.hyperlink !== undefined;
      if (!hasValue && (valuesOnly || !hasFormat)) continue;
      const r = Math.floor(k / SHEET_COLS);
      const c = k % SHEET_COLS;
      box = union(box, { top: r, left: c, bottom: r, right: c });
    }
    if (!valuesOnly) {
      for (const m of this.merges) box = union(box, m);
      box = union(box, this.formatted);
    }
    return box;
  }
}

export class FakeBook {
  readonly sheets: FakeSheet[] = [];
  /** ブックの保護 (structure): sheets cannot be added, deleted, renamed, moved, hidden or shown. */
  structureProtected = false;
  active: FakeSheet | undefined;
  selection: { sheet: string; address: string } | undefined;
  /** Defined names (named ranges): they share one namespace with table names. */
  readonly names: string[] = [];
  /**
   * What defined names refer to (`='No.5'!$F$8`), and the sheet a name is scoped to (its own list, Worksheet.names);
   * a name in `names` without a record here is workbook-scoped and reads an empty formula.
   */
  definedNames: { name: string; formula: string; scope?: string }[] = [];
  /** The Normal style's font: Excel counts column widths in its widest digit (Calibri 11: 7 px, 游ゴシック 11: 8 px). */
  normalFont = { name: "Calibri", size: 11 };
  /** The Normal style's name as the API lists it (a Japanese Excel may give 標準; the reference does not say). */
  normalStyleName = "Normal";
  /**
   * Custom cell styles, listed before the built-in ones: a workbook copied between offices for years can carry tens
   * of thousands ("標準 2", "標準 3" …), enough for a load of them all to pass the 5 MB response limit of the web.
   */
  customStyles = 0;
  /**
   * The workbook counts its serial days from 1904-01-01 (Excel for Mac's old default; Excel → Options → Advanced),
   * not from 1900: a cell shown as 2018/4/1 holds 41729, not 43191. The API gives the number as the cell holds it.
   */
  date1904 = false;

  /** The serial number of a day as a cell of this workbook holds it (DATE(y, m, d)). */
  serial(year: number, month: number, day: number): number {
    return Date.UTC(year, month - 1, day) / 86400000 + 25569 - (this.date1904 ? 1462 : 0);
  }

  /** Every table in the workbook, with its sheet. */
  tables(): { sheet: FakeSheet; table: FakeTableRecord }[] {
    return this.sheets.flatMap((sheet) => sheet.tables.map((table) => ({ sheet, table })));
  }

  /** A table or defined name holds this name (case-insensitively, as Excel compares them). */
  nameTaken(name: string, except?: FakeTableRecord): boolean {
    const n = name.toLowerCase();
    return this.names.some((x) => x.toLowerCase() === n) || this.tables().some(({ table }) => table !== except && table.name.toLowerCase() === n);
  }

  sheet(name: string): FakeSheet | undefined {
    const n = excelNameKey(name);
    return this.sheets.find((s) => excelNameKey(s.name) === n);
  }

  /**
   * What a cell shows. A formula that is one reference to a cell (`=評価集計!B5`, `='No.1'!$A$1`) follows that cell,
   * as Excel recalculates it (an empty cell reads 0); any other formula shows the result stored with it.
   */
  shown(cell: FakeCell | undefined, depth = 0): { value: string | number | boolean; type: ValueType } {
    if (!cell) return { value: "", type: "Empty" };
    const ref = cell.formula ? SINGLE_REFERENCE.exec(cell.formula) : null;
    const sheet = ref && this.sheet(ref[1] !== undefined ? ref[1].replace(/''/g, "'") : ref[2]);
    if (!ref || !sheet || depth > 16) return { value: cell.value, type: cell.type };
    const target = this.shown(sheet.get(Number(ref[4]) - 1, columnIndex(ref[3])), depth + 1);
    return target.type === "Empty" ? { value: 0, type: "Double" } : target;
  }

  /**
   * Excel rewrites every formula that refers to a sheet when the sheet goes: deleted, the reference becomes #REF!
   * (`=評価集計!B5` → `=#REF!B5`, showing #REF!), and a sheet added later under the same name does not bring it back;
   * renamed, the reference takes the new name.
   */
  rewriteReferences(from: string, to: string | null, order: readonly string[] = this.sheets.map((x) => x.name)): void {
    const quoted = `'${from.replace(/'/g, "''")}'`;
    const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const pattern = new RegExp(`(^=|[=(,+\\-*/&^<>:;\\s])(?:${escape(quoted)}|${escape(from)})!`, "giu");
    // Defined names too: a name scoped to the sheet goes with it (or follows its new name); one that points into it
    // from elsewhere turns into #REF! as a cell formula does.
    const fromKey = from.toLowerCase();
    if (to === null) {
      const gone = new Set(this.definedNames.filter((d) => d.scope?.toLowerCase() === fromKey).map((d) => d.name));
      this.definedNames = this.definedNames.filter((d) => !gone.has(d.name));
      this.names.splice(0, this.names.length, ...this.names.filter((n) => !gone.has(n)));
    }
    const rewrite = (formula: string) =>
      outsideStrings(formula, (part) => spansAfter(part, from, to, order).replace(pattern, (_, lead: string) => `${lead}${to === null ? "#REF" : quoteName(to)}!`));
    for (const d of this.definedNames) {
      if (to !== null && d.scope?.toLowerCase() === fromKey) d.scope = to;
      d.formula = rewrite(d.formula);
    }
    for (const sheet of this.sheets) {
      for (const chart of sheet.charts) if (chart.source.sheet.toLowerCase() === fromKey) chart.source.sheet = to ?? "#REF";
      for (const cell of sheet.cells.values()) {
        if (!cell.formula) continue;
        const next = rewrite(cell.formula);
        if (next === cell.formula) continue;
        // A 3-D reference whose end moved inward is recalculated, not broken: the fake keeps its stored result.
        if (to === null && refErrors(next) > refErrors(cell.formula)) Object.assign(cell, { value: "#REF!", type: "Error" });
        cell.formula = next;
      }
    }
  }

  /** A chart on sheet `on` whose one series takes its values (and categories, when given) from sheet `source`, as a user makes one. */
  addChart(on: string, source: string, valuesA1: string, categoriesA1?: string): FakeChartRecord {
    const sheet = this.sheet(on);
    if (!sheet) throw new Error(`fake: no sheet ${on}`);
    const values = parseBox(valuesA1);
    const categories = categoriesA1 === undefined ? null : parseBox(categoriesA1);
    const chart: FakeChartRecord = {
      name: `Chart ${sheet.charts.length + 1}`,
      type: "ColumnClustered",
      seriesBy: "Columns",
      source: { sheet: source, box: values },
      categories,
      series: [{ name: "Series1", values }],
      title: "",
      position: null,
    };
    sheet.charts.push(chart);
    return chart;
  }

  /** Defines a name (workbook-scoped unless `scope` names a sheet) that refers to `formula`. Names are unique across scopes here. */
  defineName(name: string, formula: string, scope?: string): void {
    this.names.push(name);
    this.definedNames.push({ name, formula, ...(scope ? { scope } : {}) });
  }

  addSheet(name: string): FakeSheet {
    const s = this.adopt(new FakeSheet(name));
    this.sheets.push(s);
    this.active ??= s;
    return s;
  }

  /** A sheet made for this book: its dates count in the book's date system. */
  adopt(sheet: FakeSheet): FakeSheet {
    sheet.date1904 = () => this.date1904;
    return sheet;
  }

  static async fromXlsx(bytes: Uint8Array): Promise<FakeBook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    return FakeBook.fromExcelJS(wb);
  }

  /** Saves what the adapters care about (values, formulas, number formats, merges, states) as .xlsx bytes. */
  async toXlsx(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = this.date1904;
    for (const sheet of this.sheets) {
      const state = sheet.visibility === "Hidden" ? "hidden" : sheet.visibility === "VeryHidden" ? "veryHidden" : "visible";
      const ws = wb.addWorksheet(sheet.name, { state });
      for (const [k, cell] of sheet.cells) {
        const target = ws.getCell(Math.floor(k / SHEET_COLS) + 1, (k % SHEET_COLS) + 1);
        if (cell.formula) target.value = { formula: cell.formula.slice(1) } as ExcelJS.CellFormulaValue;
        else if (cell.type === "Error") target.value = { error: cell.value } as ExcelJS.CellErrorValue;
        else if (cell.type !== "Empty") target.value = cell.value;
        if (cell.numberFormat !== "General") target.numFmt = cell.numberFormat;
      }
      for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    }
    return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  }

  /** The workbook as Excel would hold it after opening the file. */
  static fromExcelJS(wb: ExcelJS.Workbook): FakeBook {
    const book = new FakeBook();
    book.date1904 = wb.properties.date1904 === true;
    for (const ws of wb.worksheets) {
      const sheet = book.addSheet(ws.name);
      sheet.visibility = ws.state === "hidden" ? "Hidden" : ws.state === "veryHidden" ? "VeryHidden" : "Visible";
      sheet.protected = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet === true;
      ws.eachRow((row, r) => {
        row.eachCell((cell, c) => fromExcelJSCell(sheet, r - 1, c - 1, cell));
        // Empty cells too: an input cell left blank is unlocked all the same.
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          if (cell.protection?.locked === false) sheet.unlocked.push({ top: r - 1, left: c - 1, bottom: r - 1, right: c - 1 });
        });
      });
      const merges = (ws as unknown as { _merges?: Record<string, { model: { top: number; left: number; bottom: number; right: number } }> })
        ._merges;
      for (const m of Object.values(merges ?? {})) {
        sheet.merges.push({ top: m.model.top - 1, left: m.model.left - 1, bottom: m.model.bottom - 1, right: m.model.right - 1 });
      }
      const dims = ws.dimensions as unknown as { top?: number; left?: number; bottom?: number; right?: number } | undefined;
      if (dims?.bottom && dims.right) sheet.formatted = { top: (dims.top ?? 1) - 1, left: (dims.left ?? 1) - 1, bottom: dims.bottom - 1, right: dims.right - 1 };
      (ws.columns ?? []).forEach((col, i) => {
        if (col?.width) sheet.columnWidths.set(i, Math.trunc(col.width * 7 + 5) * 0.75);
      });
      const tables = (ws as unknown as { tables?: Record<string, { model?: { name?: string; tableRef?: string; ref?: string } }> }).tables ?? {};
      for (const t of Object.values(tables)) {
        const ref = t.model?.tableRef ?? t.model?.ref;
        if (t.model?.name && ref) sheet.tables.push({ name: t.model.name, box: parseBox(ref), style: "TableStyleLight9", showFilterButton: true, showHeaders: true });
      }
    }
    const defined = (wb.definedNames as unknown as { model?: { name: string }[] }).model ?? [];
    book.names.push(...defined.map((d) => d.name));
    book.active = book.sheets.find((s) => s.visibility === "Visible");
    return book;
  }
}

function richText(v: unknown): string | undefined {
  const rt = (v as { richText?: { text?: string }[] } | null)?.richText;
  return Array.isArray(rt) ? rt.map((r) => r.text ?? "").join("") : undefined;
}

function fromExcelJSCell(sheet: FakeSheet, r: number, c: number, cell: ExcelJS.Cell): void {
  const VT = ExcelJS.ValueType;
  const fmt = cell.numFmt || undefined;
  const v = cell.value as unknown;
  const scalar = (x: unknown): string | number | boolean | Date | { error: string } | null => {
    if (x === null || x === undefined) return null;
    if (x instanceof Date || typeof x === "number" || typeof x === "string" || typeof x === "boolean") return x;
    if (typeof x === "object" && "error" in (x as object)) return { error: String((x as { error: string }).error) };
    return richText(x) ?? null;
  };
  switch (cell.type) {
    case VT.Null:
    case VT.Merge:
      return;
    case VT.Hyperlink: {
      const t = (v as { text?: unknown }).text;
      sheet.put(r, c, typeof t === "string" ? t : (richText(t) ?? ""), fmt);
      return;
    }
    case VT.Formula: {
      const f = (cell as unknown as { formula?: string }).formula;
      sheet.put(r, c, scalar((v as { result?: unknown }).result), fmt);
      if (f) sheet.ensure(r, c).formula = `=${f}`;
      return;
    }
    default:
      sheet.put(r, c, scalar(v), fmt);
  }
}

/** `=Sheet!A1`, `='No.1'!$B$5`: a formula that is one reference to one cell. */
const SINGLE_REFERENCE = /^=(?:'((?:[^']|'')+)'|([^'!=(),+\-*/&^<>:;\s]+))!\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d*)?([eE][+-]?\d+)?$|^[+-]?\.\d+$/;
const PERCENT = /^[+-]?\d+(\.\d+)?%$/;
const DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const DATE_JA = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const ERROR_VALUE = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!)$/i;

/** Writes what a `values` / `formulas` array holds for one cell; text is parsed unless the cell is formatted "@". */
function storeInput(cell: FakeCell, input: unknown): void {
  if (input === null || input === undefined) return; // null leaves the cell as it is
  cell.formula = undefined;
  cell.quotePrefix = undefined;
  if (typeof input === "number" || typeof input === "boolean") {
    Object.assign(cell, { value: input, type: typeof input === "number" ? "Double" : "Boolean" });
    return;
  }
  const s = String(input);
  if (s === "") {
    Object.assign(cell, { value: "", type: "Empty" });
    return;
  }
  if (cell.numberFormat === "@") {
    Object.assign(cell, { value: s, type: "String" });
    return;
  }
  if (s.startsWith("'")) {
    Object.assign(cell, s.length > 1 ? { value: s.slice(1), type: "String" } : { value: "", type: "Empty" }, { quotePrefix: true });
    return;
  }
  // Japanese Excel takes full-width digits and signs as typed numbers (and ＝ as =). A formula already begun with an
  // ASCII sign keeps its text (a full-width literal inside it is the formula's own).
  const wide = s.normalize("NFKC");
  if (wide !== s && !/^[=+@-]/.test(s) && /^[=+@-]./.test(wide)) return storeInput(cell, wide);
  const t = wide.trim();
  if (NUMBER.test(t)) {
    Object.assign(cell, { value: Number(t.replace(/,/g, "")), type: "Double" });
    return;
  }
  if (/^[=+@-]/.test(s) && s.length > 1) {
    cell.formula = s.startsWith("=") ? s : `=${s.startsWith("@") ? s.slice(1) : s}`;
    const n = Number(cell.formula.slice(1));
    Object.assign(cell, Number.isFinite(n) && cell.formula.length > 1 ? { value: n, type: "Double" } : { value: "", type: "Empty" });
    return;
  }
  if (/^(true|false)$/i.test(t)) {
    Object.assign(cell, { value: t.toLowerCase() === "true", type: "Boolean" });
    return;
  }
  if (PERCENT.test(t)) {
    Object.assign(cell, { value: Number(t.slice(0, -1)) / 100, type: "Double", numberFormat: "0%" });
    return;
  }
  const d = DATE.exec(t);
  if (d) {
    const ms = Date.UTC(+d[1], +d[2] - 1, +d[3], +(d[4] ?? 0), +(d[5] ?? 0), +(d[6] ?? 0));
    Object.assign(cell, { value: (ms - EXCEL_EPOCH) / 86400000, type: "Double", numberFormat: d[4] ? "yyyy/m/d h:mm" : "yyyy/m/d" });
    return;
  }
  const j = DATE_JA.exec(t);
  if (j) {
    Object.assign(cell, { value: (Date.UTC(+j[1], +j[2] - 1, +j[3]) - EXCEL_EPOCH) / 86400000, type: "Double", numberFormat: "yyyy\"年\"m\"月\"d\"日\"" });
    return;
  }
  const h = TIME.exec(t);
  if (h && +h[1] < 24 && +h[2] < 60) {
    Object.assign(cell, { value: (+h[1] * 3600 + +h[2] * 60 + +(h[3] ?? 0)) / 86400, type: "Double", numberFormat: h[3] ? "h:mm:ss" : "h:mm" });
    return;
  }
  if (ERROR_VALUE.test(t)) {
    Object.assign(cell, { value: t.toUpperCase(), type: "Error" });
    return;
  }
  Object.assign(cell, { value: s, type: "String" });
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Japanese Excel's rule for a sheet name: besides : \ / ? * [ ] it refuses their full-width forms and ￥, ’ or ＇ at
 * either end as it does ', and 履歴 as well as History (「履歴」は予約語のため、シート名に使用できません). Half an emoji
 * (a lone surrogate) is taken as refused, as no file can hold it.
 */
export function validSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 31 &&
    !/[:\\/?*[\]：＼／？＊［］￥\u0000]/.test(name) &&
    !/^['’＇]|['’＇]$/.test(name) &&
    !["history", "履歴"].includes(excelNameKey(name)) &&
    !LONE_SURROGATE.test(name)
  );
}

/** Two sheet names clash in Excel when they differ only in case or in character width (ＡＢＣ, abc; １, 1). */
export function excelNameKey(name: string): string {
  return name.normalize("NFKC").toLowerCase();
}

// ---------------------------------------------------------------------------------------------------------------
// The host, the request context and its queue

export interface SyncRecord {
  readonly n: number;
  readonly actions: number;
  responseBytes: number;
  readonly requestBytes: number;
  error?: string;
}

export interface FakeExcelOptions {
  /** The highest ExcelApi version the host supports (default 1.17); calls to newer APIs fail with ApiNotFound. */
  readonly apiVersion?: string;
  /** Excel on the web (the default) limits a request and a response to 5 MB; Excel on the desktop does not. */
  readonly host?: "web" | "desktop";
  readonly responseLimit?: number;
  readonly requestLimit?: number;
  /** The code an oversized response is refused with: older Excel on the web says GeneralException. */
  readonly oversizedAs?: string;
  /**
   * How getMergedAreasOrNullObject fails over more than 512 merged areas: Excel's reference says only that it "will
   * fail to return the result", which may be an error or a null object.
   */
  readonly mergeLimitAs?: "error" | "null";
  /**
   * The code `protection.unprotect()` fails with when the password is wrong or missing. Excel's reference names
   * none; its list of error codes has BadPassword (the default here), and AccessDenied has been seen from real Excel.
   */
  readonly badPasswordAs?: string;
  /**
   * Some Excel builds load `protection.options` with null for some properties, and refuse that object given back
   * to protect() (office-js issue 1931): the loaded options then hold null for the three options ExcelApi 1.7 added.
   */
  readonly optionsWithNulls?: boolean;
}

/** What Excel hands an onChanged handler (WorksheetChangedEventArgs), as far as the add-in reads it. */
export interface FakeChangedEventArgs {
  readonly type: "WorksheetChanged";
  readonly changeType: string;
  readonly source: "Local" | "Remote";
  readonly worksheetId: string;
  readonly address: string;
  /** ExcelApi 1.14: "ThisLocalAddin" when this add-in's own request made the change. */
  readonly triggerSource?: "ThisLocalAddin" | "Unknown";
}

export interface SyncFailure {
  readonly n: number;
  readonly code: string;
  readonly afterActions?: number;
}

interface Pending {
  readonly bytes: number;
  commit(): void;
}

type Action = () => Pending | undefined | void;

export class FakeExcel {
  readonly syncs: SyncRecord[] = [];
  /** Every change as it ran: `numberFormat 'No.1'!A1:C3`, `formulas …`, `add 検証結果`. */
  readonly operations: string[] = [];
  cellEditMode = false;
  apiVersion: string;
  responseLimit: number;
  requestLimit: number;
  oversizedAs: string;
  mergeLimitAs: "error" | "null";
  badPasswordAs: string;
  optionsWithNulls: boolean;
  /** Runs before sync n (1-based, counting every sync of this host) executes its queue. */
  beforeSync: ((n: number, book: FakeBook) => void) | undefined;
  /** Makes one sync fail: see failSync. */
  syncFailure: SyncFailure | undefined;
  /** WorksheetCollection.onChanged handlers, registered by a sync. */
  readonly changeHandlers: ((args: FakeChangedEventArgs) => unknown)[] = [];

  constructor(
    readonly book: FakeBook,
    options: FakeExcelOptions = {},
  ) {
    this.apiVersion = options.apiVersion ?? "1.17";
    const web = (options.host ?? "web") === "web";
    this.responseLimit = options.responseLimit ?? (web ? RESPONSE_LIMIT : Infinity);
    this.requestLimit = options.requestLimit ?? (web ? RESPONSE_LIMIT : Infinity);
    this.oversizedAs = options.oversizedAs ?? "ResponsePayloadSizeLimitExceeded";
    this.mergeLimitAs = options.mergeLimitAs ?? "error";
    this.badPasswordAs = options.badPasswordAs ?? "BadPassword";
    this.optionsWithNulls = options.optionsWithNulls ?? false;
  }

  /**
   * Stands in for `Excel.run`. When the batch ends its context ends with it: queuing on one of its proxies, or
   * syncing it, throws InvalidObjectPath (Excel releases the batch's objects; values already loaded stay readable).
   */
  readonly run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeRequestContext(this);
    try {
      return await batch(context as unknown as Excel.RequestContext);
    } finally {
      context.end();
    }
  };

  /** The file `Office.context.document.getFileAsync` hands out; the workbook saved as .xlsx when unset. */
  file: Uint8Array | undefined;
  /** Makes the file API fail: see FakeFileFailure. */
  fileFailure: FakeFileFailure | undefined;

  /** The injected file failure at `at` (and `slice`), counted; undefined when the call is to work. */
  fileFails(at: FakeFileFailure["at"], slice?: number): FakeFileFailure | undefined {
    const f = this.fileFailure;
    if (!f || f.at !== at || (at === "slice" && f.slice !== slice) || f.times === 0) return undefined;
    if (f.times !== undefined) f.times--;
    return f;
  }
  /** Files handed out by getFileAsync and not closed yet (Office allows one at a time). */
  openFiles = 0;
  /** What the file API did, in order: `open 3 slices`, `slice 0`, `close`, `failed slice 1 (5001)`. */
  readonly fileLog: string[] = [];
  /** Stands in for `Office.context.document`. */
  readonly document = new FakeOfficeDocument(this);
  /** The .xlsx bytes of each workbook Excel.createWorkbook opened. */
  readonly createdWorkbooks: Uint8Array[] = [];

  /**
   * Stands in for `Excel.createWorkbook` (ExcelApi 1.8; on an older host it throws ApiNotFound at once, not through
   * the promise, as Office.js does). The base64 must decode to a zip package, or the promise rejects InvalidArgument.
   */
  readonly createWorkbook = (base64?: string): Promise<void> => {
    if (compareVersions("1.8", this.apiVersion) > 0) throw new FakeOfficeError("ApiNotFound", `Excel.createWorkbook needs ExcelApi 1.8; this host has ${this.apiVersion}`);
    return this.openCreated(base64);
  };

  private async openCreated(base64: string | undefined): Promise<void> {
    await Promise.resolve();
    if (base64 === undefined || base64 === "") {
      this.createdWorkbooks.push(new Uint8Array());
      return;
    }
    let bytes: Uint8Array;
    try {
      bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
    } catch {
      throw new FakeOfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format (not base64).");
    }
    if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new FakeOfficeError("InvalidArgument", "The file is not a workbook.");
    this.createdWorkbooks.push(bytes);
  }

  /** Stands in for `Office.context.requirements.isSetSupported`. */
  readonly isSetSupported = (set: string, version: string): boolean => set === "ExcelApi" && compareVersions(version, this.apiVersion) <= 0;

  get syncCount(): number {
    return this.syncs.length;
  }

  get maxResponseBytes(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.responseBytes), 0);
  }

  /**
   * Sync `n` (1-based, counting every sync of this host) rejects with `code`. Without `afterActions` none of its
   * actions runs (the request was lost on the way); with it, that many of its queued actions run first and what they
   * changed stays, as when an action in the middle of an Excel batch fails. Either way no loaded value is delivered.
   */
  failSync(n: number, options: { code?: string; afterActions?: number } = {}): void {
    this.syncFailure = { n, code: options.code ?? "GeneralException", afterActions: options.afterActions };
  }

  /**
   * The user types a value into a cell: it changes, and onChanged fires after the current task, as Excel raises it
   * (triggerSource "Unknown" from ExcelApi 1.14; older hosts give none).
   */
  userEdit(sheet: string, a1: string, value: string | number | boolean | null): void {
    this.typeInto(sheet, a1, value, "user");
  }

  /**
   * Another person editing the same workbook (co-authoring, AutoSave on OneDrive or SharePoint) puts a value into a
   * cell, of any sheet, also one very hidden (their add-in writing its settings): onChanged fires with source Remote.
   */
  coauthorEdit(sheet: string, a1: string, value: string | number | boolean | null): void {
    this.typeInto(sheet, a1, value, "coauthor");
  }

  private typeInto(sheet: string, a1: string, value: string | number | boolean | null, by: "user" | "coauthor"): void {
    const s = this.book.sheet(sheet);
    if (!s) throw new Error(`fake: no sheet ${sheet}`);
    const box = parseBox(a1);
    s.put(box.top, box.left, value);
    this.emitChange(s, boxToA1(box), by);
  }

  /** onChanged for a change to a sheet's range, made by the user, a co-author or the add-in's own request. */
  emitChange(sheet: FakeSheet, address: string, by: "user" | "addin" | "coauthor"): void {
    if (this.changeHandlers.length === 0) return;
    const args: FakeChangedEventArgs = {
      type: "WorksheetChanged",
      changeType: "RangeEdited",
      source: by === "coauthor" ? "Remote" : "Local",
      worksheetId: sheet.id,
      address,
      ...(compareVersions(this.apiVersion, "1.14") >= 0 ? { triggerSource: by === "addin" ? "ThisLocalAddin" : "Unknown" } : {}),
    };
    for (const h of [...this.changeHandlers]) setTimeout(() => void h(args), 0);
  }

  /** Forget the counters (the workbook stays). */
  reset(): void {
    this.syncs.length = 0;
    this.operations.length = 0;
  }
}

/**
 * Where the file API (`Office.context.document.getFileAsync`) fails: opening the file, reading slice `slice`, or
 * closing it. `code` is Office's number (5001: internal error, the default; 11001: network problem).
 */
export interface FakeFileFailure {
  readonly at: "open" | "slice" | "close";
  readonly slice?: number;
  readonly code?: number;
  /** Fails this many times, then works (every time when unset). */
  times?: number;
}

/** Office's AsyncResult, as far as the add-in reads it. */
export interface FakeAsyncResult<T> {
  readonly status: "succeeded" | "failed";
  readonly value: T;
  readonly error?: { readonly code: number; readonly name: string; readonly message: string };
}

type FakeCallback<T> = (result: FakeAsyncResult<T>) => void;

/** Office's largest slice: a larger `sliceSize` is refused (11002). */
export const MAX_SLICE_SIZE = 4 * 1024 * 1024;

const OFFICE_ERRORS: Record<number, string> = {
  1009: "The specified file type is not supported.",
  5001: "An internal error has occurred.",
  5008: "The index is out of range.",
  11000: "Call closeAsync on the current file before retrieving another.",
  11001: "The file could not be retrieved because of a network problem.",
  11002: "The slice size is not supported.",
};

function failed<T>(code: number): FakeAsyncResult<T> {
  return { status: "failed", value: undefined as T, error: { code, name: code === 5001 ? "Internal Error" : "Error", message: OFFICE_ERRORS[code] ?? `Error ${code}.` } };
}

/** Office answers a callback after the caller's code has run, never inside the call. */
function answer<T>(callback: FakeCallback<T> | undefined, result: FakeAsyncResult<T>): void {
  setTimeout(() => callback?.(result), 0);
}

/**
 * `Office.context.document` as far as the add-in uses it: getFileAsync of the workbook as a compressed (.xlsx) file,
 * handed out in slices of at most 4 MB, as byte arrays. One file may be open at a time (11000 until it is closed).
 */
export class FakeOfficeDocument {
  constructor(private readonly host: FakeExcel) {}

  getFileAsync(fileType: string, options?: { sliceSize?: number } | FakeCallback<FakeOfficeFile>, callback?: FakeCallback<FakeOfficeFile>): void {
    const cb = typeof options === "function" ? options : callback;
    const sliceSize = (typeof options === "object" ? options?.sliceSize : undefined) ?? MAX_SLICE_SIZE;
    const host = this.host;
    const refuse = (code: number) => {
      host.fileLog.push(`failed open (${code})`);
      answer(cb, failed<FakeOfficeFile>(code));
    };
    if (fileType !== "compressed") return refuse(1009);
    if (!(sliceSize > 0 && sliceSize <= MAX_SLICE_SIZE)) return refuse(11002);
    if (host.openFiles > 0) return refuse(11000);
    const failure = host.fileFails("open");
    if (failure) return refuse(failure.code ?? 5001);
    host.openFiles++;
    void (async () => {
      const bytes = host.file ?? (await host.book.toXlsx());
      const file = new FakeOfficeFile(host, bytes, sliceSize);
      host.fileLog.push(`open ${file.sliceCount} slices`);
      answer(cb, { status: "succeeded", value: file });
    })();
  }
}

export class FakeOfficeFile {
  readonly size: number;
  readonly sliceCount: number;
  private closed = false;

  constructor(
    private readonly host: FakeExcel,
    private readonly bytes: Uint8Array,
    private readonly sliceSize: number,
  ) {
    this.size = bytes.length;
    this.sliceCount = Math.ceil(bytes.length / sliceSize);
  }

  getSliceAsync(index: number, callback?: FakeCallback<{ data: number[]; index: number; size: number }>): void {
    let code = 0;
    if (this.closed) code = 5001;
    else if (!Number.isInteger(index) || index < 0 || index >= this.sliceCount) code = 5008;
    else code = this.host.fileFails("slice", index) ? (this.host.fileFailure?.code ?? 5001) : 0;
    if (code) {
      this.host.fileLog.push(`failed slice ${index} (${code})`);
      return answer(callback, failed(code));
    }
    const part = this.bytes.subarray(index * this.sliceSize, Math.min(this.size, (index + 1) * this.sliceSize));
    this.host.fileLog.push(`slice ${index}`);
    answer(callback, { status: "succeeded", value: { data: Array.from(part), index, size: part.length } });
  }

  closeAsync(callback?: FakeCallback<void>): void {
    const failure = this.closed ? undefined : this.host.fileFails("close");
    if (this.closed || failure) {
      const code = failure?.code ?? 5001;
      this.host.fileLog.push(`failed close (${code})`);
      return answer(callback, failed(code));
    }
    this.closed = true;
    this.host.openFiles--;
    this.host.fileLog.push("close");
    answer(callback, { status: "succeeded", value: undefined });
  }
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  private queue: Action[] = [];
  private nullables: FakeObject[] = [];
  private requestBytes = 0;
  /** Work a queued call started outside the queue (a file parsed for insertWorksheetsFromBase64), settled before the sync runs. */
  readonly preparing: Promise<unknown>[] = [];

  private ended = false;

  constructor(readonly host: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  get book(): FakeBook {
    return this.host.book;
  }

  /** Excel.run has finished: the context and its proxies can no longer be used. */
  end(): void {
    this.ended = true;
  }

  private refuseEnded(): void {
    if (this.ended) {
      throw new FakeOfficeError(
        "InvalidObjectPath",
        'The object path isn\'t working for what you\'re trying to do. If you\'re using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object\'s lifetime.',
      );
    }
  }

  enqueue(action: Action, requestBytes = 0): void {
    this.refuseEnded();
    this.queue.push(action);
    this.requestBytes += requestBytes;
  }

  watchNull(o: FakeObject): void {
    this.nullables.push(o);
  }

  /** An API newer than the host: the call is queued and the host refuses it at sync, as Excel does. */
  requireApi(version: string, api: string): void {
    if (compareVersions(version, this.host.apiVersion) > 0) {
      this.enqueue(() => {
        throw new FakeOfficeError("ApiNotFound", `${api} needs ExcelApi ${version}; this host has ${this.host.apiVersion}`);
      });
    }
  }

  log(op: string): void {
    this.host.operations.push(op);
  }

  async sync(): Promise<void> {
    this.refuseEnded();
    await Promise.resolve();
    if (this.preparing.length) await Promise.allSettled(this.preparing.splice(0));
    const queue = this.queue;
    const nullables = this.nullables;
    const record: SyncRecord = { n: this.host.syncs.length + 1, actions: queue.length, responseBytes: 0, requestBytes: this.requestBytes };
    this.queue = [];
    this.nullables = [];
    this.requestBytes = 0;
    this.host.syncs.push(record);
    this.host.beforeSync?.(record.n, this.host.book);
    const fail = (e: unknown) => {
      record.error = e instanceof FakeOfficeError ? e.code : String(e);
      return e;
    };
    if (this.host.cellEditMode) {
      throw fail(new FakeOfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode. Please exit the edit mode."));
    }
    if (record.requestBytes > this.host.requestLimit) {
      throw fail(new FakeOfficeError("RequestPayloadSizeLimitExceeded", `The request payload size (${record.requestBytes}) has exceeded the limit.`));
    }
    const injected = this.host.syncFailure?.n === record.n ? this.host.syncFailure : undefined;
    const injectedError = () => new FakeOfficeError(injected!.code, `Injected failure of sync ${record.n}.`);
    if (injected && injected.afterActions === undefined) throw fail(injectedError());
    const pending: Pending[] = [];
    const nulls: [FakeObject, boolean][] = [];
    try {
      for (const [i, action] of queue.entries()) {
        if (injected && i === injected.afterActions) throw injectedError();
        const p = action();
        if (p) pending.push(p);
      }
      if (injected) throw injectedError();
      for (const o of nullables) nulls.push([o, !o.exists()]);
    } catch (e) {
      throw fail(e);
    }
    record.responseBytes = pending.reduce((n, p) => n + p.bytes, 0);
    if (record.responseBytes > this.host.responseLimit) {
      throw fail(new FakeOfficeError(this.host.oversizedAs, `The response payload size (${record.responseBytes}) has exceeded the limit.`));
    }
    for (const p of pending) p.commit();
    for (const [o, isNull] of nulls) o.settleNull(isNull);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Proxy objects

/** A collection's load in the typed form (Excel.Interfaces.…CollectionLoadOptions & CollectionLoadOptions). */
interface CollectionLoadTree {
  readonly $top?: number;
  readonly $skip?: number;
  readonly [property: string]: unknown;
}

/** `{ name: true, font: { size: true } }` → `prefix + name`, `prefix + font/size`. */
function treePaths(tree: Readonly<Record<string, unknown>>, prefix: string): string[] {
  return Object.entries(tree).flatMap(([k, v]) => {
    if (k.startsWith("$")) return [];
    if (v === true) return [prefix + k];
    if (typeof v === "object" && v !== null) return treePaths(v as Record<string, unknown>, `${prefix}${k}/`);
    return [];
  });
}

function loadPaths(arg: string | string[] | { select?: string } | undefined): string[] {
  if (arg === undefined) return [];
  const list = typeof arg === "string" ? arg.split(",") : Array.isArray(arg) ? arg : (arg.select ?? "").split(",");
  return list.map((s) => s.trim()).filter(Boolean);
}

abstract class FakeObject {
  private readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(
    readonly context: FakeRequestContext,
    nullable = false,
  ) {
    if (nullable) context.watchNull(this);
  }

  protected abstract readonly typeName: string;
  protected abstract readonly scalars: readonly string[];
  /** A scalar as Excel has it when the queue reaches the load. */
  protected abstract read(name: string): unknown;
  /** False for a null object; throws ItemNotFound for a missing object that is not …OrNullObject. */
  abstract exists(): boolean;

  protected child(name: string): FakeObject | undefined {
    void name;
    return undefined;
  }

  load(arg?: string | string[] | { select?: string }): this {
    const paths = loadPaths(arg);
    for (const path of paths.length ? paths : this.scalars) this.loadPath(path);
    return this;
  }

  loadPath(path: string): void {
    this.forget(path);
    this.context.enqueue(() => this.capture(path));
  }

  /** Hides a loaded value until the pending load's sync; throws at once for a property that cannot be loaded. */
  forget(path: string): void {
    const [head, ...rest] = path.split("/");
    if (rest.length) {
      const c = this.child(head);
      if (!c) throw new Error(`fake: ${this.typeName}.${head} is not a navigation property`);
      c.forget(rest.join("/"));
      return;
    }
    if (!this.scalars.includes(head)) throw new Error(`fake: ${this.typeName}.${head} cannot be loaded`);
    this.loaded.delete(head);
  }

  /** Runs inside sync. */
  capture(path: string): Pending | undefined {
    const [head, ...rest] = path.split("/");
    if (rest.length) {
      const c = this.child(head);
      if (!c) throw new Error(`fake: ${this.typeName}.${head} is not a navigation property`);
      return c.capture(rest.join("/"));
    }
    if (!this.scalars.includes(head)) throw new Error(`fake: ${this.typeName}.${head} cannot be loaded`);
    if (!this.exists()) return undefined;
    const v = this.read(head);
    return { bytes: jsonLength({ [head]: v }), commit: () => this.loaded.set(head, v) };
  }

  settleNull(isNull: boolean): void {
    this.nullState = isNull;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded(this.typeName, "isNullObject");
    return this.nullState;
  }

  protected get<T>(name: string): T {
    if (this.nullState === true) throw new FakeOfficeError("InvalidOperation", `fake: reading ${this.typeName}.${name} of a null object`);
    if (!this.loaded.has(name)) throw notLoaded(this.typeName, name);
    return this.loaded.get(name) as T;
  }

  /** Queues a write; the proxy forgets what it had loaded for that property. */
  protected write(name: string, value: unknown, apply: () => void): void {
    this.loaded.delete(name);
    this.context.enqueue(apply, jsonLength(value));
  }
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly names: FakeNamedItemCollection;

  constructor(readonly context: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.tables = new FakeTableCollection(context, undefined);
    this.names = new FakeNamedItemCollection(context);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.book.active ?? null);
  }

  /** ExcelApi 1.13: see "Inserting worksheets from a file" below. */
  insertWorksheetsFromBase64(base64File: string, options?: FakeInsertWorksheetOptions): FakeClientResult<string[]> {
    return insertWorksheets(this.context, base64File, options);
  }

  /** The workbook's cell styles (ExcelApi 1.7): its custom ones (book.customStyles), then Normal and a few built-in ones. */
  get styles(): FakeStyleCollection {
    this.context.requireApi("1.7", "Workbook.styles");
    return (this.stylesProxy ??= new FakeStyleCollection(this.context));
  }

  private stylesProxy: FakeStyleCollection | undefined;

  get protection(): FakeWorkbookProtection {
    this.context.requireApi("1.7", "Workbook.protection");
    return (this.protectionProxy ??= new FakeWorkbookProtection(this.context));
  }

  private protectionProxy: FakeWorkbookProtection | undefined;

  /** Worksheet functions computed by Excel (ExcelApi 1.2); the fake knows DATE only. */
  get functions(): FakeFunctions {
    this.context.requireApi("1.2", "Workbook.functions");
    return (this.functionsProxy ??= new FakeFunctions(this.context));
  }

  private functionsProxy: FakeFunctions | undefined;
}

class FakeFunctions {
  constructor(readonly context: FakeRequestContext) {}

  /** DATE(year, month, day): a FunctionResult whose value, once loaded and synced, is the serial in the book's date system. */
  date(year: number, month: number, day: number): FakeFunctionResult {
    return new FakeFunctionResult(this.context, () => this.context.book.serial(year, month, day));
  }
}

class FakeFunctionResult extends FakeObject {
  protected readonly typeName = "FunctionResult";
  protected readonly scalars = ["value", "error"] as const;

  constructor(
    context: FakeRequestContext,
    private readonly compute: () => number,
  ) {
    super(context);
  }

  exists(): boolean {
    return true;
  }

  protected read(name: string): unknown {
    return name === "value" ? this.compute() : null;
  }

  get value(): number {
    return this.get("value");
  }

  get error(): string | null {
    return this.get("error");
  }
}

class FakeWorkbookProtection extends FakeObject {
  protected readonly typeName = "WorkbookProtection";
  protected readonly scalars = ["protected"] as const;

  exists(): boolean {
    return true;
  }

  protected read(): unknown {
    return this.context.book.structureProtected;
  }

  get protected(): boolean {
    return this.get("protected");
  }
}

/** A change to the workbook's structure: AccessDenied under ブックの保護. */
function structureChange(context: FakeRequestContext, what: string): void {
  if (context.book.structureProtected) throw new FakeOfficeError("AccessDenied", `The workbook's structure is protected: cannot ${what}.`);
}

export class FakeWorksheetCollection extends FakeObject {
  protected readonly typeName = "WorksheetCollection";
  protected readonly scalars: readonly string[] = [];
  private loadedItems: FakeWorksheet[] | undefined;

  constructor(context: FakeRequestContext) {
    super(context);
  }

  /** ExcelApi 1.9. A handler takes effect at the next sync, and stays after the batch (until removed). */
  get onChanged(): { add(handler: (args: FakeChangedEventArgs) => unknown): { remove(): void } } {
    this.context.requireApi("1.9", "WorksheetCollection.onChanged");
    const host = this.context.host;
    return {
      add: (handler) => {
        this.context.enqueue(() => {
          host.changeHandlers.push(handler);
        });
        return {
          remove: () =>
            this.context.enqueue(() => {
              const at = host.changeHandlers.indexOf(handler);
              if (at >= 0) host.changeHandlers.splice(at, 1);
            }),
        };
      },
    };
  }

  exists(): boolean {
    return true;
  }

  protected read(name: string): unknown {
    throw new Error(`fake: WorksheetCollection.${name}`);
  }

  get items(): FakeWorksheet[] {
    if (!this.loadedItems) throw notLoaded(this.typeName, "items");
    return this.loadedItems;
  }

  /** `items/name,items/visibility,…` are captured together, on one set of item objects. */
  override load(arg?: string | string[] | { select?: string }): this {
    const paths = loadPaths(arg);
    const sub = paths.map((p) => (p === "items" ? "" : p.startsWith("items/") ? p.slice(6) : undefined));
    if (sub.some((s) => s === undefined)) throw new Error(`fake: WorksheetCollection loads items only: ${paths.join(",")}`);
    this.loadedItems = undefined;
    this.context.enqueue(() => {
      const items = this.context.book.sheets.map((s) => new FakeWorksheet(this.context, () => s));
      const parts: Pending[] = [];
      for (const item of items) {
        const props = sub.filter((s): s is string => !!s);
        for (const p of props.length ? props : ["name", "id", "position", "visibility", "tabColor"]) {
          const c = item.capture(p);
          if (c) parts.push(c);
        }
      }
      return {
        bytes: parts.reduce((n, p) => n + p.bytes, 2),
        commit: () => {
          parts.forEach((p) => p.commit());
          this.loadedItems = items;
        },
      };
    });
    return this;
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const s = this.context.book.sheet(key) ?? this.context.book.sheets.find((x) => x.id === key);
      if (!s) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: worksheet '${key}'.`);
      return s;
    });
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    this.context.requireApi("1.4", "WorksheetCollection.getItemOrNullObject");
    return new FakeWorksheet(this.context, () => this.context.book.sheet(key) ?? null, true);
  }

  getFirst(visibleOnly = false): FakeWorksheet {
    this.context.requireApi("1.5", "WorksheetCollection.getFirst");
    return new FakeWorksheet(this.context, () => this.context.book.sheets.find((s) => !visibleOnly || s.visibility === "Visible") ?? null);
  }

  getLast(visibleOnly = false): FakeWorksheet {
    this.context.requireApi("1.5", "WorksheetCollection.getLast");
    return new FakeWorksheet(this.context, () => [...this.context.book.sheets].reverse().find((s) => !visibleOnly || s.visibility === "Visible") ?? null);
  }

  add(name?: string): FakeWorksheet {
    let created: FakeSheet | undefined;
    this.context.enqueue(() => {
      const book = this.context.book;
      let n = book.sheets.length + 1;
      while (!name && book.sheet(`Sheet${n}`)) n++;
      const wanted = name ?? `Sheet${n}`;
      structureChange(this.context, `add ${wanted}`);
      if (!validSheetName(wanted)) throw new FakeOfficeError("InvalidArgument", `Invalid sheet name: ${wanted}`);
      if (book.sheet(wanted)) throw new FakeOfficeError("ItemAlreadyExists", `A resource with the same name or identifier already exists: ${wanted}`);
      created = book.adopt(new FakeSheet(wanted));
      book.sheets.push(created);
      this.context.log(`add ${wanted}`);
    });
    return new FakeWorksheet(this.context, () => {
      if (!created) throw new Error("fake: a worksheet used before the add that creates it");
      return created;
    });
  }
}

export class FakeWorksheet extends FakeObject {
  protected readonly typeName = "Worksheet";
  protected readonly scalars = ["name", "id", "position", "visibility", "tabColor"] as const;
  private resolved: FakeSheet | null | undefined;
  readonly protection: FakeWorksheetProtection;
  readonly freezePanes: FakeFreezePanes;
  private tablesProxy: FakeTableCollection | undefined;
  private chartsProxy: FakeChartCollection | undefined;
  private layoutProxy: FakePageLayout | undefined;

  constructor(
    context: FakeRequestContext,
    private readonly resolver: () => FakeSheet | null,
    nullable = false,
  ) {
    super(context, nullable);
    this.protection = new FakeWorksheetProtection(context, this);
    this.freezePanes = new FakeFreezePanes(context, this);
  }

  protected override child(name: string): FakeObject | undefined {
    return name === "protection" ? this.protection : undefined;
  }

  /** The sheet, or null for a null object; a sheet deleted since it was resolved is ItemNotFound. */
  sheetOrNull(): FakeSheet | null {
    if (this.resolved === undefined) this.resolved = this.resolver();
    if (this.resolved && !this.context.book.sheets.includes(this.resolved)) {
      throw new FakeOfficeError("ItemNotFound", `The worksheet '${this.resolved.name}' no longer exists.`);
    }
    return this.resolved;
  }

  /** The names scoped to this sheet (ExcelApi 1.4). */
  get names(): FakeNamedItemCollection {
    this.context.requireApi("1.4", "Worksheet.names");
    return new FakeNamedItemCollection(this.context, () => this.sheet());
  }

  sheet(): FakeSheet {
    const s = this.sheetOrNull();
    if (!s) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist (a null object was used).");
    return s;
  }

  exists(): boolean {
    return this.sheetOrNull() !== null;
  }

  protected read(name: string): unknown {
    const s = this.sheet();
    switch (name) {
      case "name":
        return s.name;
      case "id":
        return s.id;
      case "position":
        return this.context.book.sheets.indexOf(s);
      case "visibility":
        return s.visibility;
      default:
        return s.tabColor;
    }
  }

  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.write("name", v, () => {
      const s = this.sheet();
      if (!validSheetName(v)) throw new FakeOfficeError("InvalidArgument", `Invalid sheet name: ${v}`);
      const other = this.context.book.sheet(v);
      if (other && other !== s) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${v} already exists.`);
      if (v !== s.name) structureChange(this.context, `rename ${s.name}`);
      this.context.log(`rename ${s.name} → ${v}`);
      if (v !== s.name) this.context.book.rewriteReferences(s.name, v);
      s.name = v;
    });
  }

  get id(): string {
    return this.get("id");
  }

  get position(): number {
    return this.get("position");
  }
  set position(v: number) {
    this.write("position", v, () => {
      const s = this.sheet();
      const list = this.context.book.sheets;
      if (!Number.isInteger(v) || v < 0 || v >= list.length) throw new FakeOfficeError("InvalidArgument", `Invalid position ${v}`);
      if (list.indexOf(s) !== v) structureChange(this.context, `move ${s.name}`);
      list.splice(list.indexOf(s), 1);
      list.splice(v, 0, s);
    });
  }

  get visibility(): Visibility {
    return this.get("visibility");
  }
  set visibility(v: Visibility) {
    this.write("visibility", v, () => {
      const s = this.sheet();
      const visible = this.context.book.sheets.filter((x) => x.visibility === "Visible" && x !== s);
      if (v !== "Visible" && visible.length === 0) throw new FakeOfficeError("InvalidOperation", "A workbook must keep one visible sheet.");
      if (v !== s.visibility) structureChange(this.context, `hide or show ${s.name}`);
      s.visibility = v;
    });
  }

  get tabColor(): string {
    return this.get("tabColor");
  }
  set tabColor(v: string) {
    this.context.requireApi("1.7", "Worksheet.tabColor");
    this.write("tabColor", v, () => {
      this.sheet().tabColor = v;
    });
  }

  get tables(): FakeTableCollection {
    return (this.tablesProxy ??= new FakeTableCollection(this.context, this));
  }

  get charts(): FakeChartCollection {
    return (this.chartsProxy ??= new FakeChartCollection(this.context, this));
  }

  get pageLayout(): FakePageLayout {
    this.context.requireApi("1.9", "Worksheet.pageLayout");
    return (this.layoutProxy ??= new FakePageLayout(this.context, this));
  }

  /** The sheet for a write: AccessDenied when protected. */
  writableSheet(): FakeSheet {
    const s = this.sheet();
    if (s.protected) throw new FakeOfficeError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet: ${s.name}.`);
    return s;
  }

  activate(): void {
    this.context.enqueue(() => {
      const s = this.sheet();
      if (s.visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", `Cannot activate the hidden sheet ${s.name}.`);
      this.context.book.active = s;
    });
  }

  delete(): void {
    this.context.enqueue(() => {
      const s = this.sheet();
      const book = this.context.book;
      structureChange(this.context, `delete ${s.name}`);
      // Excel's reference: deleting a very hidden sheet fails; make it hidden or visible first.
      if (s.visibility === "VeryHidden") throw new FakeOfficeError("InvalidOperation", `The worksheet ${s.name} is very hidden and cannot be deleted.`);
      if (s.visibility === "Visible" && !book.sheets.some((x) => x !== s && x.visibility === "Visible")) {
        throw new FakeOfficeError("InvalidOperation", "A workbook must keep one visible sheet.");
      }
      const order = book.sheets.map((x) => x.name);
      book.sheets.splice(book.sheets.indexOf(s), 1);
      book.rewriteReferences(s.name, null, order);
      if (book.active === s) book.active = book.sheets.find((x) => x.visibility === "Visible");
      this.context.log(`delete ${s.name}`);
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.sheet();
      return { sheet, box: address ? parseBox(address) : { top: 0, left: 0, bottom: SHEET_ROWS - 1, right: SHEET_COLS - 1 } };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    this.context.requireApi("1.7", "Worksheet.getRangeByIndexes");
    return new FakeRange(this.context, () => {
      const sheet = this.sheet();
      const box = { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 };
      if (rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0 || box.bottom >= SHEET_ROWS || box.right >= SHEET_COLS) {
        throw new FakeOfficeError("InvalidArgument", `getRangeByIndexes(${startRow}, ${startColumn}, ${rowCount}, ${columnCount})`);
      }
      return { sheet, box };
    });
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, () => ({ sheet: this.sheet(), box: { top: row, left: column, bottom: row, right: column } }));
  }

  /** A blank sheet gives A1, never an error. */
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.sheet();
      return { sheet, box: sheet.usedBox(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    this.context.requireApi("1.4", "Worksheet.getUsedRangeOrNullObject");
    return new FakeRange(
      this.context,
      () => {
        const sheet = this.sheet();
        const box = sheet.usedBox(valuesOnly);
        return box ? { sheet, box } : null;
      },
      true,
    );
  }
}

/** The options `protect` takes (ExcelApi 1.2; selectionMode 1.7); anything else is refused. */
const PROTECTION_OPTIONS = [
  "allowAutoFilter",
  "allowDeleteColumns",
  "allowDeleteRows",
  "allowEditObjects",
  "allowEditScenarios",
  "allowFormatCells",
  "allowFormatColumns",
  "allowFormatRows",
  "allowInsertColumns",
  "allowInsertHyperlinks",
  "allowInsertRows",
  "allowPivotTables",
  "allowSort",
] as const;

/**
 * Worksheet.protection: `protected` and `options` after load and sync; `protect(options?, password?)` fails on a
 * sheet already protected (Excel: "Fails if the worksheet has already been protected"); `unprotect(password?)` needs
 * the password the sheet was protected with. A protected sheet refuses every later change (see writableSheet).
 */
class FakeWorksheetProtection extends FakeObject {
  protected readonly typeName = "WorksheetProtection";
  protected readonly scalars = ["protected", "options"] as const;

  constructor(
    context: FakeRequestContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(context);
  }

  exists(): boolean {
    return this.ws.exists();
  }

  protected read(name: string): unknown {
    const s = this.ws.sheet();
    if (name === "protected") return s.protected;
    const options = Object.fromEntries([...PROTECTION_OPTIONS.map((k) => [k, s.protectionOptions?.[k] === true]), ["selectionMode", s.protectionOptions?.selectionMode ?? "Normal"]]);
    return this.context.host.optionsWithNulls ? { ...options, allowEditObjects: null, allowEditScenarios: null, selectionMode: null } : options;
  }

  get protected(): boolean {
    return this.get("protected");
  }

  get options(): ProtectionOptions {
    return this.get("options");
  }

  protect(options?: Record<string, unknown>, password?: string): void {
    if (password !== undefined) this.context.requireApi("1.7", "WorksheetProtection.protect(password)");
    this.forget("protected");
    this.forget("options");
    this.context.enqueue(() => {
      const s = this.ws.sheet();
      if (s.protected) throw new FakeOfficeError("InvalidOperation", `The worksheet ${s.name} is already protected.`);
      const keys = Object.keys(options ?? {});
      const unknown = keys.find((k) => k !== "selectionMode" && !(PROTECTION_OPTIONS as readonly string[]).includes(k));
      if (unknown) throw new FakeOfficeError("InvalidArgument", `Unknown protection option: ${unknown}`);
      if (keys.some((k) => options?.[k] === null)) throw new FakeOfficeError("GeneralException", "There was an internal error while processing the request.");
      if (options?.selectionMode !== undefined && !["Normal", "Unlocked", "None"].includes(String(options.selectionMode))) {
        throw new FakeOfficeError("InvalidArgument", `Unknown selectionMode: ${String(options.selectionMode)}`);
      }
      s.protected = true;
      s.protectionOptions = { ...(options as ProtectionOptions | undefined) };
      s.protectionPassword = password;
      this.context.log(`protect ${s.name}`);
    }, jsonLength(options));
  }

  unprotect(password?: string): void {
    this.forget("protected");
    this.forget("options");
    this.context.enqueue(() => {
      const s = this.ws.sheet();
      if (s.protected && (s.protectionPassword ?? "") !== (password ?? "")) throw new FakeOfficeError(this.context.host.badPasswordAs, "The password you supplied is incorrect.");
      s.protected = false;
      s.protectionOptions = undefined;
      s.protectionPassword = undefined;
    });
  }
}

class FakeFreezePanes {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly ws: FakeWorksheet,
  ) {}

  private apply(freeze: () => { rows: number; cols: number } | null): void {
    this.context.requireApi("1.7", "WorksheetFreezePanes");
    this.context.enqueue(() => {
      this.ws.sheet().freeze = freeze();
    });
  }

  freezeRows(count = 1): void {
    this.apply(() => ({ rows: count, cols: 0 }));
  }

  freezeColumns(count = 1): void {
    this.apply(() => ({ rows: 0, cols: count }));
  }

  /** The range is the top-left pane that stays in view. */
  freezeAt(frozen: FakeRange | string): void {
    this.apply(() => {
      const box = typeof frozen === "string" ? parseBox(frozen) : frozen.required().box;
      return { rows: box.bottom + 1, cols: box.right + 1 };
    });
  }

  unfreeze(): void {
    this.apply(() => null);
  }
}

interface RangeTarget {
  readonly sheet: FakeSheet;
  readonly box: Box;
}

/** Reading more cells than this in one load is refused the way Excel refuses an oversized response. */
const MAX_READ_CELLS = 2_000_000;

export class FakeRange extends FakeObject {
  protected readonly typeName = "Range";
  protected readonly scalars = [
    "address",
    "rowIndex",
    "columnIndex",
    "rowCount",
    "columnCount",
    "cellCount",
    "values",
    "valueTypes",
    "numberFormat",
    "formulas",
    "text",
  ] as const;
  private resolved: RangeTarget | null | undefined;
  private formatProxy: FakeRangeFormat | undefined;
  private validationProxy: FakeDataValidation | undefined;
  private conditionalProxy: FakeConditionalFormatCollection | undefined;

  constructor(
    context: FakeRequestContext,
    private readonly resolver: () => RangeTarget | null,
    nullable = false,
  ) {
    super(context, nullable);
  }

  /** Runs inside sync: the cells, fixed once resolved (Excel tracks ranges across syncs). */
  targetOrNull(): RangeTarget | null {
    if (this.resolved === undefined) this.resolved = this.resolver();
    if (this.resolved && !this.context.book.sheets.includes(this.resolved.sheet)) {
      throw new FakeOfficeError("ItemNotFound", `The worksheet '${this.resolved.sheet.name}' no longer exists.`);
    }
    return this.resolved;
  }

  required(): RangeTarget {
    const t = this.targetOrNull();
    if (!t) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist (a null range was used).");
    return t;
  }

  exists(): boolean {
    return this.targetOrNull() !== null;
  }

  /** The target for a write: AccessDenied on a protected sheet. */
  writable(): RangeTarget {
    const t = this.required();
    if (t.sheet.protected) throw new FakeOfficeError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet: ${t.sheet.name}.`);
    return t;
  }

  /** The target for values or formulas: on a protected sheet only cells all unlocked, where a user could type. */
  private typable(): RangeTarget {
    const t = this.required();
    if (!t.sheet.protected) return t;
    for (let r = t.box.top; r <= t.box.bottom; r++) for (let c = t.box.left; c <= t.box.right; c++) if (t.sheet.locked(r, c)) return this.writable();
    return t;
  }

  private derive(f: (t: RangeTarget) => Box | null, nullable = false): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this.required();
        const box = f(t);
        if (box && (box.top < 0 || box.left < 0 || box.bottom >= SHEET_ROWS || box.right >= SHEET_COLS || box.top > box.bottom || box.left > box.right)) {
          throw new FakeOfficeError("InvalidArgument", "The range is outside the worksheet.");
        }
        return box ? { sheet: t.sheet, box } : null;
      },
      nullable,
    );
  }

  private matrix<T>(f: (cell: FakeCell | undefined, r: number, c: number) => T): T[][] {
    const { sheet, box } = this.required();
    if (cellsIn(box) > MAX_READ_CELLS) {
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `Reading ${cellsIn(box)} cells of ${boxToA1(box)} exceeds the response limit.`);
    }
    const out: T[][] = [];
    for (let r = box.top; r <= box.bottom; r++) {
      const row: T[] = [];
      for (let c = box.left; c <= box.right; c++) row.push(f(sheet.get(r, c), r, c));
      out.push(row);
    }
    return out;
  }

  protected read(name: string): unknown {
    const { sheet, box } = this.required();
    switch (name) {
      case "address":
        return `${quoteName(sheet.name)}!${boxToA1(box)}`;
      case "rowIndex":
        return box.top;
      case "columnIndex":
        return box.left;
      case "rowCount":
        return box.bottom - box.top + 1;
      case "columnCount":
        return box.right - box.left + 1;
      case "cellCount":
        return cellsIn(box);
      case "values":
        return this.matrix((c) => this.context.book.shown(c).value);
      case "valueTypes":
        return this.matrix((c) => this.context.book.shown(c).type);
      case "numberFormat":
        return this.matrix((c) => c?.numberFormat ?? "General");
      case "formulas":
        return this.matrix((c) => c?.formula ?? c?.value ?? "");
      default:
        // Excel for Windows cannot show text over 255 characters in a cell formatted "@".
        return this.matrix((c) => (c?.numberFormat === "@" && typeof c.value === "string" && c.value.length > 255 ? "########" : String(c?.value ?? "")));
    }
  }

  get address(): string {
    return this.get("address");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get cellCount(): number {
    return this.get("cellCount");
  }
  get valueTypes(): ValueType[][] {
    return this.get("valueTypes");
  }
  get text(): string[][] {
    return this.get("text");
  }

  /** Each cell of the range, for a 2D input of exactly the range's shape. */
  private eachInput(name: string, input: unknown[][], f: (cell: FakeCell, v: unknown) => void): void {
    const { sheet, box } = name === "values" || name === "formulas" ? this.typable() : this.writable();
    const rows = box.bottom - box.top + 1;
    const cols = box.right - box.left + 1;
    if (!Array.isArray(input) || input.length !== rows || input.some((r) => !Array.isArray(r) || r.length !== cols)) {
      throw new FakeOfficeError(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${name} of ${boxToA1(box)}).`,
      );
    }
    // Excel holds at most 32,767 characters in a cell and refuses a longer value.
    if ((name === "values" || name === "formulas") && input.some((r) => r.some((v) => typeof v === "string" && v.length > 32767))) {
      throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format (${name} of ${boxToA1(box)}: a text longer than 32,767 characters).`);
    }
    this.context.log(`${name} ${quoteName(sheet.name)}!${boxToA1(box)}`);
    input.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null || v === undefined) return;
        const cell = sheet.ensure(box.top + i, box.left + j);
        if (name === "values" || name === "formulas") sheet.blockSpill(cell);
        f(cell, v);
      }),
    );
    this.context.host.emitChange(sheet, boxToA1(box), "addin");
  }

  get values(): unknown[][] {
    return this.get("values");
  }
  set values(v: unknown[][]) {
    this.write("values", v, () => this.eachInput("values", v, storeInput));
  }

  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  set formulas(v: unknown[][]) {
    this.write("formulas", v, () => this.eachInput("formulas", v, storeInput));
  }

  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: string[][]) {
    this.write("numberFormat", v, () =>
      this.eachInput("numberFormat", v, (cell, f) => {
        cell.numberFormat = String(f) === "" ? "General" : String(f);
      }),
    );
  }

  set hyperlink(link: { documentReference?: string; address?: string; textToDisplay?: string }) {
    this.context.requireApi("1.7", "Range.hyperlink");
    this.write("hyperlink", link, () => {
      const { sheet, box } = this.writable();
      for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) sheet.ensure(r, c).hyperlink = { ...link };
      if (link.textToDisplay !== undefined) storeInput(sheet.ensure(box.top, box.left), link.textToDisplay);
    });
  }

  get format(): FakeRangeFormat {
    return (this.formatProxy ??= new FakeRangeFormat(this.context, this));
  }

  get dataValidation(): FakeDataValidation {
    this.context.requireApi("1.8", "Range.dataValidation");
    return (this.validationProxy ??= new FakeDataValidation(this.context, this));
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    this.context.requireApi("1.6", "Range.conditionalFormats");
    return (this.conditionalProxy ??= new FakeConditionalFormatCollection(this.context, this));
  }

  getCell(row: number, column: number): FakeRange {
    return this.derive(({ box }) => ({ top: box.top + row, left: box.left + column, bottom: box.top + row, right: box.left + column }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derive(({ box }) => ({
      top: box.top + rowOffset,
      left: box.left + columnOffset,
      bottom: box.bottom + rowOffset,
      right: box.right + columnOffset,
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derive(({ box }) => ({ ...box, bottom: box.bottom + deltaRows, right: box.right + deltaColumns }));
  }

  getLastRow(): FakeRange {
    return this.derive(({ box }) => ({ ...box, top: box.bottom }));
  }

  getEntireRow(): FakeRange {
    return this.derive(({ box }) => ({ ...box, left: 0, right: SHEET_COLS - 1 }));
  }

  getEntireColumn(): FakeRange {
    return this.derive(({ box }) => ({ ...box, top: 0, bottom: SHEET_ROWS - 1 }));
  }

  /** The worksheet's used range within this range; none is ItemNotFound. */
  getUsedRange(valuesOnly = false): FakeRange {
    return this.derive(({ sheet, box }) => {
      const used = sheet.usedBox(valuesOnly);
      const cut = used && intersect(used, box);
      if (!cut) throw new FakeOfficeError("ItemNotFound", "There are no used cells in the range.");
      return cut;
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    this.context.requireApi("1.4", "Range.getUsedRangeOrNullObject");
    return this.derive(({ sheet, box }) => {
      const used = sheet.usedBox(valuesOnly);
      return used && intersect(used, box);
    }, true);
  }

  /** The anchor of the dynamic array that spills into this one cell; a null object for any other cell or range (ExcelApi 1.12). */
  getSpillParentOrNullObject(): FakeRange {
    this.context.requireApi("1.12", "Range.getSpillParentOrNullObject");
    return this.derive(({ sheet, box }) => {
      const parent = box.top === box.bottom && box.left === box.right ? sheet.get(box.top, box.left)?.spillParent : undefined;
      return parent ? parseBox(parent) : null;
    }, true);
  }

  /** Merged areas whose top-left cell is in this range (as Excel answers, office-js#3611). */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.context.requireApi("1.13", "Range.getMergedAreasOrNullObject");
    return new FakeRangeAreas(this.context, () => {
      const { sheet, box } = this.required();
      const areas = sheet.merges.filter((m) => inside(box, m.top, m.left));
      // "If the merged areas count in this range is more than 512, then this method will fail to return the result."
      if (areas.length > 512) {
        if (this.context.host.mergeLimitAs === "null") return null;
        throw new FakeOfficeError("GeneralException", `There are ${areas.length} merged areas in ${boxToA1(box)}, more than 512.`);
      }
      return areas.length ? { sheet, boxes: areas } : null;
    });
  }

  merge(across = false): void {
    this.context.enqueue(() => {
      const { sheet, box } = this.writable();
      const areas = across ? Array.from({ length: box.bottom - box.top + 1 }, (_, i) => ({ ...box, top: box.top + i, bottom: box.top + i })) : [box];
      for (const a of areas) {
        if (cellsIn(a) < 2) continue;
        sheet.merges = sheet.merges.filter((m) => !overlaps(m, a));
        sheet.merges.push(a);
        for (let r = a.top; r <= a.bottom; r++) {
          for (let c = a.left; c <= a.right; c++) if (r !== a.top || c !== a.left) storeInput(sheet.ensure(r, c), "");
        }
      }
      this.context.log(`merge ${quoteName(sheet.name)}!${boxToA1(box)}`);
    });
  }

  unmerge(): void {
    this.context.enqueue(() => {
      const { sheet, box } = this.writable();
      sheet.merges = sheet.merges.filter((m) => !overlaps(m, box));
    });
  }

  clear(applyTo: "All" | "Formats" | "Contents" | "Hyperlinks" = "All"): void {
    this.context.enqueue(() => {
      const { sheet, box } = this.writable();
      for (const [k, cell] of sheet.cells) {
        if (!inside(box, Math.floor(k / SHEET_COLS), k % SHEET_COLS)) continue;
        if (applyTo === "All") sheet.cells.delete(k);
        else if (applyTo === "Contents") Object.assign(cell, { value: "", type: "Empty", formula: undefined });
        else if (applyTo === "Formats") Object.assign(cell, { numberFormat: "General", format: undefined });
        else cell.hyperlink = undefined;
      }
      if (applyTo === "All" || applyTo === "Formats") sheet.merges = sheet.merges.filter((m) => !overlaps(m, box));
      this.context.log(`clear ${applyTo} ${quoteName(sheet.name)}!${boxToA1(box)}`);
      this.context.host.emitChange(sheet, boxToA1(box), "addin");
    });
  }

  select(): void {
    this.context.enqueue(() => {
      const { sheet, box } = this.required();
      if (this.context.book.active !== sheet) throw new FakeOfficeError("InvalidSelection", `Cannot select on ${sheet.name}: it is not the active sheet.`);
      this.context.book.selection = { sheet: sheet.name, address: boxToA1(box) };
    });
  }
}

export class FakeRangeAreas extends FakeObject {
  protected readonly typeName = "RangeAreas";
  protected readonly scalars = ["address", "areaCount", "cellCount"] as const;
  private resolved: { sheet: FakeSheet; boxes: Box[] } | null | undefined;
  readonly areas: FakeRangeCollection;

  constructor(
    context: FakeRequestContext,
    private readonly resolver: () => { sheet: FakeSheet; boxes: Box[] } | null,
  ) {
    super(context, true);
    this.areas = new FakeRangeCollection(context, () => {
      const t = this.targetOrNull();
      if (!t) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist (a null object was used).");
      return t.boxes.map((box) => ({ sheet: t.sheet, box }));
    });
  }

  private targetOrNull(): { sheet: FakeSheet; boxes: Box[] } | null {
    if (this.resolved === undefined) this.resolved = this.resolver();
    return this.resolved;
  }

  exists(): boolean {
    return this.targetOrNull() !== null;
  }

  protected override child(name: string): FakeObject | undefined {
    return name === "areas" ? this.areas : undefined;
  }

  protected read(name: string): unknown {
    const t = this.targetOrNull()!;
    if (name === "areaCount") return t.boxes.length;
    if (name === "cellCount") return t.boxes.reduce((n, b) => n + cellsIn(b), 0);
    // As Excel answers for merged areas (office-js#1590): the top-left cell of each area, not the area. Each area's
    // full address comes through `areas.items`.
    return t.boxes.map((b) => `${quoteName(t.sheet.name)}!${columnName(b.left)}${b.top + 1}`).join(", ");
  }

  get address(): string {
    return this.get("address");
  }
  get areaCount(): number {
    return this.get("areaCount");
  }
}

export class FakeRangeCollection extends FakeObject {
  protected readonly typeName = "RangeCollection";
  protected readonly scalars: readonly string[] = [];
  private loadedItems: FakeRange[] | undefined;

  constructor(
    context: FakeRequestContext,
    private readonly list: () => RangeTarget[],
  ) {
    super(context);
  }

  exists(): boolean {
    return true;
  }

  protected read(name: string): unknown {
    throw new Error(`fake: RangeCollection.${name}`);
  }

  override forget(path: string): void {
    if (!path.startsWith("items/")) throw new Error(`fake: RangeCollection loads items only: ${path}`);
    this.loadedItems = undefined;
  }

  override capture(path: string): Pending | undefined {
    const sub = path.slice(6);
    const items = this.list().map((t) => new FakeRange(this.context, () => t));
    const parts = items.map((i) => i.capture(sub)!);
    return {
      bytes: parts.reduce((n, p) => n + p.bytes, 2),
      commit: () => {
        parts.forEach((p) => p.commit());
        this.loadedItems = items;
      },
    };
  }

  get items(): FakeRange[] {
    if (!this.loadedItems) throw notLoaded(this.typeName, "items");
    return this.loadedItems;
  }
}

/** Formats apply cell by cell; column widths and row heights to whole columns and rows. */
function eachCell(range: FakeRange, f: (cell: FakeCell, r: number, c: number, box: Box) => void): void {
  const { sheet, box } = range.writable();
  if (cellsIn(box) > 1_000_000) throw new Error(`fake: formatting ${cellsIn(box)} cells is not modelled`);
  for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) f(sheet.ensure(r, c), r, c, box);
}

export class FakeRangeFormat {
  readonly font: FakeRangeFont;
  readonly fill: FakeRangeFill;
  readonly borders: FakeRangeBorderCollection;
  readonly protection: FakeFormatProtection;

  constructor(
    private readonly context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    this.font = new FakeRangeFont(context, range);
    this.fill = new FakeRangeFill(context, range);
    this.borders = new FakeRangeBorderCollection(context, range);
    this.protection = new FakeFormatProtection(context, range);
  }

  private style(f: (format: CellFormat) => void): void {
    this.context.enqueue(() => eachCell(this.range, (cell) => f((cell.format ??= {}))));
  }

  set columnWidth(points: number) {
    this.context.enqueue(() => {
      const { sheet, box } = this.range.writable();
      for (let c = box.left; c <= box.right; c++) sheet.columnWidths.set(c, points);
    });
  }

  set rowHeight(points: number) {
    this.context.enqueue(() => {
      const { sheet, box } = this.range.writable();
      for (let r = box.top; r <= box.bottom; r++) sheet.rowHeights.set(r, points);
    });
  }

  /** Only `true` is meaningful (Excel's note): the columns go back to the sheet's standard width. ExcelApi 1.2. */
  set useStandardWidth(v: boolean) {
    this.context.enqueue(() => {
      const { sheet, box } = this.range.writable();
      if (v !== true) throw new FakeOfficeError("InvalidArgument", "useStandardWidth is meant to be set to true only.");
      for (const c of [...sheet.columnWidths.keys()]) if (c >= box.left && c <= box.right) sheet.columnWidths.delete(c);
    });
  }

  /** Only `true` is meaningful: the rows go back to the standard height. ExcelApi 1.2. */
  set useStandardHeight(v: boolean) {
    this.context.enqueue(() => {
      const { sheet, box } = this.range.writable();
      if (v !== true) throw new FakeOfficeError("InvalidArgument", "useStandardHeight is meant to be set to true only.");
      for (const r of [...sheet.rowHeights.keys()]) if (r >= box.top && r <= box.bottom) sheet.rowHeights.delete(r);
    });
  }

  set wrapText(v: boolean) {
    this.style((f) => (f.wrap = v));
  }

  set horizontalAlignment(v: string) {
    this.style((f) => (f.hAlign = v));
  }

  set verticalAlignment(v: string) {
    this.style((f) => (f.vAlign = v));
  }
}

/** The boxes of `from` outside `cut` (at most four). */
function subtract(from: Box, cut: Box): Box[] {
  const x = intersect(from, cut);
  if (!x) return [from];
  const out: Box[] = [];
  if (from.top < x.top) out.push({ ...from, bottom: x.top - 1 });
  if (x.bottom < from.bottom) out.push({ ...from, top: x.bottom + 1 });
  if (from.left < x.left) out.push({ top: x.top, bottom: x.bottom, left: from.left, right: x.left - 1 });
  if (x.right < from.right) out.push({ top: x.top, bottom: x.bottom, left: x.right + 1, right: from.right });
  return out;
}

/**
 * Range.format.protection (ExcelApi 1.2): `locked` reads true or false for a range all one way, null for a mixed
 * one. Cells are locked unless unlocked (Excel's default); a change on a protected sheet is AccessDenied.
 */
class FakeFormatProtection extends FakeObject {
  protected readonly typeName = "FormatProtection";
  protected readonly scalars = ["locked"] as const;

  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(context);
  }

  exists(): boolean {
    return this.range.exists();
  }

  protected read(): unknown {
    const { sheet, box } = this.range.required();
    const open = sheet.unlocked.reduce((n, b) => n + (intersect(b, box) ? cellsIn(intersect(b, box)!) : 0), 0);
    return open === 0 ? true : open === cellsIn(box) ? false : null;
  }

  get locked(): boolean | null {
    return this.get("locked");
  }
  set locked(v: boolean) {
    this.write("locked", v, () => {
      const { sheet, box } = this.range.writable();
      if (typeof v !== "boolean") throw new FakeOfficeError("InvalidArgument", "locked takes a boolean.");
      sheet.unlocked = sheet.unlocked.flatMap((b) => subtract(b, box));
      if (!v) sheet.unlocked.push(box);
    });
  }
}

class FakeRangeFont {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {}

  private style(f: (format: CellFormat) => void): void {
    this.context.enqueue(() => eachCell(this.range, (cell) => f((cell.format ??= {}))));
  }

  set bold(v: boolean) {
    this.style((f) => (f.bold = v));
  }

  set color(v: string) {
    this.style((f) => (f.fontColor = v));
  }

  set size(v: number) {
    this.style((f) => (f.fontSize = v));
  }
}

class FakeRangeFill {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {}

  set color(v: string) {
    this.context.enqueue(() => eachCell(this.range, (cell) => ((cell.format ??= {}).fill = v)));
  }
}

type Edge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";

class FakeRangeBorderCollection {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {}

  getItem(index: Edge): FakeRangeBorder {
    return new FakeRangeBorder(this.context, this.range, index);
  }
}

class FakeRangeBorder {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly range: FakeRange,
    private readonly edge: Edge,
  ) {}

  /** The sides of each cell this edge draws. */
  private apply(f: (b: BorderFormat) => void): void {
    this.context.enqueue(() =>
      eachCell(this.range, (cell, r, c, box) => {
        const sides: ("top" | "bottom" | "left" | "right")[] = [];
        if (this.edge === "EdgeTop" && r === box.top) sides.push("top");
        if (this.edge === "EdgeBottom" && r === box.bottom) sides.push("bottom");
        if (this.edge === "EdgeLeft" && c === box.left) sides.push("left");
        if (this.edge === "EdgeRight" && c === box.right) sides.push("right");
        if (this.edge === "InsideHorizontal") {
          if (r > box.top) sides.push("top");
          if (r < box.bottom) sides.push("bottom");
        }
        if (this.edge === "InsideVertical") {
          if (c > box.left) sides.push("left");
          if (c < box.right) sides.push("right");
        }
        if (!sides.length) return;
        const borders = ((cell.format ??= {}).borders ??= {});
        for (const s of sides) f((borders[s] ??= {}));
      }),
    );
  }

  set style(v: string) {
    this.apply((b) => (b.style = v));
  }

  set weight(v: string) {
    this.apply((b) => (b.weight = v));
  }

  set color(v: string) {
    this.apply((b) => (b.color = v));
  }
}

const RULE_TYPES: Record<string, string> = {
  list: "List",
  custom: "Custom",
  wholeNumber: "WholeNumber",
  decimal: "Decimal",
  date: "Date",
  time: "Time",
  textLength: "TextLength",
};

/** Excel's limits on the texts of a validation: titles 32 characters, an input message 255, an error message 225. */
function checkTexts(what: string, v: { title?: unknown; message?: unknown } | null | undefined, messageMax: number): void {
  const bad = (why: string) => new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format (${what}: ${why}).`);
  if (typeof v !== "object" || v === null) throw bad("not an object");
  if (v.title !== undefined && (typeof v.title !== "string" || v.title.length > 32)) throw bad("title over 32 characters");
  if (v.message !== undefined && (typeof v.message !== "string" || v.message.length > messageMax)) throw bad(`message over ${messageMax} characters`);
}

/**
 * Range.dataValidation (ExcelApi 1.8). A rule takes exactly one kind (`list`, `custom`, …); a list's source is at
 * most 255 characters. An input message (`prompt`) alone makes an "any value" validation (type None), as Excel's UI
 * does. The error alert style is Stop, Warning or Information. Properties read back after load and sync; a range
 * without a validation reads as type None, one covering several validations as Inconsistent.
 */
class FakeDataValidation extends FakeObject {
  protected readonly typeName = "DataValidation";
  protected readonly scalars = ["rule", "errorAlert", "prompt", "ignoreBlanks", "type"] as const;

  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(context);
  }

  exists(): boolean {
    return this.range.exists();
  }

  protected read(name: string): unknown {
    const { sheet, box } = this.range.required();
    const found = sheet.validations.filter((x) => overlaps(x.box, box));
    const one = found.length === 1 && intersect(found[0].box, box) && cellsIn(intersect(found[0].box, box)!) === cellsIn(box) ? found[0] : undefined;
    if (found.length > 0 && !one) return name === "type" ? "Inconsistent" : null;
    switch (name) {
      case "type": {
        const key = one?.rule ? Object.keys(one.rule as object)[0] : undefined;
        return key ? RULE_TYPES[key] : "None";
      }
      case "rule":
        return one?.rule ?? {};
      case "errorAlert":
        return one?.errorAlert ?? { showAlert: true, style: "Stop", title: "", message: "" };
      case "prompt":
        return one?.prompt ?? { showPrompt: false, title: "", message: "" };
      default:
        return one?.ignoreBlanks ?? true;
    }
  }

  private record(name: string, value: unknown, f: (v: ValidationRecord) => void): void {
    this.write(name, value, () => {
      const { sheet, box } = this.range.writable();
      const found = sheet.validations.find((x) => boxToA1(x.box) === boxToA1(box));
      if (!found && sheet.validations.some((x) => overlaps(x.box, box))) throw new FakeOfficeError("InvalidOperation", "The range already has a different data validation.");
      // A refused value leaves no validation behind.
      const v = found ?? { box };
      f(v);
      if (!found) sheet.validations.push(v);
    });
  }

  get rule(): unknown {
    return this.get("rule");
  }
  set rule(r: unknown) {
    this.record("rule", r, (v) => {
      const keys = typeof r === "object" && r !== null ? Object.keys(r) : [];
      const bad = (why: string) => new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format (DataValidation.rule: ${why}).`);
      if (keys.length !== 1 || !RULE_TYPES[keys[0]]) throw bad("one of list, custom, wholeNumber, decimal, date, time, textLength");
      const list = (r as { list?: { source?: unknown; inCellDropDown?: unknown } }).list;
      if (list) {
        if (typeof list.source === "string" && (list.source.length === 0 || list.source.length > 255)) throw bad("a list source of 1 to 255 characters");
        if (typeof list.source !== "string" && !(list.source instanceof FakeRange)) throw bad("a list source");
        if (list.inCellDropDown !== undefined && typeof list.inCellDropDown !== "boolean") throw bad("inCellDropDown");
      }
      v.rule = r;
    });
  }

  get errorAlert(): unknown {
    return this.get("errorAlert");
  }
  set errorAlert(e: unknown) {
    this.record("errorAlert", e, (v) => {
      checkTexts("DataValidation.errorAlert", e as { title?: unknown }, 225);
      const style = (e as { style?: unknown }).style;
      if (style !== undefined && !["Stop", "Warning", "Information"].includes(style as string)) {
        throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format (DataValidation.errorAlert.style: ${String(style)}).`);
      }
      v.errorAlert = e;
    });
  }

  get prompt(): unknown {
    return this.get("prompt");
  }
  set prompt(p: unknown) {
    this.record("prompt", p, (v) => {
      checkTexts("DataValidation.prompt", p as { title?: unknown }, 255);
      v.prompt = p;
    });
  }

  get ignoreBlanks(): boolean {
    return this.get("ignoreBlanks");
  }
  set ignoreBlanks(b: boolean) {
    this.record("ignoreBlanks", b, (v) => (v.ignoreBlanks = b));
  }

  get type(): string {
    return this.get("type");
  }

  /** Clears the range's cells only: a validation reaching beyond them keeps its other cells (as boxes around). */
  clear(): void {
    this.context.enqueue(() => {
      const { sheet, box } = this.range.writable();
      sheet.validations = sheet.validations.flatMap((x) => (overlaps(x.box, box) ? subtract(x.box, box).map((b) => ({ ...x, box: b })) : [x]));
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Collections, tables, defined names, charts, page layout

/** Loads `items/<scalar>` of a collection whose items are made at sync time (as WorksheetCollection does). */
abstract class FakeItemCollection<T extends FakeObject> extends FakeObject {
  protected readonly scalars: readonly string[] = [];
  private loadedItems: T[] | undefined;

  exists(): boolean {
    return true;
  }

  protected read(name: string): unknown {
    throw new Error(`fake: ${this.typeName}.${name}`);
  }

  /** The items as they are when the queue reaches the load. */
  protected abstract list(): T[];

  get items(): T[] {
    if (!this.loadedItems) throw notLoaded(this.typeName, "items");
    return this.loadedItems;
  }

  /**
   * `items/…` paths, or the typed form: the properties of each item as a tree of `true`s (`{ name: true, font: { size:
   * true } }`) with `$top`, the most items to deliver, and `$skip`.
   */
  override load(arg?: string | string[] | { select?: string } | CollectionLoadTree): this {
    const typed = arg !== undefined && typeof arg === "object" && !Array.isArray(arg) && !("select" in arg);
    const paths = typed ? treePaths(arg as CollectionLoadTree, "items/") : loadPaths(arg as string | string[] | { select?: string } | undefined);
    const { $top: top = Infinity, $skip: skip = 0 } = typed ? (arg as CollectionLoadTree) : {};
    const sub = paths.map((p) => (p.startsWith("items/") ? p.slice(6) : undefined));
    if (sub.length === 0 || sub.some((x) => x === undefined)) throw new Error(`fake: ${this.typeName} loads items/… only: ${paths.join(",")}`);
    this.loadedItems = undefined;
    this.context.enqueue(() => {
      const items = this.list().slice(skip, skip + top);
      const parts = items.flatMap((item) => sub.map((p) => item.capture(p!)).filter((x): x is Pending => !!x));
      return {
        bytes: parts.reduce((n, p) => n + p.bytes, 2),
        commit: () => {
          parts.forEach((p) => p.commit());
          this.loadedItems = items;
        },
      };
    });
    return this;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Conditional formats (ExcelApi 1.6)

const CONDITIONAL_FORMAT_TYPES = new Set(["Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"]);
const PRESET_CRITERIA = new Set(["Blanks", "NonBlanks", "Errors", "NonErrors", "Yesterday", "Today", "Tomorrow", "LastSevenDays", "LastWeek", "ThisWeek", "NextWeek", "LastMonth", "ThisMonth", "NextMonth", "AboveAverage", "BelowAverage", "EqualOrAboveAverage", "EqualOrBelowAverage", "OneStdDevAboveAverage", "OneStdDevBelowAverage", "TwoStdDevAboveAverage", "TwoStdDevBelowAverage", "ThreeStdDevAboveAverage", "ThreeStdDevBelowAverage", "UniqueValues", "DuplicateValues"]);
const COLOR = /^#[0-9A-Fa-f]{6}$/;

let conditionalFormatIds = 0;

/**
 * Range.conditionalFormats: the conditional formats that intersect the range (`items/…` after load and sync), `add`
 * of a type (the record is made at sync), and `clearAll` (those on the range go). On a protected sheet: AccessDenied.
 */
export class FakeConditionalFormatCollection extends FakeItemCollection<FakeConditionalFormat> {
  protected readonly typeName = "ConditionalFormatCollection";

  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(context);
  }

  protected list(): FakeConditionalFormat[] {
    const { sheet, box } = this.range.required();
    return sheet.conditionalFormats.filter((f) => overlaps(f.box, box)).map((f) => new FakeConditionalFormat(this.context, () => ({ sheet, record: f })));
  }

  add(type: string): FakeConditionalFormat {
    if (!CONDITIONAL_FORMAT_TYPES.has(type)) throw new FakeOfficeError("InvalidArgument", `Unknown conditional format type: ${type}`);
    let created: { sheet: FakeSheet; record: ConditionalFormatRecord } | undefined;
    this.context.enqueue(() => {
      const { sheet, box } = this.range.writable();
      const record: ConditionalFormatRecord = { id: `{CF-${++conditionalFormatIds}}`, box, type };
      sheet.conditionalFormats.push(record);
      created = { sheet, record };
      this.context.log(`conditional format add ${type} ${quoteName(sheet.name)}!${boxToA1(box)}`);
    });
    return new FakeConditionalFormat(this.context, () => {
      if (!created) throw new Error("fake: a conditional format used before the add that creates it");
      return created;
    });
  }

  clearAll(): void {
    this.context.enqueue(() => {
      const { sheet, box } = this.range.writable();
      sheet.conditionalFormats = sheet.conditionalFormats.filter((f) => !overlaps(f.box, box));
    });
  }
}

type ConditionalTarget = { sheet: FakeSheet; record: ConditionalFormatRecord };

export class FakeConditionalFormat extends FakeObject {
  protected readonly typeName = "ConditionalFormat";
  protected readonly scalars = ["type", "id"] as const;
  private presetProxy: FakeRuleConditionalFormat | undefined;
  private customProxy: FakeRuleConditionalFormat | undefined;

  constructor(
    context: FakeRequestContext,
    private readonly resolver: () => ConditionalTarget,
  ) {
    super(context);
  }

  /** The format, still on its sheet; `writable` for a change (AccessDenied on a protected sheet). */
  target(writable = false): ConditionalTarget {
    const t = this.resolver();
    if (!this.context.book.sheets.includes(t.sheet) || !t.sheet.conditionalFormats.includes(t.record)) {
      throw new FakeOfficeError("ItemNotFound", "The conditional format no longer exists.");
    }
    if (writable && t.sheet.protected) throw new FakeOfficeError("AccessDenied", `The conditional format is on a protected sheet: ${t.sheet.name}.`);
    return t;
  }

  exists(): boolean {
    return !!this.target();
  }

  protected read(name: string): unknown {
    const { record } = this.target();
    return name === "type" ? record.type : record.id;
  }

  get type(): string {
    return this.get("type");
  }
  get id(): string {
    return this.get("id");
  }

  /** The preset criteria format: using it on a format of another type fails at sync (InvalidArgument). */
  get preset(): FakeRuleConditionalFormat {
    return (this.presetProxy ??= new FakeRuleConditionalFormat(this.context, this, "PresetCriteria"));
  }

  get custom(): FakeRuleConditionalFormat {
    return (this.customProxy ??= new FakeRuleConditionalFormat(this.context, this, "Custom"));
  }

  /** The range the format applies to (one area: the fake keeps one box per format). */
  getRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, record } = this.target();
      return { sheet, box: record.box };
    });
  }

  /** The same; Excel gives a null object for a format on several areas, which the fake does not make. */
  getRangeOrNullObject(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const { sheet, record } = this.target();
        return { sheet, box: record.box };
      },
      true,
    );
  }

  delete(): void {
    this.context.enqueue(() => {
      const { sheet, record } = this.target(true);
      sheet.conditionalFormats.splice(sheet.conditionalFormats.indexOf(record), 1);
      this.context.log(`conditional format delete ${quoteName(sheet.name)}!${boxToA1(record.box)}`);
    });
  }
}

/** The `preset` or `custom` part of a conditional format: its rule and its format's fill. */
export class FakeRuleConditionalFormat extends FakeObject {
  protected readonly typeName: string;
  protected readonly scalars = ["rule"] as const;
  readonly format: { readonly fill: FakeConditionalFill };

  constructor(
    context: FakeRequestContext,
    private readonly parent: FakeConditionalFormat,
    private readonly kind: "PresetCriteria" | "Custom",
  ) {
    super(context);
    this.typeName = kind === "Custom" ? "CustomConditionalFormat" : "PresetCriteriaConditionalFormat";
    this.format = { fill: new FakeConditionalFill(context, this) };
  }

  /** The record, of this kind. */
  record(writable = false): ConditionalFormatRecord {
    const { record } = this.parent.target(writable);
    if (record.type !== this.kind) throw new FakeOfficeError("InvalidArgument", `The conditional format is ${record.type}, not ${this.kind}.`);
    return record;
  }

  exists(): boolean {
    return !!this.record();
  }

  protected read(): unknown {
    return this.record().rule ?? null;
  }

  get rule(): { criterion?: string; formula?: string } {
    return this.get("rule");
  }
  set rule(r: { criterion?: string; formula?: string }) {
    this.write("rule", r, () => {
      const record = this.record(true);
      if (this.kind === "PresetCriteria" && !PRESET_CRITERIA.has(String(r?.criterion))) {
        throw new FakeOfficeError("InvalidArgument", `Unknown preset criterion: ${String(r?.criterion)}`);
      }
      if (this.kind === "Custom" && !(typeof r?.formula === "string" && r.formula.startsWith("="))) {
        throw new FakeOfficeError("InvalidArgument", `A custom rule takes a formula: ${String(r?.formula)}`);
      }
      record.rule = this.kind === "Custom" ? { formula: r.formula } : { criterion: r.criterion };
    });
  }
}

class FakeConditionalFill extends FakeObject {
  protected readonly typeName = "ConditionalRangeFill";
  protected readonly scalars = ["color"] as const;

  constructor(
    context: FakeRequestContext,
    private readonly owner: FakeRuleConditionalFormat,
  ) {
    super(context);
  }

  exists(): boolean {
    return this.owner.exists();
  }

  protected read(): unknown {
    return this.owner.record().fill ?? null;
  }

  get color(): string {
    return this.get("color");
  }
  set color(v: string) {
    this.write("color", v, () => {
      const record = this.owner.record(true);
      if (typeof v !== "string" || !COLOR.test(v)) throw new FakeOfficeError("InvalidArgument", `Invalid color: ${String(v)}`);
      record.fill = v.toUpperCase();
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Tables

const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.]*$/;
const TABLE_STYLE = /^(TableStyle(Light([1-9]|1\d|2[01])|Medium([1-9]|1\d|2[0-8])|Dark([1-9]|1[01])))?$/;

function badTableName(name: string): boolean {
  return !TABLE_NAME.test(name) || name.length > 255 || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]\d*$/.test(name);
}

/** A worksheet's tables (with add), or the workbook's (loading names only). */
export class FakeTableCollection extends FakeItemCollection<FakeTable> {
  protected readonly typeName = "TableCollection";

  constructor(
    context: FakeRequestContext,
    private readonly ws: FakeWorksheet | undefined,
  ) {
    super(context);
  }

  protected list(): FakeTable[] {
    const found = this.ws ? this.ws.sheet().tables.map((table) => ({ sheet: this.ws!.sheet(), table })) : this.context.book.tables();
    return found.map((t) => new FakeTable(this.context, () => t));
  }

  /** `address`: a Range (ExcelApi 1.3), or an address on this sheet. Only `hasHeaders: true` is modelled. */
  add(address: FakeRange | string, hasHeaders: boolean): FakeTable {
    if (typeof address !== "string") this.context.requireApi("1.3", "TableCollection.add(Range)");
    if (!hasHeaders) throw new Error("fake: tables.add without headers (Excel inserts a header row) is not modelled");
    let created: { sheet: FakeSheet; table: FakeTableRecord } | undefined;
    this.context.enqueue(() => {
      const book = this.context.book;
      let target: RangeTarget;
      if (typeof address === "string") {
        const bang = address.lastIndexOf("!");
        const sheetName = bang >= 0 ? address.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'") : undefined;
        const sheet = sheetName ? book.sheet(sheetName) : (this.ws?.sheet() ?? book.active);
        if (!sheet) throw new FakeOfficeError("ItemNotFound", `No sheet for ${address}`);
        target = { sheet, box: parseBox(address.slice(bang + 1)) };
      } else target = address.writable();
      const { sheet, box } = target;
      if (this.ws && this.ws.sheet() !== sheet) throw new FakeOfficeError("InvalidArgument", "The range is not on this worksheet.");
      if (sheet.protected) throw new FakeOfficeError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet: ${sheet.name}.`);
      if (box.bottom === SHEET_ROWS - 1 || box.right === SHEET_COLS - 1) throw new Error("fake: a table over whole rows or columns is not modelled");
      if (sheet.tables.some((t) => overlaps(t.box, box))) throw new FakeOfficeError("InvalidArgument", "A table can't overlap another table.");
      if (sheet.merges.some((m) => overlaps(m, box))) throw new FakeOfficeError("InvalidOperation", "A table can't include merged cells.");
      // The header row becomes unique, non-empty text (Excel renames repeats and names blanks).
      const used = new Set<string>();
      for (let c = box.left; c <= box.right; c++) {
        const cell = sheet.ensure(box.top, c);
        let name = cell.type === "Empty" ? `Column${c - box.left + 1}` : String(cell.value);
        const base = name;
        for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base}${k}`;
        used.add(name.toLowerCase());
        Object.assign(cell, { value: name, type: "String", formula: undefined });
      }
      let n = 1;
      while (book.nameTaken(`Table${n}`)) n++;
      const table: FakeTableRecord = { name: `Table${n}`, box, style: "TableStyleMedium2", showFilterButton: true, showHeaders: true };
      sheet.tables.push(table);
      created = { sheet, table };
      this.context.log(`table add ${quoteName(sheet.name)}!${boxToA1(box)}`);
    });
    return new FakeTable(this.context, () => {
      if (!created) throw new Error("fake: a table used before the add that creates it");
      return created;
    });
  }
}

export class FakeTable extends FakeObject {
  protected readonly typeName = "Table";
  protected readonly scalars = ["name", "style", "showFilterButton", "showHeaders"] as const;

  constructor(
    context: FakeRequestContext,
    private readonly resolver: () => { sheet: FakeSheet; table: FakeTableRecord },
  ) {
    super(context);
  }

  /** The table; one whose sheet was deleted is gone. */
  target(): { sheet: FakeSheet; table: FakeTableRecord } {
    const t = this.resolver();
    if (!this.context.book.sheets.includes(t.sheet) || !t.sheet.tables.includes(t.table)) {
      throw new FakeOfficeError("ItemNotFound", `The table '${t.table.name}' no longer exists.`);
    }
    return t;
  }

  private writable(): FakeTableRecord {
    const { sheet, table } = this.target();
    if (sheet.protected) throw new FakeOfficeError("AccessDenied", `The table is on a protected sheet: ${sheet.name}.`);
    return table;
  }

  exists(): boolean {
    return !!this.target();
  }

  protected read(name: string): unknown {
    const t = this.target().table;
    return t[name as keyof FakeTableRecord];
  }

  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.write("name", v, () => {
      const t = this.writable();
      if (typeof v !== "string" || badTableName(v)) throw new FakeOfficeError("InvalidArgument", `Invalid table name: ${v}`);
      if (this.context.book.nameTaken(v, t)) throw new FakeOfficeError("InvalidArgument", `A table or name called ${v} already exists.`);
      this.context.log(`table name ${t.name} → ${v}`);
      t.name = v;
    });
  }

  get style(): string {
    return this.get("style");
  }
  set style(v: string) {
    this.write("style", v, () => {
      const t = this.writable();
      if (!TABLE_STYLE.test(v)) throw new FakeOfficeError("InvalidArgument", `Unknown table style: ${v}`);
      t.style = v;
    });
  }

  /** Deletes the table and what its range held (convertToRange would keep the cells). */
  delete(): void {
    this.context.enqueue(() => {
      const t = this.writable();
      const { sheet } = this.target();
      sheet.tables.splice(sheet.tables.indexOf(t), 1);
      for (const k of [...sheet.cells.keys()]) if (inside(t.box, Math.floor(k / SHEET_COLS), k % SHEET_COLS)) sheet.cells.delete(k);
      this.context.log(`table delete ${t.name}`);
    });
  }

  get showFilterButton(): boolean {
    return this.get("showFilterButton");
  }
  set showFilterButton(v: boolean) {
    this.context.requireApi("1.3", "Table.showFilterButton");
    this.write("showFilterButton", v, () => {
      if (typeof v !== "boolean") throw new FakeOfficeError("InvalidArgument", "showFilterButton takes a boolean.");
      this.writable().showFilterButton = v;
    });
  }
}

export class FakeStyleCollection extends FakeItemCollection<FakeStyle> {
  protected readonly typeName = "StyleCollection";

  protected list(): FakeStyle[] {
    const book = this.context.book;
    const custom = Array.from({ length: book.customStyles }, (_, i) => ({ name: `標準 ${i + 2}`, builtIn: false, font: { name: "ＭＳ Ｐゴシック", size: 11 } }));
    return [
      ...custom,
      { name: book.normalStyleName, builtIn: true, font: book.normalFont },
      { name: "Comma", builtIn: true, font: book.normalFont },
      { name: "Heading 1", builtIn: true, font: { name: book.normalFont.name, size: 15 } },
    ].map((s) => new FakeStyle(this.context, s));
  }
}

export class FakeStyle extends FakeObject {
  protected readonly typeName = "Style";
  protected readonly scalars = ["name", "builtIn"] as const;
  readonly font: FakeStyleFont;

  constructor(
    context: FakeRequestContext,
    private readonly style: { name: string; builtIn: boolean; font: { name: string; size: number } },
  ) {
    super(context);
    this.font = new FakeStyleFont(context, style.font);
  }

  protected override child(name: string): FakeObject | undefined {
    return name === "font" ? this.font : undefined;
  }

  exists(): boolean {
    return true;
  }

  protected read(name: string): unknown {
    return name === "name" ? this.style.name : this.style.builtIn;
  }

  get name(): string {
    return this.get("name");
  }
  get builtIn(): boolean {
    return this.get("builtIn");
  }
}

class FakeStyleFont extends FakeObject {
  protected readonly typeName = "RangeFont";
  protected readonly scalars = ["name", "size"] as const;

  constructor(
    context: FakeRequestContext,
    private readonly font: { name: string; size: number },
  ) {
    super(context);
  }

  exists(): boolean {
    return true;
  }

  protected read(name: string): unknown {
    return name === "name" ? this.font.name : this.font.size;
  }

  get name(): string {
    return this.get("name");
  }
  get size(): number {
    return this.get("size");
  }
}

/** The workbook's names (Workbook.names: those not scoped to a sheet), or one sheet's (Worksheet.names, ExcelApi 1.4). */
export class FakeNamedItemCollection extends FakeItemCollection<FakeNamedItem> {
  protected readonly typeName = "NamedItemCollection";

  constructor(
    context: FakeRequestContext,
    private readonly scope?: () => FakeSheet,
  ) {
    super(context);
  }

  override load(arg?: string | string[] | { select?: string }): this {
    if (loadPaths(arg).includes("items/formula")) this.context.requireApi("1.7", "NamedItem.formula");
    return super.load(arg);
  }

  protected list(): FakeNamedItem[] {
    const book = this.context.book;
    const sheet = this.scope?.();
    const scopeOf = (n: string) => book.definedNames.find((d) => d.name === n)?.scope?.toLowerCase();
    return book.names.filter((n) => scopeOf(n) === sheet?.name.toLowerCase()).map((n) => new FakeNamedItem(this.context, n));
  }
}

export class FakeNamedItem extends FakeObject {
  protected readonly typeName = "NamedItem";
  protected readonly scalars = ["name", "formula"] as const;

  constructor(
    context: FakeRequestContext,
    private readonly itemName: string,
  ) {
    super(context);
  }

  exists(): boolean {
    return true;
  }

  protected read(name: string): unknown {
    if (name === "formula") return this.context.book.definedNames.find((d) => d.name === this.itemName)?.formula ?? "";
    return this.itemName;
  }

  get name(): string {
    return this.get("name");
  }
  get formula(): string {
    return this.get("formula");
  }
}

/** The chart types the add-in may ask for; anything else is refused as Excel refuses an unknown type. */
const CHART_TYPES = new Set([
  "ColumnClustered",
  "ColumnStacked",
  "ColumnStacked100",
  "BarClustered",
  "BarStacked",
  "BarStacked100",
  "Line",
  "LineMarkers",
  "LineStacked",
  "Pie",
  "Doughnut",
  "Area",
  "AreaStacked",
  "XYScatter",
]);

function isTextColumn(sheet: FakeSheet, box: Box, vertical: boolean): boolean {
  let text = 0;
  const n = vertical ? box.bottom - box.top + 1 : box.right - box.left + 1;
  for (let i = 0; i < n; i++) {
    const cell = vertical ? sheet.get(box.top + i, box.left) : sheet.get(box.top, box.left + i);
    if (!cell || cell.type === "Empty") continue;
    if (cell.type !== "String") return false;
    text++;
  }
  return text > 0;
}

export class FakeChartCollection {
  private loadedItems: FakeChart[] | undefined;

  constructor(
    private readonly context: FakeRequestContext,
    private readonly ws: FakeWorksheet,
  ) {}

  /** `items/name` only: the charts as they are when the queue reaches the load. */
  load(arg: string): this {
    if (arg !== "items/name") throw new Error(`fake: ChartCollection loads items/name only: ${arg}`);
    this.loadedItems = undefined;
    this.context.enqueue(() => {
      const records = [...this.ws.sheet().charts];
      return {
        bytes: jsonLength(records.map((r) => ({ name: r.name }))),
        commit: () => {
          this.loadedItems = records.map((r) => new FakeChart(this.context, this.ws, () => r, r.name));
        },
      };
    });
    return this;
  }

  get items(): FakeChart[] {
    if (!this.loadedItems) throw notLoaded("ChartCollection", "items");
    return this.loadedItems;
  }

  /** The chart at that place in the sheet's list, looked up when the queue reaches a use of it (ExcelApi 1.1). */
  getItemAt(index: number): FakeChart {
    return new FakeChart(this.context, this.ws, () => {
      const chart = this.ws.sheet().charts[index];
      if (!chart) throw new FakeOfficeError("ItemNotFound", `There is no chart at ${index}.`);
      return chart;
    });
  }

  /**
   * The chart of that name, looked up when the queue reaches a use of it (ItemNotFound then when there is none);
   * of several with that name, the first, as Excel's reference says.
   */
  getItem(name: string): FakeChart {
    return new FakeChart(this.context, this.ws, () => {
      const chart = this.ws.sheet().charts.find((c) => c.name === name);
      if (!chart) throw new FakeOfficeError("ItemNotFound", `The chart '${name}' does not exist.`);
      return chart;
    });
  }

  /** Series by columns: a text first column is the categories, each further column a series (by rows likewise). */
  add(type: string, sourceData: FakeRange, seriesBy: string = "Auto"): FakeChart {
    if (!CHART_TYPES.has(type)) throw new FakeOfficeError("InvalidArgument", `Unknown chart type: ${type}`);
    if (!["Auto", "Columns", "Rows"].includes(seriesBy)) throw new FakeOfficeError("InvalidArgument", `Unknown seriesBy: ${seriesBy}`);
    if (!(sourceData instanceof FakeRange)) throw new FakeOfficeError("InvalidArgument", "charts.add takes a Range.");
    let created: FakeChartRecord | undefined;
    this.context.enqueue(() => {
      const sheet = this.ws.writableSheet();
      const { sheet: from, box } = sourceData.required();
      const rows = box.bottom - box.top + 1;
      const cols = box.right - box.left + 1;
      const byColumns = seriesBy === "Columns" || (seriesBy === "Auto" && rows >= cols);
      const labelled = isTextColumn(from, box, byColumns) && (byColumns ? cols : rows) > 1;
      const categories = labelled ? (byColumns ? { ...box, right: box.left } : { ...box, bottom: box.top }) : null;
      const series: { name: string; values: Box }[] = [];
      const first = labelled ? 1 : 0;
      for (let k = first; k < (byColumns ? cols : rows); k++) {
        const values = byColumns ? { ...box, left: box.left + k, right: box.left + k } : { ...box, top: box.top + k, bottom: box.top + k };
        series.push({ name: `Series${series.length + 1}`, values });
      }
      let n = 1;
      while (sheet.charts.some((c) => c.name === `Chart ${n}`)) n++;
      created = { name: `Chart ${n}`, type, seriesBy: byColumns ? "Columns" : "Rows", source: { sheet: from.name, box }, categories, series, title: "", position: null };
      sheet.charts.push(created);
      this.context.log(`chart add ${type} ${quoteName(from.name)}!${boxToA1(box)}`);
    });
    return new FakeChart(this.context, this.ws, () => {
      if (!created) throw new Error("fake: a chart used before the add that creates it");
      return created;
    });
  }
}

export class FakeChart {
  readonly title: FakeChartTitle;
  readonly series: FakeChartSeriesCollection;

  constructor(
    private readonly context: FakeRequestContext,
    private readonly ws: FakeWorksheet,
    private readonly resolver: () => FakeChartRecord,
    private readonly loadedName?: string,
  ) {
    this.title = new FakeChartTitle(context, this);
    this.series = new FakeChartSeriesCollection(context, this);
  }

  /** Loaded with the collection's items only (what the add-in does). */
  get name(): string {
    if (this.loadedName === undefined) throw notLoaded("Chart", "name");
    return this.loadedName;
  }

  delete(): void {
    this.context.enqueue(() => {
      const chart = this.writable();
      const charts = this.ws.sheet().charts;
      charts.splice(charts.indexOf(chart), 1);
      this.context.log(`chart delete ${chart.name}`);
    });
  }

  /** The chart, for a read: ItemNotFound when it or its sheet is gone. */
  current(): FakeChartRecord {
    const chart = this.resolver();
    if (!this.ws.sheet().charts.includes(chart)) throw new FakeOfficeError("ItemNotFound", `The chart '${chart.name}' no longer exists.`);
    return chart;
  }

  /** The chart, for a change: ItemNotFound when its sheet is gone, AccessDenied when protected. */
  writable(): FakeChartRecord {
    const sheet = this.ws.writableSheet();
    const chart = this.resolver();
    if (!sheet.charts.includes(chart)) throw new FakeOfficeError("ItemNotFound", `The chart '${chart.name}' no longer exists.`);
    return chart;
  }

  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    this.context.enqueue(() => {
      const chart = this.writable();
      const sheet = this.ws.sheet();
      const box = (c: FakeRange | string) => {
        if (typeof c === "string") return parseBox(c);
        const t = c.required();
        if (t.sheet !== sheet) throw new FakeOfficeError("InvalidArgument", "The position is not on the chart's worksheet.");
        return t.box;
      };
      const start = box(startCell);
      const end = endCell === undefined ? undefined : box(endCell);
      chart.position = { start: `${columnName(start.left)}${start.top + 1}`, ...(end ? { end: `${columnName(end.right)}${end.bottom + 1}` } : {}) };
    });
  }
}

class FakeChartTitle {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly chart: FakeChart,
  ) {}

  set text(v: string) {
    this.context.enqueue(() => {
      this.chart.writable().title = String(v);
    }, jsonLength(v));
  }
}

class FakeChartSeriesCollection {
  private loadedItems: FakeChartSeries[] | undefined;

  constructor(
    private readonly context: FakeRequestContext,
    private readonly chart: FakeChart,
  ) {}

  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this.context, this.chart, index);
  }

  /** `items/name` only: the series as they are when the queue reaches the load. */
  load(arg: string): this {
    if (arg !== "items/name") throw new Error(`fake: ChartSeriesCollection loads items/name only: ${arg}`);
    this.loadedItems = undefined;
    this.context.enqueue(() => {
      const series = this.chart.current().series.map((x) => x.name);
      return {
        bytes: jsonLength(series.map((name) => ({ name }))),
        commit: () => {
          this.loadedItems = series.map((name, i) => new FakeChartSeries(this.context, this.chart, i, name));
        },
      };
    });
    return this;
  }

  get items(): FakeChartSeries[] {
    if (!this.loadedItems) throw notLoaded("ChartSeriesCollection", "items");
    return this.loadedItems;
  }
}

const CHART_DIMENSIONS = new Set(["Categories", "Values", "XValues", "YValues", "BubbleSizes"]);

class FakeChartSeries {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly chart: FakeChart,
    private readonly index: number,
    private readonly loadedName?: string,
  ) {}

  get name(): string {
    if (this.loadedName === undefined) throw notLoaded("ChartSeries", "name");
    return this.loadedName;
  }

  /**
   * ExcelApi 1.15. A series' values (Values, YValues) and its categories (Categories, XValues) come from ranges of the
   * source sheet ("LocalRange"); a chart without category labels numbers them itself ("Unknown" here; the
   * reference does not say what Excel answers), as it has no bubble sizes.
   */
  getDimensionDataSourceType(dimension: string): FakeClientResult<string> {
    return this.dimensionResult("getDimensionDataSourceType", dimension, (box) => (box ? "LocalRange" : "Unknown"));
  }

  /** ExcelApi 1.15. `='No.5'!$F$8:$F$10` as Excel writes a series' reference; `=#REF!…` once its sheet is gone. */
  getDimensionDataSourceString(dimension: string): FakeClientResult<string> {
    return this.dimensionResult("getDimensionDataSourceString", dimension, (box, chart) => {
      if (!box) throw new FakeOfficeError("InvalidArgument", `The series has no ${dimension} range.`);
      const absolute = boxToA1(box).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
      return `=${chart.source.sheet === "#REF" ? "#REF" : quoteName(chart.source.sheet)}!${absolute}`;
    });
  }

  private dimensionResult(api: string, dimension: string, answer: (box: Box | null, chart: FakeChartRecord) => string): FakeClientResult<string> {
    this.context.requireApi("1.15", `ChartSeries.${api}`);
    if (!CHART_DIMENSIONS.has(dimension)) throw new FakeOfficeError("InvalidArgument", `Unknown dimension: ${dimension}`);
    let out: string | undefined;
    this.context.enqueue(() => {
      const chart = this.chart.current();
      const series = chart.series[this.index];
      if (!series) throw new FakeOfficeError("ItemNotFound", `The chart has no series ${this.index}.`);
      const box = dimension === "Values" || dimension === "YValues" ? series.values : dimension === "BubbleSizes" ? null : chart.categories;
      const v = answer(box, chart);
      return { bytes: jsonLength(v), commit: () => (out = v) };
    });
    return {
      get value(): string {
        if (out === undefined) throw notLoaded("ClientResult", "value");
        return out;
      },
    };
  }

  set name(v: string) {
    this.context.enqueue(() => {
      const series = this.chart.writable().series[this.index];
      if (!series) throw new FakeOfficeError("ItemNotFound", `The chart has no series ${this.index}.`);
      series.name = String(v);
    }, jsonLength(v));
  }
}

const ORIENTATIONS = new Set(["Portrait", "Landscape"]);
const PAPER_SIZES = new Set(["Letter", "LetterSmall", "Tabloid", "Ledger", "Legal", "Statement", "Executive", "A3", "A4", "A4Small", "A5", "B4", "B5"]);

export class FakePageLayout extends FakeObject {
  protected readonly typeName = "PageLayout";
  protected readonly scalars = ["orientation", "paperSize", "zoom"] as const;
  readonly headersFooters: { readonly defaultForAllPages: FakeHeaderFooter };

  constructor(
    context: FakeRequestContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(context);
    this.headersFooters = { defaultForAllPages: new FakeHeaderFooter(context, ws) };
  }

  exists(): boolean {
    return this.ws.exists();
  }

  protected read(name: string): unknown {
    const p = this.ws.sheet().pageLayout;
    if (name === "orientation") return p.orientation ?? "Portrait";
    if (name === "paperSize") return p.paperSize ?? "Letter";
    return p.zoom ?? { scale: 100 };
  }

  private set(name: string, value: unknown, apply: (p: PageLayoutRecord) => void): void {
    this.write(name, value, () => apply(this.ws.writableSheet().pageLayout));
  }

  get orientation(): string {
    return this.get("orientation");
  }
  set orientation(v: string) {
    this.set("orientation", v, (p) => {
      if (!ORIENTATIONS.has(v)) throw new FakeOfficeError("InvalidArgument", `Unknown orientation: ${v}`);
      p.orientation = v;
    });
  }

  get paperSize(): string {
    return this.get("paperSize");
  }
  set paperSize(v: string) {
    this.set("paperSize", v, (p) => {
      if (!PAPER_SIZES.has(v)) throw new FakeOfficeError("InvalidArgument", `Unknown paper size: ${v}`);
      p.paperSize = v;
    });
  }

  get zoom(): PageLayoutRecord["zoom"] {
    return this.get("zoom");
  }
  /** Pages wide/tall (0: as many as needed) or a scale of 10…400, not both. */
  set zoom(v: PageLayoutRecord["zoom"]) {
    this.set("zoom", v, (p) => {
      const z = v ?? {};
      const keys = Object.keys(z);
      const bad = () => new FakeOfficeError("InvalidArgument", `Invalid zoom: ${JSON.stringify(v)}`);
      if (keys.length === 0 || keys.some((k) => !["horizontalFitToPages", "verticalFitToPages", "scale"].includes(k))) throw bad();
      const pages = [z.horizontalFitToPages, z.verticalFitToPages].filter((x) => x !== undefined && x !== null);
      if (pages.some((x) => !Number.isInteger(x) || x! < 0)) throw bad();
      const scale = z.scale ?? undefined;
      if (scale !== undefined && (pages.length > 0 || scale < 10 || scale > 400)) throw bad();
      p.zoom = { ...z };
    });
  }

  /** The rows must be whole rows (`$4:$4`, or a Range of entire rows). */
  setPrintTitleRows(rows: FakeRange | string): void {
    this.context.enqueue(() => {
      const sheet = this.ws.writableSheet();
      let box: Box;
      if (typeof rows === "string") box = parseBox(rows);
      else {
        const t = rows.required();
        if (t.sheet !== sheet) throw new FakeOfficeError("InvalidArgument", "The print titles are not on this worksheet.");
        box = t.box;
      }
      if (box.left !== 0 || box.right !== SHEET_COLS - 1) throw new FakeOfficeError("InvalidArgument", `Print title rows must span entire rows: ${typeof rows === "string" ? rows : boxToA1(box)}`);
      sheet.pageLayout.printTitleRows = `$${box.top + 1}:$${box.bottom + 1}`;
    });
  }
}

export class FakeHeaderFooter extends FakeObject {
  protected readonly typeName = "HeaderFooter";
  protected readonly scalars = ["centerFooter", "leftFooter", "rightFooter"] as const;

  constructor(
    context: FakeRequestContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(context);
  }

  exists(): boolean {
    return this.ws.exists();
  }

  protected read(name: string): unknown {
    return this.ws.sheet().pageLayout[name as "centerFooter"] ?? "";
  }

  /** Excel keeps at most 255 characters in a header or footer. */
  private set(name: "centerFooter" | "leftFooter" | "rightFooter", v: string): void {
    this.write(name, v, () => {
      const sheet = this.ws.writableSheet();
      if (typeof v !== "string" || v.length > 255) throw new FakeOfficeError("InvalidArgument", `Invalid footer: ${v}`);
      sheet.pageLayout[name] = v;
    });
  }

  get centerFooter(): string {
    return this.get("centerFooter");
  }
  set centerFooter(v: string) {
    this.set("centerFooter", v);
  }
  set leftFooter(v: string) {
    this.set("leftFooter", v);
  }
  set rightFooter(v: string) {
    this.set("rightFooter", v);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Inserting worksheets from a file (Workbook.insertWorksheetsFromBase64, ExcelApi 1.13)
//
// The file is read with the project's .xlsx reader when the call is queued and inserted at sync: its worksheets (all
// but very hidden ones, or those named in sheetNamesToInsert) as new sheets with values, number formats of numbers,
// formulas (sheetFormulas), merges, visibility and protection. Excel's reference does not say what
// happens when an inserted sheet's name is taken; Excel names it as it does a copied sheet, "No.1 (2)", which is what
// the fake does. A formula into a sheet of the file that is not inserted becomes a link to the file, as Excel's copy
// of a sheet into another workbook makes it (`='[挿入元.xlsx]No.2'!B2`; reported of this call too, office-js#2809);
// one into a sheet inserted with it follows that sheet's new name. Under ブックの保護 it is AccessDenied; a name the file lacks is ItemNotFound; bytes that are not a
// workbook are InvalidArgument. `failInserts(host, code)` makes every insert on that host fail with `code` (Excel on
// the web says UnsupportedFeature for files with charts, comments, PivotTables or slicers).

export interface FakeInsertWorksheetOptions {
  readonly sheetNamesToInsert?: string[];
  readonly positionType?: "None" | "Before" | "After" | "Beginning" | "End";
  readonly relativeTo?: string | FakeWorksheet;
}

/** OfficeExtension.ClientResult: `value` is there after the sync that ran the call. */
export interface FakeClientResult<T> {
  readonly value: T;
}

const insertFailures = new WeakMap<FakeExcel, string>();

/** The name an inserted file goes by in the links its formulas get: a base64 string has no file name. */
export const INSERTED_FROM = "挿入元.xlsx";

/** Every insertWorksheetsFromBase64 on `host` fails with `code` at its place in the queue (undefined: works again). */
export function failInserts(host: FakeExcel, code: string | undefined): void {
  if (code === undefined) insertFailures.delete(host);
  else insertFailures.set(host, code);
}

/** A name Excel gives an inserted sheet whose name is taken: " (2)", " (3)" … within 31 characters. */
function insertedName(book: FakeBook, wanted: string, chosen: ReadonlySet<string>): string {
  const taken = (n: string) => !!book.sheet(n) || chosen.has(excelNameKey(n));
  if (!taken(wanted)) return wanted;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = wanted.slice(0, 31 - suffix.length) + suffix;
    if (!taken(candidate)) return candidate;
  }
}

function insertWorksheets(context: FakeRequestContext, base64File: string, options: FakeInsertWorksheetOptions = {}): FakeClientResult<string[]> {
  context.requireApi("1.13", "Workbook.insertWorksheetsFromBase64");
  let source: XlsxWorkbook | undefined;
  let bytes: Uint8Array | undefined;
  try {
    bytes = Uint8Array.from(atob(base64File), (ch) => ch.charCodeAt(0));
  } catch {
    bytes = undefined;
  }
  if (bytes) {
    context.preparing.push(
      XlsxWorkbook.load(bytes).then(
        (b) => (source = b),
        () => undefined,
      ),
    );
  }
  const relativeTo = options.relativeTo;
  const anchor = typeof relativeTo === "string" ? context.workbook.worksheets.getItem(relativeTo) : relativeTo;
  let ids: string[] | undefined;
  // The file's base64 is part of the request: Excel on the web refuses one over its 5 MB limit.
  context.enqueue(() => {
    const code = insertFailures.get(context.host);
    if (code) throw new FakeOfficeError(code, "Injected failure of insertWorksheetsFromBase64.");
    if (!source) throw new FakeOfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format (not a workbook).");
    const book = context.book;
    const names = options.sheetNamesToInsert?.length ? options.sheetNamesToInsert : source.sheetNames();
    const grids = names.map((n) => {
      const g = source!.sheetGrid(n);
      if (!g) throw new FakeOfficeError("ItemNotFound", `The file has no worksheet named ${n}.`);
      return g;
    });
    structureChange(context, "insert worksheets");
    const type = options.positionType ?? "End";
    const at = anchor ? anchor.sheet() : undefined;
    let index = type === "Beginning" ? 0 : type === "Before" && at ? book.sheets.indexOf(at) : type === "After" && at ? book.sheets.indexOf(at) + 1 : book.sheets.length;
    const added: string[] = [];
    const newNames = new Map<string, string>();
    for (const g of grids) newNames.set(g.name.toLowerCase(), insertedName(book, g.name, new Set([...newNames.values()].map(excelNameKey))));
    const linked = (formula: string) =>
      mapSheetRefs(formula, (s) => {
        const to = newNames.get(s.toLowerCase());
        if (to === undefined) return `'[${INSERTED_FROM}]${s.replace(/'/g, "''")}'!`;
        return to === s ? undefined : `${quoteName(to)}!`;
      });
    for (const g of grids) {
      const sheet = book.adopt(new FakeSheet(newNames.get(g.name.toLowerCase())!));
      sheet.visibility = g.visibility === "hidden" ? "Hidden" : g.visibility === "veryHidden" ? "VeryHidden" : "Visible";
      g.rows.forEach((row, i) =>
        row.forEach((v, j) => {
          if (v === null || v === "") return;
          const r = g.top + i;
          const c = g.left + j;
          // A date goes in as the number its file holds: Excel copies serial numbers between workbooks as they are,
          // so a file counting from 1904 shows its dates four years and a day off in a 1900 workbook.
          sheet.put(r, c, v instanceof Date ? source!.dateSerial(v) : v, g.numberFormats?.get(`${r},${c}`) ?? (v instanceof Date ? "yyyy/m/d" : undefined));
        }),
      );
      for (const [key, f] of source!.sheetFormulas(g.name) ?? []) {
        const [r, c] = key.split(",").map(Number);
        sheet.ensure(r, c).formula = `=${linked(f)}`;
      }
      sheet.merges = g.merges.map((m) => ({ ...m }));
      sheet.protected = g.protected === true;
      book.sheets.splice(index++, 0, sheet);
      added.push(sheet.id);
      context.log(`insert ${sheet.name}`);
    }
    return {
      bytes: jsonLength(added),
      commit: () => {
        ids = added;
      },
    };
  }, base64File.length);
  return {
    get value(): string[] {
      if (!ids) throw notLoaded("ClientResult", "value");
      return ids;
    },
  };
}
