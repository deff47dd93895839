/**
 * Eras, fiscal years (April–March) and dates (docs/values.md "Eras, fiscal years, dates").
 * Era arithmetic continues past the end of an era: the samples write 平成32年度 (= 2020) and 平成34年度.
 */
import type { DateRef, Era, FiscalYearRef } from "./types";

/** Western year of era year 1, minus one: 平成N = 1988 + N. */
const ERA_OFFSET: Readonly<Record<Era, number>> = { 明治: 1867, 大正: 1911, 昭和: 1925, 平成: 1988, 令和: 2018 };
const ABBR_ERA: Readonly<Record<string, Era>> = { M: "明治", T: "大正", S: "昭和", H: "平成", R: "令和" };

export type WarekiKind =
  | "fiscal-year" // 平成29年度, 令和2(2020)年度, 平成29～30年度, 2020年度
  | "fiscal-year-end" // 平成29年度末
  | "date" // 平成30年3月末, 令和3年4月1日, H30.3
  | "year" // 平成21年 (calendar year)
  | "era-year"; // H29, 平成29 with nothing after

/** One era or western year expression found at a position. */
export interface WarekiMatch {
  readonly start: number;
  readonly end: number;
  readonly kind: WarekiKind;
  /** Set for fiscal-year, fiscal-year-end and era-year. */
  readonly fiscalYear?: FiscalYearRef;
  /** Set for date, year and fiscal-year-end (31 March after the year); absent when the date is impossible. */
  readonly date?: DateRef;
  /** A month or day that cannot exist (13月, 2月30日). */
  readonly invalidDate?: boolean;
}

const ERA = "明治|大正|昭和|平成|令和";
const RANGE = "[~〜～\\-−–]";

/**
 * Era form at a position. Groups: 1 era, 2 abbreviation, 3 year, 4 western pair; then one of
 * 5 年度末 | range (6 first 年度, 7 era, 8 abbr, 9 year, 10 pair, 11 末) | 12 年度 |
 * 13 month, 14 day, 15 末 | 16 年 | 17 month, 18 day (dotted, H30.3.31).
 */
const ERA_RE = new RegExp(
  `(?:(${ERA})|(?<![A-Za-z])([MTSHR]))\\s*(元|\\d{1,3})(?!\\d)` +
    `(?:\\s*\\(\\s*(\\d{4})\\s*\\))?` +
    `(?:` +
    `(\\s*年度\\s*末)` +
    `|(\\s*年度)?\\s*${RANGE}\\s*(?:(${ERA})|([MTSHR]))?\\s*(元|\\d{1,3})(?!\\d)\\s*(?:\\(\\s*(\\d{4})\\s*\\)\\s*)?年度(\\s*末)?` +
    `|(\\s*年度)` +
    `|\\s*年\\s*(\\d{1,2})\\s*月(?:\\s*(\\d{1,2})\\s*日|\\s*(末))?` +
    `|(\\s*年)(?!度)` +
    `|\\.(\\d{1,2})(?:\\.(\\d{1,2}))?(?!\\d)` +
    `)?`,
  "y",
);

/**
 * Western form at a position. Groups: 1 year, 2 era, 3 abbr, 4 era year (a pair `2020(令和2)`); then
 * 5 年度末 | 6 年度 (7 range end) | 8 month, 9 day, 10 末 | 11 年 | 12/13/14 y/m/d with slashes.
 */
const WESTERN_RE = new RegExp(
  `(?<![\\d,.])(1[89]\\d\\d|2[01]\\d\\d)(?!\\d)\\s*(?:\\(\\s*(?:(${ERA})|([MTSHR]))\\s*(元|\\d{1,3})\\s*\\)\\s*)?` +
    `(?:(年度\\s*末)|(年度)(?:\\s*${RANGE}\\s*(\\d{4})\\s*年度)?|年\\s*(\\d{1,2})\\s*月(?:\\s*(\\d{1,2})\\s*日|\\s*(末))?|(年)(?!度))`,
  "y",
);
const WESTERN_SLASH_RE = /(?<![\d,.])(1[89]\d\d|2[01]\d\d)\/(\d{1,2})\/(\d{1,2})(?!\d)/y;

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Last day of a month (1-based month). */
export function lastDayOfMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : DAYS[month - 1] ?? 31;
}

