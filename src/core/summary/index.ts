/**
 * Summary building (summaries.md): parsed records in, renderer-neutral sheet specs out. One spec per sheet kind,
 * for every kind the workbook's profiles have what it needs.
 */
import type { Lang } from "../i18n";
import type { Finding } from "../model/finding";
import type { SurveyRecord } from "../model/record";
import type { Profile } from "../profile/types";
import type { SheetSpec } from "../sheet-spec";
import type { SummaryContext } from "./context";
import { CROSSTAB_SHEET, codeColumns, crosstabSpec } from "./crosstab";
import { FINDINGS_SHEET, findingsSpec } from "./findings-sheet";
import { INDICATORS_SHEET, indicatorsSpec } from "./indicators";
import { type SummaryItem, summaryItems } from "./items";
import { SheetWriter } from "./layout";
import { NOT_STARTED_SHEET, notStartedSpec } from "./not-started";
import { RATING_LIST_SHEET, ratingListSpec } from "./rating-list";

export { summaryItems, type SummaryItem } from "./items";
export type { SummaryContext } from "./context";

export const SUMMARY_SHEETS = [RATING_LIST_SHEET, CROSSTAB_SHEET, INDICATORS_SHEET, NOT_STARTED_SHEET, FINDINGS_SHEET] as const;
export type SummarySheet = (typeof SUMMARY_SHEETS)[number];

export interface SummaryInput {
  readonly records: readonly SurveyRecord[];
  readonly findings: readonly Finding[];
  readonly fiscalYear?: number;
  readonly profiles: readonly Profile[];
  readonly generatedAt: Date;
  readonly lang?: Lang;
  readonly includeReposts?: boolean;
  /** Items already built (folder mode builds them per workbook, with each file's name). */
  readonly items?: readonly SummaryItem[];
  readonly showFiles?: boolean;
  readonly linkableSheets?: ReadonlySet<string>;
}

function context(input: SummaryInput): SummaryContext {
  const used = input.profiles.filter((p) => input.records.some((r) => r.profileId === p.id));
  return {
    records: input.records,
    findings: input.findings,
    fiscalYear: input.fiscalYear,
    profiles: used,
    items: input.items ?? summaryItems(input.records, used),
    generatedAt: input.generatedAt,
    lang: input.lang ?? "ja",
    includeReposts: input.includeReposts ?? false,
    showFiles: input.showFiles ?? false,
    linkableSheets: input.linkableSheets,
  };
}

/** Which summary sheets this workbook can have: a sheet is made only where the records carry what it shows. */
export function availableSummaries(input: SummaryInput): SummarySheet[] {
  const ctx = context(input);
  const w = new SheetWriter(ctx.lang);
  const out: SummarySheet[] = [];
  const coded = ctx.profiles.some((p) => codeColumns(p, w)) && ctx.items.length > 0;
  if (coded) out.push(RATING_LIST_SHEET, CROSSTAB_SHEET);
  if (ctx.records.some((r) => r.indicators.length > 0)) out.push(INDICATORS_SHEET);
  if (ctx.profiles.some((p) => p.layouts.some((l) => (l.shape === "form" ? l.fields : l.columns).some((f) => f.id === "status")))) out.push(NOT_STARTED_SHEET);
  out.push(FINDINGS_SHEET);
  return out;
}

export function buildSummaries(input: SummaryInput, sheets: readonly SummarySheet[] = availableSummaries(input)): SheetSpec[] {
  const ctx = context(input);
  const build: Record<SummarySheet, (c: SummaryContext) => SheetSpec> = {
    [RATING_LIST_SHEET]: ratingListSpec,
    [CROSSTAB_SHEET]: crosstabSpec,
    [INDICATORS_SHEET]: indicatorsSpec,
    [NOT_STARTED_SHEET]: notStartedSpec,
    [FINDINGS_SHEET]: findingsSpec,
  };
  return SUMMARY_SHEETS.filter((s) => sheets.includes(s)).map((s) => build[s](ctx));
}
