/**
 * Typed results of reading cell values (docs/values.md). Parsers never throw: whatever they cannot
 * read goes into `issues`, which the rules turn into findings.
 */

/** ≥ ≤ < > from 以上 以下/以内/を超えないこと 未満 超; "maintain" from 維持 (reference: the baseline). */
export type Comparator = ">=" | "<=" | "<" | ">" | "maintain";

/** Kanji multipliers written in the value. `千` only counts before 円 (`406,000千円`). */
export type Multiplier = "万" | "億" | "千万" | "千" | "百万";

/** A half-open band such as `80%台` = [80, 90). */
export interface Band {
  readonly lo: number;
  readonly hi: number;
}

/** A wareki or western date, as precise as the text says. Months and days are 1-based. */
export interface DateRef {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

export type QualifierKind =
  | "fiscal-year" // (平成31年度), (令和4年度)
  | "fiscal-year-end" // (平成29年度末) = 31 March of the following calendar year
  | "as-of" // (平成30年2月末時点), (令和3年4月1日現在:0%)
  | "basis" // (予算) (実績値) (計画目標値) (当初調定額) … possibly with a year: (H27実績値)
  | "note-ref" // (注2)
  | "other";

export interface Qualifier {
  /** The text inside the parentheses, exactly as written (full-width parentheses removed). */
  readonly text: string;
  readonly kind: QualifierKind;
  /** Fiscal year (April–March) the qualifier names, e.g. 平成31年度 → 2019. */
  readonly fiscalYear?: number;
  /** The calendar date it names, when it names one (年度末 → 31 March; 2月末 → last day of February). */
  readonly date?: DateRef;
  /** Basis word without the year: 実績値, 計画目標値, 予算, 当初調定額, 決算 … */
  readonly basis?: string;
  /** A value written inside the qualifier: `(令和3年4月1日現在:0%)`, `(現状値:5件)`. */
  readonly quantity?: Quantity;
}

/** One number in a value cell, with everything written around it. */
export interface Quantity {
  /** The number as written, digits normalised (`1万人` → 1, `9,855人` → 9855). Negative when `△`/`▲` marks it. */
  readonly number: number;
  /** The number after the multiplier (`1万人` → 10000; `406,000千円` → 406000000). */
  readonly value: number;
  readonly multiplier?: Multiplier;
  /** The base unit: a counter (人 件 回 団体 …), `%`, `円`, `g`, `ha`, `km`, `kW`, `m³`, `t-CO2`, `事務`, `本` … Absent for a bare number. */
  readonly unit?: string;
  /** The unit exactly as written, multiplier included (`千円`, `万件`, `億円`), for messages. */
  readonly writtenUnit?: string;
  /** Per-suffix without the slash: `年`, `人日`, `1人`, `月`. */
  readonly per?: string;
  /** `延べ` or `月額` written before the number. */
  readonly prefix?: string;
  readonly comparator?: Comparator;
  /** The comparator as written (`以上`, `を超えないこと` …). */
  readonly comparatorText?: string;
  readonly band?: Band;
  /** `約`, `概ね`, `おおむね`, `程度` … was written: the number is approximate. */
  readonly approximate?: boolean;
}

export interface ValuePart extends Quantity {
  /** Label of a sub-value: `市との協働事業数` in `市との協働事業数:73`, `小平市文化振興財団` in `・小平市文化振興財団 6,800万円`. */
  readonly label?: string;
  /** Group heading that precedes labelled parts: `<市税>`, `市税徴収率`. */
  readonly group?: string;
  /** True for a breakdown part written inside parentheses: `(スポーツボランティア延べ124人)`. */
  readonly inParentheses: boolean;
  /** Qualifiers written directly after this number: `10団体(平成31年度)`. */
  readonly qualifiers: readonly Qualifier[];
  /** The circled number of the segment this part came from, when one cell held several (`①… ②…`). */
  readonly marker?: string;
}

export type ValueKind =
  | "empty" // nothing in the cell
  | "number" // a numeric cell (Excel type), possibly percent-formatted
  | "simple" // one quantity in text: `①9,855人`, `4地区以上`
  | "multi" // several quantities: labelled parts, total + breakdown, bullets, several bases
  | "sentence" // a sentence with an embedded value: `…計画 1件以上`
  | "placeholder" // `-` `—` `―` `ー` `－` `−` alone: no value (not zero)
  | "copy-left" // `同左`: copies the nearest value on the left
  | "note" // `※…` only
  | "relative" // `前年度以上`, `法定外繰入額の減`: a target relative to something else
  | "qualitative" // a target with no number (`維持` alone is `relative` with comparator maintain)
  | "year-table" // a flattened multi-year table (`H29 1,130 85.0 442,000 H30 …`)
  | "error" // an Excel error value (#REF! …)
  | "unparseable"; // text that is none of the above

export interface YearTable {
  /** Column names, e.g. ["会員数", "就業率", "契約金額"]. */
  readonly columns: readonly string[];
  /** One unit per column, e.g. ["人", "%", "千円"]. */
  readonly units: readonly string[];
  readonly rows: readonly { readonly fiscalYear: number; readonly label: string; readonly values: readonly number[] }[];
}

export interface RelativeTarget {
  readonly text: string;
  /** decrease: `…の減`; increase: `…の増`; previous: `前年度以上` (against last year's actual); maintain: `維持`. */
  readonly kind: "decrease" | "increase" | "at-least-previous" | "maintain";
}

export interface ParsedValue {
  readonly raw: string;
  readonly kind: ValueKind;
  /** The circled number the cell (segment) starts with: `①`. */
  readonly marker?: string;
  readonly parts: readonly ValuePart[];
  /** Qualifiers that apply to the whole cell (a trailing `(平成30年3月末時点)` after several parts). */
  readonly qualifiers: readonly Qualifier[];
  /** `※…` remarks, without the `※`. */
  readonly notes: readonly string[];
  readonly relative?: RelativeTarget;
  readonly yearTable?: YearTable;
  /** The Excel error code when kind is "error". */
  readonly errorCode?: string;
  /** The date of a date-typed cell (kind "qualitative"): a value cell that Excel turned into a date. */
  readonly date?: DateRef;
  /** True when the cell was a string that holds only a number (`"13"`): NUMBER-AS-TEXT. */
  readonly numberAsText?: boolean;
  /** What the parser could not read, in plain words (English, for logs and tests; rules word the findings). */
  readonly issues: readonly string[];
}

/** One `①…` segment of a cell that packs several indicators. */
export interface MarkedSegment {
  /** `①`…`⑳`, or undefined for text before the first marker / an unmarked cell. */
  readonly marker?: string;
  /** 1 for ①, 2 for ② …; undefined when unmarked. */
  readonly index?: number;
  /** The segment text including its marker, trimmed. */
  readonly text: string;
}

// ---------------------------------------------------------------- codes

export interface CodeDefinition {
  readonly code: string; // canonical: "S", "○"
  readonly meaning: { readonly ja: string; readonly en: string };
}

export interface CodeSet {
  readonly id: string; // "rating-sab", "status-symbols"
  readonly codes: readonly CodeDefinition[];
  /** Extra accepted variants beyond the built-in ones: variant text → canonical code. */
  readonly variants?: Readonly<Record<string, string>>;
  /** `▲` for `△` only when the profile says so (▲ also means minus). */
  readonly acceptBlackTriangle?: boolean;
}

export type CodeStatus = "ok" | "variant" | "invalid" | "empty";

export interface ParsedCode {
  readonly raw: string;
  readonly status: CodeStatus;
  /** The canonical code for ok/variant. */
  readonly code?: string;
  /** Text after the code in the same cell (`A No.2-7については…` → the comment). */
  readonly comment?: string;
  /**
   * For a variant: the exact text the cell should hold after the fix (the canonical code, plus the
   * comment when the cell also holds one).
   */
  readonly fixedText?: string;
}

// ---------------------------------------------------------------- departments

export interface Department {
  /** The name without notes: `公共施設マネジメント課`. */
  readonly name: string;
  /** A note kept with the name: `旧財産管理課`, `平成30年度より資産活用課`. */
  readonly note?: string;
}

export interface DepartmentList {
  readonly departments: readonly Department[];
  /** `他` ("and others") was written. */
  readonly andOthers: boolean;
  /** Wildcards written in the list: `各所管課`, `全課`, `各課`, `施設所管課` are kept as departments too; this lists them. */
  readonly wildcards: readonly string[];
}

// ---------------------------------------------------------------- years

export type Era = "明治" | "大正" | "昭和" | "平成" | "令和";

export interface FiscalYearRef {
  /** Western fiscal year (April–March): 平成29年度 → 2017. */
  readonly fiscalYear: number;
  readonly era?: Era;
  /** Era year as written (元 → 1). */
  readonly eraYear?: number;
  /** Western year written in a pair such as `令和2(2020)年度`. */
  readonly westernWritten?: number;
  /** For a ranged header `平成 29～30 年度`: the last fiscal year. */
  readonly toFiscalYear?: number;
  /** Problems: "era-mismatch" (pair disagrees), "era-year-invalid" (令和0年, 平成0年). */
  readonly problems: readonly ("era-mismatch" | "era-year-invalid")[];
}
