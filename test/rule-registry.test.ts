/**
 * @jest-environment node
 *
 * RULES is the one list of checks, generated from the rule files (npm run generate): the committed registry is what
 * the generator makes from src/core/rules now, every rule object a rule file exports is in it, every rule object has
 * its own id from RULE_IDS, and every id in RULE_IDS has a rule in RULES, except the two that validate.ts itself
 * reports (RULE-FAILED for a rule that threw, READ-EMPTY for a sheet that gave no records). The schema's enum, the
 * catalogue's rule names, the docs and the testers are each kept in step with RULE_IDS by their own tests
 * (profile-schema, docs-rules, catalogue, every-rule-has-a-tester).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { RULE_IDS } from "../src/core/model/finding";
import { RULES } from "../src/core/rules";
import { REGISTRY_FILE, registrySource, RULE_IDS_FILE, ruleFiles, ruleIdsSource } from "../scripts/lib/rule-registry";

const REPORTED_BY_VALIDATE = ["READ-EMPTY", "RULE-FAILED"];
const RULES_DIR = path.dirname(REGISTRY_FILE);

test("RULES の各規則は RULE_IDS の自分だけの id を持ち、RULE_IDS の id はどれも RULES にある（validate が出す 2 つを除く）", () => {
  const ids = RULES.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.filter((id) => !(RULE_IDS as readonly string[]).includes(id))).toEqual([]);
  expect(RULE_IDS.filter((id) => !ids.includes(id)).sort()).toEqual(REPORTED_BY_VALIDATE);
});

test("生成した 2 つのファイルは規則のファイルから今作るものと同じ（違うときは npm run generate）", () => {
  expect(readFileSync(REGISTRY_FILE, "utf8")).toBe(registrySource());
  expect(readFileSync(RULE_IDS_FILE, "utf8")).toBe(ruleIdsSource());
});

test("規則のファイルが export する規則のオブジェクトはどれも RULES にある", async () => {
  const modules = await Promise.all(readdirSync(RULES_DIR).filter((f) => f.endsWith(".ts")).map((f) => import(path.join(RULES_DIR, f)) as Promise<Record<string, unknown>>));
  const exported = modules
    .flatMap((m) => Object.values(m))
    .filter((v): v is { id: string } => typeof v === "object" && v !== null && "check" in v && "scope" in v && "id" in v);
  expect(exported.length).toBe(RULES.length);
  expect(exported.filter((r) => !RULES.includes(r as (typeof RULES)[number])).map((r) => r.id)).toEqual([]);
});

describe("生成器は規則のファイルの決まりを守らせる", () => {
  const rule = (id: string, header = id) => `/** ${header}: a thing. */\nexport const r: RecordRule = {\n  id: "${id}",\n  scope: "record",\n};\n`;
  const scan = (files: Record<string, string>) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "rules-"));
    try {
      for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
      return ruleFiles(dir);
    } finally {
      rmSync(dir, { recursive: true });
    }
  };

  test("id の順に並べ、規則でないファイルは飛ばす", () => {
    expect(scan({ "b-rule.ts": rule("B-RULE"), "a-rule.ts": rule("A-RULE"), "helpers.ts": "export const x = 1;\n" })).toEqual([
      { id: "A-RULE", name: "r", module: "a-rule" },
      { id: "B-RULE", name: "r", module: "b-rule" },
    ]);
  });

  test("ファイル名が id と違う、見出しが id で始まらない、id がない規則は止める", () => {
    expect(() => scan({ "other.ts": rule("A-RULE") })).toThrow("goes in src/core/rules/a-rule.ts");
    expect(() => scan({ "a-rule.ts": rule("A-RULE", "B-RULE") })).toThrow('must start "A-RULE: …"');
    expect(() => scan({ "a-rule.ts": "/** A-RULE: x. */\nexport const r: WorkbookRule = { scope: \"workbook\" };\n" })).toThrow("needs an `id");
  });
});
