/** VALUE-UNPARSEABLE: an indicator value that is not a number, placeholder, note or known target form. */
import { a1, type Finding } from "../model/finding";
import { fieldLabel } from "./field-label";
import { clip, finding } from "./helpers";
import type { RecordRule } from "./types";

export const valueUnparseable: RecordRule = {
  id: "VALUE-UNPARSEABLE",
  scope: "record",
  defaultSeverity: "warning",
  check(rec, env) {
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const ind of rec.indicators) {
      for (const col of ["baseline", "target", "actual"] as const) {
        const v = ind[col];
        if (!v || v.parsed.kind !== "unparseable") continue;
        const key = `${a1(v.cell)}|${v.text}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(finding("VALUE-UNPARSEABLE", env.severity, rec, v.cell, "rule.VALUE-UNPARSEABLE", { field: fieldLabel(env.profile, rec, col), value: clip(v.text) }));
      }
    }
    return out;
  },
};
