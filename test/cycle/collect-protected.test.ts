/**
 * @jest-environment node
 *
 * 回収 into a master whose sheets are protected by the input aids (`chosahyo aids --protect`, `rollover --protect`):
 * the input cells are known (they are the unlocked ones), a returned sheet replaces the protected one and stays
 * protected, rows are written into the unlocked input cells, and a locked cell of a protected sheet is never written.
 * A returned sheet whose protection differs from the master's is a change of form: replacing the sheet would bring
 * the copy's protection (none, or a password) into the master.
 */
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { applyCollect, planCollectBooks } from "../../src/workbook/xlsx/collect";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { cellMap, DEPARTMENTS, departmentFile, differingCells, inputCellsOf, masterBytes, protectedCopy, seedRecords } from "./collect-fixtures";
import { inputCellsOf as copyInputCells, musashinoMaster, SHEET, splitMaster } from "./musashino-fixtures";

const profiles = BUILT_IN_PROFILES;
const AT = new Date("2026-12-01T09:00:00Z");

async function collect(master: Uint8Array, files: readonly { file: string; bytes: Uint8Array }[], accept?: ReadonlySet<string>) {
  const book = await XlsxWorkbook.load(master, "master.xlsx");
  const books = await Promise.all(files.map(async (f) => ({ file: f.file, book: await XlsxWorkbook.load(f.bytes, f.file) })));
  const plan = await planCollectBooks(book, books, profiles, AT, accept);
  const result = await applyCollect(book, plan, books, "ja", AT);
  return { plan, result, bytes: await book.toBytes() };
}

test("小平: a department's two input cells come into a protected master; the sheet is replaced and stays protected", async () => {
  const master = await protectedCopy(await masterBytes());
  expect((await XlsxWorkbook.load(master, "m.xlsx")).sheetGrid("No.1")!.protected).toBe(true);
  const c = inputCellsOf(await seedRecords(), "No.1");
  const d = DEPARTMENTS.市民協働;
  const file = { file: "a.xlsx", bytes: await departmentFile(master, d.sheets, d.department, { edits: [{ sheet: "No.1", cell: c.eval1, value: "S" }, { sheet: "No.1", cell: c.result, value: "保護されたシートへの記入" }] }) };
  const { plan, result, bytes } = await collect(master, [file]);
  expect(plan.files[0].findings.filter((x) => x.ruleId === "FORM-CHANGED")).toEqual([]);
  expect(plan.files[0]).toMatchObject({ held: false, cellsChanged: 2 });
  expect(result).toMatchObject({ sheetsReplaced: 1, cellsChanged: 2 });
  expect(differingCells(await cellMap(master), await cellMap(bytes))).toEqual([`No.1!${c.eval1}`, `No.1!${c.result}`].sort());
  expect((await XlsxWorkbook.load(bytes, "m.xlsx")).sheetGrid("No.1")!.protected).toBe(true);
});

test("武蔵野 by rows: the department's input cells are written into the protected master's unlocked cells", async () => {
  const master = await protectedCopy((await musashinoMaster()).bytes);
  expect((await XlsxWorkbook.load(master, "m.xlsx")).sheetGrid(SHEET)!.protected).toBe(true);
  const [department, copy] = [...(await splitMaster(master)).books.map((b) => [b.department, b.bytes] as const)][0];
  const cells = (await copyInputCells(copy)).slice(0, 2);
  const book = await XlsxWorkbook.load(copy, "d.xlsx");
  book.setCells(cells.map((x, i) => ({ sheet: SHEET, cell: x.copy, value: `記入 ${i}` })), { intoUnlocked: true });
  const { plan, result, bytes } = await collect(master, [{ file: `${department}.xlsx`, bytes: await book.toBytes() }]);
  expect(plan.files[0]).toMatchObject({ held: false, cellsChanged: 2 });
  expect(result).toMatchObject({ sheetsReplaced: 0, cellsChanged: 2 });
  expect(differingCells(await cellMap(master), await cellMap(bytes))).toEqual(cells.map((x) => `${SHEET}!${x.master}`).sort());
  expect((await XlsxWorkbook.load(bytes, "m.xlsx")).sheetGrid(SHEET)!.protected).toBe(true);
});

