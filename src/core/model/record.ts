/**
 * What the reader makes of a recognised sheet: records with every field's value AND the cell it came
 * from, so that each finding can point at the cell.
 */
import type { DepartmentList, ParsedCode, ParsedValue, DateRef } from "../values/types";
import type { Goal } from "../indicators/goals";
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
  /** Where the actual belongs when its cell is empty (the actual column on the indicator's row), for a finding to point at. */
  readonly actualCell?: CellPos;
  /** Every value of a series of columns (三鷹: 平成26年度, 平成30年度, 令和2年度 under 達成値), oldest first. */
  readonly series?: readonly { readonly fiscalYear?: number; readonly header: string; readonly value: IndicatorValueRead }[];
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

/** A plan cell under a fiscal-year header (武蔵野 年次計画). A ranged header (`平成 29～30 年度`) covers several years. */
export interface PlanCell {
  readonly fiscalYear: number;
  readonly toFiscalYear?: number;
  readonly text: string;
  /** The cell's value as written (a fix must know it exactly). */
  readonly raw: CellValue;
  readonly cell: CellPos;
}

/** One 年次計画 block: its year headers, its plan cells, an optional sub-item, and its 実施状況. */
export interface PlanRow {
  readonly headers: readonly YearHeader[];
  readonly cells: readonly PlanCell[];
  readonly subItem?: TextRead;
  readonly status?: CodeRead;
  /** Where the status belongs when it is empty: the cell under the first year header. */
  readonly statusAt: CellPos;
  /** The block's 実施状況 label, when it has one: only then is an empty status a missing one. */
  readonly statusLabel?: CellPos;
  /** The header row's label cell (年次計画). */
  readonly labelCell: CellPos;
}

/** A heading row a record sits under (基本方針 / 項 / 細目, 第N部 / 施策, 方向性, a banner). */
export interface HeadingRead {
  readonly level: number;
  readonly field: "group" | "section" | "subsection" | "category";
  readonly no?: string;
  readonly title: string;
  readonly text: string;
  readonly cell: CellPos;
}

export interface YearHeader {
  readonly fiscalYear: number;
  readonly text: string;
  readonly cell: CellPos;
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
  readonly section?: TextRead;
  readonly subsection?: TextRead;
  readonly category?: TextRead;
  readonly headings?: readonly HeadingRead[];
  readonly departments?: DepartmentsRead;
  readonly texts: Readonly<Partial<Record<"plan" | "result" | "next" | "reason" | "page" | "unit" | "targetType" | "note" | "planNext", TextRead>>>;
  readonly codes: Readonly<Partial<Record<"eval1" | "eval2" | "status", CodeRead>>>;
  readonly indicators: readonly Indicator[];
  readonly periods: IndicatorPeriods;
  readonly tasks: readonly Task[];
  readonly yearHeaders: readonly YearHeader[];
  /** 年次計画 blocks (武蔵野); the record's status is the least advanced of theirs. */
  readonly plans?: readonly PlanRow[];
  /** Marks written with the title, such as 主要 / 【主要】. */
  readonly marks?: readonly string[];
  /** The item ended before this year (`※令和4年度までをもって終了`). */
  readonly ended?: boolean;
  /** Numeric goals read out of the text of the columns the profile marks (`50%以上を目指す(令和3年4月1日現在:0%)`). */
  readonly goals?: readonly Goal[];
  /** The id as written, when it was normalised (`3 - (12)` → `3-(12)`). */
  readonly idWritten?: string;
  readonly yearlyResults: readonly ScheduleYearCell[];
  /** 対象年度 the sheet states (title), if any. */
  readonly fiscalYear?: { readonly value: number; readonly cell: CellPos; readonly text: string };
  /** Fields the profile lists that were expected but whose label is missing (LABEL-MISSING), with the cell to report. */
  readonly missingLabels: readonly string[];
  /** Field ids whose label was found, so rules know "empty" from "not in this layout". */
  readonly present: ReadonlySet<string>;
  /** Cells of the fields that were read but empty: REQUIRED-MISSING points here. */
  readonly emptyCells: Readonly<Partial<Record<string, CellPos>>>;
  /** Each field's label as written on the sheet, by field id: names a field whose profile label has a year in it. */
  readonly labelsRead?: Readonly<Partial<Record<string, string>>>;
  /** Where each of those labels sits (form layouts), so label text is checked too (ERA-MISMATCH). */
  readonly labelCells?: Readonly<Partial<Record<string, CellPos>>>;
}
