/**
 * The words around a quantity that say how it is meant: comparators after it (以上, 以下, 未満, 超, を維持),
 * approximation before or after it (約, 概ね; 程度, 前後), and bands (`80%台` = [80, 90)).
 *
 * `維持` after a number is the comparator "maintain" (`80%台を維持`); alone it is a relative target.
 */
import type { Comparator } from "../types";
import { charCodes } from "./characters";

/** Approximation before a quantity (`約100人`) and after it (`100人程度`). */
export const APPROX_RE = /(約|概ね|おおむね|およそ|ほぼ)\s*/y;
export const APPROX_AFTER_RE = /\s*(程度|前後)/y;
export const APPROX_FIRST = charCodes("約概おほ");
export const AFTER_FIRST = charCodes("程前");

/** Comparators after a quantity, longest first where one is the start of another. */
export const COMP_RE =
  /\s*(以上|以下|以内|未満|超過|を超えないこと|を超えない|を超えること|を超える|を上回ること|を上回る|を下回ること|を下回る|を維持|維持|超(?!え))/y;
export const COMP_FIRST = charCodes("以未超を維");
export const COMPARATORS: Readonly<Record<string, Comparator>> = {
  以上: ">=", 以下: "<=", 以内: "<=", 未満: "<", 超過: ">", 超: ">",
  を超えないこと: "<=", を超えない: "<=", を超えること: ">", を超える: ">",
  を上回ること: ">", を上回る: ">", を下回ること: "<", を下回る: "<", を維持: "maintain", 維持: "maintain",
};

export function bandWidth(intDigits: string, frac: string, mult: number): number {
  // The last written digit sets the width: 80%台 → 10, 1.5%台 → 0.1, 100万人台 → 100万.
  if (frac.length > 0) return mult / 10 ** frac.length;
  const m = /0+$/.exec(intDigits);
  const zeros = m ? m[0].length : 0;
  if (/^0+$/.test(intDigits)) return 10 * mult;
  return 10 ** zeros * mult;
}
