/**
 * 前年度比較 in Excel (the Office adapter over the strict fake): this year's workbook is the 平成30年度 the compare tests
 * build from 小平's sample (test/compare/next-year.ts), last year's file the sample itself. Picking it copies its survey
 * sheets in as hidden 前年度_ sheets before the settings sheet, in 2 syncs, and stores the setting; a check then reports
 * the year-over-year findings at the cells the CLI's `validate --previous` names, in as many syncs as a check without
 * last year; a pair of different formats is refused in words; older Excel is told what it needs and nothing changes.
 */
import { YEAR_OVER_YEAR_RULES } from "../../src/core/compare/previous";
import { parsePreviousYear, PREVIOUS_YEAR_KEY } from "../../src/core/compare/settings";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import type { Finding } from "../../src/core/model/finding";
import { readPreviousFile } from "../../src/taskpane/run-previous";
import { validateInBatches } from "../../src/taskpane/run-validation";
import { INSERT_WORKSHEETS } from "../../src/workbook/office/requirements";
import { isWorkbookError } from "../../src/workbook/port";
import { kodairaNextYear, seed, validated, type Year } from "../compare/next-year";
import { FakeBook, type FakeExcelOptions, INSERTED_FROM } from "../fakes/excel-fake";
import { oracle } from "../helpers/exceljs-book";
import { rig, syncsOf, xlsxWith } from "./office-helpers";

jest.setTimeout(180_000);

const LAST_FILE = { name: "kodaira-h29.xlsx", bytes: seed("kodaira-h29.xlsx") };
const opts = { profiles: BUILT_IN_PROFILES };
const noYield = { yieldToUi: async () => undefined };

let last: Year;
let next: Year;
/** What the CLI's validate --previous finds against last year on this year's workbook. */
let expected: string[];

beforeAll(async () => {
  ({ last, next } = await kodairaNextYear());
  const withPrevious = await validated(next.bytes, { previous: last.report });
  expected = yoy(withPrevious.report.findings);
});

const yoy = (fs: readonly Finding[]) => fs.filter((f) => YEAR_OVER_YEAR_RULES.includes(f.ruleId)).map((f) => `${f.sheet}!${f.cell} ${f.ruleId} ${f.message.ja}`);

async function thisYear(options: FakeExcelOptions = {}) {
  return rig(await FakeBook.fromXlsx(next.bytes), options);
}

function storedSetting(book: FakeBook) {
  const s = book.sheet("_chosahyo");
  for (let r = 0; s?.get(r, 0); r++) if (s.get(r, 0)!.value === PREVIOUS_YEAR_KEY) return parsePreviousYear(String(s.get(r, 1)?.value ?? ""));
  return undefined;
}

test("前年度のファイルを選ぶと、調査票のシートが非表示の「前年度_」シートとして設定シートの前に入り、設定が残る（2 sync）", async () => {
  const { fake, book } = await thisYear();
  await book.readAll();
  const before = fake.book.sheets.map((s) => s.name);
  const read = await readPreviousFile(LAST_FILE, BUILT_IN_PROFILES);
  if (!read.ok) throw new Error("not read");
  expect(read.fiscalYear).toBe(2017);
  expect(read.sheets).toEqual(last.report.sheets.filter((s) => s.status === "recognised").map((s) => s.name));
  let setting;
  expect(await syncsOf(fake, async () => (setting = await book.keepPreviousYear(read.copy, { sheets: read.sheets, fiscalYear: read.fiscalYear })))).toBe(2);
  const names = fake.book.sheets.map((s) => s.name);
  const copies = read.sheets.map((s) => `前年度_${s}`);
  // This year's sheets untouched and in order, then last year's, then the settings sheet, still last.
  expect(names).toEqual([...before.filter((n) => n !== "_chosahyo"), ...copies, "_chosahyo"]);
  expect(copies.map((n) => fake.book.sheet(n)!.visibility)).toEqual(copies.map(() => "Hidden"));
  expect(storedSetting(fake.book)).toEqual(setting);
  expect(setting).toMatchObject({ source: "file", file: "kodaira-h29.xlsx", fiscalYear: 2017, sheets: read.sheets.map((original) => ({ copy: `前年度_${original}`, original })) });
  // Last year's cells came in as they were.
  expect(fake.book.sheet("前年度_No.5")!.get(7, 5)?.value).toBe("A");
  expect(fake.book.sheet("No.5")!.get(7, 5)?.value).toBe("B");
});

