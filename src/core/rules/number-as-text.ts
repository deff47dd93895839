/** NUMBER-AS-TEXT: an indicator value that is a number stored as text; the fix converts it. */
import { both } from "../i18n";
import { a1, type Finding } from "../model/finding";
import { fieldLabel } from "./field-label";
import { finding } from "./helpers";
import type { RecordRule } from "./types";

export const numberAsText: RecordRule = {
  id: "NUMBER-AS-TEXT",
  scope: "record",
  defaultSeverity: "warning",
  check(rec, env) {
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const ind of rec.indicators) {
      for (const col of ["baseline", "target", "actual"] as const) {
        const v = ind[col];
        if (!v || v.packed || !v.parsed.numberAsText || typeof v.raw !== "string") continue;
        const cell = a1(v.cell);
        if (seen.has(cell)) continue;
        seen.add(cell);
        const n = v.parsed.parts[0]?.value;
        if (n === undefined || !Number.isFinite(n)) continue;
        out.push(
          finding(
            "NUMBER-AS-TEXT",
            env.severity,
            rec,
            v.cell,
            "rule.NUMBER-AS-TEXT",
            { field: fieldLabel(env.profile, rec, col), value: v.raw.trim() },
            { description: both("fix.NUMBER-AS-TEXT", { value: v.raw.trim() }), edits: [{ sheet: rec.sheet, cell, before: v.raw, after: n }] },
          ),
        );
      }
    }
    return out;
  },
};
