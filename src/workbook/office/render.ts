/**
 * Queues a SheetSpec onto a new worksheet (no sync here): the same rendering as xlsx/render.ts. Text that Excel would
 * take for a formula, number, date or boolean is written with a leading apostrophe (typed-text.ts), not under "@",
 * which would show long text as ######## in Excel for Windows; a link's text, which Excel takes from the hyperlink,
 * gets "@" instead when it needs it. Formula cells
 * are written as `formulas` (Excel computes them; the spec's cached value is for file renderers). Unlike ExcelJS,
 * Office.js draws the chart, so the basis cell gets the "not drawn" note only for a chart it cannot draw.
 */
import { type CellRange, quoteSheetName } from "../../core/model/address";
import { type CellStyle, type ChartSpec, type PrintSpec, type SheetSpec, type SpecCell, type SpecValue, text } from "../../core/sheet-spec";
import type { OmittedFeature } from "../port";
import { tableColumnNames } from "../table-names";
import { jsonBytes } from "./cells";
import { asTyped, parsedByExcel } from "./typed-text";

/** Excel on the web also limits a request to 5 MB; a long findings sheet is written in blocks of rows. */
export const REQUEST_BUDGET = 4 * 1024 * 1024;

export interface RenderOptions {
  /** Data validation needs ExcelApi 1.8; without it the drop-down lists are left out. */
  readonly validations: boolean;
  /** Page layout needs ExcelApi 1.9; without it the sheet is written without print setup. */
  readonly print?: boolean;
  /** The widest digit of the workbook's Normal font, in pixels (digitPixels); 7 (Calibri 11) when not given. */
  readonly digitPx?: number;
}

/** Bytes a queued action without a payload adds to a request (ids, property name, JSON framing), estimated high. */
const ACTION_BYTES = 150;

export interface ValueBlock {
  readonly top: number;
  readonly rows: number;
  readonly cols: number;
  readonly numberFormat: (string | null)[][];
  /** Text, numbers and booleans; null leaves a cell alone. */
  readonly values: (string | number | boolean | null)[][];
  /** Formulas only, or undefined when the block has none. */
  readonly formulas: (string | null)[][] | undefined;
  readonly links: readonly SpecCell[];
  /** Request bytes of the block: its arrays, and its hyperlinks. */
  readonly bytes: number;
}

type Edge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

/**
 * Excel's column width unit → points: characters times the widest digit of the Normal style's font, plus 5 px (2 px
 * margin each side and 1 for the gridline, [MS-OI29500] 2.1.598), at 96 px per inch. Calibri 11 has a 7 px digit,
 * Japanese defaults (游ゴシック, ＭＳ Ｐゴシック 11) an 8 px one: widths meant for one come out 12% narrow in the other.
 * (The .xlsx writer needs no such step: a file's <col width> is counted in that file's own Normal font.)
 */
export function columnWidthPoints(chars: number, digitPx = 7): number {
  return Math.trunc(chars * digitPx + 5) * 0.75;
}

/** Widest digit at 11 pt, in pixels, of the Normal fonts Excel ships with (Office's default column of 8.43 or 8.38). */
const DIGIT_PX_AT_11: readonly [RegExp, number][] = [
  [/^(calibri|aptos narrow)$/i, 7],
  [/^arial$/i, 8], // Arial 10, Excel 2003's default: 7
  // Japanese defaults: 游ゴシック (Excel 2016 and later), ＭＳ Ｐゴシック (before), and the other Japanese UI fonts.
  [/(游|yu gothic|yu mincho|ｍｓ|ms p?gothic|ms p?mincho|メイリオ|meiryo|biz ud|ゴシック|明朝)/i, 8],
];

/**
 * The widest digit of a Normal font in pixels, scaled from its size at 11 pt. A font not in the table counts as
 * Japanese (8 px at 11 pt) when its name is not plain ASCII, else as Calibri's 7; an unknown font counts as 8, the
 * Japanese default this add-in's users have (a column a little wide is better than text cut off).
 */
export function digitPixels(font: { readonly name: string; readonly size: number } | undefined): number {
  if (!font) return 8;
  const at11 = DIGIT_PX_AT_11.find(([re]) => re.test(font.name.trim()))?.[1] ?? (/^[\x20-\x7e]*$/.test(font.name) ? 7 : 8);
  return Math.max(1, Math.round((at11 * (font.size || 11)) / 11));
}