test("今年度のブックが 1904 年から日付を数えるとき、前年度（1900 年）の日付は今年度の数え方で入り、同じ日付に読める", async () => {
  // Excel inserts a file's sheets with their serial numbers as they are: the copy handed over counts as this book does.
  const day = new Date(Date.UTC(2018, 2, 31));
  const wb = await oracle(LAST_FILE.bytes);
  wb.getWorksheet("No.5")!.getCell("Z1").value = day;
  wb.getWorksheet("No.5")!.getCell("Z1").numFmt = "yyyy/m/d";
  const lastYear = { name: "h29.xlsx", bytes: new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer) };
  const { fake, book } = await thisYear();
  fake.book.date1904 = true;
  expect(await book.datesFrom1904()).toBe(true);
  const read = await readPreviousFile(lastYear, BUILT_IN_PROFILES, { date1904: await book.datesFrom1904() });
  if (!read.ok) throw new Error("not read");
  await book.keepPreviousYear(read.copy, { sheets: read.sheets, fiscalYear: read.fiscalYear });
  expect(fake.book.sheet("前年度_No.5")!.get(0, 25)?.value).toBe(fake.book.serial(2018, 3, 31));
  const copy = (await book.readAll()).sheets.find((g) => g.name === "前年度_No.5")!;
  expect(copy.rows[0 - copy.top][25 - copy.left]).toEqual(day);
});

test("そのあとの検証は、前年度と比べた指摘を CLI の validate --previous と同じセルに出し、sync は前年度なしの検証と同じ", async () => {
  const plain = await thisYear();
  const withoutSyncs = await syncsOf(plain.fake, () => validateInBatches(plain.book, opts, noYield));

  const { fake, book } = await thisYear();
  const read = await readPreviousFile(LAST_FILE, BUILT_IN_PROFILES);
  if (!read.ok) throw new Error("not read");
  await book.keepPreviousYear(read.copy, { sheets: read.sheets, fiscalYear: read.fiscalYear });
  let report!: Awaited<ReturnType<typeof validateInBatches>>;
  const withSyncs = await syncsOf(fake, async () => (report = await validateInBatches(book, opts, noYield)));
  expect(withSyncs).toBe(withoutSyncs);
  expect(withSyncs).toBe(3);

  expect(expected.length).toBe(10);
  expect(yoy(report.findings)).toEqual(expected);
  expect(yoy(report.findings)).toEqual(
    expect.arrayContaining([expect.stringMatching(/^No\.5!F8 RATING-DROPPED /), expect.stringMatching(/^No\.42!.* IND-REGRESSED /), expect.stringMatching(/^評価一覧!A1 ITEM-DROPPED /)]),
  );
  // Last year's sheets are not this year's: no finding on them, none listed as this year's sheets.
  expect(report.sheets.some((s) => s.name.startsWith("前年度_"))).toBe(false);
  expect(report.findings.some((f) => f.sheet.startsWith("前年度_"))).toBe(false);
  // This year's own findings are those of a check without last year, plus the year-over-year ones.
  const alone = await validated(next.bytes);
  expect(report.findings.length).toBe(alone.report.findings.length + expected.length);
  expect(report.previousYear).toMatchObject({ fiscalYear: 2017, sheets: read.sheets.length, missing: [] });
  expect(report.previousYear?.refusal).toBeUndefined();
  expect(report.previousYear?.comparison?.totals.items).toEqual({ continued: 57, added: 0, removed: 1, ended: 0, restarted: 0, split: 0, merged: 0 });
});

test("選び直すと前の写しは消えて新しい写しが同じ名前で入り、解除すると写しも設定もなくなり、検証に前年度の指摘は出ない", async () => {
  const { fake, book } = await thisYear();
  const read = await readPreviousFile(LAST_FILE, BUILT_IN_PROFILES);
  if (!read.ok) throw new Error("not read");
  await book.keepPreviousYear(read.copy, { sheets: read.sheets });
  const once = fake.book.sheets.map((s) => s.name);
  await book.keepPreviousYear(read.copy, { sheets: read.sheets });
  expect(fake.book.sheets.map((s) => s.name)).toEqual(once);
  expect(await syncsOf(fake, () => book.clearPreviousYear())).toBe(1);
  expect(fake.book.sheets.some((s) => s.name.startsWith("前年度_"))).toBe(false);
  expect(storedSetting(fake.book)).toBeUndefined();
  const report = await validateInBatches(book, opts, noYield);
  expect(yoy(report.findings)).toEqual([]);
  expect(report.previousYear).toBeUndefined();
});

test("利用者が「前年度_」の写しを「再表示」にも出ないようにしていても（VeryHidden）、選び直しと解除で消せる", async () => {
  const { fake, book } = await thisYear();
  const read = await readPreviousFile(LAST_FILE, BUILT_IN_PROFILES);
  if (!read.ok) throw new Error("not read");
  await book.keepPreviousYear(read.copy, { sheets: read.sheets });
  const copies = () => fake.book.sheets.filter((s) => s.name.startsWith("前年度_"));
  const count = copies().length;
  // Excel refuses to delete a very hidden sheet; a macro or the VBA editor can set it.
  for (const s of copies()) s.visibility = "VeryHidden";
  await book.readAll();
  await book.keepPreviousYear(read.copy, { sheets: read.sheets });
  expect(copies().map((s) => s.visibility)).toEqual(Array(count).fill("Hidden"));
  copies()[0].visibility = "VeryHidden";
  await book.readAll();
  await book.clearPreviousYear();
  expect(copies()).toEqual([]);
});

