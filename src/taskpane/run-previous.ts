/**
 * 前年度比較 in the pane, the part fetched on first use with the 年度 tab's work (chunk "cycle"): last year's file is
 * read here, in the pane, by the file layer (nothing is uploaded), checked, and its survey and list sheets are the
 * ones copied in, from a workbook of their own in which each stands alone (docs/compare.md, "In the task pane").
 */
import type { Profile } from "../core/profile/types";
import { type ValidationReport, validateWorkbook } from "../core/validate";
import type { PreviousYearFile } from "../workbook/previous-year";
import { standAloneSheets } from "../workbook/xlsx/previous-year";
import { XlsxWorkbook } from "../workbook/xlsx/xlsx-workbook";

export type PreviousRead =
  | {
      readonly ok: true;
      readonly sheets: readonly string[];
      readonly fiscalYear?: number;
      readonly report: ValidationReport;
      /** The sheets as a workbook of their own, each standing alone: what keepPreviousYear copies in. */
      readonly copy: PreviousYearFile;
    }
  | { readonly ok: false; readonly reason: "no-survey" };

/** `date1904`: the workbook the copy goes into counts its dates from 1904 (PreviousYearHost.datesFrom1904). */
export async function readPreviousFile(file: PreviousYearFile, profiles: readonly Profile[], options: { readonly date1904?: boolean } = {}): Promise<PreviousRead> {
  const book = await XlsxWorkbook.load(file.bytes, file.name);
  const report = validateWorkbook(await book.readAll(), { profiles });
  if (!report.records.some((r) => r.role === "records")) return { ok: false, reason: "no-survey" };
  const sheets = report.sheets.filter((s) => s.status === "recognised").map((s) => s.name);
  const copy = await standAloneSheets(book, file.name, sheets, { date1904: options.date1904 });
  return { ok: true, sheets, ...(report.fiscalYear !== undefined ? { fiscalYear: report.fiscalYear } : {}), report, copy };
}
