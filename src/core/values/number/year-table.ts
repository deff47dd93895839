/** Year tables (the 小平 sample's No.30-3): a header of column names and units, then one row of values per year. */
import type { YearTable } from "../types";
import type { Ctx } from "./characters";
import { UNIT_CANON } from "./units";
import { eraToWestern } from "../wareki";

const YT_ROW_RE =
  /(?<![A-Za-z0-9])(?:([HR])\s?(\d{1,2})|(平成|令和)\s*(元|\d{1,2})\s*(?:年度?)?)((?:\s+[+\-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?=\s|$))+)/g;
/** Cheap test before the year-table scan: two year keys. */
export const YT_HINT_RE = /(?:[HR]\s?\d|平成|令和)[\s\S]*(?:[HR]\s?\d|平成|令和)/;
const YT_NUM_RE = /[+\-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/g;
const YT_UNIT_RE = /\(\s*([^()\s\d]{1,6})\s*\)/g;

export function readYearTable(ctx: Ctx, a: number, b: number): { table: YearTable; issues: string[] } | null {
  const body = ctx.w.slice(a, b);
  YT_ROW_RE.lastIndex = 0;
  const rows: { fiscalYear: number; label: string; values: number[] }[] = [];
  let first = -1;
  let m: RegExpExecArray | null;
  while ((m = YT_ROW_RE.exec(body)) !== null) {
    if (first < 0) first = m.index;
    const era = m[1] === "H" || m[3] === "平成" ? "平成" : "令和";
    const y = (m[2] ?? m[4]) === "元" ? 1 : parseInt(m[2] ?? m[4], 10);
    const values = (m[5].match(YT_NUM_RE) ?? []).map((s) => parseFloat(s.replace(/,/g, "")));
    const label = ctx.raw.slice(a + m.index, a + m.index + m[0].length - m[5].length).trim();
    rows.push({ fiscalYear: eraToWestern(era, y), label, values });
  }
  if (rows.length < 2) return null;
  const header = body.slice(0, first);
  const units: string[] = [];
  let firstUnit = -1;
  YT_UNIT_RE.lastIndex = 0;
  let u: RegExpExecArray | null;
  while ((u = YT_UNIT_RE.exec(header)) !== null) {
    if (firstUnit < 0) firstUnit = u.index;
    units.push(UNIT_CANON[u[1]] ?? u[1]);
  }
  const before = header.slice(0, firstUnit >= 0 ? firstUnit : header.length).trim();
  const lastWord = before.split(/\s+/).pop() ?? "";
  const columns = lastWord.length > 0 ? lastWord.replace(/^・+/, "").split("・").filter((s) => s.length > 0) : [];
  const issues: string[] = [];
  const width = rows[0].values.length;
  if (rows.some((r) => r.values.length !== width)) issues.push("year table rows have different numbers of values");
  if (columns.length > 0 && columns.length !== width) issues.push(`year table has ${columns.length} column names but ${width} values per row`);
  if (units.length > 0 && units.length !== width) issues.push(`year table has ${units.length} units but ${width} values per row`);
  return { table: { columns, units, rows }, issues };
}
