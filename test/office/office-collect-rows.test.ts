/**
 * 回収 by rows in Excel (OfficeWorkbook.collectInto over the strict fake): the 武蔵野 取組状況 split by rows, a
 * department's input cells filled in, and its file taken back: the master's cells are written where the rows map to,
 * nothing else changes, one 変更履歴 row, and the sync count does not grow with the cells written.
 */
import { readMarker } from "../../src/core/cycle/collect";
import { SUBMISSIONS_KEY } from "../../src/core/cycle/types";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { readReturnedXlsx } from "../../src/workbook/xlsx/collect";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { parseA1 } from "../../src/core/model/address";
import { cellMap, differingCells, protectedCopy } from "../cycle/collect-fixtures";
import { cellRe, inputCellsOf, musashinoMaster, SHEET, sheetPartNamed, splitMaster, styleOf, withPart } from "../cycle/musashino-fixtures";
import { FakeBook } from "../fakes/excel-fake";
import { rig } from "./office-helpers";

jest.setTimeout(120_000);

const AT = new Date("2026-12-01T09:00:00Z");
let master: Uint8Array;
let files: Map<string, Uint8Array>;

beforeAll(async () => {
  ({ bytes: master } = await musashinoMaster());
  files = new Map((await splitMaster(master)).books.map((b) => [b.department, b.bytes]));
});

/** A department's file with `count` of its input cells written; the master's A1 of each. */
async function filled(department: string, count: number) {
  const bytes = files.get(department)!;
  const cells = (await inputCellsOf(bytes)).slice(0, count);
  const book = await XlsxWorkbook.load(bytes, `${department}.xlsx`);
  book.setCells(cells.map((c, i) => ({ sheet: SHEET, cell: c.copy, value: `${department} の記入 ${i + 1}` })));
  return { file: { name: `${department}.xlsx`, bytes: await book.toBytes() }, written: cells.map((c) => `${SHEET}!${c.master}`).sort() };
}

async function run(returned: Awaited<ReturnType<typeof filled>>[]) {
  const r = rig(await FakeBook.fromXlsx(master), { readReturned: readReturnedXlsx });
  const before = await r.fake.book.toXlsx();
  const sheetId = r.fake.book.sheet(SHEET)!.id;
  const out = await r.book.collectInto!(
    returned.map((x) => x.file),
    { profiles: BUILT_IN_PROFILES, dryRun: false, lang: "ja", at: AT },
  );
  return { ...r, before, sheetId, out };
}

test("行で戻ったシートは、その課の入力セルだけを書き、シートは置き換えない", async () => {
  const d = [...files.keys()][0];
  const one = await filled(d, 2);
  const { fake, before, sheetId, out } = await run([one]);
  const s = out.plan.files[0].sheets.find((x) => x.sheet === SHEET)!;
  expect(s.replace).toBe(false);
  expect(s.writes?.length).toBe(2);
  expect(out.written).toMatchObject({ sheetsReplaced: 0, cellsChanged: 2, files: [`${d}.xlsx`] });
  expect(fake.book.sheet(SHEET)!.id).toBe(sheetId);
  expect(differingCells(await cellMap(before), await cellMap(await fake.book.toXlsx()))).toEqual(one.written);
  const log = fake.book.sheet("変更履歴")!;
  expect(log.get(1, 1)?.value).toBe(SHEET);
  expect(log.get(2, 1)).toBeUndefined();
});

test("書くセルが増えても sync の数は変わらない", async () => {
  const d = [...files.keys()][0];
  const few = await run([await filled(d, 1)]);
  const many = await run([await filled(d, 6)]);
  expect(many.out.written?.cellsChanged).toBeGreaterThan(few.out.written!.cellsChanged);
  expect(many.fake.syncCount).toBe(few.fake.syncCount);
});

