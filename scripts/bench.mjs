// `npm run bench`: the performance bars (each step below names its bar), measured as ratios against baselines taken in the
// same run (the machines are shared and noisy, so no figure here is ever asserted; the exit code is 0 unless
// something crashes). Everything it writes goes to a fresh folder under os.tmpdir(); the folder is kept and its
// bench-results.json holds the figures.
//
//   1. generate a 500-survey-sheet 調査票 workbook (+ 評価一覧) and a folder of 60 copies of the 59-sheet sample
//   2. CLI validate: child `node -e` bare ExcelJS readFile vs `node bin/chosahyo.js validate f --json > /dev/null`,
//      interleaved, medians of wall time (bar ≤ 0.5×)
//   3. the reader alone (XlsxWorkbook.load + readAll) vs ExcelJS's and SheetJS's full loads of the same bytes, in
//      one process, rotating order, medians after warm-up (bar: faster than both); and, for reference, everything
//      the CLI does to a file in one process against the bare ExcelJS load
//   4. folder mode: the CLI on the 60-workbook folder with --jobs 2 vs --jobs 1, interleaved (bar ≥ 1.7× faster); for
//      reference, two --jobs 1 processes at once on its halves (what two cores give this work with no pool at all)
//   5. the core's cold first pass on 501 sheets vs its warm passes, first call in fresh processes (bar < 2×)
//   6. core throughput: validateWorkbook on 500 and on 5,000 already-loaded sheets (medians after warm-up)
//   7. memory: the CLI on the 60-workbook folder (default --jobs), peak RSS from /usr/bin/time -v (or /proc VmHWM)
//   8. 前年度比較: the 500-sheet workbook against its own next year, checking both and comparing vs checking both, in
//      one process (bar ≤ 1.5×)
//
// Options (env): BENCH_CLI_RUNS (default 3), BENCH_READER_RUNS (3), BENCH_FOLDER_RUNS (2), BENCH_COLD_PROCS (3),
// BENCH_CORE_RUNS (5), BENCH_COMPARE_RUNS (3), BENCH_KEEP=0 to delete the temp workbooks at the end (bench-results.json is kept),
// BENCH_NO_TIME=1 to act as if /usr/bin/time were missing.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(path.join(ROOT, "package.json"));
const NODE = process.execPath;
const CLI = path.join(ROOT, "bin", "chosahyo.js");
const BUNDLE = path.join(ROOT, "build", "cli", "chosahyo.cjs");
const LAUNCHER = path.join(ROOT, "build", "cli", "run.cjs"); // what the command and the pool's threads start
const CODE_CACHE = `${BUNDLE}.cache`; // made by the build's training run

const SURVEY_SHEETS = 500;
const SAMPLE_SHEETS = 58; // + 評価一覧 = the 59-sheet sample
const FOLDER_FILES = 60;
const CORE_TIMES = 10;
const COLD_WARM_RUNS = 6;
// Passes between the first and the timed warm ones, while V8 optimises the core (it settles after about a dozen).
const COLD_WARM_UP = 20;
// The runs are few because ExcelJS takes seconds per load of the big workbook; medians of 3 still drop an outlier.
const runs = (name, dflt, min) => Math.max(min, Number(process.env[name] ?? dflt) || dflt);
const CLI_RUNS = runs("BENCH_CLI_RUNS", 3, 1);
const READER_RUNS = runs("BENCH_READER_RUNS", 3, 1);
const FOLDER_RUNS = runs("BENCH_FOLDER_RUNS", 2, 1);
const COLD_PROCS = runs("BENCH_COLD_PROCS", 3, 1);
const CORE_RUNS = runs("BENCH_CORE_RUNS", 5, 3);
const COMPARE_RUNS = runs("BENCH_COMPARE_RUNS", 3, 1);

const BARS = {
  cliRatio: 0.5, // CLI validate end to end ≤ 0.5 × a bare ExcelJS load
  readerRatio: 1, // the reader < 1 × ExcelJS's load and < 1 × SheetJS's
  poolSpeedup: 1.7, // --jobs 2 ≥ 1.7 × faster than --jobs 1
  coldWarm: 2, // the core's first pass < 2 × its warm pass
  coreSeconds: 1,
  coreScaling: 12,
  rssMB: 500,
  compareRatio: 1.5, // checking two workbooks and comparing them ≤ 1.5 × checking them
};

