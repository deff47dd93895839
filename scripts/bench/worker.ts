/**
 * The in-process half of `npm run bench`. scripts/bench.mjs bundles this file with esbuild (so no TypeScript
 * compiler runs inside a timed region) and runs it in a child `node --expose-gc`, one task per process:
 *
 *   generate <survey.xlsx> <surveyCount> <sample.xlsx> <sampleCount>   write the bench workbooks
 *   reader <file> <iterations>   our reader (XlsxWorkbook.load + readAll) vs ExcelJS's and SheetJS's full loads of
 *                                the same bytes, interleaved; then validateWorkbook, for the in-process reference
 *   core <file> <times> <runs>    validateWorkbook on the loaded snapshot and on `times` copies of it
 *   cold <file> <warm-up> <runs> the first validateWorkbook in this (fresh) process vs the median of `runs` passes
 *                                after `warm-up` more
 *   compare <file> <runs>        前年度比較: the file against its own next year (made by 年度更新), checking both vs
 *                                checking both and comparing them (validate with `previous`, then compareYears)
 *
 * Each task prints one JSON object on stdout; times are in milliseconds.
 */
import { readFileSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import type { WorkbookSnapshot } from "../../src/core/model/grid";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { type ValidationReport, validateWorkbook } from "../../src/core/validate";
import { compareYears } from "../../src/core/compare/compare";
import { rollWorkbook } from "../../src/workbook/xlsx/roll";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { generateSurveyWorkbook, PROFILE_ID, replicateSnapshot } from "./generate";

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function now(): number {
  return performance.now();
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function summary(report: ValidationReport): { sheets: number; recognised: number; surveySheets: number; records: number; findings: number; byRule: Record<string, number> } {
  const byRule: Record<string, number> = {};
  for (const f of report.findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
  return {
    sheets: report.sheets.length,
    recognised: report.sheets.filter((s) => s.status === "recognised" && s.profileId === PROFILE_ID).length,
    surveySheets: report.sheets.filter((s) => s.layoutId === "survey").length,
    records: report.records.length,
    findings: report.findings.length,
    byRule,
  };
}

async function generate(out: string, count: number, sampleOut: string, sampleCount: number): Promise<object> {
  const t0 = now();
  const big = await generateSurveyWorkbook(count);
  writeFileSync(out, big);
  const small = await generateSurveyWorkbook(sampleCount);
  writeFileSync(sampleOut, small);
  return { bytes: big.length, sampleBytes: small.length, ms: now() - t0 };
}

/**
 * The reader alone against the two libraries a user could have reached for, on the same bytes in memory (the file
 * is read once, outside the clock): ExcelJS's full load, SheetJS's `read(bytes, { type: "buffer" })`, and ours,
 * XlsxWorkbook.load + readAll (the snapshot the core validates). Each round runs the three in a rotating order, so
 * a slow spell of the machine falls on all of them. validateWorkbook on our snapshot is timed apart, which gives
 * the in-process reference: read file + load + readAll + validate against the bare ExcelJS load.
 */
async function reader(file: string, iterations: number): Promise<object> {
  const bytes = readFileSync(file);
  const times = { exceljs: [] as number[], sheetjs: [] as number[], ours: [] as number[] };
  const phases = { read: [] as number[], load: [] as number[], readAll: [] as number[], validate: [] as number[] };
  let last: ReturnType<typeof summary> | undefined;
  let sheetjsSheets = 0;
  let exceljsSheets = 0;
  const run = {
    exceljs: async (): Promise<number> => {
      const t0 = now();
      const wb = await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer);
      const ms = now() - t0;
      exceljsSheets = wb.worksheets.length;
      return ms;
    },
    sheetjs: async (): Promise<number> => {
      const t0 = now();
      const wb = XLSX.read(bytes, { type: "buffer" });
      const ms = now() - t0;
      sheetjsSheets = wb.SheetNames.length;
      return ms;
    },
    ours: async (): Promise<number> => {
      const t0 = now();
      const fileBytes = readFileSync(file);
      const t1 = now();
      const book = await XlsxWorkbook.load(fileBytes, file);
      const t2 = now();
      const snapshot = await book.readAll();
      const t3 = now();
      const report = validateWorkbook(snapshot, { profiles: BUILT_IN_PROFILES });
      const t4 = now();
      last = summary(report); // after the clock stops; the report itself is dropped
      phases.read.push(t1 - t0);
      phases.load.push(t2 - t1);
      phases.readAll.push(t3 - t2);
      phases.validate.push(t4 - t3);
      return t3 - t1; // the reader alone: the bytes are in memory for the other two as well
    },
  };
  const order = ["exceljs", "sheetjs", "ours"] as const;
  // Warm-up: each once, untimed (JIT, file cache, the libraries' lazy start-up).
  for (const k of order) await run[k]();
  for (const xs of Object.values(phases)) xs.length = 0;
  for (let i = 0; i < iterations; i++) {
    for (let j = 0; j < order.length; j++) {
      const k = order[(i + j) % order.length];
      gc();
      times[k].push(await run[k]());
    }
  }
  const med = { exceljs: median(times.exceljs), sheetjs: median(times.sheetjs), ours: median(times.ours) };
  const full = phases.read.map((r, i) => r + phases.load[i] + phases.readAll[i] + phases.validate[i]);
  return {
    times,
    medians: med,
    vsExcelJS: med.ours / med.exceljs,
    vsSheetJS: med.ours / med.sheetjs,
    sheets: { exceljs: exceljsSheets, sheetjs: sheetjsSheets, ours: last?.sheets },
    // In-process reference: everything the CLI does to a file, against the bare ExcelJS load.
    full,
    fullMedian: median(full),
    fullVsExcelJS: median(full) / med.exceljs,
    phaseMedians: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, median(v)])),
    report: last,
  };
}

