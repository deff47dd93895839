/**
 * @jest-environment node
 *
 * A rule that throws on a bad profile parameter does not lose the file: it becomes one RULE-FAILED finding (error)
 * per sheet naming the rule, the other rules' findings are kept, and the CLI's exit code follows the findings.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Profile } from "../src/core/profile/types";
import { BUILT_IN_PROFILES } from "../src/core/profiles";
import { validateWorkbook } from "../src/core/validate";
import { cli } from "./helpers/cli";
import { kodairaSeed, ROOT } from "./helpers/grid";

/** The built-in 小平 profile with IND-RATING-CONFLICT's `positive` given as a number instead of a list. */
function badProfile(): Profile {
  const kodaira = BUILT_IN_PROFILES.find((p) => p.id === "kodaira-chosahyo")!;
  const copy = JSON.parse(JSON.stringify(kodaira)) as Profile & { rules: Record<string, unknown> };
  copy.rules["IND-RATING-CONFLICT"] = { params: { positive: 5 } };
  return copy;
}

test("規則が例外で止まっても、その規則・シートごとに RULE-FAILED を 1 件出し、ほかの規則の指摘は残る", async () => {
  const snapshot = await kodairaSeed();
  const good = validateWorkbook(snapshot, { profiles: BUILT_IN_PROFILES });
  const profiles = BUILT_IN_PROFILES.map((p) => (p.id === "kodaira-chosahyo" ? badProfile() : p));
  const bad = validateWorkbook(snapshot, { profiles });
  const failed = bad.findings.filter((f) => f.ruleId === "RULE-FAILED");
  expect(failed.length).toBeGreaterThan(0);
  // One per sheet at most, each an error naming the rule.
  expect(new Set(failed.map((f) => f.sheet)).size).toBe(failed.length);
  for (const f of failed) {
    expect(f.severity).toBe("error");
    expect(f.message.ja).toContain("IND-RATING-CONFLICT");
  }
  // Every other rule's findings are exactly those of the sound profile.
  const others = (fs: typeof good.findings) => fs.filter((f) => f.ruleId !== "RULE-FAILED" && f.ruleId !== "IND-RATING-CONFLICT");
  expect(others(bad.findings)).toEqual(others(good.findings));
  expect(bad.findings.some((f) => f.ruleId === "IND-RATING-CONFLICT")).toBe(false);
});

test("CLI: そのプロファイルで検証しても終了コードは指摘に従い (1)、スタックトレースは出ない", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "chosahyo-rule-failed-"));
  try {
    const file = path.join(dir, "bad.json");
    writeFileSync(file, JSON.stringify(badProfile()));
    const run = await cli(["validate", path.join(ROOT, "seeds", "kodaira-h29.xlsx"), "--profile", file, "--json"]);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const findings = JSON.parse(run.stdout).files[0].findings as { ruleId: string }[];
    expect(findings.some((f) => f.ruleId === "RULE-FAILED")).toBe(true);
    expect(findings.some((f) => f.ruleId === "CODE-VARIANT" || f.ruleId === "REQUIRED-MISSING")).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
