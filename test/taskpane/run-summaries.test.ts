/**
 * @jest-environment node
 *
 * 集計シート作成 as the pane runs it: the chosen sheets in their fixed order, built one at a time (cancel works until
 * the write starts), written in one batch with a count; and a re-check leaves the generated sheets alone.
 */
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { buildSummaries } from "../../src/core/summary";
import { validateWorkbook } from "../../src/core/validate";
import { isWorkbookError, OwnedSheetsInterrupted, WorkbookError } from "../../src/workbook/port";
import { createSummaries, interruptedText, summariesFor, summaryInput, type SummaryProgress } from "../../src/taskpane/run-summaries";
import { validateInBatches } from "../../src/taskpane/run-validation";
import { kodairaSeed } from "../helpers/grid";
import { MemoryPort } from "./memory-port";

const immediate = () => Promise.resolve();

test("小平の調査票からは 評価一覧・評価集計・指標達成状況・検証結果 が作れる（未着手・中止一覧は作れない）", async () => {
  const report = validateWorkbook(await kodairaSeed(), { profiles: BUILT_IN_PROFILES });
  expect(summariesFor(report, BUILT_IN_PROFILES)).toEqual(["評価一覧", "評価集計", "指標達成状況", "検証結果"]);
});

test("選んだシートを決まった順に作り、準備と書き込みの進み具合を数で伝え、結果はポートのもの", async () => {
  const snap = await kodairaSeed();
  const port = new MemoryPort(snap);
  const report = validateWorkbook(snap, { profiles: BUILT_IN_PROFILES });
  const seen: SummaryProgress[] = [];
  const req = { report, profiles: BUILT_IN_PROFILES, lang: "ja" as const, includeReposts: false, generatedAt: new Date(2018, 4, 1, 9, 0) };
  const written = await createSummaries(port, req, ["検証結果", "評価集計", "評価一覧"], { onProgress: (p) => seen.push(p), yieldToUi: immediate });
  // The same specs as the core builds in one go.
  expect(port.writes).toEqual([buildSummaries(summaryInput(req), ["評価一覧", "評価集計", "検証結果"])]);
  expect(written).toEqual([
    { name: "評価一覧 (2)", requestedName: "評価一覧", replaced: false },
    { name: "評価集計", replaced: false, omitted: ["chart"] },
    { name: "検証結果", replaced: false },
  ]);
  expect(seen.map((p) => `${p.phase} ${p.done}/${p.total}`)).toEqual([
    "build 0/3",
    "build 1/3",
    "build 2/3",
    "build 3/3",
    "write 0/3",
    "write 1/3",
    "write 2/3",
    "write 3/3",
  ]);
});

test("再掲を含める指定は評価集計の件数に効く（41 件 → 43 件）", async () => {
  const snap = await kodairaSeed();
  const report = validateWorkbook(snap, { profiles: BUILT_IN_PROFILES });
  const grand = async (includeReposts: boolean) => {
    const port = new MemoryPort(snap);
    await createSummaries(port, { report, profiles: BUILT_IN_PROFILES, lang: "ja", includeReposts }, ["評価集計"], { yieldToUi: immediate });
    const grid = port.sheets.find((s) => s.name === "評価集計")!;
    const row = grid.rows.find((r) => r[0] === "計")!;
    return row.slice(1, 6);
  };
  expect(await grand(false)).toEqual([2, 29, 10, 0, 41]);
  expect(await grand(true)).toEqual([3, 30, 10, 0, 43]);
});

test("中止は書き込みの前まで効き、ブックには何も書かない", async () => {
  const snap = await kodairaSeed();
  const port = new MemoryPort(snap);
  const report = validateWorkbook(snap, { profiles: BUILT_IN_PROFILES });
  let turns = 0;
  const e = await createSummaries(port, { report, profiles: BUILT_IN_PROFILES, lang: "ja", includeReposts: false }, ["評価一覧", "評価集計", "検証結果"], {
    isCancelled: () => turns >= 2, // 中止 pressed while the second sheet is built
    yieldToUi: async () => {
      turns++;
    },
  }).catch((x: unknown) => x);
  expect(isWorkbookError(e) && e.code).toBe("cancelled");
  expect(port.writes).toEqual([]);
  expect(port.sheets.map((s) => s.name)).toEqual(snap.sheets.map((s) => s.name));
});

test("作成したシートは、もう一度検証しても調査票として読まず、指摘も変わらない；作り直すと置き換わる", async () => {
  const snap = await kodairaSeed();
  const port = new MemoryPort(snap);
  const opts = { profiles: BUILT_IN_PROFILES };
  const first = await validateInBatches(port, opts, { yieldToUi: immediate });
  expect(first.ownedSheets).toBeUndefined();
  const req = { report: first, profiles: BUILT_IN_PROFILES, lang: "ja" as const, includeReposts: false };
  await createSummaries(port, req, summariesFor(first, BUILT_IN_PROFILES), { yieldToUi: immediate });
  const again = await validateInBatches(port, opts, { yieldToUi: immediate });
  expect(again.ownedSheets).toEqual(["評価一覧 (2)", "評価集計", "指標達成状況", "検証結果"]);
  for (const name of again.ownedSheets!) expect(again.sheets.find((s) => s.name === name)).toEqual(expect.objectContaining({ status: "excluded", records: 0 }));
  expect(again.findings).toEqual(first.findings);
  expect(again.records).toEqual(first.records);

  const second = await createSummaries(port, { ...req, report: again }, summariesFor(again, BUILT_IN_PROFILES), { yieldToUi: immediate });
  expect(second.map((r) => [r.name, r.replaced])).toEqual([
    ["評価一覧 (2)", true],
    ["評価集計", true],
    ["指標達成状況", true],
    ["検証結果", true],
  ]);
  expect(port.sheets).toHaveLength(snap.sheets.length + 4);
});

test("書き込みが途中で止まったら、理由と、書き終えたシート・途中のシートを名前で挙げ、ほかは変わっていないと言う（日本語と英語）", () => {
  const e = new OwnedSheetsInterrupted({ written: ["評価一覧"], partial: ["評価集計"], unconfirmed: false }, new WorkbookError("cell-edit-mode"), "InvalidOperationInCellEditMode");
  expect(interruptedText("ja", e)).toBe(
    "集計シートの書き込みが途中で止まりました。セルの編集中のため実行できません。編集を確定してから、もう一度実行してください。書き終えたシート: 「評価一覧」。途中まで書いたシート: 「評価集計」（もう一度作成すると書き直します）。ほかのシートは変わっていません。",
  );
  expect(interruptedText("en", e)).toBe(
    'Writing the summary sheets stopped part way. Excel is editing a cell. Finish the edit, then try again. Finished: "評価一覧". Left unfinished: "評価集計" (create the sheets again to rewrite them). No other sheet changed.',
  );
  // No known cause: Excel's own code is named. Nothing changed: it says so.
  expect(interruptedText("ja", new OwnedSheetsInterrupted({ written: [], partial: [], unconfirmed: false }, undefined, "GeneralException"))).toBe(
    "集計シートの書き込みが途中で止まりました。Excel の応答: GeneralException。どのシートも変わっていません。",
  );
  expect(interruptedText("ja", new OwnedSheetsInterrupted({ written: [], partial: ["検証結果"], unconfirmed: true }, undefined, "GeneralException"))).toContain(
    "どこまで書いたかを Excel から読み取れませんでした。変わった可能性があるシート: 「検証結果」",
  );
});
