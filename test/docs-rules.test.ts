/**
 * @jest-environment node
 *
 * docs/rules.md is generated from RULES (npm run docs:rules): the committed file is what the generator makes now, and
 * what it makes lists every rule id once with the name the pane shows, every parameter a rule declares with its
 * default, and every parameter a built-in profile sets.
 */
import { readFileSync } from "node:fs";
import { t } from "../src/core/i18n";
import { RULE_IDS } from "../src/core/model/finding";
import { BUILT_IN_PROFILES } from "../src/core/profiles";
import { paramsSchemaOf } from "../src/core/rules";
import { RULES_DOC, withRulesBlock, whatItFinds } from "../scripts/lib/rules-doc";

const doc = readFileSync(RULES_DOC, "utf8");
const cells = (line: string) => line.split(/(?<!\\) \| /).map((c) => c.replace(/^\| |\|$/g, "").trim());
const section = (from: string, to: string) => doc.slice(doc.indexOf(from), doc.indexOf(to, doc.indexOf(from)));
const rows = (text: string) => text.split("\n").filter((l) => l.startsWith("| `")).map(cells);

test("docs/rules.md の表は規則のコードから作ったものと同じ（違うときは npm run docs:rules）", () => {
  expect(doc).toBe(withRulesBlock(doc));
});

test("規則の表は RULE_IDS のどの id も 1 回ずつ、作業ウィンドウの名前で載せる", () => {
  const listed = rows(section("<!-- rules:begin", "### Parameters")).map((c) => [c[0].slice(1, -1), c[1]] as const);
  expect(listed.map(([id]) => id).sort()).toEqual([...RULE_IDS].sort());
  for (const [id, name] of listed) expect([id, name]).toEqual([id, t("ja", `ruleName.${id}` as Parameters<typeof t>[1])]);
});

test("パラメーターの表は規則が宣言するパラメーターをすべて既定値つきで載せ、組み込みプロファイルが使うものはどれも載っている", () => {
  const documented = new Map<string, string>(rows(section("### Parameters", "<!-- rules:end")).map((c) => [`${c[0].slice(1, -1)} ${c[1].slice(1, -1)}`, c[3]] as const));
  const declared = new Map<string, unknown>();
  for (const id of RULE_IDS) for (const [name, p] of Object.entries(paramsSchemaOf(id)?.properties ?? {})) declared.set(`${id} ${name}`, p.default);
  expect([...documented.keys()].sort()).toEqual([...declared.keys()].sort());
  for (const [key, def] of declared) {
    const cell = documented.get(key)!;
    expect([key, cell === "—" ? undefined : JSON.parse(cell.slice(1, -1))]).toEqual([key, def]);
  }
  for (const p of BUILT_IN_PROFILES) {
    for (const [id, setting] of Object.entries(p.rules)) for (const key of Object.keys(setting?.params ?? {})) expect(documented.has(`${id} ${key}`)).toBe(true);
  }
});

test("「何を見つけるか」は規則のファイルの見出しコメントの最初の文から取る", () => {
  expect(whatItFinds("CELL-ERROR")).toBe("`#REF!`, `#DIV/0!`, `#N/A`, `#VALUE!` and other error values in a field.");
  // `No.` does not end the sentence.
  expect(whatItFinds("ID-DUPLICATE")).toBe("two records with the same No. / id / 事業名 (within one profile and role).");
  expect(() => whatItFinds("CELL-ERROR", "family.ts")).toThrow("must start");
});
