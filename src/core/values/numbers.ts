/**
 * Value cells (現状値 / 目標値 / 実績値): docs/values.md "Numbers with units", every form found in the samples.
 *
 * The text is first mapped character for character (full-width digits and punctuation to ASCII, tags
 * to blanks), so every position in the mapped text is the same position in the raw text: labels and
 * qualifier texts are cut from the raw text, exactly as written.
 *
 * Ambiguous forms, decided here:
 * - `N台` with no other unit is the counter 台 (`80台以下` = at most 80 bicycles, Mitaka M-L417);
 *   `N<unit>台` is a band (`80%台` = [80, 90), `1,000人台` = [1000, 2000)).
 * - `N日` is a count of days (`14日以上`); it is a date only inside `M月D日`.
 * - `維持` after a number is the comparator "maintain" (`80%台を維持`); alone it is a relative target.
 * - `△`/`▲` make a number negative only for money, rates and bare numbers; elsewhere they are ignored
 *   and reported in `issues`.
 */
import type {
  Band,
  Comparator,
  DateRef,
  MarkedSegment,
  Multiplier,
  ParsedValue,
  Qualifier,
  QualifierKind,
  Quantity,
  RelativeTarget,
  ValueKind,
  ValuePart,
  YearTable,
} from "./types";
import { blankHtmlTags } from "./text";
import { eraToWestern, matchWarekiAt, type WarekiMatch } from "./wareki";

export interface ParseValueOptions {
  /** The cell has a percent number format: 0.962 means 96.2 %. */
  readonly percentFormat?: boolean;
}

export type ValueCell = string | number | boolean | Date | { readonly error: string } | null | undefined;

// ---------------------------------------------------------------- character map (one for one)

const MAP_TEST = /[０-９，．％：（）／＋－Ａ-Ｚａ-ｚ～〜＜＞･､\u200B-\u200D\u2060\uFEFF]/;

function mapCode(c: number): number {
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10 + 0x30; // digits
  if (c >= 0xff21 && c <= 0xff3a) return c - 0xff21 + 0x41; // A-Z
  if (c >= 0xff41 && c <= 0xff5a) return c - 0xff41 + 0x61; // a-z
  switch (c) {
    case 0xff0c: return 0x2c; // ，
    case 0xff0e: return 0x2e; // ．
    case 0xff05: return 0x25; // ％
    case 0xff1a: return 0x3a; // ：
    case 0xff08: return 0x28; // （
    case 0xff09: return 0x29; // ）
    case 0xff0f: return 0x2f; // ／
    case 0xff0b: return 0x2b; // ＋
    case 0xff0d: return 0x2d; // －
    case 0xff5e: return 0x7e; // ～
    case 0x301c: return 0x7e; // 〜
    case 0xff1c: return 0x3c; // ＜
    case 0xff1e: return 0x3e; // ＞
    case 0xff65: return 0x30fb; // ･
    case 0xff64: return 0x3001; // ､
    case 0x200b: case 0x200c: case 0x200d: case 0x2060: case 0xfeff: return 0x20; // zero-width
    default: return c;
  }
}

/** Same length as the input, so positions carry over to the raw text. */
function mapChars(s: string): string {
  if (!MAP_TEST.test(s)) return s;
  const out: string[] = new Array<string>(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const m = mapCode(c);
    out[i] = m === c ? s[i] : String.fromCharCode(m);
  }
  return out.join("");
}

// ---------------------------------------------------------------- circled-number segments

const CIRCLED_FIRST = 0x2460; // ①
const CIRCLED_LAST = 0x2473; // ⑳

function circledIndex(c: number): number {
  return c >= CIRCLED_FIRST && c <= CIRCLED_LAST ? c - CIRCLED_FIRST + 1 : 0;
}

/** Same set as the regex `\s`, on a char code: no one-character strings in the hot loops. */
function isBlank(c: number): boolean {
  return (
    c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f
  );
}

interface MarkerStart {
  readonly pos: number;
  readonly index: number;
}

/**
 * Positions of the circled numbers that start a segment: at the start or after a blank, outside
 * parentheses, each greater than the one before.
 */
function markerStarts(t: string): MarkerStart[] {
  const out: MarkerStart[] = [];
  let depth = 0;
  let last = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x28 || c === 0xff08) depth++;
    else if (c === 0x29 || c === 0xff09) depth = depth > 0 ? depth - 1 : 0;
    else if (depth === 0) {
      const idx = circledIndex(c);
      if (idx > last && (i === 0 || isBlank(t.charCodeAt(i - 1)))) {
        out.push({ pos: i, index: idx });
        last = idx;
      }
    }
  }
  return out;
}

