/**
 * Dates in a workbook that counts its days from 1904 (old Excel for Mac; Excel → Options → Advanced), read in
 * Excel: the API gives each cell's serial number as the cell holds it, so the adapter asks Excel which date system
 * the workbook uses (DATE(2000, 1, 1) through Workbook.functions, in the sync that lists the sheets) and reads the
 * dates a user sees. A file read by the .xlsx adapter gives the same dates.
 */
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { FakeBook } from "../fakes/excel-fake";
import { rig, syncsOf } from "./office-helpers";

function bookWithDate(date1904: boolean): FakeBook {
  const book = new FakeBook();
  book.date1904 = date1904;
  const ws = book.addSheet("調査票");
  ws.put(0, 0, "時点").put(0, 1, book.serial(2017, 4, 1), "yyyy/m/d");
  ws.put(1, 0, "件数").put(1, 1, 41729); // a number, not a date: the same whatever the date system
  return book;
}

test.each([
  ["1904", true],
  ["1900", false],
])("in a %s workbook the cell shown as 2017/4/1 reads as 2017-04-01, in the same number of syncs", async (_name, date1904) => {
  const fakeBook = bookWithDate(date1904);
  expect(fakeBook.sheet("調査票")!.get(0, 1)!.value).toBe(date1904 ? 41364 : 42826);
  const { fake, book } = rig(fakeBook);
  let rows: readonly (readonly unknown[])[] = [];
  const syncs = await syncsOf(fake, async () => {
    rows = (await book.readAll()).sheets[0].rows;
  });
  expect(rows).toEqual([
    ["時点", new Date(Date.UTC(2017, 3, 1))],
    ["件数", 41729],
  ]);
  expect(syncs).toBe(3);
  // The same workbook saved as a file, read by the .xlsx adapter.
  const viaXlsx = await (await XlsxWorkbook.load(await fakeBook.toXlsx(), "b.xlsx")).readAll();
  expect(viaXlsx.sheets[0].rows).toEqual(rows);
});