/**
 * The core's first pass in a fresh process against its warm passes, on a snapshot read before the clock starts
 * (the reader's code is warm, the core's is not): what the CLI pays on every file it validates in a new process.
 * Warm means optimised: V8 is still compiling the core for several passes after the first (on two cores the
 * passes after it took 110–150 ms, against 45–55 ms once settled), so `warmUp` passes run before the timed ones.
 */
async function cold(file: string, warmUp: number, runs: number): Promise<object> {
  const snapshot = await (await XlsxWorkbook.load(readFileSync(file), file)).readAll();
  const opts = { profiles: BUILT_IN_PROFILES };
  const t0 = now();
  const first = summary(validateWorkbook(snapshot, opts));
  const coldMs = now() - t0;
  const warming: number[] = [];
  for (let i = 0; i < warmUp; i++) {
    const t = now();
    validateWorkbook(snapshot, opts);
    warming.push(now() - t);
  }
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    validateWorkbook(snapshot, opts);
    warm.push(now() - t);
  }
  return { coldMs, warming, warm, warmMedian: median(warm), ratio: coldMs / median(warm), sheets: first.sheets, recognised: first.recognised };
}

async function core(file: string, times: number, runs: number): Promise<object> {
  const t0 = now();
  const snapshot: WorkbookSnapshot = await (await XlsxWorkbook.load(readFileSync(file), file)).readAll();
  const loadMs = now() - t0;
  const big = replicateSnapshot(snapshot, times);
  const opts = { profiles: BUILT_IN_PROFILES };
  // Warm-up: a few passes over the small snapshot and one over the big one; the reports are summarised and
  // dropped at once, so that no big report stays on the heap while the other size is timed. The ExcelJS
  // workbook is garbage by now: collect it once here, then let the heap reach its steady size again.
  // No gc() between timed runs: in trials a forced full GC made the next run slower by a roughly fixed amount
  // (not by GC pauses), which charged the 500-sheet run far more per sheet than the 5,000-sheet one. Garbage
  // of one run is collected during the next, in proportion to what each allocates.
  // The first pass runs cold (interpreted, then baseline code), as in a CLI process that validates one file.
  const t = now();
  validateWorkbook(snapshot, opts);
  const coldSmallMs = now() - t;
  for (let i = 0; i < 2; i++) validateWorkbook(snapshot, opts);
  gc();
  const largeReport = summary(validateWorkbook(big, opts));
  const smallReport = summary(validateWorkbook(snapshot, opts));
  const small: number[] = [];
  const large: number[] = [];
  const smallCpu: number[] = [];
  const largeCpu: number[] = [];
  const timed = (s: WorkbookSnapshot, wall: number[], cpu: number[]): void => {
    const c0 = process.cpuUsage();
    const w0 = now();
    const report = validateWorkbook(s, opts);
    wall.push(now() - w0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    if (report.sheets.length !== s.sheets.length) throw new Error("validateWorkbook skipped sheets");
  };
  // Small, large, small, large, … small: each large run is compared with the mean of the small runs on either side
  // of it, so a slow spell of the shared machine falls on both sizes of a pair; the scaling is the median pair.
  // An untimed small pass after each large run takes the collection of the large run's garbage, which would
  // otherwise land on the next timed small run.
  timed(snapshot, small, smallCpu);
  for (let i = 0; i < runs; i++) {
    timed(big, large, largeCpu);
    validateWorkbook(snapshot, opts);
    timed(snapshot, small, smallCpu);
  }
  const pairs = large.map((l, i) => l / ((small[i] + small[i + 1]) / 2));
  const pairsCpu = largeCpu.map((l, i) => l / ((smallCpu[i] + smallCpu[i + 1]) / 2));
  const smallMs = median(small);
  const largeMs = median(large);
  return {
    loadMs,
    coldSmallMs,
    smallSheets: snapshot.sheets.length,
    largeSheets: big.sheets.length,
    small,
    large,
    smallCpu,
    largeCpu,
    smallMedian: smallMs,
    largeMedian: largeMs,
    smallCpuMedian: median(smallCpu),
    largeCpuMedian: median(largeCpu),
    smallMin: Math.min(...small),
    largeMin: Math.min(...large),
    sheetsPerSecond: big.sheets.length / (largeMs / 1000),
    scaling: median(pairs),
    scalingPairs: pairs,
    scalingOfMedians: largeMs / smallMs,
    scalingCpu: median(pairsCpu),
    scalingMin: Math.min(...large) / Math.min(...small),
    smallReport,
    largeReport,
  };
}

/**
 * 前年度比較 on two workbooks of the same size: `file` as last year and its 年度更新 as this year (titles and years moved
 * on, ratings cleared: every item pairs by its No.). A round reads and checks both workbooks (the baseline: what
 * `validate` does to the two files), then does the same with last year's report given as `previous` (the five
 * year-over-year rules run) and compareYears for the summary sheet: what `compare -o` does beyond reading. Rounds
 * alternate the order, after one warm-up round.
 */
async function compareTask(file: string, runs: number): Promise<object> {
  const lastBytes = new Uint8Array(readFileSync(file));
  const rolled = await rollWorkbook(lastBytes, "last.xlsx", { profiles: BUILT_IN_PROFILES, aids: false });
  if (!rolled.ok) throw new Error(`rollover refused: ${JSON.stringify(rolled)}`);
  const thisBytes = rolled.bytes;
  const check = async (bytes: Uint8Array, name: string, previous?: ValidationReport) =>
    validateWorkbook(await (await XlsxWorkbook.load(bytes, name)).readAll(), { profiles: BUILT_IN_PROFILES, ...(previous ? { previous } : {}) });
  const baseline = async () => {
    const t0 = now();
    await check(lastBytes, "last.xlsx");
    await check(thisBytes, "this.xlsx");
    return now() - t0;
  };
  let pairs = 0;
  let findings = 0;
  const compared = async () => {
    const t0 = now();
    const last = await check(lastBytes, "last.xlsx");
    const current = await check(thisBytes, "this.xlsx", last);
    const r = compareYears(last, current, BUILT_IN_PROFILES);
    const ms = now() - t0;
    if (!r.ok) throw new Error(`comparison refused: ${JSON.stringify(r.refusal)}`);
    pairs = r.comparison.items.filter((i) => i.last && i.this).length;
    findings = current.findings.length;
    return ms;
  };
  await baseline();
  await compared();
  const base: number[] = [];
  const comp: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    if (i % 2 === 0) {
      base.push(await baseline());
      gc();
      comp.push(await compared());
    } else {
      comp.push(await compared());
      gc();
      base.push(await baseline());
    }
  }
  return { baseline: base, compared: comp, ratio: median(comp) / median(base), pairs, findings, sheets: (await (await XlsxWorkbook.load(thisBytes, "this.xlsx")).readAll()).sheets.length };
}

async function main(): Promise<void> {
  const [task, ...args] = process.argv.slice(2);
  let out: object;
  if (task === "generate") out = await generate(args[0], Number(args[1]), args[2], Number(args[3]));
  else if (task === "reader") out = await reader(args[0], Number(args[1]));
  else if (task === "cold") out = await cold(args[0], Number(args[1]), Number(args[2]));
  else if (task === "core") out = await core(args[0], Number(args[1]), Number(args[2]));
  else if (task === "compare") out = await compareTask(args[0], Number(args[1]));
  else throw new Error(`unknown task ${task}`);
  process.stdout.write(JSON.stringify(out) + "\n");
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
