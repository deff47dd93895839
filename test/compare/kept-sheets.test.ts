/**
 * @jest-environment node
 *
 * Last year's sheets kept in this year's workbook by the pane (hidden 前年度_ sheets, the previousYear setting) are
 * last year's: every check of the workbook leaves them out, so 配布 does not send them and the findings are this
 * year's only (docs/compare.md).
 */
import { validateWorkbook } from "../../src/core/validate";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { checkBook } from "../../src/workbook/xlsx/collect";
import { keepPreviousYearInBook } from "../../src/workbook/xlsx/previous-year";
import { splitBook } from "../../src/workbook/xlsx/split";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { kodairaNextYear } from "./next-year";

let kept: Uint8Array;
let plain: Uint8Array;
let copies: string[];
beforeAll(async () => {
  const { last, next } = await kodairaNextYear();
  plain = next.bytes;
  const book = await XlsxWorkbook.load(next.bytes, "h30.xlsx");
  const lastBook = await XlsxWorkbook.load(last.bytes, "h29.xlsx");
  const setting = await keepPreviousYearInBook(book, { name: "kodaira-h29.xlsx", bytes: last.bytes }, { sheets: lastBook.sheetNames(), fiscalYear: 2017 });
  copies = setting.sheets.map((s) => s.copy);
  kept = await book.toBytes();
});

test("the check lists the 前年度_ sheets as left out, reads no record from them, and finds what it finds without them", async () => {
  const withKept = validateWorkbook(await (await XlsxWorkbook.load(kept, "kept.xlsx")).readAll(), { profiles: BUILT_IN_PROFILES });
  const without = validateWorkbook(await (await XlsxWorkbook.load(plain, "plain.xlsx")).readAll(), { profiles: BUILT_IN_PROFILES });
  expect(copies.length).toBeGreaterThan(50);
  expect(withKept.sheets.filter((s) => copies.includes(s.name)).map((s) => s.status)).toEqual(copies.map(() => "excluded"));
  expect(withKept.records.filter((r) => copies.includes(r.sheet))).toEqual([]);
  const key = (f: { ruleId: string; sheet: string; cell: string }) => `${f.ruleId} ${f.sheet}!${f.cell}`;
  expect(withKept.findings.map(key).sort()).toEqual(without.findings.map(key).sort());
});

test("配布 sends no 前年度_ sheet to any department", async () => {
  const book = await XlsxWorkbook.load(kept, "kept.xlsx");
  const split = await splitBook(book, (await checkBook(book, BUILT_IN_PROFILES)).report, { profiles: BUILT_IN_PROFILES, at: new Date("2026-11-01T00:00:00Z") });
  if (!split.ok) throw new Error("split refused");
  expect(split.books.flatMap((b) => b.sheets).filter((s) => s.startsWith("前年度_"))).toEqual([]);
  expect(split.books.length).toBeGreaterThan(10);
});

test("年度更新 of a workbook that keeps last year: this year's sheets as they were become the 前年度_ sheets, the older ones go, and next year's check compares with the year just ended", async () => {
  const { rollWorkbook } = await import("../../src/workbook/xlsx/roll");
  const { parsePreviousYear, PREVIOUS_YEAR_KEY } = await import("../../src/core/compare/settings");
  const { compareYears } = await import("../../src/core/compare/compare");
  const { splitPreviousYear } = await import("../../src/core/compare/settings");
  const rolled = await rollWorkbook(kept, "h30.xlsx", { profiles: BUILT_IN_PROFILES, aids: false, at: new Date("2027-03-01T00:00:00Z") });
  if (!rolled.ok) throw new Error(rolled.refusal.kind);
  const recognised = validateWorkbook(await (await XlsxWorkbook.load(plain, "h30.xlsx")).readAll(), { profiles: BUILT_IN_PROFILES }).sheets.filter((s) => s.status === "recognised").length;
  expect(recognised).toBeGreaterThan(50);
  expect(rolled.previousYear).toEqual({ fromYear: 2018, sheets: recognised });

  const book = await XlsxWorkbook.load(rolled.bytes, "h31.xlsx");
  const setting = parsePreviousYear((await book.readSettings())[PREVIOUS_YEAR_KEY])!;
  expect(setting).toMatchObject({ v: 1, source: "file", fiscalYear: 2018 });
  expect(setting.sheets).toHaveLength(recognised);
  // The kept sheets are exactly the new copies; the 平成29 ones are gone.
  const prev = book.sheetNames().filter((n) => n.startsWith("前年度_"));
  expect(prev.sort()).toEqual(setting.sheets.map((s) => s.copy).sort());

  // Last year (as kept) is the 平成30 workbook as it was: its cells equal the un-rolled sheets'.
  const snapshot = await book.readAll();
  const split = splitPreviousYear(snapshot, setting);
  const before = await (await XlsxWorkbook.load(plain, "h30.xlsx")).readAll();
  const no7 = (s: typeof snapshot) => s.sheets.find((g) => g.name === "No.7")!.rows;
  expect(no7(split.previous)).toEqual(no7(before));
  const last = validateWorkbook(split.previous, { profiles: BUILT_IN_PROFILES });
  const now = validateWorkbook(split.current, { profiles: BUILT_IN_PROFILES });
  const compared = compareYears(last, now, BUILT_IN_PROFILES);
  if (!compared.ok) throw new Error(compared.refusal.kind);
  expect([compared.comparison.lastYear, compared.comparison.thisYear]).toEqual([2018, 2019]);
});

