/**
 * @jest-environment node
 *
 * Sheets whose structure covers the whole grid: the reader must not expand them. The old ExcelJS reader took
 * minutes (or ran out of memory) on each of these; the bounds below are generous so that a slow shared machine does
 * not fail them, while a reader that walks a million rows or a whole-sheet range would.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MAX_ROWS, type WorkbookSnapshot } from "../../../src/core/model/grid";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsx-workbook";
import { at, buildXlsx, ws } from "./build";

const BOUND_MS = 5000;

/** Load + readAll; `tries` > 1 keeps the fastest, so a moment of contention on a shared machine is not a failure. */
async function timedRead(bytes: Uint8Array, name = "t.xlsx", tries = 1): Promise<{ snap: WorkbookSnapshot; ms: number }> {
  if (tries > 1) {
    const runs = [];
    for (let i = 0; i < tries; i++) runs.push(await timedRead(bytes, name));
    return runs.reduce((a, b) => (a.ms <= b.ms ? a : b));
  }
  const start = performance.now();
  const book = await XlsxWorkbook.load(bytes, name);
  const snap = await book.readAll();
  const ms = performance.now() - start;
  return { snap, ms };
}

const VALUES = `<row r="1"><c r="A1" t="inlineStr"><is><t>所管課</t></is></c><c r="B1"><v>3</v></c></row>`;

describe("whole-grid structures are read without being expanded", () => {
  test("a data validation over A1:XFD1048576", async () => {
    const xml = ws(
      VALUES,
      `<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="A1:XFD1048576"><formula1>"A,B,C"</formula1></dataValidation></dataValidations>`,
      `<dimension ref="A1:B1"/><sheetViews><sheetView workbookViewId="0"><selection sqref="A1:XFD1048576"/></sheetView></sheetViews>`,
    );
    const { snap, ms } = await timedRead(buildXlsx({ sheets: [{ name: "S", xml }] }));
    expect(ms).toBeLessThan(BOUND_MS);
    expect(at(snap.sheets[0], "A1")).toBe("所管課");
    expect(snap.sheets[0].rows).toEqual([["所管課", 3]]);
  });

  test("the ExcelJS issue 1842 workbook (a whole-sheet validation from Excel Online)", async () => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, "../../fixtures/reader/exceljs__spec_integration_data_test-issue-1842.xlsx")));
    const { snap, ms } = await timedRead(bytes, "test-issue-1842.xlsx");
    expect(ms).toBeLessThan(BOUND_MS);
    expect(snap.sheets.map((s) => [s.name, s.rows.length])).toEqual([["Sheet1", 0]]);
  });

  test("a data validation over four whole columns (both ways of writing them)", async () => {
    for (const sqref of ["A:A C:C E:E G:G", "A1:A1048576 C1:C1048576 E1:E1048576 G1:G1048576"]) {
      const xml = ws(
        VALUES,
        `<dataValidations count="1"><dataValidation type="whole" operator="between" allowBlank="1" sqref="${sqref}"><formula1>0</formula1><formula2>100</formula2></dataValidation></dataValidations>`,
      );
      const { snap, ms } = await timedRead(buildXlsx({ sheets: [{ name: "S", xml }] }));
      expect(ms).toBeLessThan(BOUND_MS);
      expect(snap.sheets[0].rows).toEqual([["所管課", 3]]);
    }
  });

  test("50,000 merged areas", async () => {
    // 25 two-cell merges per row over 2,000 rows: all inside the window, all kept as ranges.
    const merges: string[] = [];
    for (let r = 1; r <= 2000; r++) for (let c = 0; c < 25; c++) merges.push(`<mergeCell ref="${col(2 * c)}${r}:${col(2 * c + 1)}${r}"/>`);
    const xml = ws(VALUES, `<mergeCells count="${merges.length}">${merges.join("")}</mergeCells>`);
    const { snap, ms } = await timedRead(buildXlsx({ sheets: [{ name: "S", xml }] }), "merges.xlsx", 2);
    expect(ms).toBeLessThan(BOUND_MS);
    expect(snap.sheets[0].merges.length).toBe(50_000);
    expect(snap.sheets[0].merges[49_999]).toEqual({ top: 1999, left: 48, bottom: 1999, right: 49 });
  });

  test("styled rows down to row 1,048,576", async () => {
    const rows: string[] = [VALUES];
    for (let r = 2; r <= 1_048_576; r++) rows.push(`<row r="${r}" s="1" customFormat="1" ht="15" customHeight="1"/>`);
    const xml = ws(rows.join(""), "", `<dimension ref="A1:XFD1048576"/>`);
    const { snap, ms } = await timedRead(buildXlsx({ sheets: [{ name: "S", xml }] }), "styled-rows.xlsx", 2);
    expect(ms).toBeLessThan(BOUND_MS);
    const g = snap.sheets[0];
    expect(g.rows).toEqual([["所管課", 3]]);
    expect(g.trimmed?.rows).toBe(1_048_576);
  });

  test(`values below row ${MAX_ROWS} in a sheet of a million rows are not read, and the sheet says so`, async () => {
    const rows: string[] = [VALUES];
    for (let r = 2; r <= 1_048_576; r += 7) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
    const { snap, ms } = await timedRead(buildXlsx({ sheets: [{ name: "S", xml: ws(rows.join("")) }] }), "million-rows.xlsx", 2);
    expect(ms).toBeLessThan(BOUND_MS);
    const g = snap.sheets[0];
    expect(g.top + g.rows.length).toBeLessThanOrEqual(MAX_ROWS);
    expect(g.trimmed?.rows).toBeGreaterThan(1_000_000);
  });
});

function col(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