function eraNumber(s: string): number {
  return s === "元" ? 1 : parseInt(s, 10);
}

/** Newest first: a year belongs to the first era whose year 1 it has reached. */
const ERAS_NEWEST_FIRST = (Object.keys(ERA_OFFSET) as Era[]).sort((a, b) => ERA_OFFSET[b] - ERA_OFFSET[a]);

/**
 * The era a (fiscal) year is printed in, and its number there: an era's first year counts as its own (fiscal 2019
 * is 令和元, 1989 is 平成元), never 令和0 or 令和-1. 2017 → 平成 29; 2019 → 令和 1; 2020 → 令和 2. Years before
 * 明治 stay in 明治 (numbers below 1), which no 調査票 writes.
 */
export function eraYearOf(year: number): { readonly era: Era; readonly year: number } {
  const era = ERAS_NEWEST_FIRST.find((e) => year > ERA_OFFSET[e]) ?? "明治";
  return { era, year: year - ERA_OFFSET[era] };
}

/** Year `year` of `era` continued past the era's end, as the samples do (平成32 for 2020): 2020 in 平成 → 32. */
export function yearInEra(era: Era, year: number): number {
  return year - ERA_OFFSET[era];
}

/** 元 for an era's first year, the number otherwise: 平成元, 平成29. */
export function eraNumberText(n: number): string {
  return n === 1 ? "元" : String(n);
}

/** A (fiscal) year in the era of its time, as every message and summary prints it: 2017 → 平成29; 2019 → 令和元. */
export function warekiYear(year: number): string {
  const { era, year: n } = eraYearOf(year);
  return `${era}${eraNumberText(n)}`;
}

/** 平成N → 1988 + N (no upper bound: 平成34 = 2022). */
export function eraToWestern(era: Era, year: number): number {
  return ERA_OFFSET[era] + year;
}

/** 31 March of the calendar year after the fiscal year. */
export function fiscalYearEnd(fy: number): DateRef {
  return { year: fy + 1, month: 3, day: 31 };
}

/** The fiscal year (April–March) a date falls in; a bare year counts as its own fiscal year. */
export function fiscalYearOfDate(d: DateRef): number {
  return d.month !== undefined && d.month < 4 ? d.year - 1 : d.year;
}

function makeDate(year: number, month: number | undefined, day: number | undefined, endOfMonth: boolean): DateRef | null {
  if (month === undefined) return { year };
  if (month < 1 || month > 12) return null;
  const last = lastDayOfMonth(year, month);
  if (endOfMonth) return { year, month, day: last };
  if (day === undefined) return { year, month };
  if (day < 1 || day > last) return null;
  return { year, month, day };
}

type Problem = FiscalYearRef["problems"][number];

function fyRef(
  era: Era | undefined,
  eraYear: number | undefined,
  western: number,
  westernWritten: number | undefined,
  to: number | undefined,
  problems: Problem[],
): FiscalYearRef {
  const out: {
    fiscalYear: number;
    era?: Era;
    eraYear?: number;
    westernWritten?: number;
    toFiscalYear?: number;
    problems: readonly Problem[];
  } = { fiscalYear: western, problems: Array.from(new Set(problems)) };
  if (era !== undefined) out.era = era;
  if (eraYear !== undefined) out.eraYear = eraYear;
  if (westernWritten !== undefined) out.westernWritten = westernWritten;
  if (to !== undefined) out.toFiscalYear = to;
  return out;
}

