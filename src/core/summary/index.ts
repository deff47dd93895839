/**
 * Summary building (docs/summaries.md): parsed records in, renderer-neutral sheet specs out. One spec per sheet kind,
 * for every kind the workbook's profiles have what it needs.
 */
import type { Lang } from "../i18n";
import type { Finding } from "../model/finding";
import type { SurveyRecord } from "../model/record";
import type { Profile } from "../profile/types";
import type { SubmissionsState } from "../cycle/types";
import type { SheetSpec } from "../sheet-spec";
import type { SummaryContext, SummaryId, SummarySheetKind } from "./context";
import { type SummaryItem, summaryItems } from "./items";
import { SUMMARY_KINDS } from "./kinds.generated";
import type { YearComparison } from "../compare/types";

export { summaryItems, type SummaryItem } from "./items";
export type { SummaryContext, SummaryId, SummarySheetKind } from "./context";

/** Every summary sheet, in the order they are written: generated from the summary files (a new sheet is its file and its messages). */
export { SUMMARY_KINDS };
/** The sheet names, in order. */
export const SUMMARY_SHEETS: readonly string[] = SUMMARY_KINDS.map((k) => k.sheetName);
/** A summary sheet, by the name of the sheet it writes. */
export type SummarySheet = string;

/** The kind that writes a sheet name. */
export function summaryKind(sheet: SummarySheet): SummarySheetKind | undefined {
  return SUMMARY_KINDS.find((k) => k.sheetName === sheet);
}

/** The catalogue id of a summary sheet's name. */
export function summaryId(sheet: SummarySheet): SummaryId | undefined {
  return summaryKind(sheet)?.id;
}

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
  /** The master's SubmissionsState from its settings (core/cycle/submissions.ts), for 提出状況. */
  readonly submissions?: SubmissionsState;
  /** Last year's workbook against this one (core/compare/compare.ts), for 前年度比較. */
  readonly comparison?: YearComparison;
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
    submissions: input.submissions,
    comparison: input.comparison,
  };
}

/** Which summary sheets this workbook can have: a sheet is made only where the records carry what it shows. */
export function availableSummaries(input: SummaryInput): SummarySheet[] {
  const ctx = context(input);
  return SUMMARY_KINDS.filter((k) => k.isAvailable(ctx)).map((k) => k.sheetName);
}

export function buildSummaries(input: SummaryInput, sheets: readonly SummarySheet[] = availableSummaries(input)): SheetSpec[] {
  const ctx = context(input);
  return SUMMARY_KINDS.filter((k) => sheets.includes(k.sheetName)).map((k) => k.build(ctx));
}
