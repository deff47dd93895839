// Bundles the CLI into build/cli/chosahyo.cjs with esbuild (well under a second), and the folder pool's worker
// thread into build/cli/worker.cjs beside it (src/cli/pool.ts looks for it there). Everything the CLI runs is in
// the bundles; ExcelJS is a dev dependency (seed writer and test oracle), so an import of it is a build error here
// rather than a crash on a user's machine without dev dependencies.
import { build } from "esbuild";

await build({
  entryPoints: { chosahyo: "src/cli/entry.ts", worker: "src/cli/worker.ts" },
  outdir: "build/cli",
  outExtension: { ".js": ".cjs" },
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: true,
  logLevel: "warning",
  plugins: [
    {
      // The checker calls only fflate's synchronous functions. fflate's Node build loads worker_threads when it is
      // loaded, for its asynchronous ones: 7 ms of every start. Its browser build is the same code without that.
      name: "fflate-sync",
      setup(b) {
        b.onResolve({ filter: /^fflate$/ }, (args) => b.resolve("fflate/browser", { kind: args.kind, resolveDir: args.resolveDir }));
      },
    },
    {
      name: "no-exceljs",
      setup(b) {
        b.onResolve({ filter: /^exceljs(\/|$)/ }, (args) => ({
          errors: [{ text: `the CLI must not import ExcelJS (a dev dependency), imported by ${args.importer}` }],
        }));
      },
    },
  ],
});