test("a kept sheet is last year's as it stood: a formula into another of last year's sheets keeps its value, one into itself points at the copy", async () => {
  const { exceljsBytes } = await import("../helpers/exceljs-book");
  const { Package } = await import("../../src/workbook/xlsx/package");
  const { sheetParts } = await import("../helpers/package-diff");
  const book = async (b2: number) =>
    exceljsBytes((wb) => {
      const one = wb.addWorksheet("No.1");
      wb.addWorksheet("No.2").getCell("B2").value = b2;
      one.getCell("A1").value = 5;
      one.getCell("A2").value = { formula: "'No.2'!B2+1", result: b2 + 1 };
      one.getCell("A3").value = { formula: "'No.1'!A1*2", result: 10 };
    });
  // This year's No.2 holds 100, last year's 7: the copy of last year's No.1 must keep 8, not follow this year's No.2.
  const thisYear = await XlsxWorkbook.load(await book(100), "h30.xlsx");
  const setting = await keepPreviousYearInBook(thisYear, { name: "h29.xlsx", bytes: await book(7) }, { sheets: ["No.1", "No.2"], fiscalYear: 2017 });
  const out = await thisYear.toBytes();
  const copy = setting.sheets.find((s) => s.original === "No.1")!.copy;
  const xml = Package.open(out).text(sheetParts(out).get(copy)!)!;
  const a2 = /<c r="A2"[^>]*>(.*?)<\/c>/.exec(xml)![1];
  expect(a2).not.toContain("<f>");
  expect(a2).toContain("<v>8</v>");
  expect(/<c r="A3"[^>]*>(.*?)<\/c>/.exec(xml)![1]).toContain(`<f>'${copy}'!A1*2</f>`);
});

test("年度更新's 前年度_ copies are the year's sheets as they stood: a formula into another sheet keeps its value", async () => {
  const { rollWorkbook } = await import("../../src/workbook/xlsx/roll");
  const { Package } = await import("../../src/workbook/xlsx/package");
  const { sheetParts } = await import("../helpers/package-diff");
  const { parsePreviousYear, PREVIOUS_YEAR_KEY } = await import("../../src/core/compare/settings");
  // No.1 of the year that ends pulls a cell of No.2, which 年度更新 clears for the new year.
  const pkg = Package.open(kept);
  const part = sheetParts(kept).get("No.1")!;
  const xml = pkg.text(part)!;
  const rowEnd = xml.indexOf("</row>");
  pkg.set(part, xml.slice(0, rowEnd) + `<c r="Z1" t="str"><f>'No.2'!A5</f><v>No.2 as it was</v></c>` + xml.slice(rowEnd));
  const rolled = await rollWorkbook(pkg.toBytes(), "h30.xlsx", { profiles: BUILT_IN_PROFILES, aids: false, at: new Date("2027-03-01T00:00:00Z") });
  if (!rolled.ok) throw new Error(rolled.refusal.kind);
  const book = await XlsxWorkbook.load(rolled.bytes, "h31.xlsx");
  const copy = parsePreviousYear((await book.readSettings())[PREVIOUS_YEAR_KEY])!.sheets.find((s) => s.original === "No.1")!.copy;
  const parts = sheetParts(rolled.bytes);
  const out = Package.open(rolled.bytes);
  const z1 = (sheet: string) => /<c r="Z1"[^>]*>(.*?)<\/c>/.exec(out.text(parts.get(sheet)!)!)![1];
  expect(z1(copy)).not.toContain("<f>");
  expect(z1(copy)).toContain("No.2 as it was");
  expect(z1("No.1")).toContain("<f>'No.2'!A5</f>"); // next year's sheet keeps its formula
});