test("前年度の式のうち他のシートを指すものは値で入り、Excel が選んだファイルへのリンクに変えることはない", async () => {
  // Excel inserts a sheet's formula into a sheet it does not insert as a link to the file (the fake does as well):
  // the pane hands it the sheets standing alone, as the file layer's copies are.
  const wb = await oracle(LAST_FILE.bytes);
  wb.addWorksheet("メモ").getCell("B2").value = 7;
  wb.getWorksheet("No.5")!.getCell("Z1").value = { formula: "メモ!B2*2", result: 14 };
  wb.getWorksheet("No.5")!.getCell("Z2").value = { formula: "'No.6'!F8", result: "A" };
  const file = { name: "kodaira-h29-memo.xlsx", bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };
  const { fake, book } = await thisYear();
  const read = await readPreviousFile(file, BUILT_IN_PROFILES);
  if (!read.ok) throw new Error("not read");
  expect(read.sheets).not.toContain("メモ");
  await book.keepPreviousYear(read.copy, { sheets: read.sheets, fiscalYear: read.fiscalYear });
  const copy = fake.book.sheet("前年度_No.5")!;
  expect([copy.get(0, 25)?.value, copy.get(0, 25)?.formula]).toEqual([14, undefined]);
  expect([copy.get(1, 25)?.value, copy.get(1, 25)?.formula]).toEqual(["A", undefined]);
  expect(storedSetting(fake.book)).toMatchObject({ file: "kodaira-h29-memo.xlsx" });
  const formulas = fake.book.sheets.filter((s) => s.name.startsWith("前年度_")).flatMap((s) => [...s.cells.values()].flatMap((c) => c.formula ?? []));
  expect(formulas.filter((f) => f.includes(INSERTED_FROM))).toEqual([]);
  // Handed the file itself, Excel would have linked both.
  const plain = await thisYear();
  await plain.book.keepPreviousYear(file, { sheets: read.sheets });
  expect(plain.fake.book.sheet("前年度_No.5")!.get(0, 25)?.formula).toBe(`='[${INSERTED_FROM}]メモ'!B2*2`);
});

test("31 文字を超える名前は切り詰め、利用者の同じ名前のシートとはぶつけない", async () => {
  const long = "とても長い名前の調査票シートとても長い名前の調査票";
  const file = { name: "last.xlsx", bytes: await xlsxWith((wb) => [long, "No.1"].forEach((n) => (wb.addWorksheet(n).getCell("A1").value = n))) };
  const here = await xlsxWith((wb) => ["No.1", "前年度_No.1"].forEach((n) => (wb.addWorksheet(n).getCell("A1").value = `this ${n}`)));
  const { fake, book } = rig(await FakeBook.fromXlsx(here));
  const setting = await book.keepPreviousYear(file, { sheets: [long, "No.1"] });
  const longCopy = `前年度_${long}`.slice(0, 31);
  expect(setting.sheets).toEqual([
    { copy: longCopy, original: long },
    { copy: "前年度_No.1 (2)", original: "No.1" },
  ]);
  expect(fake.book.sheet("前年度_No.1")!.get(0, 0)?.value).toBe("this 前年度_No.1");
  expect(fake.book.sheet("前年度_No.1 (2)")!.get(0, 0)?.value).toBe("No.1");
  expect(fake.book.sheet(longCopy)!.visibility).toBe("Hidden");
  // The user's own 前年度_No.1 is not last year's: clearing leaves it.
  await book.clearPreviousYear();
  expect(fake.book.sheets.map((s) => s.name)).toEqual(["No.1", "前年度_No.1", "_chosahyo"]);
});

test("形式の違うブック（武蔵野）を前年度にすると、検証はその理由を言葉で示し、前年度の指摘は出さない", async () => {
  const { book } = await thisYear();
  const musashino = { name: "musashino.xlsx", bytes: seed("musashino-h29.xlsx") };
  const read = await readPreviousFile(musashino, BUILT_IN_PROFILES);
  if (!read.ok) throw new Error("not read");
  await book.keepPreviousYear(musashino, { sheets: read.sheets });
  const report = await validateInBatches(book, opts, noYield);
  expect(report.previousYear?.refusal?.kind).toBe("different-profiles");
  expect(report.previousYear?.comparison).toBeUndefined();
  expect(yoy(report.findings)).toEqual([]);
});

test("ExcelApi 1.12 の Excel では、ペインが分かる言葉で断れる理由を返し、何も読まず書かない", async () => {
  const { fake, book } = await thisYear({ apiVersion: "1.12" });
  const err = await book.keepPreviousYear(LAST_FILE, { sheets: ["No.1"] }).catch((e: unknown) => e);
  expect(isWorkbookError(err) && err.code === "unsupported-operation" && err.detail === INSERT_WORKSHEETS.detail).toBe(true);
  expect(fake.syncCount).toBe(0);
  expect(fake.operations).toEqual([]);
});
