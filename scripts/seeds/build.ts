/**
 * Builds the sample workbooks in seeds/ from the extracted data in seeds/data (npm run seeds).
 * The outputs are committed, so a fresh checkout can run the demo before any build step.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { listSheetSpec, surveySheetSpec } from "../../src/core/template/kodaira-chosahyo";
import { renderSheetSpec } from "../../src/workbook/xlsx/render";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { kodairaListInput, kodairaSurveyInputs } from "./kodaira";

// Fixed document dates keep the committed files stable across rebuilds.
const FIXED_DATE = new Date("2018-04-01T00:00:00Z");

async function buildKodaira(out: string): Promise<void> {
  const book = XlsxWorkbook.create();
  book.wb.created = FIXED_DATE;
  book.wb.modified = FIXED_DATE;
  const list = listSheetSpec(kodairaListInput());
  renderSheetSpec(book.wb.addWorksheet(list.name), list);
  for (const input of kodairaSurveyInputs()) {
    const spec = surveySheetSpec(input);
    renderSheetSpec(book.wb.addWorksheet(spec.name), spec);
  }
  writeFileSync(out, await book.toBytes());
  console.log(`wrote ${path.relative(process.cwd(), out)} (${book.wb.worksheets.length} sheets)`);
}

async function main(): Promise<void> {
  const seeds = path.join(__dirname, "..", "..", "seeds");
  await buildKodaira(path.join(seeds, "kodaira-h29.xlsx"));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
