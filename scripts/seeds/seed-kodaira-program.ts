/** seeds/kodaira-program-r6.xlsx: the 小平市 第1期経営方針推進プログラム 進捗状況【令和6年度当初計画】, one sheet. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { specsToXlsx } from "../lib/exceljs-render";
import { kodairaProgramInput } from "./kodaira-program";
import { programSheetSpec } from "./kodaira-program-sheet";

// Fixed document dates keep the committed file stable across rebuilds (資料1 令和6年2月2日).
const FIXED_DATE = new Date("2024-02-02T00:00:00Z");

export async function build(seedsDir: string): Promise<string[]> {
  const spec = programSheetSpec(kodairaProgramInput());
  const out = path.join(seedsDir, "kodaira-program-r6.xlsx");
  writeFileSync(out, await specsToXlsx([spec], FIXED_DATE));
  return [out];
}
