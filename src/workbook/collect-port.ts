/**
 * What WorkbookPort.collectInto takes and gives (回収 into the open workbook, docs/distribution.md). Plain data only,
 * so it crosses the demo's worker messages (structured clone).
 */
import type { CollectPlan } from "../core/cycle/collect";
import type { Lang } from "../core/i18n";
import type { Profile } from "../core/profile/types";
import type { WorkbookErrorCode } from "./port";

/** A returned department workbook as the user picked it. */
export interface ReturnedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface CollectIntoOptions {
  readonly profiles: readonly Profile[];
  /** Only plan: nothing is written. */
  readonly dryRun: boolean;
  /** The language of the 変更履歴 rows. */
  readonly lang: Lang;
  readonly at?: Date;
  /** Files (names as picked) whose changed form the office accepts: only their input cells are taken in (CollectOptions). */
  readonly acceptFormChanges?: readonly string[];
}

/** One file's preview lines in both languages, as the CLI prints them (describeFileCollect). */
export interface FilePreview {
  readonly file: string;
  readonly lines: { readonly ja: readonly string[]; readonly en: readonly string[] };
}

export interface CollectOutcome {
  /** Per readable file: department, sheets, cells changed, findings, what is replaced, or why it is refused. */
  readonly plan: CollectPlan;
  /** The plan's files in words, made where the plan is, so the pane needs no planning code. */
  readonly preview: readonly FilePreview[];
  /** Files that could not be opened as workbooks, with the reason's code. */
  readonly unreadable: readonly { readonly file: string; readonly code: WorkbookErrorCode; readonly detail?: string }[];
  /** When not a dry run: what was written into the open workbook. */
  readonly written?: {
    readonly sheetsReplaced: number;
    readonly cellsChanged: number;
    readonly changed: boolean;
    /**
     * Cells a file would have written that show part of a formula's result (an array formula in a file, a dynamic
     * array's spill in Excel): left as they were, and neither logged nor counted.
     */
    readonly formulaCells?: readonly string[];
    /** The files taken in, in order (Excel). */
    readonly files?: readonly string[];
    /**
     * Excel: writing `file` stopped part way (Excel's `code`), so the run stopped there. `confirmed`: a fresh look put
     * it right (the file is wholly in, and named in `files`, or not in at all); false: what it left could not be told.
     */
    readonly interrupted?: { readonly file: string; readonly code?: string; readonly reason?: WorkbookErrorCode; readonly confirmed: boolean };
  };
}
