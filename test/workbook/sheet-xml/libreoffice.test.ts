/**
 * @jest-environment node
 *
 * LibreOffice, a client independent of ours and of ExcelJS, opens a package around renderSheetXml's output: the
 * formula-like strings are text (its CSV shows them as written, not as results), numbers and formulas come through.
 */
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { formula, num, text, type SheetSpec } from "../../../src/core/sheet-spec";
import { convert, CSV_ALL_SHEETS, libreOfficeAvailable, libreOfficeProfile, readCsv } from "../../helpers/libreoffice";
import { miniPackage } from "./mini-package";

jest.setTimeout(240_000);

const available = libreOfficeAvailable();
const suite = available ? describe : describe.skip;

const INJECTIONS = ['=HYPERLINK("http://x","y")', "+1", "-1", "@SUM(A1)", "=cmd|' /C calc'!A0", "=1+1"];

const SPEC: SheetSpec = {
  name: "注入",
  styles: { h: { bold: true, border: "thin", fill: "#DDEBF7" }, n: { numberFormat: "#,##0", border: "thin" } },
  merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
  cells: [
    { row: 0, col: 0, value: text("見出し & <タイトル>"), style: "h" },
    ...INJECTIONS.map((v, i) => ({ row: 1 + i, col: 0, value: text(v) })),
    { row: 1, col: 1, value: num(1234.5), style: "n" },
    { row: 2, col: 1, value: num(2) },
    { row: 3, col: 1, value: formula("=B2+B3", 0) }, // a stale cached value: LibreOffice recalculates
    { row: 4, col: 1, value: text("_x0041_ と 改行\nあり") },
    { row: 8, col: 0, value: text("列") },
    { row: 8, col: 1, value: text("列") }, // a repeated header: the table names it 列_2
    { row: 10, col: 0, value: text("リンク"), link: { sheet: "注入", cell: "B2" } },
  ],
  columnWidths: [30, 12],
  freeze: { rows: 1, cols: 0 },
  tables: [{ name: "T", range: { top: 8, left: 0, bottom: 9, right: 1 } }],
  validations: [{ range: { top: 1, left: 2, bottom: 3, right: 2 }, list: ["S", "A", "B"], error: "選ぶ" }],
  print: { orientation: "landscape", paper: "A4", fitToWidth: true, repeatRows: { top: 0, bottom: 0 }, footer: "&P / &N" },
};

suite("LibreOffice で renderSheetXml の出力を開く", () => {
  let work: string;
  let profile: string;

  beforeAll(() => {
    work = mkdtempSync(path.join(os.tmpdir(), "chosahyo-sheetxml-"));
    profile = libreOfficeProfile();
  });
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  });

  test("注入文字列は文字列のまま、数値と数式（再計算）も読める", () => {
    const file = path.join(work, "sheet.xlsx");
    writeFileSync(file, miniPackage([SPEC]).bytes);
    const [csv] = convert(file, CSV_ALL_SHEETS, path.join(work, "csv"), profile).filter((f) => f.endsWith("-注入.csv"));
    expect(csv).toBeDefined();
    const rows = readCsv(csv);
    expect(rows[0][0]).toBe("見出し & <タイトル>");
    expect(rows.slice(1, 1 + INJECTIONS.length).map((r) => r[0])).toEqual(INJECTIONS);
    // The CSV holds raw values (not as shown), so the number format does not get in the way.
    expect(rows[1][1]).toBe("1234.5");
    expect(rows[2][1]).toBe("2");
    expect(rows[3][1]).toBe("1236.5");
    expect(rows[4][1]).toBe("_x0041_ と 改行\nあり");
  });

  test("LibreOffice が読み取って保存し直しても、結合・入力規則・リンク・テーブル・書式・印刷設定が残る", async () => {
    // LibreOffice keeps only what it understood; (frozen panes it drops in headless mode whatever the file says).
    const file = path.join(work, "again.xlsx");
    writeFileSync(file, miniPackage([SPEC]).bytes);
    const [saved] = convert(file, "xlsx", path.join(work, "xlsx"), profile);
    const bytes = readFileSync(saved);
    const parts = unzipSync(bytes);
    const sheet = strFromU8(parts["xl/worksheets/sheet1.xml"]);
    expect(sheet).toContain(`<mergeCell ref="A1:C1"/>`);
    expect(sheet).toMatch(/<dataValidation [^>]*sqref="C2:C4"[^>]*type="list"><formula1>&quot;S,A,B&quot;<\/formula1>/);
    expect(sheet).toMatch(/<hyperlink ref="A11" location="(&apos;|')注入(&apos;|')!B2"/);
    expect(sheet).toMatch(/<pageSetUpPr fitToPage="(true|1)"\/>/);
    const table = Object.keys(parts).find((k) => k.startsWith("xl/tables/"));
    expect(table).toBeDefined();
    expect(strFromU8(parts[table!])).toMatch(/ref="A9:B10"[\s\S]*name="列"[\s\S]*name="列_2"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell("A1").font.bold).toBe(true);
    expect(ws.getCell("A1").fill).toMatchObject({ fgColor: { argb: "FFDDEBF7" } });
    expect(ws.getCell("C1").border.right).toMatchObject({ style: "thin" });
    expect(ws.getCell("B2").numFmt).toBe("#,##0");
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" });
    expect(ws.headerFooter.oddFooter).toContain("&P / &N");
  });
});
