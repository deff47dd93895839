/**
 * Issue 11, metamorphic: the records of every table of a sample in reverse order (within their group or heading, so
 * that each keeps its group): the same findings, each at its record's new row, with the same messages. Where the
 * records are is read from each sheet's own labels and headings (recordLayoutOf), not from the product's reading.
 */
import type { WorkbookSnapshot } from "../../src/core/model/grid";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { validateWorkbook } from "../../src/core/validate";
import { findingLine, findingsDiff, moveFindings, multisetDiff, recordLayoutOf, reverseRecords, sample, sampleFiles, type CellMove } from "../helpers/metamorphic";

const validate = (s: WorkbookSnapshot) => validateWorkbook(s, { profiles: BUILT_IN_PROFILES });
const sheetsRead = (r: ReturnType<typeof validate>) => r.sheets.map((s) => `${s.name}: ${s.status} ${s.profileId ?? ""}/${s.layoutId ?? ""} ${s.records} records`);

describe.each(sampleFiles())("%s", (file) => {
  test("records in reverse order within each group: the same findings at the records' new rows", async () => {
    const original = await sample(file);
    const before = validate(original);
    const rowOf = new Map<string, (row: number, col: number) => number>();
    let moved = 0;
    const sheets = original.sheets.map((g, i) => {
      const read = before.sheets[i];
      if (read.status !== "recognised") return g;
      const layout = recordLayoutOf(g, `${read.profileId}/${read.layoutId}`);
      moved += layout.runs.filter((r) => r.length > 1).length;
      const r = reverseRecords(g, layout);
      rowOf.set(g.name, r.rowOf);
      return r.grid;
    });
    const move: CellMove = (p) => ({ ...p, row: rowOf.get(p.sheet)?.(p.row, p.col) ?? p.row });
    const after = validate({ ...original, sheets });

    expect(before.findings.length).toBeGreaterThan(0);
    expect(moved).toBeGreaterThan(0);
    expect(sheetsRead(after)).toEqual(sheetsRead(before));
    const expected = moveFindings(before.findings, move);
    expect(findingsDiff(expected, after.findings)).toEqual({ missing: [], extra: [] });
    expect(multisetDiff(expected.map(findingLine), after.findings.map(findingLine))).toEqual({ missing: [], extra: [] });
    expect(after.fiscalYear).toBe(before.fiscalYear);
  });
});
