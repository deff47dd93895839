/** IND-ASOF-MISMATCH: an actual whose as-of date differs from its column's period (`(平成30年2月末時点)` under 平成30年3月末, the 小平 sample's No.24). */
import { indicatorName } from "../indicators/format";
import { label } from "../i18n";
import type { Finding } from "../model/finding";
import type { DateRef, Qualifier } from "../values/types";
import { clip, finding } from "./helpers";
import type { RecordRule } from "./types";

function ym(d: DateRef): string {
  return `${d.year}-${String(d.month ?? 0).padStart(2, "0")}`;
}

export const indAsofMismatch: RecordRule = {
  id: "IND-ASOF-MISMATCH",
  scope: "record",
  defaultSeverity: "warning",
  check(rec, env) {
    const out: Finding[] = [];
    const period = rec.periods.actual;
    if (rec.role !== "records" || !period?.month) return out;
    for (const ind of rec.indicators) {
      const v = ind.actual;
      if (!v) continue;
      const quals: Qualifier[] = [...v.parsed.qualifiers, ...v.parsed.parts.flatMap((p) => p.qualifiers)];
      const asOf = quals.find((q) => q.kind === "as-of" && q.date?.month !== undefined);
      if (!asOf?.date || ym(asOf.date) === ym(period)) continue;
      out.push(
        finding("IND-ASOF-MISMATCH", env.severity, rec, v.cell, "rule.IND-ASOF-MISMATCH", {
          indicator: clip(indicatorName(ind.label.text), 24),
          period: rec.periods.actualName ?? label("field.actual"),
          asOf: asOf.text,
          column: { ja: `${period.year}年${period.month}月`, en: `${period.year}-${String(period.month).padStart(2, "0")}` },
        }),
      );
    }
    return out;
  },
};
