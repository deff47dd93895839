import { escapeRegex } from "./labels";
import type { HeadingSpec } from "./types";

/** Parsers for the composite heading cells of the forms: `No.{id} {title} <目的・ねらい> ・{purpose}`, and `【tag】 title 【No.15の再掲】`. */

// A dash belongs to the id only right after the number (`No.2-1`); `No.5 -1` is item 5 titled "-1".
const ID_RE = /^\s*No\s*[.．]?\s*([0-9０-９]+(?:[-－‐−][0-9０-９]+)?(?:\s*[~～〜]\s*[0-9０-９]+)?)/i;

/** `2－1～5` → `2-1~5`: ids compare as written in ASCII. */
export function normalizeRecordId(id: string): string {
  return id
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/[－‐−–]/g, "-")
    .replace(/[～〜]/g, "~");
}

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

/**
 * An item number as written in a list or a stacked record, normalised: `①` → `1`, `No.17` → `17`,
 * `3 - (12)`, `10- (3)`, `5-2)` → `3-(12)`, `10-(3)`, `5-(2)`.
 */
export function normalizeItemId(text: string): string {
  const t = text.trim().replace(/^No\.?\s*/i, "");
  const k = CIRCLED.indexOf(t[0] ?? "");
  if (k >= 0 && t.length === 1) return String(k + 1);
  const m = /^(\d+)\s*[-－]\s*\(?\s*(\d+)\s*\)$/.exec(t.normalize("NFKC"));
  if (m) return `${m[1]}-(${m[2]})`;
  return normalizeRecordId(t);
}

const DIGITS = "[0-9０-９]+(?:[-－‐−][0-9０-９]+)*";
// `No.3 …` / `No３…`, `(3) …` / `（３）…`, and a bare `3 …` / `３．…` (a bare number needs a space or a stop after
// it, so a title such as `3Rの推進` keeps its number).
const LEADING_ID_RES = [
  new RegExp(`^\\s*(?:No|Ｎｏ|ＮＯ)\\s*[.．]?\\s*(${DIGITS})\\s*`, "i"),
  new RegExp(`^\\s*[(（]\\s*(${DIGITS})\\s*[)）]\\s*`),
  new RegExp(`^\\s*(${DIGITS})(?:\\s+|[.．、)）]\\s*|$)`),
];

/** The record number written at the start of a title cell (`1 協働推進体制の充実`), and the text after it. */
export function splitLeadingId(text: string): { id: string; written: string; rest: string } | undefined {
  for (const re of LEADING_ID_RES) {
    const m = re.exec(text);
    if (m) return { id: normalizeItemId(m[1]), written: m[0].trim(), rest: text.slice(m[0].length) };
  }
  return undefined;
}

export interface ItemHeading {
  readonly id?: string;
  readonly title?: string;
  readonly purpose?: string;
}

export function parseItemHeading(text: string, purposeMarker = "<目的・ねらい>"): ItemHeading {
  const m = ID_RE.exec(text);
  const id = m ? normalizeRecordId(m[1]) : undefined;
  let rest = m ? text.slice(m[0].length) : text;
  let purpose: string | undefined;
  const at = findMarker(rest, purposeMarker);
  if (at) {
    purpose = rest.slice(at.end).trim();
    rest = rest.slice(0, at.start);
  } else {
    // Without the marker, the title is the first line and the purpose what follows.
    const nl = rest.trim().indexOf("\n");
    if (nl >= 0) {
      const t = rest.trim();
      purpose = t.slice(nl + 1).trim();
      rest = t.slice(0, nl);
    }
  }
  const title = rest.trim();
  return { id, title: title || undefined, purpose: purpose || undefined };
}

function findMarker(text: string, marker: string): { start: number; end: number } | undefined {
  const i = text.indexOf(marker);
  if (i >= 0) return { start: i, end: i + marker.length };
  // Full-width brackets (＜目的・ねらい＞) are the same marker.
  const wide = marker.replace(/</g, "＜").replace(/>/g, "＞");
  const j = text.indexOf(wide);
  if (j >= 0) return { start: j, end: j + wide.length };
  return undefined;
}

