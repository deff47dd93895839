/**
 * @jest-environment node
 *
 * Removing a sheet (年度更新 leaves ended items out, and the year-before copies go) leaves nothing pointing at it:
 * defined names and formulas that referred to it read `#REF!`, as Excel writes them when a sheet is deleted, and
 * every other part stays byte for byte. Found by running removeSheets on the corpus: a workbook-level name such as
 * `'No 3'!$A$1:$A$5` was left naming a sheet the file no longer had, which Excel removes in a repair.
 */
import { unzipSync } from "fflate";
import { Package } from "../../src/workbook/xlsx/package";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { exceljsBytes } from "../helpers/exceljs-book";
import { sheetParts } from "../helpers/package-diff";
import { hasLibreOffice, recalculatedSheets } from "../helpers/libreoffice";

jest.setTimeout(120_000);

async function workbook(): Promise<Uint8Array> {
  return exceljsBytes((wb) => {
    const a = wb.addWorksheet("A");
    const gone = wb.addWorksheet("No 3");
    const c = wb.addWorksheet("C");
    wb.addWorksheet("D").getCell("A1").value = "nothing points anywhere";
    gone.getCell("A1").value = "選択肢";
    gone.getCell("B2").value = 7;
    a.getCell("A1").value = { formula: "'No 3'!B2+1", result: 8 };
    a.getCell("A2").value = { formula: "\"'No 3'!B2\"&C!A1", result: "'No 3'!B2x" };
    c.getCell("A1").value = "x";
    c.getCell("B1").dataValidation = { type: "list", allowBlank: true, formulae: ["'No 3'!$A$1:$A$3"] };
    wb.definedNames.add("'No 3'!$A$1:$A$5", "Lists");
    wb.definedNames.add("C!$A$1", "Kept");
  });
}

test("names and formulas that pointed at the removed sheet read #REF!; a sheet that pointed nowhere is untouched", async () => {
  const input = await workbook();
  const book = await XlsxWorkbook.load(input);
  book.removeSheets(["No 3"]);
  const out = await book.toBytes();
  const pkg = Package.open(out);
  const parts = sheetParts(input);
  const wb = pkg.text("xl/workbook.xml")!;
  expect(wb).toMatch(/<definedName name="Lists"[^>]*>#REF!\$A\$1:\$A\$5<\/definedName>/);
  expect(wb).toMatch(/<definedName name="Kept"[^>]*>C!\$A\$1<\/definedName>/);
  const a = pkg.text(parts.get("A")!)!;
  expect(a).toContain("<f>#REF!B2+1</f>");
  expect(a).toContain("<f>&quot;&apos;No 3&apos;!B2&quot;&amp;C!A1</f>"); // the text in quotes is not a reference, and stays as written
  expect(pkg.text(parts.get("C")!)!).toContain("<formula1>#REF!$A$1:$A$3</formula1>");
  const before = unzipSync(input);
  const after = unzipSync(out);
  expect(after[parts.get("D")!]).toEqual(before[parts.get("D")!]);
  expect(after[parts.get("No 3")!]).toBeUndefined();
  // The values the user sees in the remaining sheets are as before.
  const reread = await (await XlsxWorkbook.load(out)).readAll();
  const original = await (await XlsxWorkbook.load(input)).readAll();
  expect(reread.sheets.map((s) => [s.name, s.rows])).toEqual(original.sheets.filter((s) => s.name !== "No 3").map((s) => [s.name, s.rows]));
});

test("a workbook where nothing refers to the removed sheet changes only in the workbook part and its lists", async () => {
  const input = await exceljsBytes((wb) => {
    wb.addWorksheet("A").getCell("A1").value = { formula: "B1*2", result: 0 };
    wb.addWorksheet("B").getCell("A1").value = "x";
  });
  const book = await XlsxWorkbook.load(input);
  book.removeSheets(["B"]);
  const out = await book.toBytes();
  const parts = sheetParts(input);
  expect(unzipSync(out)[parts.get("A")!]).toEqual(unzipSync(input)[parts.get("A")!]);
});

test("a 3-D reference that ends at a removed sheet ends one sheet inward, as Excel does; one spanning only it reads #REF!", async () => {
  // A hand-made 集計 summing B2 over the item sheets; 年度更新 --drop-ended takes No.3 out.
  const input = await exceljsBytes((wb) => {
    [1, 2, 4].forEach((v, i) => (wb.addWorksheet(`No.${i + 1}`).getCell("B2").value = v));
    const sum = wb.addWorksheet("集計");
    sum.getCell("A1").value = { formula: "SUM(No.1:No.3!B2)", result: 7 };
    sum.getCell("A2").value = { formula: "SUM('No.2:No.3'!B2)", result: 6 };
    sum.getCell("A3").value = { formula: "SUM(No.3:No.3!B2)", result: 4 };
    sum.getCell("A4").value = { formula: "SUM(No.1:No.2!B2)", result: 3 };
  });
  const book = await XlsxWorkbook.load(input);
  book.removeSheets(["No.3"]);
  const out = await book.toBytes();
  const xml = Package.open(out).text(sheetParts(input).get("集計")!)!;
  expect([...xml.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1])).toEqual(["SUM(No.1:No.2!B2)", "SUM('No.2'!B2)", "SUM(#REF!B2)", "SUM(No.1:No.2!B2)"]);
  if (!hasLibreOffice()) return;
  // An independent reader computes them again; LibreOffice shows #NAME? where Excel shows #REF!.
  const rows = recalculatedSheets(out, "集計.xlsx", ["集計"]).get("集計")!;
  expect(rows.map((r) => r[0])).toEqual(["3", "2", "#NAME?", "3"]);
});
