/**
 * PLAN-CARRYOVER-MISSING: last year's text for next year (課題と今後の取組(A)) is not in this year's plan (当初予定(P)),
 * for a profile whose 年度更新 carries the one into the other; runs only with last year's workbook.
 */
import { both } from "../i18n";
import { findingsOnPairs, lastPlace } from "../compare/previous";
import type { WorkbookRule } from "./types";

export const planCarryoverMissing: WorkbookRule = {
  id: "PLAN-CARRYOVER-MISSING",
  scope: "workbook",
  defaultSeverity: "warning",
  check: (env) =>
    findingsOnPairs(env, "PLAN-CARRYOVER-MISSING", function* (row) {
      for (const x of row.carry) {
        if (x.reflected || !x.thisCell) continue;
        yield { cell: x.thisCell, message: both("rule.PLAN-CARRYOVER-MISSING", { from: x.fromLabel, to: x.toLabel, place: lastPlace(row.last, x.lastCell) }) };
      }
    }),
};
