/**
 * REQUIRED-MISSING: a field required at this stage is empty: 所管課, 取組実績(D), 1次評価; 2次評価 at 本部評価後.
 * Parent and aggregate sheets may leave P, D and A empty (formats.md §1).
 */
import type { Finding } from "../model/finding";
import type { RequiredWhen } from "../profile/types";
import { fieldName, finding } from "./helpers";
import type { RecordRule, RuleEnv } from "./types";
import type { SurveyRecord } from "../model/record";

function isRequired(when: RequiredWhen | undefined, rec: SurveyRecord, env: RuleEnv): boolean {
  switch (when) {
    case "always":
      return true;
    case "final-stage":
      return env.stage === "本部評価後";
    case "unless-parent":
      return !env.family.isParent(rec);
    case "unless-ended":
      return !rec.ended;
    default:
      return false;
  }
}

export const requiredMissing: RecordRule = {
  id: "REQUIRED-MISSING",
  scope: "record",
  defaultSeverity: "error",
  check(rec, env) {
    const out: Finding[] = [];
    const layout = env.profile.layouts.find((l) => l.id === rec.layoutId);
    if (!layout) return out;
    const specs = layout.shape === "form" ? layout.fields : layout.columns;
    for (const f of specs) {
      if (!isRequired(f.required, rec, env)) continue;
      const cell = rec.emptyCells[f.id];
      if (!cell) continue; // present, or its label is not on the sheet (LABEL-MISSING says so)
      const key = f.required === "final-stage" ? "rule.REQUIRED-MISSING.final" : "rule.REQUIRED-MISSING";
      out.push(finding("REQUIRED-MISSING", env.severity, rec, cell, key, { field: fieldName(f.id) }));
    }
    return out;
  },
};
