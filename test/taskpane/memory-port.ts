/** A workbook port over an in-memory snapshot, recording what the pane asks of it. For the pane's unit tests. */
import type { LoggedEdit } from "../../src/core/changelog";
import { cellText } from "../../src/core/model/cell";
import { parseA1 } from "../../src/core/model/address";
import type { CellValue } from "../../src/core/model/cell";
import type { SheetGrid, WorkbookSnapshot } from "../../src/core/model/grid";
import type { SheetSpec } from "../../src/core/sheet-spec";
import { mergeSettings, type OwnedSheet, planOwned } from "../../src/workbook/owned";
import { type AppliedEdits, type ReadOptions, WorkbookError, type WorkbookPort, type WriteSheetResult, type WriteSheetsOptions } from "../../src/workbook/port";

/** A written spec as a grid: its values, as the ExcelJS adapter would read them back (a formula as its cached value). */
function specGrid(spec: SheetSpec, name: string): SheetGrid {
  const rows: CellValue[][] = [];
  for (const c of spec.cells) {
    const v = c.value;
    const value: CellValue = v.t === "text" || v.t === "number" ? v.v : v.t === "bool" ? v.v : v.t === "formula" ? (v.cached ?? null) : null;
    while (rows.length <= c.row) rows.push([]);
    rows[c.row][c.col] = value;
  }
  const width = Math.max(0, ...rows.map((r) => r.length));
  return { name, visibility: "visible", top: 0, left: 0, rows: rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null)), merges: spec.merges };
}

export class MemoryPort implements WorkbookPort {
  sheets: SheetGrid[];
  settings: Record<string, string>;
  readonly selections: { sheet: string; address: string }[] = [];
  readonly applied: LoggedEdit[] = [];
  readonly settingsWrites: Record<string, string>[] = [];
  reads = 0;
  /** Cells (`No.1!F8`) that hold a formula: a fix there is returned in `formulas`, as the adapters do. */
  formulaCells = new Set<string>();
  /** Sheets this port generated, as the adapters record them. */
  owned: OwnedSheet[] = [];
  /** The specs of every writeOwnedSheets call. */
  readonly writes: SheetSpec[][] = [];
  /** What this host cannot draw (the ExcelJS adapter: charts). */
  omits: { chart?: boolean } = { chart: true };
  /**
   * Called by writeOwnedSheets after each sheet is written and reported (`done` of `total`); a test can hold the
   * write there to look at the progress.
   */
  onSheetWritten?: (done: number, total: number) => Promise<void> | void;

  constructor(snapshot: WorkbookSnapshot, settings: Record<string, string> = {}) {
    this.sheets = [...snapshot.sheets];
    this.settings = { ...settings };
  }

  async readAll(options?: ReadOptions): Promise<WorkbookSnapshot> {
    this.reads++;
    for (let i = 0; i < this.sheets.length; i++) {
      if (options?.isCancelled?.()) throw new WorkbookError("cancelled");
      options?.onProgress?.({ done: i + 1, total: this.sheets.length });
    }
    return { sheets: this.sheets, skippedSheets: [], settings: this.settings };
  }

  private cell(sheet: string, a1: string): { grid: SheetGrid; row: number; col: number } {
    const grid = this.sheets.find((s) => s.name === sheet);
    const p = parseA1(a1);
    if (!grid || !p) throw new WorkbookError("sheet-missing", sheet, sheet);
    return { grid, row: p.row, col: p.col };
  }

  async applyEdits(edits: readonly LoggedEdit[]): Promise<AppliedEdits> {
    const applied: LoggedEdit[] = [];
    const refused: LoggedEdit[] = [];
    const formulas: LoggedEdit[] = [];
    for (const e of edits) {
      if (this.formulaCells.has(`${e.sheet}!${e.cell}`)) {
        formulas.push(e);
        continue;
      }
      const { grid, row, col } = this.cell(e.sheet, e.cell);
      const rows = grid.rows.map((r) => [...r]);
      const now = rows[row - grid.top]?.[col - grid.left] ?? null;
      if (cellText(now) !== e.before) {
        refused.push(e);
        continue;
      }
      rows[row - grid.top][col - grid.left] = e.after as CellValue;
      this.sheets = this.sheets.map((s) => (s === grid ? { ...grid, rows } : s));
      applied.push(e);
    }
    this.applied.push(...applied);
    return { applied, refused, formulas };
  }

  async writeOwnedSheet(spec: SheetSpec): Promise<WriteSheetResult> {
    return (await this.writeOwnedSheets([spec]))[0];
  }

  /** The adapters' rules (owned.ts): the sheet generated before is replaced; a user's sheet is never touched. */
  async writeOwnedSheets(specs: readonly SheetSpec[], options?: WriteSheetsOptions): Promise<WriteSheetResult[]> {
    this.writes.push([...specs]);
    const plan = planOwned(
      specs.map((s) => s.name),
      this.owned,
      this.sheets.map((s) => s.name),
    );
    const results: WriteSheetResult[] = [];
    for (let i = 0; i < specs.length; i++) {
      const spec = specs[i];
      const { name, previous } = plan.targets[i];
      const grid = specGrid(spec, name);
      const at = this.sheets.findIndex((s) => s.name === name);
      if (at >= 0) this.sheets[at] = grid;
      else this.sheets.push(grid);
      results.push({
        name,
        ...(name !== spec.name ? { requestedName: spec.name } : {}),
        replaced: !!previous,
        ...(spec.charts?.length && this.omits.chart ? { omitted: ["chart" as const] } : {}),
      });
      options?.onProgress?.(i + 1, specs.length);
      await this.onSheetWritten?.(i + 1, specs.length);
    }
    this.owned = [...plan.owned];
    return results;
  }

  async ownedSheets(): Promise<readonly string[]> {
    return this.owned.map((o) => o.sheet);
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    this.selections.push({ sheet, address });
  }

  async readSettings(): Promise<Readonly<Record<string, string>>> {
    return { ...this.settings };
  }

  async writeSettings(settings: Readonly<Record<string, string>>): Promise<void> {
    this.settingsWrites.push({ ...settings });
    this.settings = mergeSettings(this.settings, settings);
  }
}