function matchEra(t: string, pos: number): WarekiMatch | null {
  ERA_RE.lastIndex = pos;
  const m = ERA_RE.exec(t);
  if (!m) return null;
  const era = (m[1] as Era | undefined) ?? ABBR_ERA[m[2] ?? ""];
  if (!era) return null;
  const eraYear = eraNumber(m[3]);
  const western = eraToWestern(era, eraYear);
  const problems: Problem[] = [];
  if (eraYear === 0) problems.push("era-year-invalid");
  let written: number | undefined;
  if (m[4] !== undefined) {
    written = parseInt(m[4], 10);
    if (written !== western) problems.push("era-mismatch");
  }
  const end = ERA_RE.lastIndex;
  const base = { start: pos, end };
  if (m[5] !== undefined) {
    const fy = fyRef(era, eraYear, western, written, undefined, problems);
    return { ...base, kind: "fiscal-year-end", fiscalYear: fy, date: fiscalYearEnd(western) };
  }
  if (m[9] !== undefined) {
    const era2 = (m[7] as Era | undefined) ?? (m[8] ? ABBR_ERA[m[8]] : undefined) ?? era;
    const y2 = eraNumber(m[9]);
    if (y2 === 0) problems.push("era-year-invalid");
    const to = eraToWestern(era2, y2);
    if (m[10] !== undefined && parseInt(m[10], 10) !== to) problems.push("era-mismatch");
    const fy = fyRef(era, eraYear, western, written, to, problems);
    if (m[11] !== undefined) return { ...base, kind: "fiscal-year-end", fiscalYear: fy, date: fiscalYearEnd(to) };
    return { ...base, kind: "fiscal-year", fiscalYear: fy };
  }
  if (m[12] !== undefined) return { ...base, kind: "fiscal-year", fiscalYear: fyRef(era, eraYear, western, written, undefined, problems) };
  const month = m[13] ?? m[17];
  if (month !== undefined) {
    const dayText = m[14] ?? m[18];
    const d = makeDate(western, parseInt(month, 10), dayText !== undefined ? parseInt(dayText, 10) : undefined, m[15] !== undefined);
    return d ? { ...base, kind: "date", date: d } : { ...base, kind: "date", invalidDate: true };
  }
  if (m[16] !== undefined) return { ...base, kind: "year", date: { year: western } };
  return { ...base, kind: "era-year", fiscalYear: fyRef(era, eraYear, western, written, undefined, problems) };
}

function matchWestern(t: string, pos: number): WarekiMatch | null {
  WESTERN_SLASH_RE.lastIndex = pos;
  const s = WESTERN_SLASH_RE.exec(t);
  if (s) {
    const d = makeDate(parseInt(s[1], 10), parseInt(s[2], 10), parseInt(s[3], 10), false);
    const base = { start: pos, end: WESTERN_SLASH_RE.lastIndex, kind: "date" as const };
    return d ? { ...base, date: d } : { ...base, invalidDate: true };
  }
  WESTERN_RE.lastIndex = pos;
  const m = WESTERN_RE.exec(t);
  if (!m) return null;
  const year = parseInt(m[1], 10);
  const problems: Problem[] = [];
  let era: Era | undefined;
  let eraYear: number | undefined;
  const eraName = (m[2] as Era | undefined) ?? (m[3] ? ABBR_ERA[m[3]] : undefined);
  if (eraName && m[4] !== undefined) {
    era = eraName;
    eraYear = eraNumber(m[4]);
    if (eraYear === 0) problems.push("era-year-invalid");
    if (eraToWestern(eraName, eraYear) !== year) problems.push("era-mismatch");
  }
  const base = { start: pos, end: WESTERN_RE.lastIndex };
  // The western year is what the text leads with; a pair written after it is the check.
  const written = era !== undefined ? year : undefined;
  const fyYear = era !== undefined && eraYear !== undefined ? eraToWestern(era, eraYear) : year;
  if (m[5] !== undefined) {
    return { ...base, kind: "fiscal-year-end", fiscalYear: fyRef(era, eraYear, fyYear, written, undefined, problems), date: fiscalYearEnd(fyYear) };
  }
  if (m[6] !== undefined) {
    const to = m[7] !== undefined ? parseInt(m[7], 10) : undefined;
    return { ...base, kind: "fiscal-year", fiscalYear: fyRef(era, eraYear, fyYear, written, to, problems) };
  }
  if (m[8] !== undefined) {
    const d = makeDate(year, parseInt(m[8], 10), m[9] !== undefined ? parseInt(m[9], 10) : undefined, m[10] !== undefined);
    return d ? { ...base, kind: "date", date: d } : { ...base, kind: "date", invalidDate: true };
  }
  return { ...base, kind: "year", date: { year } };
}

