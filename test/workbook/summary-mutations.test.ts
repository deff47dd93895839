/**
 * @jest-environment node
 *
 * Writes on damaged workbooks that carry parts the add-in does not own: the LibreOffice 調査票 with a comment, a
 * chart and validations, and the shared workbook with its revision parts, their XML parts damaged at random (a
 * seeded generator, test/helpers/damage.ts). Each file must be read, get its summaries and a fix with its 変更履歴,
 * and give a file whose changed parts are well-formed and that reads again, or be refused with a WorkbookError (a
 * message in the user's words). Never an internal error. The shared workbook's damage falls on its revision parts
 * and the workbook's relationships two times in five, since the shared-workbook check reads them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { buildSummaries } from "../../src/core/summary";
import { validateWorkbook } from "../../src/core/validate";
import { isWorkbookError } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { changedPartProblems, damage, generator } from "../helpers/damage";
import { ROOT } from "../helpers/grid";

jest.setTimeout(180_000);

const AT = new Date(2026, 10, 22, 9, 30);

/** `count` damaged copies: one to three XML parts damaged (`favoured` parts more often), now and then a part left out. */
function damagedCopies(file: string, seed: number, count: number, favoured: (part: string) => boolean): Uint8Array[] {
  const base = unzipSync(new Uint8Array(readFileSync(path.join(ROOT, "test", "fixtures", "preserve", file))));
  const xmlParts = Object.keys(base).filter((n) => n.endsWith(".xml") || n.endsWith(".rels"));
  const often = xmlParts.filter(favoured);
  const g = generator(seed);
  return Array.from({ length: count }, () => {
    const parts: Zippable = { ...base };
    const times = 1 + Math.floor(g.next() * 3);
    for (let k = 0; k < times; k++) {
      const name = often.length && g.next() < 0.4 ? g.pick(often) : g.pick(xmlParts);
      parts[name] = strToU8(damage(strFromU8(parts[name] as Uint8Array), g, 11));
    }
    if (g.next() < 0.05) delete parts[g.pick(Object.keys(parts))];
    return zipSync(parts);
  });
}

/** "written", "refused: <code>" (read, the write refused in words), or the WorkbookError's code when reading refused it. */
async function outcome(bytes: Uint8Array): Promise<string> {
  let read = false;
  try {
    const book = await XlsxWorkbook.load(bytes, "damaged.xlsx");
    const report = validateWorkbook(await book.readAll(), { profiles: BUILT_IN_PROFILES });
    read = true;
    await book.writeOwnedSheets(buildSummaries({ records: report.records, findings: report.findings, fiscalYear: report.fiscalYear, profiles: BUILT_IN_PROFILES, generatedAt: AT }));
    await book.applyEdits(report.findings.flatMap((f) => f.fix?.edits ?? []).slice(0, 3), AT);
    const written = await book.toBytes();
    expect(changedPartProblems(bytes, written)).toEqual([]);
    await (await XlsxWorkbook.load(written, "written.xlsx")).readAll();
    return "written";
  } catch (e) {
    if (!isWorkbookError(e)) throw e;
    // The revision parts are not the write's: damage there is carried over, never a reason to refuse.
    expect(String(e.detail ?? "")).not.toContain("revisions/");
    return read ? `refused: ${e.code}` : e.code;
  }
}

test.each([
  ["lo-kodaira-shared.xlsx", 31, 40, (p: string) => p.includes("revisions/") || p.endsWith("workbook.xml.rels")],
  ["lo-kodaira-memo-chart.xlsx", 17, 40, () => false],
])("%s damaged (seed %d, %d files): summaries and a fix are written, or refused in the user's words", async (file, seed, count, favoured) => {
  const seen: Record<string, number> = {};
  for (const bytes of damagedCopies(file, seed, count, favoured)) {
    const o = await outcome(bytes);
    seen[o] = (seen[o] ?? 0) + 1;
  }
  // Both paths must have run, or the seed tests less than it claims.
  expect(seen.written ?? 0).toBeGreaterThan(count / 2);
  expect((seen["refused: corrupt-part"] ?? 0) + (seen["corrupt-part"] ?? 0)).toBeGreaterThan(0);
  expect(Object.keys(seen).filter((k) => k !== "written" && !/corrupt-part|^corrupt$|too-complex|not-a-workbook|no-worksheets/.test(k))).toEqual([]);
});