function constant(v: SpecValue): string | number | boolean | null {
  return v.t === "text" || v.t === "number" || v.t === "bool" ? v.v : null;
}

function formulaOf(v: SpecValue): string | null {
  return v.t === "formula" ? (v.f.startsWith("=") ? v.f : `=${v.f}`) : null;
}

/** The cell values as blocks of whole rows, each small enough for one request. */
export function valueBlocks(spec: SheetSpec, budget = REQUEST_BUDGET): ValueBlock[] {
  let rows = 0;
  let cols = 0;
  for (const c of spec.cells) {
    rows = Math.max(rows, c.row + 1);
    cols = Math.max(cols, c.col + 1);
  }
  if (rows === 0) return [];
  const grid = <T>() => Array.from({ length: rows }, () => new Array<T | null>(cols).fill(null));
  const values = grid<string | number | boolean>();
  const formulas = grid<string>();
  const formats = grid<string>();
  const linksByRow = new Map<number, SpecCell[]>();
  const formulaRows = new Set<number>();
  for (const c of spec.cells) {
    values[c.row][c.col] = constant(c.value);
    formulas[c.row][c.col] = formulaOf(c.value);
    if (c.value.t === "formula") formulaRows.add(c.row);
    const style = c.style ? spec.styles[c.style] : undefined;
    if (c.value.t === "text") {
      // General (or the style's format) over whatever a rewritten sheet had; "@" only for a link's parsable text.
      const linkText = !!c.link && parsedByExcel(c.value.v);
      formats[c.row][c.col] = linkText ? "@" : (style?.numberFormat ?? "General");
      values[c.row][c.col] = linkText ? c.value.v : asTyped(c.value.v, style?.numberFormat);
    } else formats[c.row][c.col] = style?.numberFormat ?? null;
    if (c.link && c.value.t === "text") linksByRow.set(c.row, [...(linksByRow.get(c.row) ?? []), c]);
  }
  const blocks: ValueBlock[] = [];
  let top = 0;
  let bytes = 0;
  for (let r = 0; r <= rows; r++) {
    const rowBytes =
      r < rows
        ? jsonBytes([values[r]]) +
          jsonBytes([formats[r]]) +
          (formulaRows.has(r) ? jsonBytes([formulas[r]]) : 0) +
          (linksByRow.get(r) ?? []).reduce((n, c) => n + linkBytes(c), 0)
        : 0;
    if (r === rows || (r > top && bytes + rowBytes > budget)) {
      const links: SpecCell[] = [];
      let hasFormulas = false;
      for (let i = top; i < r; i++) {
        links.push(...(linksByRow.get(i) ?? []));
        hasFormulas ||= formulaRows.has(i);
      }
      blocks.push({
        top,
        rows: r - top,
        cols,
        numberFormat: formats.slice(top, r),
        values: values.slice(top, r),
        formulas: hasFormulas ? formulas.slice(top, r) : undefined,
        links,
        bytes,
      });
      top = r;
      bytes = 0;
    }
    bytes += rowBytes;
  }
  return blocks;
}

function linkBytes(c: SpecCell): number {
  return c.link && c.value.t === "text" ? ACTION_BYTES + 2 * jsonBytes([[c.link.sheet, c.link.cell, c.value.v]]) : 0;
}

/** Number formats first, then the values: a link text's "@" must be in place when the text arrives. */
export function queueValueBlock(ws: Excel.Worksheet, block: ValueBlock): void {
  const range = ws.getRangeByIndexes(block.top, 0, block.rows, block.cols);
  range.numberFormat = block.numberFormat;
  range.values = block.values;
  if (block.formulas) range.formulas = block.formulas;
  for (const c of block.links) {
    if (c.value.t !== "text" || !c.link) continue;
    ws.getRangeByIndexes(c.row, c.col, 1, 1).hyperlink = {
      documentReference: `${quoteSheetName(c.link.sheet)}!${c.link.cell}`,
      textToDisplay: c.value.v,
    };
  }
}

