/**
 * @jest-environment node
 *
 * 変更履歴 is the clerk's undo: every fix, aid and 回収 adds rows, over years and across 年度更新. The file adapter
 * writes the sheet again with the earlier rows plus the new ones, so it must read every earlier row, not only the
 * 2,000 rows the checker reads of a 調査票.
 */
import type { LoggedEdit } from "../../src/core/changelog";
import { readSheetEntries, workbookPart } from "../../src/workbook/xlsx/book";
import { Package } from "../../src/workbook/xlsx/package";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";

const AT = new Date(2026, 10, 22, 14, 5, 9);

/** `n` fixes of No.1, each logged with a text that names its run and place. */
function edits(run: string, n: number): LoggedEdit[] {
  return Array.from({ length: n }, (_, i) => ({ sheet: "No.1", cell: `A${i + 1}`, before: `${run}-${i}`, after: `${run}-${i}x`, ruleId: "CODE-VARIANT" }));
}

test("変更履歴が 2,000 行を超えても、書き足すたびに前の行をすべて残す", async () => {
  const book = XlsxWorkbook.create();
  await book.writeOwnedSheets([{ name: "No.1", cells: [], styles: {}, merges: [] }]);
  for (const [run, n] of [["first", 1100], ["second", 1100], ["third", 5]] as const) {
    const e = edits(run, n);
    book.setCells(e.map((x) => ({ sheet: x.sheet, cell: x.cell, value: x.before })));
    await book.applyEdits(e, AT);
  }
  // Read from the part itself: the adapter's own reader stops at the checker's window.
  const pkg = Package.open(await book.toBytes());
  const part = readSheetEntries(pkg, workbookPart(pkg)).find((e) => e.name === "変更履歴")!.part!;
  const xml = pkg.text(part)!;
  // 変更前 is column D; row 1 is the header.
  const log = [...xml.matchAll(/<c r="D(\d+)"[^>]*>(?:(?!<\/c>)[\s\S])*?<t[^>]*>([^<]*)<\/t>/g)].filter((m) => m[1] !== "1").map((m) => m[2]);
  expect(log.length).toBe(2205);
  expect(log.filter((t) => t.startsWith("second-")).length).toBe(1100);
  expect(log[0]).toBe("first-0");
  expect(log[2204]).toBe("third-4");
});
