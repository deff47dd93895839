/**
 * Damage for the mutation tests: XML text cut off or repeated, characters that break the markup, numbers and
 * references past the sheet's limits, element names swapped, from a seeded generator so that every run and every
 * machine makes the same files.
 */

import { strFromU8, unzipSync } from "fflate";
import { xmlProblem } from "../../src/workbook/xlsx/well-formed";

export interface Generator {
  readonly next: () => number;
  readonly pick: <T>(xs: readonly T[]) => T;
}

/** A linear congruential generator: the same seed gives the same damage on every machine. */
export function generator(seed: number): Generator {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
  return { next, pick: (xs) => xs[Math.floor(next() * xs.length)] };
}

const CHARS = ["<", ">", '"', "&", "'", "/", "=", " ", "\u0000", "&#0;", "&#xFFFFFF;", "&amp", "]]>"];
const NUMBERS = ["0", "-1", "99999999999", "1048577", "16385", "1e9", "NaN", "", "4294967296"];
const VALUES = ['""', '"A0"', '"XFE1048577"', '"A1:XFD1048576"', '"-5"', '"r:id"', '"rId999"', '"../../x"', '"/xl/nope.xml"', '"ZZZ0:A-1"', '"1:1048576"'];
const NAMES = /<(\w+:)?(c|row|si|sheet|mergeCell|f|v|t|is|r|rPr|xf|numFmt|Relationship|Override|Default|definedName)\b/g;

/**
 * One piece of damage to `text`. Kinds 0–8 cut, repeat and replace; with `kinds` 11, also an end tag whose `>` is
 * gone (9) or that is gone altogether (10), the damage that made the amending code loop.
 */
export function damage(text: string, g: Generator, kinds = 9): string {
  const i = Math.floor(g.next() * text.length);
  const j = Math.min(text.length, i + 1 + Math.floor(g.next() * 200));
  const kind = Math.floor(g.next() * kinds);
  if (kind >= 9) {
    const closes = [...text.matchAll(/<\/[\w:]+>/g)];
    if (closes.length === 0) return text;
    const m = g.pick(closes);
    const at = m.index;
    return kind === 9 ? text.slice(0, at + m[0].length - 1) + text.slice(at + m[0].length) : text.slice(0, at) + text.slice(at + m[0].length);
  }
  switch (kind) {
    case 0:
      return text.slice(0, i);
    case 1:
      return text.slice(0, i) + text.slice(j);
    case 2:
      return text.slice(0, j) + text.slice(i, j) + text.slice(j);
    case 3:
      return text.slice(0, i) + g.pick(CHARS) + text.slice(i + 1);
    case 4:
      return text.replace(/\d+/g, (m) => (g.next() < 0.05 ? g.pick(NUMBERS) : m));
    case 5:
      return text.replace(/"[^"]*"/g, (m) => (g.next() < 0.03 ? g.pick(VALUES) : m));
    case 6:
      return text.replace(NAMES, (m) => (g.next() < 0.03 ? m.replace(/\w+$/, g.pick(["c", "row", "v", "f", "si", "x", "sheetData"])) : m));
    case 7: {
      const k = text.indexOf("<", i);
      return k < 0 ? text : text.slice(0, k) + text.slice(k, k + 2000).repeat(3) + text.slice(k + 2000);
    }
    default:
      return text.slice(0, i) + String.fromCharCode(Math.floor(g.next() * 0x3000)) + text.slice(i + 1);
  }
}

/** The XML parts a write changed that are not well-formed, as [part, problem]; a part carried over as it came is not counted. */
export function changedPartProblems(before: Uint8Array, written: Uint8Array): [string, string][] {
  const old = unzipSync(before);
  return Object.entries(unzipSync(written))
    .filter(([name, data]) => /\.(xml|rels)$/.test(name) && !(old[name] && Buffer.from(old[name]).equals(Buffer.from(data))))
    .map(([name, data]): [string, string] => [name, xmlProblem(strFromU8(data)) ?? ""])
    .filter(([, p]) => p);
}
