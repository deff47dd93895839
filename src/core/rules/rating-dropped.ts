/** RATING-DROPPED: a rating or status is lower than last year's (S → A, ○ → △); runs only with last year's workbook. */
import { both } from "../i18n";
import type { Finding } from "../model/finding";
import { comparisonFor, lastPlace } from "../compare/previous";
import type { WorkbookRule } from "./types";

export const ratingDropped: WorkbookRule = {
  id: "RATING-DROPPED",
  scope: "workbook",
  defaultSeverity: "info",
  check(env) {
    const out: Finding[] = [];
    for (const row of comparisonFor(env)?.items ?? []) {
      const s = env.settingFor(row.profileId);
      if (!s || !row.last || !row.this) continue;
      for (const x of row.ratings) {
        if (x.change !== "down" || !x.thisCell || !x.lastCell) continue;
        const params = { field: x.label, last: x.last ?? "", now: x.this ?? "", steps: x.steps, place: lastPlace(row.last, x.lastCell) };
        out.push({
          ruleId: "RATING-DROPPED",
          severity: s.severity,
          sheet: row.this.sheet,
          cell: x.thisCell,
          ...(row.this.id ? { recordId: row.this.id } : {}),
          message: both(x.toLowest ? "rule.RATING-DROPPED.lowest" : "rule.RATING-DROPPED", params),
        });
      }
    }
    return out;
  },
};
