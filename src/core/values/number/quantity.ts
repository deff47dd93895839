/**
 * The quantity grammar: an optional prefix (延べ, 月額) and approximation (約), a sign, a number with thousands
 * separators and Japanese multipliers (`11億3,750万`), a unit, a band (`80%台`), a per-unit (`/人`) and a comparator.
 *
 * Ambiguous forms, decided here:
 * - `N台` with no other unit is the counter 台 (`80台以下` = at most 80 bicycles, Mitaka M-L417);
 *   `N<unit>台` is a band (`80%台` = [80, 90), `1,000人台` = [1000, 2000)).
 * - `N日` is a count of days (`14日以上`); it is a date only inside `M月D日`.
 * - `△`/`▲` make a number negative only for money, rates and bare numbers; elsewhere they are ignored
 *   and reported in `issues`.
 */
import type { Band, Comparator, Multiplier, Quantity } from "../types";
import { charCodes, codeAt, nextNonBlank, stickyMatch } from "./characters";
import { AFTER_FIRST, APPROX_AFTER_RE, APPROX_FIRST, APPROX_RE, COMPARATORS, COMP_FIRST, COMP_RE, bandWidth } from "./comparators";
import { UNIT_CANON, UNIT_RE } from "./units";

const MULTIPLIERS: Readonly<Record<Multiplier, number>> = { 億: 1e8, 千万: 1e7, 百万: 1e6, 万: 1e4, 千: 1e3 };

const PREFIX_RE = /(延べ|延|のべ|月額)\s*/y;
const SIGN_RE = /([△▲]|[+\-−](?=\d))\s*/y;
const NUM_RE = /(\d+(?:,\d+)*)(?:\.(\d+))?/y;
const GROUPED_OK = /^\d{1,3}(?:,\d{3})+$/;
const MULT_RE = /\s*(億|千万|百万(?=\s*円)|万|千(?=\s*円))/y;
/** After 万 or 億 a smaller place needs no 円: `1万2千人` = 12,000. */
const CHAIN_MULT_RE = /(千万|百万|万|千)/y;
const CHAIN_NUM_RE = /(\d+(?:,\d{3})*)(?:\.(\d+))?/y;
const WS_STICKY = /\s*/y;

