/**
 * Text hygiene (docs/values.md "Text hygiene") and label normalisation.
 * Labels are compared after NFKC; values never are (NFKC turns ① into 1), they get targeted maps.
 */

/** Excel's limit on the characters in one cell. */
export const EXCEL_MAX_CELL_CHARS = 32767;

/**
 * `s` cut to what one Excel cell holds, ending in "…" when cut (never inside a surrogate pair). Excel refuses a longer
 * value through its API and repairs a file holding one; other writers and LibreOffice allow them.
 */
export function fitCellText(s: string): string {
  if (s.length <= EXCEL_MAX_CELL_CHARS) return s;
  return `${s.slice(0, pairSafeEnd(s, EXCEL_MAX_CELL_CHARS - 1))}…`;
}

/** `end`, or one less when the text would be cut between the halves of a surrogate pair there. */
export function pairSafeEnd(s: string, end: number): number {
  const last = s.charCodeAt(end - 1);
  return end < s.length && last >= 0xd800 && last <= 0xdbff ? end - 1 : end;
}

const TAG_NAMES = "p|ul|ol|li|br|div|span|b|i|u|strong|em|font|table|tr|td";
/** A real tag: `<`, optional `/`, a known name, then a boundary (so `<pre>` and `<目的>` are text). */
const TAG_RE = new RegExp(`<\\/?(?:${TAG_NAMES})(?=[\\s/>])[^<>]*>`, "gi");
const HAS_TAG_RE = new RegExp(`<\\/?(?:${TAG_NAMES})(?=[\\s/>])[^<>]*>`, "i");
/** Tags that end a line or a block; runs of them become one line break. */
const BLOCK_TAG_RE = /^<\/?(?:p|ul|ol|li|br|div|table|tr|td)(?=[\s/>])/i;

const WS_RE = /\s+/g;
/** Characters that need NFKC or may be whitespace or a tag; anything else takes the fast path. */
const NEEDS_WORK_RE = /[^\x21-\x3b\x3d\x3f-\x7e]/;

const ZERO_WIDTH_RE = /[\u200B-\u200D\u2060\uFEFF]/;
const ZERO_WIDTH_G = /[\u200B-\u200D\u2060\uFEFF]/g;
/** A blank (U+3000 and NBSP included: JS `\s` covers both). */
const EDGE_SPACE_RE = /^\s$/;
const TRIM_INVISIBLE_RE = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;

/**
 * The same tag after all whitespace is gone (`<ul style="a: b">` → `<ulstyle="a:b">`): the name is
 * followed by nothing, `/`, or an attribute `name=`.
 */
const TAG_NOWS_G = new RegExp(`<\\/?(?:${TAG_NAMES})(?:[a-z][a-z0-9-]*=[^<>]*)?\\/?>`, "gi");
const TAG_NOWS_ONE = new RegExp(`^<\\/?(?:${TAG_NAMES})(?:[a-z][a-z0-9-]*=[^<>]*)?\\/?>$`, "i");

/**
 * Removes tags from text that has no whitespace. One regex pass handles real cells; when removing
 * tags joined new ones (`<<p>p>`), a left-to-right pass with a stack of open `<` finishes the job in
 * linear time, so the result is a fixpoint.
 */
function stripTagsNoWs(t: string): string {
  if (t.indexOf("<") < 0) return t;
  const r = t.replace(TAG_NOWS_G, "");
  if (r.indexOf("<") < 0 || r.search(TAG_NOWS_G) < 0) return r;
  const out = new Uint16Array(r.length);
  let len = 0;
  const open: number[] = [];
  for (let i = 0; i < r.length; i++) {
    const c = r.charCodeAt(i);
    if (c === 0x3c) {
      open.push(len);
      out[len++] = c;
    } else if (c === 0x3e && open.length > 0) {
      const start = open[open.length - 1];
      // Real tags are short; capping the candidate keeps this linear.
      if (len - start < 400 && TAG_NOWS_ONE.test(String.fromCharCode(...out.subarray(start, len)) + ">")) {
        len = start;
        open.pop();
      } else {
        open.length = 0;
        out[len++] = c;
      }
    } else {
      if (c === 0x3e) open.length = 0;
      out[len++] = c;
    }
  }
  let res = "";
  for (let k = 0; k < len; k += 4096) res += String.fromCharCode(...out.subarray(k, Math.min(len, k + 4096)));
  return res;
}

/**
 * Removing characters from NFKC text can only un-normalise it where the character after a removed
 * blank or tag is a combining mark or a conjoining Hangul jamo. The class is a cheap superset of
 * those (every \p{M} and jamo lies in these ranges; kana and kanji do not).
 */
const JUNCTION_RE =
  /[\s>][\u0300-\u036F\u0483-\u0489\u0591-\u1FFF\u20D0-\u20FF\u2CEF-\u2CF1\u2D7F\u2DE0-\u2DFF\u302A-\u302F\u3099\u309A\uA66F-\uA6FF\uA802-\uABFF\uD7B0-\uD7FF\uFB1E\uFE00-\uFE0F\uFE20-\uFE2F\uD800-\uDBFF]/;

/**
 * Label normalisation: NFKC, no whitespace at all, no HTML tags (document text such as `<目的・ねらい>`
 * stays). Idempotent.
 */
export function normalizeLabel(s: string): string {
  if (typeof s !== "string") return "";
  if (!NEEDS_WORK_RE.test(s)) return s;
  let n = s.normalize("NFKC");
  let r = stripTagsNoWs(n.replace(WS_RE, ""));
  for (let k = 0; k < 8 && r.length !== n.length && JUNCTION_RE.test(n); k++) {
    n = r.normalize("NFKC");
    if (n === r) break;
    r = stripTagsNoWs(n.replace(WS_RE, ""));
  }
  return r;
}

