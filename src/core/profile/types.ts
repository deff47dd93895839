/**
 * Profiles are data (docs/profiles.md): how to recognise a sheet, where each field sits relative to its
 * label, which code sets apply, which rules run. These types mirror profile.schema.json.
 */
import type { LocalizedText } from "../i18n";
import type { CodeSet } from "../values/types";

/** Field ids are roles the rules and summaries understand; a profile says where each one is. */
export type FieldId =
  | "id"
  | "title"
  | "tags"
  | "repostOf"
  | "purpose"
  | "group"
  | "departments"
  | "plan"
  | "result"
  | "next"
  | "eval1"
  | "eval2"
  | "status"
  | "reason"
  | "indicators"
  | "tasks"
  | "yearlyResults"
  | "fiscalYear"
  | "page"
  | "section"
  | "subsection"
  | "category"
  | "plans"
  | "marks"
  | "indicator"
  | "baseline"
  | "target"
  | "actual"
  | "unit"
  | "targetType"
  | "note"
  | "goals"
  | "ended"
  | "planNext";

export type Stage = "提出前" | "本部評価後";
export const STAGES: readonly Stage[] = ["提出前", "本部評価後"];
/** The stage when nobody chose one: the department is still filling in, so the 2次評価 is not yet required. */
export const DEFAULT_STAGE: Stage = "提出前";

/**
 * A label as written in the sheet. Matching happens after normalisation (NFKC, no whitespace, no HTML).
 * `*` matches any text; `{FY}` matches a fiscal year (平成29 / 令和2 / R5 / 2020 …). The whole cell must match.
 */
export interface LabelSpec {
  readonly text: readonly string[];
  /** Several cells carry this label (year headers). */
  readonly multiple?: boolean;
}

/** unless-ended: not for an item whose title says it ended (`※令和4年度までをもって終了`). */
export type RequiredWhen = "always" | "final-stage" | "unless-parent" | "unless-ended" | "never";

interface FieldBase {
  readonly id: FieldId;
  /** The label key (in `labels`) the field is read relative to. */
  readonly label: string;
  readonly required?: RequiredWhen;
  /** Excel's limit is 32,767; a profile may set a lower one for a field (TEXT-TOO-LONG). */
  readonly maxLength?: number;
}

/** A single value below its label (header layouts) or right of it (label-left layouts). */
export interface TextField extends FieldBase {
  readonly type: "text";
  readonly at: "below" | "right";
}

export interface DepartmentField extends FieldBase {
  readonly type: "department-list";
  readonly at: "below" | "right";
}

/** A rating or status code; the comment may sit in the cell below the code, or in the same cell. */
export interface CodeField extends FieldBase {
  readonly type: "code";
  readonly at: "below" | "right";
  readonly codeSet: string;
  readonly comment?: "below" | "same-cell";
}

/** `No.{id} {title} ⏎ <目的・ねらい> ⏎ ・{purpose}` in one cell. */
export interface ItemHeadingField extends FieldBase {
  readonly type: "item-heading";
  readonly at: "below" | "right";
  /** The marker before the purpose, e.g. `<目的・ねらい>`. */
  readonly purposeMarker?: string;
}

/** Title text with 【tags】 and a repost note such as 【No.15の再掲】. */
export interface TitleField extends FieldBase {
  readonly type: "title";
  readonly at: "below" | "right";
}

/** Indicator rows (one per row, or ①② packed in one cell) under four header labels. */
export interface IndicatorRowsField extends Omit<FieldBase, "label"> {
  readonly type: "indicator-rows";
  readonly label: string; // the indicator-name column
  readonly baseline: string;
  readonly target: string;
  readonly actual: string;
}

/** Schedule rows: a task column and one column per fiscal-year header. */
export interface ScheduleRowsField extends Omit<FieldBase, "label"> {
  readonly type: "schedule-rows";
  readonly label: string; // the task column
  readonly years: string; // the label key of the year headers (multiple)
}

/** One value below each of several year headers (`平成29年度実績` …). */
export interface YearValuesField extends FieldBase {
  readonly type: "year-values";
}

/** The 対象年度 read from a label cell itself (the sheet title). */
export interface FiscalYearField extends FieldBase {
  readonly type: "fiscal-year";
}

/**
 * Plan blocks (武蔵野 年次計画): a header row with the label and fiscal-year headers, a row of plan cells (an optional
 * sub-item in the columns before the first year), then a status row whose code sits under the first year header.
 * The block may repeat within a record.
 */
export interface PlanBlocksField extends Omit<FieldBase, "label"> {
  readonly type: "plan-blocks";
  readonly label: string; // 年次計画
  readonly years: string; // the fiscal-year header label key (multiple)
  readonly status: string; // 実施状況
  readonly codeSet: string;
}

