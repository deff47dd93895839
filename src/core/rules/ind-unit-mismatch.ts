/**
 * IND-UNIT-MISMATCH: target and actual in different units; convertible units (万円 and 千円) are compared after
 * conversion, and the message says so. On the 小平 sample: No.28 (`1千万円/年` against `29,509,646円`).
 */
import { evaluateIndicator } from "../indicators/achievement";
import { indicatorName } from "../indicators/format";
import { label } from "../i18n";
import type { Finding } from "../model/finding";
import type { ValuePart } from "../values/types";
import { directionSetting } from "../indicators/directions";
import { clip, finding } from "./helpers";
import type { RecordRule } from "./types";

function unitText(p: ValuePart): string {
  return `${p.writtenUnit ?? p.unit ?? ""}${p.per ? "/" + p.per : ""}` || "—";
}

export const indUnitMismatch: RecordRule = {
  id: "IND-UNIT-MISMATCH",
  scope: "record",
  defaultSeverity: "warning",
  check(rec, env) {
    const out: Finding[] = [];
    if (rec.role !== "records") return out;
    const fy = env.fiscalYear ?? rec.fiscalYear?.value;
    for (const ind of rec.indicators) {
      if (!ind.actual) continue;
      const a = evaluateIndicator(ind, fy, directionSetting(env.profile, ind));
      const conflict = a.unitConflicts[0];
      const converted = a.pairs.find((p) => p.unitWrittenDiffers);
      const params = {
        indicator: clip(indicatorName(ind.label.text), 24),
        period: rec.periods.actualName ?? label("field.actual"),
      };
      if (conflict) {
        out.push(
          finding("IND-UNIT-MISMATCH", env.severity, rec, ind.actual.cell, "rule.IND-UNIT-MISMATCH", {
            ...params,
            targetUnit: unitText(conflict.target),
            actualUnit: unitText(conflict.actual),
          }),
        );
      } else if (converted) {
        out.push(
          finding("IND-UNIT-MISMATCH", env.severity, rec, ind.actual.cell, "rule.IND-UNIT-MISMATCH.converted", {
            ...params,
            targetUnit: unitText(converted.target),
            actualUnit: unitText(converted.actual),
          }),
        );
      }
    }
    return out;
  },
};
