/** IND-WORSE-THAN-BASELINE: an actual worse than the baseline, in the indicator's direction (the 小平 sample's No.2-5, No.11). */
import { compareWithBaseline } from "../indicators/achievement";
import { formatPart, indicatorName } from "../indicators/format";
import { label, listText } from "../i18n";
import type { Finding } from "../model/finding";
import { directionSetting } from "../indicators/directions";
import { clip, finding } from "./helpers";
import type { RecordRule } from "./types";

export const indWorseThanBaseline: RecordRule = {
  id: "IND-WORSE-THAN-BASELINE",
  scope: "record",
  defaultSeverity: "info",
  check(rec, env) {
    const out: Finding[] = [];
    if (rec.role !== "records") return out;
    const fy = env.fiscalYear ?? rec.fiscalYear?.value;
    for (const ind of rec.indicators) {
      const worse = compareWithBaseline(ind, fy, directionSetting(env.profile, ind, rec)).filter((c) => c.worse);
      if (worse.length === 0 || !ind.actual) continue;
      const name = indicatorName(ind.label.text);
      const parts = listText(worse.slice(0, 3).map((w) => `${w.label ? clip(w.label, 12) + " " : ""}${formatPart(w.baseline)} → ${formatPart(w.actual)}`));
      out.push(
        finding("IND-WORSE-THAN-BASELINE", env.severity, rec, ind.actual.cell, "rule.IND-WORSE-THAN-BASELINE", {
          indicator: clip(name, 24),
          period: rec.periods.actualName ?? label("field.actual"),
          details: parts,
        }),
      );
    }
    return out;
  },
};
