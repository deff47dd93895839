/** Header texts that name a year: 年度 columns, the as-of month of a value column (現状値…平成29年3月末), a title's year. */
import { findFiscalYears, parseFiscalYear } from "../../values/wareki";
import type { DateRef } from "../../values/types";

const WAREKI_MONTH = /(平成|令和|昭和|H|R)\s*(\d{1,2}|元)\s*年\s*(\d{1,2})\s*月/;

// Header texts recur on every sheet of a workbook: parse each once.
const headerMemo = new Map<string, { fy: ReturnType<typeof parseFiscalYear>; date: DateRef | undefined; title: number | undefined }>();

export function headerInfo(text: string) {
  let h = headerMemo.get(text);
  if (!h) {
    if (headerMemo.size > 5000) headerMemo.clear();
    // A title names its year once, perhaps after the plan period (`（平成 29～32 年度） 取組状況（平成 29 年度末時点）`).
    const years = findFiscalYears(text);
    h = { fy: parseFiscalYear(text), date: headerDateUncached(text), title: (years.find((y) => y.toFiscalYear === undefined) ?? years[0])?.fiscalYear };
    headerMemo.set(text, h);
  }
  return h;
}

export function headerDate(text: string): DateRef | undefined {
  return headerInfo(text).date;
}

function headerDateUncached(text: string): DateRef | undefined {
  const norm = text.normalize("NFKC");
  const m = WAREKI_MONTH.exec(norm);
  if (!m) return undefined;
  const fy = parseFiscalYear(`${m[1]}${m[2]}年度`);
  if (!fy) return undefined;
  // Here the era year names a calendar year (平成30年3月 = March 2018), which has the same number as 平成30年度.
  return { year: fy.fiscalYear, month: Number(m[3]) };
}
