/** A workbook port over an in-memory snapshot, recording what the pane asks of it. For the pane's unit tests. */
import type { LoggedEdit } from "../../src/core/changelog";
import { cellText } from "../../src/core/model/cell";
import { parseA1 } from "../../src/core/model/address";
import type { CellValue } from "../../src/core/model/cell";
import type { SheetGrid, WorkbookSnapshot } from "../../src/core/model/grid";
import type { SheetSpec } from "../../src/core/sheet-spec";
import { type AppliedEdits, type ReadOptions, WorkbookError, type WorkbookPort, type WriteSheetResult } from "../../src/workbook/port";

export class MemoryPort implements WorkbookPort {
  sheets: SheetGrid[];
  settings: Record<string, string>;
  readonly selections: { sheet: string; address: string }[] = [];
  readonly applied: LoggedEdit[] = [];
  readonly settingsWrites: Record<string, string>[] = [];
  reads = 0;

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
    for (const e of edits) {
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
    return { applied, refused };
  }

  async writeOwnedSheet(spec: SheetSpec): Promise<WriteSheetResult> {
    return { name: spec.name, replaced: false };
  }

  async writeOwnedSheets(specs: readonly SheetSpec[]): Promise<WriteSheetResult[]> {
    return specs.map((spec) => ({ name: spec.name, replaced: false }));
  }

  async ownedSheets(): Promise<readonly string[]> {
    return [];
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    this.selections.push({ sheet, address });
  }

  async readSettings(): Promise<Readonly<Record<string, string>>> {
    return { ...this.settings };
  }

  async writeSettings(settings: Readonly<Record<string, string>>): Promise<void> {
    this.settingsWrites.push({ ...settings });
    this.settings = { ...this.settings, ...settings };
  }
}
