import type { CellRange } from "./address";
import { type CellValue, isEmptyCell } from "./cell";

/** The size of every worksheet in Excel: no cell lies past row 1,048,576 or column XFD. */
export const SHEET_ROWS = 1_048_576;
export const SHEET_COLS = 16_384;

/** Reading is bounded (docs/formats.md): the used range is capped at this many rows × columns per sheet. */
export const MAX_ROWS = 2000;
export const MAX_COLS = 60;

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

/**
 * One worksheet's used values as an adapter read them, in one batch. Coordinates are absolute and 0-based:
 * rows[i][j] is the cell at (top + i, left + j).
 */
export interface SheetGrid {
  readonly name: string;
  readonly visibility: SheetVisibility;
  readonly top: number;
  readonly left: number;
  readonly rows: readonly (readonly CellValue[])[];
  /** Merged areas, absolute. */
  readonly merges: readonly CellRange[];
  /** Number formats of numeric cells that are not General, keyed "row,col" (absolute). Only % matters today. */
  readonly numberFormats?: ReadonlyMap<string, string>;
  /**
   * Formulas of the cells that hold one, keyed "row,col" (absolute), as text without the leading "=" and without the
   * file format's `_xlfn.` prefixes (normalizeFormula). Read only where a caller asks (回収 compares forms by them).
   */
  readonly formulas?: ReadonlyMap<string, string>;
  /** Set when the used range was larger than the cap or than the last cell holding a value. */
  readonly trimmed?: { readonly rows: number; readonly cols: number };
  /** The sheet is protected (the add-in may not write to it). */
  readonly protected?: boolean;
}

/** A workbook as the core sees it: worksheets in tab order, plus what the adapter skipped. */
export interface WorkbookSnapshot {
  readonly sheets: readonly SheetGrid[];
  /** Chart sheets and other non-grid sheets, by name (listed, never read); "missing": the workbook names a sheet with no part. */
  readonly skippedSheets: readonly { readonly name: string; readonly reason: "chart" | "dialog" | "macro" | "missing" }[];
  /** Workbook-level settings the add-in stored (stage, 対象年度, overrides); absent when none. */
  readonly settings?: Readonly<Record<string, string>>;
}

/** A cell that holds a value, at its absolute 0-based place, with its number format when that is not General. */
export interface FilledCell {
  readonly r: number;
  readonly c: number;
  readonly v: CellValue;
  readonly fmt?: string;
}

/**
 * A sheet's grid from the cells that hold values (both adapters read into this): trimmed to them, and marked
 * `trimmed` when the used range the file or host declares runs well past them or past the cap.
 */
export function gridFromCells(
  sheet: { readonly name: string; readonly visibility: SheetVisibility; readonly protected?: boolean },
  cells: readonly FilledCell[],
  merges: readonly CellRange[],
  declared: { readonly rows: number; readonly cols: number },
): SheetGrid {
  if (cells.length === 0) return { name: sheet.name, visibility: sheet.visibility, top: 0, left: 0, rows: [], merges };
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  // Indexed loops: this runs once per sheet, mostly unoptimised, where `for … of` allocates per step.
  for (let i = 0; i < cells.length; i++) {
    const { r, c } = cells[i];
    if (r < top) top = r;
    if (c < left) left = c;
    if (r > bottom) bottom = r;
    if (c > right) right = c;
  }
  const rows: CellValue[][] = [];
  for (let r = top; r <= bottom; r++) rows.push(new Array<CellValue>(right - left + 1).fill(null));
  const numberFormats = new Map<string, string>();
  for (let i = 0; i < cells.length; i++) {
    const { r, c, v, fmt } = cells[i];
    rows[r - top][c - left] = v;
    if (fmt) numberFormats.set(`${r},${c}`, fmt);
  }
  const trimmed = declared.rows > bottom + 1 + 50 || declared.cols > right + 1 + 10 || declared.rows > MAX_ROWS || declared.cols > MAX_COLS;
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    top,
    left,
    rows,
    merges,
    numberFormats: numberFormats.size ? numberFormats : undefined,
    trimmed: trimmed ? { rows: declared.rows, cols: declared.cols } : undefined,
    protected: sheet.protected,
  };
}

/**
 * Fast cell access over a grid, with merged areas resolved to their top-left cell.
 * Built once per sheet and shared by recognition, reading and the rules.
 */
export class GridView {
  readonly grid: SheetGrid;
  readonly bottom: number; // inclusive, absolute
  readonly right: number; // inclusive, absolute
  /**
   * Merge index over the sheet's box: for each cell, 1 + the index of the merge covering it, or 0. A typed array
   * rather than a map: every lookup in recognition and reading goes through it.
   */
  private readonly boxTop: number;
  private readonly boxLeft: number;
  private readonly boxWidth: number;
  private readonly boxHeight: number;
  private readonly mergeIndex: Int32Array;
  /** Merges that do not fit the box (far away or enormous): looked up one by one. */
  private readonly outside: CellRange[] = [];
  /** Rows that a merged area starting above reaches into. */
  private readonly continuedRows = new Set<number>();
  private blankRows: Set<number> | undefined;

