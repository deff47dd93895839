/**
 * One worksheet part → the core's SheetGrid, reading only the window the checker looks at (MAX_ROWS × MAX_COLS).
 * The work grows with the cells actually read: rows below the window are never visited, empty styled rows are
 * skipped at their tag, and data validations, conditional formats and styles are not looked at (docs/file-layer.md).
 */
import { serialToDate } from "../serial-dates";
import type { CellRange } from "../../core/model/address";
import type { CellValue } from "../../core/model/cell";
import { type FilledCell, gridFromCells, MAX_COLS, MAX_ROWS, SHEET_COLS, SHEET_ROWS, type SheetGrid, type SheetVisibility } from "../../core/model/grid";
import { WorkbookError } from "../port";
import type { CellFormat, SharedStrings } from "./book";
import { attr, elementPrefix, findTag, joinedText, nextTag, normaliseBreaks, tagAt, unescapeXml, unescapeXstring } from "./xml";

export interface SheetReadContext {
  readonly strings: SharedStrings;
  readonly formats: readonly CellFormat[];
  readonly date1904: boolean;
  /** Epoch ms after which reading stops with WorkbookError("timeout"). */
  readonly deadline?: number;
  /** Rows read (MAX_ROWS, the checker's window, unless set): the change log, read to be written again, is read whole. */
  readonly maxRows?: number;
}

/** Merges beyond this many in one sheet are refused before they are indexed: no 調査票 has a fraction of it. */
export const MAX_MERGES = 200_000;

/** `AB12` → { row: 11, col: 27 }; undefined when it is not a cell reference, or one past the sheet's last row or column (a damaged or hand-made file). */
export function parseRef(ref: string): { row: number; col: number } | undefined {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c !== 36) break; // `$`
  }
  if (col === 0) return undefined;
  let row = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 48 && c <= 57) row = row * 10 + (c - 48);
    else if (c !== 36) return undefined;
  }
  if (row === 0 || row > SHEET_ROWS || col > SHEET_COLS) return undefined;
  return { row: row - 1, col: col - 1 };
}

/**
 * A row element's `r` (1-based) as a 0-based index; a missing or impossible one means the row after `previous`.
 * Every reader and editor of sheetData counts rows this way, so that an edit lands on the row a check read.
 */
export function rowIndexOf(r: string | undefined, previous: number): number {
  const n = r ? Number(r) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= SHEET_ROWS ? n - 1 : previous + 1;
}

export function parseRange(ref: string): CellRange | undefined {
  // No destructuring: unoptimised, it runs the iterator protocol, and this runs for every merge of every sheet.
  const colon = ref.indexOf(":");
  const rest = colon < 0 ? "" : ref.slice(colon + 1);
  const next = rest.indexOf(":");
  const s = parseRef(colon < 0 ? ref : ref.slice(0, colon));
  const b = next < 0 ? rest : rest.slice(0, next);
  const e = b ? parseRef(b) : s;
  if (!s || !e) return undefined;
  return { top: Math.min(s.row, e.row), left: Math.min(s.col, e.col), bottom: Math.max(s.row, e.row), right: Math.max(s.col, e.col) };
}

function checkDeadline(ctx: SheetReadContext): void {
  if (ctx.deadline !== undefined && Date.now() > ctx.deadline) throw new WorkbookError("timeout");
}

/**
 * The element names a sheet's reading looks for, with the sheet's namespace prefix, made once per prefix: the loop
 * below runs per cell, where building `<c`, `<v` and `</v>` each time was garbage.
 */
interface SheetTags {
  readonly row: string;
  readonly rowClose: string;
  readonly c: string;
  readonly cClose: string;
  readonly v: string;
  readonly vClose: string;
}

const tagsByPrefix = new Map<string, SheetTags>();

function sheetTags(p: string): SheetTags {
  let t = tagsByPrefix.get(p);
  if (!t) tagsByPrefix.set(p, (t = { row: `<${p}row`, rowClose: `</${p}row>`, c: `<${p}c`, cClose: `</${p}c>`, v: `<${p}v`, vClose: `</${p}v>` }));
  return t;
}

/**
 * A cell's value from its start tag and content (xml[from, to)), as the core wants it (formulas give their cached
 * result); a number is a number only when the cell holds one. `hay` is the part cut at the end of the cell's row.
 */
