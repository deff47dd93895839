/**
 * Workbooks made by ExcelJS, an independent writer, as a user's workbook would be, then opened through the
 * product's own adapter; and ExcelJS as an oracle that reads back what the adapter wrote.
 */
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
