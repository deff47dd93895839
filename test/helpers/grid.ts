/** Test helpers: sheet specs → in-memory grids, and workbooks read through the ExcelJS adapter. */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { CellValue } from "../../src/core/model/cell";
import type { SheetGrid, WorkbookSnapshot } from "../../src/core/model/grid";
import type { SheetSpec } from "../../src/core/sheet-spec";
import { specsToXlsx } from "../../scripts/lib/exceljs-render";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";

export const ROOT = path.join(__dirname, "..", "..");

/** The grid a spec would give once written to a sheet, without going through a file. */
export function specToGrid(spec: SheetSpec): SheetGrid {
  let bottom = 0;
  let right = 0;
  for (const c of spec.cells) {
    bottom = Math.max(bottom, c.row);
    right = Math.max(right, c.col);
  }
  const rows: CellValue[][] = Array.from({ length: bottom + 1 }, () => new Array<CellValue>(right + 1).fill(null));
  for (const c of spec.cells) {
    const v = c.value;
    rows[c.row][c.col] = v.t === "text" ? v.v : v.t === "number" ? v.v : v.t === "bool" ? v.v : null;
  }
  return { name: spec.name, visibility: "visible", top: 0, left: 0, rows, merges: spec.merges };
}

/** Writes specs to a real .xlsx and reads it back through the adapter, as the CLI would. */
export async function roundTrip(specs: readonly SheetSpec[]): Promise<WorkbookSnapshot> {
  return (await XlsxWorkbook.load(await specsToXlsx(specs))).readAll();
}

let seedCache: Promise<WorkbookSnapshot> | undefined;

/** seeds/kodaira-h29.xlsx, read once per test file. */
export function kodairaSeed(): Promise<WorkbookSnapshot> {
  seedCache ??= XlsxWorkbook.load(readFileSync(path.join(ROOT, "seeds", "kodaira-h29.xlsx"))).then((b) => b.readAll());
  return seedCache;
}