function cellValue(xml: string, hay: string, p: string, tags: SheetTags, tag: string, from: number, to: number, ctx: SheetReadContext): CellValue {
  const t = attr(tag, "t");
  if (t === "inlineStr") {
    const is = findTag(xml, `${p}is`, from, to);
    return is < 0 ? null : joinedText(xml, p, is, to);
  }
  const vAt = nextTag(hay, tags.v, from);
  if (vAt < 0 || vAt >= to) return null;
  const gt = xml.indexOf(">", vAt);
  if (gt < 0 || xml.charCodeAt(gt - 1) === 47) return t === "str" ? "" : null; // <v/>
  const close = xml.indexOf(tags.vClose, gt + 1);
  const raw = xml.slice(gt + 1, close < 0 ? to : close);
  switch (t) {
    case "s":
      return ctx.strings.get(Number(raw));
    case "str":
      return joinedValue(raw);
    case "b":
      return raw.trim() === "1" || raw.trim() === "true";
    case "e":
      return { error: unescapeXml(raw.trim()) };
    case "d": {
      // ISO 8601 without a zone is the workbook's own time, read as UTC like a serial date (not the machine's zone).
      const iso = raw.trim();
      const d = new Date(/T[\d:.]+$/.test(iso) ? iso + "Z" : /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso + "T00:00:00Z" : iso);
      return Number.isNaN(d.getTime()) ? unescapeXml(raw) : d;
    }
    default: {
      const n = Number(raw);
      return Number.isFinite(n) && raw.trim() !== "" ? n : unescapeXml(raw);
    }
  }
}

/** One cell's value as readSheetXml gives it (a number in a date format is a Date). */
export function readCell(xml: string, p: string, tag: string, from: number, to: number, ctx: SheetReadContext): CellValue {
  const v = cellValue(xml, xml.slice(0, to), p, sheetTags(p), tag, from, to, ctx);
  const fmt = typeof v === "number" ? ctx.formats[Number(attr(tag, "s") ?? 0)] : undefined;
  return fmt?.isDate ? serialToDate(v as number, ctx.date1904) : v;
}

function joinedValue(raw: string): string {
  return unescapeXstring(unescapeXml(normaliseBreaks(raw)));
}

/** The sheet is protected: `<sheetProtection sheet="1">`, which follows the cell data. */
export function isProtectedSheet(xml: string, p: string, from = 0): boolean {
  const at = findTag(xml, `${p}sheetProtection`, from);
  return at >= 0 && /^(1|true)$/.test(attr(tagAt(xml, at).tag, "sheet") ?? "");
}

