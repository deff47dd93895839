/**
 * @jest-environment node
 *
 * 回収 with the form changes accepted (docs/distribution.md): a file held back for a changed form is taken in when
 * the office accepts it, but only its changed input cells reach the master, at the master's places; the form the
 * department changed (a label, inserted lines) stays as the master has it, and 変更履歴 says so.
 */
import { describeFileCollect, planCollect } from "../../src/core/cycle/collect";
import { SUBMISSIONS_KEY, type SubmissionsState } from "../../src/core/cycle/types";
import { parseA1, toA1 } from "../../src/core/model/address";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { validateWorkbook } from "../../src/core/validate";
import { applyCollect, checkBook, planCollectBooks } from "../../src/workbook/xlsx/collect";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { cellMap, DEPARTMENTS, departmentFile, differingCells, inputCellsOf, masterBytes, seedRecords } from "./collect-fixtures";

const profiles = BUILT_IN_PROFILES;
const AT = new Date("2026-12-01T09:00:00Z");

let master: Uint8Array;
let records: Awaited<ReturnType<typeof seedRecords>>;
beforeAll(async () => {
  master = await masterBytes();
  records = await seedRecords();
});

/** Plans (accepting the named files) and applies on a fresh copy of the master. */
async function collect(files: readonly { file: string; bytes: Uint8Array }[], accept?: readonly string[]) {
  const book = await XlsxWorkbook.load(master, "master.xlsx");
  const books = await Promise.all(files.map(async (f) => ({ file: f.file, book: await XlsxWorkbook.load(f.bytes, f.file) })));
  const plan = await planCollectBooks(book, books, profiles, AT, accept ? new Set(accept) : undefined);
  const result = await applyCollect(book, plan, books, "ja", AT);
  return { plan, result, bytes: await book.toBytes() };
}