function applyStyle(range: Excel.Range, s: CellStyle, rows: number, cols: number): void {
  const f = range.format;
  if (s.bold) f.font.bold = true;
  if (s.fontSize) f.font.size = s.fontSize;
  if (s.fontColor) f.font.color = s.fontColor;
  if (s.fill) f.fill.color = s.fill;
  if (s.wrap) f.wrapText = true;
  if (s.hAlign) f.horizontalAlignment = H_ALIGN[s.hAlign];
  if (s.vAlign) f.verticalAlignment = V_ALIGN[s.vAlign];
  if (s.border === "thin") {
    const edges: Edge[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
    if (rows > 1) edges.push("InsideHorizontal");
    if (cols > 1) edges.push("InsideVertical");
    for (const edge of edges) {
      const b = f.borders.getItem(edge);
      b.style = "Continuous";
      b.weight = "Thin";
      b.color = "#808080";
    }
  }
}

interface StyledBox {
  readonly style: string;
  readonly top: number;
  readonly left: number;
  bottom: number;
  readonly right: number;
}

/** Cells of one style as few rectangles as possible: runs along rows, stacked where they repeat. */
export function styleBoxes(cells: readonly SpecCell[]): StyledBox[] {
  const byRow = new Map<number, Map<number, string>>();
  for (const c of cells) {
    if (!c.style) continue;
    let row = byRow.get(c.row);
    if (!row) byRow.set(c.row, (row = new Map()));
    row.set(c.col, c.style);
  }
  const done: StyledBox[] = [];
  let open = new Map<string, StyledBox>();
  for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = [...byRow.get(r)!.entries()].sort((a, b) => a[0] - b[0]);
    const next = new Map<string, StyledBox>();
    for (let i = 0; i < cols.length; ) {
      const [left, style] = cols[i];
      let j = i;
      while (j + 1 < cols.length && cols[j + 1][0] === cols[j][0] + 1 && cols[j + 1][1] === style) j++;
      const right = cols[j][0];
      const key = `${left}:${right}:${style}`;
      const above = open.get(key);
      if (above && above.bottom === r - 1) {
        above.bottom = r;
        next.set(key, above);
        open.delete(key);
      } else next.set(key, { style, top: r, left, bottom: r, right });
      i = j + 1;
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  return done;
}

/**
 * Everything but the values: widths, heights, styles, merges, validation lists and, unless `cosmetics` is false (the
 * summaries write them in a batch of their own), frozen panes, tab colour and print setup.
 */
export function queueLayout(ws: Excel.Worksheet, spec: SheetSpec, options: RenderOptions, cosmetics = true): void {
  const widths = spec.columnWidths ?? [];
  for (let i = 0; i < widths.length; ) {
    let j = i;
    while (j + 1 < widths.length && widths[j + 1] === widths[i]) j++;
    ws.getRangeByIndexes(0, i, 1, j - i + 1).getEntireColumn().format.columnWidth = columnWidthPoints(widths[i], options.digitPx);
    i = j + 1;
  }
  for (const [r, h] of Object.entries(spec.rowHeights ?? {})) {
    ws.getRangeByIndexes(Number(r), 0, 1, 1).getEntireRow().format.rowHeight = h;
  }
  for (const b of styleBoxes(spec.cells)) {
    const style = spec.styles[b.style];
    const rows = b.bottom - b.top + 1;
    const cols = b.right - b.left + 1;
    if (style) applyStyle(ws.getRangeByIndexes(b.top, b.left, rows, cols), style, rows, cols);
  }
  const anchors = new Map(spec.cells.map((c) => [`${c.row},${c.col}`, c]));
  for (const m of spec.merges) {
    const rows = m.bottom - m.top + 1;
    const cols = m.right - m.left + 1;
    const range = ws.getRangeByIndexes(m.top, m.left, rows, cols);
    // Style the whole area like its top-left cell, so borders close around it (as the ExcelJS renderer does).
    const anchor = anchors.get(`${m.top},${m.left}`);
    const style = anchor?.style ? spec.styles[anchor.style] : undefined;
    if (style) applyStyle(range, style, rows, cols);
    range.merge(false);
  }
  if (options.validations) {
    for (const v of spec.validations ?? []) {
      const dv = ws.getRangeByIndexes(v.range.top, v.range.left, v.range.bottom - v.range.top + 1, v.range.right - v.range.left + 1)
        .dataValidation;
      dv.ignoreBlanks = true;
      dv.rule = { list: { inCellDropDown: true, source: v.list.join(",") } };
      dv.errorAlert = { showAlert: true, style: "Stop", title: v.errorTitle ?? "", message: v.error ?? "" };
      if (v.prompt) dv.prompt = { showPrompt: true, title: "", message: v.prompt };
    }
  }
  if (cosmetics) queueCosmetics(ws, spec, options);
}

/** The spec asks for frozen panes, a tab colour or (where the host can) print setup. */
export function hasCosmetics(spec: SheetSpec, options: RenderOptions): boolean {
  return !!(spec.freeze && (spec.freeze.rows > 0 || spec.freeze.cols > 0)) || !!spec.tabColor || !!(options.print && spec.print);
}

/**
 * Frozen panes, tab colour and print setup: how the sheet looks, not what it holds. `rewrite`: the sheet held an
 * earlier version, whose panes are unfrozen first.
 */
export function queueCosmetics(ws: Excel.Worksheet, spec: SheetSpec, options: RenderOptions, rewrite = false): void {
  if (rewrite) ws.freezePanes.unfreeze();
  if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.cols > 0)) {
    const { rows, cols } = spec.freeze;
    if (rows > 0 && cols > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, rows, cols));
    else if (rows > 0) ws.freezePanes.freezeRows(rows);
    else ws.freezePanes.freezeColumns(cols);
  }
  if (spec.tabColor) ws.tabColor = spec.tabColor;
  if (options.print && spec.print) queuePrint(ws, spec.print);
}

