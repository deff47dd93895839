/**
 * @jest-environment node
 *
 * RULES is the one list of checks, generated from the rule files (npm run generate): the committed registry is what
 * the generator makes from src/core/rules now, every rule object a rule file exports is in it, every rule object has
 * its own id from RULE_IDS, and every id in RULE_IDS has a rule in RULES, except the two that validate.ts itself
 * reports (RULE-FAILED for a rule that threw, READ-EMPTY for a sheet that gave no records) and FORM-CHANGED, which 回収
 * reports comparing two workbooks (cycle/collect.ts). The schema's enum, the
 * catalogue's rule names, the docs and the testers are each kept in step with RULE_IDS by their own tests
 * (profile-schema, docs-rules, catalogue, every-rule-has-a-tester).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { RULE_IDS } from "../src/core/model/finding";
import { RULES } from "../src/core/rules";
import { en } from "../src/core/i18n/en";
import { ja } from "../src/core/i18n/ja";
import { messagesFiles, REGISTRY_FILE, registrySource, RULE_IDS_FILE, RULE_MESSAGES_FILE, ruleFiles, ruleIdsSource, ruleMessagesSource } from "../scripts/lib/rule-registry";

const REPORTED_BY_VALIDATE = ["FORM-CHANGED", "READ-EMPTY", "RULE-FAILED"];
const RULES_DIR = path.dirname(REGISTRY_FILE);

test("RULES の各規則は RULE_IDS の自分だけの id を持ち、RULE_IDS の id はどれも RULES にある（validate が出す 2 つと回収の FORM-CHANGED を除く）", () => {
  const ids = RULES.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.filter((id) => !(RULE_IDS as readonly string[]).includes(id))).toEqual([]);
  expect(RULE_IDS.filter((id) => !ids.includes(id)).sort()).toEqual(REPORTED_BY_VALIDATE);
});

test("生成した 3 つのファイルは規則とその文言のファイルから今作るものと同じ（違うときは npm run generate）", () => {
  expect(readFileSync(REGISTRY_FILE, "utf8")).toBe(registrySource());
  expect(readFileSync(RULE_IDS_FILE, "utf8")).toBe(ruleIdsSource());
  expect(readFileSync(RULE_MESSAGES_FILE, "utf8")).toBe(ruleMessagesSource());
});

test("RULE_IDS の id はどれも規則の隣に文言のファイルを持ち、その名前と文言がカタログに日英とも入っている", () => {
  expect(messagesFiles().map((f) => f.id)).toEqual([...RULE_IDS].sort());
  for (const id of RULE_IDS) {
    const key = `ruleName.${id}` as keyof typeof ja;
    expect([id, ja[key], en[key]]).toEqual([id, expect.any(String), expect.any(String)]);
  }
  const ruleKeys = Object.keys(ja).filter((k) => /^(ruleName|rule|fix)\./.test(k));
  const ownerless = ruleKeys.filter((k) => !RULE_IDS.some((id) => k === `ruleName.${id}` || k === `rule.${id}` || k === `fix.${id}` || k.startsWith(`rule.${id}.`) || k.startsWith(`fix.${id}.`)));
  expect(ownerless).toEqual([]);
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

describe("生成器は規則ごとの文言のファイルの決まりを守らせる", () => {
  const messages = (id: string, keys: string[]) =>
    `/** ${id}'s messages: x. */\nexport default bilingual({\n  ja: {\n${keys.map((k) => `    "${k}": "x",\n`).join("")}  },\n});\n`;
  const scan = (files: Record<string, string>) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "rules-"));
    try {
      for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
      return messagesFiles(dir);
    } finally {
      rmSync(dir, { recursive: true });
    }
  };
  const rule = `/** A-RULE: a thing. */\nexport const r: RecordRule = {\n  id: "A-RULE",\n};\n`;

  test("規則と、規則のない id（validate が出すもの）の文言を id の順に集める", () => {
    const files = { "a-rule.ts": rule, "a-rule.messages.ts": messages("A-RULE", ["ruleName.A-RULE", "rule.A-RULE.x", "fix.A-RULE"]), "0-own.messages.ts": messages("0-OWN", ["ruleName.0-OWN"]) };
    expect(scan(files)).toEqual([
      { id: "0-OWN", module: "0-own.messages", keys: ["ruleName.0-OWN"] },
      { id: "A-RULE", module: "a-rule.messages", keys: ["ruleName.A-RULE", "rule.A-RULE.x", "fix.A-RULE"] },
    ]);
  });

  test("文言のファイルがない規則、ほかの規則の鍵、名前のないファイルは止める", () => {
    expect(() => scan({ "a-rule.ts": rule })).toThrow("the rule A-RULE has no messages: write src/core/rules/a-rule.messages.ts");
    expect(() => scan({ "a-rule.ts": rule, "a-rule.messages.ts": messages("A-RULE", ["ruleName.A-RULE", "rule.A-RULES", "pane.x"]) })).toThrow("rule.A-RULES, pane.x are not A-RULE's");
    expect(() => scan({ "a-rule.ts": rule, "a-rule.messages.ts": messages("A-RULE", ["rule.A-RULE"]) })).toThrow("ruleName.A-RULE (the rule's name in the pane) is missing");
    expect(() => scan({ "a-rule.ts": rule, "a-rule.messages.ts": messages("B-RULE", ["ruleName.B-RULE"]) })).toThrow("must start with the rule's id");
  });
});
