/**
 * @jest-environment node
 *
 * The Office adapter (through the strict fake) and the ExcelJS adapter read every sample workbook the same way:
 * validation gives identical findings. New samples dropped into seeds/ are covered without touching this file. Both
 * also lay out the 変更履歴 sheet of a fix the same way (src/core/changelog.ts).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { CHANGE_LOG_HEADER, CHANGE_LOG_HEADER_STYLE, CHANGE_LOG_WIDTHS, type LoggedEdit } from "../../src/core/changelog";
import type { Finding } from "../../src/core/model/finding";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { validateWorkbook } from "../../src/core/validate";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { ROOT } from "../helpers/grid";
import { rigFromXlsx, xlsxWith } from "./office-helpers";

const SEEDS = path.join(ROOT, "seeds");
const samples = readdirSync(SEEDS).filter((f) => f.toLowerCase().endsWith(".xlsx"));

const comparable = (f: Finding) => ({ ruleId: f.ruleId, severity: f.severity, sheet: f.sheet, cell: f.cell, recordId: f.recordId, message: f.message });

test("seeds/ に見本のブックがある", () => {
  expect(samples.length).toBeGreaterThan(0);
});

describe.each(samples)("%s", (file) => {
  test("Office アダプターと ExcelJS アダプターで検証結果が完全に一致する", async () => {
    const bytes = readFileSync(path.join(SEEDS, file));
    const viaXlsx = await (await XlsxWorkbook.load(bytes)).readAll();
    const { book } = await rigFromXlsx(bytes);
    const viaOffice = await book.readAll();

    expect(viaOffice.sheets.map((s) => [s.name, s.visibility])).toEqual(viaXlsx.sheets.map((s) => [s.name, s.visibility]));
    const a = validateWorkbook(viaXlsx, { profiles: BUILT_IN_PROFILES });
    const b = validateWorkbook(viaOffice, { profiles: BUILT_IN_PROFILES });
    expect(b.findings.length).toBeGreaterThan(0);
    expect(b.findings.map(comparable)).toEqual(a.findings.map(comparable));
    expect(b.sheets.map((s) => [s.name, s.status, s.profileId, s.records])).toEqual(a.sheets.map((s) => [s.name, s.status, s.profileId, s.records]));
  });
});

test("一つの修正で作る変更履歴シートは、両アダプターで見出しの塗り・太字・列幅・固定が同じ", async () => {
  const bytes = await xlsxWith((wb) => wb.addWorksheet("No.1").getCell("F2").value = "Ａ");
  const edits: LoggedEdit[] = [{ sheet: "No.1", cell: "F2", before: "Ａ", after: "A", ruleId: "CODE-VARIANT" }];
  const at = new Date(2026, 10, 22, 14, 5, 9);
  const columns = CHANGE_LOG_HEADER.map((_, c) => c);

  // The file adapter: its output read back by ExcelJS (widths in characters, fills as ARGB).
  const file = await XlsxWorkbook.load(bytes);
  expect((await file.applyEdits(edits, at)).applied).toEqual(edits);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await file.toBytes()) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("変更履歴")!;
  const viaFile = {
    header: columns.map((c) => ws.getCell(1, c + 1).value),
    fill: columns.map((c) => ((ws.getCell(1, c + 1).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb ?? "").slice(-6)),
    bold: columns.map((c) => ws.getCell(1, c + 1).font?.bold === true),
    widths: columns.map((c) => ws.getColumn(c + 1).width),
    frozenRows: (ws.views.find((v) => v.state === "frozen") as Partial<ExcelJS.WorksheetViewFrozen> | undefined)?.ySplit,
  };

  // The Office adapter on the fake: widths in points, in the digits of the Normal font (Calibri 11: 7 px).
  const { fake, book } = await rigFromXlsx(bytes);
  expect((await book.applyEdits(edits, at)).applied).toEqual(edits);
  const log = fake.book.sheet("変更履歴")!;
  const viaOffice = {
    header: columns.map((c) => log.get(0, c)?.value),
    fill: columns.map((c) => (log.get(0, c)?.format?.fill ?? "").replace("#", "")),
    bold: columns.map((c) => log.get(0, c)?.format?.bold === true),
    widths: columns.map((c) => (log.columnWidths.get(c)! / 0.75 - 5) / 7),
    frozenRows: log.freeze?.rows,
  };

  const expected = {
    header: [...CHANGE_LOG_HEADER],
    fill: columns.map(() => CHANGE_LOG_HEADER_STYLE.fill!.replace("#", "").toUpperCase()),
    bold: columns.map(() => true),
    widths: [...CHANGE_LOG_WIDTHS],
    frozenRows: 1,
  };
  expect(viaFile).toEqual(expected);
  expect(viaOffice).toEqual(expected);
});