test("動的配列がスピルしているセルには書かず、書かなかったセルとして返す（#SPILL! にしない）", async () => {
  const d = [...files.keys()][0];
  const bytes = files.get(d)!;
  const rows = readMarker(await (await XlsxWorkbook.load(bytes, "d.xlsx")).readSettings())!.sheets[0].rows!;
  const rowOf = (a1: string) => Number(a1.replace(/^[A-Z]+/, ""));
  const rangeOf = (row: number) => rows.find((r) => r.from <= row && row <= r.to)!;
  // A reason cell in rows the copy moved up (not the first block, which starts with the header).
  const reason = (await inputCellsOf(bytes)).find((c) => c.field === "reason" && rangeOf(rowOf(c.master)).from > 2)!;
  const col = reason.master.replace(/\d+$/, "");
  const row = rowOf(reason.master);
  // The formula stands just above the department's rows, so its copy does not hold it, and spills down to the reason
  // cell showing what the cells already show.
  const top = rangeOf(row).from - 1;
  expect(rows.some((r) => r.from <= top && top <= r.to)).toBe(false);
  const book = await XlsxWorkbook.load(bytes, `${d}.xlsx`);
  book.setCells([{ sheet: SHEET, cell: reason.copy, value: "予算不足" }]);
  const returned = { name: `${d}.xlsx`, bytes: await book.toBytes() };
  const r = rig(await FakeBook.fromXlsx(master), { readReturned: readReturnedXlsx });
  const ws = r.fake.book.sheet(SHEET)!;
  const shown = [];
  for (let k = top; k <= row; k++) shown.push([ws.valueAt(`${col}${k}`) as string | number]);
  ws.spill(`${col}${top}`, `=FILTER(Z1:Z9,Z1:Z9<>"")`, shown);
  const out = await r.book.collectInto!([returned], { profiles: BUILT_IN_PROFILES, dryRun: false, lang: "ja", at: AT });
  expect(out.plan.files[0].sheets.map((s) => s.writes?.map((w) => w.cell))).toEqual([[reason.master]]);
  expect(out.written).toMatchObject({ cellsChanged: 0, formulaCells: [`${SHEET}!${reason.master}`] });
  expect(ws.valueAt(reason.master)).toBe(shown[shown.length - 1][0]);
  expect(ws.valueAt(`${col}${top}`)).not.toBe("#SPILL!");
  expect(r.fake.book.sheet("変更履歴")?.get(1, 1)).toBeUndefined();
  // 提出状況 counts what went in: the department is recorded, with no cell changed.
  const settings = await r.book.readSettings();
  expect(JSON.parse(settings[SUBMISSIONS_KEY]).received.map((s: { department: string; cellsChanged: number }) => [s.department, s.cellsChanged])).toEqual([[d, 0]]);
});

test("配布時に数式だった入力セルに値が打たれて戻ると、様式の変更として取り込まず、数式はそのまま", async () => {
  const d = [...files.keys()][0];
  const [result, reason] = await inputCellsOf(files.get(d)!);
  const withFormula = withPart(master, sheetPartNamed(SHEET), (xml) =>
    xml.replace(cellRe(result.master), `<c r="${result.master}" s="${styleOf(xml, result.master)}" t="str"><f>${reason.master}&amp;""</f><v></v></c>`),
  );
  const copy = (await splitMaster(withFormula)).books.find((b) => b.department === d)!.bytes;
  const typed = withPart(copy, sheetPartNamed(SHEET), (xml) => xml.replace(cellRe(result.copy), `<c r="${result.copy}" s="${styleOf(xml, result.copy)}" t="inlineStr"><is><t>実施済み</t></is></c>`));
  const r = rig(await FakeBook.fromXlsx(withFormula), { readReturned: readReturnedXlsx });
  const out = await r.book.collectInto!([{ name: `${d}.xlsx`, bytes: typed }], { profiles: BUILT_IN_PROFILES, dryRun: false, lang: "ja", at: AT });
  expect(out.plan.files[0].held).toBe(true);
  expect(out.plan.files[0].findings.filter((f) => f.ruleId === "FORM-CHANGED").map((f) => f.cell)).toEqual([result.copy]);
  expect(out.written).toMatchObject({ cellsChanged: 0 });
  expect(r.fake.book.sheet(SHEET)!.at(result.master)?.formula).toBe(`=${reason.master}&""`);
});

