/**
 * @jest-environment node
 *
 * The Office adapter (through the strict fake) and the ExcelJS adapter read every sample workbook the same way:
 * validation gives identical findings. New samples dropped into seeds/ are covered without touching this file.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Finding } from "../../src/core/model/finding";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { validateWorkbook } from "../../src/core/validate";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { ROOT } from "../helpers/grid";
import { rigFromXlsx } from "./office-helpers";

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
