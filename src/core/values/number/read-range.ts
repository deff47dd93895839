/**
 * Reading a range of value text: its dates, quantities and parentheses (qualifiers, breakdowns or label text),
 * each quantity's label and group heading, and whether the range reads as a sentence.
 */
import type { Qualifier, ValuePart } from "../types";
import { type Ctx, charCodes, isBlank, isDigit, squeeze, stickyMatch } from "./characters";
import { readDate } from "./dates";
import { makeQualifier, qualifierFromText } from "./qualifiers";
import { type Qty, fillQuantity, readQuantity } from "./quantity";
import type { WarekiMatch } from "../wareki";

interface ParenRange {
  open: number;
  close: number;
  cls: "qualifier" | "breakdown" | "other";
  qualifier?: Qualifier;
  parts?: MutablePart[];
  /** Label text (an "other" parenthesis inside a label, `小平市文化振興財団(利用料収入)6,800万円`). */
  inLabel?: boolean;
}

export type MutablePart = { -readonly [K in keyof ValuePart]: ValuePart[K] } & { qualifiers: Qualifier[] };

interface RangeResult {
  parts: MutablePart[];
  topCount: number;
  cellQualifiers: Qualifier[];
  sentenceLike: boolean;
  trailingText: boolean;
  definitional: boolean;
  issues: string[];
}

type Item =
  | { type: "qty"; start: number; end: number; q: Qty }
  | { type: "def"; start: number; end: number }
  | { type: "date"; start: number; end: number; m?: WarekiMatch }
  | { type: "paren"; start: number; end: number; p: ParenRange };

/** Characters a date or quantity can start with, besides digits. */
const CANDIDATE_FIRST = charCodes("△▲+-−延約の月概おほ明大昭平令MTSHR");

/** Dates, quantities and definitional numbers in [a, b) of text that has no parentheses. */
function scanFree(w: string, a: number, b: number, out: Item[]): void {
  let i = a;
  while (i < b) {
    // A character loop bounded by b: a regex search would run past b, quadratic over many parentheses.
    const c = w.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || CANDIDATE_FIRST.has(c))) {
      i++;
      continue;
    }
    const p = i;
    const d = readDate(w, p, b);
    if (d) {
      out.push(d.m ? { type: "date", start: d.start, end: d.end, m: d.m } : { type: "date", start: d.start, end: d.end });
      i = Math.max(d.end, p + 1);
      continue;
    }
    const q = readQuantity(w, p, b);
    if (q && q.end > p) {
      out.push(q.definitional ? { type: "def", start: p, end: q.end } : { type: "qty", start: p, end: q.end, q });
      i = q.end;
      continue;
    }
    i = p + 1;
  }
}

/** The parenthesis of a year pair, `令和2(2020)年度` or `2020(令和2)年度`: part of the date, not a qualifier. */
const YEAR_PAIR_PAREN_RE = /\(\s*(?:\d{4}|(?:明治|大正|昭和|平成|令和|[MTSHR])\s*(?:元|\d{1,3}))\s*\)\s*年/y;

function findParens(w: string, a: number, b: number): ParenRange[] {
  const out: ParenRange[] = [];
  let depth = 0;
  let open = -1;
  for (let i = a; i < b; i++) {
    const c = w.charCodeAt(i);
    if (c === 0x28) {
      if (depth === 0 && i > a && isDigit(w.charCodeAt(i - 1)) && stickyMatch(YEAR_PAIR_PAREN_RE, w, i, b)) {
        i = YEAR_PAIR_PAREN_RE.lastIndex - 1;
        continue;
      }
      if (depth === 0) open = i;
      depth++;
    } else if (c === 0x29 && depth > 0) {
      depth--;
      if (depth === 0) out.push({ open, close: i, cls: "other" });
    }
  }
  return out;
}

const WORD_BREAK_CODES = charCodes("、,。;→");
const C_DOT = "・".charCodeAt(0);
const C_LT = 0x3c;
const C_GT = 0x3e;
const SENTENCE_PUNCT = /[、。]/;
const PARTICLE = /[のをがにではへとや]/;

interface Word {
  s: number;
  e: number;
  heading: boolean;
}

