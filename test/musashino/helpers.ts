/** Test helpers for the 武蔵野市 取組状況: the seed workbook, its layout map, and edits made with ExcelJS. */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { WorkbookSnapshot } from "../../src/core/model/grid";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { musashinoProjectInputs, type ProjectInput } from "../../scripts/seeds/musashino";
import { type RecordCells, recordsSheetSpec } from "../../scripts/seeds/musashino-sheet";
import { ROOT } from "../helpers/grid";

export const SEED = path.join(ROOT, "seeds", "musashino-h29.xlsx");

let bytesCache: Buffer | undefined;
export function seedBytes(): Buffer {
  bytesCache ??= readFileSync(SEED);
  return bytesCache;
}

let snapshotCache: Promise<WorkbookSnapshot> | undefined;
/** seeds/musashino-h29.xlsx through the ExcelJS adapter, read once per test file. */
export function musashinoSeed(): Promise<WorkbookSnapshot> {
  snapshotCache ??= XlsxWorkbook.load(seedBytes()).then((b) => b.readAll());
  return snapshotCache;
}

let inputs: ProjectInput[] | undefined;
export function projects(): ProjectInput[] {
  inputs ??= musashinoProjectInputs();
  return inputs;
}

let layout: readonly RecordCells[] | undefined;
/** Where each project's cells are on the 取組状況 sheet (0-based), as the seed builder placed them. */
export function recordCells(no: number): RecordCells {
  layout ??= recordsSheetSpec(projects()).cells;
  const c = layout.find((x) => x.no === no);
  if (!c) throw new Error(`no project #${no}`);
  return c;
}

/** 0-based row and column to A1. */
export function a1(row: number, col: number): string {
  let s = "";
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return `${s}${row + 1}`;
}

/** The seed with some cells of 取組状況 changed (0-based positions), read back through the adapter. */
export async function editedSeed(edits: readonly { row: number; col: number; value: string | null }[]): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(seedBytes() as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("取組状況")!;
  for (const e of edits) ws.getCell(e.row + 1, e.col + 1).value = e.value;
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return (await XlsxWorkbook.load(bytes)).readAll();
}