/** For comparing titles and names: normalizeLabel, then no leading `・`. Idempotent. */
// Names, labels and ids are compared again and again across a workbook; short ones are worth remembering.
const compareMemo = new Map<string, string>();
const COMPARE_MEMO_MAX = 20000;

export function normalizeForCompare(s: string): string {
  if (typeof s !== "string") return "";
  if (s.length > 64) return compareKeyOf(s);
  let r = compareMemo.get(s);
  if (r === undefined) {
    r = compareKeyOf(s);
    if (compareMemo.size >= COMPARE_MEMO_MAX) compareMemo.clear();
    compareMemo.set(s, r);
  }
  return r;
}

function compareKeyOf(s: string): string {
  let r = normalizeLabel(s);
  let i = 0;
  while (i < r.length && r[i] === "・") i++;
  if (i > 0) r = r.slice(i);
  return r;
}

/** True when the text holds HTML tags left over from an export (TEXT-HTML). */
export function hasHtmlResidue(s: string): boolean {
  return typeof s === "string" && s.indexOf("<") >= 0 && HAS_TAG_RE.test(s);
}

/** Replaces each HTML tag by blanks of the same length, so positions in the text stay valid. */
export function blankHtmlTags(s: string): string {
  if (typeof s !== "string" || s.indexOf("<") < 0) return s;
  return s.replace(TAG_RE, (t) => " ".repeat(t.length));
}

/** Runs of block tags and the blanks around them; inline tags are matched alone. */
const TAG_RUN_RE = new RegExp(`\\s*(?:<\\/?(?:${TAG_NAMES})(?=[\\s/>])[^<>]*>\\s*)+`, "gi");

function stripHtmlOnce(s: string): string {
  let changed = false;
  const out = s.replace(TAG_RUN_RE, (run: string, offset: number) => {
    changed = true;
    const tags = run.match(TAG_RE) ?? [];
    const block = tags.some((t) => BLOCK_TAG_RE.test(t));
    const atStart = offset === 0;
    const atEnd = offset + run.length === s.length;
    if (!block) {
      // Inline tags (<b>, <span>) vanish; the blanks around them are text and stay.
      const lead = /^\s*/.exec(run)?.[0] ?? "";
      const trail = /\s*$/.exec(run)?.[0] ?? "";
      return atStart ? trail : atEnd ? lead : lead + trail;
    }
    // A block boundary inside the text is one line break; at the edges it is nothing.
    return atStart || atEnd ? "" : "\n";
  });
  return changed ? out : s;
}

/**
 * The TEXT-HTML fix: paragraph and list boundaries (`</p><p>`, `<br>`, `</li><li>`, `<ul …>` inside
 * the text) become one `\n`; tags at the start or end vanish with the blanks around them, so there
 * are no leading or trailing blank lines. Text without tags is returned unchanged. Idempotent.
 */
export function stripHtml(s: string): string {
  if (typeof s !== "string") return "";
  let r = s;
  // Each pass removes at least one tag, so this ends; more than one pass only for tags built from tags.
  while (hasHtmlResidue(r)) r = stripHtmlOnce(r);
  return r;
}

/** Invisible characters: zero-width ones anywhere, and blanks (U+3000 included) at either end. */
export function findInvisible(s: string): { zeroWidth: boolean; leadingOrTrailingSpace: boolean } {
  if (typeof s !== "string" || s.length === 0) return { zeroWidth: false, leadingOrTrailingSpace: false };
  const first = s[0];
  const last = s[s.length - 1];
  return {
    zeroWidth: ZERO_WIDTH_RE.test(s),
    leadingOrTrailingSpace: EDGE_SPACE_RE.test(first) || EDGE_SPACE_RE.test(last),
  };
}

/** Removes zero-width characters everywhere and blanks at both ends. */
export function trimInvisible(s: string): string {
  if (typeof s !== "string") return "";
  return s.replace(ZERO_WIDTH_G, "").replace(TRIM_INVISIBLE_RE, "");
}

const VALUE_CHAR_MAP: Readonly<Record<string, string>> = {
  "，": ",",
  "．": ".",
  "％": "%",
  "：": ":",
  "（": "(",
  "）": ")",
  "／": "/",
  "＋": "+",
  "－": "-",
};
const VALUE_CHARS_RE = /[０-９，．％：（）／＋－]/g;
const VALUE_CHARS_TEST = /[０-９，．％：（）／＋－]/;

/**
 * Targeted map for values: full-width digits and `，．％：（）／＋－` to ASCII, one character for one
 * character (positions stay valid). Not NFKC, which would turn ① into 1.
 */
export function normalizeValueChars(s: string): string {
  if (typeof s !== "string") return "";
  if (!VALUE_CHARS_TEST.test(s)) return s;
  return s.replace(VALUE_CHARS_RE, (c) => {
    const code = c.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 0x30);
    return VALUE_CHAR_MAP[c] ?? c;
  });
}

/** Splits at each separator that is not inside a quoted run (`'a,b'!C3, D4`; `"0;0";0`); the parts are kept as they are. */
export function splitOutsideQuotes(s: string, separator: string, quote: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of s) {
    if (ch === quote) quoted = !quoted;
    if (ch === separator && !quoted) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out;
}

/** Columns a text takes in a fixed-width font, a full-width character counting two (half-width kana one). */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u0000-\u00ff\uff61-\uff9f]/.test(ch) ? 1 : 2;
  return w;
}
