/** seeds/musashino-h29.xlsx: the 武蔵野市 取組状況 (79 projects stacked on one sheet) and its 目次. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { specsToXlsx } from "../lib/exceljs-render";
import { musashinoProjectInputs, musashinoTocLines } from "./musashino";
import { contentsSheetSpec, recordsSheetSpec } from "./musashino-sheet";

// Fixed document dates keep the committed file stable across rebuilds (the source is dated 平成30年8月).
const FIXED_DATE = new Date("2018-08-01T00:00:00Z");

export async function build(seedsDir: string): Promise<string[]> {
  const contents = contentsSheetSpec(musashinoTocLines());
  const records = recordsSheetSpec(musashinoProjectInputs()).spec;
  const out = path.join(seedsDir, "musashino-h29.xlsx");
  writeFileSync(out, await specsToXlsx([contents, records], FIXED_DATE));
  return [out];
}