const TAG_RE = /【([^】]*)】/g;
const REPOST_RE = /^\s*No\s*[.．]?\s*([0-9０-９]+(?:\s*[-－]\s*[0-9０-９]+)?)\s*の\s*再掲\s*$/i;

export interface TitleCell {
  readonly title: string;
  readonly tags: readonly string[];
  readonly repostOf?: string;
}

export function parseTitleCell(text: string): TitleCell {
  const tags: string[] = [];
  let repostOf: string | undefined;
  for (const m of text.matchAll(TAG_RE)) {
    const inner = m[1].trim();
    const r = REPOST_RE.exec(inner);
    if (r) repostOf = normalizeRecordId(r[1]);
    else if (inner) tags.push(inner);
  }
  const title = text.replace(TAG_RE, " ").replace(/\s+/g, " ").trim();
  return { title, tags, repostOf };
}

export interface MarkedTitle extends TitleCell {
  readonly marks: readonly string[];
}

const leadingMarkCache = new WeakMap<readonly string[], RegExp>();

/** `【主要】` or a bare `主要` and a space at the start of a title, for each of the marks. */
function leadingMarkRe(marks: readonly string[]): RegExp {
  let re = leadingMarkCache.get(marks);
  if (!re) {
    const any = marks.map(escapeRegex).join("|");
    re = new RegExp(`^\\s*(?:【\\s*(${any})\\s*】\\s*|(${any})\\s+)`);
    leadingMarkCache.set(marks, re);
  }
  return re;
}

/**
 * Takes a profile's title marks (`titleMarks`, 三鷹's 主要) out of a title and its tags: a mark is written as a
 * 【tag】 or at the start of the title (`【主要】協働の深化`, `主要 公共施設の総合管理`). The marks found, in the
 * profile's order, are the record's `marks`.
 */
export function takeTitleMarks(cell: TitleCell, marks: readonly string[]): MarkedTitle {
  if (marks.length === 0) return { ...cell, marks: [] };
  const lead = leadingMarkRe(marks).exec(cell.title);
  const leading = lead ? (lead[1] ?? lead[2]) : undefined;
  return {
    ...cell,
    title: lead ? cell.title.slice(lead[0].length).trim() : cell.title,
    tags: cell.tags.filter((t) => !marks.includes(t)),
    marks: marks.filter((m) => m === leading || cell.tags.includes(m)),
  };
}

/** Heading patterns compiled once per layout. */
const headingCache = new WeakMap<readonly HeadingSpec[], readonly { spec: HeadingSpec; re: RegExp }[]>();

function compiledHeadings(specs: readonly HeadingSpec[]): readonly { spec: HeadingSpec; re: RegExp }[] {
  let c = headingCache.get(specs);
  if (!c) {
    c = specs.map((spec) => ({ spec, re: new RegExp(spec.pattern, "u") }));
    headingCache.set(specs, c);
  }
  return c;
}

/** The text a heading pattern is matched against: NFKC (Ⅲ → III, ： → :), spaces collapsed, HTML tags out. */
export function headingText(raw: string): string {
  return raw
    .normalize("NFKC")
    .replace(/<\/?(?:p|ul|ol|li|br|div|span|b|strong)\b[^<>]*>/gi, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export interface HeadingMatch {
  readonly spec: HeadingSpec;
  readonly no?: string;
  readonly title: string;
  readonly departments?: string;
  readonly text: string;
}

export function matchHeading(specs: readonly HeadingSpec[] | undefined, raw: string): HeadingMatch | undefined {
  if (!specs || specs.length === 0 || raw.length > 200) return undefined;
  const text = headingText(raw);
  for (const { spec, re } of compiledHeadings(specs)) {
    const m = re.exec(text);
    if (!m) continue;
    const g = m.groups ?? {};
    return { spec, no: g.no?.trim(), title: (g.title ?? text).trim(), departments: g.departments?.trim(), text };
  }
  return undefined;
}
