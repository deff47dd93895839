/** CODE-INVALID: a rating or status that is not in the profile's code set (`C`, `AA`, `済`); every 年次計画 row's status. */
import { fieldLabel } from "./field-label";
import { clip, codeCells, finding } from "./helpers";
import type { RecordRule } from "./types";

export const codeInvalid: RecordRule = {
  id: "CODE-INVALID",
  scope: "record",
  defaultSeverity: "error",
  check(rec, env) {
    const out = [];
    const cells = codeCells(rec);
    for (let i = 0; i < cells.length; i++) {
      const { field, read: c } = cells[i];
      if (c.parsed.status !== "invalid") continue;
      const set = codeSetFor(env, field);
      out.push(
        finding("CODE-INVALID", env.severity, rec, c.cell, "rule.CODE-INVALID", {
          value: clip(c.parsed.raw, 40),
          field: fieldLabel(env.profile, rec, field),
          codes: set ? set.codes.map((x) => x.code).join("・") : "",
        }),
      );
    }
    return out;
  },
};

function codeSetFor(env: Parameters<RecordRule["check"]>[1], field: string) {
  for (const l of env.profile.layouts) {
    if (l.shape === "form") {
      const f = l.fields.find((x) => x.id === field && x.type === "code");
      if (f && f.type === "code") return env.profile.codeSets[f.codeSet];
    } else {
      const c = l.columns.find((x) => x.id === field && x.codeSet);
      if (c?.codeSet) return env.profile.codeSets[c.codeSet];
    }
  }
  return undefined;
}
