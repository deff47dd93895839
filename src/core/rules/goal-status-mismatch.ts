/**
 * GOAL-STATUS-MISMATCH: a plan goal's figure in trailing parentheses (`…交流の機会を設ける。(4回)`, the status at the
 * end of the previous year) that the results column's figures for the same work do not add up to
 * (`研修を2回及び…交流の場…を1回開催した` = 3回). Its own id, so that the pane names it for what it is, not as a
 * parent/child mismatch. Warning.
 *
 * Conservative, compared only where the same metric is reported: the same work is the result bullet at the goal's
 * bullet position when both cells have as many bullets (the program writes them in parallel), else the one result
 * bullet with a figure in that unit. The figures in that bullet agree when one of them, or their sum, is the status.
 * Nothing is reported when the bullet has no figure in the unit, or writes `各1回` (each: the total is unknown).
 * Parameters: `goals` (the plan column's field id) and `results` (the results column's field id).
 * The seed has one: ③ (4回) against 2回 + 1回 (K-L17).
 */
import { listText, t } from "../i18n";
import { figuresIn, splitBullets } from "../indicators/goals";
import type { Finding } from "../model/finding";
import type { SurveyRecord, TextRead } from "../model/record";
import { fieldLabel } from "./field-label";
import { finding } from "./helpers";
import { declareParams, FIELD_ID_REF, readParams } from "./params";
import type { RecordRule } from "./types";

// Both or neither: one without the other would switch the rule on and find nothing.
export const GOAL_STATUS_MISMATCH_PARAMS = declareParams<{ goals?: string; results?: string }>(
  {
    goals: { schema: { $ref: FIELD_ID_REF }, description: "The field id of the plan column whose goals carry the 前年度末の状況 figure." },
    results: { schema: { $ref: FIELD_ID_REF }, description: "The field id of the results column those figures are compared with." },
  },
  ["goals", "results"],
);

function textOf(rec: SurveyRecord, field: string): TextRead | undefined {
  return field === "purpose" ? rec.purpose : rec.texts[field as keyof SurveyRecord["texts"]];
}

const near = (a: number, b: number) => Math.abs(a - b) < 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

export const goalStatusMismatch: RecordRule = {
  id: "GOAL-STATUS-MISMATCH",
  scope: "record",
  defaultSeverity: "warning",
  params: GOAL_STATUS_MISMATCH_PARAMS,
  check(rec, env) {
    const out: Finding[] = [];
    const param = readParams(GOAL_STATUS_MISMATCH_PARAMS, env.setting);
    if (param.goals === undefined || param.results === undefined || !rec.goals?.length) return out;
    const results = textOf(rec, param.results);
    const plans = textOf(rec, param.goals);
    if (!results || !plans) return out;
    const resultBullets = splitBullets(results.text);
    const parallel = splitBullets(plans.text).length === resultBullets.length;
    for (const g of rec.goals) {
      if (g.column !== param.goals || !g.status) continue;
      const unit = g.status.quantity.unit;
      const inUnit = (b: string) => figuresIn(b).filter((f) => f.quantity.unit === unit);
      const candidates = parallel ? [resultBullets[g.bullet]] : resultBullets.filter((b) => inUnit(b).length > 0);
      if (candidates.length !== 1 || candidates[0] === undefined) continue;
      const figures = inUnit(candidates[0]);
      if (figures.length === 0 || figures.some((f) => f.each)) continue;
      const status = g.status.quantity.value;
      const total = figures.reduce((s, f) => s + f.quantity.value, 0);
      if (near(total, status) || figures.some((f) => near(f.quantity.value, status))) continue;
      const written = `${Number(total.toFixed(6))}${g.status.quantity.writtenUnit ?? unit ?? ""}`;
      out.push(
        finding("GOAL-STATUS-MISMATCH", env.severity, rec, g.cell, "rule.GOAL-STATUS-MISMATCH", {
          field: fieldLabel(env.profile, rec, g.column),
          status: g.status.text,
          resultField: fieldLabel(env.profile, rec, param.results),
          figures: listText(figures.map((f) => f.text)),
          total: { ja: t("ja", "program.total", { total: written }), en: t("en", "program.total", { total: written }) },
        }),
      );
    }
    return out;
  },
};
