/** TEXT-UNCHANGED: a text (取組実績 and the like) is the same as last year's, or nearly; runs only with last year's workbook. */
import { both } from "../i18n";
import { findingsOnPairs, lastPlace } from "../compare/previous";
import type { WorkbookRule } from "./types";

export const textUnchanged: WorkbookRule = {
  id: "TEXT-UNCHANGED",
  scope: "workbook",
  defaultSeverity: "warning",
  check: (env) =>
    findingsOnPairs(env, "TEXT-UNCHANGED", function* (row) {
      for (const x of row.texts) {
        if ((x.verdict !== "identical" && x.verdict !== "similar") || x.short || !x.thisCell) continue;
        const params = { field: x.label, last: lastPlace(row.last, x.lastCell), percent: Math.round(x.similarity * 100) };
        yield { cell: x.thisCell, message: both(x.verdict === "identical" ? "rule.TEXT-UNCHANGED" : "rule.TEXT-UNCHANGED.similar", params) };
      }
    }),
};
