/**
 * Queues a SheetSpec onto a new worksheet (no sync here): the same rendering as xlsx/render.ts. Text cells get the
 * number format "@" before their value, in the same batch, so `=…`, `+…`, `-…` and `@…` stay text.
 */
import { quoteSheetName } from "../../core/model/address";
import type { CellStyle, SheetSpec, SpecCell, SpecValue } from "../../core/sheet-spec";
import { jsonBytes } from "./cells";

/** Excel on the web also limits a request to 5 MB; a long findings sheet is written in blocks of rows. */
export const REQUEST_BUDGET = 4 * 1024 * 1024;

export interface RenderOptions {
  /** Data validation needs ExcelApi 1.8; without it the drop-down lists are left out. */
  readonly validations: boolean;
}

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
}

type Edge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

/** Excel's column width unit (characters of the default font) → points: 7 px per character plus 5 px padding. */
export function columnWidthPoints(chars: number): number {
  return Math.trunc(chars * 7 + 5) * 0.75;
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
    formats[c.row][c.col] = c.value.t === "text" ? "@" : (style?.numberFormat ?? null);
    if (c.link && c.value.t === "text") linksByRow.set(c.row, [...(linksByRow.get(c.row) ?? []), c]);
  }
  const blocks: ValueBlock[] = [];
  let top = 0;
  let bytes = 0;
  for (let r = 0; r <= rows; r++) {
    const rowBytes = r < rows ? jsonBytes([values[r]]) + jsonBytes([formats[r]]) + (formulaRows.has(r) ? jsonBytes([formulas[r]]) : 0) : 0;
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
      });
      top = r;
      bytes = 0;
    }
    bytes += rowBytes;
  }
  return blocks;
}

/** Number formats first, then the values: "@" must be in place when the text arrives. */
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

/** Everything but the values: widths, heights, styles, merges, validation lists, frozen panes, tab colour. */
export function queueLayout(ws: Excel.Worksheet, spec: SheetSpec, options: RenderOptions): void {
  const widths = spec.columnWidths ?? [];
  for (let i = 0; i < widths.length; ) {
    let j = i;
    while (j + 1 < widths.length && widths[j + 1] === widths[i]) j++;
    ws.getRangeByIndexes(0, i, 1, j - i + 1).getEntireColumn().format.columnWidth = columnWidthPoints(widths[i]);
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
  if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.cols > 0)) {
    const { rows, cols } = spec.freeze;
    if (rows > 0 && cols > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, rows, cols));
    else if (rows > 0) ws.freezePanes.freezeRows(rows);
    else ws.freezePanes.freezeColumns(cols);
  }
  if (spec.tabColor) ws.tabColor = spec.tabColor;
}
