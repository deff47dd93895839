// Bundles the CLI into build/cli/chosahyo.cjs with esbuild (well under a second), and its launcher into build/cli/run.cjs
// (src/cli/run.ts), which bin/chosahyo.js and the folder pool's threads start; SheetJS, for .xls and .xlsb, into
// build/cli/sheetjs.cjs beside them. Then a training run checks the sample
// workbooks through the launcher and leaves build/cli/chosahyo.cjs.cache, the V8 code cache every later run starts
// from (src/cli/code-cache.ts; docs/file-layer.md, Speed). Everything the CLI runs is in the bundles; ExcelJS is a
// dev dependency (seed writer and test oracle), so an import of it is a build error here rather than a crash on a
// user's machine without dev dependencies.
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** Both bundles: CommonJS for node, side by side in build/cli. */
const nodeBundle = { outdir: "build/cli", outExtension: { ".js": ".cjs" }, bundle: true, platform: "node", target: "node20", format: "cjs", logLevel: "warning" };

await build({
  ...nodeBundle,
  entryPoints: { chosahyo: "src/cli/entry.ts", run: "src/cli/run.ts" },
  // The bundle runs in a vm.Script (src/cli/code-cache.ts), where import() has no loader: it becomes require().
  supported: { "dynamic-import": false },
  sourcemap: true,
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
      // SheetJS reads .xls and .xlsb for checking (src/workbook/xlsx/other-formats.ts), loaded only when such a
      // file comes: a bundle of its own beside this one, so that an .xlsx check never loads or hashes its 1 MB.
      name: "sheetjs-apart",
      setup(b) {
        b.onResolve({ filter: /^@e965\/xlsx$/ }, () => ({ path: "./sheetjs.cjs", external: true }));
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

await build({ ...nodeBundle, entryPoints: { sheetjs: createRequire(import.meta.url).resolve("@e965/xlsx") } });

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "build", "cli");
// The pool's own bundle before the two were one.
rmSync(path.join(out, "worker.cjs"), { force: true });
rmSync(path.join(out, "worker.cjs.map"), { force: true });

// Training: the three samples, in this process (--jobs 1), as a user's check would run. Exit 1 is "error findings".
const cache = path.join(out, "chosahyo.cjs.cache");
rmSync(cache, { force: true });
const samples = ["kodaira-h29.xlsx", "musashino-h29.xlsx", "mitaka-2021.xlsx"].map((f) => path.join(root, "seeds", f)).filter((f) => existsSync(f));
// Without the samples (a copy that left seeds/ out) there is nothing to train on: the CLI runs without a cache.
if (samples.length === 0) process.exit(0);
const trained = spawnSync(process.execPath, [path.join(out, "run.cjs"), "validate", ...samples, "--json", "--jobs", "1", "--no-progress"], {
  cwd: root,
  stdio: ["ignore", "ignore", "pipe"],
  env: { ...process.env, CHOSAHYO_CODE_CACHE: "write" },
});
if (trained.status !== 0 && trained.status !== 1) {
  throw new Error(`the training run for the code cache failed (${trained.status ?? trained.signal}): ${trained.stderr}`);
}
if (!existsSync(cache)) throw new Error("the training run left no code cache");