test("課が入力セルに打った数式は、元のブックの行に移して書く（=F12 は元の行の =F50 に; 課のコピーの行を指したままにしない）", async () => {
  const d = [...files.keys()][0];
  const cells = await inputCellsOf(files.get(d)!);
  // A record in rows the copy moved up, so the copy's row and the master's differ.
  const i = cells.findIndex((c, k) => c.field === "result" && cells[k + 1]?.field === "reason" && c.copy !== c.master);
  expect(i).toBeGreaterThanOrEqual(0);
  const [result, reason] = [cells[i], cells[i + 1]];
  const typed = withPart(files.get(d)!, sheetPartNamed(SHEET), (xml) => {
    expect(cellRe(reason.copy).test(xml)).toBe(true);
    return xml.replace(cellRe(reason.copy), `<c r="${reason.copy}" s="${styleOf(xml, reason.copy)}" t="str"><f>${result.copy}&amp;"（再掲）"</f><v>（再掲）</v></c>`);
  });
  const r = rig(await FakeBook.fromXlsx(master), { readReturned: readReturnedXlsx });
  const out = await r.book.collectInto!([{ name: `${d}.xlsx`, bytes: typed }], { profiles: BUILT_IN_PROFILES, dryRun: false, lang: "ja", at: AT });
  expect(out.plan.files[0].held).toBe(false);
  expect(out.written).toMatchObject({ cellsChanged: 1 });
  expect(r.fake.book.sheet(SHEET)!.at(reason.master)?.formula).toBe(`=${result.master}&"（再掲）"`);
});

describe("保護された元のブック（入力補助の保護: 入力セルだけロック解除）", () => {
  async function protectedRun(lock?: (cells: { master: string }[]) => string) {
    const guarded = await protectedCopy(master);
    const d = [...files.keys()][0];
    const copy = (await splitMaster(guarded)).books.find((b) => b.department === d)!.bytes;
    const cells = (await inputCellsOf(copy)).slice(0, 2);
    const book = await XlsxWorkbook.load(copy, `${d}.xlsx`);
    book.setCells(cells.map((c, i) => ({ sheet: SHEET, cell: c.copy, value: `${d} の記入 ${i + 1}` })), { intoUnlocked: true });
    const r = rig(await FakeBook.fromXlsx(guarded), { readReturned: readReturnedXlsx });
    const sheet = r.fake.book.sheet(SHEET)!;
    expect(sheet.protected).toBe(true);
    // The master's input cells came from the file unlocked; a test may lock one again.
    for (const c of cells) expect(sheet.locked(parseA1(c.master)!.row, parseA1(c.master)!.col)).toBe(false);
    if (lock) {
      const at = parseA1(lock(cells))!;
      sheet.unlocked = sheet.unlocked.filter((b) => !(b.top <= at.row && at.row <= b.bottom && b.left <= at.col && at.col <= b.right));
    }
    const before = await r.fake.book.toXlsx();
    const run = r.book.collectInto!([{ name: `${d}.xlsx`, bytes: await book.toBytes() }], { profiles: BUILT_IN_PROFILES, dryRun: false, lang: "ja", at: AT });
    return { ...r, run, before, cells };
  }

  test("入力セルはロックが外れているので書き込め、シートは保護されたまま", async () => {
    const { fake, run, before, cells } = await protectedRun();
    const out = await run;
    expect(out.plan.files[0]).toMatchObject({ held: false, cellsChanged: 2 });
    expect(out.written).toMatchObject({ sheetsReplaced: 0, cellsChanged: 2 });
    expect(differingCells(await cellMap(before), await cellMap(await fake.book.toXlsx()))).toEqual(cells.map((c) => `${SHEET}!${c.master}`).sort());
    expect(fake.book.sheet(SHEET)!.protected).toBe(true);
  });

  test("書くセルがロックされていれば、何も書かずにシートの保護を理由に断る", async () => {
    const { fake, run } = await protectedRun((cells) => cells[1].master);
    await expect(run).rejects.toMatchObject({ code: "protected-sheet", sheet: SHEET });
    expect(fake.operations).toEqual([]);
  });

  test("ロックを確かめても sync の数は保護のないときと同じ", async () => {
    const plain = rig(await FakeBook.fromXlsx(master), { readReturned: readReturnedXlsx });
    const d = [...files.keys()][0];
    const file = await filled(d, 2);
    await plain.book.collectInto!([file.file], { profiles: BUILT_IN_PROFILES, dryRun: false, lang: "ja", at: AT });
    const guarded = await protectedRun();
    await guarded.run;
    expect(guarded.fake.syncCount).toBe(plain.fake.syncCount);
  });
});
