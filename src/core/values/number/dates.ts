/**
 * Dates inside a value text: era dates and fiscal years (`令和2年度末`, `R3.4.1時点`, read by ../wareki) and
 * era-less years and months (`27年度`, `3月16日`).
 */
import { charCodes, codeAt, isDigit, nextNonBlank, stickyMatch } from "./characters";
import { matchWarekiAt, type WarekiMatch } from "../wareki";

/** Era-less years and months: `27年度`, `(27年決算)`, `3月16日`, `4月1日`. Not `5年間`, not `14日`. */
const PLAIN_DATE_RE =
  /(?:\d{1,4}\s*年度?(?![間])(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日|\s*末日?)?)?(?:\s*末)?|\d{1,2}\s*月(?:\s*\d{1,2}\s*日|\s*末日?|\s*上旬|\s*中旬|\s*下旬)?(?!額))/y;
const DATE_SUFFIX_RE = /\s*(?:日)?\s*(?:時点|現在)/y;

interface DateHit {
  start: number;
  end: number;
  m?: WarekiMatch;
}

/** Era name → its second character, by char code: 明治 大正 昭和 平成 令和. */
const ERA_NAME_SECOND: ReadonlyMap<number, number> = new Map(
  ["明治", "大正", "昭和", "平成", "令和"].map((e) => [e.charCodeAt(0), e.charCodeAt(1)] as [number, number]),
);
const ABBR_CODES = charCodes("MTSHR");
const C_YEAR = "年".charCodeAt(0);
const C_MONTH = "月".charCodeAt(0);

/** Cheap pre-check: can a date start at p? Avoids running the date regexes at every number. */
export function couldBeDate(w: string, p: number, end: number): boolean {
  const ch = w.charCodeAt(p);
  const second = ERA_NAME_SECOND.get(ch);
  if (second !== undefined) return w.charCodeAt(p + 1) === second;
  if (ABBR_CODES.has(ch)) {
    const n = w.charCodeAt(p + 1) === 0x20 ? p + 2 : p + 1;
    return n < end && isDigit(w.charCodeAt(n));
  }
  if (!isDigit(ch)) return false;
  let e = p;
  while (e < end && isDigit(w.charCodeAt(e))) e++;
  const n = codeAt(w, nextNonBlank(w, e, end));
  return n === C_YEAR || n === C_MONTH || (e - p === 4 && (n === 0x2f || n === 0x28));
}

export function readDate(w: string, p: number, end: number): DateHit | null {
  if (!couldBeDate(w, p, end)) return null;
  let m: WarekiMatch | null = null;
  try {
    m = matchWarekiAt(w, p);
  } catch {
    m = null;
  }
  let e: number;
  if (m && m.end <= end) {
    e = m.end;
  } else {
    m = null;
    if (p > 0 && /[0-9A-Za-z.,]/.test(w[p - 1])) return null;
    const pm = stickyMatch(PLAIN_DATE_RE, w, p, end);
    if (!pm) return null;
    e = PLAIN_DATE_RE.lastIndex;
  }
  const sx = stickyMatch(DATE_SUFFIX_RE, w, e, end);
  if (sx) e = DATE_SUFFIX_RE.lastIndex;
  return m ? { start: p, end: e, m } : { start: p, end: e };
}
