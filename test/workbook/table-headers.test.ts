/**
 * @jest-environment node
 *
 * An Excel table keeps each column's name twice: in its header cell and in the table part (`<tableColumn name>`).
 * Excel repairs a file where the two differ ("Repaired Records: Table from /xl/tables/table1.xml"). So a header
 * cell the adapter writes (年度更新 moving `29年度下半期評価` on, a fix, 回収 by cells) renames its column too, and
 * the formulas that name the column follow, as they do when the header is typed in Excel.
 */
import { Package } from "../../src/workbook/xlsx/package";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { exceljsBytes, oracle } from "../helpers/exceljs-book";

/** 評価一覧 as an Excel table on B2:D4 (header row 2), with a table on another sheet that nothing touches. */
function book(): Promise<Uint8Array> {
  return exceljsBytes((wb) => {
    const ws = wb.addWorksheet("評価一覧");
    ws.addTable({
      name: "評価表",
      ref: "B2",
      columns: [{ name: "No." }, { name: "取組名" }, { name: "29年度下半期評価" }],
      rows: [
        [1, "窓口の改善", "A"],
        [2, "電子申請", "B"],
      ],
    });
    const other = wb.addWorksheet("別表");
    other.addTable({ name: "別表1", ref: "A1", columns: [{ name: "29年度下半期評価" }], rows: [["S"]] });
    // Counts that name the columns: they must follow the rename of 評価表's, and only that one.
    other.getCell("C1").value = { formula: 'COUNTIF(評価表[29年度下半期評価],"A")', result: 1 };
    other.getCell("C2").value = { formula: 'COUNTIF(別表1[29年度下半期評価],"S")&"評価表[29年度下半期評価]"', result: "1評価表[29年度下半期評価]" };
  });
}

function columnNames(bytes: Uint8Array, table: string): string[] {
  const pkg = Package.open(bytes);
  const part = pkg.names().find((n) => /^xl\/tables\/[^/]+\.xml$/.test(n) && new RegExp(`\\sname="${table}"`).test(pkg.text(n)!))!;
  return [...pkg.text(part)!.matchAll(/<tableColumn\b[^>]*\sname="([^"]*)"/g)].map((m) => m[1]);
}

/** The workbook with a defined name over the column (ExcelJS writes none of this kind). */
async function withName(): Promise<Uint8Array> {
  const pkg = Package.open(await book());
  const xml = pkg.text("xl/workbook.xml")!;
  if (xml.includes("<definedNames")) throw new Error("ExcelJS wrote defined names: put the name among them");
  pkg.set("xl/workbook.xml", xml.replace("</sheets>", `</sheets><definedNames><definedName name="下半期評価">評価表[29年度下半期評価]</definedName></definedNames>`));
  return pkg.toBytes();
}

test("a header cell set by setCells (年度更新) renames its column, and only that table's", async () => {
  const book1 = await XlsxWorkbook.load(await withName());
  book1.setCells([{ sheet: "評価一覧", cell: "D2", value: "30年度下半期評価" }]);
  const out = await book1.toBytes();
  expect(columnNames(out, "評価表")).toEqual(["No.", "取組名", "30年度下半期評価"]);
  expect(columnNames(out, "別表1")).toEqual(["29年度下半期評価"]);
  const wb = await oracle(out);
  const table = wb.getWorksheet("評価一覧")!.getTable("評価表") as unknown as { table: { columns: { name: string }[] } };
  expect(table.table.columns.map((c) => c.name)).toEqual(["No.", "取組名", "30年度下半期評価"]);
  // As Excel's own rename does, formulas naming the column follow it; the other table's and a text stay.
  expect(wb.getWorksheet("別表")!.getCell("C1").formula).toBe('COUNTIF(評価表[30年度下半期評価],"A")');
  expect(wb.getWorksheet("別表")!.getCell("C2").formula).toBe('COUNTIF(別表1[29年度下半期評価],"S")&"評価表[29年度下半期評価]"');
  expect(Package.open(out).text("xl/workbook.xml")).toContain(`<definedName name="下半期評価">評価表[30年度下半期評価]</definedName>`);
});

test("a cell below the header, a header written empty or with another column's name: the names stay", async () => {
  const b = await XlsxWorkbook.load(await book());
  b.setCells([
    { sheet: "評価一覧", cell: "D3", value: "S" },
    { sheet: "評価一覧", cell: "B2", value: null },
    { sheet: "評価一覧", cell: "C2", value: "no." },
  ]);
  expect(columnNames(await b.toBytes(), "評価表")).toEqual(["No.", "取組名", "29年度下半期評価"]);
});

test("a header with a line break, escaped as Excel keeps it in the attribute", async () => {
  const b = await XlsxWorkbook.load(await book());
  b.setCells([{ sheet: "評価一覧", cell: "C2", value: "取組名\n（概要）" }]);
  const out = await b.toBytes();
  expect(columnNames(out, "評価表")[1]).toBe("取組名&#10;（概要）");
  expect((await oracle(out)).getWorksheet("評価一覧")!.getCell("C2").value).toBe("取組名\n（概要）");
});

test("a fix written into a header cell (applyEdits) renames the column as well", async () => {
  const b = await XlsxWorkbook.load(await book());
  const result = await b.applyEdits([{ sheet: "評価一覧", cell: "D2", before: "29年度下半期評価", after: "29年度 下半期評価" }]);
  expect(result.applied).toHaveLength(1);
  expect(columnNames(await b.toBytes(), "評価表")[2]).toBe("29年度 下半期評価");
});
