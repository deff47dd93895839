/**
 * IND-DIRECTION-INFERRED: a target with no comparator (以上 / 以下 …) and no direction setting (the profile's
 * `indicators.directions`, the sheet's 目標の型), so whether higher or lower is better was inferred from the target
 * against the baseline (docs/values.md, Achievement). The 三鷹 sample shows why a person should confirm it: its "floor"
 * targets lie below the baseline although more is better.
 */
import { evaluateIndicator } from "../indicators/achievement";
import { directionSetting } from "../indicators/directions";
import { formatPart, indicatorName } from "../indicators/format";
import { label } from "../i18n";
import type { Finding } from "../model/finding";
import { clip, finding } from "./helpers";
import type { RecordRule } from "./types";

export const indDirectionInferred: RecordRule = {
  id: "IND-DIRECTION-INFERRED",
  scope: "record",
  defaultSeverity: "info",
  check(rec, env) {
    const out: Finding[] = [];
    if (rec.role !== "records") return out;
    const fy = env.fiscalYear ?? rec.fiscalYear?.value;
    for (const ind of rec.indicators) {
      if (!ind.target) continue;
      const a = evaluateIndicator(ind, fy, directionSetting(env.profile, ind, rec));
      const p = a.pairs.find((x) => x.directionInferred);
      if (!p) continue;
      const params = {
        indicator: clip(indicatorName(ind.label.text), 24),
        target: clip(ind.target.text, 20),
        direction: label(p.direction === "lower" ? "summary.direction.lower" : "summary.direction.higher"),
      };
      out.push(
        p.baseline
          ? finding("IND-DIRECTION-INFERRED", env.severity, rec, ind.target.cell, "rule.IND-DIRECTION-INFERRED", { ...params, baseline: formatPart(p.baseline) })
          : finding("IND-DIRECTION-INFERRED", env.severity, rec, ind.target.cell, "rule.IND-DIRECTION-INFERRED.noBaseline", params),
      );
    }
    return out;
  },
};
