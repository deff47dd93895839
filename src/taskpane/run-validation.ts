/**
 * Validation as the pane runs it: read the workbook through the port, then recognise and read the sheets in
 * batches, yielding to the browser between batches (the progress count repaints, the cancel button works), then
 * run the rules. The result is the same report as the core's `validateWorkbook` (test/taskpane/run-validation).
 */
import { sortFindings } from "../core/model/finding";
import { DEFAULT_SETTINGS } from "../core/settings";
import type { SheetGrid, WorkbookSnapshot } from "../core/model/grid";
import { type ReadSheetResult, readOneSheet, runRules, type ValidateOptions, type ValidationReport } from "../core/validate";
import { WorkbookError, type WorkbookPort } from "../workbook/port";

export type Phase = "read" | "check";

export interface Progress {
  readonly phase: Phase;
  readonly done: number;
  readonly total: number;
}

export interface BatchHooks {
  readonly onProgress?: (p: Progress) => void;
  /** Checked between batches; a cancelled run rejects with WorkbookError("cancelled"). */
  readonly isCancelled?: () => boolean;
  /** Sheets per batch (default 10). */
  readonly batchSize?: number;
  /** How to give the browser a turn between batches (default: a zero-delay timer). */
  readonly yieldToUi?: () => Promise<void>;
}

const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve));

/** Recognise, read and check an already-read snapshot, in batches. */
export async function validateSnapshotInBatches(
  snapshot: WorkbookSnapshot,
  opts: ValidateOptions,
  hooks: BatchHooks = {},
): Promise<ValidationReport> {
  const size = Math.max(1, hooks.batchSize ?? 10);
  const yieldToUi = hooks.yieldToUi ?? nextTurn;
  const total = snapshot.sheets.length;
  const read: ReadSheetResult[] = [];
  const other: SheetGrid[] = [];
  hooks.onProgress?.({ phase: "check", done: 0, total });
  for (let start = 0; start < total; start += size) {
    if (hooks.isCancelled?.()) throw new WorkbookError("cancelled");
    for (const grid of snapshot.sheets.slice(start, start + size)) {
      const r = readOneSheet(grid, opts.profiles, opts.overrides?.[grid.name]);
      read.push(r);
      if (r.report.status !== "recognised") other.push(grid);
    }
    hooks.onProgress?.({ phase: "check", done: read.length, total });
    await yieldToUi();
  }
  if (hooks.isCancelled?.()) throw new WorkbookError("cancelled");
  const { findings, fiscalYear } = runRules(read, other, opts);
  return {
    sheets: read.map((r) => r.report),
    skippedSheets: snapshot.skippedSheets,
    records: read.flatMap((r) => r.records),
    findings: sortFindings(findings, snapshot.sheets.map((s) => s.name)),
    stage: opts.stage ?? DEFAULT_SETTINGS.stage,
    fiscalYear,
  };
}

/** What a host could not read (the Office adapter without ExcelApi 1.13 reads no merged areas). */
export interface ReadLimitations {
  readonly mergedAreas?: false;
}

export interface PaneReport extends ValidationReport {
  readonly limitations?: ReadLimitations;
}

/** Reads the workbook through the port (with its own progress), then validates it in batches. */
export async function validateInBatches(port: WorkbookPort, opts: ValidateOptions, hooks: BatchHooks = {}): Promise<PaneReport> {
  const snapshot = await port.readAll({
    onProgress: (p) => hooks.onProgress?.({ phase: "read", done: p.done, total: p.total }),
    isCancelled: hooks.isCancelled,
  });
  if (hooks.isCancelled?.()) throw new WorkbookError("cancelled");
  const report = await validateSnapshotInBatches(snapshot, opts, hooks);
  // Not part of the port's WorkbookSnapshot (yet): the Office adapter's snapshot carries it.
  const limitations = (snapshot as { readonly limitations?: ReadLimitations }).limitations;
  return limitations ? { ...report, limitations } : report;
}
