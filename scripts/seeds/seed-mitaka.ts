/** seeds/mitaka-2021.xlsx: the 三鷹市 自治体経営白書2021 目標指標 (68), 総合戦略 (16) and アクションプラン (82). */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { specsToXlsx } from "../lib/exceljs-render";
import { actionPlanInput, shihyoParts, sougouInput } from "./mitaka";
import { mitakaSheets } from "./mitaka-sheets";

// Fixed document dates keep the committed file stable across rebuilds.
const FIXED_DATE = new Date("2021-07-01T00:00:00Z");

export async function build(seedsDir: string): Promise<string[]> {
  const out = path.join(seedsDir, "mitaka-2021.xlsx");
  writeFileSync(out, await specsToXlsx(mitakaSheets(shihyoParts(), sougouInput(), actionPlanInput()), FIXED_DATE));
  return [out];
}
