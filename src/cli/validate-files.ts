/**
 * Validates files one at a time (a folder of 60 submissions stays within a small memory budget).
 * Input files are only ever read.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { type Tally, tallyBySheet } from "../core/tally";
import path from "node:path";
import type { Lang } from "../core/i18n";
import { fsReason } from "./fs-reason";
import { realPath } from "./output-file";
import { t } from "./i18n";
import type { Finding } from "../core/model/finding";
import type { YearSpan } from "../core/plan-period";
import type { Profile, Stage } from "../core/profile/types";
import { parseSettings } from "../core/settings";
import { type PreviousYear, type SheetReport, type ValidationReport, validateWorkbook } from "../core/validate";
import { isWorkbookError, type WorkbookErrorCode } from "../workbook/port";
import { MAX_FILE_BYTES } from "../workbook/xlsx/sniff";
import { isOtherFormat, type OtherFormat, type OtherFormatBook, readOtherFormat } from "../workbook/xlsx/other-formats";
import { XlsxWorkbook } from "../workbook/xlsx/xlsx-workbook";
import { COMPARE_MATCHES_KEY, type MatchCorrections, parseMatchCorrections } from "../core/compare/matches";
import { parsePreviousYear, PREVIOUS_YEAR_KEY, splitPreviousYear } from "../core/compare/settings";
import { CONSOLIDATED_KEY, parseConsolidated } from "../core/summary/consolidated";
import { submissionsFromSettings } from "../core/cycle/submissions";
import { type CheckedBook, isMasterOfReturns, readMarker } from "../core/cycle/collect";

export type FileErrorCode = WorkbookErrorCode | "not-found" | "unreadable" | "no-recognised-sheet" | "empty-folder" | "internal";

export interface FileError {
  readonly code: FileErrorCode;
  readonly message: string;
}

export interface FileResult {
  readonly path: string;
  readonly sheets: readonly SheetReport[];
  readonly findings: readonly Finding[];
  readonly error: FileError | null;
  /** What was read from each sheet (records, plan rows, codes …), for the human output. */
  readonly tallies?: ReadonlyMap<string, Tally>;
  /** The 対象年度 and plan periods the check used, and where each came from. */
  readonly years?: Pick<ValidationReport, "fiscalYear" | "fiscalYearSource" | "planPeriods">;
  /** Set on a workbook that holds every department's items rather than one submission. */
  readonly notSubmission?: NotASubmission;
  /** Set on an .xls, .xlsb or .ods, read for checking only. */
  readonly format?: OtherFormat;
}

/**
 * A workbook that holds every department's items, not one department's submission: a consolidation `summarize` made
 * from a folder (with the count of its files), a master that 回収 took the returns into, or the master the returns
 * were split from (or a copy of it). Found in a folder of submissions, each is passed over: read with them, their
 * items would count twice (docs/summaries.md, "Folder mode").
 */
export type NotASubmission = { readonly kind: "consolidated"; readonly files: number } | { readonly kind: "collected-master" } | { readonly kind: "master-copy" };

function notASubmission(book: CheckedBook, opts: Pick<ValidateFileOptions, "profiles" | "returnsOf">): NotASubmission | undefined {
  const settings = book.snapshot.settings;
  const consolidated = parseConsolidated(settings?.[CONSOLIDATED_KEY]);
  if (consolidated) return { kind: "consolidated", files: consolidated.files.length };
  if (settings && submissionsFromSettings(settings)) return { kind: "collected-master" };
  return opts.returnsOf && isMasterOfReturns(book, opts.profiles, opts.returnsOf) ? { kind: "master-copy" } : undefined;
}

/**
 * The 配布 ids in the markers of `files` (departments' returns): a workbook without a marker whose own 配布 id is one
 * of them is the master or a copy of it. Reads each file's settings only; a file that cannot be opened adds nothing
 * (reading it again says why).
 */
export async function returnedMasterIds(files: readonly string[], lang: Lang): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const file of files) {
    const opened = await openWorkbook(file, lang, { readOnly: true });
    if ("error" in opened) continue;
    try {
      const marker = readMarker(await (opened.book ?? opened.other).readSettings());
      if (marker) ids.add(marker.masterId);
    } catch {
      // Damaged settings: the full read reports it.
    }
  }
  return ids;
}

/**
 * Expands folders into the workbooks they hold (not recursive; Excel's `~$` lock files are skipped). .xls, .xlsb
 * and .ods files are listed too (checked, or told how to save them as .xlsx where a command writes). A file named
 * twice (itself and in its folder) is listed once: checked twice, it would be reported twice, and 回収
 * would refuse its second reading as a second file of the same department.
 */