/**
 * Splits a cell that packs several indicators (`①… ②…`). Splits only at a circled number at the
 * start or after a blank, in ascending order and outside parentheses, so
 * `②2件(①リサイクルセンター…、②上宿小…)` stays one segment. Text before the first marker is an
 * unmarked segment (omitted when blank).
 */
export function splitMarkedSegments(text: string): MarkedSegment[] {
  try {
    if (typeof text !== "string" || text.length === 0) return [];
    const starts = markerStarts(text);
    const out: MarkedSegment[] = [];
    const pre = text.slice(0, starts.length > 0 ? starts[0].pos : text.length).trim();
    if (pre.length > 0) out.push({ text: pre });
    for (let k = 0; k < starts.length; k++) {
      const s = starts[k];
      const end = k + 1 < starts.length ? starts[k + 1].pos : text.length;
      out.push({ marker: text[s.pos], index: s.index, text: text.slice(s.pos, end).trim() });
    }
    return out;
  } catch {
    return typeof text === "string" && text.trim().length > 0 ? [{ text: text.trim() }] : [];
  }
}

// ---------------------------------------------------------------- quantity grammar

const MULTIPLIERS: Readonly<Record<Multiplier, number>> = { 億: 1e8, 千万: 1e7, 百万: 1e6, 万: 1e4, 千: 1e3 };

const PREFIX_RE = /(延べ|延|のべ|月額)\s*/y;
const APPROX_RE = /(約|概ね|おおむね|およそ|ほぼ)\s*/y;
const SIGN_RE = /([△▲]|[+\-−](?=\d))\s*/y;
const NUM_RE = /(\d+(?:,\d+)*)(?:\.(\d+))?/y;
const GROUPED_OK = /^\d{1,3}(?:,\d{3})+$/;
const MULT_RE = /\s*(億|千万|百万(?=\s*円)|万|千(?=\s*円))/y;
/** After 万 or 億 a smaller place needs no 円: `1万2千人` = 12,000. */
const CHAIN_MULT_RE = /(千万|百万|万|千)/y;
const CHAIN_NUM_RE = /(\d+(?:,\d{3})*)(?:\.(\d+))?/y;
const WS_STICKY = /\s*/y;

/** Units, longest first. Counters, money, SI-ish units. */
const UNIT_WORDS = [
  "事業所", "事業者", "事業", "事務", "団体", "地区", "か所", "ヶ所", "カ所", "ケ所", "箇所", "施設", "種類", "店舗",
  "住区", "指標", "世帯", "時間", "人日", "日間", "週間", "か月", "ヶ月", "カ月", "ケ月", "箇月", "年間", "区画",
  "グループ", "ポイント", "パーセント", "件", "人", "回", "校", "台", "基", "点", "本", "社", "冊", "日", "名", "園", "戸",
  "組", "課", "通", "枚", "個", "機", "棟", "頁", "館", "倍", "歳", "円", "割", "％",
];
const ASCII_UNITS = ["t-CO2", "t-CO₂", "kWh", "kW", "MW", "km", "kg", "ha", "m³", "m²", "m ³", "m ²", "pt", "g", "t", "m", "%"];
const SPECIAL_UNITS = ["㎥", "㎡", "㎞", "㎏"];

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
}

const UNIT_RE = new RegExp(
  `(?:${[...UNIT_WORDS, ...SPECIAL_UNITS].sort((a, b) => b.length - a.length).map(escapeRe).join("|")}|(?:${ASCII_UNITS.sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join("|")})(?![A-Za-z]))`,
  "y",
);

const UNIT_CANON: Readonly<Record<string, string>> = {
  ヶ所: "か所", カ所: "か所", ケ所: "か所", 箇所: "か所",
  ヶ月: "か月", カ月: "か月", ケ月: "か月", 箇月: "か月",
  "m ³": "m³", "m ²": "m²", "㎥": "m³", "㎡": "m²", "㎞": "km", "㎏": "kg", "t-CO₂": "t-CO2", パーセント: "%", "％": "%",
};