const started = performance.now();
const log = (msg) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(1).padStart(5)}s] ${msg}\n`);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function newestMtime(dir) {
  let max = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    max = Math.max(max, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return max;
}

/** Runs a command to completion; throws with its stderr when it fails (beyond the allowed exit codes). */
function run(cmd, args, { okCodes = [0], stdout = "pipe", env } = {}) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ["ignore", stdout, "pipe"], env: env ?? process.env, maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.error) throw r.error;
  if (!okCodes.includes(r.status)) {
    throw new Error(`${path.basename(cmd)} ${args.join(" ")} exited with ${r.status ?? r.signal}\n${r.stderr?.toString() ?? ""}`);
  }
  return { ms, status: r.status, stdout: r.stdout?.toString() ?? "", stderr: r.stderr?.toString() ?? "" };
}

// ---------------------------------------------------------------------------------------------------------------
// 0. Fresh CLI bundle, and the bench worker bundled (outside any timed region).

function ensureCliBundle() {
  const srcNewest = Math.max(newestMtime(path.join(ROOT, "src")), statSync(path.join(ROOT, "scripts", "build-cli.mjs")).mtimeMs);
  if ([BUNDLE, LAUNCHER, CODE_CACHE].every((f) => existsSync(f) && statSync(f).mtimeMs >= srcNewest)) return "up to date";
  run(NODE, [path.join(ROOT, "scripts", "build-cli.mjs")]);
  return "rebuilt";
}

/**
 * Bundles scripts/bench/worker.ts to CommonJS; exceljs and SheetJS stay the project's own copies, required by
 * absolute path, so each library is measured as it ships.
 */
async function bundleWorker(outfile) {
  const exceljsEntry = require.resolve("exceljs");
  const sheetjsEntry = require.resolve("@e965/xlsx");
  await build({
    entryPoints: [path.join(ROOT, "scripts", "bench", "worker.ts")],
    outfile,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    logLevel: "warning",
    plugins: [
      {
        name: "bench-paths",
        setup(b) {
          b.onResolve({ filter: /^exceljs$/ }, () => ({ path: exceljsEntry, external: true }));
          b.onResolve({ filter: /^@e965\/xlsx$/ }, () => ({ path: sheetjsEntry, external: true }));
          // scripts/seeds/kodaira.ts finds its data from __dirname: keep the source file's own folder.
          b.onLoad({ filter: /\.ts$/ }, (args) => {
            if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
            const text = readFileSync(args.path, "utf8");
            return { contents: text.replace(/\b__dirname\b/g, JSON.stringify(path.dirname(args.path))), loader: "ts" };
          });
        },
      },
    ],
  });
}

function worker(workerFile, args, nodeFlags = []) {
  const r = run(NODE, ["--expose-gc", ...nodeFlags, workerFile, ...args]);
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

// ---------------------------------------------------------------------------------------------------------------
// 2. CLI validate: child processes, interleaved.

const HAS_TIME = process.env.BENCH_NO_TIME !== "1" && spawnSync("sh", ["-c", "command -v /usr/bin/time"]).status === 0 && spawnSync("/usr/bin/time", ["-f", "%e", "true"]).status === 0;

/**
 * One child run, wall time from spawnSync; when /usr/bin/time is there it also gives the child's CPU time
 * (user + sys), a figure that other jobs on a shared machine disturb less, and its peak RSS.
 */
function timedChild(args, okCodes, cpuFile) {
  if (!HAS_TIME) return { ms: run(NODE, args, { stdout: "ignore", okCodes }).ms };
  const r = run("/usr/bin/time", ["-f", "%U %S %M", "-o", cpuFile, NODE, ...args], { stdout: "ignore", okCodes });
  const [user, sys, kb] = readFileSync(cpuFile, "utf8").trim().split(/\s+/).slice(-3).map(Number);
  return { ms: r.ms, cpuMs: (user + sys) * 1000, rssMB: kb / 1024 };
}

function cliRatio(file, tmp) {
  const cpuFile = path.join(tmp, "child-cpu.txt");
  const bareScript = "new (require('exceljs').Workbook)().xlsx.readFile(process.argv[1]).then(() => {}, (e) => { console.error(e); process.exit(3); })";
  const bareRun = () => timedChild(["-e", bareScript, file], [0], cpuFile);
  // Exit 1 means error findings (expected in the real data); 2 would be an unreadable input.
  const cliRun = () => timedChild([CLI, "validate", file, "--json"], [0, 1], cpuFile);
  cliRun(); // warm the OS's file and module caches, untimed (exceljs is loaded by both; the bench's generator read it)
  const bare = [];
  const cli = [];
  for (let i = 0; i < CLI_RUNS; i++) {
    if (i % 2 === 0) {
      bare.push(bareRun());
      cli.push(cliRun());
    } else {
      cli.push(cliRun());
      bare.push(bareRun());
    }
  }
  // What each side pays before any work: node itself, the CLI loading (its --help), ExcelJS's require.
  const startup = [];
  const cliLoad = [];
  const exceljsLoad = [];
  for (let i = 0; i < 3; i++) {
    startup.push(run(NODE, ["-e", "0"]).ms);
    cliLoad.push(run(NODE, [CLI, "--help"]).ms);
    exceljsLoad.push(run(NODE, ["-e", "require('exceljs')"]).ms);
  }
  const wall = (xs) => xs.map((x) => x.ms);
  const cpu = (xs) => (HAS_TIME ? xs.map((x) => x.cpuMs) : []);
  return {
    bare: wall(bare),
    cli: wall(cli),
    bareMedian: median(wall(bare)),
    cliMedian: median(wall(cli)),
    ratio: median(wall(cli)) / median(wall(bare)),
    bareCpu: cpu(bare),
    cliCpu: cpu(cli),
    ratioCpu: HAS_TIME ? median(cpu(cli)) / median(cpu(bare)) : undefined,
    nodeStartupMedian: median(startup),
    cliLoadMedian: median(cliLoad),
    exceljsLoadMedian: median(exceljsLoad),
    // The work alone: each side's time past its own loading.
    workRatio: (median(wall(cli)) - median(cliLoad)) / (median(wall(bare)) - median(exceljsLoad)),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Folder mode: the worker pool on two threads against one thread, child processes, interleaved.

/**
 * What two threads can gain on this machine right now, whatever our code does: the same loop run twice on one thread
 * vs once on each of two. Two loops: one that only computes (other jobs on a shared machine, or two vCPUs that are
 * one physical core, take it below 2×), and one that allocates short-lived objects and strings as a reader does. In
 * the second, one thread alone already has V8's garbage collector and compiler threads working on the other core,
 * and two threads share the memory bandwidth: its figure is the nearer reference for the folder. Not bars.
 */
const PARALLEL_PROBE = `
const { Worker } = require("node:worker_threads");
const loops = {
  // A small function called many times is optimised as usual; one long loop waits on on-stack replacement, whose
  // timing varied from run to run by several times.
  compute: "const f = (n) => { let x = 0; for (let i = 0; i < n; i++) x = (x + i) | 0; return x; }; let s = 0; for (let k = 0; k < 400; k++) s = (s + f(1e6)) | 0; require('node:worker_threads').parentPort.postMessage(s);",
  allocate: "let keep = []; let x = 0; for (let i = 0; i < 6e6; i++) { const o = { a: i, b: 's' + (i & 1023), c: [i, i + 1] }; keep.push(o); if (keep.length > 200000) keep = []; x += o.c[1]; } require('node:worker_threads').parentPort.postMessage(x);",
};
const loop = loops[process.argv[1]];
const round = (n) => new Promise((resolve) => { let left = n; for (let i = 0; i < n; i++) new Worker(loop, { eval: true }).on("message", () => { if (--left === 0) resolve(); }); });
(async () => {
  await round(1); // warm-up
  const t0 = performance.now(); await round(1); await round(1); const one = performance.now() - t0;
  const t1 = performance.now(); await round(2); const two = performance.now() - t1;
  console.log(JSON.stringify({ one, two }));
})();`;

function machineParallelism() {
  const probe = (kind) => {
    const r = [0, 1].map(() => JSON.parse(run(NODE, ["-e", PARALLEL_PROBE, kind]).stdout.trim()));
    const ratios = r.map((x) => x.one / x.two);
    return { speedup: median(ratios), ratios };
  };
  const compute = probe("compute");
  const allocate = probe("allocate");
  return { ...compute, allocate };
}

/** Starts every command at once; the wall time until the last one has exited (each may exit 0 or 1). */
function atOnce(commands) {
  const t0 = performance.now();
  return Promise.all(
    commands.map(
      (args) =>
        new Promise((resolve, reject) => {
          const child = spawn(NODE, args, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
          let stderr = "";
          child.stderr.on("data", (d) => (stderr += d));
          child.on("error", reject);
          child.on("exit", (code) => (code === 0 || code === 1 ? resolve() : reject(new Error(`${args.join(" ")} exited with ${code}\n${stderr}`))));
        }),
    ),
  ).then(() => performance.now() - t0);
}

/**
 * --jobs 2 vs --jobs 1, interleaved; and, for reference, what two cores give this work with no pool at all: the
 * folder split in two halves, each checked by its own `--jobs 1` process, both started at once (no threads, no
 * messages, nothing shared but the machine). Once more with V8's optimising compiler off (node --no-opt), which
 * shows whether what holds the split back is the compiler's own threads: one process checking alone has them busy
 * on the other core; two processes at once share the two cores with both their compilers.
 */
async function folderSpeedup(dir, tmp) {
  const cpuFile = path.join(tmp, "folder-cpu.txt");
  const once = (jobs) => timedChild([CLI, "validate", dir, "--json", "--jobs", String(jobs)], [0, 1], cpuFile);
  const files = readdirSync(dir).sort();
  const halves = [0, 1].map((h) => {
    const half = `${dir}-half-${h + 1}`;
    mkdirSync(half);
    for (const f of files.filter((_, i) => i % 2 === h)) copyFileSync(path.join(dir, f), path.join(half, f));
    return half;
  });
  const check = (folder, flags = []) => [...flags, CLI, "validate", folder, "--json", "--jobs", "1"];
  const one = [];
  const two = [];
  const split = [];
  for (let i = 0; i < FOLDER_RUNS; i++) {
    if (i % 2 === 0) {
      one.push(once(1));
      two.push(once(2));
      split.push(await atOnce(halves.map((h) => check(h))));
    } else {
      split.push(await atOnce(halves.map((h) => check(h))));
      two.push(once(2));
      one.push(once(1));
    }
  }
  const noOpt = { whole: await atOnce([check(dir, ["--no-opt"])]), split: await atOnce(halves.map((h) => check(h, ["--no-opt"]))) };
  for (const h of halves) rmSync(h, { recursive: true, force: true });
  const wall = (xs) => xs.map((x) => x.ms);
  return {
    split,
    splitMedian: median(split),
    splitSpeedup: median(wall(one)) / median(split),
    noOpt: { ...noOpt, speedup: noOpt.whole / noOpt.split },
    jobs1: wall(one),
    jobs2: wall(two),
    jobs1Median: median(wall(one)),
    jobs2Median: median(wall(two)),
    speedup: median(wall(one)) / median(wall(two)),
    jobs1Cpu: HAS_TIME ? one.map((x) => x.cpuMs) : [],
    jobs2Cpu: HAS_TIME ? two.map((x) => x.cpuMs) : [],
    jobs1RssMB: HAS_TIME ? Math.max(...one.map((x) => x.rssMB)) : undefined,
    jobs2RssMB: HAS_TIME ? Math.max(...two.map((x) => x.rssMB)) : undefined,
    // One job already keeps more than one core busy (V8 compiles optimised code on a thread of its own); n cores can
    // then make the work at most n / that many times faster, however the pool is built.
    jobs1CoresBusy: HAS_TIME ? median(one.map((x) => x.cpuMs)) / median(wall(one)) : undefined,
    files: readdirSync(dir).length,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 5. The core cold vs warm, each in a fresh process (a first pass happens once per process).

function coldVsWarm(workerFile, file) {
  const procs = [];
  for (let i = 0; i < COLD_PROCS; i++) procs.push(worker(workerFile, ["cold", file, String(COLD_WARM_UP), String(COLD_WARM_RUNS)]));
  const ratios = procs.map((p) => p.ratio);
  // The same passes with V8's optimising compiler off: what the core's code costs before it is optimised, the floor
  // under a first pass (whose own time also pays for the compiling). A reference, not a bar.
  const unoptimised = worker(workerFile, ["cold", file, "2", "4"], ["--no-opt"]);
  // The same in the CLI's own setting: its launcher (src/cli/run.ts) raises V8's interrupt budget on V8 11, so V8
  // optimises later. A reference beside the bar, which is taken at node's defaults; its warm passes settle later, so
  // it gets twice the warm-up. The flag is taken from the built launcher, so the two cannot drift apart.
  // The same with node's pool of V8 background threads cut from four to one. On a two-core machine the four compile
  // the core at once and take the first pass's own core in turn; with one, the first pass keeps its core. A
  // reference for the note (node can set it only at start, so no launcher flag): how much of the first pass is
  // that contention, and how much is the code still unoptimised.
  const onePool = [];
  for (let i = 0; i < COLD_PROCS; i++) onePool.push(worker(workerFile, ["cold", file, String(COLD_WARM_UP), String(COLD_WARM_RUNS)], ["--v8-pool-size=1"]));
  const launcherFlag = /--interrupt-budget=\d+/.exec(readFileSync(LAUNCHER, "utf8"))?.[0];
  const launcherFlags = launcherFlag && /^11\./.test(process.versions.v8) ? [launcherFlag] : undefined;
  const asCli = launcherFlags ? worker(workerFile, ["cold", file, String(2 * COLD_WARM_UP), String(COLD_WARM_RUNS)], launcherFlags) : undefined;
  return {
    asCli: asCli && { flags: launcherFlags.join(" "), coldMs: asCli.coldMs, warmMedianMs: asCli.warmMedian, ratio: asCli.ratio },
    ratio: median(ratios),
    ratios,
    unoptimisedMs: unoptimised.warmMedian,
    onePool: { coldMs: median(onePool.map((p) => p.coldMs)), warmMedianMs: median(onePool.map((p) => p.warmMedian)), ratio: median(onePool.map((p) => p.ratio)) },
    coldMs: procs.map((p) => p.coldMs),
    warmMedianMs: procs.map((p) => p.warmMedian),
    // Passes 2–6 of the first process: still being optimised.
    warming: procs[0].warming.slice(0, 5),
    sheets: procs[0].sheets,
    method: `first validateWorkbook in a fresh process / median of ${COLD_WARM_RUNS} passes after ${COLD_WARM_UP} more; median over ${COLD_PROCS} processes`,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 7. Memory: the CLI over the folder, one process (its worker threads included), peak RSS.

function memory(dir, tmp) {
  const args = [CLI, "validate", dir, "--json"];
  // A preload in the same process records VmHWM (the kernel's peak RSS) at exit: a cross-check, and the
  // method when /usr/bin/time is missing.
  const hwmFile = path.join(tmp, "vmhwm.txt");
  const preload = path.join(tmp, "vmhwm-preload.cjs");
  writeFileSync(
    preload,
    `const fs = require("fs");
