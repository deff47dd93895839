/**
 * @jest-environment node
 *
 * `--timeout` (a per-file budget) and `--jobs` (the worker pool of folder mode), as a user sees them: a file over
 * the budget is reported like an unreadable one (exit 2, one line naming it, JSON code `timeout`) and the other
 * files are still checked; several files on worker threads print exactly what one thread prints, in input order.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { strToU8, zipSync } from "fflate";
import type { Lang } from "../src/core/i18n";
import { t } from "../src/cli/i18n";
import { ArgError, parseArgs } from "../src/cli/args";
import * as pool from "../src/cli/pool";
import { cli, collector, type Run } from "./helpers/cli";
import { main } from "../src/cli/main";

const ROOT = path.join(__dirname, "..");
const BIN = path.join(ROOT, "bin", "chosahyo.js");
const SEEDS = ["kodaira-h29.xlsx", "mitaka-2021.xlsx", "musashino-h29.xlsx", "kodaira-program-r6.xlsx"].map((n) => path.join(ROOT, "seeds", n));

let dir: string;
const at = (name: string) => path.join(dir, name);

function colName(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * An honestly slow input: a workbook of `sheets` sheets of `rows` × `cols` numbers, written straight to the
 * package (a minimal valid .xlsx) so that making it takes far less time than reading it.
 */
function bigWorkbook(sheets: number, rows: number, cols: number): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const names = Array.from({ length: sheets }, (_, i) => `表${i + 1}`);
  files["[Content_Types].xml"] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("") +
      "</Types>",
  );
  files["_rels/.rels"] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  files["xl/workbook.xml"] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
      names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
      "</sheets></workbook>",
  );
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
      "</Relationships>",
  );
  const cols_ = Array.from({ length: cols }, (_, c) => colName(c));
  const rowXml: string[] = [];
  for (let r = 1; r <= rows; r++) rowXml.push(`<row r="${r}">${cols_.map((c, j) => `<c r="${c}${r}"><v>${r * 100 + j}</v></c>`).join("")}</row>`);
  const sheetXml = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + rowXml.join("") + "</sheetData></worksheet>",
  );
  names.forEach((_, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = sheetXml));
  return zipSync(files, { level: 1 });
}

const BIG = "大きなブック.xlsx";
const EMPTY = "空.xlsx";

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "chosahyo-budget-"));
  // 400 sheets × 2,000 cells: seconds of reading, well under every size limit; the budget below is half a second,
  // and an empty file takes milliseconds, so a loaded machine does not blur the two.
  // Several seconds of honest work even for the bundled worker on a quiet machine, so 0.5 s is always overrun.
  writeFileSync(at(BIG), bigWorkbook(400, 200, 40));
  writeFileSync(at(EMPTY), new Uint8Array(0));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function lines(text: string): string[] {
  return text.split(/\r?\n/).filter((l) => l.trim() !== "");
}

