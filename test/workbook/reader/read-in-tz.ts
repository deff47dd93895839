/**
 * Reads an .xlsx named on the command line and prints the first sheet's rows as JSON (dates as ISO strings).
 * sheet.test.ts runs it under TZ=Asia/Tokyo: Jest's sandbox ignores a TZ set from inside a test.
 */
import { readFileSync } from "node:fs";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsx-workbook";

void (async () => {
  const book = await XlsxWorkbook.load(new Uint8Array(readFileSync(process.argv[2])), "t.xlsx");
  const g = (await book.readAll()).sheets[0];
  process.stdout.write(JSON.stringify({ tz: Intl.DateTimeFormat().resolvedOptions().timeZone, rows: g.rows.map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : v))) }));
})();
