/**
 * build/cli/run.cjs: what bin/chosahyo.js and the folder pool's threads start. It tunes V8 for a short run and runs
 * build/cli/chosahyo.cjs beside it with the code cache the build made (code-cache.ts; docs/file-layer.md, Speed).
 *
 * CHOSAHYO_CODE_CACHE=write is the build's training run: the cache is written when the run ends. =report prints on
 * stderr how the cache was used, for the tests.
 */
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { compileBundle } from "./code-cache";
import { WORKER_ARG } from "./worker-arg";

const inWorker = process.argv.includes(WORKER_ARG);
// V8 optimises a function once a fixed amount of its bytecode has run (--interrupt-budget, 66 KB in V8 11). A check
// is a short run over a lot of code, in which most of those compilations never pay back, and on two cores they take
// the second core from the folder's other thread. Set once per process (a thread shares its flags), before the
// bundle is compiled, and only on the V8 it was measured on; others keep their default.
if (!inWorker && /^11\./.test(process.versions.v8)) setFlagsFromString("--interrupt-budget=500000");

const bundle = compileBundle(path.join(__dirname, "chosahyo.cjs"));
const mode = process.env.CHOSAHYO_CODE_CACHE;
if (mode === "report") process.stderr.write(`code cache: ${bundle.state}\n`);
if (mode === "write" && !inWorker) process.once("exit", () => bundle.writeCache());
bundle.run();
