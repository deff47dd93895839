import type { CellRange } from "./address";
import { type CellValue, isEmptyCell } from "./cell";

/** Reading is bounded (formats.md): the used range is capped at this many rows × columns per sheet. */
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
  /** Set when the used range was larger than the cap or than the last cell holding a value. */
  readonly trimmed?: { readonly rows: number; readonly cols: number };
  /** The sheet is protected (the add-in may not write to it). */
  readonly protected?: boolean;
}

/** A workbook as the core sees it: worksheets in tab order, plus what the adapter skipped. */
export interface WorkbookSnapshot {
  readonly sheets: readonly SheetGrid[];
  /** Chart sheets and other non-grid sheets, by name (listed, never read). */
  readonly skippedSheets: readonly { readonly name: string; readonly reason: "chart" | "dialog" | "macro" }[];
  /** Workbook-level settings the add-in stored (stage, 対象年度, overrides); absent when none. */
  readonly settings?: Readonly<Record<string, string>>;
}

/**
 * Fast cell access over a grid, with merged areas resolved to their top-left cell.
 * Built once per sheet and shared by recognition, reading and the rules.
 */
export class GridView {
  readonly grid: SheetGrid;
  readonly bottom: number; // inclusive, absolute
  readonly right: number; // inclusive, absolute
  private readonly mergeAt = new Map<number, CellRange>();
  /** Rows that a merged area starting above reaches into. */
  private readonly continuedRows = new Set<number>();
  private blankRows: Set<number> | undefined;

  constructor(grid: SheetGrid) {
    this.grid = grid;
    let width = 0;
    for (const r of grid.rows) if (r.length > width) width = r.length;
    this.bottom = grid.top + grid.rows.length - 1;
    this.right = grid.left + width - 1;
    for (const m of grid.merges) {
      for (let r = m.top + 1; r <= m.bottom && r <= m.top + 4000; r++) this.continuedRows.add(r);
      // Index every cell of a merge so lookups stay O(1); merges are small in these forms.
      const area = (m.bottom - m.top + 1) * (m.right - m.left + 1);
      if (area > 4000) continue; // a pathological merge: only its top-left matters for values
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) this.mergeAt.set(key(r, c), m);
    }
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
    return this.mergeAt.get(key(row, col));
  }

  /** The value a user sees at (row, col): for a merged area, its top-left cell's value. */
  value(row: number, col: number): CellValue {
    const m = this.mergeAt.get(key(row, col));
    return m ? this.raw(m.top, m.left) : this.raw(row, col);
  }

  /** The cell that holds the value shown at (row, col): the top-left of its merge, or itself. */
  anchor(row: number, col: number): { row: number; col: number } {
    const m = this.mergeAt.get(key(row, col));
    return m ? { row: m.top, col: m.left } : { row, col };
  }

  /** The bottom-right extent of the cell at (row, col), merge-aware. */
  extent(row: number, col: number): CellRange {
    return this.mergeAt.get(key(row, col)) ?? { top: row, left: col, bottom: row, right: col };
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

  /** True when the cell exists inside the sheet (used by tests and the fuzz check on findings). */
  contains(row: number, col: number): boolean {
    return row >= 0 && col >= 0 && row < 1048576 && col < 16384;
  }
}

function key(row: number, col: number): number {
  return row * 16384 + col;
}
