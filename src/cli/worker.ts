/**
 * A thread of the folder pool (pool.ts): validates the files it is sent, one at a time, so it holds at most one
 * workbook. The bundle runs this instead of the command when started with WORKER_ARG (entry.ts).
 */
import { createRequire } from "node:module";
import { validateWithin } from "./budget";
import type { FromWorker, ToWorker, WorkerSetup } from "./pool";

export function serveFiles(): void {
  // Required here: the command itself never needs worker_threads for one file.
  const { parentPort, workerData } = createRequire(__filename)("node:worker_threads") as typeof import("node:worker_threads");
  const port = parentPort;
  if (!port) throw new Error("serveFiles runs in a worker thread");
  const setup = workerData as WorkerSetup;
  port.on("message", (m: ToWorker) => {
    void validateWithin(m.file, { profiles: setup.profiles, stage: setup.stage, fiscalYear: setup.fiscalYear, planPeriod: setup.planPeriod, lang: setup.lang, ...(m.returnsOf ? { returnsOf: new Set(m.returnsOf) } : {}) }, setup.seconds).then(
      (result) => port.postMessage({ type: "done", index: m.index, result } satisfies FromWorker),
      (e: unknown) => port.postMessage({ type: "failed", index: m.index, reason: e instanceof Error ? e.message.split("\n")[0] : String(e) } satisfies FromWorker),
    );
  });
  port.postMessage({ type: "ready" } satisfies FromWorker);
}
