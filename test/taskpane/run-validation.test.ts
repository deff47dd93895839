/**
 * @jest-environment node
 *
 * The pane checks a workbook in batches (progress, cancel between batches); the report is the core's.
 */
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { validateWorkbook } from "../../src/core/validate";
import { isWorkbookError } from "../../src/workbook/port";
import { type Progress, validateInBatches, validateSnapshotInBatches } from "../../src/taskpane/run-validation";
import { kodairaSeed } from "../helpers/grid";
import { MemoryPort } from "./memory-port";

const immediate = () => Promise.resolve();

test("10 シートずつ確認しても、結果は validateWorkbook と同じ", async () => {
  const snap = await kodairaSeed();
  for (const opts of [
    { profiles: BUILT_IN_PROFILES },
    { profiles: BUILT_IN_PROFILES, stage: "本部評価後" as const, fiscalYear: 2018 },
    { profiles: BUILT_IN_PROFILES, overrides: { "No.1": "none" as const, "No.2": { profileId: "kodaira-chosahyo" } } },
  ]) {
    const batched = await validateSnapshotInBatches(snap, opts, { yieldToUi: immediate });
    expect(batched).toEqual(validateWorkbook(snap, opts));
  }
});

test("ポートから読み、読み込みと確認の進み具合をシート数で伝える", async () => {
  const snap = await kodairaSeed();
  const port = new MemoryPort(snap);
  const seen: Progress[] = [];
  const report = await validateInBatches(port, { profiles: BUILT_IN_PROFILES }, { onProgress: (p) => seen.push(p), yieldToUi: immediate });
  expect(report.findings).toEqual(validateWorkbook(snap, { profiles: BUILT_IN_PROFILES }).findings);
  const total = snap.sheets.length;
  const reads = seen.filter((p) => p.phase === "read");
  const checks = seen.filter((p) => p.phase === "check").map((p) => p.done);
  expect(reads.at(-1)).toEqual({ phase: "read", done: total, total });
  expect(checks).toEqual([0, ...Array.from({ length: Math.ceil(total / 10) }, (_, i) => Math.min(total, (i + 1) * 10))]);
});

test("中止はバッチの合間に効き、WorkbookError(cancelled) で終わる", async () => {
  const snap = await kodairaSeed();
  let batches = 0;
  let cancel = false;
  const run = validateSnapshotInBatches(
    snap,
    { profiles: BUILT_IN_PROFILES },
    {
      isCancelled: () => cancel,
      yieldToUi: async () => {
        batches++;
        if (batches === 2) cancel = true; // the user presses 中止 during the second batch
      },
    },
  );
  const e = await run.catch((x: unknown) => x);
  expect(isWorkbookError(e) && e.code).toBe("cancelled");
  expect(batches).toBe(2);
});