describe("--timeout and --jobs on the command line", () => {
  const validate = (extra: string[]) => parseArgs(["validate", "a.xlsx", ...extra]);

  test("the budget is 60 s unless --timeout says otherwise; seconds may be fractions", () => {
    expect(validate([])).toMatchObject({ timeout: 60 });
    expect(validate(["--timeout", "5"])).toMatchObject({ timeout: 5 });
    expect(validate(["--timeout=0.05"])).toMatchObject({ timeout: 0.05 });
    expect(parseArgs(["summarize", "a.xlsx", "-o", "b.xlsx", "--timeout", "90"])).toMatchObject({ timeout: 90 });
  });

  test("--jobs takes a whole number; without it the pool size is left to the machine", () => {
    expect(validate(["--jobs", "3"])).toMatchObject({ jobs: 3 });
    expect(validate([])).not.toHaveProperty("jobs");
  });

  test.each(["0", "-1", "abc", "60s", "1e3", "", "0.0", "100000"])("--timeout %p is refused", (v) => {
    let err: unknown;
    try {
      validate(["--timeout", v]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ArgError);
    expect((err as ArgError).key).toBe("cli.arg.bad-timeout");
  });

  test.each(["0", "-2", "1.5", "two", "1000"])("--jobs %p is refused", (v) => {
    expect(() => validate([`--jobs=${v}`])).toThrow(ArgError);
  });

  test("--jobs belongs to validate only", () => {
    expect(() => parseArgs(["summarize", "a.xlsx", "-o", "b.xlsx", "--jobs", "2"])).toThrow(expect.objectContaining({ key: "cli.arg.unknown-option" }));
  });

  test.each([
    ["ja", [] as string[], /--timeout には 0 より大きい秒数/],
    ["en", ["--lang", "en"], /^--timeout must be a number of seconds above 0 \(at most 86400\): -3$/],
  ] as const)("a bad --timeout: exit 2 and one line on stderr, nothing checked (%s)", async (_lang, langArgs, says) => {
    const run = await cli(["validate", SEEDS[0], "--timeout=-3", ...langArgs]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(lines(run.stderr)).toHaveLength(1);
    expect(lines(run.stderr)[0]).toMatch(says);
  });
});

describe("a file over the budget", () => {
  const expectTimedOut = (run: Run, lang: Lang) => {
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([
      `${at(BIG)}: ${t(lang, "cli.error.timeout", { seconds: 0.5 })}`,
      // The next file was still checked: it has its own problem.
      `${at(EMPTY)}: ${t(lang, "error.empty-file")}`,
    ]);
  };

  test.each([["1"], ["2"]])("--jobs %s: exit 2, one line naming the file and the budget, and the next file is still checked", async (jobs) => {
    const ja = await cli(["validate", at(BIG), at(EMPTY), "--timeout", "0.5", "--jobs", jobs]);
    expectTimedOut(ja, "ja");
    expect(ja.stderr).toContain("0.5 秒を超えても終わらなかったため中止しました");
    const en = await cli(["validate", at(BIG), at(EMPTY), "--timeout", "0.5", "--jobs", jobs, "--lang", "en"]);
    expectTimedOut(en, "en");
    expect(en.stderr).toContain("Took longer than 0.5 s and was stopped");
  });

  test("--json: the error code is `timeout`", async () => {
    const run = await cli(["validate", at(BIG), at(EMPTY), "--timeout", "0.5", "--json"]);
    expectTimedOut(run, "ja");
    expect(JSON.parse(run.stdout)).toStrictEqual({
      files: [
        { path: at(BIG), sheets: [], findings: [], error: { code: "timeout", message: t("ja", "cli.error.timeout", { seconds: 0.5 }) } },
        { path: at(EMPTY), sheets: [], findings: [], error: { code: "empty-file", message: t("ja", "error.empty-file") } },
      ],
    });
  });

  test("one file, in this process: the same report", async () => {
    const run = await cli(["validate", at(BIG), "--timeout", "0.5", "--json", "--lang", "en"]);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([`${at(BIG)}: ${t("en", "cli.error.timeout", { seconds: 0.5 })}`]);
    expect(JSON.parse(run.stdout).files[0].error.code).toBe("timeout");
  });

  test("with the default budget the same workbook is read to the end (so the timeout above is the budget's doing)", async () => {
    const run = await cli(["validate", at(BIG), "--json"]);
    const report = JSON.parse(run.stdout) as { files: { error: { code: string } | null }[] };
    expect(report.files[0].error?.code).not.toBe("timeout");
  });
});

describe("every command that reads a workbook keeps the budget", () => {
  const timedOut = (lang: Lang) => t(lang, "cli.error.timeout", { seconds: 0.5 });

  test("--timeout is taken by each of them, 60 s by default", () => {
    const cases = [
      ["rollover", "a.xlsx", "-o", "b.xlsx"],
      ["split", "a.xlsx", "-o", "out"],
      ["collect", "a.xlsx", "b.xlsx", "--dry-run"],
      ["new-plan", "list.xlsx", "-o", "b.xlsx"],
      ["aids", "a.xlsx", "-o", "b.xlsx"],
      ["compare", "a.xlsx", "b.xlsx"],
    ];
    for (const c of cases) {
      expect(parseArgs(c)).toMatchObject({ timeout: 60 });
      expect(parseArgs([...c, "--timeout", "7.5"])).toMatchObject({ timeout: 7.5 });
    }
  });

  test.each([
    ["rollover", (out: string) => ["rollover", at(BIG), "-o", out]],
    ["split", (out: string) => ["split", at(BIG), "-o", out]],
    ["aids", (out: string) => ["aids", at(BIG), "-o", out]],
    ["new-plan", (out: string) => ["new-plan", at(BIG), "-o", out]],
  ] as const)("%s: exit 2, the file named with the budget, nothing written", async (_command, argv) => {
    for (const lang of ["ja", "en"] as const) {
      const out = at(`${_command}-${lang}.out.xlsx`);
      const run = await cli([...argv(out), "--timeout", "0.5", "--lang", lang]);
      expect(run.code).toBe(2);
      expect(lines(run.stderr)).toEqual([`${at(BIG)}: ${timedOut(lang)}`]);
      expect(existsSync(out)).toBe(false);
    }
  });

  test("collect: a returned file over the budget is reported as unreadable, and the next file is still read", async () => {
    const run = await cli(["collect", SEEDS[0], at(BIG), at(EMPTY), "--dry-run", "--timeout", "0.5"]);
    expect(run.code).toBe(2);
    const out = lines(run.stdout);
    expect(out.slice(0, 4)).toEqual([BIG, t("ja", "cli.collect.read-error", { message: timedOut("ja") }), EMPTY, t("ja", "cli.collect.read-error", { message: t("ja", "error.empty-file") })]);
  });

  test("collect: a master over the budget is said to be unreadable, and nothing is taken in", async () => {
    const merged = at("merged.xlsx");
    const run = await cli(["collect", at(BIG), SEEDS[0], "-o", merged, "--timeout", "0.5", "--lang", "en"]);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([t("en", "cli.collect.unreadable-master", { path: at(BIG), message: timedOut("en") })]);
    expect(run.stdout).toBe("");
    expect(existsSync(merged)).toBe(false);
  });
});

describe("folder mode on worker threads", () => {
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), "chosahyo-pool-"));
    // Big and small files mixed, so the threads finish out of input order; a bad file among them.
    SEEDS.forEach((s, i) => copyFileSync(s, path.join(folder, `${i + 1}-${path.basename(s)}`)));
    copyFileSync(SEEDS[0], path.join(folder, "5-kodaira-copy.xlsx"));
    writeFileSync(path.join(folder, "3b-empty.xlsx"), new Uint8Array(0));
  });

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
    jest.restoreAllMocks();
  });

  test("--jobs 2 prints exactly what --jobs 1 prints, in input order (JSON and human output)", async () => {
    const spy = jest.spyOn(pool, "validateOnPool");
    const one = await cli(["validate", folder, "--json", "--jobs", "1"]);
    expect(spy).not.toHaveBeenCalled();
    const two = await cli(["validate", folder, "--json", "--jobs", "2"]);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0][1].jobs).toBe(2);
    expect(two).toEqual(one);
    const report = JSON.parse(two.stdout) as { files: { path: string; findings: unknown[]; error: { code: string } | null }[] };
    expect(report.files.map((f) => path.basename(f.path))).toEqual([
      "1-kodaira-h29.xlsx",
      "2-mitaka-2021.xlsx",
      "3-musashino-h29.xlsx",
      "3b-empty.xlsx",
      "4-kodaira-program-r6.xlsx",
      "5-kodaira-copy.xlsx",
    ]);
    expect(report.files.filter((f) => f.error === null).every((f) => f.findings.length > 0)).toBe(true);
    expect(report.files[3].error?.code).toBe("empty-file");
    expect(two.code).toBe(2);

    const human1 = await cli(["validate", folder, "--jobs", "1", "--lang", "en"]);
    const human2 = await cli(["validate", folder, "--jobs", "2", "--lang", "en"]);
    expect(human2).toEqual(human1);
    expect(human2.stdout).toContain("6 files:");
    spy.mockRestore();
  });

  test("the installed command (bundled worker) gives the same JSON on 2 threads as on 1", () => {
    const run = (jobs: string) => spawnSync(process.execPath, [BIN, "validate", folder, "--json", "--jobs", jobs], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
    const [a, b] = [run("1"), run("2")];
    expect(b.status).toBe(2);
    expect({ status: b.status, stdout: b.stdout, stderr: b.stderr }).toEqual({ status: a.status, stdout: a.stdout, stderr: a.stderr });
    expect(JSON.parse(b.stdout).files).toHaveLength(6);
  });

  test("on a terminal the bar counts files done, and is cleared at the end", async () => {
    const out = collector();
    const err = collector();
    (err.stream as { isTTY?: boolean }).isTTY = true;
    await main(["validate", folder, "--jobs", "2"], { stdout: out.stream, stderr: err.stream });
    expect(err.text()).toMatch(/\d \/ 6 ファイル/);
    expect(err.text()).toMatch(/█/);
    // The last bar drawn is cleared (the empty file's error line may come after it, on a clean line).
    const text = err.text();
    const lastBar = text.lastIndexOf("█");
    expect(text.indexOf("\r\u001b[K", lastBar)).toBeGreaterThan(lastBar);
    expect(text).toContain(`\r\u001b[K${path.join(folder, "3b-empty.xlsx")}: `);
    expect(out.text()).not.toMatch(/█/);
  });
});

