/**
 * Issue 11, metamorphic: every sheet of a sample with two blank rows inserted under its title (before the table or
 * form) and a blank column before its first column: the same findings, each at its moved cell, with the same messages.
 */
import type { WorkbookSnapshot } from "../../src/core/model/grid";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { validateWorkbook } from "../../src/core/validate";
import { findingLine, findingsDiff, insertBlankRowsAndColumn, moveFindings, multisetDiff, sample, sampleFiles } from "../helpers/metamorphic";

const validate = (s: WorkbookSnapshot) => validateWorkbook(s, { profiles: BUILT_IN_PROFILES });
const sheetsRead = (r: ReturnType<typeof validate>) => r.sheets.map((s) => `${s.name}: ${s.status} ${s.profileId ?? ""}/${s.layoutId ?? ""} ${s.records} records`);

describe.each(sampleFiles())("%s", (file) => {
  test("two blank rows under the title and a blank column before the table: the same findings at the moved cells", async () => {
    const original = await sample(file);
    const before = validate(original);
    // Row `top + 1`: right under the sheet's first row, its title; the table or form starts below it.
    const { snapshot, move } = insertBlankRowsAndColumn(original, (g) => ({ row: g.top + 1, col: g.left }));
    const after = validate(snapshot);

    expect(before.findings.length).toBeGreaterThan(0);
    expect(sheetsRead(after)).toEqual(sheetsRead(before));
    const expected = moveFindings(before.findings, move);
    expect(findingsDiff(expected, after.findings)).toEqual({ missing: [], extra: [] });
    expect(multisetDiff(expected.map(findingLine), after.findings.map(findingLine))).toEqual({ missing: [], extra: [] });
    expect(after.fiscalYear).toBe(before.fiscalYear);
  });
});
