// `npm run demo:cli`: the command-line demo. It checks the bundled sample workbook with the CLI and
// explains the result. Findings are the point of the demo, so exit code 1 (errors found) counts as success here.
import { spawnSync } from "node:child_process";

const r = spawnSync(process.execPath, ["bin/chosahyo.js", "validate", "seeds/kodaira-h29.xlsx", ...process.argv.slice(2)], { stdio: "inherit" });
if (r.status === 0 || r.status === 1) {
  console.log(r.status === 1 ? "\n(demo) 終了コード 1: エラーの指摘があります / exit code 1: error findings were reported." : "\n(demo) 終了コード 0 / exit code 0.");
  process.exit(0);
}
process.exit(r.status ?? 2);
