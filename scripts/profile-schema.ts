/**
 * Writes the `rules` section of src/core/profile/profile.schema.json from the rules' parameter declarations, and its
 * `ruleId` enum from RULE_IDS (npm run schema, part of npm run generate). Only those two are rewritten; the rest of the
 * file is kept as written.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { RULE_IDS } from "../src/core/model/finding";
import { rulesSchema } from "../src/core/profile/rules-schema";

const FILE = path.join(__dirname, "..", "src", "core", "profile", "profile.schema.json");
const WIDTH = 120;

/** JSON as the schema file writes it: a value on one line when it fits, else one member per line. */
function format(v: unknown, indent: string, lead: number): string {
  const flat = JSON.stringify(v, null, 1).replace(/\n\s*/g, " ").replace(/\[ /g, "[").replace(/ \]/g, "]");
  if (v === null || typeof v !== "object" || lead + flat.length <= WIDTH) return flat;
  const inner = indent + "  ";
  if (Array.isArray(v)) return `[\n${v.map((x) => inner + format(x, inner, inner.length)).join(",\n")}\n${indent}]`;
  const members = Object.entries(v).map(([k, x]) => {
    const key = `${JSON.stringify(k)}: `;
    return inner + key + format(x, inner, inner.length + key.length);
  });
  return `{\n${members.join(",\n")}\n${indent}}`;
}

/** An enum of short strings as the schema file writes one: as many to a line as fit. */
function packedEnum(values: readonly string[], indent: string): string {
  const inner = indent + "    ";
  const lines: string[] = [];
  let line = "";
  for (const v of values.map((x) => JSON.stringify(x))) {
    if (line && inner.length + line.length + 2 + v.length + 1 > WIDTH) {
      lines.push(inner + line + ",");
      line = v;
    } else line = line ? `${line}, ${v}` : v;
  }
  lines.push(inner + line);
  return `{\n${indent}  "enum": [\n${lines.join("\n")}\n${indent}  ]\n${indent}}`;
}

/** The text with the value of its one `key` (an object) replaced. */
function replaceValue(text: string, key: string, value: (keyLength: number) => string): string {
  const at = text.indexOf(key);
  if (at < 0 || text.indexOf(key, at + 1) >= 0) throw new Error(`expected one ${key.trim()} in ${FILE}`);
  const start = at + key.length;
  return text.slice(0, start) + value(key.length) + text.slice(valueEnd(text, start));
}

/** The end of the JSON value that starts at `start` (an object), strings and escapes skipped. */
function valueEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; text[i] !== '"'; i++) if (text[i] === "\\") i++;
    } else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  throw new Error("unbalanced JSON");
}

const text = readFileSync(FILE, "utf8");
const withRules = replaceValue(text, '\n    "rules": ', (keyLength) => format(rulesSchema(), "    ", keyLength - 1));
const next = replaceValue(withRules, '\n    "ruleId": ', () => packedEnum(RULE_IDS, "    "));
JSON.parse(next);
writeFileSync(FILE, next);
console.log(`${path.relative(process.cwd(), FILE)}: rules section and ruleId enum written`);
