/**
 * @jest-environment node
 *
 * Recognition has two paths (src/core/profile/recognize.ts): without an override it looks at each distinct text of
 * a sheet once against every profile's required labels; with one it asks the chosen layout's labels about the sheet.
 * Both must give every layout the same score, on the sample workbooks and on random grids of label-like texts
 * (labels written alike that need two cells, texts that NFKC turns into a sentence ending 。, merged headings).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import type { CellValue } from "../../src/core/model/cell";
import { GridView, type SheetGrid } from "../../src/core/model/grid";
import { recogniseSheet } from "../../src/core/profile/recognize";
import { SheetIndex } from "../../src/core/profile/labels";
import type { Profile } from "../../src/core/profile/types";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";

const ROOT = path.join(__dirname, "..", "..");

/** Each layout's score as the override path gives it, keyed profile/layout. */
function scoresOneByOne(grid: SheetGrid, profiles: readonly Profile[]): Record<string, { found: number; required: number }> {
  const out: Record<string, { found: number; required: number }> = {};
  for (const p of profiles) {
    for (const l of p.layouts) {
      const r = recogniseSheet(new SheetIndex(new GridView(grid)), profiles, { profileId: p.id, layoutId: l.id });
      const s = r.scores.find((x) => x.compiled.layout === l)!;
      out[`${p.id}/${l.id}`] = { found: s.found, required: s.required };
    }
  }
  return out;
}

function scoresAtOnce(grid: SheetGrid, profiles: readonly Profile[]): Record<string, { found: number; required: number }> {
  const r = recogniseSheet(new SheetIndex(new GridView(grid)), profiles);
  return Object.fromEntries(r.scores.map((s) => [`${s.compiled.profile.id}/${s.compiled.layout.id}`, { found: s.found, required: s.required }]));
}

describe("recognition: the path over all profiles at once agrees with each layout asked on its own", () => {
  test.each(["kodaira-h29.xlsx", "musashino-h29.xlsx", "mitaka-2021.xlsx", "kodaira-program-r6.xlsx", "kodaira-h29-list-as-printed.xlsx"])("seeds/%s", async (file) => {
    const snapshot = await (await XlsxWorkbook.load(new Uint8Array(readFileSync(path.join(ROOT, "seeds", file))), file)).readAll();
    let recognised = 0;
    for (const grid of snapshot.sheets) {
      const atOnce = scoresAtOnce(grid, BUILT_IN_PROFILES);
      expect(atOnce).toEqual(scoresOneByOne(grid, BUILT_IN_PROFILES));
      if (recogniseSheet(new SheetIndex(new GridView(grid)), BUILT_IN_PROFILES).best) recognised++;
    }
    expect(recognised).toBeGreaterThan(0);
  });

  // Every label text of the built-in profiles as a cell would hold it ({FY} as years written several ways, * as some
  // text), the same with a halfwidth ｡ (NFKC makes it 。, and a sentence is never a pattern's heading), and values.
  const labelTexts = BUILT_IN_PROFILES.flatMap((p) => p.layouts.flatMap((l) => Object.values(l.labels).flatMap((spec) => spec.text)));
  const WORDS: CellValue[] = [
    ...new Set(
      labelTexts.flatMap((t) => [
        t.replace(/\{FY\}/g, "令和5").replace(/\*/g, "（案）"),
        t.replace(/\{FY\}/g, "平成30~令和元").replace(/\*/g, ""),
        t.replace(/\{FY\}/g, "R6").replace(/\*/g, "x") + "｡",
      ]),
    ),
    "A",
    "S",
    "◎",
    "政策課",
    "目標値を達成した。",
    "1,234人",
  ];
  const cell = fc.oneof({ weight: 4, arbitrary: fc.constantFrom<CellValue>(...WORDS) }, { weight: 1, arbitrary: fc.constant<CellValue>(null) });
  const grid: fc.Arbitrary<SheetGrid> = fc
    .record({
      rows: fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 20 }),
      merges: fc.array(fc.record({ top: fc.nat(19), left: fc.nat(9), h: fc.nat(2), w: fc.nat(2) }), { maxLength: 4 }),
    })
    .map(({ rows, merges }) => ({
      name: "random",
      visibility: "visible" as const,
      top: 0,
      left: 0,
      rows,
      merges: merges.map((m) => ({ top: m.top, left: m.left, bottom: m.top + m.h, right: m.left + m.w })),
    }));

  test("random grids of label-like texts", () => {
    let someFound = 0;
    fc.assert(
      fc.property(grid, (g) => {
        const atOnce = scoresAtOnce(g, BUILT_IN_PROFILES);
        expect(atOnce).toEqual(scoresOneByOne(g, BUILT_IN_PROFILES));
        if (Object.values(atOnce).some((s) => s.found > 1)) someFound++;
      }),
      { numRuns: 300 },
    );
    // The grids do reach the labels: most runs find several of some layout's required labels.
    expect(someFound).toBeGreaterThan(100);
  });
});
