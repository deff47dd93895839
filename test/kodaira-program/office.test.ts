/**
 * @jest-environment node
 *
 * The Office adapter reads seeds/kodaira-program-r6.xlsx through the strict Excel fake (which throws on a read before
 * load and sync, and counts syncs and payload bytes) in at most 3 syncs, and the core gives exactly the findings and
 * records it gives through the ExcelJS adapter.
 */
import { readFileSync } from "node:fs";
import type { Finding } from "../../src/core/model/finding";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { validateWorkbook } from "../../src/core/validate";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { RESPONSE_LIMIT } from "../fakes/excel-fake";
import { rigFromXlsx, syncsOf } from "../office/office-helpers";
import { PROGRAM_SEED } from "./helpers";

const comparable = (f: Finding) => ({ ruleId: f.ruleId, severity: f.severity, sheet: f.sheet, cell: f.cell, recordId: f.recordId, message: f.message, fix: f.fix });

test("Office アダプター（厳密な偽物）で 3 回以下の sync で読み、ExcelJS アダプターと同じ指摘・記録になる", async () => {
  const bytes = readFileSync(PROGRAM_SEED);
  const viaXlsx = await (await XlsxWorkbook.load(bytes)).readAll();
  const { fake, book } = await rigFromXlsx(bytes);
  let viaOffice: Awaited<ReturnType<typeof book.readAll>> | undefined;
  const syncs = await syncsOf(fake, async () => (viaOffice = await book.readAll()));
  expect(syncs).toBeLessThanOrEqual(3);
  expect(fake.syncs.every((s) => !s.error)).toBe(true);
  expect(fake.maxResponseBytes).toBeLessThanOrEqual(RESPONSE_LIMIT);

  const a = validateWorkbook(viaXlsx, { profiles: BUILT_IN_PROFILES });
  const b = validateWorkbook(viaOffice!, { profiles: BUILT_IN_PROFILES });
  expect(b.sheets.map((s) => [s.name, s.status, s.profileId, s.layoutId, s.records])).toEqual([["推進プログラム", "recognised", "kodaira-program", "program", 23]]);
  expect(b.findings).toHaveLength(35);
  expect(b.findings.map(comparable)).toEqual(a.findings.map(comparable));
  const project = (r: (typeof a.records)[number]) => [r.id?.text, r.ended ?? false, r.group?.text, r.tasks.map((t) => t.years.map((y) => y.text)), (r.goals ?? []).map((g) => [g.text, g.cell])];
  expect(b.records.map(project)).toEqual(a.records.map(project));
});
