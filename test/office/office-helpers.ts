/** Test helpers: an OfficeWorkbook over the strict fake, built from .xlsx bytes or by hand. */
import ExcelJS from "exceljs";
import { OfficeWorkbook, type OfficeWorkbookOptions } from "../../src/workbook/office/office-workbook";
import { FakeBook, FakeExcel, type FakeExcelOptions } from "../fakes/excel-fake";

export interface Rig {
  readonly fake: FakeExcel;
  readonly book: OfficeWorkbook;
}

export function rig(fakeBook: FakeBook, options: FakeExcelOptions & OfficeWorkbookOptions = {}): Rig {
  const fake = new FakeExcel(fakeBook, options);
  return {
    fake,
    book: new OfficeWorkbook(fake.run, { isSetSupported: fake.isSetSupported, officeDocument: fake.document, createWorkbook: fake.createWorkbook, ...options }),
  };
}

export async function rigFromXlsx(bytes: Uint8Array, options: FakeExcelOptions & OfficeWorkbookOptions = {}): Promise<Rig> {
  return rig(await FakeBook.fromXlsx(bytes), options);
}

export async function xlsxWith(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Syncs run by `op`, counted on the fake. */
export async function syncsOf(fake: FakeExcel, op: () => Promise<unknown>): Promise<number> {
  const before = fake.syncCount;
  await op();
  return fake.syncCount - before;
}
