/**
 * @jest-environment node
 *
 * The 武蔵野 sample read through OfficeWorkbook over the strict Excel fake (test/fakes): as few syncs as the 小平 one
 * (3 or fewer, whatever the layout: one long sheet of stacked records, many merges, data validation), every response
 * under Excel on the web's limit, the same grids as the ExcelJS adapter, and the same findings.
 */
import type { Finding } from "../../src/core/model/finding";
import type { SheetGrid } from "../../src/core/model/grid";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { validateWorkbook } from "../../src/core/validate";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { RESPONSE_LIMIT } from "../fakes/excel-fake";
import { kodairaSeed, ROOT } from "../helpers/grid";
import { rigFromXlsx, syncsOf } from "../office/office-helpers";
import { readFileSync } from "node:fs";
import path from "node:path";
import { seedBytes } from "./helpers";

const comparable = (f: Finding) => ({ ruleId: f.ruleId, severity: f.severity, sheet: f.sheet, cell: f.cell, recordId: f.recordId, message: f.message, fix: f.fix });
const norm = (g: SheetGrid) => ({ ...g, merges: [...g.merges].sort((a, b) => a.top - b.top || a.left - b.left) });

async function viaOffice(bytes: Uint8Array) {
  const { fake, book } = await rigFromXlsx(bytes);
  let snapshot: Awaited<ReturnType<typeof book.readAll>> | undefined;
  const syncs = await syncsOf(fake, async () => (snapshot = await book.readAll()));
  return { fake, snapshot: snapshot!, syncs };
}

describe("Office アダプター（厳格なフェイク）で武蔵野の見本を読む", () => {
  test("小平の見本と同じ回数（3 回以下）の sync で読み、どの応答も上限以下", async () => {
    const musashino = await viaOffice(seedBytes());
    const kodaira = await viaOffice(readFileSync(path.join(ROOT, "seeds", "kodaira-h29.xlsx")));
    expect(musashino.syncs).toBe(kodaira.syncs);
    expect(musashino.syncs).toBeLessThanOrEqual(3);
    expect(musashino.fake.maxResponseBytes).toBeLessThanOrEqual(RESPONSE_LIMIT);
    expect(musashino.fake.syncs.every((s) => !s.error)).toBe(true);
    // The 小平 seed read through the fake is the one the kodaira tests check.
    expect(kodaira.snapshot.sheets.map((s) => s.name)).toEqual((await kodairaSeed()).sheets.map((s) => s.name));
  });

  test("ExcelJS アダプターと同じグリッド（値と結合）になり、検証結果も完全に一致する", async () => {
    const bytes = seedBytes();
    const { snapshot: office } = await viaOffice(bytes);
    const xlsx = await (await XlsxWorkbook.load(bytes)).readAll();
    expect(office.sheets.map(norm)).toEqual(xlsx.sheets.map(norm));
    // Under Excel's 512 merged areas per request, so no banded merge reads (the reason the syncs stay at 3).
    expect(xlsx.sheets.every((g) => g.merges.length <= 512)).toBe(true);
    const a = validateWorkbook(xlsx, { profiles: BUILT_IN_PROFILES });
    const b = validateWorkbook(office, { profiles: BUILT_IN_PROFILES });
    expect(b.findings).toHaveLength(152); // 146 + the 6 `<p>` plan cells (L1055, L1321)
    expect(b.findings.map(comparable)).toEqual(a.findings.map(comparable));
    expect(b.records.filter((r) => r.role === "records").flatMap((r) => r.plans ?? [])).toHaveLength(84);
  });
});