describe("the pool's hard stop, with stand-in workers that misbehave", () => {
  // The real worker's protocol (src/cli/worker.ts); a file's name says how this stand-in treats it.
  const STAND_IN = `
    const { parentPort } = require("node:worker_threads");
    parentPort.on("message", (m) => {
      if (m.file.includes("stuck")) for (;;) {} // synchronous: nothing but terminate() ends it
      if (m.file.includes("crash")) process.exit(7);
      if (m.file.includes("throw")) throw new Error("boom");
      parentPort.postMessage({ type: "done", index: m.index, result: { path: m.file, sheets: [], findings: [], error: null } });
    });
    parentPort.postMessage({ type: "ready" });`;
  const setup = { profiles: [], lang: "en" as const, seconds: 0.3 };

  function standIns(code = STAND_IN) {
    const workers: Worker[] = [];
    const exited: Promise<number>[] = [];
    const spawn = () => {
      const w = new Worker(code, { eval: true });
      workers.push(w);
      exited.push(new Promise((resolve) => w.once("exit", resolve)));
      return w;
    };
    return { spawn, workers, exited };
  }

  test("a file stuck in synchronous code is stopped at the budget and its thread replaced; so is one that crashes", async () => {
    // One thread, so each bad file is followed by a good one that needs the replacement.
    const files = ["stuck", "a", "crash", "b", "throw", "c"].map((n) => `${n}.xlsx`);
    const w = standIns();
    const results = await pool.validateOnPool(files, { jobs: 1, setup, spawn: w.spawn });
    expect(results.map((r) => [r.path, r.error?.code ?? null])).toEqual([
      ["stuck.xlsx", "timeout"],
      ["a.xlsx", null],
      ["crash.xlsx", "internal"],
      ["b.xlsx", null],
      ["throw.xlsx", "internal"],
      ["c.xlsx", null],
    ]);
    expect(results[0].error?.message).toBe(t("en", "cli.error.timeout", { seconds: 0.3 }));
    expect(results[4].error?.message).toContain("boom");
    expect(w.workers).toHaveLength(4); // the first, and one after each bad file
    await expect(Promise.all(w.exited)).resolves.toHaveLength(4); // the stuck one was terminated too
  });

  test("on two threads every other file is still checked, and no thread outlives the run", async () => {
    const files = ["a", "stuck", "b", "crash", "c", "throw", "d"].map((n) => `${n}.xlsx`);
    const w = standIns();
    const finishedOrder: number[] = [];
    const results = await pool.validateOnPool(files, { jobs: 2, setup, spawn: w.spawn, onResult: (i) => finishedOrder.push(i) });
    expect(results.map((r) => [r.path, r.error?.code ?? null])).toEqual([
      ["a.xlsx", null],
      ["stuck.xlsx", "timeout"],
      ["b.xlsx", null],
      ["crash.xlsx", "internal"],
      ["c.xlsx", null],
      ["throw.xlsx", "internal"],
      ["d.xlsx", null],
    ]);
    expect([...finishedOrder].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // Two threads, plus a replacement for each bad file that still had files after it.
    expect(w.workers.length).toBeGreaterThanOrEqual(2);
    expect(w.workers.length).toBeLessThanOrEqual(5);
    await expect(Promise.all(w.exited)).resolves.toHaveLength(w.workers.length);
  });

  test("threads that cannot start fail the files with one line each instead of being restarted for ever", async () => {
    const w = standIns(`throw new Error("cannot load the checker");`);
    const results = await pool.validateOnPool(["a.xlsx", "b.xlsx", "c.xlsx"], { jobs: 2, setup, spawn: w.spawn });
    expect(results.map((r) => r.error?.code)).toEqual(["internal", "internal", "internal"]);
    expect(results[0].error?.message).toContain("cannot load the checker");
    expect(w.workers).toHaveLength(2);
  });

  test("threads that never say they are ready are given up on, so the command does not wait for ever", async () => {
    const w = standIns(`setInterval(() => {}, 1000);`);
    const results = await pool.validateOnPool(["a.xlsx", "b.xlsx"], { jobs: 2, setup, spawn: w.spawn, bootMs: 300 });
    expect(results.map((r) => r.error?.code)).toEqual(["internal", "internal"]);
    expect(results[0].error?.message).toContain("worker did not start");
    await expect(Promise.all(w.exited)).resolves.toHaveLength(2);
  });

  test("the threads start before the files' settings are read, and every file is sent with the returns' 配布 ids", async () => {
    const echo = `
      const { parentPort } = require("node:worker_threads");
      parentPort.on("message", (m) => parentPort.postMessage({ type: "done", index: m.index, result: { path: m.file + " " + JSON.stringify(m.returnsOf ?? null), sheets: [], findings: [], error: null } }));
      parentPort.postMessage({ type: "ready" });`;
    const w = standIns(echo);
    let threadsWhenAsked = -1;
    let release!: () => void;
    const readingDone = new Promise<void>((r) => (release = r));
    const running = pool.validateOnPool(["a.xlsx", "b.xlsx", "c.xlsx"], {
      jobs: 2,
      setup,
      spawn: w.spawn,
      returnsOf: async () => {
        threadsWhenAsked = w.workers.length;
        await readingDone;
        return new Set(["dist-1"]);
      },
    });
    // Both threads are up and waiting; nothing is sent while the settings are still being read.
    await new Promise((r) => setTimeout(r, 300));
    expect(threadsWhenAsked).toBe(2);
    release();
    const results = await running;
    expect(results.map((r) => r.path)).toEqual(['a.xlsx ["dist-1"]', 'b.xlsx ["dist-1"]', 'c.xlsx ["dist-1"]']);
    await expect(Promise.all(w.exited)).resolves.toHaveLength(2);
  });

  test("when the settings cannot be read, every file says why and no thread outlives the run", async () => {
    const w = standIns();
    const results = await pool.validateOnPool(["a.xlsx", "b.xlsx"], {
      jobs: 2,
      setup,
      spawn: w.spawn,
      returnsOf: () => Promise.reject(new Error("disk gone")),
    });
    expect(results.map((r) => [r.error?.code, r.error?.message.includes("disk gone")])).toEqual([
      ["internal", true],
      ["internal", true],
    ]);
    await expect(Promise.all(w.exited)).resolves.toHaveLength(2);
  });

  test("results are handed on in input order, each as soon as every earlier file is done", () => {
    const out: string[] = [];
    const push = pool.inInputOrder(4, (i, r) => out.push(`${i}:${r.path}`));
    const r = (p: string) => ({ path: p, sheets: [], findings: [], error: null });
    push(2, r("c"));
    expect(out).toEqual([]);
    push(0, r("a"));
    expect(out).toEqual(["0:a"]);
    push(1, r("b"));
    expect(out).toEqual(["0:a", "1:b", "2:c"]);
    push(3, r("d"));
    expect(out).toEqual(["0:a", "1:b", "2:c", "3:d"]);
  });
});

describe("the budget for summarize (readAndValidateWithin)", () => {
  test("a workbook over the budget gives the timeout error instead of a workbook", async () => {
    const { readAndValidateWithin } = await import("../src/cli/budget");
    const r = await readAndValidateWithin(at(BIG), { profiles: [], lang: "ja" }, 0.5);
    expect(r).toEqual({ error: { code: "timeout", message: t("ja", "cli.error.timeout", { seconds: 0.5 }) } });
  });
});
