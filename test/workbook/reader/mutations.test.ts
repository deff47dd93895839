/**
 * @jest-environment node
 *
 * The sample workbooks with their XML parts damaged at random (a seeded generator, so every run makes the same
 * files): text cut off or repeated, characters that break the markup, numbers and references past the sheet's
 * limits, element names swapped, a part left out. Each file must be read and checked, or refused with a
 * WorkbookError (a message in the user's words); input aids written on it must either work and give a file that
 * reads again, or be refused the same way. Never an internal error, and never work that grows without bound: the
 * first run of this found a cell reference of row 99,999,999,999 that ran the CLI out of memory (kodaira, seed 7,
 * file 22), a merge A1:XFD1048576 that took a minute to check, and aids that failed with "unterminated tag".
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { planInputAids } from "../../../src/core/input-aids/plan";
import { BUILT_IN_PROFILES } from "../../../src/core/profiles";
import { validateWorkbook } from "../../../src/core/validate";
import { isWorkbookError } from "../../../src/workbook/port";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsx-workbook";
import { ROOT } from "../../helpers/grid";

/** A linear congruential generator: the same seed gives the same damage on every machine. */
function generator(seed: number): { next: () => number; pick: <T>(xs: readonly T[]) => T } {
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

function damage(text: string, g: ReturnType<typeof generator>): string {
  const i = Math.floor(g.next() * text.length);
  const j = Math.min(text.length, i + 1 + Math.floor(g.next() * 200));
  switch (Math.floor(g.next() * 9)) {
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

/** `count` damaged copies of a sample: one to three of its XML parts damaged (half of them a sheet, the strings or the workbook), now and then a part left out. */
function damagedCopies(sample: string, seed: number, count: number): Uint8Array[] {
  const base = unzipSync(new Uint8Array(readFileSync(path.join(ROOT, "seeds", sample))));
  const xmlParts = Object.keys(base).filter((n) => n.endsWith(".xml") || n.endsWith(".rels"));
  const central = xmlParts.filter((x) => /sheet\d+\.xml$|sharedStrings|workbook\.xml$/.test(x));
  const g = generator(seed);
  const out: Uint8Array[] = [];
  for (let n = 0; n < count; n++) {
    const parts: Zippable = { ...base };
    const times = 1 + Math.floor(g.next() * 3);
    for (let k = 0; k < times; k++) {
      const name = g.next() < 0.5 ? g.pick(central) : g.pick(xmlParts);
      parts[name] = strToU8(damage(strFromU8(parts[name] as Uint8Array), g));
    }
    if (g.next() < 0.05) delete parts[g.pick(Object.keys(parts))];
    out.push(zipSync(parts));
  }
  return out;
}

/** What happened to one file: "read", "aids" (aids written and read again), or the WorkbookError's code. */
async function outcome(bytes: Uint8Array): Promise<string> {
  try {
    const book = await XlsxWorkbook.load(bytes, "damaged.xlsx");
    const snapshot = await book.readAll();
    const report = validateWorkbook(snapshot, { profiles: BUILT_IN_PROFILES });
    const { aids } = planInputAids(snapshot, report, BUILT_IN_PROFILES, { protect: true, includeProtected: false });
    if (aids.length === 0) return "read";
    await book.applyInputAids(aids);
    await (await XlsxWorkbook.load(await book.toBytes(), "aids.xlsx")).readAll();
    return "aids";
  } catch (e) {
    if (isWorkbookError(e)) return e.code;
    throw e;
  }
}

test.each([
  ["kodaira-h29.xlsx", 7, 30],
  ["musashino-h29.xlsx", 22, 20],
  ["mitaka-2021.xlsx", 21, 20],
])("%s damaged (seed %d, %d files): each is read, or refused in the user's words", async (sample, seed, count) => {
  const seen: Record<string, number> = {};
  for (const bytes of damagedCopies(sample, seed, count)) {
    const o = await outcome(bytes);
    seen[o] = (seen[o] ?? 0) + 1;
  }
  // Most damage leaves a file that still reads and takes the aids; some of it is refused (a damaged part, named).
  // Both paths must have run, or the seed tests less than it claims.
  expect((seen.read ?? 0) + (seen.aids ?? 0)).toBeGreaterThan(count / 3);
  expect(seen.aids ?? 0).toBeGreaterThan(0);
  expect(seen["corrupt-part"] ?? 0).toBeGreaterThan(0);
});
