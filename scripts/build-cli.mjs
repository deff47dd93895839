// Bundles the CLI into build/cli/chosahyo.cjs with esbuild (well under a second). ExcelJS stays external:
// it is a dependency, loaded from node_modules at run time.
import { build } from "esbuild";

await build({
  entryPoints: ["src/cli/entry.ts"],
  outfile: "build/cli/chosahyo.cjs",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  external: ["exceljs"],
  sourcemap: true,
  logLevel: "warning",
});
