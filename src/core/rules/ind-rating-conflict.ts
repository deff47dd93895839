/**
 * IND-RATING-CONFLICT: a rating its indicators contradict: A or S while every due indicator is unmet, or B while
 * every indicator is met. Silent when a comment explains the difference; it never tries to derive S.
 */
import { type LocalizedText, listText } from "../i18n";
import { evaluateIndicator, type Achievement } from "../indicators/achievement";
import { formatPart, indicatorName } from "../indicators/format";
import type { Finding } from "../model/finding";
import type { CodeRead } from "../model/record";
import { directionSetting } from "../indicators/directions";
import { clip, commentOf, finding } from "./helpers";
import { CODE_LIST, declareParams, readParams } from "./params";
import type { RecordRule } from "./types";

export const IND_RATING_CONFLICT_PARAMS = declareParams<{ positive: readonly string[]; negative: readonly string[] }>({
  positive: { schema: CODE_LIST, default: ["S", "A"], description: "Good ratings: reported when every due indicator is unmet." },
  negative: { schema: CODE_LIST, default: ["B"], description: "Poor ratings: reported when every indicator is met." },
});

function details(pairs: { name: string; a: Achievement }[]): LocalizedText {
  return listText(
    pairs.slice(0, 2).map(({ name, a }) => {
      const p = a.pairs[0];
      return p ? `${clip(name, 16)} ${formatPart(p.actual)} / ${formatPart(p.target)}` : clip(name, 16);
    }),
  );
}

export const indRatingConflict: RecordRule = {
  id: "IND-RATING-CONFLICT",
  scope: "record",
  defaultSeverity: "warning",
  params: IND_RATING_CONFLICT_PARAMS,
  check(rec, env) {
    const out: Finding[] = [];
    if (rec.role !== "records" || rec.indicators.length === 0) return out;
    const { positive, negative } = readParams(IND_RATING_CONFLICT_PARAMS, env.setting);
    const fy = env.fiscalYear ?? rec.fiscalYear?.value;
    const evaluated = rec.indicators.map((i) => ({ name: indicatorName(i.label.text), a: evaluateIndicator(i, fy, directionSetting(env.profile, i)) }));
    const due = evaluated.filter((e) => e.a.status === "met" || e.a.status === "unmet");
    const allUnmet = due.length > 0 && due.every((e) => e.a.status === "unmet");
    const allMet = due.length > 0 && evaluated.every((e) => e.a.status === "met" || e.a.status === "not-due");
    const ratings: CodeRead[] = [];
    if (rec.codes.eval1) ratings.push(rec.codes.eval1);
    if (rec.codes.eval2 && rec.codes.eval2.parsed.code !== rec.codes.eval1?.parsed.code) ratings.push(rec.codes.eval2);
    for (const c of ratings) {
      const code = c.parsed.code;
      if (!code || commentOf(c)) continue;
      if (positive.includes(code) && allUnmet) {
        out.push(finding("IND-RATING-CONFLICT", env.severity, rec, c.cell, "rule.IND-RATING-CONFLICT.unmet", { code, details: details(due) }));
      } else if (negative.includes(code) && allMet) {
        out.push(finding("IND-RATING-CONFLICT", env.severity, rec, c.cell, "rule.IND-RATING-CONFLICT.met", { code, details: details(due) }));
      }
    }
    return out;
  },
};
