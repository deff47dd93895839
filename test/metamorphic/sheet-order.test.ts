/**
 * Issue 11, metamorphic: a sample workbook with its sheets in reverse order gives the same findings at the same
 * cells with the same messages. Only samples of more than one sheet: for one sheet the order cannot change.
 */
import type { WorkbookSnapshot } from "../../src/core/model/grid";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { validateWorkbook } from "../../src/core/validate";
import { findingLine, findingsDiff, multisetDiff, reorderSheets, sample, sampleFiles } from "../helpers/metamorphic";

const validate = (s: WorkbookSnapshot) => validateWorkbook(s, { profiles: BUILT_IN_PROFILES });
const sheetsRead = (r: ReturnType<typeof validate>) => r.sheets.map((s) => `${s.name}: ${s.status} ${s.profileId ?? ""}/${s.layoutId ?? ""} ${s.records} records`).sort();

const MULTI_SHEET = sampleFiles().filter((f) => f !== "kodaira-program-r6.xlsx");

test("every sample but the one-sheet 推進プログラム has several sheets", async () => {
  for (const f of sampleFiles()) expect([f, (await sample(f)).sheets.length > 1]).toEqual([f, MULTI_SHEET.includes(f)]);
});

describe.each(MULTI_SHEET)("%s", (file) => {
  test.each(["reversed", "rotated"] as const)("sheets %s: the same findings, cells and messages", async (how) => {
    const original = await sample(file);
    const n = original.sheets.length;
    const order = how === "reversed" ? [...Array(n).keys()].reverse() : [...Array(n).keys()].map((i) => (i + 1) % n);
    const before = validate(original);
    const after = validate(reorderSheets(original, order));

    expect(before.findings.length).toBeGreaterThan(0);
    expect(sheetsRead(after)).toEqual(sheetsRead(before));
    expect(findingsDiff(before.findings, after.findings)).toEqual({ missing: [], extra: [] });
    expect(multisetDiff(before.findings.map(findingLine), after.findings.map(findingLine))).toEqual({ missing: [], extra: [] });
    expect(after.fiscalYear).toBe(before.fiscalYear);
  });
});
