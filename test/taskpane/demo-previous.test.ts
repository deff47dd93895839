/**
 * 前年度比較 in the browser demo's workbook host (book-host.ts, what its Web Worker runs), every message through
 * structuredClone as a worker's would be: this year's workbook (the 平成30年度 of test/compare/next-year.ts) keeps
 * 小平's sample as last year's hidden 前年度_ sheets, the setting names them, the saved file reopens with them, and a
 * check of that workbook as the pane runs it gives the CLI's year-over-year findings. Also the setting's parser.
 */
import { YEAR_OVER_YEAR_RULES } from "../../src/core/compare/previous";
import { parsePreviousYear, PREVIOUS_YEAR_KEY, type PreviousYearSetting, splitPreviousYear } from "../../src/core/compare/settings";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import type { Finding } from "../../src/core/model/finding";
import { structuredHost } from "../helpers/demo-host";
import { readPreviousFile } from "../../src/taskpane/run-previous";
import { validateInBatches } from "../../src/taskpane/run-validation";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { kodairaNextYear, seed, validated, type Year } from "../compare/next-year";

// The demo's built-in sample is a webpack asset; these tests open bytes instead.
jest.mock("../../seeds/kodaira-h29.xlsx", () => "", { virtual: true });
jest.setTimeout(120_000);

const host = structuredHost;

const yoy = (fs: readonly Finding[]) => fs.filter((f) => YEAR_OVER_YEAR_RULES.includes(f.ruleId)).map((f) => `${f.sheet}!${f.cell} ${f.ruleId} ${f.message.ja}`);

let last: Year;
let next: Year;
beforeAll(async () => {
  ({ last, next } = await kodairaNextYear());
});

test("デモのブックに前年度を写すと非表示の「前年度_」シートと設定が残り、保存して開き直した検証で CLI と同じ前年度の指摘が出る", async () => {
  const call = host();
  await call("open", { bytes: next.bytes, name: "h30.xlsx" });
  const file = { name: "kodaira-h29.xlsx", bytes: seed("kodaira-h29.xlsx") };
  const read = await readPreviousFile(file, BUILT_IN_PROFILES);
  if (!read.ok) throw new Error("not read");
  const setting = (await call("keepPreviousYear", read.copy, { sheets: read.sheets, fiscalYear: read.fiscalYear })) as PreviousYearSetting;
  expect(setting.sheets.map((s) => s.copy)).toEqual(read.sheets.map((s) => `前年度_${s}`));

  const saved = await XlsxWorkbook.load((await call("toBytes")) as Uint8Array, "h30.xlsx");
  const snapshot = await saved.readAll();
  expect(snapshot.sheets.filter((g) => g.name.startsWith("前年度_")).map((g) => g.visibility)).toEqual(read.sheets.map(() => "hidden"));
  expect(parsePreviousYear(snapshot.settings?.[PREVIOUS_YEAR_KEY])).toEqual(setting);

  const report = await validateInBatches(saved, { profiles: BUILT_IN_PROFILES }, { yieldToUi: async () => undefined });
  const cli = await validated(next.bytes, { previous: last.report });
  expect(yoy(report.findings)).toEqual(yoy(cli.report.findings));
  expect(yoy(report.findings)).toHaveLength(10);

  await call("clearPreviousYear");
  const cleared = await XlsxWorkbook.load((await call("toBytes")) as Uint8Array, "h30.xlsx");
  expect(cleared.sheetNames().some((n) => n.startsWith("前年度_"))).toBe(false);
  expect(parsePreviousYear((await cleared.readSettings())[PREVIOUS_YEAR_KEY])).toBeUndefined();
});

test("設定の値: 壊れた値・版の違う値・空の一覧は「設定なし」、正しい値はそのまま読める", () => {
  const good: PreviousYearSetting = { v: 1, source: "file", file: "h29.xlsx", fiscalYear: 2017, sheets: [{ copy: "前年度_No.1", original: "No.1" }], at: "2026-12-06T00:00:00.000Z" };
  expect(parsePreviousYear(JSON.stringify(good))).toEqual(good);
  for (const bad of ["", "{", "[]", "null", JSON.stringify({ ...good, v: 2 }), JSON.stringify({ ...good, source: "cloud" }), JSON.stringify({ ...good, sheets: [] }), JSON.stringify({ ...good, sheets: [{ copy: 1, original: "No.1" }] })]) {
    expect(parsePreviousYear(bad)).toBeUndefined();
  }
  // An out-of-range year is dropped, the rest kept.
  expect(parsePreviousYear(JSON.stringify({ ...good, fiscalYear: 12017 }))?.fiscalYear).toBeUndefined();
});

test("一度の読み取りを今年度と前年度に分け、前年度のシートは元の名前で、ないシートは名を挙げる", () => {
  const grid = (name: string) => ({ name, visibility: "visible" as const, top: 0, left: 0, rows: [["x"]], merges: [] });
  const split = splitPreviousYear(
    { sheets: [grid("No.1"), grid("前年度_No.1")], skippedSheets: [], settings: { a: "b" } },
    { v: 1, source: "sheets", sheets: [{ copy: "前年度_No.1", original: "No.1" }, { copy: "前年度_No.2", original: "No.2" }] },
  );
  expect(split.current.sheets.map((g) => g.name)).toEqual(["No.1"]);
  expect(split.current.settings).toEqual({ a: "b" });
  expect(split.previous.sheets.map((g) => g.name)).toEqual(["No.1"]);
  expect(split.missing).toEqual(["前年度_No.2"]);
});
