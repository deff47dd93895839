/**
 * @jest-environment node
 *
 * A sheet copied from one workbook into another (a folder's summary, 配布's copies, 回収, 前年度) reads in the copy
 * as it read in the source, where the two workbooks differ in what a cell's number means. Found by copying every
 * sheet of the corpus into a new workbook and reading both:
 * - a workbook in the 1904 date system (old Mac Excel; exceljs's 1904.xlsx, apache/poi's 48962.xlsx) had every date
 *   four years and a day early in the copy, since its serial numbers count from 1904-01-01;
 * - a shared-string cell with an empty `<v/>` (apache/poi's 64667.xlsx, read as empty) took the text of string 0.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { checkBook } from "../../src/workbook/xlsx/collect";
import { Package } from "../../src/workbook/xlsx/package";
import { splitBook } from "../../src/workbook/xlsx/split";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { exceljsBytes } from "../helpers/exceljs-book";
import { sheetParts } from "../helpers/package-diff";

const DAY = new Date(Date.UTC(2008, 2, 15));

/** A workbook in the given date system: a date, a date-time, a plain number and a number formatted as a number. */
function book(date1904: boolean): Promise<Uint8Array> {
  return exceljsBytes((wb) => {
    wb.properties.date1904 = date1904;
    const ws = wb.addWorksheet("No.1");
    ws.getCell("A1").value = "取組開始日";
    ws.getCell("B1").value = DAY;
    ws.getCell("B1").numFmt = "yyyy/m/d";
    ws.getCell("B2").value = new Date(Date.UTC(2020, 0, 2, 12, 0));
    ws.getCell("B2").numFmt = "yyyy/m/d h:mm";
    ws.getCell("B3").value = 39522; // a count, not a date
    ws.getCell("B4").value = 1462;
    ws.getCell("B4").numFmt = "#,##0";
  });
}

async function grid(bytes: Uint8Array, sheet: string) {
  const snap = await (await XlsxWorkbook.load(bytes)).readAll();
  return snap.sheets.find((s) => s.name === sheet)!.rows;
}

test.each([
  ["1904 into 1900", true, false],
  ["1900 into 1904", false, true],
  ["1904 into 1904", true, true],
])("a sheet copied %s keeps its dates, and its other numbers as they were", async (_, fromSystem, intoSystem) => {
  const source = await book(fromSystem);
  const from = await XlsxWorkbook.load(source);
  const into = await XlsxWorkbook.load(await exceljsBytes((wb) => {
    wb.properties.date1904 = intoSystem;
    wb.addWorksheet("表紙").getCell("A1").value = "集計";
  }));
  const name = into.importSheet(from, "No.1", "写し");
  const copied = await grid(await into.toBytes(), name);
  expect(copied).toEqual(await grid(source, "No.1"));
  expect(copied[0][1]).toEqual(DAY);
  expect(copied[2][1]).toBe(39522);
  expect(copied[3][1]).toBe(1462);
});

test("回収 of a 1904 department's copy into a 1900 master replaces the sheet with the same dates", async () => {
  const master = await XlsxWorkbook.load(await book(false));
  const returned = await book(true);
  await master.replaceSheets(await XlsxWorkbook.load(returned), ["No.1"], []);
  expect(await grid(await master.toBytes(), "No.1")).toEqual(await grid(returned, "No.1"));
});

test("a date written into a 1904 workbook's cell (回収 by rows) reads back as that date", async () => {
  const master = await XlsxWorkbook.load(await book(true));
  const later = new Date(Date.UTC(2009, 3, 1));
  master.setCells([{ sheet: "No.1", cell: "B1", value: master.dateSerial(later) }]);
  expect((await grid(await master.toBytes(), "No.1"))[0][1]).toEqual(later);
});

