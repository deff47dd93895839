/**
 * @jest-environment node
 *
 * The reader against an independent one: for the seed workbooks and files from other writers (Google Sheets,
 * LibreOffice, Numbers, Excel with rich text and phonetic runs, a 1904 workbook, Strict OOXML), readAll() gives
 * what ExcelJS's full load gives through the oracle (test/helpers/exceljs-read.ts), cell by cell. Where ExcelJS is
 * known to be wrong the expected value is corrected and the reason named beside it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import type { CellValue } from "../../../src/core/model/cell";
import type { SheetGrid } from "../../../src/core/model/grid";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsx-workbook";
import { oracle } from "../../helpers/exceljs-book";
import { readWorksheet } from "../../helpers/exceljs-read";

const ROOT = join(__dirname, "../../..");
const FIX = join(ROOT, "test/fixtures/reader");

/** Every filled cell of a grid as "A1-style key → value", with merges and formats beside them. */
function flatten(g: SheetGrid) {
  const cells: Record<string, CellValue> = {};
  g.rows.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v !== null && v !== "") cells[`${g.top + i},${g.left + j}`] = v instanceof Date ? (`date:${v.toISOString()}` as CellValue) : v;
    }),
  );
  const merges = [...g.merges].map((m) => `${m.top},${m.left}:${m.bottom},${m.right}`).sort();
  const formats = Object.fromEntries([...(g.numberFormats ?? new Map<string, string>())].sort());
  return { name: g.name, visibility: g.visibility, protected: !!g.protected, cells, merges, formats };
}

type Flat = ReturnType<typeof flatten>;

/** ExcelJS's view of the file: every worksheet through the oracle's reader. */
async function viaExcelJS(bytes: Uint8Array): Promise<Flat[]> {
  const wb: ExcelJS.Workbook = await oracle(bytes);
  return wb.worksheets.map((ws) => flatten(readWorksheet(ws)));
}

async function viaReader(bytes: Uint8Array, name: string): Promise<Flat[]> {
  const snap = await (await XlsxWorkbook.load(bytes, name)).readAll();
  return snap.sheets.map(flatten);
}

/** Corrections where ExcelJS is known to be wrong, applied to its side before comparing. */
function correctExcelJS(sheets: Flat[], fix: (v: CellValue) => CellValue): Flat[] {
  return sheets.map((s) => ({ ...s, cells: Object.fromEntries(Object.entries(s.cells).map(([k, v]) => [k, fix(v)])) }));
}

/** ExcelJS does not decode `_xHHHH_` escapes in shared and inline strings (ST_Xstring). */
const decodeXstring = (v: CellValue): CellValue => (typeof v === "string" ? v.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : v);

const cases: { file: string; what: string; fix?: (v: CellValue) => CellValue; twin?: string }[] = [
  { file: "seeds/kodaira-h29.xlsx", what: "seed: 小平 H29 (ExcelJS-written)" },
  { file: "seeds/kodaira-program-r6.xlsx", what: "seed: 小平 program R6" },
  { file: "seeds/mitaka-2021.xlsx", what: "seed: 三鷹 2021" },
  { file: "seeds/musashino-h29.xlsx", what: "seed: 武蔵野 H29" },
  { file: "test/fixtures/reader/exceljs__spec_integration_data_hidden-test_google-sheets.xlsx", what: "Google Sheets, hidden sheets" },
  { file: "test/fixtures/reader/exceljs__spec_integration_data_hidden-test_libre-calc-as-excel-2007-365.xlsx", what: "LibreOffice Calc, hidden sheets" },
  { file: "test/fixtures/reader/sheetjs__Attendance.xlsx", what: "Numbers export: booleans, dates, styled empty rows" },
  { file: "test/fixtures/reader/xlsmapper__src_test_data_anno_LifeCycle.xlsx", what: "Excel (Japanese): phonetic runs in shared strings" },
  { file: "test/fixtures/reader/poi__test-data_spreadsheet_58315.xlsx", what: "Excel: rich text runs" },
  { file: "test/fixtures/reader/exceljs__spec_integration_data_1904.xlsx", what: "Excel: the 1904 date system" },
  { file: "test/fixtures/reader/xlsmapper__src_test_data_utils.xlsx", what: "Excel (Japanese): a literal CR LF in a shared string, phonetic runs" },
  { file: "test/fixtures/reader/poi__test-data_spreadsheet_60289.xlsx", what: "Access export: _x000d_ in an inline string", fix: decodeXstring },
  // ExcelJS cannot read Strict OOXML at all: the reader's Strict file must read as ExcelJS reads its Transitional twin.
  { file: "test/fixtures/reader/poi__test-data_spreadsheet_sample.strict.xlsx", what: "Strict OOXML (vs its Transitional twin)", twin: "test/fixtures/reader/poi__test-data_spreadsheet_sample.xlsx" },
];

describe("readAll() agrees with ExcelJS", () => {
  test.each(cases)("$what", async ({ file, fix, twin }) => {
    const bytes = new Uint8Array(readFileSync(join(ROOT, file)));
    const ours = await viaReader(bytes, file);
    let theirs = await viaExcelJS(twin ? new Uint8Array(readFileSync(join(ROOT, twin))) : bytes);
    if (fix) theirs = correctExcelJS(theirs, fix);
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.flatMap((s) => Object.keys(s.cells)).length).toBeGreaterThan(0);
    expect(ours).toEqual(theirs);
  });

  test("the correction is needed: ExcelJS keeps _x000d_ where the reader gives CR; both read a literal CR LF as LF", async () => {
    const access = new Uint8Array(readFileSync(join(FIX, "poi__test-data_spreadsheet_60289.xlsx")));
    expect((await viaExcelJS(access))[0].cells["1,1"]).toBe("Rich Text_x000d_\nTest");
    expect((await viaReader(access, "60289.xlsx"))[0].cells["1,1"]).toBe("Rich Text\r\nTest");
    const utils = new Uint8Array(readFileSync(join(FIX, "xlsmapper__src_test_data_utils.xlsx")));
    const crlf = (sheets: Flat[]) => sheets.flatMap((s) => Object.values(s.cells)).filter((v) => typeof v === "string" && v.includes("ABC"));
    // Not a correction: ExcelJS's XML parser turns this file's literal CR LF into LF too.
    expect(crlf(await viaExcelJS(utils))).toContain("  ABC\nefg ");
    expect(crlf(await viaReader(utils, "utils.xlsx"))).toContain("  ABC\nefg ");
  });
});
