/** seeds/kodaira-h29.xlsx: the 小平市 調査票 (58 sheets) and its 評価一覧. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { listSheetSpec, surveySheetSpec } from "../../src/core/template/kodaira-chosahyo";
import { renderSheetSpec } from "../../src/workbook/xlsx/render";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { kodairaListInput, kodairaSurveyInputs } from "./kodaira";

// Fixed document dates keep the committed file stable across rebuilds.
const FIXED_DATE = new Date("2018-04-01T00:00:00Z");

export async function build(seedsDir: string): Promise<string[]> {
  const book = XlsxWorkbook.create();
  book.wb.created = FIXED_DATE;
  book.wb.modified = FIXED_DATE;
  const list = listSheetSpec(kodairaListInput());
  renderSheetSpec(book.wb.addWorksheet(list.name), list);
  for (const input of kodairaSurveyInputs()) {
    const spec = surveySheetSpec(input);
    renderSheetSpec(book.wb.addWorksheet(spec.name), spec);
  }
  const out = path.join(seedsDir, "kodaira-h29.xlsx");
  writeFileSync(out, await book.toBytes());
  return [out];
}
