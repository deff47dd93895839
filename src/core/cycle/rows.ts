/**
 * 配布・回収 by rows (docs/distribution.md): a sheet holding several items (rows of a table, or records stacked down
 * the sheet as in the 武蔵野 取組状況) is split into the rows of each record. A record's rows are those its own cells
 * (and the merged areas they start) cover, plus the rows after it up to the next record; heading rows between
 * records go with the records that sit under them; the rows above the first record and below the last go to
 * everyone. A department's copy holds its rows in the master's order, so a copy row maps back to one master row.
 * Pure.
 */
import { rewriteReferences } from "../formula/refs";
import type { CellRange } from "../model/address";
import type { CellValue } from "../model/cell";
import type { SheetGrid } from "../model/grid";
import type { SurveyRecord } from "../model/record";

/** Master rows, 1-based and inclusive (as DistributedSheet.rows). */
export interface RowRange {
  readonly from: number;
  readonly to: number;
}

/** How a sheet's rows fall to its records (0-based rows). */
export interface SheetRows {
  /** Rows above the first record: the sheet's title and the table's headings. */
  readonly headBottom: number;
  /** Rows from here down: notes after the last record (up to the sheet's last row and beyond). */
  readonly tailTop: number;
  /** Per record (in the order given): its own rows, top to bottom, and the heading rows it sits under. */
  readonly records: readonly { readonly top: number; readonly bottom: number; readonly headings: readonly number[] }[];
}

/** Keys of a record that point at cells outside its own rows: headings, the sheet's title, labels of a table's header. */
const NOT_OWN = new Set(["headings", "fiscalYear", "labelCells", "labelsRead", "group", "section", "subsection", "category", "present"]);

/** The rows a record's own cells are on (0-based). */
function ownRows(rec: SurveyRecord): number[] {
  const rows: number[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (!v || typeof v !== "object" || depth > 6) return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    if (typeof o.row === "number" && typeof o.col === "number") rows.push(o.row);
    for (const [k, x] of Object.entries(o)) if (!(depth === 0 && NOT_OWN.has(k))) walk(x, depth + 1);
  };
  walk(rec, 0);
  if (typeof rec.row === "number") rows.push(rec.row);
  return rows;
}

/**
 * The sheet's rows by record; undefined when two records' rows overlap (items side by side, or sharing a merged
 * area), which cannot be split by rows, or when there is no record.
 */
export function sheetRows(grid: SheetGrid, records: readonly SurveyRecord[]): SheetRows | undefined {
  // No record, no rows to tell apart (a master whose list sheet no longer reads as one, beside a marker that says
  // it was split by rows).
  if (records.length === 0) return undefined;
  const spans = records.map((rec, i) => {
    const rows = ownRows(rec);
    if (!rows.length) return { i, top: -1, bottom: -1 };
    let top = Math.min(...rows);
    let bottom = Math.max(...rows);
    // A merged area that starts in the record's rows is the record's, to its last row.
    for (const m of grid.merges) if (m.top >= top && m.top <= bottom && m.bottom > bottom) bottom = m.bottom;
    for (const m of grid.merges) if (m.bottom >= top && m.bottom <= bottom && m.top < top) top = m.top;
    return { i, top, bottom };
  });
  if (spans.some((s) => s.top < 0)) return undefined;
  const order = [...spans].sort((a, b) => a.top - b.top);
  for (let k = 1; k < order.length; k++) if (order[k].top <= order[k - 1].bottom) return undefined;
  const headingRows = new Set<number>();
  records.forEach((rec) => rec.headings?.forEach((h) => headingRows.add(h.cell.row)));
  // Rows between one record and the next that are no heading stay with the record above (its notes, a blank line).
  const bottoms = new Map<number, number>();
  order.forEach((s, k) => {
    const next = order[k + 1];
    let bottom = s.bottom;
    if (next) while (bottom + 1 < next.top && !headingRows.has(bottom + 1)) bottom++;
    bottoms.set(s.i, bottom);
  });
  const headBottom = order[0].top - 1;
  const tailTop = order[order.length - 1].bottom + 1;
  return {
    headBottom,
    tailTop,
    records: records.map((rec, i) => {
      const s = spans[i];
      const headings = [...new Set((rec.headings ?? []).map((h) => h.cell.row))].filter((r) => r > headBottom && r < s.top).sort((a, b) => a - b);
      return { top: s.top, bottom: bottoms.get(i)!, headings };
    }),
  };
}

/** The master rows (1-based ranges, in order) of a copy holding the given records of the sheet. */
export function rowsOf(layout: SheetRows, recordIndexes: Iterable<number>, lastRow: number): RowRange[] {
  const rows = new Set<number>();
  for (let r = 0; r <= layout.headBottom; r++) rows.add(r);
  for (const i of recordIndexes) {
    const rec = layout.records[i];
    for (let r = rec.top; r <= rec.bottom; r++) rows.add(r);
    for (const r of rec.headings) rows.add(r);
  }
  for (let r = layout.tailTop; r <= Math.max(lastRow, layout.tailTop - 1); r++) rows.add(r);
  const sorted = [...rows].sort((a, b) => a - b);
  const out: { from: number; to: number }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.to === r) last.to = r + 1;
    else out.push({ from: r + 1, to: r + 1 });
  }
  return out;
}