test("a shared-string cell with an empty <v/> is empty in the copy, as in the source", async () => {
  const bytes = await exceljsBytes((wb) => {
    const ws = wb.addWorksheet("No.1");
    ws.getCell("A1").value = "最初の文字列";
    ws.getCell("A2").value = "二番目";
  });
  const pkg = Package.open(bytes);
  const part = sheetParts(bytes).get("No.1")!;
  const xml = pkg.text(part)!;
  const a2 = /<c r="A2"[^>]*>[\s\S]*?<\/c>/.exec(xml)![0];
  pkg.set(part, xml.replace(a2, `<c r="A2" t="s"><v/></c>`));
  const damaged = pkg.toBytes();
  expect((await grid(damaged, "No.1"))[1]?.[0] ?? null).toBeNull();
  const into = XlsxWorkbook.create();
  into.importSheet(await XlsxWorkbook.load(damaged), "No.1");
  expect(await grid(await into.toBytes(), "No.1")).toEqual(await grid(damaged, "No.1"));
});

test("the sheet list a workbook keeps while sheets are copied in one by one is the list its saved file reads", async () => {
  // The list is carried from copy to copy rather than read again each time (500 copies read it 500 times).
  const source = await XlsxWorkbook.load(await book(false));
  const target = await XlsxWorkbook.load(
    await exceljsBytes((wb) => {
      wb.addWorksheet("No.1").getCell("A1").value = "this year";
      wb.addWorksheet("リスト", { state: "hidden" }).getCell("A1").value = "継続";
    }),
  );
  const copies = [
    target.importSheet(source, "No.1", "前年度_No.1", "hidden"),
    target.importSheet(source, "No.1"),
    target.importSheet(source, "No.1", "No.1", undefined, { others: new Map() }),
  ];
  expect(copies).toEqual(["前年度_No.1", "No.1 (2)", "No.1 (3)"]);
  const live = (await target.readAll()).sheets.map((s) => [s.name, s.visibility]);
  const saved = (await (await XlsxWorkbook.load(await target.toBytes())).readAll()).sheets.map((s) => [s.name, s.visibility]);
  expect(live).toEqual(saved);
  expect(saved).toEqual([
    ["No.1", "visible"],
    ["リスト", "hidden"],
    ["前年度_No.1", "hidden"],
    ["No.1 (2)", "visible"],
    ["No.1 (3)", "visible"],
  ]);
});

test("配布 of a master that counts from 1904: each department's copy counts from 1904 too, its cells holding the master's numbers", async () => {
  // Excel copies serial numbers between workbooks as they are, so a copy in the other date system would show its
  // dates four years and a day off once its sheets went back into the master in Excel (回収 inserts them).
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path.join(__dirname, "..", "..", "seeds", "kodaira-h29.xlsx")) as unknown as ArrayBuffer);
  wb.properties.date1904 = true;
  wb.getWorksheet("No.1")!.getCell("Z1").value = DAY;
  wb.getWorksheet("No.1")!.getCell("Z1").numFmt = "yyyy/m/d";
  const master = await XlsxWorkbook.load(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), "1904.xlsx");
  expect(master.usesDate1904()).toBe(true);
  const split = await splitBook(master, (await checkBook(master, BUILT_IN_PROFILES)).report, { profiles: BUILT_IN_PROFILES, aids: false });
  if (!split.ok) throw new Error("split refused");
  const copy = split.books.find((b) => b.sheets.includes("No.1"))!;
  const department = await XlsxWorkbook.load(copy.bytes, "dept.xlsx");
  expect(department.usesDate1904()).toBe(true);
  const serial = (bytes: Uint8Array) => {
    const part = sheetParts(bytes).get("No.1")!;
    return /<c r="Z1"[^>]*><v>([^<]+)<\/v>/.exec(Package.open(bytes).text(part)!)?.[1];
  };
  expect(serial(copy.bytes)).toBe(serial(await master.toBytes()));
  expect((await grid(copy.bytes, "No.1"))[0].at(-1)).toEqual(DAY);
});
