/**
 * The comparison with last year's workbook, for the year-over-year rules (docs/compare.md): made once per check, not
 * once per rule. No previous year, or a pair the comparison refuses: no comparison, and the rules find nothing.
 */
import type { LocalizedText } from "../i18n";
import type { Finding, RuleId } from "../model/finding";
import type { SurveyRecord } from "../model/record";
import type { WorkbookEnv } from "../rules/types";
import type { PreviousYear } from "../validate";
import { compareYears } from "./compare";
import type { ItemRef, ItemRow, YearComparison } from "./types";

const memo = new WeakMap<PreviousYear, { readonly records: readonly SurveyRecord[]; readonly comparison?: YearComparison }>();

export function comparisonFor(env: WorkbookEnv): YearComparison | undefined {
  const previous = env.previous;
  if (!previous) return undefined;
  const hit = memo.get(previous);
  if (hit && hit.records === env.records) return hit.comparison;
  const r = compareYears(previous, { records: env.records, fiscalYear: env.fiscalYear }, env.profiles, { matches: previous.matches });
  const comparison = r.ok ? r.comparison : undefined;
  memo.set(previous, { records: env.records, comparison });
  return comparison;
}

/** A cell of last year's workbook, as a message names it: `No.12!D12`. */
export function lastPlace(ref: ItemRef, cell: string): string {
  return `${ref.sheet}!${cell}`;
}

/** The rules that compare with last year's workbook: what `chosahyo compare` lists, and nothing without a previous year. */
export const YEAR_OVER_YEAR_RULES: readonly RuleId[] = ["ITEM-DROPPED", "PLAN-CARRYOVER-MISSING", "TEXT-UNCHANGED", "RATING-DROPPED", "IND-REGRESSED"];

/** An item both years have. */
export type PairedRow = ItemRow & { readonly last: ItemRef; readonly this: ItemRef };

/**
 * The findings of a year-over-year rule that reports on items both years have, at this year's cells: `cellsOf` says,
 * per item, which cells and what to say; the item's profile decides whether the rule is on and its severity.
 */
export function findingsOnPairs(env: WorkbookEnv, ruleId: RuleId, cellsOf: (row: PairedRow) => Iterable<{ readonly cell: string; readonly message: LocalizedText }>): Finding[] {
  const out: Finding[] = [];
  for (const row of comparisonFor(env)?.items ?? []) {
    const s = env.settingFor(row.profileId);
    if (!s || !row.last || !row.this) continue;
    const item = row.this;
    for (const { cell, message } of cellsOf(row as PairedRow)) {
      out.push({ ruleId, severity: s.severity, sheet: item.sheet, cell, ...(item.id ? { recordId: item.id } : {}), message });
    }
  }
  return out;
}
