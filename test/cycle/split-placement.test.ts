/**
 * @jest-environment node
 *
 * 配布 carries a sheet's drawing (pictures, charts) and notes into the department's copy by adding <drawing> or
 * <legacyDrawing> to the sheet. It goes among the worksheet's own children, in schema order: not inside an
 * Excel 2010 data bar, whose rule holds an <extLst> of its own that comes earlier in the part (Excel repairs a
 * file with a <drawing> inside a <cfRule>, and the picture is lost).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, strToU8, zipSync } from "fflate";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { readSheetEntries, workbookPart } from "../../src/workbook/xlsx/book";
import { checkBook } from "../../src/workbook/xlsx/collect";
import { Package } from "../../src/workbook/xlsx/package";
import { splitBook } from "../../src/workbook/xlsx/split";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { ROOT } from "../helpers/grid";
import { readPackage } from "../helpers/package-diff";

const MASTER = path.join(ROOT, "test", "fixtures", "preserve", "kodaira-full.xlsm");
const X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
const DATA_BAR =
  `<conditionalFormatting sqref="F5:F8"><cfRule type="dataBar" priority="99"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar>` +
  `<extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="${X14}"><x14:id>{6A4B1C2D-0000-4000-8000-000000000001}</x14:id></ext></extLst></cfRule></conditionalFormatting>`;

function partOf(bytes: Uint8Array, sheet: string): string {
  const pkg = Package.open(bytes);
  return readSheetEntries(pkg, workbookPart(pkg)).find((e) => e.name === sheet)!.part!;
}

/** The master with a data bar on No.2 (the sheet with a picture), placed where CT_Worksheet wants it. */
function masterWithDataBar(): Uint8Array {
  const bytes = new Uint8Array(readFileSync(MASTER));
  const pkg = readPackage(bytes);
  const part = partOf(bytes, "No.2");
  const xml = strFromU8(pkg.get(part)!);
  const at = Math.min(...["<dataValidations", "<hyperlinks", "<printOptions", "<pageMargins"].map((t) => xml.indexOf(t)).filter((i) => i >= 0));
  pkg.set(part, strToU8(xml.slice(0, at) + DATA_BAR + xml.slice(at)));
  return zipSync(Object.fromEntries(pkg));
}

test("データバーのあるシートの画像は、データバーの規則の中ではなく、シートの子として（スキーマの順で）写す", async () => {
  const book = await XlsxWorkbook.load(masterWithDataBar(), "master.xlsm");
  const split = await splitBook(book, (await checkBook(book, BUILT_IN_PROFILES)).report, { profiles: BUILT_IN_PROFILES, at: new Date("2026-11-01T00:00:00Z"), shared: "copy" });
  if (!split.ok) throw new Error("split refused");
  const culture = split.books.find((b) => b.sheets.includes("No.2"))!;
  const xml = strFromU8(readPackage(culture.bytes).get(partOf(culture.bytes, "No.2"))!);
  const rule = /<cfRule type="dataBar"[\s\S]*?<\/cfRule>/.exec(xml)![0];
  expect(rule).not.toContain("<drawing");
  // The drawing is a child of <worksheet>: after the margins and page setup, before any extLst of the sheet's own.
  const drawing = xml.indexOf("<drawing ");
  expect(drawing).toBeGreaterThan(xml.indexOf("</conditionalFormatting>"));
  expect(drawing).toBeGreaterThan(xml.indexOf("<pageMargins"));
  const sheetExt = xml.lastIndexOf("<extLst>");
  if (sheetExt > xml.indexOf("</cfRule>")) expect(drawing).toBeLessThan(sheetExt);
});
