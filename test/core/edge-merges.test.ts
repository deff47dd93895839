/**
 * @jest-environment node
 *
 * A merge that reaches the sheet's edge (a damaged or careless file: mutated samples held A1:XFD1048576 and labels
 * merged down to row 1,048,576). What recognition keeps per label, and the input cells the aids and 回収 work on,
 * are bounded by the grid, not by the merge.
 */
import type { CellRange } from "../../src/core/model/address";
import { GridView, MAX_COLS, MAX_ROWS, SHEET_COLS, SHEET_ROWS, type SheetGrid, type WorkbookSnapshot } from "../../src/core/model/grid";
import { inputCellSet } from "../../src/core/cycle/collect";
import { inputAreas } from "../../src/core/cycle/form-hash";
import { planInputAids } from "../../src/core/input-aids/plan";
import { validateWorkbook } from "../../src/core/validate";
import { SheetIndex } from "../../src/core/profile/labels";
import { recogniseSheet } from "../../src/core/profile/recognize";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { surveySheetSpec } from "../../src/core/template/kodaira-chosahyo";
import { kodairaSurveyInputs } from "../../scripts/seeds/kodaira";
import { kodairaSeed, specToGrid } from "../helpers/grid";

/** The grid with every label cell of the first rows merged down to the sheet's last row (overlapping merges dropped). */
function labelsMergedDown(g: SheetGrid): SheetGrid {
  const index = new SheetIndex(new GridView(g));
  const areas = index.candidates.filter((c) => c.row < 12).map((c) => ({ top: c.row, left: c.col, bottom: SHEET_ROWS - 1, right: c.col }));
  // One per column, the topmost: merges may not overlap.
  const byCol = new Map<number, (typeof areas)[number]>();
  for (const a of areas) if (!byCol.has(a.left)) byCol.set(a.left, a);
  const down = [...byCol.values()];
  const kept = g.merges.filter((m) => !down.some((a) => m.right >= a.left && m.left <= a.right && m.bottom >= a.top));
  return { ...g, merges: [...kept, ...down] };
}

test("labels merged down to row 1,048,576: the sheet is still recognised and its label rows are the grid's rows only", () => {
  const g = labelsMergedDown(specToGrid(surveySheetSpec(kodairaSurveyInputs()[0])));
  expect(g.merges.some((m) => m.bottom === SHEET_ROWS - 1)).toBe(true);
  const rec = recogniseSheet(new SheetIndex(new GridView(g)), BUILT_IN_PROFILES);
  expect(rec.hits).toBeDefined();
  const lastRow = g.top + g.rows.length - 1;
  expect(Math.max(...rec.hits!.labelRows)).toBeLessThanOrEqual(lastRow);
  expect(rec.hits!.nextLabelRowAfter(lastRow)).toBe(Number.POSITIVE_INFINITY);
  expect(new GridView(g).contains(SHEET_ROWS - 1, SHEET_COLS - 1)).toBe(true);
  expect(new GridView(g).contains(SHEET_ROWS, 0)).toBe(false);
});

describe("an input cell merged to the sheet's edge", () => {
  /** The seed's No.1 with its 1次評価 cell merged down to row 1,048,576 and its 取組実績 cell across to XFD. */
  async function edgeMerged(): Promise<{ snapshot: WorkbookSnapshot; sheet: SheetGrid }> {
    const seed = await kodairaSeed();
    const rec = validateWorkbook(seed, { profiles: BUILT_IN_PROFILES }).records.find((r) => r.sheet === "No.1" && r.layoutId !== "list")!;
    const e = rec.codes.eval1?.cell ?? rec.emptyCells.eval1!;
    const d = rec.texts.result?.cell ?? rec.emptyCells.result!;
    const areas = [
      { top: e.row, left: e.col, bottom: SHEET_ROWS - 1, right: e.col },
      { top: d.row, left: d.col, bottom: d.row, right: SHEET_COLS - 1 },
    ];
    const meets = (m: CellRange, a: CellRange) => m.bottom >= a.top && m.top <= a.bottom && m.right >= a.left && m.left <= a.right;
    const sheets = seed.sheets.map((g) => (g.name === "No.1" ? { ...g, merges: [...g.merges.filter((m) => !areas.some((a) => meets(m, a))), ...areas] } : g));
    return { snapshot: { ...seed, sheets }, sheet: sheets.find((g) => g.name === "No.1")! };
  }

  test("the input aids (protected: the unlocked ranges too) and 回収's input cells stay inside the reading window, however far the merge reaches", async () => {
    const { snapshot, sheet } = await edgeMerged();
    const report = validateWorkbook(snapshot, { profiles: BUILT_IN_PROFILES });
    const aids = planInputAids(snapshot, report, BUILT_IN_PROFILES, { protect: true }).aids.find((a) => a.sheet === "No.1")!;
    const ranges = [...aids.validations.map((v) => v.range), ...aids.highlights.map((h) => h.range), ...(aids.unlocked ?? [])];
    expect(aids.unlocked?.length).toBeGreaterThan(0);
    // Cut at the reading window: nothing past it is read, so nothing there is an input.
    for (const r of ranges) {
      expect(r.bottom).toBeLessThan(MAX_ROWS);
      expect(r.right).toBeLessThan(MAX_COLS);
    }
    expect(ranges.some((r) => r.bottom === MAX_ROWS - 1)).toBe(true);
    expect(ranges.some((r) => r.right === MAX_COLS - 1)).toBe(true);
    const inputs = inputAreas(sheet, report.records.filter((r) => r.sheet === "No.1"), BUILT_IN_PROFILES.find((p) => p.id === report.records[0].profileId));
    expect(inputs.every((r) => r.bottom < MAX_ROWS && r.right < MAX_COLS)).toBe(true);
    expect(inputCellSet(inputs).size).toBeLessThan(MAX_ROWS + 2 * MAX_COLS + 500);
  });
});
