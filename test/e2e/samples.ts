/** Workbooks the browser tests build from the sample. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { toA1 } from "../../src/core/model/address";
import { cellText } from "../../src/core/model/cell";
import { readSheet } from "../../src/core/profile/recognize";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { SEED } from "./browser";

export interface VariantSample {
  readonly bytes: Buffer;
  /** The same bytes, written to a temporary file (for the CLI). */
  readonly file: string;
  readonly cell: string;
  /** `Ａ`, full width: what the cell holds. */
  readonly before: string;
  /** `A`: what the fix writes. */
  readonly after: string;
}

/** The sample with the 1次評価 of sheet No.1 written in full width (`A` → `Ａ`): a CODE-VARIANT with a fix. */
export async function sampleWithCodeVariant(): Promise<VariantSample> {
  const seed = readFileSync(SEED);
  const snap = await (await XlsxWorkbook.load(seed)).readAll();
  const grid = snap.sheets.find((s) => s.name === "No.1")!;
  const rating = readSheet(grid, BUILT_IN_PROFILES).records[0].codes.eval1!;
  const after = cellText(rating.raw).trim();
  const before = String.fromCharCode(after.charCodeAt(0) + 0xfee0); // A → Ａ (full width)
  const cell = toA1(rating.cell.row, rating.cell.col);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(seed as unknown as ArrayBuffer);
  wb.getWorksheet("No.1")!.getCell(cell).value = before;
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "chosahyo-e2e-")), "kodaira-h29-variant.xlsx");
  writeFileSync(file, bytes);
  return { bytes, file, cell, before, after };
}
