/**
 * @jest-environment node
 *
 * A generated sheet never holds more than a cell can: Excel refuses a value over 32,767 characters through its API
 * (the strict fake does too) and repairs a file holding one. Text that long reaches a summary from a cell another
 * writer filled (LibreOffice and openpyxl allow it), or a message quoting one. Both adapters cut it, ending in "…".
 * A setting longer than a cell is not cut: it goes on in the cells to the right.
 */
import { type SheetSpec, text } from "../../src/core/sheet-spec";
import { EXCEL_MAX_CELL_CHARS, fitCellText } from "../../src/core/values/text";
import { settingsFromRows, settingsRows } from "../../src/workbook/owned";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { exceljsBytes, oracle } from "../helpers/exceljs-book";
import { FakeBook } from "../fakes/excel-fake";
import { rig } from "../office/office-helpers";

const LONG = "あ".repeat(40_000);
// A character outside the BMP across the cut: it is dropped whole, never split into half a surrogate pair.
const EMOJI_AT_CUT = "x".repeat(EXCEL_MAX_CELL_CHARS - 2) + "🙂" + "y".repeat(10);

const spec: SheetSpec = {
  name: "評価一覧",
  cells: [
    { row: 0, col: 0, value: text(LONG) },
    { row: 1, col: 0, value: text(EMOJI_AT_CUT) },
    { row: 2, col: 0, value: text("短い") },
  ],
  styles: {},
  merges: [],
};

test("fitCellText: 上限までならそのまま、超えれば上限ちょうどで … で終わる", () => {
  expect(fitCellText("短い")).toBe("短い");
  expect(fitCellText("a".repeat(EXCEL_MAX_CELL_CHARS))).toHaveLength(EXCEL_MAX_CELL_CHARS);
  const cut = fitCellText(LONG);
  expect([cut.length, cut.endsWith("あ…")]).toEqual([EXCEL_MAX_CELL_CHARS, true]);
  expect(fitCellText(EMOJI_AT_CUT)).toBe("x".repeat(EXCEL_MAX_CELL_CHARS - 2) + "…");
});

test("Excel: 長すぎる文字列は上限で切って書く（切らなければ Excel は書き込みを断る）", async () => {
  const fakeBook = new FakeBook();
  fakeBook.addSheet("No.1").put(0, 0, "x");
  const { book } = rig(fakeBook);
  await book.writeOwnedSheet(spec);
  const ws = fakeBook.sheet("評価一覧")!;
  expect(String(ws.valueAt("A1"))).toBe(fitCellText(LONG));
  expect(String(ws.valueAt("A2"))).toBe(fitCellText(EMOJI_AT_CUT));
  expect(ws.valueAt("A3")).toBe("短い");
});

test(".xlsx: 長すぎる文字列は上限で切って書き、ExcelJS で開くと上限ちょうど", async () => {
  const book = await XlsxWorkbook.load(await exceljsBytes((wb) => void wb.addWorksheet("No.1")));
  await book.writeOwnedSheet(spec);
  const ws = (await oracle(await book.toBytes())).getWorksheet("評価一覧")!;
  expect(String(ws.getCell("A1").value)).toBe(fitCellText(LONG));
  expect(String(ws.getCell("A2").value)).toBe(fitCellText(EMOJI_AT_CUT));
  expect(ws.getCell("A3").value).toBe("短い");
});

test("長い設定は B 列から右へ分ける: 最後のほかは満杯で、サロゲートペアは分けない。読めば元の値", () => {
  const value = "x".repeat(EXCEL_MAX_CELL_CHARS - 1) + "🙂" + "y".repeat(EXCEL_MAX_CELL_CHARS + 5);
  const rows = settingsRows({ stage: "提出前", submissions: value });
  expect(rows[0]).toEqual(["stage", "提出前"]);
  expect(rows[1].slice(1).map((p) => p.length)).toEqual([EXCEL_MAX_CELL_CHARS - 1, EXCEL_MAX_CELL_CHARS, 7]);
  expect(settingsFromRows(rows)).toEqual({ stage: "提出前", submissions: value });
  // A row of an older version: the value in B alone, cells past an empty one ignored.
  expect(settingsFromRows([["fiscalYear", "2017", "", "stray"]])).toEqual({ fiscalYear: "2017" });
});