/**
 * Row mapping of a copy holding `rows` of the master (0-based both ways). Rows below the master sheet's last row
 * (`sheetEnd`, 0-based) follow on one to one: what lies below the sheet moves up with it.
 */
export class RowMap {
  private readonly kept: number[] = [];
  private readonly index = new Map<number, number>();
  private readonly lastMaster: number;
  private readonly end: number;

  constructor(rows: readonly RowRange[], sheetEnd = -1) {
    for (const r of rows) for (let m = r.from - 1; m <= r.to - 1; m++) this.kept.push(m);
    this.kept.forEach((m, k) => this.index.set(m, k));
    this.lastMaster = this.kept.length ? this.kept[this.kept.length - 1] : -1;
    this.end = Math.max(this.lastMaster, sheetEnd);
  }

  /** Rows the copy holds of the listed ranges. */
  get size(): number {
    return this.kept.length;
  }

  /** The master row of a copy row. */
  toMaster(copyRow: number): number {
    return copyRow < this.kept.length ? this.kept[copyRow] : this.end + 1 + (copyRow - this.kept.length);
  }

  /** The copy row of a master row, or undefined when the copy does not hold it. */
  toCopy(masterRow: number): number | undefined {
    if (masterRow > this.end) return this.kept.length + (masterRow - this.end - 1);
    return this.index.get(masterRow);
  }

  /** A master range's rows in the copy: shrunk to the rows it keeps; undefined when it keeps none. */
  rangeToCopy(top: number, bottom: number): { top: number; bottom: number } | undefined {
    let t: number | undefined;
    let b: number | undefined;
    for (let r = top; r <= bottom; r++) {
      const c = this.toCopy(r);
      if (c === undefined) continue;
      t ??= c;
      b = c;
    }
    return t === undefined || b === undefined ? undefined : { top: t, bottom: b };
  }
}

/**
 * A formula's references to `sheet` (or, when `own`, to the formula's own sheet) moved as the copy's rows moved, as
 * Excel does when rows are deleted: a reference into a deleted row becomes #REF!, a range shrinks to the rows it keeps.
 */
export function moveFormulaRows(formula: string, sheet: string, own: boolean, map: RowMap): string {
  return rewriteReferences(formula, (ref) => {
    const mine = ref.sheet === undefined ? own : ref.sheet === sheet;
    if (!mine || ref.row === 0) return { row: ref.row, col: ref.col };
    const at = map.toCopy(ref.row - 1);
    if (at !== undefined) return { row: at + 1, col: ref.col };
    if (ref.part === "single") return null;
    const k = ref.part === "start" ? map.rangeToCopy(ref.row - 1, ref.row - 1 + 1048576) : map.rangeToCopy(0, ref.row - 1);
    if (!k) return null;
    return { row: (ref.part === "start" ? k.top : k.bottom) + 1, col: ref.col };
  });
}

/** The master sheet as a copy holding `rows` would look: those rows, moved up, with merges shrunk or gone. */
export function projectRows(grid: SheetGrid, rows: readonly RowRange[]): SheetGrid {
  const bottom = grid.top + grid.rows.length - 1;
  const map = new RowMap(rows, bottom);
  const copyBottom = bottom < 0 ? -1 : (map.rangeToCopy(0, bottom)?.bottom ?? -1);
  const out: CellValue[][] = [];
  for (let k = 0; k <= copyBottom; k++) out.push([...(grid.rows[map.toMaster(k) - grid.top] ?? [])]);
  const merges: CellRange[] = [];
  for (const m of grid.merges) {
    const r = map.rangeToCopy(m.top, m.bottom);
    if (!r || (r.top === r.bottom && m.left === m.right)) continue;
    merges.push({ top: r.top, bottom: r.bottom, left: m.left, right: m.right });
  }
  const remap = (src: ReadonlyMap<string, string> | undefined): Map<string, string> | undefined => {
    if (!src) return undefined;
    const to = new Map<string, string>();
    for (const [key, v] of src) {
      const [r, c] = key.split(",").map(Number);
      const k = map.toCopy(r);
      if (k !== undefined) to.set(`${k},${c}`, v);
    }
    return to;
  };
  const moved = grid.formulas ? new Map([...grid.formulas].map(([k, f]) => [k, moveFormulaRows(f, grid.name, true, map)] as const)) : undefined;
  const formulas = remap(moved);
  const numberFormats = remap(grid.numberFormats);
  return { ...grid, top: 0, rows: out, merges, ...(formulas ? { formulas } : {}), ...(numberFormats ? { numberFormats } : {}) };
}

/** Cells ("row,col", 0-based) of the master moved to the copy's rows; cells the copy does not hold are left out. */
export function cellsToCopy(cells: ReadonlySet<string>, rows: readonly RowRange[], sheetEnd: number): Set<string> {
  const map = new RowMap(rows, sheetEnd);
  const out = new Set<string>();
  for (const key of cells) {
    const [r, c] = key.split(",").map(Number);
    const k = map.toCopy(r);
    if (k !== undefined) out.add(`${k},${c}`);
  }
  return out;
}