/** After a unit written with a blank before it, the unit must end a word (`225 件`, not `3 人口`). */
const SPACED_UNIT_END = /(?:$|[\s()/:、。,・~→]|以上|以下|以内|未満|超|を|台|程度|前後)/y;
/** An unlisted counter glued to the number: 1-3 kanji/katakana up to a word end. */
const UNKNOWN_UNIT_RE = /((?!以上|以下|以内|未満|超|年|月|日|ー)[\u4E00-\u9FFF\u30A1-\u30FA\u30FC々ヶ]{1,3}?)(?=$|[\s()/:、。,・~→]|以上|以下|以内|未満|超|台)/y;
const PER_RE = /\s*\/\s*(人・年|人日|1人|年度|年|月|日|人|世帯|週|回|件|台|km|ha)/y;
const COMP_RE =
  /\s*(以上|以下|以内|未満|超過|を超えないこと|を超えない|を超えること|を超える|を上回ること|を上回る|を下回ること|を下回る|を維持|維持|超(?!え))/y;
const APPROX_AFTER_RE = /\s*(程度|前後)/y;
const COMPARATORS: Readonly<Record<string, Comparator>> = {
  以上: ">=", 以下: "<=", 以内: "<=", 未満: "<", 超過: ">", 超: ">",
  を超えないこと: "<=", を超えない: "<=", を超えること: ">", を超える: ">",
  を上回ること: ">", を上回る: ">", を下回ること: "<", を下回る: "<", を維持: "maintain", 維持: "maintain",
};
/** A number glued to these is part of a word or code (`No.2`, `第3次`, `t-CO2`, `2-7`). */
const REJECT_BEFORE = /[0-9A-Za-z.,\-−_/#№第]/;
const MONEY_OR_RATE = new Set(["円", "%", "ポイント", "pt", "割"]);

// First characters of the optional pieces: a Set lookup is much cheaper than a failed regex run.
const codes = (chars: string): ReadonlySet<number> => new Set(Array.from(chars, (c) => c.charCodeAt(0)));
const PREFIX_FIRST = codes("延の月");
const APPROX_FIRST = codes("約概おほ");
const SIGN_FIRST = codes("△▲+-−");
const MULT_FIRST = codes("億千百万");
const AFTER_FIRST = codes("程前");
const COMP_FIRST = codes("以未超を維");

function nextNonBlank(w: string, i: number, end: number): number {
  while (i < end && isBlank(w.charCodeAt(i))) i++;
  return i;
}

interface Qty {
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

function exec(re: RegExp, t: string, pos: number, end: number): RegExpExecArray | null {
  re.lastIndex = pos;
  const m = re.exec(t);
  return m && re.lastIndex <= end ? m : null;
}

/** digits × multiplier without binary noise for the usual cases (25.4億 = 2,540,000,000 exactly). */
function scaled(intDigits: string, frac: string, mult: number): number {
  const whole = Number(intDigits + frac);
  return frac.length === 0 ? whole * mult : (whole * mult) / 10 ** frac.length;
}

/** Drops binary noise (0.962 × 100 = 96.19999…); integers pass untouched. */
function clean(n: number): number {
  return Number.isInteger(n) || !Number.isFinite(n) ? n : parseFloat(n.toPrecision(15));
}

function bandWidth(intDigits: string, frac: string, mult: number): number {
  // The last written digit sets the width: 80%台 → 10, 1.5%台 → 0.1, 100万人台 → 100万.
  if (frac.length > 0) return mult / 10 ** frac.length;
  const m = /0+$/.exec(intDigits);
  const zeros = m ? m[0].length : 0;
  if (/^0+$/.test(intDigits)) return 10 * mult;
  return 10 ** zeros * mult;
}

/** Reads the quantity that starts at `p` (a prefix, sign or digit), or null. */
function readQuantity(w: string, p: number, end: number): Qty | null {
  // Also makes a +/- sign a hyphen when glued to a word (`2-7`).
  if (p > 0 && REJECT_BEFORE.test(w[p - 1])) return null;
  let i = p;
  let prefix: string | undefined;
  let approximate = false;
  for (let k = 0; k < 2; k++) {
    const pm = prefix === undefined && PREFIX_FIRST.has(w.charCodeAt(i)) ? exec(PREFIX_RE, w, i, end) : null;
    if (pm) {
      prefix = pm[1];
      i = PREFIX_RE.lastIndex;
      continue;
    }
    const am = !approximate && APPROX_FIRST.has(w.charCodeAt(i)) ? exec(APPROX_RE, w, i, end) : null;
    if (am) {
      approximate = true;
      i = APPROX_RE.lastIndex;
      continue;
    }
    break;
  }
  const sm = SIGN_FIRST.has(w.charCodeAt(i)) ? exec(SIGN_RE, w, i, end) : null;
  let sign = "";
  if (sm) {
    sign = sm[1];
    i = SIGN_RE.lastIndex;
  }
  const n = exec(NUM_RE, w, i, end);
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
  const mm = MULT_FIRST.has(w.charCodeAt(nextNonBlank(w, i, end))) ? exec(MULT_RE, w, i, end) : null;
  if (mm) {
    multiplier = mm[1] as Multiplier;
    multVal = MULTIPLIERS[multiplier];
    i = MULT_RE.lastIndex;
    value = scaled(intDigits, frac, multVal);
    // 11億3,750万, 451万5千円: further terms with smaller multipliers add up.
    let lastMult = multVal;
    for (;;) {
      const cn = exec(CHAIN_NUM_RE, w, i, end);
      if (!cn) break;
      const afterNum = CHAIN_NUM_RE.lastIndex;
      const cm = exec(CHAIN_MULT_RE, w, afterNum, end);
      const cmVal = cm ? MULTIPLIERS[cm[1] as Multiplier] : 0;
      if (cm && cmVal < lastMult) {
        value += scaled(cn[1].replace(/,/g, ""), cn[2] ?? "", cmVal);
        lastMult = cmVal;
        i = CHAIN_MULT_RE.lastIndex;
        continue;
      }
      if (!cm && lastMult >= 1e4 && exec(UNIT_RE, w, afterNum, end)) {
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
  const ws = exec(WS_STICKY, w, i, end);
  const j = ws ? WS_STICKY.lastIndex : i;
  const um = exec(UNIT_RE, w, j, end);
  if (um && (j === i || exec(SPACED_UNIT_END, w, UNIT_RE.lastIndex, end) !== null || UNIT_RE.lastIndex === end)) {
    unit = UNIT_CANON[um[0]] ?? um[0];
    writtenUnit = (multiplier ?? "") + um[0];
    i = UNIT_RE.lastIndex;
  } else if (!um && j === i) {
    const uu = exec(UNKNOWN_UNIT_RE, w, i, end);
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
      band = { lo: clean(value), hi: clean(value + width) };
      i++;
    }
  }

  let per: string | undefined;
  const pm = w.charCodeAt(nextNonBlank(w, i, end)) === 0x2f ? exec(PER_RE, w, i, end) : null;
  if (pm) {
    per = pm[1];
    i = PER_RE.lastIndex;
  }

  const ap = AFTER_FIRST.has(w.charCodeAt(nextNonBlank(w, i, end))) ? exec(APPROX_AFTER_RE, w, i, end) : null;
  if (ap) {
    approximate = true;
    i = APPROX_AFTER_RE.lastIndex;
  }
  let comparator: Comparator | undefined;
  let comparatorText: string | undefined;
  const cm = COMP_FIRST.has(w.charCodeAt(nextNonBlank(w, i, end))) ? exec(COMP_RE, w, i, end) : null;
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
    if (band) band = { lo: clean(value), hi: clean(value + (band.hi - band.lo)) };
  }

  // Hiragana right after the quantity (`100%であったもの`): the number defines a term, it is not the value.
  const h = w.charCodeAt(i);
  const definitional = comparator === undefined && i < end && h >= 0x3041 && h <= 0x309f;
  const q: Qty = { start: p, end: i, number: clean(number), value: clean(value), definitional, issues };
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

function toQuantity(q: Qty): Quantity {
  return fillQuantity({ number: q.number, value: q.value }, q);
}

/** Copies the set fields of a quantity onto `out` (no spreads: this runs for every value). */
function fillQuantity<T extends { -readonly [K in keyof Quantity]: Quantity[K] }>(out: T, q: Qty): T {
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

// ---------------------------------------------------------------- dates inside values

/** Era-less years and months: `27年度`, `(27年決算)`, `3月16日`, `4月1日`. Not `5年間`, not `14日`. */
const PLAIN_DATE_RE =
  /(?:\d{1,4}\s*年度?(?![間])(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日|\s*末日?)?)?(?:\s*末)?|\d{1,2}\s*月(?:\s*\d{1,2}\s*日|\s*末日?|\s*上旬|\s*中旬|\s*下旬)?(?!額))/y;
const DATE_SUFFIX_RE = /\s*(?:日)?\s*(?:時点|現在)/y;

interface DateHit {
  start: number;
  end: number;
  m?: WarekiMatch;
}

/** Era name → its second character, by char code: 明治 大正 昭和 平成 令和. */
const ERA_NAME_SECOND: ReadonlyMap<number, number> = new Map(
  ["明治", "大正", "昭和", "平成", "令和"].map((e) => [e.charCodeAt(0), e.charCodeAt(1)] as [number, number]),
);
const ABBR_CODES = codes("MTSHR");
const C_YEAR = "年".charCodeAt(0);
const C_MONTH = "月".charCodeAt(0);

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Cheap pre-check: can a date start at p? Avoids running the date regexes at every number. */
function couldBeDate(w: string, p: number, end: number): boolean {
  const ch = w.charCodeAt(p);
  const second = ERA_NAME_SECOND.get(ch);
  if (second !== undefined) return w.charCodeAt(p + 1) === second;
  if (ABBR_CODES.has(ch)) {
    const n = w.charCodeAt(p + 1) === 0x20 ? p + 2 : p + 1;
    return n < end && isDigit(w.charCodeAt(n));
  }
  if (!isDigit(ch)) return false;
  let e = p;
  while (e < end && isDigit(w.charCodeAt(e))) e++;
  const n = w.charCodeAt(nextNonBlank(w, e, end));
  return n === C_YEAR || n === C_MONTH || (e - p === 4 && (n === 0x2f || n === 0x28));
}

function readDate(w: string, p: number, end: number): DateHit | null {
  if (!couldBeDate(w, p, end)) return null;
  let m: WarekiMatch | null = null;
  try {
    m = matchWarekiAt(w, p);
  } catch {
    m = null;
  }
  let e: number;
  if (m && m.end <= end) {
    e = m.end;
  } else {
    m = null;
    if (p > 0 && /[0-9A-Za-z.,]/.test(w[p - 1])) return null;
    const pm = exec(PLAIN_DATE_RE, w, p, end);
    if (!pm) return null;
    e = PLAIN_DATE_RE.lastIndex;
  }
  const sx = exec(DATE_SUFFIX_RE, w, e, end);
  if (sx) e = DATE_SUFFIX_RE.lastIndex;
  return m ? { start: p, end: e, m } : { start: p, end: e };
}

// ---------------------------------------------------------------- qualifiers

const NOTE_REF_RE = /^(?:注|※)\d*$/;
const BASIS_TAIL_RE =
  /(?:予算|決算|実績値?|目標値|計画値|見込み?額?|見込値|調定額|速報値?|暫定値?|推計値?|現状値|基準値|当初値|確定値|概算|見積り?)$/;
const PLAIN_YEAR_HEAD_RE = /^\d{1,4}(?:年度?末?)?(?=\D|$)/;
const AS_OF_WORDS_RE = /^(?:日)?(?:時点|現在|付け?)?/;
const ALL_WS = /\s+/g;

function makeQualifier(
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
function qualifierFromText(text: string, mapped: string, issues: string[]): Qualifier | null {
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

// ---------------------------------------------------------------- reading a range of text

interface ParenRange {
  open: number;
  close: number;
  cls: "qualifier" | "breakdown" | "other";
  qualifier?: Qualifier;
  parts?: MutablePart[];
  /** Label text (an "other" parenthesis inside a label, `小平市文化振興財団(利用料収入)6,800万円`). */
  inLabel?: boolean;
}

type MutablePart = { -readonly [K in keyof ValuePart]: ValuePart[K] } & { qualifiers: Qualifier[] };

interface RangeResult {
  parts: MutablePart[];
  topCount: number;
  cellQualifiers: Qualifier[];
  sentenceLike: boolean;
  trailingText: boolean;
  definitional: boolean;
  issues: string[];
}

/** The mapped text (positions equal to the raw text's) and the raw text. */
interface Ctx {
  readonly w: string;
  readonly raw: string;
}

type Item =
  | { type: "qty"; start: number; end: number; q: Qty }
  | { type: "def"; start: number; end: number }
  | { type: "date"; start: number; end: number; m?: WarekiMatch }
  | { type: "paren"; start: number; end: number; p: ParenRange };

/** Characters a date or quantity can start with, besides digits. */
const CANDIDATE_FIRST = codes("△▲+-−延約の月概おほ明大昭平令MTSHR");

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
      if (depth === 0 && i > a && isDigit(w.charCodeAt(i - 1)) && exec(YEAR_PAIR_PAREN_RE, w, i, b)) {
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

const WORD_BREAK_CODES = codes("、,。;→");
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

function squeeze(s: string): string {
  return s.replace(ALL_WS, "");
}

/** Reads the parts, qualifiers and shape of [a, b). */
function readRange(ctx: Ctx, a: number, b: number, inParens: boolean, depth = 0): RangeResult {
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

// ---------------------------------------------------------------- year tables (No.30-3)

const YT_ROW_RE =
  /(?<![A-Za-z0-9])(?:([HR])\s?(\d{1,2})|(平成|令和)\s*(元|\d{1,2})\s*(?:年度?)?)((?:\s+[+\-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?=\s|$))+)/g;
/** Cheap test before the year-table scan: two year keys. */
const YT_HINT_RE = /(?:[HR]\s?\d|平成|令和)[\s\S]*(?:[HR]\s?\d|平成|令和)/;
const YT_NUM_RE = /[+\-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/g;
const YT_UNIT_RE = /\(\s*([^()\s\d]{1,6})\s*\)/g;

function readYearTable(ctx: Ctx, a: number, b: number): { table: YearTable; issues: string[] } | null {
  const body = ctx.w.slice(a, b);
  YT_ROW_RE.lastIndex = 0;
  const rows: { fiscalYear: number; label: string; values: number[] }[] = [];
  let first = -1;
  let m: RegExpExecArray | null;
  while ((m = YT_ROW_RE.exec(body)) !== null) {
    if (first < 0) first = m.index;
    const era = m[1] === "H" || m[3] === "平成" ? "平成" : "令和";
    const y = (m[2] ?? m[4]) === "元" ? 1 : parseInt(m[2] ?? m[4], 10);
    const values = (m[5].match(YT_NUM_RE) ?? []).map((s) => parseFloat(s.replace(/,/g, "")));
    const label = ctx.raw.slice(a + m.index, a + m.index + m[0].length - m[5].length).trim();
    rows.push({ fiscalYear: eraToWestern(era, y), label, values });
  }
  if (rows.length < 2) return null;
  const header = body.slice(0, first);
  const units: string[] = [];
  let firstUnit = -1;
  YT_UNIT_RE.lastIndex = 0;
  let u: RegExpExecArray | null;
  while ((u = YT_UNIT_RE.exec(header)) !== null) {
    if (firstUnit < 0) firstUnit = u.index;
    units.push(UNIT_CANON[u[1]] ?? u[1]);
  }
  const before = header.slice(0, firstUnit >= 0 ? firstUnit : header.length).trim();
  const lastWord = before.split(/\s+/).pop() ?? "";
  const columns = lastWord.length > 0 ? lastWord.replace(/^・+/, "").split("・").filter((s) => s.length > 0) : [];
  const issues: string[] = [];
  const width = rows[0].values.length;
  if (rows.some((r) => r.values.length !== width)) issues.push("year table rows have different numbers of values");
  if (columns.length > 0 && columns.length !== width) issues.push(`year table has ${columns.length} column names but ${width} values per row`);
  if (units.length > 0 && units.length !== width) issues.push(`year table has ${units.length} units but ${width} values per row`);
  return { table: { columns, units, rows }, issues };
}

// ---------------------------------------------------------------- relative targets

const PREVIOUS_RE = /^(?:前年度|前年|昨年度|前回|前年同期)(?:実績値?|値)?(?:以上|を上回る(?:こと)?|超)$/;
const MAINTAIN_RE = /維持/;
const DECREASE_RE = /(?:減|減少|削減|縮減|低減|抑制)(?:を図る|させる|する)?$/;
const INCREASE_RE = /(?:増|増加|向上|拡大|拡充)(?:を図る|させる|する)?$/;

function relativeOf(text: string): RelativeTarget | null {
  const c = text.replace(ALL_WS, "").replace(/[。.]+$/, "");
  if (c.length === 0) return null;
  if (PREVIOUS_RE.test(c)) return { text, kind: "at-least-previous" };
  if (MAINTAIN_RE.test(c)) return { text, kind: "maintain" };
  if (DECREASE_RE.test(c)) return { text, kind: "decrease" };
  if (INCREASE_RE.test(c)) return { text, kind: "increase" };
  return null;
}

// ---------------------------------------------------------------- one segment

const PLACEHOLDER_RE = /^[-—―ー−–‐]{1,3}$/;
const ERROR_TEXT_RE = /^#(?:REF!|DIV\/0!|N\/A|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;
const NUMBER_TEXT_RE = /^([+\-−]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
const GARBAGE_RE = /^(?:#+|[?？*＊]+|.*\uFFFD.*)$/;

interface Segment {
  kind: ValueKind;
  marker?: string;
  parts: MutablePart[];
  qualifiers: Qualifier[];
  notes: string[];
  relative?: RelativeTarget;
  yearTable?: YearTable;
  issues: string[];
}

function readSegment(ctx: Ctx, from: number, to: number): Segment {
  const { raw } = ctx;
  let w = ctx.w;
  let pos = from;
  while (pos < to && isBlank(w.charCodeAt(pos))) pos++;
  let marker: string | undefined;
  if (pos < to && circledIndex(w.charCodeAt(pos)) > 0) {
    marker = w[pos];
    pos++;
  }
  const seg: Segment = { kind: "empty", parts: [], qualifiers: [], notes: [], issues: [] };
  if (marker !== undefined) seg.marker = marker;

  // ※ remarks (outside parentheses) run to the end of their line; they are blanked out of the value.
  let depth = 0;
  let valueEnd = to;
  const firstMark = w.indexOf("※", pos);
  for (let i = firstMark < 0 || firstMark >= to ? to : pos; i < to; i++) {
    const c = w[i];
    if (c === "(") depth++;
    else if (c === ")") depth = depth > 0 ? depth - 1 : 0;
    else if (c === "※" && depth === 0) {
      if (valueEnd === to) valueEnd = i;
      let e = i + 1;
      while (e < to && w[e] !== "\n" && w[e] !== "※") e++;
      const note = raw.slice(i + 1, e).trim();
      if (note.length > 0) seg.notes.push(note);
      w = w.slice(0, i) + " ".repeat(e - i) + w.slice(e);
      i = e - 1;
    }
  }
  const local: Ctx = { w, raw };
  const body = w.slice(pos, to).trim();
  const bodyRaw = raw.slice(pos, valueEnd).trim();
  if (body.length === 0) {
    seg.kind = seg.notes.length > 0 ? "note" : "empty";
    return seg;
  }
  if (PLACEHOLDER_RE.test(body)) {
    seg.kind = "placeholder";
    return seg;
  }
  const squeezed = squeeze(body);
  if (squeezed === "同左") {
    seg.kind = "copy-left";
    return seg;
  }
  if (GARBAGE_RE.test(squeezed)) {
    seg.kind = "unparseable";
    seg.issues.push(`"${bodyRaw}" is not a value`);
    return seg;
  }
  // Fast path for the common cell: one quantity and nothing else (`①1万人以上`, `96.2%`).
  const single = readQuantity(w, pos, to);
  if (single && !single.definitional && w.slice(single.end, to).trim().length === 0) {
    seg.kind = "simple";
    seg.parts = [fillQuantity<MutablePart>({ number: single.number, value: single.value, inParentheses: false, qualifiers: [] }, single)];
    seg.issues.push(...single.issues);
    return seg;
  }
  const yt = YT_HINT_RE.test(body) ? readYearTable(local, pos, to) : null;
  if (yt) {
    seg.kind = "year-table";
    seg.yearTable = yt.table;
    seg.issues.push(...yt.issues);
    return seg;
  }
  const r = readRange(local, pos, to, false);
  seg.parts = r.parts;
  seg.qualifiers = r.cellQualifiers;
  seg.issues.push(...r.issues);
  if (r.parts.length === 0) {
    const rel = relativeOf(bodyRaw);
    if (rel) {
      seg.kind = "relative";
      seg.relative = rel;
    } else seg.kind = "qualitative";
    return seg;
  }
  if (r.topCount === 1 && r.sentenceLike) {
    seg.kind = "sentence";
    // The words before a sentence's label are the sentence, not a group heading.
    for (const p of seg.parts) delete p.group;
  }
  else if (r.parts.length === 1) seg.kind = "simple";
  else seg.kind = "multi";
  return seg;
}

// ---------------------------------------------------------------- entry point

type MutableValue = { -readonly [K in keyof ParsedValue]: ParsedValue[K] };

function result(raw: string, kind: ValueKind, extra?: Partial<MutableValue>): ParsedValue {
  const out: MutableValue = { raw, kind, parts: [], qualifiers: [], notes: [], issues: [] };
  return extra ? Object.assign(out, extra) : out;
}

function numberPart(n: number, unit?: string): ValuePart {
  const p: MutablePart = { number: n, value: n, inParentheses: false, qualifiers: [] };
  if (unit !== undefined) {
    p.unit = unit;
    p.writtenUnit = unit;
  }
  return p;
}

function parseText(raw: string): ParsedValue {
  const w = blankHtmlTags(mapChars(raw));
  const trimmed = w.trim();
  if (trimmed.length === 0) return result(raw, "empty");
  if (ERROR_TEXT_RE.test(trimmed)) return result(raw, "error", { errorCode: trimmed });
  const nt = NUMBER_TEXT_RE.exec(trimmed);
  if (nt) {
    const v = clean(Number(nt[2].replace(/,/g, "") + (nt[3] !== undefined ? "." + nt[3] : "")) * (nt[1] === "-" || nt[1] === "−" ? -1 : 1));
    return result(raw, "number", { parts: [numberPart(v)], numberAsText: true });
  }
  const ctx: Ctx = { w, raw };
  const starts = markerStarts(w);
  const preBlank = starts.length === 0 || w.slice(0, starts[0].pos).trim().length === 0;
  if (starts.length <= 1 && preBlank) {
    const s = readSegment(ctx, 0, w.length);
    const out: MutableValue = { raw, kind: s.kind, parts: s.parts, qualifiers: s.qualifiers, notes: s.notes, issues: s.issues };
    if (s.marker !== undefined) out.marker = s.marker;
    if (s.relative) out.relative = s.relative;
    if (s.yearTable) out.yearTable = s.yearTable;
    return out;
  }
  // Several ①② segments in one cell: read each and merge; callers normally split first.
  const bounds: { a: number; b: number }[] = [];
  if (!preBlank) bounds.push({ a: 0, b: starts[0].pos });
  for (let k = 0; k < starts.length; k++) bounds.push({ a: starts[k].pos, b: k + 1 < starts.length ? starts[k + 1].pos : w.length });
  const segs = bounds.map((x) => readSegment(ctx, x.a, x.b));
  const parts: ValuePart[] = [];
  const qualifiers: Qualifier[] = [];
  const notes: string[] = [];
  const issues: string[] = [`${starts.length} circled-number segments in one cell`];
  for (const s of segs) {
    for (const p of s.parts) parts.push(s.marker !== undefined ? { ...p, marker: s.marker } : p);
    qualifiers.push(...s.qualifiers);
    notes.push(...s.notes);
    issues.push(...s.issues);
  }
  const kinds = new Set(segs.map((s) => s.kind));
  const kind: ValueKind = parts.length > 0 ? "multi" : kinds.size === 1 ? segs[0].kind : "qualitative";
  const firstMarker = segs.find((s) => s.marker !== undefined)?.marker;
  return result(raw, kind, { ...(firstMarker !== undefined ? { marker: firstMarker } : {}), parts, qualifiers, notes, issues });
}

function errorCodeOf(cell: unknown): string | null {
  if (typeof cell === "object" && cell !== null && !(cell instanceof Date)) {
    const e = (cell as { error?: unknown }).error;
    return typeof e === "string" ? e : null;
  }
  return null;
}

/**
 * Reads a value cell. Excel's own types come first: a number is kind "number" (a percent-formatted
 * 0.962 is 96.2 %), an error value is kind "error", a date is kept in `date`. Text is read as
 * described in docs/values.md; what cannot be read is listed in `issues`. Never throws.
 */
export function parseValue(cell: ValueCell, opts?: ParseValueOptions): ParsedValue {
  let raw = "";
  try {
    if (cell === null || cell === undefined) return result("", "empty");
    if (typeof cell === "number") {
      raw = String(cell);
      if (!Number.isFinite(cell)) return result(raw, "unparseable", { issues: [`not a finite number: ${raw}`] });
      if (opts?.percentFormat) return result(raw, "number", { parts: [numberPart(clean(cell * 100), "%")] });
      return result(raw, "number", { parts: [numberPart(cell)] });
    }
    if (typeof cell === "boolean") {
      raw = cell ? "TRUE" : "FALSE";
      return result(raw, "unparseable", { issues: ["a TRUE/FALSE value is not a value"] });
    }
    if (cell instanceof Date) {
      if (Number.isNaN(cell.getTime())) return result("", "unparseable", { issues: ["invalid date"] });
      raw = cell.toISOString().slice(0, 10);
      const date: DateRef = { year: cell.getUTCFullYear(), month: cell.getUTCMonth() + 1, day: cell.getUTCDate() };
      return result(raw, "qualitative", { date });
    }
    if (typeof cell === "string") {
      raw = cell;
      return parseText(cell);
    }
    const code = errorCodeOf(cell);
    if (code !== null) return result(code, "error", { errorCode: code });
    raw = String(cell);
    return result(raw, "unparseable", { issues: ["unsupported cell value"] });
  } catch (e) {
    return result(raw, "unparseable", { issues: [`parser failure: ${e instanceof Error ? e.message : String(e)}`] });
  }
}
