// Offline check of the add-in manifest: `npm run validate` (= node scripts/validate-manifest.mjs manifest.xml).
//
// `office-addin-manifest validate` needs a Microsoft web service, so this runs the checks in manifest-check.cjs
// instead. It prints every problem, then exits 1 if there is any, or prints a one-line summary and exits 0.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

const require = createRequire(import.meta.url);
const { checkManifestReport } = require("./manifest-check.cjs");

const file = resolve(process.argv[2] ?? "manifest.xml");
let xml;
try {
  xml = readFileSync(file, "utf8");
} catch (e) {
  console.error(`${file}: cannot read: ${e.message}`);
  process.exit(1);
}

const { errors, warnings, summary } = checkManifestReport(xml, dirname(file));
for (const w of warnings) console.warn(`warning: ${w}`);
if (errors.length > 0) {
  for (const e of errors) console.error(`error: ${e}`);
  console.error(`${file}: ${errors.length} problem(s)`);
  process.exit(1);
}
console.log(`${file}: OK: ${summary}`);
