/**
 * 配布・回収・提出状況 (the annual cycle, part 2): the data that travels between the master
 * workbook and the departments' workbooks. Stored as JSON in the workbook's settings (the add-in's very hidden
 * settings sheet, read and written through WorkbookPort.readSettings/writeSettings), so it travels with the file.
 */

/** Settings key of the marker in a department's workbook written by 配布. */
export const DISTRIBUTION_MARKER_KEY = "distribution";
/** Settings key, in the master, of what 回収 has taken in so far (the 提出状況 sheet is built from it). */
export const SUBMISSIONS_KEY = "submissions";

/** One sheet of a department's workbook, as 配布 wrote it. */
export interface DistributedSheet {
  /** The sheet's name in the master (and in the department's workbook). */
  readonly name: string;
  /** For table formats: the master rows (1-based, inclusive) the department's copy holds, in order. Absent: the whole sheet. */
  readonly rows?: readonly { readonly from: number; readonly to: number }[];
  /** Hash of the sheet's form: its label cells (text and place), merges and the non-input cells; not the input cells. */
  readonly formHash: string;
  /**
   * What the department's copy does not hold as the master's sheet does (the copier's `dropped` parts, less the
   * drawing and notes 配布 carries over): references to sheets or names the department does not get (`formula L5`
   * holds its value, `list L3` lists the values, `validation E2` and `conditionalFormatting B5` were left out, in the
   * master's A1 addresses, cells down a column joined into one range, core/cycle/not-copied.ts compactParts), and
   * elements the copy leaves out (`extLst`: Excel 2010's validations, formats and sparklines; `tableParts`…). 回収
   * leaves those to the master: the formula cells are not compared, and the sheet gets its input cells written
   * instead of being replaced, so that nothing of the master's sheet is lost. Absent: none.
   */
  readonly leftInMaster?: readonly string[];
}

/** The hidden marker of a department's workbook: which master, which department, which sheets, which version. */
export interface DistributionMarker {
  readonly version: 1;
  /** A random id the master gets on its first 配布 (stored in the master's settings under this same key). */
  readonly masterId: string;
  readonly department: string;
  /** ISO time of the 配布 that wrote this file. */
  readonly distributedAt: string;
  readonly sheets: readonly DistributedSheet[];
  /**
   * Every department this 配布 wrote a workbook for, with its sheets: 配布 never writes the master (the CLI does not
   * write its input, the pane leaves the open workbook as it is), so 回収 records from here what was expected, and
   * 提出状況 can name the departments still to return. Absent in markers written before it was added.
   */
  readonly expected?: readonly { readonly department: string; readonly sheets: readonly string[] }[];
}

/** What 回収 took in from one department, kept in the master. */
export interface Submission {
  readonly department: string;
  /** The file name as the user picked it. */
  readonly file: string;
  /** ISO time it was taken in, and the returned file's own saved time when known (docProps/core.xml modified). */
  readonly collectedAt: string;
  readonly savedAt?: string;
  readonly sheets: readonly string[];
  readonly cellsChanged: number;
  readonly findings: { readonly error: number; readonly warning: number; readonly info: number };
}

/** The master's record of 配布 and 回収. */
export interface SubmissionsState {
  readonly version: 1;
  readonly masterId: string;
  /** Every department 配布 wrote a workbook for, with the sheets it expects back (a sheet split by rows under each department that got rows of it). */
  readonly expected: readonly { readonly department: string; readonly sheets: readonly string[] }[];
  /** The latest submission per department. */
  readonly received: readonly Submission[];
}
