/**
 * Writes the rule registry (src/core/model/rule-ids.generated.ts and src/core/rules/registry.generated.ts) from the
 * rule files; the first step of `npm run generate`, which then rewrites the profile schema and docs/rules.md from it.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { REGISTRY_FILE, registrySource, RULE_IDS_FILE, ruleFiles, ruleIdsSource } from "./lib/rule-registry";

const rules = ruleFiles();
writeFileSync(RULE_IDS_FILE, ruleIdsSource(rules));
writeFileSync(REGISTRY_FILE, registrySource(rules));
console.log(`${path.relative(process.cwd(), REGISTRY_FILE)}, ${path.relative(process.cwd(), RULE_IDS_FILE)}: ${rules.length} rules written`);