describe("a changed form, accepted: only the input cells come in", () => {
  test("a label changed beside two input cells written: held by default; accepted, exactly the two input cells change, the label stays, and 変更履歴 says the form changes were left out", async () => {
    const c = inputCellsOf(records, "No.1");
    const d = DEPARTMENTS.市民協働;
    const file = {
      file: "市民協働.xlsx",
      bytes: await departmentFile(master, d.sheets, d.department, {
        edits: [
          { sheet: "No.1", cell: "C11", value: "担当課" },
          { sheet: "No.1", cell: c.eval1, value: "S" },
          { sheet: "No.1", cell: c.result, value: "受け入れテストの取組実績" },
        ],
      }),
    };

    const held = await collect([file]);
    expect(held.plan.files[0]).toMatchObject({ held: true, cellsChanged: 2 });
    expect(held.plan.files[0].formAccepted).toBeUndefined();
    expect(held.result.changed).toBe(false);

    const { plan, result, bytes } = await collect([file], ["市民協働.xlsx"]);
    const f = plan.files[0];
    expect(f).toMatchObject({ held: false, formAccepted: true, cellsChanged: 2 });
    expect(f.sheets.map((s) => [s.sheet, s.replace, s.writes?.map((w) => [w.cell, w.value])])).toEqual([
      [
        "No.1",
        false,
        [
          [c.eval1, "S"],
          [c.result, "受け入れテストの取組実績"],
        ].sort((a, b) => (parseA1(a[0])!.row - parseA1(b[0])!.row) || (parseA1(a[0])!.col - parseA1(b[0])!.col)),
      ],
    ]);
    expect(result).toEqual({ sheetsReplaced: 0, cellsChanged: 2, changed: true });
    const before = await cellMap(master);
    const after = await cellMap(bytes);
    expect(differingCells(before, after)).toEqual([`No.1!${c.eval1}`, `No.1!${c.result}`].sort());
    expect(after.get("No.1!C11")).toBe(before.get("No.1!C11"));

    const merged = await XlsxWorkbook.load(bytes, "m.xlsx");
    const log = merged.sheetGrid("変更履歴")!.rows.slice(1);
    expect(log.map((r) => [r[1], String(r[4])])).toEqual([["No.1", expect.stringContaining("回収で入力欄だけ書き込み（市民協働・男女参画推進課、市民協働.xlsx。様式の変更は取り込んでいません）")]]);
    const state = JSON.parse((await merged.readSettings())[SUBMISSIONS_KEY]) as SubmissionsState;
    expect(state.received.map((s) => [s.department, s.cellsChanged, s.findings.warning > 0])).toEqual([["市民協働・男女参画推進課", 2, true]]);

    const ja = describeFileCollect(f, "ja");
    expect(ja).toContain("  様式の変更を認めました。様式の変更は取り込まず、変わった入力欄だけを元のブックの様式に書き込みます。");
    expect(ja).toContain("  入力欄だけを書き込むシート: No.1（2 セル）");
    expect(ja.some((l) => l.includes("このファイルは取り込みません"))).toBe(false);
    expect(describeFileCollect(f, "en")).toContain("  Input cells only, written into No.1: 2");
  });

  test("one file, two sheets: the sheet whose form changed gets its input cell written, the intact one is replaced as usual", async () => {
    const p = DEPARTMENTS.政策課;
    const c3 = inputCellsOf(records, "No.3");
    const c9 = inputCellsOf(records, "No.9");
    const file = {
      file: "政策課.xlsx",
      bytes: await departmentFile(master, p.sheets, p.department, {
        edits: [
          { sheet: "No.3", cell: "C11", value: "担当課" },
          { sheet: "No.3", cell: c3.eval1, value: "A" },
          { sheet: "No.9", cell: c9.eval1, value: "B" },
        ],
      }),
    };
    const { plan, result, bytes } = await collect([file], ["政策課.xlsx"]);
    expect(plan.files[0].sheets.filter((s) => s.changedCells.length).map((s) => [s.sheet, s.replace, s.writes?.length ?? 0])).toEqual([
      ["No.3", false, 1],
      ["No.9", true, 0],
    ]);
    expect(result).toEqual({ sheetsReplaced: 1, cellsChanged: 2, changed: true });
    expect(differingCells(await cellMap(master), await cellMap(bytes))).toEqual([`No.3!${c3.eval1}`, `No.9!${c9.eval1}`].sort());
    const log = (await XlsxWorkbook.load(bytes, "m.xlsx")).sheetGrid("変更履歴")!.rows.slice(1);
    expect(log.map((r) => [r[1], String(r[4]).slice(0, 8)])).toEqual([
      ["No.3", "回収で入力欄だけ"],
      ["No.9", "回収で置き換え（"],
    ]);
  });

  test("accepting one file leaves another held file held", async () => {
    const a = DEPARTMENTS.市民協働;
    const p = DEPARTMENTS.政策課;
    const files = [
      { file: "a.xlsx", bytes: await departmentFile(master, a.sheets, a.department, { edits: [{ sheet: "No.1", cell: "C11", value: "担当課" }] }) },
      { file: "b.xlsx", bytes: await departmentFile(master, p.sheets, p.department, { edits: [{ sheet: "No.3", cell: "C11", value: "担当課" }] }) },
    ];
    const { plan } = await collect(files, ["a.xlsx"]);
    expect(plan.files.map((f) => [f.file, f.held, f.formAccepted ?? false])).toEqual([
      ["a.xlsx", false, true],
      ["b.xlsx", true, false],
    ]);
    expect(plan.state.received.map((s) => s.department)).toEqual(["市民協働・男女参画推進課"]);
  });

  test("a row inserted above an input cell: the value is written at the master's cell, not one row down", async () => {
    const m = await checkBook(await XlsxWorkbook.load(master, "m.xlsx"), profiles);
    const d = DEPARTMENTS.市民協働;
    const back = await checkBook(await XlsxWorkbook.load(await departmentFile(master, d.sheets, d.department), "a.xlsx"), profiles);
    const eval1 = parseA1(inputCellsOf(records, "No.1").eval1)!;
    const inserted = 6; // row 7, above the form's input cells
    expect(eval1.row).toBeGreaterThan(inserted);
    const sheets = back.snapshot.sheets.map((g) => {
      if (g.name !== "No.1") return g;
      const rows = g.rows.map((r) => [...r]);
      rows.splice(inserted - g.top, 0, new Array<null>(rows[0].length).fill(null));
      rows[inserted - g.top][5] = "追加した行";
      rows[eval1.row + 1 - g.top][eval1.col - g.left] = "S";
      const shift = (x: { top: number; bottom: number; left: number; right: number }) => (x.top >= inserted ? { ...x, top: x.top + 1, bottom: x.bottom + 1 } : x);
      // A formula in the moved input cell: one reference to its own row, one to the inserted row.
      const formulas = new Map([[`${eval1.row + 1},${eval1.col}`, `C${eval1.row + 2}&F7`]]);
      return { ...g, rows, merges: g.merges.map(shift), formulas };
    });
    const snapshot = { ...back.snapshot, sheets };
    const file = { file: "a.xlsx", snapshot, report: validateWorkbook(snapshot, { profiles }) };
    const held = planCollect(m, [file], { profiles, now: AT.toISOString() });
    expect(held.files[0].held).toBe(true);
    expect(held.files[0].findings.filter((x) => x.ruleId === "FORM-CHANGED").map((x) => x.cell)).toEqual(["A7"]);

    const plan = planCollect(m, [file], { profiles, now: AT.toISOString(), acceptFormChanges: new Set(["a.xlsx"]) });
    const s = plan.files[0].sheets.find((x) => x.sheet === "No.1")!;
    expect(plan.files[0].formAccepted).toBe(true);
    expect(s.replace).toBe(false);
    // The formula's references go where their cells are in the master: its own row moves back up, the inserted row is #REF!.
    expect(s.writes).toEqual([{ cell: toA1(eval1.row, eval1.col), value: "S", formula: `C${eval1.row + 1}&#REF!`, from: toA1(eval1.row + 1, eval1.col) }]);
    expect(s.changedCells).toEqual([toA1(eval1.row, eval1.col)]);
  });
});
