/** seeds/musashino-h29.xlsx: the 武蔵野市 取組状況 (79 projects stacked on one sheet) and its 目次. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { renderSheetSpec } from "../../src/workbook/xlsx/render";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { musashinoProjectInputs, musashinoTocLines } from "./musashino";
import { contentsSheetSpec, recordsSheetSpec } from "./musashino-sheet";

// Fixed document dates keep the committed file stable across rebuilds (the source is dated 平成30年8月).
const FIXED_DATE = new Date("2018-08-01T00:00:00Z");

export async function build(seedsDir: string): Promise<string[]> {
  const book = XlsxWorkbook.create();
  book.wb.created = FIXED_DATE;
  book.wb.modified = FIXED_DATE;
  const contents = contentsSheetSpec(musashinoTocLines());
  renderSheetSpec(book.wb.addWorksheet(contents.name), contents);
  const records = recordsSheetSpec(musashinoProjectInputs()).spec;
  renderSheetSpec(book.wb.addWorksheet(records.name), records);
  const out = path.join(seedsDir, "musashino-h29.xlsx");
  writeFileSync(out, await book.toBytes());
  return [out];
}
