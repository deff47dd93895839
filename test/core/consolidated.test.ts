/**
 * The mark folder mode of `summarize` leaves in its output's settings, read back: a later run over the same folder
 * skips a marked workbook, so a mark must not be seen where there is none.
 */
import { parseConsolidated, serializeConsolidated } from "../../src/core/summary/consolidated";

test("a mark written is read back with its files", () => {
  expect(parseConsolidated(serializeConsolidated({ files: ["A課.xlsx", "B課.xlsx"] }))).toEqual({ files: ["A課.xlsx", "B課.xlsx"] });
});

test.each([undefined, "", "yes", "{}", '{"files":"A課.xlsx"}', "[]", "null"])("%p is no mark", (value) => {
  expect(parseConsolidated(value)).toBeUndefined();
});
