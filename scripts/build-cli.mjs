// Bundles the CLI into build/cli/chosahyo.cjs with esbuild (well under a second), and the folder pool's worker
// thread into build/cli/worker.cjs beside it (src/cli/pool.ts looks for it there). ExcelJS stays external:
// it is a dependency, loaded from node_modules at run time.
import { build } from "esbuild";

await build({
  entryPoints: { chosahyo: "src/cli/entry.ts", worker: "src/cli/worker.ts" },
  outdir: "build/cli",
  outExtension: { ".js": ".cjs" },
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  external: ["exceljs"],
  sourcemap: true,
  logLevel: "warning",
});
