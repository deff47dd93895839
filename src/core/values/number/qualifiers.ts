/**
 * Qualifiers: parenthesised or trailing texts that say when or on what basis a value holds, read as a period,
 * an as-of date, a basis (予算, 決算, 実績) or a note reference (`(注1)`).
 */
import type { DateRef, Qualifier, QualifierKind, Quantity } from "../types";
import { ALL_WS } from "./characters";
import { couldBeDate } from "./dates";
import { readQuantity, toQuantity } from "./quantity";
import { matchWarekiAt, type WarekiMatch } from "../wareki";

const NOTE_REF_RE = /^(?:注|※)\d*$/;
const BASIS_TAIL_RE =
  /(?:予算|決算|実績値?|目標値|計画値|見込み?額?|見込値|調定額|速報値?|暫定値?|推計値?|現状値|基準値|当初値|確定値|概算|見積り?)$/;
const PLAIN_YEAR_HEAD_RE = /^\d{1,4}(?:年度?末?)?(?=\D|$)/;
const AS_OF_WORDS_RE = /^(?:日)?(?:時点|現在|付け?)?/;

export function makeQualifier(
  text: string,
  kind: QualifierKind,
  extra: { fiscalYear?: number; date?: DateRef; basis?: string; quantity?: Quantity },
): Qualifier {
  const q: { -readonly [K in keyof Qualifier]: Qualifier[K] } = { text, kind };
  if (extra.fiscalYear !== undefined) q.fiscalYear = extra.fiscalYear;
  if (extra.date !== undefined) q.date = extra.date;
  if (extra.basis !== undefined && extra.basis.length > 0) q.basis = extra.basis;
  if (extra.quantity !== undefined) q.quantity = extra.quantity;
  return q;
}

/** The quantity after `:` in a qualifier (`現在:0%`), and the text before the colon. */
function splitColonQuantity(c: string): { head: string; quantity?: Quantity } {
  const k = c.indexOf(":");
  if (k < 0) return { head: c };
  const rest = c.slice(k + 1);
  const q = readQuantity(rest, 0, rest.length);
  if (q && !q.definitional && rest.slice(q.end).trim().length === 0) return { head: c.slice(0, k), quantity: toQuantity(q) };
  return { head: c };
}

/**
 * Reads a parenthesised text as a qualifier (period, as-of date, basis, note reference), or null.
 * Matching ignores blanks, because PDF wraps put them inside words (`平成28年度当 初調定額`).
 */
export function qualifierFromText(text: string, mapped: string, issues: string[]): Qualifier | null {
  const c = mapped.replace(ALL_WS, "");
  if (c.length === 0) return null;
  if (NOTE_REF_RE.test(c) && c !== "※") return makeQualifier(text, "note-ref", {});
  for (let k = 0; k < c.length; k++) {
    if (!couldBeDate(c, k, c.length)) continue;
    if (k > 0 && /[0-9A-Za-z.,]/.test(c[k - 1])) continue;
    let m: WarekiMatch | null = null;
    try {
      m = matchWarekiAt(c, k);
    } catch {
      m = null;
    }
    if (!m) continue;
    const fy = m.fiscalYear;
    if (fy && fy.problems.length > 0) issues.push(...fy.problems.map((p) => `${p} in "${text}"`));
    if (m.invalidDate) issues.push(`impossible date in "${text}"`);
    let post = c.slice(m.end);
    if (m.kind === "date" || m.kind === "year" || m.kind === "fiscal-year-end") post = post.replace(AS_OF_WORDS_RE, "");
    const split = splitColonQuantity(post);
    const basis = (c.slice(0, k) + split.head).replace(/^[:・]+|[:・]+$/g, "");
    const extra = { basis, quantity: split.quantity };
    switch (m.kind) {
      case "fiscal-year-end":
        return makeQualifier(text, "fiscal-year-end", { ...extra, fiscalYear: fy?.fiscalYear, date: m.date });
      case "date":
      case "year":
        return makeQualifier(text, "as-of", { ...extra, date: m.date });
      case "fiscal-year":
      case "era-year":
        return makeQualifier(text, basis.length > 0 ? "basis" : "fiscal-year", { ...extra, fiscalYear: fy?.fiscalYear });
    }
  }
  // No era: `(27年決算)`, `(予算)`, `(現状値:5件)`.
  const split = splitColonQuantity(c);
  const head = split.head.replace(PLAIN_YEAR_HEAD_RE, "");
  if (BASIS_TAIL_RE.test(head) && !/\d/.test(head)) return makeQualifier(text, "basis", { basis: head, quantity: split.quantity });
  return null;
}
