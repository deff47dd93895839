/**
 * IND-NO-MEASUREMENT: a rating given while an indicator's actual is missing or only a note (`※アンケート未実施`).
 * It speaks up where the indicator was measured before (a numeric baseline) or the note says it was not measured:
 * an indicator that never had a figure is tracked by its text, not by numbers. On the 小平 sample: No.35 and No.22 ①.
 */
import { hasMeasurement, isNumericValue } from "../indicators/achievement";
import { indicatorName } from "../indicators/format";
import { label } from "../i18n";
import type { Finding } from "../model/finding";
import { clip, finding } from "./helpers";
import type { RecordRule } from "./types";

export const indNoMeasurement: RecordRule = {
  id: "IND-NO-MEASUREMENT",
  scope: "record",
  defaultSeverity: "warning",
  check(rec, env) {
    const out: Finding[] = [];
    if (rec.role !== "records") return out;
    const rated = rec.codes.eval1?.parsed.code ?? rec.codes.eval2?.parsed.code;
    if (!rated) return out;
    for (const ind of rec.indicators) {
      const a = ind.actual?.parsed;
      if (hasMeasurement(a)) continue;
      const isNote = a?.kind === "note" || (a?.notes.length ?? 0) > 0;
      if (!isNumericValue(ind.baseline?.parsed) && !isNote) continue;
      const cell = ind.actual?.cell ?? ind.actualCell ?? rec.emptyCells.indicators;
      if (!cell) continue;
      out.push(
        finding("IND-NO-MEASUREMENT", env.severity, rec, cell, "rule.IND-NO-MEASUREMENT", {
          indicator: clip(indicatorName(ind.label.text), 24),
          period: rec.periods.actualName ?? label("field.actual"),
          value: isNote ? clip(ind.actual?.text ?? "", 20) : label("what.blank"),
          code: rated,
        }),
      );
    }
    return out;
  },
};