export type FormField =
  | TextField
  | DepartmentField
  | CodeField
  | ItemHeadingField
  | TitleField
  | IndicatorRowsField
  | ScheduleRowsField
  | YearValuesField
  | FiscalYearField
  | PlanBlocksField;

/** A column of a table layout: every data row has one value in it. */
export interface TableColumn {
  readonly id: FieldId;
  /**
   * The header label key. A column without a header is placed `offset` columns from another column (`relativeTo`);
   * a column with both is placed so only on a sheet whose header band lacks its label.
   */
  readonly label?: string;
  readonly relativeTo?: FieldId;
  readonly offset?: number;
  /**
   * text, code, department-list, title (with 【tags】 and repost note), id (No., circled numbers too),
   * indicator-value (one figure), indicator-series (several columns under one merged header or one repeated
   * label, each with its fiscal year; the latest filled one is the actual), schedule (the task column, and one
   * column per fiscal-year header `years` to its right in the same header row; the record's `tasks`).
   */
  readonly type: "text" | "code" | "department-list" | "title" | "id" | "indicator-value" | "indicator-series" | "schedule";
  readonly codeSet?: string;
  /** For a schedule: the label key of the fiscal-year headers (multiple). */
  readonly years?: string;
  /** Numeric goals written in this column's text are read into the record's `goals`. */
  readonly goals?: boolean;
  /**
   * For a title column: the cell may start with the record's number (`1 協働推進体制の充実`, `No.3 …`, `(3) …`,
   * full-width digits too). The number is the row's id unless an id column gives one; it is never part of the title.
   */
  readonly idInTitle?: boolean;
  /** The group column is filled on a group's first row only; carry it down. */
  readonly carryDown?: boolean;
  readonly required?: RequiredWhen;
}

/**
 * A heading row above records (基本方針 / 項 / 細目, 第N部 / 施策, 方向性, a banner): the row's first non-empty cell,
 * after NFKC and with spaces collapsed, matches `pattern`. A heading resets the deeper levels below it.
 */
export interface HeadingSpec {
  readonly level: 1 | 2 | 3;
  /** What the heading sets on the records under it. */
  readonly field: "group" | "section" | "subsection" | "category";
  /** Regex source; named groups `no`, `title` and `departments` are kept. */
  readonly pattern: string;
}

/** How a stacked record starts: at every occurrence of a label, or at a cell matching a pattern. */
export interface RecordStart {
  readonly label?: string;
  /** Regex source for the start cell; named group `id` gives the record's id. */
  readonly pattern?: string;
  /** Cells to the right of the start cell that hold fields of the record (title, departments …). */
  readonly cells?: readonly { readonly id: FieldId; readonly offset: number; readonly type: "text" | "title" | "department-list" }[];
}

interface LayoutBase {
  readonly id: string;
  readonly name: LocalizedText;
  readonly labels: Readonly<Record<string, LabelSpec>>;
  /** Label keys whose share found decides recognition (the best score at or above the threshold wins). */
  readonly recognition: { readonly required: readonly string[]; readonly threshold?: number };
  /**
   * "records": each sheet (or region) is a record; "list": rows that summarise records kept elsewhere
   * (評価一覧, 目次), compared with them by LIST-MISMATCH.
   */
  readonly role: "records" | "list";
}

export interface FormLayout extends LayoutBase {
  readonly shape: "form";
  /** one: the sheet is one record (小平 調査票); stacked: records follow each other down the sheet (武蔵野, 三鷹). */
  readonly recordsPerSheet: "one" | "stacked";
  readonly recordStart?: RecordStart;
  readonly headings?: readonly HeadingSpec[];
  readonly fields: readonly FormField[];
}

export interface TableLayout extends LayoutBase {
  readonly shape: "table";
  readonly columns: readonly TableColumn[];
  readonly headings?: readonly HeadingSpec[];
  /** The header repeats, one band per block (三鷹's 施策 tables): each data row belongs to the band above it. */
  readonly repeatHeader?: boolean;
  /** A label key for a header row under the labels (fiscal years under 計画策定時 / 達成値 / 目標値). */
  readonly subHeader?: string;
  /** A data row is a record only if one of these columns holds a value (a notes row is not a record). */
  readonly requireAny?: readonly FieldId[];
}

export type Layout = FormLayout | TableLayout;

export type Severity = "error" | "warning" | "info";

export interface RuleSetting {
  readonly enabled?: boolean;
  readonly severity?: Severity;
  /** Rule parameters (documented per rule). */
  readonly params?: Readonly<Record<string, unknown>>;
}

