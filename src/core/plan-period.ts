/**
 * The plan period (計画期間) and the 対象年度 a workbook is about, and where each came from (docs/values.md). A value
 * the user set (the workbook's settings, or `--plan-period` / `--fiscal-year` in the CLI) wins over what the sheets
 * state; what the sheets state wins over a profile's default. No built-in profile carries a year of its own: a plan
 * of 令和5〜8年度 is read as such, not against the sample's 平成29〜32年度.
 */
import { t, type Lang } from "./i18n";
import type { SurveyRecord } from "./model/record";
import { fiscalYearOfDate, parseFiscalYear, warekiYear } from "./values/wareki";

export interface YearSpan {
  readonly from: number;
  readonly to: number;
}

/** Years in a plan when no period is given: the 小平 plan's length. */
const DEFAULT_PLAN_YEARS = 4;

/** A new plan's period when none is given: four fiscal years from the one `month` of `year` falls in (docs/new-plan.md). */
export function defaultPlanPeriod(year: number, month: number): YearSpan {
  const from = fiscalYearOfDate({ year, month });
  return { from, to: from + DEFAULT_PLAN_YEARS - 1 };
}

/** Where a plan period or a 対象年度 came from: set by the user, read from the sheets, or a profile's default. */
export type YearSource = "user" | "workbook" | "profile";

export interface PlanPeriod extends YearSpan {
  readonly source: YearSource;
}

/**
 * A plan period as a user writes it: `2023-2026`, `令和5〜8`, `令和5年度〜令和8年度`, `R5-R8`, `H29～H32`.
 * Undefined when it does not read as two fiscal years in order.
 */
export function parsePlanPeriod(text: string): YearSpan | undefined {
  const t = text.normalize("NFKC").trim();
  const western = /^(\d{4})\s*(?:年度)?\s*[-~〜～–]\s*(\d{4})\s*(?:年度)?$/.exec(t);
  if (western) return ordered(Number(western[1]), Number(western[2]));
  // One expression such as 令和5〜8年度 or 平成29～32年度 reads as a range.
  const whole = parseFiscalYear(/年度/.test(t) ? t : `${t}年度`);
  if (whole && whole.toFiscalYear !== undefined) return ordered(whole.fiscalYear, whole.toFiscalYear);
  const parts = t.split(/\s*[-~〜～–]\s*/);
  if (parts.length !== 2) return undefined;
  const from = fiscalYearText(parts[0]);
  if (from === undefined) return undefined;
  // `令和5-8`: the end keeps the start's era.
  const era = /^(明治|大正|昭和|平成|令和|[MTSHR])/.exec(parts[0])?.[1];
  const to = fiscalYearText(/^\d{1,2}(?:年度)?$/.test(parts[1]) && era ? `${era}${parts[1]}` : parts[1]);
  return to === undefined ? undefined : ordered(from, to);
}

/** A 対象年度 as a user writes it: `2023`, `令和5`, `R5`, `令和5年度`, `平成29年度`. */
export function parseFiscalYearOption(text: string): number | undefined {
  return fiscalYearText(text.normalize("NFKC").trim());
}

function fiscalYearText(t: string): number | undefined {
  if (/^\d{4}$/.test(t)) return inRange(Number(t));
  const fy = parseFiscalYear(/年度/.test(t) ? t : `${t}年度`);
  return fy && fy.toFiscalYear === undefined ? inRange(fy.fiscalYear) : undefined;
}

function inRange(fy: number): number | undefined {
  return fy >= 1989 && fy <= 2100 ? fy : undefined;
}

function ordered(from: number | undefined, to: number | undefined): YearSpan | undefined {
  if (from === undefined || to === undefined || inRange(from) === undefined || inRange(to) === undefined) return undefined;
  return from <= to && to - from < 30 ? { from, to } : undefined;
}

/** The last year a header covers (令和5~7年度 → 2025). Every sheet repeats the same few headers: parsed once each. */
const headerEnds = new Map<string, number | undefined>();
function headerEnd(text: string): number | undefined {
  if (headerEnds.has(text)) return headerEnds.get(text);
  const to = parseFiscalYear(text)?.toFiscalYear;
  if (headerEnds.size >= 10000) headerEnds.clear();
  headerEnds.set(text, to);
  return to;
}

