/** RATING-DROPPED: a rating or status is lower than last year's (S → A, ○ → △); runs only with last year's workbook. */
import { both } from "../i18n";
import { findingsOnPairs, lastPlace } from "../compare/previous";
import type { WorkbookRule } from "./types";

export const ratingDropped: WorkbookRule = {
  id: "RATING-DROPPED",
  scope: "workbook",
  defaultSeverity: "info",
  check: (env) =>
    findingsOnPairs(env, "RATING-DROPPED", function* (row) {
      for (const x of row.ratings) {
        if (x.change !== "down" || !x.thisCell || !x.lastCell) continue;
        const params = { field: x.label, last: x.last ?? "", now: x.this ?? "", steps: x.steps, place: lastPlace(row.last, x.lastCell) };
        yield { cell: x.thisCell, message: both(x.toLowest ? "rule.RATING-DROPPED.lowest" : "rule.RATING-DROPPED", params) };
      }
    }),
};