  constructor(grid: SheetGrid) {
    this.grid = grid;
    let width = 0;
    for (let i = 0; i < grid.rows.length; i++) if (grid.rows[i].length > width) width = grid.rows[i].length;
    this.bottom = grid.top + grid.rows.length - 1;
    this.right = grid.left + width - 1;
    let top = grid.top;
    let left = grid.left;
    let bottom = Math.max(this.bottom, grid.top);
    let right = Math.max(this.right, grid.left);
    for (let i = 0; i < grid.merges.length; i++) {
      const m = grid.merges[i];
      top = Math.min(top, m.top);
      left = Math.min(left, m.left);
      bottom = Math.max(bottom, m.bottom);
      right = Math.max(right, m.right);
    }
    // The box is bounded like the read itself, so a stray far merge cannot blow it up.
    this.boxTop = Math.max(top, grid.top - MAX_ROWS);
    this.boxLeft = Math.max(left, grid.left - MAX_COLS);
    this.boxHeight = Math.min(bottom - this.boxTop + 1, MAX_ROWS + 100);
    this.boxWidth = Math.min(right - this.boxLeft + 1, MAX_COLS + 20);
    this.mergeIndex = new Int32Array(grid.merges.length ? this.boxHeight * this.boxWidth : 0);
    grid.merges.forEach((m, i) => {
      for (let r = m.top + 1; r <= m.bottom && r <= m.top + MAX_ROWS; r++) this.continuedRows.add(r);
      const inBox =
        m.top >= this.boxTop && m.left >= this.boxLeft && m.bottom < this.boxTop + this.boxHeight && m.right < this.boxLeft + this.boxWidth;
      if (!inBox) {
        this.outside.push(m);
        return;
      }
      for (let r = m.top; r <= m.bottom; r++) {
        const base = (r - this.boxTop) * this.boxWidth - this.boxLeft;
        for (let c = m.left; c <= m.right; c++) this.mergeIndex[base + c] = i + 1;
      }
    });
  }

  get name(): string {
    return this.grid.name;
  }

  /** The raw value stored at (row, col); merged cells other than the top-left are empty. */
  raw(row: number, col: number): CellValue {
    const r = this.grid.rows[row - this.grid.top];
    if (!r) return null;
    const v = r[col - this.grid.left];
    return v === undefined ? null : v;
  }

  /** The merged area containing (row, col), if any. */
  mergeOf(row: number, col: number): CellRange | undefined {
    const r = row - this.boxTop;
    const c = col - this.boxLeft;
    if (this.mergeIndex.length > 0 && r >= 0 && c >= 0 && r < this.boxHeight && c < this.boxWidth) {
      const i = this.mergeIndex[r * this.boxWidth + c];
      if (i > 0) return this.grid.merges[i - 1];
    }
    // Indexed: this runs for every cell looked at, mostly before V8 optimises it (see SheetIndex).
    const outside = this.outside;
    for (let i = 0; i < outside.length; i++) {
      const m = outside[i];
      if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
    }
    return undefined;
  }

  /** The value a user sees at (row, col): for a merged area, its top-left cell's value. */
  value(row: number, col: number): CellValue {
    const m = this.mergeOf(row, col);
    return m ? this.raw(m.top, m.left) : this.raw(row, col);
  }

  /** The cell that holds the value shown at (row, col): the top-left of its merge, or itself. */
  anchor(row: number, col: number): { row: number; col: number } {
    const m = this.mergeOf(row, col);
    return m ? { row: m.top, col: m.left } : { row, col };
  }

  /** The bottom-right extent of the cell at (row, col), merge-aware. */
  extent(row: number, col: number): CellRange {
    return this.mergeOf(row, col) ?? { top: row, left: col, bottom: row, right: col };
  }

  /**
   * The extent cut at the reading window: what an aid or 回収 covers cell by cell. A merge down to row 1,048,576 or
   * across to XFD (a damaged or careless file) would otherwise make a million cells of work; nothing past the
   * window is read, so nothing there is an input.
   */
  windowExtent(row: number, col: number): CellRange {
    const e = this.extent(row, col);
    const bottom = Math.min(e.bottom, Math.max(e.top, MAX_ROWS - 1));
    const right = Math.min(e.right, Math.max(e.left, MAX_COLS - 1));
    return bottom === e.bottom && right === e.right ? e : { top: e.top, left: e.left, bottom, right };
  }

  /**
   * A blank spacer row: every cell empty, and no merged area from the rows above reaching into it (the row under
   * a rating is "empty" in the grid where P, D and A are merged down over it, yet it is part of the block).
   */
  isBlankRow(row: number): boolean {
    if (this.continuedRows.has(row)) return false;
    if (!this.blankRows) {
      this.blankRows = new Set();
      this.grid.rows.forEach((r, i) => {
        if (r.every((v) => isEmptyCell(v))) this.blankRows!.add(this.grid.top + i);
      });
    }
    return row < this.grid.top || row > this.bottom || this.blankRows.has(row);
  }

  isEmpty(row: number, col: number): boolean {
    return isEmptyCell(this.value(row, col));
  }

  numberFormat(row: number, col: number): string | undefined {
    const a = this.anchor(row, col);
    return this.grid.numberFormats?.get(`${a.row},${a.col}`);
  }

  /** True when the cell exists inside the sheet: a merge may reach the sheet's edge, and nothing lies past it. */
  contains(row: number, col: number): boolean {
    return row >= 0 && col >= 0 && row < SHEET_ROWS && col < SHEET_COLS;
  }
}
