/**
 * Last year's workbook copied into this one (docs/compare.md, "In the task pane"): what a host that can do it offers.
 * Not part of WorkbookPort: the pane asks for it with canKeepPreviousYear, as it asks for a FileSaver. Plain data
 * only, so it crosses the demo's worker messages.
 */
import type { PreviousYearSetting } from "../core/compare/settings";
import type { WorkbookPort } from "./port";

/** Last year's workbook as the user picked it, read in the pane (nothing is uploaded). */
export interface PreviousYearFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface PreviousYearRequest {
  /** The file's sheets to copy (its survey and list sheets), by their names in the file. */
  readonly sheets: readonly string[];
  /** Last year's 対象年度 as the pane read it. */
  readonly fiscalYear?: number;
  readonly at?: Date;
}

export interface PreviousYearHost {
  /**
   * Copies `sheets` of the file in as hidden `前年度_<name>` sheets (31 characters at most, a free name on a clash),
   * replacing the copies made from a file before, and stores the setting that names them; returns that setting.
   * Excel needs ExcelApi 1.13 (insertWorksheetsFromBase64): older Excel gets WorkbookError("unsupported-operation")
   * with INSERT_WORKSHEETS' detail, and nothing changes.
   */
  keepPreviousYear(file: PreviousYearFile, request: PreviousYearRequest): Promise<PreviousYearSetting>;
  /** Forgets last year: the copies made from a file are deleted, a user's own `前年度_` sheets are left, the setting is cleared. */
  clearPreviousYear(): Promise<void>;
  /**
   * The workbook counts its dates from 1904 (docs/architecture.md): the file given to keepPreviousYear should count
   * so too, because Excel inserts a file's sheets with their serial numbers as they are.
   */
  datesFrom1904(): Promise<boolean>;
}

export function canKeepPreviousYear(port: WorkbookPort): port is WorkbookPort & PreviousYearHost {
  const p = port as Partial<PreviousYearHost>;
  return typeof p.keepPreviousYear === "function" && typeof p.clearPreviousYear === "function" && typeof p.datesFrom1904 === "function";
}

/** The setting a copy of `sheets` gets, with the names the copies took. */
export function copiedSetting(file: PreviousYearFile, request: PreviousYearRequest, copies: readonly string[]): PreviousYearSetting {
  return {
    v: 1,
    source: "file",
    file: file.name,
    ...(request.fiscalYear !== undefined ? { fiscalYear: request.fiscalYear } : {}),
    sheets: request.sheets.map((original, i) => ({ copy: copies[i], original })),
    at: (request.at ?? new Date()).toISOString(),
  };
}
