/**
 * How alike two texts are (docs/compare.md): 1 for the same text after normalisation, 0 for nothing in common. Used
 * for titles (更なる / さらなる are the same item) and for texts copied from last year.
 */
import { normalizeForCompare } from "../values/text";

/** Character pairs of a text, counted (a pair that occurs twice counts twice). */
function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/**
 * The Dice coefficient of the two texts' character pairs, after normalizeForCompare (NFKC, no whitespace, no HTML
 * tags): 2 × shared pairs / all pairs. Linear in the texts' length, so a 2,000-character 取組実績 costs no more than
 * reading it. A one-character text is alike only when equal.
 */
export function similarity(a: string, b: string): number {
  const x = normalizeForCompare(a);
  const y = normalizeForCompare(b);
  if (x === y) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  const gx = bigrams(x);
  const gy = bigrams(y);
  let shared = 0;
  for (const [g, n] of gx) shared += Math.min(n, gy.get(g) ?? 0);
  return (2 * shared) / (x.length - 1 + (y.length - 1));
}

/** The text as it is compared: two texts with the same key are identical. */
export function compareKey(s: string): string {
  return normalizeForCompare(s);
}
