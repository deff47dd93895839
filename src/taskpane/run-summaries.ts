/**
 * The 集計シート作成 action as the pane runs it: build the chosen summary sheets (pure, one at a time, yielding to the
 * browser between them, so the count repaints and 中止 works), then write them all through the port in one batch
 * (`writeOwnedSheets`: a constant number of round trips in Excel, so it cannot be stopped half-way).
 */
import type { Lang } from "../core/i18n";
import type { Profile } from "../core/profile/types";
import { submissionsFromSettings } from "../core/cycle/submissions";
import type { SubmissionsState } from "../core/cycle/types";
import { CROSSTAB_SHEET } from "../core/summary/crosstab";
import { availableSummaries, buildSummaries, SUMMARY_SHEETS as ALL_SHEETS, summaryId, type SummaryInput, type SummarySheet } from "../core/summary";
import type { SheetSpec } from "../core/sheet-spec";
import type { ValidationReport } from "../core/validate";
import type { YearComparison } from "../core/compare/types";
import { t } from "../core/i18n";
import { errorMessage } from "./format";
import { OwnedSheetsInterrupted, WorkbookError, type WorkbookPort, type WriteSheetResult } from "../workbook/port";

export { summaryId, type SummarySheet };

/** Sheets made from more than this workbook's 調査票: 提出状況 (配布・回収's record) and 前年度比較 (last year's workbook). */
const NOT_FROM_SURVEYS: readonly string[] = ["submissions", "compare"];

/** The sheets the pane names as made or not made from the 調査票: a workbook that never distributed, or has no last year set, is not told it lacks those. */
export const SUMMARY_SHEETS: readonly SummarySheet[] = ALL_SHEETS.filter((s) => !NOT_FROM_SURVEYS.includes(summaryId(s) ?? ""));

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
  /** The master's 配布・回収 record; createSummaries reads it from the workbook's settings when not given. */
  readonly submissions?: SubmissionsState;
  /** Last year's workbook against this one, from the check (run-validation.ts), for 前年度比較. */
  readonly comparison?: YearComparison;
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
    submissions: req.submissions,
    comparison: req.comparison,
  };
}

/** The SubmissionsState in the workbook's settings (提出状況 is offered only with one); unreadable settings give none. */
export async function readSubmissions(port: WorkbookPort): Promise<SubmissionsState | undefined> {
  try {
    return submissionsFromSettings(await port.readSettings());
  } catch {
    return undefined;
  }
}

/** The summary sheets this workbook's last check can give, in their fixed order. */
export function summariesFor(report: ValidationReport, profiles: readonly Profile[], submissions?: SubmissionsState, comparison?: YearComparison): SummarySheet[] {
  return availableSummaries(summaryInput({ report, profiles, lang: "ja", includeReposts: false, generatedAt: new Date(0), submissions, comparison }));
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
  const chosen = ALL_SHEETS.filter((s) => sheets.includes(s));
  const total = chosen.length;
  if (total === 0) return [];
  const input = summaryInput({ ...req, submissions: req.submissions ?? (await readSubmissions(port)) });
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

/**
 * What the pane says when the write stopped part way: why (in words when the cause is known), which sheets were
 * finished, which were left unfinished, and that no other sheet changed.
 */
export function interruptedText(lang: Lang, e: OwnedSheetsInterrupted): string {
  const { written, partial, unconfirmed } = e.progress;
  const list = (names: readonly string[]) => names.map((n) => (lang === "ja" ? `「${n}」` : `"${n}"`)).join(lang === "ja" ? "、" : ", ");
  return [
    t(lang, "pane.summaries.interrupted"),
    e.reason ? errorMessage(lang, e.reason) : e.detail ? t(lang, "pane.summaries.interrupted.excel", { detail: e.detail }) : "",
    written.length ? t(lang, "pane.summaries.interrupted.written", { sheets: list(written) }) : "",
    partial.length ? t(lang, unconfirmed ? "pane.summaries.interrupted.unconfirmed" : "pane.summaries.interrupted.partial", { sheets: list(partial) }) : "",
    t(lang, written.length || partial.length ? "pane.summaries.interrupted.others" : "pane.summaries.interrupted.nothing"),
  ]
    .filter(Boolean)
    .join(lang === "ja" ? "" : " ");
}

export function isInterrupted(e: unknown): e is OwnedSheetsInterrupted {
  return e instanceof OwnedSheetsInterrupted;
}
