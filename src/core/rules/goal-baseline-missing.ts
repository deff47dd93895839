/**
 * GOAL-BASELINE-MISSING: a numeric goal of the program (a target, or a target relative to last year) written without a
 * baseline such as `(令和3年4月1日現在:…)`, `(現状値:…)` or `(令和2年度実績:…)`, so its progress cannot be measured.
 * Its own id, not IND-NO-MEASUREMENT's (a rating with no actual), so that one id is one rule. Only the columns in
 * parameter `goalBaselineColumns` are checked: in the 推進プログラム the four-year program goals of 主な取組の方向性;
 * the yearly goals of the plan columns carry the 前年度末の状況 instead. The sample has three: ⑬, ⑮ and 19
 * (K-L28, 30, 40).
 */
import type { Finding } from "../model/finding";
import { fieldLabel } from "./field-label";
import { clip, finding } from "./helpers";
import { declareParams, FIELD_ID_LIST, readParams } from "./params";
import type { RecordRule } from "./types";

export const GOAL_BASELINE_MISSING_PARAMS = declareParams<{ goalBaselineColumns: readonly string[] }>({
  goalBaselineColumns: {
    schema: FIELD_ID_LIST,
    default: [],
    description: "The goal columns whose numeric goals need a baseline; with none, this check is off.",
  },
});

export const goalBaselineMissing: RecordRule = {
  id: "GOAL-BASELINE-MISSING",
  scope: "record",
  defaultSeverity: "warning",
  params: GOAL_BASELINE_MISSING_PARAMS,
  check(rec, env) {
    const out: Finding[] = [];
    const columns = readParams(GOAL_BASELINE_MISSING_PARAMS, env.setting).goalBaselineColumns;
    if (columns.length === 0 || !rec.goals?.length) return out;
    for (const g of rec.goals) {
      if (!columns.includes(g.column) || g.baseline || !(g.target || g.relative)) continue;
      out.push(
        finding("GOAL-BASELINE-MISSING", env.severity, rec, g.cell, "rule.GOAL-BASELINE-MISSING", {
          field: fieldLabel(env.profile, rec, g.column),
          goal: clip(g.text, 40),
        }),
      );
    }
    return out;
  },
};
