/** seeds/data/kodaira/plan-items.csv: the 小平 plan's item list, the sample input of `chosahyo new-plan`. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { kodairaPlanItemsCsv } from "./kodaira-plan-items";

export async function build(seedsDir: string): Promise<string[]> {
  const out = path.join(seedsDir, "data", "kodaira", "plan-items.csv");
  writeFileSync(out, kodairaPlanItemsCsv(), "utf8");
  return [out];
}
