import { pairSafeEnd } from "../core/values/text";

/**
 * Sheet names Excel accepts: not blank, at most 31 characters, none of / \ ? * : [ ], no leading or
 * trailing apostrophe, not "History". Clashes get " (2)", " (3)" … (compared case-insensitively, as Excel does).
 */
const MAX = 31;
const FORBIDDEN = /[/\\?*:[\]]/g;

export function sanitizeSheetName(name: string): string {
  let s = name.replace(FORBIDDEN, "_").replace(/^'+|'+$/g, "").trim();
  if (!s) s = "Sheet";
  if (s.toLowerCase() === "history") s = `${s}_`;
  return s.length > MAX ? cut(s, MAX) : s;
}

/**
 * The name's first `n` code units, never ending inside a surrogate pair (an emoji) or with an apostrophe, where a
 * cut can land after the name's own apostrophes were checked.
 */
function cut(name: string, n: number): string {
  return name.slice(0, pairSafeEnd(name, n)).replace(/'+$/, "");
}

/** `taken`: the names in use, or a set of them in lower case (kept by a caller that names thousands of sheets in a row). */
export function freeSheetName(wanted: string, taken: readonly string[] | ReadonlySet<string>): string {
  const used = taken instanceof Set ? taken : new Set((taken as readonly string[]).map((t) => t.toLowerCase()));
  const base = sanitizeSheetName(wanted);
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; i < 1000; i++) {
    const suffix = ` (${i})`;
    const candidate = cut(base, MAX - suffix.length) + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
  return cut(base, MAX - 7) + ` (${Date.now() % 10000})`;
}
