import { sheetNameKey } from "../core/owned";
import { pairSafeEnd } from "../core/values/text";

/**
 * Sheet names Excel accepts: not blank, at most 31 characters, none of / \ ? * : [ ] nor their full-width forms
 * (Japanese Excel refuses ／ ＼ ￥ ？ ＊ ： ［ ］ too), no control character, no leading or trailing apostrophe
 * (' ’ ＇), not "History" nor 履歴 (its name in Japanese Excel, which refuses it as reserved). Clashes get " (2)",
 * " (3)" … compared as Excel compares names (sheetNameKey: case and width do not count). See docs/file-layer.md,
 * "Sheet names".
 */
const MAX = 31;
const RESERVED = ["history", "履歴"];
const FORBIDDEN = /[/\\?*:[\]／＼￥？＊：［］\u0000-\u001f]/g;
// Spaces too, so that removing an apostrophe cannot leave one at the end ("案' '").
const ENDS = /^[\s'’＇]+|[\s'’＇]+$/g;

export function sanitizeSheetName(name: string): string {
  let s = name.replace(FORBIDDEN, "_").replace(ENDS, "");
  if (!s) s = "Sheet";
  if (RESERVED.includes(sheetNameKey(s))) s = `${s}_`;
  return s.length > MAX ? cut(s, MAX) : s;
}

/**
 * The name's first `n` code units, never ending inside a surrogate pair (an emoji) or with an apostrophe, where a
 * cut can land after the name's own apostrophes were checked.
 */
function cut(name: string, n: number): string {
  return name.slice(0, pairSafeEnd(name, n)).replace(/['’＇]+$/, "");
}

/**
 * `taken`: the names in use, or a set of their sheetNameKey forms (kept by a caller that names thousands of sheets
 * in a row).
 */
export function freeSheetName(wanted: string, taken: readonly string[] | ReadonlySet<string>): string {
  const used = taken instanceof Set ? taken : new Set((taken as readonly string[]).map(sheetNameKey));
  const base = sanitizeSheetName(wanted);
  if (!used.has(sheetNameKey(base))) return base;
  for (let i = 2; i < 1000; i++) {
    const suffix = ` (${i})`;
    const candidate = cut(base, MAX - suffix.length) + suffix;
    if (!used.has(sheetNameKey(candidate))) return candidate;
  }
  return cut(base, MAX - 7) + ` (${Date.now() % 10000})`;
}
