/**
 * Issue 11, metamorphic: every department of a sample renamed, the same way wherever it is written as a department
 * (the records' 所管課/担当課 cells, the list and 目次 sheets' columns, a 所管課マスタ sheet if the workbook has one):
 * the same findings at the same cells, their messages with the new names.
 *
 * DEPT-UNKNOWN reads its known departments from the workbook's 所管課マスタ sheet (no built-in profile lists any) and
 * no sample has one, so each sample is also tried with such a sheet added, listing all but some of its departments.
 */
import type { SheetGrid, WorkbookSnapshot } from "../../src/core/model/grid";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { MASTER_SHEET } from "../../src/core/rules/dept-unknown";
import { validateWorkbook } from "../../src/core/validate";
import { departmentRenames, findingLine, findingsDiff, mapValues, multisetDiff, renamer, sample, sampleFiles } from "../helpers/metamorphic";

const validate = (s: WorkbookSnapshot) => validateWorkbook(s, { profiles: BUILT_IN_PROFILES });
const sheetsRead = (r: ReturnType<typeof validate>) => r.sheets.map((s) => `${s.name}: ${s.status} ${s.profileId ?? ""}/${s.layoutId ?? ""} ${s.records} records`);

/** A 所管課マスタ sheet listing every department of the workbook but every fifth, so that DEPT-UNKNOWN has findings. */
function withMasterSheet(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const names = [...new Set(validate(snapshot).records.flatMap((r) => r.departments?.list.departments.map((d) => d.name) ?? []))].sort();
  const master: SheetGrid = {
    name: MASTER_SHEET,
    visibility: "visible",
    top: 0,
    left: 0,
    rows: [["所管課"], ...names.filter((_, i) => i % 5 !== 0).map((n) => [n])],
    merges: [],
  };
  return { ...snapshot, sheets: [...snapshot.sheets, master] };
}

describe.each(sampleFiles().filter((f) => f !== "kodaira-program-r6.xlsx"))("%s", (file) => {
  test.each(["as it is", "with a 所管課マスタ sheet"] as const)("%s, departments renamed everywhere they are written: the same findings, messages with the new names", async (how) => {
    const original = how === "as it is" ? await sample(file) : withMasterSheet(await sample(file));
    const before = validate(original);
    if (how !== "as it is") expect(before.findings.filter((f) => f.ruleId === "DEPT-UNKNOWN").length).toBeGreaterThan(0);
    // The cells that hold department lists, and the names in them.
    const cells = new Set<string>();
    const names: string[] = [];
    for (const r of before.records) {
      if (!r.departments) continue;
      cells.add(`${r.sheet}\u0000${r.departments.cell.row},${r.departments.cell.col}`);
      names.push(...r.departments.list.departments.map((d) => d.name));
    }
    const renames = departmentRenames(names, original);
    const rename = renamer(renames);
    const renamed = mapValues(original, (v, p) =>
      typeof v === "string" && (cells.has(`${p.sheet}\u0000${p.row},${p.col}`) || p.sheet === MASTER_SHEET) ? rename(v) : v,
    );
    const after = validate(renamed);

    expect(renames.size).toBeGreaterThan(3);
    expect(before.findings.length).toBeGreaterThan(0);
    expect(sheetsRead(after)).toEqual(sheetsRead(before));
    expect(findingsDiff(before.findings, after.findings)).toEqual({ missing: [], extra: [] });
    // Messages: the original's, with the new names where they quote a department. The new names use characters the
    // workbook does not, so naming them back gives the original message exactly (a department's name met in other
    // text, 図書館 in 図書館ボランティア, stays as it was written there).
    const nameBack = renamer(new Map([...renames].map(([from, to]) => [to, from])));
    const namedBack = after.findings.map((f) => ({ ...f, message: { ja: nameBack(f.message.ja), en: nameBack(f.message.en) } }));
    expect(multisetDiff(before.findings.map(findingLine), namedBack.map(findingLine))).toEqual({ missing: [], extra: [] });
    expect(multisetDiff(before.findings.map((f) => f.message.en), namedBack.map((f) => f.message.en))).toEqual({ missing: [], extra: [] });
    // Every department the records name was renamed.
    const left = after.records.flatMap((r) => r.departments?.list.departments.map((d) => d.name) ?? []).filter((n) => renames.has(n));
    expect(left).toEqual([]);
  });
});

test("the 推進プログラム has no department column, so there is nothing to rename", async () => {
  const report = validate(await sample("kodaira-program-r6.xlsx"));
  expect(report.records.length).toBeGreaterThan(0);
  expect(report.records.filter((r) => r.departments)).toEqual([]);
});
