/** IND-REGRESSED: an indicator met its target last year and does not this year; runs only with last year's workbook. */
import { both } from "../i18n";
import { findingsOnPairs, lastPlace } from "../compare/previous";
import type { WorkbookRule } from "./types";

export const indRegressed: WorkbookRule = {
  id: "IND-REGRESSED",
  scope: "workbook",
  defaultSeverity: "info",
  check: (env) =>
    findingsOnPairs(env, "IND-REGRESSED", function* (row) {
      for (const x of row.indicators) {
        if (!x.regressed || !x.thisCell || !x.last) continue;
        const params = { name: x.name, last: x.last.text, place: lastPlace(row.last, x.last.cell), now: x.this?.text ?? "" };
        yield { cell: x.thisCell, message: both("rule.IND-REGRESSED", params) };
      }
    }),
};
