/**
 * @jest-environment node
 *
 * Every rule id has a tester: test/rules/<ID>.test.ts, which names the id it tests (valid and invalid small grids,
 * through harness.ts). A rule id added to RULE_IDS without one fails here; so does a tester left for an id that no
 * longer exists.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { RULE_IDS } from "../../src/core/model/finding";

const DIR = __dirname;
const testerOf = (id: string) => path.join(DIR, `${id}.test.ts`);

test.each([...RULE_IDS])("%s: its tester exists and names the id", (id) => {
  expect(existsSync(testerOf(id)) ? "present" : `missing: test/rules/${id}.test.ts`).toBe("present");
  expect(readFileSync(testerOf(id), "utf8")).toContain(`"${id}"`);
});

test("every tester named like a rule id is for an id in RULE_IDS", () => {
  const testers = readdirSync(DIR)
    .map((f) => /^([A-Z0-9]+(?:-[A-Z0-9]+)+)\.test\.ts$/.exec(f)?.[1])
    .filter((id): id is string => id !== undefined);
  expect(testers.filter((id) => !(RULE_IDS as readonly string[]).includes(id))).toEqual([]);
});
