/**
 * What the 前年度比較 sheet tests share: the sheet of a built next year against its sample, as the summaries make it
 * (this year checked with last year's report, so the year-over-year findings are there), and its cells read back.
 */
import { compareYears } from "../../src/core/compare/compare";
import type { YearComparison } from "../../src/core/compare/types";
import type { Lang } from "../../src/core/i18n";
import { toA1 } from "../../src/core/model/address";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import type { SheetSpec } from "../../src/core/sheet-spec";
import { buildSummaries, type SummaryInput } from "../../src/core/summary";
import { COMPARE_SHEET } from "../../src/core/summary/compare-sheet";
import { AT } from "../summary/helpers";
import { validated, type Year } from "./next-year";

export interface CompareSheet {
  readonly spec: SheetSpec;
  readonly input: SummaryInput;
  readonly comparison: YearComparison;
  /** This year checked with last year's report. */
  readonly checked: Year;
}

export async function compareSheet(pair: { last: Year; next: Year }, lang: Lang = "ja"): Promise<CompareSheet> {
  const checked = await validated(pair.next.bytes, { previous: pair.last.report });
  const r = compareYears(pair.last.report, checked.report, BUILT_IN_PROFILES);
  if (!r.ok) throw new Error(`refused: ${r.refusal.kind}`);
  const rep = checked.report;
  const input: SummaryInput = { records: rep.records, findings: rep.findings, fiscalYear: rep.fiscalYear, profiles: BUILT_IN_PROFILES, generatedAt: AT, lang, comparison: r.comparison };
  const [spec] = buildSummaries(input, [COMPARE_SHEET]);
  return { spec, input, comparison: r.comparison, checked };
}

/** Each cell as shown (a formula: its cached value), its style and its value kind, by A1 address. */
export function cellsOf(spec: SheetSpec) {
  const shown: Record<string, string | number | undefined> = {};
  const style: Record<string, string | undefined> = {};
  const kind: Record<string, string> = {};
  const formula: Record<string, string> = {};
  for (const c of spec.cells) {
    const at = toA1(c.row, c.col);
    kind[at] = c.value.t;
    style[at] = c.style;
    if (c.value.t === "formula") formula[at] = c.value.f;
    shown[at] = c.value.t === "text" || c.value.t === "number" ? c.value.v : c.value.t === "formula" ? (c.value.cached as number) : undefined;
  }
  return { shown, style, kind, formula };
}

/** The item rows of the table (chosahyo_compare), each as its cells A… in order, empty cells as "". */
export function itemRows(spec: SheetSpec): { cells: string[]; styles: (string | undefined)[]; row: number }[] {
  const table = spec.tables!.find((t) => t.name === "chosahyo_compare")!;
  const { shown, style } = cellsOf(spec);
  const out: { cells: string[]; styles: (string | undefined)[]; row: number }[] = [];
  for (let r = table.range.top + 1; r <= table.range.bottom; r++) {
    const cols = Array.from({ length: table.range.right + 1 }, (_, c) => toA1(r, c));
    out.push({ cells: cols.map((a) => String(shown[a] ?? "")), styles: cols.map((a) => style[a]), row: r });
  }
  return out;
}
