/**
 * Workbooks made by ExcelJS, an independent writer, as a user's workbook would be, then opened through the
 * product's own adapter; and ExcelJS as an oracle that reads back what the adapter wrote.
 */
import * as XLSX from "@e965/xlsx";
import ExcelJS from "exceljs";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";

/** An .xlsx built by ExcelJS. */
export async function exceljsBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** An .xlsx built by ExcelJS, opened by the product's adapter. */
export async function exceljsBook(build: (wb: ExcelJS.Workbook) => void): Promise<XlsxWorkbook> {
  return XlsxWorkbook.load(await exceljsBytes(build));
}

/** What ExcelJS reads from bytes the adapter wrote. */
export async function oracle(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/**
 * The internal link of a cell as SheetJS reads it (`#'No.24'!A5`) and its text. ExcelJS reads links only through
 * relationships, but Excel writes a link inside the workbook as a `location` with no relationship, as we do.
 */
export function linkAt(bytes: Uint8Array, sheet: string, row: number, col: number): { hyperlink?: string; text?: string } {
  const wb = XLSX.read(bytes, { type: "array" });
  const cell = wb.Sheets[sheet]?.[XLSX.utils.encode_cell({ r: row - 1, c: col - 1 })] as { l?: { Target?: string }; v?: unknown } | undefined;
  return { hyperlink: cell?.l?.Target, text: typeof cell?.v === "string" ? cell.v : undefined };
}
