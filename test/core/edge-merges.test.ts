/**
 * @jest-environment node
 *
 * A merge that reaches the sheet's edge (a damaged or careless file: mutated samples held A1:XFD1048576 and labels
 * merged down to row 1,048,576). What recognition keeps per label is bounded by the grid, not by the merge.
 */
import { GridView, SHEET_COLS, SHEET_ROWS, type SheetGrid } from "../../src/core/model/grid";
import { SheetIndex } from "../../src/core/profile/labels";
import { recogniseSheet } from "../../src/core/profile/recognize";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { surveySheetSpec } from "../../src/core/template/kodaira-chosahyo";
import { kodairaSurveyInputs } from "../../scripts/seeds/kodaira";
import { specToGrid } from "../helpers/grid";

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
