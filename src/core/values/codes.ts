/**
 * Rating letters and status symbols (docs/values.md "Codes"). Codes are never NFKC'd: the variants are
 * listed one by one, so that each gets the CODE-VARIANT fix rather than silently passing.
 */
import type { CodeSet, ParsedCode } from "./types";

export const RATING_SAB: CodeSet = {
  id: "rating-sab",
  codes: [
    { code: "S", meaning: { ja: "年度当初の予定以上に進捗", en: "ahead of the year's plan" } },
    { code: "A", meaning: { ja: "年度当初の予定どおりに進捗", en: "on plan" } },
    { code: "B", meaning: { ja: "年度当初の予定よりも遅れている", en: "behind plan" } },
  ],
};

export const STATUS_SYMBOLS: CodeSet = {
  id: "status-symbols",
  codes: [
    { code: "◎", meaning: { ja: "完了", en: "completed" } },
    { code: "○", meaning: { ja: "実施中", en: "in progress" } },
    { code: "△", meaning: { ja: "未着手", en: "not started" } },
    { code: "×", meaning: { ja: "中止", en: "discontinued" } },
  ],
};

/** Look-alikes of the status symbols; used only when the set has the canonical code. */
const SYMBOL_VARIANTS: Readonly<Record<string, string>> = {
  "〇": "○", // U+3007 ideographic zero
  "◯": "○", // U+25EF large circle
  "✕": "×",
  "✖": "×",
  "✗": "×",
  "✘": "×",
  X: "×",
  x: "×",
  "Ｘ": "×",
  "ｘ": "×",
};

const BLANK_RE = /^[\s\u200B-\u200D\u2060\uFEFF]*$/;
const LEAD_RE = /^[\s\u200B-\u200D\u2060\uFEFF]*/;
const TRAIL_RE = /[\s\u200B-\u200D\u2060\uFEFF]*$/;
/** First token, the blank run after it, the rest. */
const CODE_COMMENT_RE = /^(\S+?)([\s\u200B-\u200D\u2060\uFEFF]+)([\s\S]*\S)$/;
const HYOKA_SUFFIX = "評価";
const ZERO_WIDTH_G = /[\u200B-\u200D\u2060\uFEFF]/g;

/** Full-width Latin letter to ASCII, and lower case to upper case. */
function foldLetter(s: string): string {
  if (s.length !== 1) return s;
  let c = s.charCodeAt(0);
  if (c >= 0xff21 && c <= 0xff3a) c = c - 0xff21 + 0x41;
  else if (c >= 0xff41 && c <= 0xff5a) c = c - 0xff41 + 0x61;
  if (c >= 0x61 && c <= 0x7a) c -= 0x20;
  return String.fromCharCode(c);
}

/** The canonical code a token stands for, and whether the token was already canonical. */
function resolve(token: string, set: CodeSet, canonical: ReadonlySet<string>): { code: string; exact: boolean } | null {
  if (canonical.has(token)) return { code: token, exact: true };
  const extra = set.variants?.[token];
  if (extra !== undefined && canonical.has(extra)) return { code: extra, exact: false };
  let t = token;
  if (t.length > HYOKA_SUFFIX.length && t.endsWith(HYOKA_SUFFIX)) t = t.slice(0, -HYOKA_SUFFIX.length);
  if (canonical.has(t)) return { code: t, exact: false };
  const sym = SYMBOL_VARIANTS[t];
  if (sym !== undefined && canonical.has(sym)) return { code: sym, exact: false };
  if (t === "▲" && set.acceptBlackTriangle && canonical.has("△")) return { code: "△", exact: false };
  const folded = foldLetter(t);
  if (folded !== t && canonical.has(folded)) return { code: folded, exact: false };
  return null;
}

const canonicalCache = new WeakMap<CodeSet, ReadonlySet<string>>();

function canonicalOf(set: CodeSet): ReadonlySet<string> {
  let c = canonicalCache.get(set);
  if (!c) {
    c = new Set((set.codes ?? []).map((d) => d.code));
    canonicalCache.set(set, c);
  }
  return c;
}

function rawText(raw: unknown): string {
  if (raw === null || raw === undefined) return "";
  if (typeof raw === "string") return raw;
  if (typeof raw === "number" || typeof raw === "boolean") return String(raw);
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? "" : raw.toISOString();
  if (typeof raw === "object" && typeof (raw as { error?: unknown }).error === "string") return (raw as { error: string }).error;
  return String(raw);
}

/**
 * Reads a code cell. `ok`: exactly a canonical code, or a canonical code, blanks and a comment
 * (`A No.2-7については…`). `variant`: a known look-alike or surrounding blanks, with `fixedText`.
 * `invalid`: anything else (`C`, `AA`, `済`). `empty`: nothing but blanks.
 */
export function parseCode(raw: unknown, set: CodeSet): ParsedCode {
  let text = "";
  try {
    text = rawText(raw);
    if (BLANK_RE.test(text)) return { raw: text, status: "empty" };
    if (!set || typeof set !== "object") return { raw: text, status: "invalid" };
    const canonical = canonicalOf(set);
    const lead = LEAD_RE.exec(text)?.[0] ?? "";
    const trail = TRAIL_RE.exec(text)?.[0] ?? "";
    const core = text.slice(lead.length, text.length - trail.length);
    const edges = lead.length > 0 || trail.length > 0;

    const whole = resolve(core, set, canonical);
    if (whole) {
      if (whole.exact && !edges) return { raw: text, status: "ok", code: whole.code };
      return { raw: text, status: "variant", code: whole.code, fixedText: whole.code };
    }

    const m = CODE_COMMENT_RE.exec(core);
    if (m) {
      const head = resolve(m[1], set, canonical);
      if (head) {
        const comment = m[3];
        // A zero-width separator is invisible: the fix keeps the visible blanks, or one space.
        const sep = m[2].replace(ZERO_WIDTH_G, "") || " ";
        if (head.exact && !edges && sep === m[2]) return { raw: text, status: "ok", code: head.code, comment };
        return { raw: text, status: "variant", code: head.code, comment, fixedText: head.code + sep + comment };
      }
    }
    return { raw: text, status: "invalid" };
  } catch {
    return { raw: text, status: "invalid" };
  }
}
