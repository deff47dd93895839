/**
 * @jest-environment node
 *
 * SUMMARY_KINDS is the one list of summary sheets: each kind has its own id and sheet name, the pane describes it
 * in both languages, and what availableSummaries offers and buildSummaries writes comes from it, in its order. Each
 * kind's tests are where a contributor looks for them: test/summary/<id>.test.ts.
 */
import { t } from "../../src/core/i18n";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { availableSummaries, buildSummaries, SUMMARY_KINDS, SUMMARY_SHEETS } from "../../src/core/summary";
import { validateWorkbook } from "../../src/core/validate";
import { existsSync } from "node:fs";
import path from "node:path";
import { kodairaSeed } from "../helpers/grid";

test("種類ごとに id とシート名は一つずつで、作業ウィンドウの説明が日本語と英語にある", () => {
  expect(new Set(SUMMARY_KINDS.map((k) => k.id)).size).toBe(SUMMARY_KINDS.length);
  expect(SUMMARY_SHEETS).toEqual(["評価一覧", "評価集計", "指標達成状況", "未着手・中止一覧", "検証結果"]);
  for (const k of SUMMARY_KINDS) {
    for (const lang of ["ja", "en"] as const) expect(t(lang, `pane.summaries.sheet.${k.id}`)).not.toBe(`pane.summaries.sheet.${k.id}`);
  }
});

test("作れるシートは各種類の isAvailable で決まり、書くのはその順", async () => {
  const rep = validateWorkbook(await kodairaSeed(), { profiles: BUILT_IN_PROFILES });
  const input = { records: rep.records, findings: rep.findings, fiscalYear: rep.fiscalYear, profiles: BUILT_IN_PROFILES, generatedAt: new Date(2026, 0, 1) };
  // The 小平 調査票 has codes and indicators but no 実施状況: every sheet but 未着手・中止一覧.
  expect(availableSummaries(input)).toEqual(["評価一覧", "評価集計", "指標達成状況", "検証結果"]);
  expect(buildSummaries(input, ["検証結果", "評価一覧"]).map((s) => s.name)).toEqual(["評価一覧", "検証結果"]);
});

test("種類ごとに test/summary/<id>.test.ts がある", () => {
  const missing = SUMMARY_KINDS.map((k) => `${k.id}.test.ts`).filter((f) => !existsSync(path.join(__dirname, f)));
  expect(missing).toEqual([]);
});
