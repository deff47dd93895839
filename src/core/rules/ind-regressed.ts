/** IND-REGRESSED: an indicator met its target last year and does not this year; runs only with last year's workbook. */
import { both } from "../i18n";
import type { Finding } from "../model/finding";
import { comparisonFor, lastPlace } from "../compare/previous";
import type { WorkbookRule } from "./types";

export const indRegressed: WorkbookRule = {
  id: "IND-REGRESSED",
  scope: "workbook",
  defaultSeverity: "info",
  check(env) {
    const out: Finding[] = [];
    for (const row of comparisonFor(env)?.items ?? []) {
      const s = env.settingFor(row.profileId);
      if (!s || !row.last || !row.this) continue;
      for (const x of row.indicators) {
        if (!x.regressed || !x.thisCell || !x.last) continue;
        const params = { name: x.name, last: x.last.text, place: lastPlace(row.last, x.last.cell), now: x.this?.text ?? "" };
        out.push({
          ruleId: "IND-REGRESSED",
          severity: s.severity,
          sheet: row.this.sheet,
          cell: x.thisCell,
          ...(row.this.id ? { recordId: row.this.id } : {}),
          message: both("rule.IND-REGRESSED", params),
        });
      }
    }
    return out;
  },
};