/**
 * Empties a sheet for its next version, keeping the sheet itself, so that formulas, names and charts that refer to
 * it keep working: its tables and charts deleted, every cell's content, format, merge, hyperlink and list cleared,
 * and the columns and rows back to the standard width and height.
 */
export function queueClearSheet(ws: Excel.Worksheet, tables: readonly Excel.Table[], charts: readonly Excel.Chart[], options: RenderOptions): void {
  for (const t of tables) t.delete();
  for (const c of charts) c.delete();
  const all = ws.getRange();
  if (options.validations) all.dataValidation.clear();
  all.unmerge();
  all.clear("All");
  all.format.useStandardWidth = true;
  all.format.useStandardHeight = true;
}

/**
 * A4, landscape or portrait, every column on one page wide (any number tall), the header rows repeated on each page,
 * and the footer (Excel's header/footer codes: &A sheet, &P page, &N pages) in the centre. ExcelApi 1.9.
 */
export function queuePrint(ws: Excel.Worksheet, print: PrintSpec): void {
  const layout = ws.pageLayout;
  layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = "A4";
  if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (print.repeatRows) layout.setPrintTitleRows(`$${print.repeatRows.top + 1}:$${print.repeatRows.bottom + 1}`);
  if (print.footer) layout.headersFooters.defaultForAllPages.centerFooter = print.footer;
}

/** The source range of a chart: its category column and, right of it, one column per series over the same rows. */
export function chartSource(chart: ChartSpec): CellRange | undefined {
  const c = chart.categories;
  if (c.left !== c.right || chart.series.length === 0) return undefined;
  const fits = chart.series.every(
    (s, k) => s.values.left === c.left + 1 + k && s.values.right === s.values.left && s.values.top === c.top && s.values.bottom === c.bottom,
  );
  return fits ? { top: c.top, left: c.left, bottom: c.bottom, right: c.left + chart.series.length } : undefined;
}

/** What the Office renderer writes for a spec: table headers as the table's column names, notes for undrawn charts. */
export interface PreparedSpec {
  readonly spec: SheetSpec;
  readonly omitted: readonly OmittedFeature[];
}

/**
 * The spec as this renderer writes it. A table's header cells hold its column names (unique and non-empty, as the
 * ExcelJS renderer writes them; Excel would otherwise rename a repeated header itself). A chart whose ranges this
 * renderer cannot chart gets the spec's "not drawn" note appended to the basis cell, as the ExcelJS renderer does.
 */