/** Words of a label region; `・` after a blank (or at the start) is a bullet and resets the group. */
function labelWords(w: string, rs: number, re: number, labelParens: Map<number, number>): { words: Word[]; bulletAfter: number } {
  const words: Word[] = [];
  let bulletAfter = -1;
  let cur = -1;
  const endWord = (e: number): void => {
    if (cur >= 0 && e > cur) words.push({ s: cur, e, heading: false });
    cur = -1;
  };
  let i = rs;
  while (i < re) {
    const c = w.charCodeAt(i);
    const close = labelParens.size > 0 ? labelParens.get(i) : undefined;
    if (close !== undefined) {
      if (cur < 0) cur = i;
      i = close + 1;
      continue;
    }
    if (isBlank(c) || WORD_BREAK_CODES.has(c)) {
      endWord(i);
      i++;
      continue;
    }
    if (c === C_DOT) {
      const bullet = cur < 0 && (i === rs || isBlank(w.charCodeAt(i - 1)));
      endWord(i);
      if (bullet) bulletAfter = words.length;
      i++;
      continue;
    }
    if (c === C_LT) {
      endWord(i);
      let k = i + 1;
      while (k < re && k - i <= 40) {
        const d = w.charCodeAt(k);
        if (d === C_GT || d === C_LT || isBlank(d)) break;
        k++;
      }
      if (k < re && w.charCodeAt(k) === C_GT && k > i + 1) {
        words.push({ s: i + 1, e: k, heading: true });
        i = k + 1;
      } else i++;
      continue;
    }
    if (c === C_GT) {
      endWord(i);
      i++;
      continue;
    }
    if (cur < 0) cur = i;
    i++;
  }
  endWord(re);
  return { words, bulletAfter };
}