/**
 * The era or western year expression that starts exactly at `pos`, or null. The text must already
 * have ASCII digits and parentheses (see prepareWarekiText, or the value character map).
 */
export function matchWarekiAt(t: string, pos: number): WarekiMatch | null {
  const c = t.charCodeAt(pos);
  if (c >= 0x30 && c <= 0x39) return matchWestern(t, pos);
  return matchEra(t, pos);
}

const TILDE_RE = /〜/g;

/** NFKC (full-width digits, letters, ㍻ ㋿) for year texts; wave dashes are matched as they are. */
export function prepareWarekiText(s: string): string {
  if (typeof s !== "string") return "";
  return s.normalize("NFKC").replace(TILDE_RE, "~");
}

const OUTER_PARENS_RE = /^\(\s*([^()]*?)\s*\)$/;
const SUFFIX_REJECT_RE = /^(?:[\d.,]|年|月|日)/;

function unwrap(text: string): string {
  const t = prepareWarekiText(text).trim();
  const m = OUTER_PARENS_RE.exec(t);
  return m ? m[1] : t;
}

/**
 * A fiscal-year header: `平成29年度`, `平成 29 年度`, `令和元年度`, `令和2(2020)年度`, `H29`, `R5`,
 * `2020年度`, ranges `平成 29～30 年度`. A trailing word such as `実績` or `(前期)` is allowed
 * (`平成29年度実績`); `平成29年度末` gives FY2017. Dates (`平成30年3月`) and calendar years give null.
 */
export function parseFiscalYear(text: string): FiscalYearRef | null {
  try {
    const t = unwrap(text);
    if (t.length === 0) return null;
    const m = matchWarekiAt(t, 0);
    if (!m || !m.fiscalYear) return null;
    const rest = t.slice(m.end).trim();
    if (rest.length > 0 && SUFFIX_REJECT_RE.test(rest)) return null;
    return m.fiscalYear;
  } catch {
    return null;
  }
}

const DATE_SUFFIX_RE = /^(?:日)?\s*(?:時点|現在|時|付け?|まで)?$/;

/**
 * A date written in wareki or western form: `平成30年3月末` (last day), `平成30年2月末時点`,
 * `令和3年4月1日現在`, `H30.3` / `R5.3` (year and month), `平成29年度末` (31 March 2018),
 * `2018年3月31日`, `平成21年` (year only). Null for anything else, and for impossible dates.
 */
export function parseWarekiDate(text: string): DateRef | null {
  try {
    const t = unwrap(text);
    if (t.length === 0) return null;
    const m = matchWarekiAt(t, 0);
    if (!m) return null;
    if (m.kind === "fiscal-year") return null;
    const rest = t.slice(m.end).trim();
    if (!DATE_SUFFIX_RE.test(rest)) return null;
    if (m.kind === "era-year") return m.fiscalYear ? { year: m.fiscalYear.fiscalYear } : null;
    return m.date ?? null;
  } catch {
    return null;
  }
}

const FY_CANDIDATE_RE = /[明大昭平令MTSHR]|\d{4}/g;

/**
 * Every fiscal-year mention in a longer text, in order: `…調査票（平成29年度末）` → FY2017.
 * Abbreviations count only with 年度 (`H29年度`), so codes like `H29` in prose are not years.
 */
export function findFiscalYears(text: string): FiscalYearRef[] {
  const out: FiscalYearRef[] = [];
  try {
    const t = prepareWarekiText(text);
    FY_CANDIDATE_RE.lastIndex = 0;
    let c: RegExpExecArray | null;
    while ((c = FY_CANDIDATE_RE.exec(t)) !== null) {
      const m = matchWarekiAt(t, c.index);
      if (m && m.fiscalYear && (m.kind === "fiscal-year" || m.kind === "fiscal-year-end")) {
        out.push(m.fiscalYear);
        FY_CANDIDATE_RE.lastIndex = Math.max(m.end, c.index + 1);
      }
    }
  } catch {
    return out;
  }
  return out;
}
