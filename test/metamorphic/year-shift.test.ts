/**
 * Issue 11, metamorphic: every sample workbook with every year in it shifted by +1, +2 and +8 (平成29年度 +2 is
 * 令和元年度): the same findings at the same cells, and their messages differ only in the years. The transform is
 * test/helpers/metamorphic.ts (tested in year-transform.test.ts).
 */
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { validateWorkbook } from "../../src/core/validate";
import { bareEraOf, canonicalMessage, findingKey, findingsDiff, multisetDiffBy, sameClippedMessage, sample, sampleFiles, shiftWorkbookYears } from "../helpers/metamorphic";

const DELTAS = [1, 2, 8];

const sheetsRead = (r: ReturnType<typeof validateWorkbook>) => r.sheets.map((s) => `${s.name}: ${s.status} ${s.profileId ?? ""}/${s.layoutId ?? ""} ${s.records} records`);

describe.each(sampleFiles())("%s", (file) => {
  test.each(DELTAS)("every year %d later: the same findings at the same cells, only their years moved", async (delta) => {
    const original = await sample(file);
    const opts = { bareEra: bareEraOf(original) };
    const before = validateWorkbook(original, { profiles: BUILT_IN_PROFILES });
    const after = validateWorkbook(shiftWorkbookYears(original, delta, opts), { profiles: BUILT_IN_PROFILES });

    expect(before.findings.length).toBeGreaterThan(0);
    expect(sheetsRead(after)).toEqual(sheetsRead(before));
    expect(findingsDiff(before.findings, after.findings)).toEqual({ missing: [], extra: [] });
    // Messages: the original's with its years moved by delta, whichever era writes them. A clipped quote (…) may
    // end a character earlier or later, as a year's written length changes (平成29 → 令和元).
    const message = (f: (typeof before.findings)[number], d: number) =>
      `${findingKey(f)} ${canonicalMessage(f.message.ja, opts, d)} | ${canonicalMessage(f.message.en, opts, d)}`;
    const diff = multisetDiffBy(before.findings.map((f) => message(f, delta)), after.findings.map((f) => message(f, 0)), sameClippedMessage);
    expect(diff).toEqual({ missing: [], extra: [] });
    expect(after.fiscalYear).toBe(before.fiscalYear === undefined ? undefined : before.fiscalYear + delta);
  });
});