export function expandInputs(inputs: readonly string[]): { files: string[]; emptyFolders: string[]; inFolder: ReadonlySet<string> } {
  const files: string[] = [];
  const seen = new Map<string, string>();
  // Files found by listing a folder and not named too: an earlier consolidation among them is not a submission.
  const inFolder = new Set<string>();
  const add = (file: string, listed = false) => {
    const real = realPath(file);
    const first = seen.get(real);
    if (first !== undefined) {
      if (!listed) inFolder.delete(first);
      return;
    }
    seen.set(real, file);
    files.push(file);
    if (listed) inFolder.add(file);
  };
  const emptyFolders: string[] = [];
  for (const input of inputs) {
    let st;
    try {
      st = statSync(input);
    } catch {
      add(input); // reported as not found when it is read
      continue;
    }
    if (!st.isDirectory()) {
      add(input);
      continue;
    }
    const found = readdirSync(input)
      .filter((n) => /\.(xlsx|xlsm|xls|xlsb|ods)$/i.test(n) && !n.startsWith("~$") && !n.startsWith("."))
      .sort((a, b) => a.localeCompare(b, "ja"))
      .map((n) => path.join(input, n));
    if (found.length === 0) emptyFolders.push(input);
    for (const f of found) add(f, true);
  }
  return { files, emptyFolders, inFolder };
}

export function fileError(code: FileErrorCode, lang: Lang, detail?: string): FileError {
  switch (code) {
    case "not-a-workbook":
      return { code, message: t(lang, detail === "csv" ? "error.not-a-workbook.csv" : "error.not-a-workbook") };
    case "too-large":
      return { code, message: t(lang, "error.too-large", { limit: Math.round(MAX_FILE_BYTES / 1024 / 1024) }) };
    case "no-recognised-sheet":
      return { code, message: t(lang, "error.no-recognised-sheet", { count: detail ?? "0" }) };
    case "unreadable":
    case "internal":
      return { code, message: t(lang, code === "unreadable" ? "error.unreadable" : "error.internal", { reason: detail ?? "" }) };
    default:
      return { code, message: t(lang, `error.${code}` as Parameters<typeof t>[1], { sheet: detail ?? "" }) };
  }
}

export interface ValidateFileOptions {
  readonly profiles: readonly Profile[];
  /** The stage asked for; without it, the one stored in the workbook (its settings travel with the file). */
  readonly stage?: Stage;
  /** The 対象年度 and plan period asked for; without them, the workbook's settings, then its sheets. */
  readonly fiscalYear?: number;
  readonly planPeriod?: YearSpan;
  readonly lang: Lang;
  readonly onSheet?: (done: number, total: number) => void;
  /** Epoch ms: the reader stops there with a timeout (the per-file budget, src/cli/budget.ts). */
  readonly deadline?: number;
  /** Last year's workbook, validated: the year-over-year rules run against it (`--previous`, docs/compare.md). */
  readonly previous?: PreviousYear;
  /** The 配布 ids of the returns read with this file (returnedMasterIds): the master among them is not a submission. */
  readonly returnsOf?: ReadonlySet<string>;
  /** Nothing will be written from the workbook: an .xls, .xlsb or .ods is read too (openWorkbook). */
  readonly readOnly?: boolean;
}

/** A workbook opened for a command: the .xlsx adapter, or, for a command that only reads, a file in another format. */
export type Opened = { book: XlsxWorkbook; other?: undefined } | { book?: undefined; other: OtherFormatBook };

/**
 * Reads a file's bytes into the .xlsx adapter, or says why it cannot be read. The file is only ever read. With
 * `readOnly` (a command that writes nothing into it), an .xls, .xlsb or .ods is read for checking as well
 * (other-formats.ts); without, it is refused with the message that says to save it as .xlsx.
 */
export async function openWorkbook(file: string, lang: Lang, options: { readonly readOnly: true }): Promise<Opened | { error: FileError }>;
export async function openWorkbook(file: string, lang: Lang, options?: { readonly readOnly?: false }): Promise<{ book: XlsxWorkbook } | { error: FileError }>;
export async function openWorkbook(file: string, lang: Lang, options?: { readonly readOnly?: boolean }): Promise<Opened | { error: FileError }> {
  const fail = (code: FileErrorCode, detail?: string) => ({ error: fileError(code, lang, detail) });
  let bytes: Buffer;
  try {
    const st = statSync(file);
    if (st.isDirectory()) return fail("empty-folder");
    // Refuse before reading: a huge file would cost memory for nothing.
    if (st.size > MAX_FILE_BYTES) return fail("too-large");
    bytes = readFileSync(file);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ENOENT" ? fail("not-found") : fail("unreadable", fsReason(e, lang));
  }
  try {
    return { book: await XlsxWorkbook.load(bytes, file) };
  } catch (e) {
    if (isWorkbookError(e) && options?.readOnly && isOtherFormat(e.code)) {
      try {
        return { other: await readOtherFormat(bytes, e.code) };
      } catch (other) {
        if (isWorkbookError(other)) return fail(other.code, other.detail);
        return fail(e.code, e.detail);
      }
    }
    if (isWorkbookError(e)) return fail(e.code, e.detail);
    return fail("internal", e instanceof Error ? e.message.split("\n")[0] : String(e));
  }
}