test("a locked cell of a protected sheet is never written: the whole call is refused and nothing changes", async () => {
  const master = await protectedCopy(await masterBytes());
  const c = inputCellsOf(await seedRecords(), "No.1");
  const book = await XlsxWorkbook.load(master, "m.xlsx");
  await expect(
    book.setCellsLogged(
      [
        { sheet: "No.1", cell: c.eval1, value: "S" },
        { sheet: "No.1", cell: "C11", value: "ラベルを書き換え" },
      ],
      [{ sheet: "No.1", cell: "C11", before: "", after: "x" }],
      AT,
    ),
  ).rejects.toMatchObject({ code: "protected-sheet", sheet: "No.1" });
  expect(differingCells(await cellMap(master), await cellMap(await book.toBytes()))).toEqual([]);
  // Without intoUnlocked, setCells refuses a protected sheet outright, as before.
  expect(() => book.setCells([{ sheet: "No.1", cell: c.eval1, value: "S" }])).toThrow(expect.objectContaining({ code: "protected-sheet" }));
});

/** The department's copy with its sheets' protection taken off, as a user does with 保護の解除 (no password asked). */
async function unprotected(bytes: Uint8Array): Promise<Uint8Array> {
  const book = await XlsxWorkbook.load(bytes, "d.xlsx");
  book.liftProtection();
  return book.toBytes();
}

test("a department that took the protection off: held as a form change, and accepted only its input cells come in, the master staying protected", async () => {
  const master = await protectedCopy(await masterBytes());
  const c = inputCellsOf(await seedRecords(), "No.1");
  const d = DEPARTMENTS.市民協働;
  const bytes = await unprotected(await departmentFile(master, d.sheets, d.department, { edits: [{ sheet: "No.1", cell: c.eval1, value: "S" }] }));
  expect((await XlsxWorkbook.load(bytes, "a.xlsx")).sheetGrid("No.1")!.protected).toBeFalsy();
  const file = { file: "a.xlsx", bytes };

  const held = await collect(master, [file]);
  expect(held.plan.files[0]).toMatchObject({ held: true });
  expect(held.plan.files[0].findings.filter((x) => x.ruleId === "FORM-CHANGED").map((x) => [x.sheet, x.cell, x.message.ja])).toEqual([["No.1", "A1", expect.stringContaining("シートの保護が外されています")]]);
  expect(held.result).toMatchObject({ sheetsReplaced: 0, cellsChanged: 0 });
  expect(differingCells(await cellMap(master), await cellMap(held.bytes))).toEqual([]);

  const accepted = await collect(master, [file], new Set(["a.xlsx"]));
  expect(accepted.plan.files[0]).toMatchObject({ held: false, formAccepted: true });
  expect(accepted.result).toMatchObject({ sheetsReplaced: 0, cellsChanged: 1 });
  expect(differingCells(await cellMap(master), await cellMap(accepted.bytes))).toEqual([`No.1!${c.eval1}`]);
  expect((await XlsxWorkbook.load(accepted.bytes, "m.xlsx")).sheetGrid("No.1")!.protected).toBe(true);
});

test("a department that protected its copy of an unprotected master: held as a form change, so no protection comes into the master", async () => {
  const master = await masterBytes();
  const c = inputCellsOf(await seedRecords(), "No.1");
  const d = DEPARTMENTS.市民協働;
  const bytes = await protectedCopy(await departmentFile(master, d.sheets, d.department, { edits: [{ sheet: "No.1", cell: c.eval1, value: "S" }] }));
  const { plan, result, bytes: out } = await collect(master, [{ file: "a.xlsx", bytes }]);
  expect(plan.files[0]).toMatchObject({ held: true });
  const protectionFindings = plan.files[0].findings.filter((x) => x.ruleId === "FORM-CHANGED").map((x) => [x.sheet, x.cell, x.message.en]);
  expect(protectionFindings).toEqual(d.sheets.map((s) => [s, "A1", expect.stringContaining("The sheet is protected (it was not when distributed)")]));
  expect(result).toMatchObject({ sheetsReplaced: 0, cellsChanged: 0 });
  expect((await XlsxWorkbook.load(out, "m.xlsx")).sheetGrid("No.1")!.protected).toBeFalsy();
});
