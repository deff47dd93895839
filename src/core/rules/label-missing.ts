/** LABEL-MISSING: a recognised sheet lacks a required label (no `2次評価(C)`), so a field cannot be read. */
import { toA1 } from "../model/address";
import type { Finding } from "../model/finding";
import { finding } from "./helpers";
import type { RecordRule } from "./types";

export const labelMissing: RecordRule = {
  id: "LABEL-MISSING",
  scope: "record",
  defaultSeverity: "error",
  check(rec, env) {
    const out: Finding[] = [];
    // A table sheet (a list, or records one per row) has one record per row; report its missing headers once, on its first record.
    if (rec.row !== undefined && !env.firstOfSheet) return out;
    const layout = env.profile.layouts.find((l) => l.id === rec.layoutId);
    if (!layout) return out;
    for (const key of rec.missingLabels) {
      const spec = layout.labels[key];
      const text = spec?.text[0]?.replace(/\{FY\}/g, "◯◯").replace(/\*/g, "") ?? key;
      out.push(finding("LABEL-MISSING", env.severity, rec, toA1(0, 0), "rule.LABEL-MISSING", { label: text, layout: layout.name }));
    }
    return out;
  },
};