export function readSheetXml(
  xml: string,
  sheet: { readonly name: string; readonly visibility: SheetVisibility },
  ctx: SheetReadContext,
): SheetGrid {
  const p = elementPrefix(xml, "worksheet") || elementPrefix(xml, "sheetData");
  const tags = sheetTags(p);
  const cells: FilledCell[] = [];
  let usedRows = 0;
  let usedCols = 0;
  const maxRows = ctx.maxRows ?? MAX_ROWS;
  const dataAt = findTag(xml, `${p}sheetData`, 0);
  let afterData = dataAt < 0 ? 0 : dataAt;
  if (dataAt >= 0 && !tagAt(xml, dataAt).selfClosing) {
    const closeTag = `</${p}sheetData>`;
    const dataEnd = xml.indexOf(closeTag, dataAt);
    const stop = dataEnd < 0 ? xml.length : dataEnd;
    afterData = dataEnd < 0 ? xml.length : dataEnd + closeTag.length;
    const dataHay = xml.slice(0, stop);
    let i = dataAt + 1;
    let rowIndex = -1;
    let rowsSeen = 0;
    for (;;) {
      i = nextTag(dataHay, tags.row, i);
      if (i < 0) break;
      const { tag, end, selfClosing } = tagAt(xml, i);
      rowIndex = rowIndexOf(attr(tag, "r"), rowIndex);
      if (rowIndex >= maxRows) {
        // Past the window: the last row tag tells how far the sheet declares, without visiting the rest.
        const last = xml.lastIndexOf(`<${p}row `, stop);
        const lastR = last >= i ? rowIndexOf(attr(tagAt(xml, last).tag, "r"), rowIndex) : rowIndex;
        usedRows = Math.max(usedRows, lastR + 1);
        break;
      }
      if (selfClosing) {
        i = end;
        continue; // a styled empty row: nothing to read
      }
      const rowEnd = xml.indexOf(tags.rowClose, end);
      const rowStop = rowEnd < 0 ? stop : rowEnd;
      if ((++rowsSeen & 255) === 0) checkDeadline(ctx);
      const rowHay = xml.slice(0, rowStop);
      let j = end;
      let colIndex = -1;
      for (;;) {
        j = nextTag(rowHay, tags.c, j);
        if (j < 0) break;
        const c = tagAt(xml, j);
        const ref = attr(c.tag, "r");
        const pos = ref ? parseRef(ref) : undefined;
        colIndex = pos ? pos.col : colIndex + 1;
        const row = pos ? pos.row : rowIndex;
        if (c.selfClosing) {
          j = c.end;
          continue;
        }
        const cEnd = xml.indexOf(tags.cClose, c.end);
        const cStop = cEnd < 0 || cEnd > rowStop ? rowStop : cEnd;
        j = cEnd < 0 ? rowStop : cEnd + tags.cClose.length;
        if (colIndex >= MAX_COLS) {
          usedCols = Math.max(usedCols, colIndex + 1);
          continue;
        }
        // A cell whose own reference is past the window, though its row is in it (a damaged file): outside too.
        if (row >= maxRows) {
          usedRows = Math.max(usedRows, row + 1);
          continue;
        }
        const v = cellValue(xml, rowHay, p, tags, c.tag, c.end, cStop, ctx);
        if (v === null || v === "") continue;
        usedRows = Math.max(usedRows, row + 1);
        usedCols = Math.max(usedCols, colIndex + 1);
        const fmt = typeof v === "number" ? ctx.formats[Number(attr(c.tag, "s") ?? 0)] : undefined;
        if (fmt?.isDate) cells.push({ r: row, c: colIndex, v: serialToDate(v as number, ctx.date1904) });
        else cells.push({ r: row, c: colIndex, v, fmt: fmt?.code });
      }
      usedRows = Math.max(usedRows, rowIndex + 1);
      i = rowEnd < 0 ? stop : rowEnd;
    }
  }
  const merges = readMerges(xml, p, afterData);
  const dim = findTag(xml, `${p}dimension`, 0, dataAt < 0 ? xml.length : dataAt);
  const declared = dim >= 0 ? parseRange(attr(tagAt(xml, dim).tag, "ref") ?? "") : undefined;
  const protectedSheet = isProtectedSheet(xml, p, afterData);
  return gridFromCells(
    { name: sheet.name, visibility: sheet.visibility, protected: protectedSheet },
    cells,
    merges,
    { rows: Math.max(usedRows, declared ? declared.bottom + 1 : 0), cols: Math.max(usedCols, declared ? declared.right + 1 : 0) },
  );
}

/** Merged areas that touch the window, kept as ranges (never expanded cell by cell). */
function readMerges(xml: string, p: string, from: number): CellRange[] {
  const at = findTag(xml, `${p}mergeCells`, from);
  if (at < 0) return [];
  const count = Number(attr(tagAt(xml, at).tag, "count") ?? 0);
  if (count > MAX_MERGES) throw new WorkbookError("too-complex", `mergeCells: ${count}`);
  const stop = xml.indexOf(`</${p}mergeCells>`, at);
  const out: CellRange[] = [];
  let i = at + 1;
  let n = 0;
  for (;;) {
    i = findTag(xml, `${p}mergeCell`, i, stop < 0 ? xml.length : stop);
    if (i < 0) break;
    const { tag, end } = tagAt(xml, i);
    i = end;
    if (++n > MAX_MERGES) throw new WorkbookError("too-complex", `mergeCells: > ${MAX_MERGES}`);
    const r = parseRange(attr(tag, "ref") ?? "");
    if (r && r.top < MAX_ROWS && r.left < MAX_COLS && (r.bottom > r.top || r.right > r.left)) out.push(r);
  }
  return out;
}