/** A workbook read and validated: the workbook itself (an .xlsx, which a command may write from), or another format's. */
export type Checked<B extends Opened> = B & { report: ValidationReport; matches?: MatchCorrections; lastYear?: ValidationReport; notSubmission?: NotASubmission };

/** Opens, reads and validates one workbook; with `readOnly`, an .xls, .xlsb or .ods too (openWorkbook). */
export async function readAndValidate(file: string, opts: ValidateFileOptions & { readonly readOnly: true }): Promise<Checked<Opened> | { error: FileError }>;
export async function readAndValidate(file: string, opts: ValidateFileOptions): Promise<Checked<{ book: XlsxWorkbook }> | { error: FileError }>;
export async function readAndValidate(file: string, opts: ValidateFileOptions): Promise<Checked<Opened> | { error: FileError }> {
  const opened = opts.readOnly ? await openWorkbook(file, opts.lang, { readOnly: true }) : await openWorkbook(file, opts.lang);
  if ("error" in opened) return opened;
  try {
    const read = await (opened.book ?? opened.other).readAll({ deadline: opts.deadline });
    // Settings stored by the task pane travel with the file: stage, 対象年度, 計画期間 and per-sheet choices.
    const settings = parseSettings(read.settings ?? {});
    // Last year's sheets the pane kept in the workbook (前年度_…) are not this year's: split off, and checked as last
    // year's workbook when no --previous is given, so the CLI finds what the pane finds (docs/compare.md).
    const kept = parsePreviousYear(read.settings?.[PREVIOUS_YEAR_KEY]);
    const split = kept ? splitPreviousYear(read, kept) : undefined;
    const snapshot = split?.current ?? read;
    const inWorkbook = !opts.previous && split?.previous.sheets.length ? validateWorkbook(split.previous, { profiles: opts.profiles }) : undefined;
    const lastYear = inWorkbook?.records.length ? inWorkbook : undefined;
    const previous = opts.previous ?? lastYear;
    // The pairs the user corrected in the pane (前年度との対応) hold for the CLI's comparison too.
    const matches = previous ? parseMatchCorrections(read.settings?.[COMPARE_MATCHES_KEY]) : undefined;
    const report = validateWorkbook(
      snapshot,
      {
        profiles: opts.profiles,
        stage: opts.stage ?? settings.stage,
        fiscalYear: opts.fiscalYear ?? settings.fiscalYear,
        planPeriod: opts.planPeriod ?? settings.planPeriod,
        overrides: settings.overrides,
        previous: previous && { ...previous, ...(matches ? { matches } : {}) },
      },
      { onSheet: opts.onSheet },
    );
    if (!report.sheets.some((s) => s.status === "recognised")) return { error: fileError("no-recognised-sheet", opts.lang, String(report.sheets.length)) };
    const notSubmission = notASubmission({ snapshot: read, report }, opts);
    return { ...opened, report, ...(matches ? { matches } : {}), ...(lastYear ? { lastYear } : {}), ...(notSubmission ? { notSubmission } : {}) };
  } catch (e) {
    if (isWorkbookError(e)) return { error: fileError(e.code, opts.lang, e.detail) };
    return { error: fileError("internal", opts.lang, e instanceof Error ? e.message.split("\n")[0] : String(e)) };
  }
}

function yearsOf(r: ValidationReport): FileResult["years"] {
  return { fiscalYear: r.fiscalYear, fiscalYearSource: r.fiscalYearSource, planPeriods: r.planPeriods };
}

export async function validateFile(file: string, opts: ValidateFileOptions): Promise<FileResult> {
  const r = await readAndValidate(file, { ...opts, readOnly: true });
  if ("error" in r) return { path: file, sheets: [], findings: [], error: r.error };
  return {
    path: file,
    sheets: r.report.sheets,
    findings: r.report.findings,
    error: null,
    tallies: tallyBySheet(r.report.records),
    years: yearsOf(r.report),
    ...(r.notSubmission ? { notSubmission: r.notSubmission } : {}),
    ...(r.other ? { format: r.other.format } : {}),
  };
}