export interface GroupSpec {
  readonly name: LocalizedText; // 方針, 基本方針, 体系 …
  /** Known groups in order; records carry their group's text. */
  readonly order?: readonly string[];
}

/**
 * How an indicator's direction is decided when its target has no comparator (docs/values.md, Achievement):
 * a per-indicator setting (matched on the indicator's name), else the profile's default, else inferred from t vs b.
 */
export interface IndicatorSettings {
  readonly defaultDirection?: "higher" | "lower" | "infer";
  /** Indicator name (or a part of it) → direction. */
  readonly directions?: Readonly<Record<string, "higher" | "lower">>;
}

/**
 * 年度更新 for one layout (docs/rollover.md): what moves on to next year's sheet and what is cleared. Fields not named
 * here stay as they are (the item's texts, 現状値, 目標値, the 工程表).
 */
export interface RolloverLayout {
  /**
   * The cells that carry the year being reported (the title, `平成29年度当初予定(P)`): their years move on. Each entry
   * is a label key of the layout, or a label pattern with `*` or `{FY}` for a header no field reads (`*年度下半期評価`).
   */
  readonly shiftYears?: readonly string[];
  /** This year's text of one field becomes next year's of another: 課題と今後の取組(A) → 当初予定(P). */
  readonly carry?: readonly { readonly from: FieldId; readonly to: FieldId }[];
  /** This year's value of a field (下半期値) goes into its year's cell of a year-values field (`平成29年度実績`). */
  readonly yearValue?: { readonly from: FieldId; readonly to: FieldId };
  /** Fields whose cells are cleared; a code's comment goes with it. */
  readonly clear?: readonly FieldId[];
  /**
   * For a sheet that states no 対象年度 of its own: the field whose header names the year being reported
   * (推進プログラム: `令和5年度当初予定・設定目標` is this year's plan).
   */
  readonly yearOf?: FieldId;
}

export interface RolloverSpec {
  /** By layout id; a layout not listed is not rolled (its sheets are copied as they are, and the report says so). */
  readonly layouts: Readonly<Record<string, RolloverLayout>>;
  /**
   * Items that ended this year can be left out of next year's workbook: an item whose title notes it ended
   * (`※…終了`), or whose text in one of `fields` is, or starts with, one of `words` (`完了`, `廃止（…）`).
   */
  readonly ended?: { readonly words: readonly string[]; readonly fields?: readonly FieldId[] };
}

/**
 * 前年度比較 (docs/compare.md): what is compared between last year's and this year's workbooks of the profile. Absent:
 * items are still matched and reported added or removed, nothing else is compared.
 */
export interface CompareSpec {
  /** Ratings and statuses, each with its codes best first; without `order`, the code set the field reads, as listed. */
  readonly ratings?: readonly { readonly field: "eval1" | "eval2" | "status"; readonly order?: readonly string[] }[];
  /** Last year's actual of each indicator against this year's, in the indicator's direction. */
  readonly indicators?: boolean;
  /** Texts compared as identical, nearly identical (similarity at or above `threshold`, 0.9 by default) or new. */
  readonly texts?: { readonly fields: readonly FieldId[]; readonly threshold?: number; readonly minLength?: number };
  /** Titles at least this similar name the same item (更なる / さらなる); 0.8 by default. */
  readonly titleThreshold?: number;
  /**
   * What marks an item ended, besides its title (`※…終了`): a text in `fields` that is or starts with one of `words`,
   * or a code in `codes` (field id → codes, 武蔵野 ◎ 完了). Without it, the rollover section's `ended`.
   */
  readonly ended?: {
    readonly words?: readonly string[];
    readonly fields?: readonly FieldId[];
    readonly codes?: Readonly<Partial<Record<"eval1" | "eval2" | "status", readonly string[]>>>;
  };
}

export interface Profile {
  readonly id: string;
  readonly name: LocalizedText;
  readonly description?: LocalizedText;
  readonly layouts: readonly Layout[];
  readonly codeSets: Readonly<Record<string, CodeSet>>;
  readonly groups?: GroupSpec;
  readonly indicators?: IndicatorSettings;
  /**
   * Words that mark an item when written with its title, as a 【tag】 or at its start (三鷹's `【主要】`, `主要 …`):
   * they leave the title and its tags for the record's `marks`.
   */
  readonly titleMarks?: readonly string[];
  /** 年度更新: how next year's workbook is made from this year's; absent when the format cannot roll. */
  readonly rollover?: RolloverSpec;
  /** 前年度比較: what is compared with last year's workbook (docs/compare.md). */
  readonly compare?: CompareSpec;
  readonly rules: Readonly<Record<string, RuleSetting>>;
}
