/**
 * Smoke test of the bench's inputs (scripts/bench/generate.ts): the generated 調査票 workbook is what the bench
 * claims to measure. No timings here: `npm run bench` prints those.
 */
import { BUILT_IN_PROFILES } from "../src/core/profiles";
import type { WorkbookSnapshot } from "../src/core/model/grid";
import { validateWorkbook } from "../src/core/validate";
import { XlsxWorkbook } from "../src/workbook/xlsx/xlsx-workbook";
import { generateSurveyWorkbook, LIST_SHEET, PROFILE_ID, replicateSnapshot } from "../scripts/bench/generate";

const SURVEYS = 59; // one past the 58 real sheets, so the renumbered copy (No.101) is in it too

describe("bench workbook generator", () => {
  let snapshot: WorkbookSnapshot;

  beforeAll(async () => {
    const bytes = await generateSurveyWorkbook(SURVEYS);
    expect(bytes.length).toBeGreaterThan(0);
    snapshot = await (await XlsxWorkbook.load(bytes, "bench.xlsx")).readAll();
  });

  it("writes the 評価一覧 and the survey sheets: 60 sheets with unique names", () => {
    const names = snapshot.sheets.map((s) => s.name);
    expect(names).toHaveLength(SURVEYS + 1);
    expect(names[0]).toBe(LIST_SHEET);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain("No.1");
    expect(names).toContain("No.2-1~5");
    expect(names).toContain("No.101"); // the 59th sheet: No.1 again, renumbered
  });

  it("recognises every sheet as kodaira-chosahyo and finds no duplicate id", () => {
    const report = validateWorkbook(snapshot, { profiles: BUILT_IN_PROFILES });
    expect(report.sheets).toHaveLength(SURVEYS + 1);
    for (const s of report.sheets) {
      expect({ sheet: s.name, status: s.status, profile: s.profileId }).toEqual({ sheet: s.name, status: "recognised", profile: PROFILE_ID });
    }
    const surveys = report.sheets.filter((s) => s.name.startsWith("No."));
    expect(surveys).toHaveLength(SURVEYS);
    expect(surveys.every((s) => s.layoutId === "survey")).toBe(true);
    expect(report.sheets.find((s) => s.name === LIST_SHEET)?.layoutId).toBe("list");
    // Each survey sheet gives one record with its own id.
    const ids = report.records.filter((r) => r.role === "records").map((r) => r.id?.text);
    expect(ids).toHaveLength(SURVEYS);
    expect(new Set(ids).size).toBe(SURVEYS);
    expect(report.findings.filter((f) => f.ruleId === "ID-DUPLICATE")).toEqual([]);
    // The 評価一覧 lists the renumbered item too, so no record is missing from it.
    expect(report.findings.filter((f) => f.ruleId === "LIST-MISSING-RECORD")).toEqual([]);
  });

  it("replicates a snapshot in memory with renamed sheets and unique ids", () => {
    const big = replicateSnapshot(snapshot, 3);
    expect(big.sheets).toHaveLength(3 * (SURVEYS + 1));
    expect(new Set(big.sheets.map((s) => s.name)).size).toBe(big.sheets.length);
    const report = validateWorkbook(big, { profiles: BUILT_IN_PROFILES });
    expect(report.sheets.every((s) => s.status === "recognised" && s.profileId === PROFILE_ID)).toBe(true);
    expect(report.findings.filter((f) => f.ruleId === "ID-DUPLICATE")).toEqual([]);
    expect(report.records.filter((r) => r.role === "records")).toHaveLength(3 * SURVEYS);
    // The original snapshot is untouched.
    expect(snapshot.sheets).toHaveLength(SURVEYS + 1);
  });

  it("would show ID-DUPLICATE if the copies kept their ids (so the check above is not vacuous)", () => {
    const copied = snapshot.sheets.filter((s) => s.name.startsWith("No.")).map((s) => ({ ...s, name: `${s.name}-copy` }));
    const report = validateWorkbook({ ...snapshot, sheets: [...snapshot.sheets, ...copied] }, { profiles: BUILT_IN_PROFILES });
    expect(report.findings.filter((f) => f.ruleId === "ID-DUPLICATE").length).toBeGreaterThan(0);
  });
});
