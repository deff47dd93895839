/**
 * 前年度比較 (docs/compare.md): the comparison of last year's and this year's workbooks of one plan, as plain data
 * (JSON-safe, no records inside), for the CLI's output, the rules that need last year, and the summary sheet. Every
 * cell is an A1 address on the sheet of the item it belongs to (`last.sheet` or `this.sheet`).
 */
import type { LocalizedText } from "../i18n";
import type { YearSpan } from "../plan-period";

/** One side of a matched pair, or the only side of an item added or removed. */
export interface ItemRef {
  readonly sheet: string;
  /** The item's first cell: its No., else its title, else its first indicator. */
  readonly cell: string;
  readonly id?: string;
  /** The title, or for an indicator row without one, the indicator's name. */
  readonly name: string;
  /** 方針 / 基本方針 / 体系: what the summaries group by. */
  readonly group?: string;
  readonly departments: readonly string[];
  /** Marked ended (title `※…終了`, a word or a code the profile names). */
  readonly ended: boolean;
}

/**
 * continued: in both years. added / removed: in one only. ended: marked ended this year, or marked ended last year
 * and gone this year. restarted: marked ended last year, not this year. split / merged: one item last year is several
 * this year, or several are one (a row per pair, with the others in `partners`).
 */
export type ItemChange = "continued" | "added" | "removed" | "ended" | "restarted" | "split" | "merged";

/**
 * How a pair was found: the same No. (and a like title), a like title, the same No. with a new title, the same sheet,
 * or the user's correction (on a row of one side: the user said it has no pair).
 */
export type MatchedBy = "id" | "title" | "id-only" | "sheet" | "user";

export type RatingChange = "up" | "same" | "down" | "new" | "blank" | "unknown";

export interface RatingComparison {
  readonly field: "eval1" | "eval2" | "status";
  /** The field's name as this year's sheet labels it (1次評価, 実施状況). */
  readonly label: LocalizedText;
  readonly last?: string;
  readonly this?: string;
  /** up / down in the code order; new: none last year; blank: none this year; unknown: a code outside the order. */
  readonly change: RatingChange;
  /** Steps moved in the order (0 when same). */
  readonly steps: number;
  /** Down to the lowest code of the order. */
  readonly toLowest: boolean;
  /** A drop to be looked at: two steps or more, or to the lowest code. */
  readonly highlight: boolean;
  readonly lastCell?: string;
  readonly thisCell?: string;
}

export type IndicatorTrend = "better" | "same" | "worse" | "changed" | "undeterminable";

export interface IndicatorValue {
  readonly text: string;
  readonly cell: string;
  /** The column of a series the value came from (三鷹: `令和2(2020) 年度`), when not the indicator's own actual cell. */
  readonly from?: string;
}

export interface IndicatorComparison {
  readonly name: string;
  /** Last year's and this year's actual (the latest measured value); absent where the indicator is on one side only. */
  readonly last?: IndicatorValue;
  readonly this?: IndicatorValue;
  readonly direction?: "higher" | "lower" | "band";
  /** better / worse in the direction; changed: moved, with no direction known; undeterminable: not comparable. */
  readonly trend: IndicatorTrend;
  readonly metLast: boolean;
  readonly metNow: boolean;
  /** Met last year, unmet now. */
  readonly regressed: boolean;
  /** Where this year's actual is, or belongs. */
  readonly thisCell?: string;
}

export type TextVerdict = "identical" | "similar" | "new" | "empty";

export interface TextComparison {
  readonly field: string;
  readonly label: LocalizedText;
  /** identical after normalisation; similar: at or above the profile's threshold; new: below; empty: none this year. */
  readonly verdict: TextVerdict;
  /** 0…1, rounded to two places. */
  readonly similarity: number;
  /** Shorter than the profile's minLength: compared, but not reported as copied (`特になし`). */
  readonly short: boolean;
  readonly lastCell: string;
  readonly thisCell?: string;
}

/** Last year's text of `from` against this year's `to`, for a profile whose 年度更新 carries one into the other. */
export interface CarryComparison {
  readonly from: string;
  readonly to: string;
  readonly fromLabel: LocalizedText;
  readonly toLabel: LocalizedText;
  readonly reflected: boolean;
  readonly similarity: number;
  readonly lastCell: string;
  readonly thisCell?: string;
}

export interface ItemRow {
  readonly profileId: string;
  readonly change: ItemChange;
  readonly matchedBy?: MatchedBy;
  /** Both years have a No. and they differ. */
  readonly renumbered: boolean;
  readonly last?: ItemRef;
  readonly this?: ItemRef;
  /** For split and merged: the other items of the same split or merge (this year's, or last year's). */
  readonly partners?: readonly ItemRef[];
  readonly ratings: readonly RatingComparison[];
  readonly indicators: readonly IndicatorComparison[];
  readonly texts: readonly TextComparison[];
  readonly carry: readonly CarryComparison[];
}

export interface CompareTotals {
  readonly items: Readonly<Record<ItemChange, number>>;
  readonly renumbered: number;
  readonly ratings: readonly { readonly field: string; readonly up: number; readonly same: number; readonly down: number }[];
  readonly indicators: { readonly better: number; readonly same: number; readonly worse: number; readonly regressed: number };
  readonly texts: { readonly identical: number; readonly similar: number; readonly new: number };
}

export interface YearComparison {
  readonly lastYear?: number;
  readonly thisYear?: number;
  /** The profiles compared (in both workbooks). */
  readonly profiles: readonly string[];
  /** Profiles read in one workbook only: not compared. */
  readonly onlyLast: readonly string[];
  readonly onlyThis: readonly string[];
  /** Pairs first, in this year's order, then last year's items that have no pair. */
  readonly items: readonly ItemRow[];
  readonly totals: CompareTotals;
}

export type CompareRefusal =
  | { readonly kind: "no-records"; readonly side: "last" | "this" }
  | { readonly kind: "different-profiles"; readonly last: readonly string[]; readonly this: readonly string[] }
  | { readonly kind: "not-later"; readonly lastYear: number; readonly thisYear: number }
  | { readonly kind: "different-plans"; readonly profileId: string; readonly last: YearSpan; readonly this: YearSpan }
  | { readonly kind: "no-common-items"; readonly last: number; readonly this: number };

export type CompareResult = { readonly ok: true; readonly comparison: YearComparison } | { readonly ok: false; readonly refusal: CompareRefusal };
