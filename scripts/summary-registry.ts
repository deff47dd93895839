/**
 * Writes the summary registry (src/core/summary/summary-ids.generated.ts, src/core/summary/kinds.generated.ts and
 * src/core/i18n/summary-messages.generated.ts) from the summary files and their messages files; part of
 * `npm run generate`.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { SUMMARY_IDS_FILE, SUMMARY_KINDS_FILE, SUMMARY_MESSAGES_FILE, summaryFiles, summaryIdsSource, summaryKindsSource, summaryMessagesFiles, summaryMessagesSource } from "./lib/summary-registry";

const kinds = summaryFiles();
writeFileSync(SUMMARY_IDS_FILE, summaryIdsSource(kinds));
writeFileSync(SUMMARY_KINDS_FILE, summaryKindsSource(kinds));
writeFileSync(SUMMARY_MESSAGES_FILE, summaryMessagesSource(summaryMessagesFiles(undefined, kinds)));
const rel = (f: string) => path.relative(process.cwd(), f);
console.log(`${rel(SUMMARY_KINDS_FILE)}, ${rel(SUMMARY_IDS_FILE)}, ${rel(SUMMARY_MESSAGES_FILE)}: ${kinds.length} summary sheets written`);
