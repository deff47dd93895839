/**
 * YEAR-HEADER: schedule year headers out of order, repeated, missing, written in mixed notation (西暦 among 和暦), or
 * outside the plan period. A ranged header (`平成 29～30 年度`) covers its years. Checked for every 年次計画 block
 * (武蔵野) and for a 工程表's header row (小平). On the 武蔵野 sample 84/84 header rows are valid once spaces are
 * normalised (70 spaced, 13 unspaced, 1 ranged).
 *
 * The plan period comes from the workbook (plan-period.ts): the user's setting, else the years most of the sheets'
 * header rows name. Parameter `planPeriod` (`{ "from": "令和5年度", "to": "令和8年度" }`, or fiscal years as numbers) is
 * only a default for a workbook with neither; no built-in profile sets it.
 */
import { warekiYear } from "../values/wareki";
import { both, type LocalizedText } from "../i18n";
import type { Finding } from "../model/finding";
import type { CellPos, YearHeader } from "../model/record";
import { parseFiscalYear } from "../values/wareki";
import { finding } from "./helpers";
import { declareParams } from "./params";
import type { RecordRule } from "./types";

interface Span {
  readonly from: number;
  readonly to: number;
}

interface Header {
  readonly text: string;
  readonly cell: CellPos;
  readonly from: number;
  readonly to: number;
  /** 西暦 (`2020年度`) or 和暦 (`令和2年度`, `R2`, `令和2(2020)年度`). */
  readonly western: boolean;
}

type Problem = "order" | "duplicate" | "notation" | "outside" | "missing";

function yearOf(v: unknown): number | undefined {
  if (typeof v === "number" && Number.isInteger(v)) return v;
  if (typeof v === "string") return parseFiscalYear(v)?.fiscalYear;
  return undefined;
}

/** The `planPeriod` parameter, or undefined when absent or unreadable. */
export function planPeriod(param: unknown): Span | undefined {
  if (!param || typeof param !== "object") return undefined;
  const p = param as { from?: unknown; to?: unknown };
  const from = yearOf(p.from);
  const to = yearOf(p.to);
  return from !== undefined && to !== undefined && from <= to ? { from, to } : undefined;
}

function headersOf(list: readonly YearHeader[]): Header[] {
  return list.map((h) => {
    const fy = parseFiscalYear(h.text);
    return {
      text: h.text,
      cell: h.cell,
      from: h.fiscalYear,
      to: Math.max(h.fiscalYear, fy?.toFiscalYear ?? h.fiscalYear),
      western: fy !== null && fy.era === undefined,
    };
  });
}

/**
 * A year in the era of its own time (warekiYear: 平成 to 2018, 令和元 for 2019, never 令和0 or 令和-1); a sheet whose
 * headers keep 平成 past 2019 (平成32年度, as 武蔵野's do) also gets its own form in brackets, 令和2年度（平成32年度）,
 * so the message can be matched to the header. FY in English.
 */
function yearText(fy: number, sample: string | undefined): LocalizedText {
  const heisei = sample !== undefined && /平成|H\d/.test(sample.normalize("NFKC"));
  const ja = heisei && fy >= 2019 ? `${warekiYear(fy)}年度（平成${fy - 1988}年度）` : `${warekiYear(fy)}年度`;
  return both("plans.year", { year: ja, fy });
}

function spanText(s: Span, sample: string | undefined): LocalizedText {
  return both("plans.period", { from: yearText(s.from, sample), to: yearText(s.to, sample) });
}

function shown(h: Header): string {
  return h.text.replace(/\s+/g, " ").trim();
}

function checkRow(headers: readonly Header[], labelCell: CellPos, period: Span | undefined, out: (cell: CellPos, key: Problem, params: Record<string, string | LocalizedText>) => void): void {
  const sample = headers[0]?.text;
  for (let i = 1; i < headers.length; i++) {
    const prev = headers[i - 1];
    const same = headers[i].from === prev.from && headers[i].to === prev.to;
    if (headers[i].from <= prev.to) out(headers[i].cell, same ? "duplicate" : "order", { header: shown(headers[i]), previous: shown(prev) });
  }
  // One notation per row: the headers most of the row use set it, and a header in the other is pointed at.
  const westernCount = headers.filter((h) => h.western).length;
  if (westernCount > 0 && westernCount < headers.length) {
    const majorityWestern = westernCount * 2 > headers.length;
    const usual = headers.find((h) => h.western === majorityWestern)!;
    for (const h of headers) if (h.western !== majorityWestern) out(h.cell, "notation", { header: shown(h), usual: shown(usual) });
  }
  if (period) for (const h of headers) if (h.from < period.from || h.to > period.to) out(h.cell, "outside", { header: shown(h), period: spanText(period, sample) });
  const span = period ?? (headers.length ? { from: Math.min(...headers.map((h) => h.from)), to: Math.max(...headers.map((h) => h.to)) } : undefined);
  if (!span) return;
  const covered = new Set<number>();
  for (const h of headers) for (let y = h.from; y <= h.to; y++) covered.add(y);
  const missing: number[] = [];
  for (let y = span.from; y <= span.to; y++) if (!covered.has(y)) missing.push(y);
  if (missing.length === 0) return;
  // Point where the first missing year belongs: after the last header before it, or at the first header.
  const before = headers.filter((h) => h.to < missing[0]);
  const cell = before.length ? { row: before[before.length - 1].cell.row, col: before[before.length - 1].cell.col + 1 } : (headers[0]?.cell ?? { row: labelCell.row, col: labelCell.col + 1 });
  const years = missing.map((y) => yearText(y, sample));
  out(cell, "missing", {
    years: { ja: years.map((y) => y.ja).join("・"), en: years.map((y) => y.en).join(", ") },
    span: spanText(span, sample),
  });
}

const FISCAL_YEAR = { anyOf: [{ type: "string", format: "fiscal-year" }, { type: "integer", minimum: 1868 }] } as const;

export const YEAR_HEADER_PARAMS = declareParams<{ planPeriod?: { readonly from: string | number; readonly to: string | number } }>({
  planPeriod: {
    schema: { type: "object", additionalProperties: false, required: ["from", "to"], properties: { from: FISCAL_YEAR, to: FISCAL_YEAR } },
    description:
      "A default plan period (計画期間), used only when neither the user (the workbook's settings, --plan-period) nor the sheets' year headers state one: fiscal years as a sheet writes them (令和5年度) or as numbers (2023).",
  },
});

export const yearHeader: RecordRule = {
  id: "YEAR-HEADER",
  scope: "record",
  defaultSeverity: "error",
  params: YEAR_HEADER_PARAMS,
  check(rec, env) {
    const findings: Finding[] = [];
    const period = env.planPeriod ?? planPeriod(env.setting.params?.planPeriod);
    const out = (cell: CellPos, key: Problem, params: Record<string, string | LocalizedText>) =>
      findings.push(finding("YEAR-HEADER", env.severity, rec, cell, `rule.YEAR-HEADER.${key}`, params));
    for (const p of rec.plans ?? []) checkRow(headersOf(p.headers), p.labelCell, period, out);
    if (rec.yearHeaders.length) checkRow(headersOf(rec.yearHeaders), rec.yearHeaders[0].cell, period, out);
    return findings;
  },
};
