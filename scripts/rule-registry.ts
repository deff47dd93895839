/**
 * Writes the rule registry (src/core/model/rule-ids.generated.ts, src/core/rules/registry.generated.ts and
 * src/core/i18n/rule-messages.generated.ts) from the rule files and their messages files; the first step of
 * `npm run generate`, which then rewrites the profile schema and docs/rules.md from it.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { messagesFiles, REGISTRY_FILE, registrySource, RULE_IDS_FILE, RULE_MESSAGES_FILE, ruleFiles, ruleIdsSource, ruleMessagesSource } from "./lib/rule-registry";

const rules = ruleFiles();
writeFileSync(RULE_IDS_FILE, ruleIdsSource(rules));
writeFileSync(REGISTRY_FILE, registrySource(rules));
const messages = messagesFiles(undefined, rules);
writeFileSync(RULE_MESSAGES_FILE, ruleMessagesSource(messages));
console.log(`${path.relative(process.cwd(), REGISTRY_FILE)}, ${path.relative(process.cwd(), RULE_IDS_FILE)}: ${rules.length} rules written`);
console.log(`${path.relative(process.cwd(), RULE_MESSAGES_FILE)}: ${messages.length} rules' messages merged`);