/** After a unit written with a blank before it, the unit must end a word (`225 件`, not `3 人口`). */
const SPACED_UNIT_END = /(?:$|[\s()/:、。,・~→]|以上|以下|以内|未満|超|を|台|程度|前後)/y;
/** An unlisted counter glued to the number: 1-3 kanji/katakana up to a word end. */
const UNKNOWN_UNIT_RE = /((?!以上|以下|以内|未満|超|年|月|日|ー)[\u4E00-\u9FFF\u30A1-\u30FA\u30FC々ヶ]{1,3}?)(?=$|[\s()/:、。,・~→]|以上|以下|以内|未満|超|台)/y;
const PER_RE = /\s*\/\s*(人・年|人日|1人|年度|年|月|日|人|世帯|週|回|件|台|km|ha)/y;
/** A number glued to these is part of a word or code (`No.2`, `第3次`, `t-CO2`, `2-7`). */
const REJECT_BEFORE = /[0-9A-Za-z.,\-−_/#№第]/;
const MONEY_OR_RATE = new Set(["円", "%", "ポイント", "pt", "割"]);

const PREFIX_FIRST = charCodes("延の月");
const SIGN_FIRST = charCodes("△▲+-−");
const MULT_FIRST = charCodes("億千百万");

export interface Qty {
  start: number;
  end: number;
  number: number;
  value: number;
  multiplier?: Multiplier;
  unit?: string;
  writtenUnit?: string;
  per?: string;
  prefix?: string;
  comparator?: Comparator;
  comparatorText?: string;
  band?: Band;
  approximate?: boolean;
  definitional: boolean;
  issues: string[];
}

/** digits × multiplier without binary noise for the usual cases (25.4億 = 2,540,000,000 exactly). */
function scaled(intDigits: string, frac: string, mult: number): number {
  const whole = Number(intDigits + frac);
  return frac.length === 0 ? whole * mult : (whole * mult) / 10 ** frac.length;
}

/** Drops binary noise (0.962 × 100 = 96.19999…); integers pass untouched. */
export function dropBinaryNoise(n: number): number {
  return Number.isInteger(n) || !Number.isFinite(n) ? n : parseFloat(n.toPrecision(15));
}


/** Reads the quantity that starts at `p` (a prefix, sign or digit), or null. */
export function readQuantity(w: string, p: number, end: number): Qty | null {
  // Also makes a +/- sign a hyphen when glued to a word (`2-7`).
  if (p > 0 && REJECT_BEFORE.test(w[p - 1])) return null;
  let i = p;
  let prefix: string | undefined;
  let approximate = false;
  for (let k = 0; k < 2; k++) {
    const pm = prefix === undefined && PREFIX_FIRST.has(codeAt(w, i)) ? stickyMatch(PREFIX_RE, w, i, end) : null;
    if (pm) {
      prefix = pm[1];
      i = PREFIX_RE.lastIndex;
      continue;
    }
    const am = !approximate && APPROX_FIRST.has(codeAt(w, i)) ? stickyMatch(APPROX_RE, w, i, end) : null;
    if (am) {
      approximate = true;
      i = APPROX_RE.lastIndex;
      continue;
    }
    break;
  }
  const sm = SIGN_FIRST.has(codeAt(w, i)) ? stickyMatch(SIGN_RE, w, i, end) : null;
  let sign = "";
  if (sm) {
    sign = sm[1];
    i = SIGN_RE.lastIndex;
  }
  const n = stickyMatch(NUM_RE, w, i, end);
  if (!n) return null;
  const issues: string[] = [];
  const grouped = n[1];
  if (grouped.includes(",") && !GROUPED_OK.test(grouped)) issues.push(`irregular thousands separators in "${grouped}"`);
  const intDigits = grouped.replace(/,/g, "");
  const frac = n[2] ?? "";
  i = NUM_RE.lastIndex;

  let multiplier: Multiplier | undefined;
  let multVal = 1;
  let value: number;
  let number: number;
  const mm = MULT_FIRST.has(codeAt(w, nextNonBlank(w, i, end))) ? stickyMatch(MULT_RE, w, i, end) : null;
  if (mm) {
    multiplier = mm[1] as Multiplier;
    multVal = MULTIPLIERS[multiplier];
    i = MULT_RE.lastIndex;
    value = scaled(intDigits, frac, multVal);
    // 11億3,750万, 451万5千円: further terms with smaller multipliers add up.
    let lastMult = multVal;
    for (;;) {
      const cn = stickyMatch(CHAIN_NUM_RE, w, i, end);
      if (!cn) break;
      const afterNum = CHAIN_NUM_RE.lastIndex;
      const cm = stickyMatch(CHAIN_MULT_RE, w, afterNum, end);
      const cmVal = cm ? MULTIPLIERS[cm[1] as Multiplier] : 0;
      if (cm && cmVal < lastMult) {
        value += scaled(cn[1].replace(/,/g, ""), cn[2] ?? "", cmVal);
        lastMult = cmVal;
        i = CHAIN_MULT_RE.lastIndex;
        continue;
      }
      if (!cm && lastMult >= 1e4 && stickyMatch(UNIT_RE, w, afterNum, end)) {
        value += scaled(cn[1].replace(/,/g, ""), cn[2] ?? "", 1);
        i = afterNum;
      }
      break;
    }
    number = value / multVal;
  } else {
    value = scaled(intDigits, frac, 1);
    number = value;
  }

  let unit: string | undefined;
  let writtenUnit: string | undefined;
  const ws = stickyMatch(WS_STICKY, w, i, end);
  const j = ws ? WS_STICKY.lastIndex : i;
  const um = stickyMatch(UNIT_RE, w, j, end);
  if (um && (j === i || stickyMatch(SPACED_UNIT_END, w, UNIT_RE.lastIndex, end) !== null || UNIT_RE.lastIndex === end)) {
    unit = UNIT_CANON[um[0]] ?? um[0];
    writtenUnit = (multiplier ?? "") + um[0];
    i = UNIT_RE.lastIndex;
  } else if (!um && j === i) {
    const uu = stickyMatch(UNKNOWN_UNIT_RE, w, i, end);
    if (uu) {
      unit = uu[1];
      writtenUnit = (multiplier ?? "") + uu[1];
      issues.push(`unit "${uu[1]}" is not a known unit`);
      i = UNKNOWN_UNIT_RE.lastIndex;
    }
  }
  if (unit === undefined && multiplier !== undefined) writtenUnit = multiplier;

  let band: Band | undefined;
  if (w[i] === "台" && i < end) {
    if (unit === undefined || unit === "台") {
      if (unit === undefined) {
        unit = "台";
        writtenUnit = (multiplier ?? "") + "台";
        i++;
      }
    } else {
      const width = bandWidth(intDigits, frac, multVal);
      band = { lo: dropBinaryNoise(value), hi: dropBinaryNoise(value + width) };
      i++;
    }
  }

  let per: string | undefined;
  const pm = codeAt(w, nextNonBlank(w, i, end)) === 0x2f ? stickyMatch(PER_RE, w, i, end) : null;
  if (pm) {
    per = pm[1];
    i = PER_RE.lastIndex;
  }

  const ap = AFTER_FIRST.has(codeAt(w, nextNonBlank(w, i, end))) ? stickyMatch(APPROX_AFTER_RE, w, i, end) : null;
  if (ap) {
    approximate = true;
    i = APPROX_AFTER_RE.lastIndex;
  }
  let comparator: Comparator | undefined;
  let comparatorText: string | undefined;
  const cm = COMP_FIRST.has(codeAt(w, nextNonBlank(w, i, end))) ? stickyMatch(COMP_RE, w, i, end) : null;
  if (cm) {
    comparatorText = cm[1];
    comparator = COMPARATORS[cm[1]];
    i = COMP_RE.lastIndex;
  }

  let negative = sign === "-" || sign === "−";
  if (sign === "△" || sign === "▲") {
    if (unit === undefined || MONEY_OR_RATE.has(unit) || multiplier !== undefined) negative = true;
    else issues.push(`"${sign}" before a count is not read as minus`);
  }
  if (negative) {
    value = -value;
    number = -number;
    if (band) band = { lo: dropBinaryNoise(value), hi: dropBinaryNoise(value + (band.hi - band.lo)) };
  }

  // Hiragana right after the quantity (`100%であったもの`): the number defines a term, it is not the value.
  const h = codeAt(w, i);
  const definitional = comparator === undefined && i < end && h >= 0x3041 && h <= 0x309f;
  const q: Qty = { start: p, end: i, number: dropBinaryNoise(number), value: dropBinaryNoise(value), definitional, issues };
  if (multiplier !== undefined) q.multiplier = multiplier;
  if (unit !== undefined) q.unit = unit;
  if (writtenUnit !== undefined) q.writtenUnit = writtenUnit;
  if (per !== undefined) q.per = per;
  if (prefix !== undefined) q.prefix = prefix;
  if (comparator !== undefined) q.comparator = comparator;
  if (comparatorText !== undefined) q.comparatorText = comparatorText;
  if (band !== undefined) q.band = band;
  if (approximate) q.approximate = true;
  return q;
}

export function toQuantity(q: Qty): Quantity {
  return fillQuantity({ number: q.number, value: q.value }, q);
}

/** Copies the set fields of a quantity onto `out` (no spreads: this runs for every value). */
export function fillQuantity<T extends { -readonly [K in keyof Quantity]: Quantity[K] }>(out: T, q: Qty): T {
  if (q.multiplier !== undefined) out.multiplier = q.multiplier;
  if (q.unit !== undefined) out.unit = q.unit;
  if (q.writtenUnit !== undefined) out.writtenUnit = q.writtenUnit;
  if (q.per !== undefined) out.per = q.per;
  if (q.prefix !== undefined) out.prefix = q.prefix;
  if (q.comparator !== undefined) out.comparator = q.comparator;
  if (q.comparatorText !== undefined) out.comparatorText = q.comparatorText;
  if (q.band !== undefined) out.band = q.band;
  if (q.approximate) out.approximate = true;
  return out;
}
