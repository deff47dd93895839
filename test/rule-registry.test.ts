/**
 * @jest-environment node
 *
 * RULES is the one list of checks: every rule object has its own id from RULE_IDS, and every id in RULE_IDS has a
 * rule in RULES, except the two that validate.ts itself reports (RULE-FAILED for a rule that threw, READ-EMPTY for a
 * sheet that gave no records). The schema's enum, the catalogue's rule names, the docs and the testers are each kept
 * in step with RULE_IDS by their own tests (profile-schema, docs-rules, catalogue, every-rule-has-a-tester).
 */
import { RULE_IDS } from "../src/core/model/finding";
import { RULES } from "../src/core/rules";

const REPORTED_BY_VALIDATE = ["READ-EMPTY", "RULE-FAILED"];

test("RULES の各規則は RULE_IDS の自分だけの id を持ち、RULE_IDS の id はどれも RULES にある（validate が出す 2 つを除く）", () => {
  const ids = RULES.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.filter((id) => !(RULE_IDS as readonly string[]).includes(id))).toEqual([]);
  expect(RULE_IDS.filter((id) => !ids.includes(id)).sort()).toEqual(REPORTED_BY_VALIDATE);
});
