/** seeds/kodaira-h29.xlsx: the 小平市 調査票 (58 sheets) and its 評価一覧. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { listSheetSpec, surveySheetSpec } from "../../src/core/template/kodaira-chosahyo";
import { specsToXlsx } from "../lib/exceljs-render";
import { kodairaListInput, kodairaSurveyInputs } from "./kodaira";

// Fixed document dates keep the committed file stable across rebuilds.
const FIXED_DATE = new Date("2018-04-01T00:00:00Z");

export async function build(seedsDir: string): Promise<string[]> {
  const specs = [listSheetSpec(kodairaListInput()), ...kodairaSurveyInputs().map(surveySheetSpec)];
  const out = path.join(seedsDir, "kodaira-h29.xlsx");
  writeFileSync(out, await specsToXlsx(specs, FIXED_DATE));
  return [out];
}