process.on("exit", () => {
  let kb = 0;
  try { kb = Number(/VmHWM:\\s+(\\d+)/.exec(fs.readFileSync("/proc/self/status", "utf8"))[1]); } catch {}
  if (!kb) kb = process.resourceUsage().maxRSS;
  fs.writeFileSync(${JSON.stringify(hwmFile)}, String(kb));
});
`,
  );
  const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${JSON.stringify(preload)}`.trim() };
  const hasTime = HAS_TIME && spawnSync("/usr/bin/time", ["-v", "true"]).status === 0;
  let timeKB;
  let r;
  if (hasTime) {
    r = run("/usr/bin/time", ["-v", NODE, ...args], { stdout: "ignore", okCodes: [0, 1], env });
    const m = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(r.stderr);
    timeKB = m ? Number(m[1]) : undefined;
  } else {
    r = run(NODE, args, { stdout: "ignore", okCodes: [0, 1], env });
  }
  const hwmKB = existsSync(hwmFile) ? Number(readFileSync(hwmFile, "utf8")) : undefined;
  const peakKB = timeKB ?? hwmKB;
  return {
    method: timeKB !== undefined ? "/usr/bin/time -v (Maximum resident set size)" : "VmHWM of /proc/self/status read at exit by a --require preload",
    crossCheck: timeKB !== undefined && hwmKB ? "VmHWM read at exit by a --require preload in the same process" : undefined,
    peakMB: peakKB / 1024,
    timeMB: timeKB !== undefined ? timeKB / 1024 : undefined,
    vmhwmMB: hwmKB ? hwmKB / 1024 : undefined,
    files: readdirSync(dir).length,
    wallMs: r.ms,
    exitCode: r.status,
  };
}

