/** IND-MARKER-MISMATCH: the label numbers ①② do not match the numbers in the value cells (the 小平 sample's No.16, No.21, No.37). */
import type { Finding } from "../model/finding";
import { fieldLabel } from "./field-label";
import { finding } from "./helpers";
import type { RecordRule } from "./types";

export const indMarkerMismatch: RecordRule = {
  id: "IND-MARKER-MISMATCH",
  scope: "record",
  defaultSeverity: "warning",
  check(rec, env) {
    const out: Finding[] = [];
    for (const ind of rec.indicators) {
      for (const p of ind.markerProblems ?? []) {
        out.push(
          finding("IND-MARKER-MISMATCH", env.severity, rec, p.cell, "rule.IND-MARKER-MISMATCH", {
            column: fieldLabel(env.profile, rec, p.column),
            labelMarkers: p.labelMarkers || "—",
            valueMarkers: p.valueMarkers || "—",
          }),
        );
      }
    }
    return out;
  },
};
