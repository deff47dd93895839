/**
 * The 集計シート作成 action as the pane runs it: build the chosen summary sheets (pure, one at a time, yielding to the
 * browser between them, so the count repaints and 中止 works), then write them all through the port in one batch
 * (`writeOwnedSheets`: a constant number of round trips in Excel, so it cannot be stopped half-way).
 */
import type { Lang } from "../core/i18n";
import type { Profile } from "../core/profile/types";
import { CROSSTAB_SHEET } from "../core/summary/crosstab";
import { FINDINGS_SHEET } from "../core/summary/findings-sheet";
import { INDICATORS_SHEET } from "../core/summary/indicators";
import { availableSummaries, buildSummaries, SUMMARY_SHEETS, type SummaryInput, type SummarySheet } from "../core/summary";
import { NOT_STARTED_SHEET } from "../core/summary/not-started";
import { RATING_LIST_SHEET } from "../core/summary/rating-list";
import type { SheetSpec } from "../core/sheet-spec";
import type { ValidationReport } from "../core/validate";
import { WorkbookError, type WorkbookPort, type WriteSheetResult } from "../workbook/port";

export { SUMMARY_SHEETS, type SummarySheet };

/** A catalogue id for each summary sheet (the sheet names are Japanese, the catalogue keys are not). */
export const SUMMARY_IDS: Readonly<Record<SummarySheet, "ratingList" | "crosstab" | "indicators" | "notStarted" | "findings">> = {
  [RATING_LIST_SHEET]: "ratingList",
  [CROSSTAB_SHEET]: "crosstab",
  [INDICATORS_SHEET]: "indicators",
  [NOT_STARTED_SHEET]: "notStarted",
  [FINDINGS_SHEET]: "findings",
};

/** The sheet whose counts the 再掲 option changes. */
export const REPOST_SHEET: SummarySheet = CROSSTAB_SHEET;

export type SummaryPhase = "build" | "write";

export interface SummaryProgress {
  readonly phase: SummaryPhase;
  readonly done: number;
  readonly total: number;
}

export interface SummaryHooks {
  readonly onProgress?: (p: SummaryProgress) => void;
  /** Checked between sheets while building; once the write has started it is not checked (one batch). */
  readonly isCancelled?: () => boolean;
  /** How to give the browser a turn between sheets (default: a zero-delay timer). */
  readonly yieldToUi?: () => Promise<void>;
}

export interface SummaryRequest {
  readonly report: ValidationReport;
  readonly profiles: readonly Profile[];
  readonly lang: Lang;
  readonly includeReposts: boolean;
  readonly generatedAt?: Date;
}

export function summaryInput(req: SummaryRequest): SummaryInput {
  return {
    records: req.report.records,
    findings: req.report.findings,
    fiscalYear: req.report.fiscalYear,
    profiles: req.profiles,
    generatedAt: req.generatedAt ?? new Date(),
    lang: req.lang,
    includeReposts: req.includeReposts,
  };
}

/** The summary sheets this workbook's last check can give, in their fixed order. */
export function summariesFor(report: ValidationReport, profiles: readonly Profile[]): SummarySheet[] {
  return availableSummaries(summaryInput({ report, profiles, lang: "ja", includeReposts: false, generatedAt: new Date(0) }));
}

const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve));

/**
 * Builds the chosen sheets (in the fixed order) and writes them. A cancel before the write rejects with
 * WorkbookError("cancelled") and leaves the workbook untouched.
 */
export async function createSummaries(
  port: WorkbookPort,
  req: SummaryRequest,
  sheets: readonly SummarySheet[],
  hooks: SummaryHooks = {},
): Promise<WriteSheetResult[]> {
  const yieldToUi = hooks.yieldToUi ?? nextTurn;
  const chosen = SUMMARY_SHEETS.filter((s) => sheets.includes(s));
  const total = chosen.length;
  if (total === 0) return [];
  const input = summaryInput(req);
  const specs: SheetSpec[] = [];
  hooks.onProgress?.({ phase: "build", done: 0, total });
  for (const sheet of chosen) {
    await yieldToUi();
    if (hooks.isCancelled?.()) throw new WorkbookError("cancelled");
    specs.push(...buildSummaries(input, [sheet]));
    hooks.onProgress?.({ phase: "build", done: specs.length, total });
  }
  await yieldToUi();
  if (hooks.isCancelled?.()) throw new WorkbookError("cancelled");
  hooks.onProgress?.({ phase: "write", done: 0, total });
  return port.writeOwnedSheets(specs, { onProgress: (done, of) => hooks.onProgress?.({ phase: "write", done, total: of }) });
}
