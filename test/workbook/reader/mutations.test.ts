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
import { changedPartProblems, damage, generator } from "../../helpers/damage";
import { ROOT } from "../../helpers/grid";

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

/**
 * What happened to one file: "aids" (aids written, every changed part well-formed, and the file read again),
 * "read" (read and checked, no aids to write), "aids refused: <code>" (read and checked, the aids refused in words),
 * or the WorkbookError's code when reading refused it.
 */
async function outcome(bytes: Uint8Array): Promise<string> {
  let read = false;
  try {
    const book = await XlsxWorkbook.load(bytes, "damaged.xlsx");
    const snapshot = await book.readAll();
    const report = validateWorkbook(snapshot, { profiles: BUILT_IN_PROFILES });
    read = true;
    const { aids } = planInputAids(snapshot, report, BUILT_IN_PROFILES, { protect: true, includeProtected: false });
    if (aids.length === 0) return "read";
    await book.applyInputAids(aids);
    const written = await book.toBytes();
    expect(changedPartProblems(bytes, written)).toEqual([]);
    await (await XlsxWorkbook.load(written, "aids.xlsx")).readAll();
    return "aids";
  } catch (e) {
    if (isWorkbookError(e)) return read ? `aids refused: ${e.code}` : e.code;
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
  // Most damage leaves a file that still reads; some of it takes the aids, and some is refused (a damaged part,
  // named). Each path must have run, or the seed tests less than it claims.
  const n = (k: string) => seen[k] ?? 0;
  expect(n("read") + n("aids") + n("aids refused: corrupt-part")).toBeGreaterThan(count / 3);
  expect(n("aids")).toBeGreaterThan(0);
  expect(n("corrupt-part") + n("aids refused: corrupt-part")).toBeGreaterThan(0);
  expect(Object.keys(seen).filter((k) => !["read", "aids"].includes(k) && !/corrupt-part|not-a-workbook|no-worksheets/.test(k))).toEqual([]);
});
