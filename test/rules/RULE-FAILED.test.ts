/**
 * @jest-environment node
 *
 * RULE-FAILED: a rule that throws (a profile parameter of the wrong type, given to the core without the profile check)
 * does not lose the file: it becomes one RULE-FAILED finding (error) per rule and sheet naming the rule, on the
 * record's No. cell (a record rule) or A1 of the first sheet read (a workbook rule); the other rules' findings are
 * kept, and the CLI's exit code follows the findings.
 */
import path from "node:path";
import type { Profile } from "../../src/core/profile/types";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { indRatingConflict } from "../../src/core/rules/ind-rating-conflict";
import { validateWorkbook } from "../../src/core/validate";
import { cli } from "../helpers/cli";
import { kodairaSeed, ROOT } from "../helpers/grid";
import { check, type Checked, kodairaList, kodairaSurvey, withRule } from "./harness";

const RULE = "RULE-FAILED";

/** The built-in 小平 profile with IND-RATING-CONFLICT's `positive` given as a number instead of a list. */
function badProfile(): Profile {
  return withRule("kodaira-chosahyo", "IND-RATING-CONFLICT", { params: { positive: 5 } });
}

/** Two 調査票 rated A with no comment while 見直し件数 is below target: IND-RATING-CONFLICT has something to say. */
const sheets = () =>
  ["1", "2"].map((id) =>
    kodairaSurvey({ sheetName: `No.${id}`, id, itemTitle: `取組${id}`, indicators: [{ label: "見直し件数", baseline: 10, target: 20, actual: 8 }], eval1: { rating: "A", comment: null } }),
  );

const others = (r: Checked, ...rules: string[]) => r.findings.filter((f) => f.ruleId !== RULE && !rules.includes(f.ruleId));

describe("小さなシート", () => {
  test("組み込みのプロファイルでは RULE-FAILED は出ず、規則はそれぞれの指摘を出す", () => {
    const r = check("kodaira-chosahyo", sheets());
    expect(r.of(RULE)).toEqual([]);
    expect(r.cells("IND-RATING-CONFLICT")).toEqual(["No.1!F8", "No.2!F8"]);
  });

  test("1件ごとの規則が例外で止まる: シートごとに1件、そのシートの No. のセル A5 に、規則の名前を示すエラー", () => {
    const r = check(badProfile(), sheets());
    expect(r.of(RULE).map((f) => [f.sheet, f.cell, f.severity])).toEqual([
      ["No.1", "A5", "error"],
      ["No.2", "A5", "error"],
    ]);
    for (const f of r.of(RULE)) {
      expect(f.ja).toMatch(/^規則「IND-RATING-CONFLICT」はこのシートで途中で止まったため、この規則の点検を行えませんでした（.+）。ほかの規則の指摘はそのまま有効です。/);
      expect(f.en).toMatch(/^Rule IND-RATING-CONFLICT stopped on this sheet, so this check was not done \(.+\)\./);
    }
    // The rule that failed says nothing else; every other rule's findings are those of the sound profile.
    expect(r.of("IND-RATING-CONFLICT")).toEqual([]);
    expect(others(r, "IND-RATING-CONFLICT")).toEqual(others(check("kodaira-chosahyo", sheets()), "IND-RATING-CONFLICT"));
    expect(r.cells("IND-WORSE-THAN-BASELINE")).toEqual(["No.1!E5", "No.2!E5"]);
  });

  test("ブック全体の規則が例外で止まる: 1件だけ、最初に読んだシート（評価一覧）の A1 に", () => {
    const bad = withRule("kodaira-chosahyo", "LIST-MISMATCH", { params: { departmentWildcards: 5 } });
    const workbook = [kodairaList([{ title: "取組1" }]), ...sheets()];
    const r = check(bad, workbook);
    expect(r.of(RULE).map((f) => [f.sheet, f.cell, f.severity])).toEqual([["評価一覧", "A1", "error"]]);
    expect(r.of(RULE)[0].ja).toContain("規則「LIST-MISMATCH」");
    // The other workbook rules still run: No.2 has no row in the list.
    expect(r.cells("LIST-MISSING-RECORD")).toEqual(["No.2!A5"]);
    expect(others(r, "LIST-MISMATCH")).toEqual(others(check("kodaira-chosahyo", workbook), "LIST-MISMATCH"));
  });
});

test("見本のブック: 規則が例外で止まっても、その規則・シートごとに RULE-FAILED を 1 件出し、ほかの規則の指摘は残る", async () => {
  const snapshot = await kodairaSeed();
  const good = validateWorkbook(snapshot, { profiles: BUILT_IN_PROFILES });
  const profiles = BUILT_IN_PROFILES.map((p) => (p.id === "kodaira-chosahyo" ? badProfile() : p));
  const bad = validateWorkbook(snapshot, { profiles });
  const failed = bad.findings.filter((f) => f.ruleId === RULE);
  expect(failed.length).toBeGreaterThan(0);
  // One per sheet at most, each an error naming the rule.
  expect(new Set(failed.map((f) => f.sheet)).size).toBe(failed.length);
  for (const f of failed) {
    expect(f.severity).toBe("error");
    expect(f.message.ja).toContain("IND-RATING-CONFLICT");
  }
  // Every other rule's findings are exactly those of the sound profile.
  const rest = (fs: typeof good.findings) => fs.filter((f) => f.ruleId !== RULE && f.ruleId !== "IND-RATING-CONFLICT");
  expect(rest(bad.findings)).toEqual(rest(good.findings));
  expect(bad.findings.some((f) => f.ruleId === "IND-RATING-CONFLICT")).toBe(false);
});

// A profile file with that parameter is refused when it loads (test/rule-params.test.ts), so a rule that throws
// reaches the CLI only through a bug: one is made here by making the rule throw.
test("CLI: 規則が例外で止まっても終了コードは指摘に従い (1)、スタックトレースは出ない", async () => {
  const spy = jest.spyOn(indRatingConflict, "check").mockImplementation(() => {
    throw new TypeError("positive.includes is not a function");
  });
  try {
    const run = await cli(["validate", path.join(ROOT, "seeds", "kodaira-h29.xlsx"), "--json"]);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const findings = JSON.parse(run.stdout).files[0].findings as { ruleId: string; message: string }[];
    const failed = findings.filter((f) => f.ruleId === RULE);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0].message).toContain("IND-RATING-CONFLICT");
    expect(findings.some((f) => f.ruleId === "CODE-VARIANT" || f.ruleId === "REQUIRED-MISSING")).toBe(true);
  } finally {
    spy.mockRestore();
  }
});
