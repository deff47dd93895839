/**
 * What the reader makes of a recognised sheet: records with every field's value AND the cell it came
 * from, so that each finding can point at the cell.
 */
import type { DepartmentList, ParsedCode, ParsedValue, DateRef } from "../values/types";
import type { CellValue } from "./cell";

/** A cell the record was read from: absolute 0-based position of the cell that holds the value. */
export interface CellPos {
  readonly row: number;
  readonly col: number;
}

export interface TextRead {
  readonly text: string;
  readonly raw: CellValue;
  readonly cell: CellPos;
}

export interface CodeRead {
  readonly parsed: ParsedCode;
  readonly raw: CellValue;
  readonly cell: CellPos;
  /** Comment: from the cell below the code, or the text after the code in the same cell. */
  readonly comment?: string;
  readonly commentCell?: CellPos;
  /** Where a comment belongs when there is none yet (the cell below the code, or the code's own cell). */
  readonly commentAt?: CellPos;
}

export interface DepartmentsRead {
  readonly list: DepartmentList;
  readonly raw: CellValue;
  readonly cell: CellPos;
}

export interface IndicatorValueRead {
  readonly parsed: ParsedValue;
  /** The segment text for this indicator (a packed ①② cell contributes one segment each). */
  readonly text: string;
  readonly raw: CellValue;
  readonly cell: CellPos;
  /** The cell packs several indicators (①②…). */
  readonly packed: boolean;
}

export interface Indicator {
  readonly label: TextRead;
  /** 1 for ①, 2 for ② …, when the label carries a marker. */
  readonly index?: number;
  readonly baseline?: IndicatorValueRead;
  readonly target?: IndicatorValueRead;
  readonly actual?: IndicatorValueRead;
  /** The markers found in each value cell for this row, to compare with the label's (IND-MARKER-MISMATCH). */
  readonly markerProblems?: readonly { readonly column: "baseline" | "target" | "actual"; readonly cell: CellPos; readonly labelMarkers: string; readonly valueMarkers: string }[];
}

/** The dates the column headers give: `現状値 … 平成29年3月末`, `下半期値 平成30年3月末`. */
export interface IndicatorPeriods {
  readonly baseline?: DateRef;
  readonly actual?: DateRef;
  /** The actual column's name as written: 下半期値, 上半期値, 実績値. */
  readonly actualName?: string;
}

export interface ScheduleYearCell {
  readonly fiscalYear: number;
  readonly text: string;
  readonly cell: CellPos;
}

export interface Task {
  readonly text: string;
  readonly cell: CellPos;
  readonly years: readonly ScheduleYearCell[];
}

export interface YearHeader {
  readonly fiscalYear: number;
  readonly text: string;
  readonly cell: CellPos;
}

/** Where a field's label sits, or why it could not be found. */
export interface LabelHit {
  readonly key: string;
  readonly cell: CellPos;
  readonly text: string;
}

export interface SurveyRecord {
  readonly profileId: string;
  readonly layoutId: string;
  readonly role: "records" | "list";
  readonly sheet: string;
  /** Row of a table record (list sheets), absolute. */
  readonly row?: number;
  readonly id?: TextRead;
  readonly title?: TextRead;
  readonly tags: readonly string[];
  readonly repostOf?: string;
  readonly purpose?: TextRead;
  readonly group?: TextRead;
  readonly departments?: DepartmentsRead;
  readonly texts: Readonly<Partial<Record<"plan" | "result" | "next" | "reason" | "page", TextRead>>>;
  readonly codes: Readonly<Partial<Record<"eval1" | "eval2" | "status", CodeRead>>>;
  readonly indicators: readonly Indicator[];
  readonly periods: IndicatorPeriods;
  readonly tasks: readonly Task[];
  readonly yearHeaders: readonly YearHeader[];
  readonly yearlyResults: readonly ScheduleYearCell[];
  /** 対象年度 the sheet states (title), if any. */
  readonly fiscalYear?: { readonly value: number; readonly cell: CellPos; readonly text: string };
  /** Fields the profile lists that were expected but whose label is missing (LABEL-MISSING), with the cell to report. */
  readonly missingLabels: readonly string[];
  /** Field ids whose label was found, so rules know "empty" from "not in this layout". */
  readonly present: ReadonlySet<string>;
  /** Cells of the fields that were read but empty: REQUIRED-MISSING points here. */
  readonly emptyCells: Readonly<Partial<Record<string, CellPos>>>;
}
