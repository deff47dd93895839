/**
 * A worker thread of the folder pool (pool.ts): validates the files it is sent, one at a time, so it holds at
 * most one workbook. Bundled on its own as build/cli/worker.cjs.
 */
import { parentPort, workerData } from "node:worker_threads";
import { validateWithin } from "./budget";
import { useNativeZip } from "./native-zip";
import type { FromWorker, ToWorker, WorkerSetup } from "./pool";

useNativeZip();
const port = parentPort;
if (!port) throw new Error("worker.ts runs in a worker thread");
const setup = workerData as WorkerSetup;

port.on("message", (m: ToWorker) => {
  void validateWithin(m.file, { profiles: setup.profiles, stage: setup.stage, fiscalYear: setup.fiscalYear, planPeriod: setup.planPeriod, lang: setup.lang }, setup.seconds).then(
    (result) => port.postMessage({ type: "done", index: m.index, result } satisfies FromWorker),
    (e: unknown) => port.postMessage({ type: "failed", index: m.index, reason: e instanceof Error ? e.message.split("\n")[0] : String(e) } satisfies FromWorker),
  );
});
port.postMessage({ type: "ready" } satisfies FromWorker);
