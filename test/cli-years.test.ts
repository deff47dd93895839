/**
 * @jest-environment node
 *
 * The 対象年度 and the plan period come from the workbook unless the user says otherwise: `--fiscal-year` and
 * `--plan-period` win over the settings stored in the workbook, which win over what the sheets state. The report says
 * which applied and where it came from.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { serializeSettings } from "../src/core/settings";
import { XlsxWorkbook } from "../src/workbook/xlsx/xlsx-workbook";
import { cli } from "./helpers/cli";
import { ROOT } from "./helpers/grid";

const MUSASHINO = path.join(ROOT, "seeds", "musashino-h29.xlsx");
let dir: string;
let stored: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "chosahyo-years-"));
  const book = await XlsxWorkbook.load(readFileSync(MUSASHINO));
  await book.writeSettings(serializeSettings({ stage: "提出前", fiscalYear: 2018, planPeriod: { from: 2017, to: 2019 }, overrides: {} }));
  stored = path.join(dir, "期間を設定.xlsx");
  writeFileSync(stored, await book.toBytes());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const yearHeaderCount = (stdout: string) => (stdout.match(/YEAR-HEADER/g) ?? []).length;

test("何も指定しなければ、対象年度は表題から、計画期間は年度の見出しから読み、見本に YEAR-HEADER は出ない", async () => {
  const run = await cli(["validate", MUSASHINO, "--no-progress"]);
  expect(run.stdout).toContain("対象年度: 平成29年度（シートの表題から読み取り）");
  expect(run.stdout).toContain("計画期間: 平成29年度〜令和2年度（年度の見出しから読み取り）");
  expect(yearHeaderCount(run.stdout)).toBe(0);
});

test("--plan-period と --fiscal-year はシートより優先し、期間の外の見出しが指摘される", async () => {
  const run = await cli(["validate", MUSASHINO, "--no-progress", "--plan-period", "令和5〜8", "--fiscal-year", "R5"]);
  expect(run.stdout).toContain("対象年度: 令和5年度（指定された値）");
  expect(run.stdout).toContain("計画期間: 令和5年度〜令和8年度（指定された値）");
  // The sheet writes 平成 past 2019, so each year is named in its own era and then as the sheet writes it.
  expect(run.stdout).toContain("「平成 29 年度」が計画期間（令和5年度（平成35年度）〜令和8年度（平成38年度））に含まれていません");
  expect(yearHeaderCount(run.stdout)).toBeGreaterThan(0);
  const en = await cli(["validate", MUSASHINO, "--no-progress", "--lang", "en", "--plan-period", "2023-2026"]);
  expect(en.stdout).toContain("Plan period: FY2023–FY2026 (as set)");
});

test("ブックの設定に保存された計画期間と対象年度が使われ、コマンドの指定はそれより優先する", async () => {
  const run = await cli(["validate", stored, "--no-progress"]);
  expect(run.stdout).toContain("対象年度: 平成30年度（指定された値）");
  expect(run.stdout).toContain("計画期間: 平成29年度〜令和元年度（指定された値）");
  // 平成32年度 lies outside 2017–2019: one finding per 年次計画 header row.
  expect(run.stdout).toContain("「平成 32 年度」が計画期間（平成29年度〜令和元年度（平成31年度））に含まれていません");
  const over = await cli(["validate", stored, "--no-progress", "--plan-period", "2017-2020"]);
  expect(over.stdout).toContain("計画期間: 平成29年度〜令和2年度（指定された値）");
  expect(yearHeaderCount(over.stdout)).toBe(0);
});

test.each([
  [["--fiscal-year", "来年"], "--fiscal-year には年度を"],
  [["--plan-period", "令和8〜5"], "--plan-period には計画期間を"],
  [["--plan-period", "2023-2026", "--fiscal-year", "2030"], "--fiscal-year（2030年度）が --plan-period（2023〜2026年度）の外にあります"],
])("読めない指定 %j は終了コード 2 と日本語の説明", async (flags, message) => {
  const run = await cli(["validate", MUSASHINO, ...flags]);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(message);
});