/** Reads the parts, qualifiers and shape of [a, b). */
export function readRange(ctx: Ctx, a: number, b: number, inParens: boolean, depth = 0): RangeResult {
  const { w, raw } = ctx;
  const issues: string[] = [];
  const parens = findParens(w, a, b);
  const items: Item[] = [];
  let free = a;
  for (const p of parens) {
    scanFree(w, free, p.open, items);
    free = p.close + 1;
  }
  scanFree(w, free, b, items);

  for (const p of parens) {
    const text = raw.slice(p.open + 1, p.close).trim();
    const q = qualifierFromText(text, w.slice(p.open + 1, p.close), issues);
    if (q) {
      p.cls = "qualifier";
      p.qualifier = q;
      continue;
    }
    // Breakdowns nest at most a few levels in real cells; deeper nesting is read as text.
    const sub = depth < 3 ? readRange(ctx, p.open + 1, p.close, true, depth + 1) : null;
    if (sub && sub.parts.length > 0 && !sub.trailingText) {
      p.cls = "breakdown";
      p.parts = sub.parts;
      if (sub.cellQualifiers.length > 0) sub.parts[sub.parts.length - 1].qualifiers.push(...sub.cellQualifiers);
      issues.push(...sub.issues);
    } else {
      p.cls = "other";
      p.qualifier = makeQualifier(text, "other", {});
    }
    items.push({ type: "paren", start: p.open, end: p.close + 1, p });
  }
  for (const p of parens) if (p.cls === "qualifier") items.push({ type: "paren", start: p.open, end: p.close + 1, p });
  items.sort((x, y) => x.start - y.start);

  const blankBetween = (x: number, y: number): boolean => w.slice(x, y).trim().length === 0;
  // rest[k]: items k.. are all non-breakdown parentheses with only blanks between and after them.
  const rest: boolean[] = new Array<boolean>(items.length + 1);
  rest[items.length] = true;
  for (let k = items.length - 1; k >= 0; k--) {
    const it = items[k];
    const nextStart = k + 1 < items.length ? items[k + 1].start : b;
    rest[k] = it.type === "paren" && it.p.cls !== "breakdown" && blankBetween(it.end, nextStart) && rest[k + 1];
  }
  /** Whether only blanks and qualifier-like parentheses follow position x (x ends item k - 1). */
  const trailingFrom = (x: number, k: number): boolean =>
    k < items.length ? blankBetween(x, items[k].start) && rest[k] : blankBetween(x, b);

  const parts: MutablePart[] = [];
  const cellQualifiers: Qualifier[] = [];
  const labelParens = new Map<number, number>();
  let topCount = 0;
  let definitional = false;
  let boundary = a;
  let attach: MutablePart | null = null;
  let attachEnd = a;
  let group: string | undefined;
  let sentenceLike = false;
  let lastTopEnd = -1;

  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    if (it.type === "def") {
      definitional = true;
      continue;
    }
    if (it.type === "date") {
      if (it.m) {
        const text = raw.slice(it.start, it.end).trim();
        const q = qualifierFromText(text, w.slice(it.start, it.end), issues);
        if (q) {
          if (attach && blankBetween(attachEnd, it.start)) {
            attach.qualifiers.push(q);
            attachEnd = it.end;
          } else cellQualifiers.push(q);
        }
      }
      continue;
    }
    if (it.type === "paren") {
      const p = it.p;
      if (p.cls === "breakdown") {
        for (const bp of p.parts ?? []) parts.push(bp);
        boundary = it.end;
        attach = null;
        continue;
      }
      const direct = attach !== null && blankBetween(attachEnd, it.start);
      if (p.cls === "qualifier" || direct || trailingFrom(it.end, k + 1)) {
        const q = p.qualifier ?? makeQualifier(raw.slice(p.open + 1, p.close).trim(), "other", {});
        if (direct && attach) {
          attach.qualifiers.push(q);
          attachEnd = it.end;
        } else cellQualifiers.push(q);
        boundary = it.end;
      } else {
        p.inLabel = true;
        labelParens.set(p.open, p.close);
      }
      continue;
    }
    // A quantity: its label is the last word before it, its group the words before that.
    const q = it.q;
    issues.push(...q.issues);
    const { words, bulletAfter } = labelWords(w, boundary, q.start, labelParens);
    if (bulletAfter >= 0) group = undefined;
    const usable = words.slice(Math.max(0, bulletAfter));
    let label: string | undefined;
    let colon = false;
    let labelIdx = usable.length - 1;
    if (labelIdx >= 0 && !usable[labelIdx].heading) {
      const lw = usable[labelIdx];
      let s = lw.s;
      let e = lw.e;
      if (w[e - 1] === ":") {
        colon = true;
        e--;
      }
      // `財団 (利用料収入)6,800万円`: a parenthesis opening the label belongs to the word before it.
      if (w[s] === "(" && labelIdx > 0 && !usable[labelIdx - 1].heading) {
        labelIdx--;
        s = usable[labelIdx].s;
      }
      const text = squeeze(raw.slice(s, e));
      if (text.length > 0) label = text;
    } else labelIdx = usable.length;
    const groupWords = usable.slice(0, Math.max(0, labelIdx));
    if (groupWords.length > 0) {
      const g = squeeze(groupWords.map((x) => raw.slice(x.s, x.e)).join("")).replace(/[:]+$/, "");
      if (g.length > 0) group = g;
    }
    const region = w.slice(boundary, q.start);
    if (topCount === 0 && !inParens) {
      sentenceLike = SENTENCE_PUNCT.test(region) || (label !== undefined && !colon && (PARTICLE.test(label) || label.length > 30));
    }
    const part: MutablePart = fillQuantity<MutablePart>({ number: q.number, value: q.value, inParentheses: inParens, qualifiers: [] }, q);
    if (label !== undefined) part.label = label;
    if (group !== undefined && !inParens) part.group = group;
    parts.push(part);
    topCount++;
    attach = part;
    attachEnd = it.end;
    boundary = it.end;
    lastTopEnd = it.end;
  }

  // Text after the last quantity that is not a qualifier, breakdown, date or arrow.
  let trailingText = false;
  if (lastTopEnd >= 0) {
    let pos = lastTopEnd;
    const after = items.filter((x) => x.start >= lastTopEnd);
    for (const it of after) {
      if (it.type === "paren" && it.p.inLabel) continue;
      if (w.slice(pos, it.start).replace(/[\s→]/g, "").length > 0) trailingText = true;
      pos = Math.max(pos, it.end);
    }
    if (w.slice(pos, b).replace(/[\s→]/g, "").length > 0) trailingText = true;
    // A label-text parenthesis after the value is text too.
    if (after.some((x) => x.type === "paren" && x.p.inLabel)) trailingText = true;
  }

  // Several values with one trailing qualifier: it qualifies the whole cell (001:488, 501).
  const tops = parts.filter((p) => !p.inParentheses || inParens);
  if (tops.length >= 2) {
    const last = tops[tops.length - 1];
    const othersHave = tops.slice(0, -1).some((p) => p.qualifiers.length > 0);
    if (!othersHave && last.qualifiers.length > 0 && !trailingText) {
      cellQualifiers.push(...last.qualifiers);
      last.qualifiers = [];
    }
  }

  if (trailingText && topCount === 1 && !inParens) sentenceLike = true;
  if (definitional && topCount >= 1 && !inParens) sentenceLike = sentenceLike || topCount === 1;
  return { parts, topCount, cellQualifiers, sentenceLike, trailingText, definitional, issues };
}
