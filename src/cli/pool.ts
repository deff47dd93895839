/**
 * Folder mode: files are validated on a pool of worker threads (worker.ts), each holding one workbook at a time.
 * The budget is kept twice: cooperatively inside the worker (budget.ts), and here by terminating a worker that
 * is still busy past the deadline; a thread stuck in synchronous code can only be stopped that way. A stopped
 * or crashed worker is replaced and the other files go on.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Worker } from "node:worker_threads";
import type { Lang } from "../core/i18n";
import type { YearSpan } from "../core/plan-period";
import type { Profile, Stage } from "../core/profile/types";
import { timedOut } from "./budget";
import { fileError, type FileResult } from "./validate-files";
import { WORKER_ARG } from "./worker-arg";

/** What every worker is started with: plain data (profiles are JSON-shaped), cloned into the thread. */
export interface WorkerSetup {
  readonly profiles: readonly Profile[];
  readonly stage?: Stage;
  readonly fiscalYear?: number;
  readonly planPeriod?: YearSpan;
  readonly lang: Lang;
  /** The per-file budget in seconds. */
  readonly seconds: number;
}

export interface ToWorker {
  readonly index: number;
  readonly file: string;
  /** The 配布 ids of the returns among the files (ValidateFileOptions.returnsOf). */
  readonly returnsOf?: readonly string[];
}

export type FromWorker =
  | { readonly type: "ready" }
  | { readonly type: "done"; readonly index: number; readonly result: FileResult }
  | { readonly type: "failed"; readonly index: number; readonly reason: string };

export interface PoolOptions {
  readonly jobs: number;
  readonly setup: WorkerSetup;
  /** Called once per file, in the order files finish. */
  readonly onResult?: (index: number, result: FileResult) => void;
  /** Starts a worker; tests give their own. */
  readonly spawn?: (setup: WorkerSetup) => Worker;
  /** How long a worker may take to start (ms). */
  readonly bootMs?: number;
  /**
   * The 配布 ids of the returns among the files, found by reading every file's settings. Called once the threads
   * have been started, so that their start-up runs while this thread reads; no file is sent before it is done.
   */
  readonly returnsOf?: () => Promise<ReadonlySet<string> | undefined>;
}

/**
 * A thread running the bundle as a pool worker, through run.cjs so that it takes the code cache too; from the
 * TypeScript sources (tests, no bundle) tsx compiles entry.ts.
 */
export function spawnValidateWorker(setup: WorkerSetup): Worker {
  // Loaded here, not at the top: a check of one file never starts a thread, and loading the module cost it 7 ms.
  const { Worker } = createRequire(__filename)("node:worker_threads") as typeof import("node:worker_threads");
  const bundled = path.join(__dirname, "run.cjs");
  if (existsSync(bundled)) return new Worker(bundled, { workerData: setup, argv: [WORKER_ARG] });
  const tsx = createRequire(__filename).resolve("tsx/cjs");
  return new Worker(path.join(__dirname, "entry.ts"), { workerData: setup, argv: [WORKER_ARG], execArgv: ["--require", tsx] });
}

/** Generous: loading the checker takes a fraction of a second, but a busy machine or tsx (tests) slows it. */
const BOOT_MS = 60_000;

/** The worker's own check usually ends the file first; the hard stop waits a little longer to avoid a restart. */
function hardStopMs(seconds: number): number {
  return seconds * 1000 + Math.min(1000, seconds * 100);
}

function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message.split("\n")[0] : String(e);
}

/** Validates `files` on `jobs` workers (at most one per file); the results come back in input order. */
export function validateOnPool(files: readonly string[], opts: PoolOptions): Promise<FileResult[]> {
  const { setup } = opts;
  const spawn = opts.spawn ?? spawnValidateWorker;
  const results: FileResult[] = new Array<FileResult>(files.length);
  let next = 0;
  let finished = 0;
  let alive = 0;
  return new Promise((resolve) => {
    if (files.length === 0) return resolve([]);
    // Settled once returnsOf is done (below, after the threads are started); every file is sent after it.
    let known: Promise<void> = Promise.resolve();
    let returnsOf: string[] | undefined;
    let unknown: string | undefined;

    const settle = (index: number, result: FileResult): void => {
      results[index] = result;
      finished++;
      opts.onResult?.(index, result);
      if (finished === files.length) resolve(results);
    };
    const internal = (index: number, reason: string): FileResult => ({ path: files[index], sheets: [], findings: [], error: fileError("internal", setup.lang, reason) });

    const start = (): void => {
      let worker: Worker;
      try {
        worker = spawn(setup);
      } catch (e) {
        if (alive === 0) failUnassigned(reasonOf(e));
        return;
      }
      alive++;
      let ready = false;
      let gone = false;
      let current: { index: number; timer: NodeJS.Timeout } | undefined;
      // A thread that never says it is ready would leave the command waiting for ever.
      const boot = setTimeout(() => died("worker did not start"), opts.bootMs ?? BOOT_MS);

      const retire = (): void => {
        if (!gone) alive--;
        gone = true;
        clearTimeout(boot);
        if (current) clearTimeout(current.timer);
        current = undefined;
        void worker.terminate();
      };
      const assign = (): void => {
        if (next >= files.length) return retire();
        const index = next++;
        const timer = setTimeout(() => {
          // Past the deadline and still busy: stop the thread, report the file, carry on with a fresh worker.
          retire();
          settle(index, timedOut(files[index], setup.lang, setup.seconds));
          if (next < files.length) start();
        }, hardStopMs(setup.seconds));
        current = { index, timer };
        worker.postMessage({ index, file: files[index], ...(returnsOf ? { returnsOf } : {}) } satisfies ToWorker);
      };
      const died = (reason: string): void => {
        if (gone) return;
        const was = current;
        retire();
        if (was) settle(was.index, internal(was.index, reason));
        // One that cannot even start is not replaced (nor would its replacement start); the others carry on.
        if (!ready && alive === 0) failUnassigned(reason);
        else if (ready && next < files.length) start();
      };

      worker.on("message", (m: FromWorker) => {
        if (gone) return;
        if (m.type === "ready") {
          ready = true;
          clearTimeout(boot);
          void known.then(() => {
            if (gone) return;
            if (unknown !== undefined) failUnassigned(unknown);
            assign();
          });
          return;
        }
        if (!current || m.index !== current.index) return;
        clearTimeout(current.timer);
        current = undefined;
        settle(m.index, m.type === "done" ? m.result : internal(m.index, m.reason));
        assign();
      });
      worker.on("error", (e) => died(reasonOf(e)));
      worker.on("exit", (code) => died(`worker exited (${code})`));
    };

    const failUnassigned = (reason: string): void => {
      while (next < files.length) {
        const index = next++;
        settle(index, internal(index, reason));
      }
    };

    for (let i = 0; i < Math.min(opts.jobs, files.length); i++) start();
    if (opts.returnsOf) {
      known = opts.returnsOf().then(
        (ids) => {
          returnsOf = ids && ids.size > 0 ? [...ids] : undefined;
        },
        (e: unknown) => {
          unknown = reasonOf(e);
        },
      );
    }
  });
}

/** Hands results on in input order: each as soon as it and every file before it are done. */
export function inInputOrder(count: number, emit: (index: number, result: FileResult) => void): (index: number, result: FileResult) => void {
  const waiting = new Map<number, FileResult>();
  let nextOut = 0;
  return (index, result) => {
    waiting.set(index, result);
    while (nextOut < count && waiting.has(nextOut)) {
      const r = waiting.get(nextOut)!;
      waiting.delete(nextOut);
      emit(nextOut++, r);
    }
  };
}