/** Every schedule header row of a record (武蔵野's 年次計画 blocks, 小平's 工程表), as the years each header covers. */
export function headerRowsOf(rec: SurveyRecord): { from: number; to: number }[][] {
  const rows: { from: number; to: number }[][] = [];
  const spans = (list: readonly { fiscalYear: number; text: string }[]) =>
    list.map((h) => ({ from: h.fiscalYear, to: Math.max(h.fiscalYear, headerEnd(h.text) ?? h.fiscalYear) }));
  for (const p of rec.plans ?? []) if (p.headers.length) rows.push(spans(p.headers));
  if (rec.yearHeaders.length) rows.push(spans(rec.yearHeaders));
  return rows;
}

/**
 * The plan period the sheets state, per profile: the years that more than half of the profile's schedule header rows
 * name, from the first to the last. One row with a wrong or missing year does not move it; a workbook of one record
 * gives that record's own span (only its order and gaps are then checked).
 */
export function periodFromHeaders(records: readonly SurveyRecord[]): Map<string, YearSpan> {
  const byProfile = new Map<string, { rows: number; years: Map<number, number> }>();
  // Indexed loops: every record's header rows, before V8 has optimised this.
  for (let i = 0; i < records.length; i++) {
    const rec = records[i];
    const rows = headerRowsOf(rec);
    for (let j = 0; j < rows.length; j++) {
      const row = rows[j];
      let entry = byProfile.get(rec.profileId);
      if (!entry) byProfile.set(rec.profileId, (entry = { rows: 0, years: new Map() }));
      entry.rows++;
      const seen = new Set<number>();
      for (let k = 0; k < row.length; k++) for (let y = row[k].from; y <= row[k].to; y++) seen.add(y);
      const years = entry.years;
      seen.forEach((y) => years.set(y, (years.get(y) ?? 0) + 1));
    }
  }
  const out = new Map<string, YearSpan>();
  for (const [profileId, { rows, years }] of byProfile) {
    const common = [...years].filter(([, n]) => n * 2 > rows).map(([y]) => y);
    if (common.length) out.set(profileId, { from: Math.min(...common), to: Math.max(...common) });
  }
  return out;
}

/** A fiscal year for a message line: 令和5年度 (the era of its time, never 令和0) or FY2023. */
function yearShown(lang: Lang, fy: number): string {
  return lang === "ja" ? `${warekiYear(fy)}年度` : `FY${fy}`;
}

/**
 * The 対象年度 and the plan periods a check used, each with where it came from, as lines for the CLI and the pane.
 * A period is named with its profile only when the workbook has records of more than one.
 */
export function yearLines(
  lang: Lang,
  years: { readonly fiscalYear?: number; readonly fiscalYearSource?: YearSource; readonly planPeriods?: readonly (PlanPeriod & { readonly profileId: string; readonly profileName?: string })[] },
): string[] {
  const lines: string[] = [];
  const source = (s: YearSource, what: "fiscalYear" | "planPeriod") =>
    t(lang, s === "workbook" ? (what === "fiscalYear" ? "years.source.workbook.fiscalYear" : "years.source.workbook.planPeriod") : s === "user" ? "years.source.user" : "years.source.profile");
  if (years.fiscalYear !== undefined) lines.push(t(lang, "years.fiscalYear", { year: yearShown(lang, years.fiscalYear), source: source(years.fiscalYearSource ?? "workbook", "fiscalYear") }));
  const periods = years.planPeriods ?? [];
  for (const p of periods) {
    const params = { from: yearShown(lang, p.from), to: yearShown(lang, p.to), source: source(p.source, "planPeriod"), profile: p.profileName ?? p.profileId };
    lines.push(t(lang, periods.length > 1 ? "years.planPeriod.profile" : "years.planPeriod", params));
  }
  return lines;
}

/** The plan period the sheets state, for a workbook of one plan: the first profile's (the pane's hint). */
export function detectedPlanPeriod(records: readonly SurveyRecord[]): YearSpan | undefined {
  return periodFromHeaders(records).values().next().value;
}
