/**
 * Moving the years written in a label on by whole years (年度更新, docs/rollover.md): `（平成29年度末）` →
 * `（平成30年度末）`, `29年度下半期評価` → `30年度下半期評価`, `平成30年3月末` → `平成31年3月末`, across the change of
 * era: a fiscal year from 2019 on is 令和 (令和元年度 = FY2019), a month from May 2019 on is 令和 (平成31年3月 stays 平成).
 * The label keeps the way it is written: the era's full name or its letter (H/R), full-width or ASCII digits, spaces,
 * a western year in brackets after the era year (`令和2(2020)年度`). A year written without its era (`29年度`) is read in
 * the era of `fiscalYear` (the workbook's 対象年度) and stays without one, unless the era changes, when the new era's
 * name is written so the year cannot be misread (`令和元年度下半期評価`).
 */
import { eraToWestern } from "./wareki";
import type { Era } from "./types";

const ERAS: readonly { era: Era; letter: string; from: number; fromMonth: number }[] = [
  { era: "令和", letter: "R", from: 2019, fromMonth: 5 },
  { era: "平成", letter: "H", from: 1989, fromMonth: 1 },
  { era: "昭和", letter: "S", from: 1926, fromMonth: 12 },
];
const LETTER_ERA: Readonly<Record<string, Era>> = { M: "明治", T: "大正", S: "昭和", H: "平成", R: "令和" };

const D = "[0-9０-９]";
const YEAR_RE = new RegExp(
  `(?:(?<era>明治|大正|昭和|平成|令和)|(?<![A-Za-zＡ-Ｚａ-ｚ])(?<letter>[MTSHRＭＴＳＨＲ]))?(?<s1>\\s*)(?<![0-9０-９])(?<num>${D}{1,4}|元)(?![0-9０-９])` +
    `(?<s2>\\s*)(?<west>[(（]\\s*${D}{4}\\s*[)）])?(?<s3>\\s*)年(?<s4>\\s*)(?:(?<fy>度)|(?<month>${D}{1,2})(?<s5>\\s*)月)`,
  "g",
);

const RANGE_BEFORE = /(?:[~〜～\-−–]|から)\s*(?:(?:明治|大正|昭和|平成|令和|[MTSHR])\s*)?$/;
const RANGE_AFTER = /^\s*(?:末)?\s*(?:[~〜～\-−–]|から)/;
const toAscii = (s: string) => s.replace(/[０-９Ａ-Ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
const toWide = (s: string) => s.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const isWide = (s: string) => /[０-９Ａ-Ｚ]/.test(s);

type EraInfo = (typeof ERAS)[number];

/** The era of a fiscal year (April to March): 令和 from FY2019. */
function eraOfFiscalYear(fy: number): EraInfo {
  return ERAS.find((e) => fy >= e.from) ?? ERAS[ERAS.length - 1];
}

/** The era of a calendar month: 令和 from May 2019. */
function eraOfMonth(year: number, month: number): EraInfo {
  return ERAS.find((e) => year > e.from || (year === e.from && month >= e.fromMonth)) ?? ERAS[ERAS.length - 1];
}

export interface ShiftedText {
  readonly text: string;
  /** How many year expressions were moved. */
  readonly moved: number;
}

interface YearGroups {
  era?: string;
  letter?: string;
  s1: string;
  num: string;
  s2: string;
  west?: string;
  s3: string;
  s4: string;
  fy?: string;
  month?: string;
  s5?: string;
}

/**
 * `text` with every fiscal year (`…年度`) and year-month (`…年3月`) moved on by `years`. A bare year without 年度 or a
 * month (`平成21年`) is left alone: it names a point in the past, not the period being reported.
 */
export function shiftYearsInText(text: string, years: number, fiscalYear: number): ShiftedText {
  let moved = 0;
  const implicit = eraOfFiscalYear(fiscalYear);
  const out = text.replace(YEAR_RE, (...args: unknown[]) => {
    const whole = args[0] as string;
    const at = args[args.length - 3] as number;
    const g = args[args.length - 1] as YearGroups;
    // A year in a range (`平成29～32年度`, `平成29年度から平成32年度`) is the plan period, not the year reported; a year
    // `まで` alone (`令和4年度までの取組実績`) is the year reported.
    if (RANGE_BEFORE.test(text.slice(Math.max(0, at - 8), at)) || RANGE_AFTER.test(text.slice(at + whole.length, at + whole.length + 8))) return whole;
    const letter = g.letter ? toAscii(g.letter) : undefined;
    const era: Era | undefined = g.era ? (g.era as Era) : letter ? LETTER_ERA[letter] : undefined;
    const n = g.num === "元" ? 1 : Number(toAscii(g.num));
    const western = g.num !== "元" && toAscii(g.num).length === 4;
    // A western year after an era name is not a year form this reads; a bare number over 99 is not an era year.
    if ((era && western) || (!era && !western && n > 99)) return whole;
    const month = g.month !== undefined ? Number(toAscii(g.month)) : undefined;
    if (month !== undefined && (month < 1 || month > 12)) return whole;
    const year = era ? eraToWestern(era, n) : western ? n : eraToWestern(implicit.era, n);
    const next = year + years;
    moved++;
    const wide = isWide(g.num);
    const digits = (v: number) => (wide ? toWide(String(v)) : String(v));
    const after = `${g.s2}${g.west ? g.west.replace(/[0-9０-９]{4}/, digits(next)) : ""}${g.s3}年${g.s4}${g.fy ?? `${g.month}${g.s5}月`}`;
    if (western) return `${g.s1}${digits(next)}${after}`;
    const target = month !== undefined ? eraOfMonth(next, month) : eraOfFiscalYear(next);
    const eraYear = next - eraToWestern(target.era, 1) + 1;
    // 元 for the first year where the era is named in kanji (令和元年度); a letter takes digits (R1年度).
    const yearText = eraYear === 1 && !letter ? "元" : digits(eraYear);
    if (era) {
      const name = letter ? (isWide(g.letter!) ? toWide(target.letter) : target.letter) : target.era;
      return `${name}${g.s1}${yearText}${after}`;
    }
    // Written without its era: stays so while the era is the same, else the new era is named.
    return `${g.s1}${target.era !== implicit.era ? target.era : ""}${yearText}${after}`;
  });
  return { text: out, moved };
}
