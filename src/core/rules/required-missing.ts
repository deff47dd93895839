/**
 * REQUIRED-MISSING: a field that its profile requires at this stage is empty (小平: 所管課, 取組実績(D), 1次評価, and
 * 2次評価 at 本部評価後). Parent and aggregate sheets may leave P, D and A empty. A status read per 年次計画 row (武蔵野) is
 * required in each row that has its 実施状況 label, at the cell under the first year.
 */
import type { Finding } from "../model/finding";
import type { RequiredWhen } from "../profile/types";
import { fieldLabel } from "./field-label";
import { finding } from "./helpers";
import type { RecordRule, RuleEnv } from "./types";
import type { SurveyRecord } from "../model/record";

/** Whether a field with this `required` setting must be filled on `rec` at the stage (the input aids ask the same). */
export function isRequired(when: RequiredWhen | undefined, rec: SurveyRecord, env: Pick<RuleEnv, "stage" | "family">): boolean {
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
    const planStatus = layout.shape === "form" && rec.plans?.length ? layout.fields.find((f) => f.type === "plan-blocks")?.status : undefined;
    for (let i = 0; i < specs.length; i++) {
      const f = specs[i];
      if (!isRequired(f.required, rec, env)) continue;
      const key = f.required === "final-stage" ? "rule.REQUIRED-MISSING.final" : "rule.REQUIRED-MISSING";
      if (planStatus !== undefined && f.type === "code" && f.label === planStatus) {
        for (const p of rec.plans ?? []) {
          if (p.statusLabel && !p.status) out.push(finding("REQUIRED-MISSING", env.severity, rec, p.statusAt, key, { field: fieldLabel(env.profile, rec, f.id) }));
        }
        continue;
      }
      const cell = rec.emptyCells[f.id];
      if (!cell) continue; // present, or its label is not on the sheet (LABEL-MISSING says so)
      out.push(finding("REQUIRED-MISSING", env.severity, rec, cell, key, { field: fieldLabel(env.profile, rec, f.id) }));
    }
    return out;
  },
};
