/**
 * @jest-environment node
 *
 * The pane's 年度 tab in Excel, on the strict fake: 年度更新 takes the workbook's bytes through Office's file API and
 * opens next year's as a new workbook (Excel.createWorkbook) without a single sync and without writing to the open
 * workbook, whatever its number of sheets; 入力支援 on the open workbook takes a constant number of syncs (one read,
 * then the writes), 3 sheets or all 59; on ExcelApi 1.7 both are refused in words before anything happens.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { DEFAULT_SETTINGS } from "../../src/core/settings";
import { validateWorkbook } from "../../src/core/validate";
import { errorMessage } from "../../src/taskpane/format";
import { rollOver, setInputAids } from "../../src/taskpane/run-cycle";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { FakeBook } from "../fakes/excel-fake";
import { ROOT } from "../helpers/grid";
import { readSheetAids } from "../helpers/input-aids-read";
import { rig, syncsOf } from "./office-helpers";

jest.setTimeout(120_000);

const SAMPLE = readFileSync(path.join(ROOT, "seeds", "kodaira-h29.xlsx"));
const base = { profiles: BUILT_IN_PROFILES, settings: DEFAULT_SETTINGS, lang: "ja" as const };

async function sampleRig(options: { apiVersion?: string } = {}) {
  const r = rig(await FakeBook.fromXlsx(SAMPLE), options);
  r.fake.file = new Uint8Array(SAMPLE);
  return r;
}

test("年度更新: 同期 0 回で、開いているブックには書かず、平成30年度のブックを Excel.createWorkbook で開く", async () => {
  const { fake, book } = await sampleRig();
  const before = JSON.stringify(fake.book.sheets.map((s) => [s.name, s.valueAt("F12"), s.valueAt("A1")]));
  let out: Awaited<ReturnType<typeof rollOver>> | undefined;
  const syncs = await syncsOf(fake, async () => {
    out = await rollOver(book, { ...base, dropEnded: false, aids: true, protect: false });
  });
  expect(syncs).toBe(0);
  expect(out?.ok).toBe(true);
  expect(fake.createdWorkbooks.length).toBe(1);
  const rolled = await XlsxWorkbook.load(fake.createdWorkbooks[0]);
  expect(validateWorkbook(await rolled.readAll(), { profiles: BUILT_IN_PROFILES }).fiscalYear).toBe(2018);
  expect(readSheetAids(fake.createdWorkbooks[0], "No.1").validations.filter((v) => v.type === "list").map((v) => v.sqref)).toEqual(["F12", "G12"]);
  expect(JSON.stringify(fake.book.sheets.map((s) => [s.name, s.valueAt("F12"), s.valueAt("A1")]))).toBe(before);
  expect(fake.openFiles).toBe(0);
});

test("入力支援: 3 シートでも 59 シートでも同期の回数は同じ", async () => {
  const small = rig(await FakeBook.fromXlsx(await keepSheets(["評価一覧", "No.1", "No.2"])));
  const large = await sampleRig();
  const count = async (r: typeof small) => syncsOf(r.fake, () => setInputAids(r.book, { ...base, protect: true }));
  const [a, b] = [await count(small), await count(large)];
  expect(a).toBe(b);
  // The workbook read again (readAll's batches) and the aids' own loads and writes: a handful, never one per sheet.
  const readOnly = await syncsOf(large.fake, () => large.book.readAll());
  expect(b - readOnly).toBeLessThanOrEqual(3);
  const no1 = large.fake.book.sheets.find((s) => s.name === "No.1")!;
  expect(no1.protectionOptions).toBeDefined();
  expect(no1.locked(11, 5)).toBe(false); // F12, the 1次評価, stays editable
  expect(no1.locked(0, 0)).toBe(true);
});

test("ExcelApi 1.7 では、年度更新も入力支援も、何もせずに理由を言う", async () => {
  const { fake, book } = await sampleRig({ apiVersion: "1.7" });
  const roll = rollOver(book, { ...base, dropEnded: false, aids: true, protect: false });
  await expect(roll).rejects.toBeDefined();
  expect(errorMessage("ja", await roll.catch((e: unknown) => e))).toContain("Excel 2019");
  expect(fake.createdWorkbooks).toEqual([]);
  const aids = setInputAids(book, { ...base, protect: false });
  expect(errorMessage("ja", await aids.catch((e: unknown) => e))).toContain("Excel 2019");
});

/** The sample with only some of its sheets (a small workbook of the same kind). */
async function keepSheets(names: readonly string[]): Promise<Uint8Array> {
  const book = await XlsxWorkbook.load(SAMPLE);
  const all = (await book.readAll()).sheets.map((s) => s.name);
  book.removeSheets(all.filter((n) => !names.includes(n)));
  return book.toBytes();
}