// ---------------------------------------------------------------------------------------------------------------

function fmt(n, digits = 2) {
  return Number.isFinite(n) ? n.toFixed(digits) : String(n);
}

function table(rows) {
  // Japanese characters are wide: count them twice so the columns line up in a terminal.
  const w = (s) => [...String(s)].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const cols = rows[0].map((_, i) => Math.max(...rows.map((r) => w(r[i]))));
  const line = (r) => "| " + r.map((c, i) => String(c) + " ".repeat(cols[i] - w(c))).join(" | ") + " |";
  const sep = "|" + cols.map((c) => "-".repeat(c + 2)).join("|") + "|";
  return [line(rows[0]), sep, ...rows.slice(1).map(line)].join("\n");
}

async function main() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "chosahyo-bench-"));
  log(`temp folder ${tmp}`);
  const cliBundle = ensureCliBundle();
  log(`CLI bundle ${cliBundle}`);
  const workerFile = path.join(tmp, "bench-worker.cjs");
  await bundleWorker(workerFile);

  // 1. Inputs.
  const bigFile = path.join(tmp, `chosahyo-${SURVEY_SHEETS}.xlsx`);
  const sampleFile = path.join(tmp, "sample-59.xlsx");
  const gen = worker(workerFile, ["generate", bigFile, String(SURVEY_SHEETS), sampleFile, String(SAMPLE_SHEETS)]);
  const folder = path.join(tmp, "folder-60");
  mkdirSync(folder);
  for (let i = 1; i <= FOLDER_FILES; i++) copyFileSync(sampleFile, path.join(folder, `調査票-${String(i).padStart(2, "0")}.xlsx`));
  log(`generated ${path.basename(bigFile)} (${(gen.bytes / 1024).toFixed(0)} KB) and ${FOLDER_FILES} × ${path.basename(sampleFile)} (${(gen.sampleBytes / 1024).toFixed(0)} KB) in ${fmt(gen.ms / 1000, 1)} s`);

  // 2. CLI validate.
  log(`CLI validate vs bare ExcelJS load, ${CLI_RUNS} interleaved runs each…`);
  const cli = cliRatio(bigFile, tmp);
  // 3. The reader.
  log(`reader: XlsxWorkbook.load + readAll vs ExcelJS and SheetJS full loads, ${READER_RUNS} rotating rounds after warm-up…`);
  const rd = worker(workerFile, ["reader", bigFile, String(READER_RUNS)]);
  // 4. Folder mode.
  log(`folder: CLI on ${FOLDER_FILES} workbooks, --jobs 2 vs --jobs 1, ${FOLDER_RUNS} interleaved runs each…`);
  const pool = { ...(await folderSpeedup(folder, tmp)), machine: machineParallelism() };
  // 5. Cold vs warm.
  log(`core cold vs warm on ${SURVEY_SHEETS + 1} sheets, ${COLD_PROCS} fresh processes…`);
  const cold = coldVsWarm(workerFile, bigFile);
  // 6. Core throughput.
  log(`core: validateWorkbook on ${SURVEY_SHEETS + 1} and ${CORE_TIMES}× that, ${CORE_RUNS} large runs between ${CORE_RUNS + 1} small ones, after warm-up…`);
  const core = worker(workerFile, ["core", bigFile, String(CORE_TIMES), String(CORE_RUNS)]);
  // 7. Memory.
  log(`memory: CLI on a folder of ${FOLDER_FILES} workbooks (default --jobs: ${os.availableParallelism()})…`);
  const mem = memory(folder, tmp);
  // 8. Year over year.
  log(`前年度比較: ${SURVEY_SHEETS + 1} sheets against their next year, ${COMPARE_RUNS} alternating rounds after warm-up…`);
  const cmp = worker(workerFile, ["compare", bigFile, String(COMPARE_RUNS)]);

  const coreSeconds = core.largeMedian / 1000;
  const met = (ok) => (ok ? "met" : "NOT MET");
  const s = (ms) => `${fmt(ms / 1000)} s`;
  const figures = {
    cliValidate: { ok: cli.ratio <= BARS.cliRatio },
    readerVsExcelJS: { ok: rd.vsExcelJS < BARS.readerRatio },
    readerVsSheetJS: { ok: rd.vsSheetJS < BARS.readerRatio },
    inProcess: { ok: rd.fullVsExcelJS <= BARS.cliRatio },
    pool: { ok: pool.speedup >= BARS.poolSpeedup },
    coldWarm: { ok: cold.ratio < BARS.coldWarm },
    coreThroughput: { ok: coreSeconds <= BARS.coreSeconds },
    coreScaling: { ok: core.scaling <= BARS.coreScaling },
    memory: { ok: mem.peakMB < BARS.rssMB },
    compare: { ok: cmp.ratio <= BARS.compareRatio },
  };
  const rows = [
    ["figure", "bar", "measured", "met?"],
    [
      `CLI validate, ${SURVEY_SHEETS + 1}-sheet workbook (end to end, child processes)`,
      `≤ ${BARS.cliRatio} × ExcelJS load`,
      `${fmt(cli.ratio)} × (${s(cli.cliMedian)} / ${s(cli.bareMedian)})`,
      met(figures.cliValidate.ok),
    ],
    [
      "Reader (load + readAll) vs ExcelJS full load, one process",
      `< ${BARS.readerRatio} ×`,
      `${fmt(rd.vsExcelJS)} × (${s(rd.medians.ours)} / ${s(rd.medians.exceljs)})`,
      met(figures.readerVsExcelJS.ok),
    ],
    [
      "Reader (load + readAll) vs SheetJS full load, one process",
      `< ${BARS.readerRatio} ×`,
      `${fmt(rd.vsSheetJS)} × (${s(rd.medians.ours)} / ${s(rd.medians.sheetjs)})`,
      met(figures.readerVsSheetJS.ok),
    ],
    [
      "  read + validate in one process vs ExcelJS load (reference)",
      // The bar is the end-to-end row above; this one shows the work without either side's start-up.
      "none",
      `${fmt(rd.fullVsExcelJS)} × (${s(rd.fullMedian)} / ${s(rd.medians.exceljs)})`,
      "reference",
    ],
    [
      `Folder of ${pool.files}: --jobs 2 vs --jobs 1 (child processes)`,
      `≥ ${BARS.poolSpeedup} × faster`,
      `${fmt(pool.speedup)} × (${s(pool.jobs1Median)} / ${s(pool.jobs2Median)})`,
      met(figures.pool.ok),
    ],
    [
      `Core cold first pass vs warm, ${cold.sheets} sheets`,
      `< ${BARS.coldWarm} ×`,
      `${fmt(cold.ratio)} × (${fmt(median(cold.coldMs), 0)} ms / ${fmt(median(cold.warmMedianMs), 0)} ms)`,
      met(figures.coldWarm.ok),
    ],
    [
      `Core throughput, ${core.largeSheets} loaded sheets`,
      `≤ ${BARS.coreSeconds} s`,
      `${fmt(coreSeconds, 3)} s = ${Math.round(core.sheetsPerSecond).toLocaleString("en")} sheets/s`,
      met(figures.coreThroughput.ok),
    ],
    [
      `Core scaling, ${core.largeSheets} vs ${core.smallSheets} sheets`,
      `≤ ${BARS.coreScaling} ×`,
      `${fmt(core.scaling)} × (median of ${core.scalingPairs.length} adjacent pairs)`,
      met(figures.coreScaling.ok),
    ],
    [
      `Memory, CLI on ${mem.files} workbooks of ${SAMPLE_SHEETS + 1} sheets`,
      `< ${BARS.rssMB} MB peak RSS`,
      `${fmt(mem.peakMB, 0)} MB`,
      met(figures.memory.ok),
    ],
    [
      `前年度比較, ${cmp.sheets} sheets against their next year (one process)`,
      `≤ ${BARS.compareRatio} × checking both`,
      `${fmt(cmp.ratio)} × (${s(median(cmp.compared))} / ${s(median(cmp.baseline))})`,
      met(figures.compare.ok),
    ],
  ];

  const results = {
    date: new Date().toISOString(),
    machine: { node: process.version, platform: `${os.platform()} ${os.release()}`, cpus: os.cpus().length, availableParallelism: os.availableParallelism(), cpuModel: os.cpus()[0]?.model, loadavg: os.loadavg(), totalMemMB: Math.round(os.totalmem() / 1048576) },
    inputs: { folder: tmp, workbook: bigFile, workbookBytes: gen.bytes, sheets: SURVEY_SHEETS + 1, sample: sampleFile, folderFiles: FOLDER_FILES, cliBundle },
    bars: {
      cliValidate: { bar: `<= ${BARS.cliRatio}`, ratio: cli.ratio, within: figures.cliValidate.ok, ...cli },
      readerVsExcelJS: { bar: `< ${BARS.readerRatio}`, ratio: rd.vsExcelJS, within: figures.readerVsExcelJS.ok },
      readerVsSheetJS: { bar: `< ${BARS.readerRatio}`, ratio: rd.vsSheetJS, within: figures.readerVsSheetJS.ok },
      reader: rd,
      cliValidateInProcess: { bar: `<= ${BARS.cliRatio} (reference)`, ratio: rd.fullVsExcelJS, within: figures.inProcess.ok },
      folderJobs: { bar: `>= ${BARS.poolSpeedup}`, within: figures.pool.ok, ...pool },
      coreColdWarm: { bar: `< ${BARS.coldWarm}`, within: figures.coldWarm.ok, ...cold },
      coreThroughput: { bar: `<= ${BARS.coreSeconds} s for ${core.largeSheets} sheets`, seconds: coreSeconds, within: figures.coreThroughput.ok, ...core },
      coreScaling: { bar: `<= ${BARS.coreScaling}`, ratio: core.scaling, method: "median over runs of large / mean of the small runs before and after it", within: figures.coreScaling.ok },
      memory: { bar: `< ${BARS.rssMB} MB`, within: figures.memory.ok, ...mem },
      compare: { bar: `<= ${BARS.compareRatio}`, within: figures.compare.ok, ...cmp },
    },
    totalSeconds: (performance.now() - started) / 1000,
  };
  const resultsFile = path.join(tmp, "bench-results.json");
  writeFileSync(resultsFile, JSON.stringify(results, null, 2) + "\n");
  if (process.env.BENCH_KEEP === "0") {
    rmSync(folder, { recursive: true, force: true });
    for (const f of [bigFile, sampleFile, workerFile]) rmSync(f, { force: true });
  }

  const secs = (xs) => xs.map((x) => fmt(x / 1000)).join(" ");
  const out = [
    "",
    `chosahyo bench — node ${process.version}, ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? "?"}), load ${os.loadavg().map((x) => fmt(x)).join(" ")}`,
    "",
    table(rows),
    "",
    "Details",
    `  CLI, child processes, wall time (s): bare ExcelJS readFile [${secs(cli.bare)}], chosahyo validate --json [${secs(cli.cli)}]`,
    `    before any work: node start-up ${fmt(cli.nodeStartupMedian / 1000)} s; chosahyo loaded (--help) ${fmt(cli.cliLoadMedian / 1000)} s; require('exceljs') ${fmt(cli.exceljsLoadMedian / 1000)} s; the work past loading ${fmt(cli.workRatio)} x`,
    cli.ratioCpu !== undefined
      ? `    CPU time user+sys (s, /usr/bin/time): bare [${secs(cli.bareCpu)}], validate [${secs(cli.cliCpu)}] -> ratio of medians ${fmt(cli.ratioCpu)} x`
      : "    (no /usr/bin/time: CPU times not measured)",
    `  Reader, one process, wall time (s): ours [${secs(rd.times.ours)}], ExcelJS [${secs(rd.times.exceljs)}], SheetJS [${secs(rd.times.sheetjs)}]; sheets read ${rd.sheets.ours} / ${rd.sheets.exceljs} / ${rd.sheets.sheetjs}`,
    `    phase medians: read file ${fmt(rd.phaseMedians.read, 0)} ms, XlsxWorkbook.load ${fmt(rd.phaseMedians.load, 0)} ms, readAll ${fmt(rd.phaseMedians.readAll, 0)} ms, validateWorkbook ${fmt(rd.phaseMedians.validate, 0)} ms`,
    `    report: ${rd.report.sheets} sheets, ${rd.report.recognised} recognised as kodaira-chosahyo, ${rd.report.records} records, ${rd.report.findings} findings, ID-DUPLICATE ${rd.report.byRule["ID-DUPLICATE"] ?? 0}`,
    `  Folder, wall time (s): --jobs 1 [${secs(pool.jobs1)}], --jobs 2 [${secs(pool.jobs2)}]` +
      (HAS_TIME ? `; CPU (s) [${secs(pool.jobs1Cpu)}] / [${secs(pool.jobs2Cpu)}]; peak RSS ${fmt(pool.jobs1RssMB, 0)} / ${fmt(pool.jobs2RssMB, 0)} MB` : ""),
    ...(pool.jobs1CoresBusy !== undefined
      ? [
          `    --jobs 1 already keeps ${fmt(pool.jobs1CoresBusy)} cores busy (CPU / wall): on 2 cores no pool can run it more than ${fmt(2 / pool.jobs1CoresBusy)} × faster`,
        ]
      : []),
    `    no pool at all: the folder in two halves, a --jobs 1 process on each, both at once: ${fmt(pool.splitSpeedup)} × faster than --jobs 1 on the whole [${secs(pool.split)}] (what two cores give this work with no pool at all);` +
      ` with node --no-opt, ${fmt(pool.noOpt.speedup)} × (${fmt(pool.noOpt.whole / 1000)} s / ${fmt(pool.noOpt.split / 1000)} s)`,
    `    this machine, right after, 2 threads vs 1: a loop that only computes runs ${fmt(pool.machine.speedup)} × faster [${pool.machine.ratios.map((x) => fmt(x)).join(" ")}];` +
      ` a loop that allocates as a reader does ${fmt(pool.machine.allocate.speedup)} × [${pool.machine.allocate.ratios.map((x) => fmt(x)).join(" ")}] (the nearer reference for the folder)`,
    `  Core cold vs warm (ms): first pass [${cold.coldMs.map((x) => fmt(x, 0)).join(" ")}], warm medians [${cold.warmMedianMs.map((x) => fmt(x, 0)).join(" ")}] (after ${COLD_WARM_UP} passes), ratios [${cold.ratios.map((x) => fmt(x)).join(" ")}]`,
    `    passes 2–6 of the first process, while V8 optimises: [${cold.warming.map((x) => fmt(x, 0)).join(" ")}]; a pass of unoptimised code (node --no-opt) ${fmt(cold.unoptimisedMs, 0)} ms = ${fmt(cold.unoptimisedMs / median(cold.warmMedianMs))} × the warm pass`,
    `    with one V8 background thread (node --v8-pool-size=1, medians of ${COLD_PROCS} processes): first pass ${fmt(cold.onePool.coldMs, 0)} ms, warm ${fmt(cold.onePool.warmMedianMs, 0)} ms: ${fmt(cold.onePool.ratio)} × its own warm pass, ${fmt(cold.onePool.coldMs / median(cold.warmMedianMs))} × the warm pass above`,
    ...(cold.asCli
      ? [
          `    as the CLI runs it (${cold.asCli.flags}, set by its launcher): first pass ${fmt(cold.asCli.coldMs, 0)} ms, warm ${fmt(cold.asCli.warmMedianMs, 0)} ms after ${2 * COLD_WARM_UP} passes: ${fmt(cold.asCli.ratio)} × its own warm pass, ${fmt(cold.asCli.coldMs / median(cold.warmMedianMs))} × the warm pass above`,
        ]
      : []),
    `  Core, validateWorkbook wall time (ms): ${core.smallSheets} sheets [${core.small.map((x) => fmt(x, 0)).join(" ")}], ${core.largeSheets} sheets [${core.large.map((x) => fmt(x, 0)).join(" ")}]`,
    `    scaling: per pair [${core.scalingPairs.map((x) => fmt(x)).join(" ")}]; ratio of medians ${fmt(core.scalingOfMedians)} x; of best runs ${fmt(core.scalingMin)} x; in CPU time (median pair) ${fmt(core.scalingCpu)} x`,
    `    best run: ${fmt(core.largeMin, 0)} ms for ${core.largeSheets} sheets (${Math.round(core.largeSheets / (core.largeMin / 1000)).toLocaleString("en")} sheets/s); CPU-time medians ${fmt(core.smallCpuMedian, 0)} / ${fmt(core.largeCpuMedian, 0)} ms`,
    `    ${core.largeReport.recognised} of ${core.largeReport.sheets} sheets recognised, ${core.largeReport.records} records, ${core.largeReport.findings} findings, ID-DUPLICATE ${core.largeReport.byRule["ID-DUPLICATE"] ?? 0}`,
    `  前年度比較 (s): checking both [${secs(cmp.baseline)}], checking both with the year-over-year rules and comparing [${secs(cmp.compared)}]; ${cmp.pairs} items paired, ${cmp.findings} findings this year`,
    `  Memory: ${mem.method}${mem.crossCheck ? `; cross-check ${mem.crossCheck}: ${fmt(mem.vmhwmMB, 0)} MB` : ""}; ${mem.files} files in ${fmt(mem.wallMs / 1000, 1)} s (exit ${mem.exitCode})`,
    "",
    `Timings are medians from this run only; nothing is asserted. Total ${fmt(results.totalSeconds, 0)} s.`,
    `Results: ${resultsFile}`,
    "",
  ];
  process.stdout.write(out.join("\n"));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
