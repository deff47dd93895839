/**
 * A workbook that mixes formats, as a planning office might assemble one: sheets of several sample workbooks
 * copied into one .xlsx by the ExcelJS adapter's importSheet (values, styles, merged areas, widths), then read back
 * through the adapter.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Finding } from "../../src/core/model/finding";
import type { WorkbookSnapshot } from "../../src/core/model/grid";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { validateWorkbook } from "../../src/core/validate";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { ROOT } from "../helpers/grid";

export interface SheetSource {
  /** A workbook in seeds/. */
  readonly seed: string;
  readonly sheets: readonly string[];
}

/**
 * Every built-in profile: 武蔵野市 取組状況 with its 目次, three 小平市 調査票 (no 評価一覧, no sub-sheets: nothing
 * that points at sheets left behind), the 小平市 推進プログラム, and the 三鷹市 目標指標 and アクションプラン.
 */
export const MIXED_SOURCES: readonly SheetSource[] = [
  { seed: "musashino-h29.xlsx", sheets: ["目次", "取組状況"] },
  { seed: "kodaira-h29.xlsx", sheets: ["No.1", "No.3", "No.5"] },
  { seed: "kodaira-program-r6.xlsx", sheets: ["推進プログラム"] },
  { seed: "mitaka-2021.xlsx", sheets: ["目標指標", "アクションプラン"] },
];

export interface MixedWorkbook {
  readonly bytes: Uint8Array;
  readonly snapshot: WorkbookSnapshot;
  /** Each source seed read on its own, with only the sheets copied from it. */
  readonly parts: readonly WorkbookSnapshot[];
}

export async function mixedWorkbook(sources: readonly SheetSource[] = MIXED_SOURCES): Promise<MixedWorkbook> {
  const out = XlsxWorkbook.create();
  const parts: WorkbookSnapshot[] = [];
  for (const src of sources) {
    const from = await XlsxWorkbook.load(readFileSync(path.join(ROOT, "seeds", src.seed)));
    for (const name of src.sheets) {
      const got = out.importSheet(from, name);
      if (got !== name) throw new Error(`${src.seed}: ${name} was copied as ${got}`);
    }
    const whole = await from.readAll();
    parts.push({ ...whole, sheets: whole.sheets.filter((s) => src.sheets.includes(s.name)) });
  }
  const bytes = await out.toBytes();
  return { bytes, snapshot: await (await XlsxWorkbook.load(bytes)).readAll(), parts };
}

/** The findings of each part validated on its own, with only the built-in profiles. */
export function findingsOfParts(parts: readonly WorkbookSnapshot[]): Finding[] {
  return parts.flatMap((p) => validateWorkbook(p, { profiles: BUILT_IN_PROFILES }).findings);
}
