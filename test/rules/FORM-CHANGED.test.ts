/**
 * @jest-environment node
 *
 * FORM-CHANGED (回収, src/core/cycle/collect.ts): a returned sheet compared with the master's. Input cells may differ
 * and are counted; a changed label or fixed cell, a changed merge, and inserted or deleted rows or columns are
 * findings, a run of inserted rows being one finding, not one per cell below it.
 */
import { compareSheet, inputCellSet, MAX_CELL_FINDINGS } from "../../src/core/cycle/collect";
import type { CellValue } from "../../src/core/model/cell";
import type { SheetGrid } from "../../src/core/model/grid";
import type { CellRange } from "../../src/core/model/address";

/** A small 調査票: labels in column A, the input cells B2 (評価) and B4 (実績), twelve fixed rows below. */
function form(overrides: Record<number, CellValue[]> = {}): CellValue[][] {
  const rows: CellValue[][] = [["調査票", null, null], ["評価", "B", null], ["所管課", "政策課", null], ["実績", "記入", null]];
  for (let i = 0; i < 12; i++) rows.push([`工程${i + 1}`, `内容${i + 1}`, `平成${29 + (i % 4)}年度`]);
  for (const [r, v] of Object.entries(overrides)) rows[Number(r)] = v;
  return rows;
}

function grid(rows: CellValue[][], merges: CellRange[] = [{ top: 0, left: 0, bottom: 0, right: 2 }]): SheetGrid {
  return { name: "No.1", visibility: "visible", top: 0, left: 0, rows, merges };
}

const INPUTS = inputCellSet([
  { top: 1, left: 1, bottom: 1, right: 1 },
  { top: 3, left: 1, bottom: 3, right: 1 },
]);
const master = grid(form());

function findings(returned: SheetGrid) {
  const r = compareSheet(master, returned, INPUTS);
  return { changed: r.changedCells, form: r.formChanges.map((f) => [f.ruleId, f.cell, f.severity, f.message.en]) };
}

describe("FORM-CHANGED", () => {
  test("the same sheet: nothing", () => {
    expect(findings(grid(form()))).toEqual({ changed: [], form: [] });
  });

  test("input cells written: counted, no finding", () => {
    expect(findings(grid(form({ 1: ["評価", "A", null], 3: ["実績", "年度内に実施した", null] })))).toEqual({ changed: ["B2", "B4"], form: [] });
  });

  test("a label changed: one warning at its cell, saying what it was and what it is", () => {
    expect(findings(grid(form({ 2: ["担当課", "政策課", null] })))).toEqual({
      changed: [],
      form: [["FORM-CHANGED", "A3", "warning", "A cell that is not an input cell differs from the distributed form (distributed: 「所管課」 → returned: 「担当課」). Ask the department to return the form with its headings and fixed cells unchanged."]],
    });
  });

  test("a row inserted in the middle: one finding at the row, not one per cell below", () => {
    const rows = form();
    rows.splice(6, 0, ["メモ", null, null]);
    const r = findings(grid(rows));
    expect(r.form).toEqual([["FORM-CHANGED", "A7", "warning", "1 rows were inserted from row 7. An inserted row moves the form, so this sheet is not taken in."]]);
  });

  test("two rows deleted: one finding", () => {
    const rows = form();
    rows.splice(8, 2);
    expect(findings(grid(rows)).form).toEqual([["FORM-CHANGED", "A9", "warning", "2 rows were deleted from row 9 of the distributed form. A deleted row moves the form, so this sheet is not taken in."]]);
  });

  test("a column inserted before B: one finding at the column", () => {
    const rows = form().map((r) => [r[0], null, ...r.slice(1)]);
    const r = findings(grid(rows));
    expect(r.form.map((f) => [f[1], f[3]])).toEqual([["B1", "1 columns were inserted from column B. An inserted column moves the form, so this sheet is not taken in."]]);
  });

  test("a merge undone: a finding at the merged area's corner", () => {
    expect(findings(grid(form(), [])).form).toEqual([["FORM-CHANGED", "A1", "warning", "The merged cells differ from the distributed form (distributed: A1:C1 → returned: (not merged))."]]);
  });

  test("many fixed cells overwritten: the first ten one by one, the rest counted in one finding", () => {
    const rows = form();
    for (let i = 4; i < 16; i++) rows[i] = [rows[i][0], `書き換え${i}`, rows[i][2]];
    const r = findings(grid(rows));
    expect(r.form).toHaveLength(MAX_CELL_FINDINGS + 1);
    expect(r.form[MAX_CELL_FINDINGS][3]).toBe("2 more cells that are not input cells differ from the distributed form.");
  });
});
