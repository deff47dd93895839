/**
 * seeds/kodaira-h29.xlsx: the 小平市 調査票 (58 sheets) and its 評価一覧 in the canonical layout (No. in its own column).
 * seeds/kodaira-h29-list-as-printed.xlsx: the same 調査票 with the 評価一覧 laid out as the document prints it (the
 * number at the start of the title cell, 項目 over the 方針 and item columns).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { listSheetSpec, surveySheetSpec } from "../../src/core/template/kodaira-chosahyo";
import { specsToXlsx } from "../lib/exceljs-render";
import { kodairaListInput, kodairaPrintedListInput, kodairaSurveyInputs } from "./kodaira";
import { printedListSheetSpec } from "./kodaira-printed-list";

// Fixed document dates keep the committed file stable across rebuilds.
const FIXED_DATE = new Date("2018-04-01T00:00:00Z");

export async function build(seedsDir: string): Promise<string[]> {
  const surveys = kodairaSurveyInputs().map(surveySheetSpec);
  const out = path.join(seedsDir, "kodaira-h29.xlsx");
  writeFileSync(out, await specsToXlsx([listSheetSpec(kodairaListInput()), ...surveys], FIXED_DATE));
  const printed = path.join(seedsDir, "kodaira-h29-list-as-printed.xlsx");
  writeFileSync(printed, await specsToXlsx([printedListSheetSpec(kodairaPrintedListInput()), ...surveys], FIXED_DATE));
  return [out, printed];
}
