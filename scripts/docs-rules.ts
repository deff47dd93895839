/**
 * Writes the rules table and the parameters table of docs/rules.md from RULES (npm run docs:rules). Only the block
 * between the rules:begin and rules:end markers is rewritten; the rest of the file is kept as written.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { RULES_DOC, withRulesBlock } from "./lib/rules-doc";

writeFileSync(RULES_DOC, withRulesBlock(readFileSync(RULES_DOC, "utf8")));
console.log(`${path.relative(process.cwd(), RULES_DOC)}: rules tables written`);