export function prepareSpec(spec: SheetSpec, options: RenderOptions): PreparedSpec {
  const cells = new Map(spec.cells.map((c) => [`${c.row},${c.col}`, c]));
  for (const t of spec.tables ?? []) {
    const { top, left, right } = t.range;
    const labels: string[] = [];
    for (let c = left; c <= right; c++) {
      const v = cells.get(`${top},${c}`)?.value;
      labels.push(v && (v.t === "text" || v.t === "number" || v.t === "bool") ? String(v.v) : "");
    }
    tableColumnNames(labels).forEach((name, i) => {
      const key = `${top},${left + i}`;
      const cell = cells.get(key);
      if (cell?.value.t === "text" && cell.value.v === name) return;
      cells.set(key, { row: top, col: left + i, ...cell, value: text(name) });
    });
  }
  const omitted: OmittedFeature[] = [];
  const undrawn = (spec.charts ?? []).filter((c) => !chartSource(c));
  if (undrawn.length) {
    omitted.push("chart");
    if (spec.basisCell) {
      const key = `${spec.basisCell.row},${spec.basisCell.col}`;
      const cell = cells.get(key);
      const current = cell?.value.t === "text" ? cell.value.v : "";
      cells.set(key, { row: spec.basisCell.row, col: spec.basisCell.col, ...cell, value: text(current + undrawn[0].unsupportedNote) });
    }
  }
  if (spec.print && !options.print) omitted.push("print");
  if (spec.validations?.length && !options.validations) omitted.push("validations");
  return { spec: { ...spec, cells: [...cells.values()] }, omitted };
}

/** Gives each table a name free in the workbook (the caller knows which are taken). */
export type TableNamer = (wanted: string) => string;

/**
 * Tables and charts, queued once the cells they cover are written (a table takes its column names from its header
 * row). Tables: ExcelApi 1.1, with a Range argument and showFilterButton 1.3. Charts: charts.add, title, series
 * names and setPosition, ExcelApi 1.1.
 */
export function queueObjects(ws: Excel.Worksheet, spec: SheetSpec, nameTable: TableNamer): void {
  for (const t of spec.tables ?? []) {
    const { top, left, bottom, right } = t.range;
    const table = ws.tables.add(ws.getRangeByIndexes(top, left, bottom - top + 1, right - left + 1), true);
    table.name = nameTable(t.name);
    table.style = "TableStyleLight9";
    table.showFilterButton = true;
  }
  for (const c of spec.charts ?? []) {
    const source = chartSource(c);
    if (!source) continue;
    const chart = ws.charts.add(
      "BarStacked",
      ws.getRangeByIndexes(source.top, source.left, source.bottom - source.top + 1, source.right - source.left + 1),
      "Columns",
    );
    chart.title.text = c.title;
    c.series.forEach((s, k) => (chart.series.getItemAt(k).name = s.name));
    chart.setPosition(ws.getRangeByIndexes(c.anchor.top, c.anchor.left, 1, 1), ws.getRangeByIndexes(c.anchor.bottom, c.anchor.right, 1, 1));
  }
}

/**
 * Request bytes of everything but the cell values, estimated high: one action per property set (a styled box sets up
 * to 7 properties and 3 per border edge), per merge, width, height, list, table, chart and page-layout property.
 */
export function layoutBytes(spec: SheetSpec): number {
  let actions = 16;
  for (const b of styleBoxes(spec.cells)) actions += 2 + styleActions(spec.styles[b.style]);
  for (const m of spec.merges) {
    const anchor = spec.cells.find((c) => c.row === m.top && c.col === m.left);
    actions += 2 + styleActions(anchor?.style ? spec.styles[anchor.style] : undefined);
  }
  actions += 2 * ((spec.columnWidths?.length ?? 0) + Object.keys(spec.rowHeights ?? {}).length);
  actions += 6 * (spec.validations?.length ?? 0) + 6 * (spec.tables?.length ?? 0);
  for (const c of spec.charts ?? []) actions += 6 + 2 * c.series.length;
  const strings = (spec.validations ?? []).reduce((n, v) => n + jsonBytes([v.list]) + jsonBytes([[v.error ?? "", v.prompt ?? ""]]), 0);
  return actions * ACTION_BYTES + strings + jsonBytes([[spec.print?.footer ?? "", ...(spec.charts ?? []).map((c) => c.title)]]);
}

function styleActions(s: CellStyle | undefined): number {
  if (!s) return 0;
  const props = [s.bold, s.fontSize, s.fontColor, s.fill, s.wrap, s.hAlign, s.vAlign].filter((p) => p !== undefined).length;
  return props + (s.border ? 6 * 4 : 0);
}
