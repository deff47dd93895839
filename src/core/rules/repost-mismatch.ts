/** REPOST-MISMATCH: a repost row (`【No.15の再掲】`) whose ratings differ from its original's. */
import type { Finding } from "../model/finding";
import { fieldLabel } from "./field-label";
import { finding } from "./helpers";
import { enabledPairings } from "./list-pairing";
import type { WorkbookRule } from "./types";

export const repostMismatch: WorkbookRule = {
  id: "REPOST-MISMATCH",
  scope: "workbook",
  defaultSeverity: "warning",
  check(env) {
    const out: Finding[] = [];
    for (const { pairing: p, setting: s, profile } of enabledPairings(env)) {
      for (const row of p.rows) {
        if (!row.repostOf) continue;
        // Compare with the original's sheet when there is one, else with the original's list row.
        const original = p.records.get(row.repostOf) ?? p.rowsById.get(row.repostOf);
        if (!original) continue;
        for (const f of ["eval1", "eval2", "status"] as const) {
          const mine = row.codes[f];
          const theirs = original.codes[f];
          if (!mine?.parsed.code || !theirs?.parsed.code || mine.parsed.code === theirs.parsed.code) continue;
          out.push(
            finding("REPOST-MISMATCH", s.severity, row, mine.cell, "rule.REPOST-MISMATCH", {
              original: row.repostOf,
              field: fieldLabel(profile, row, f),
              value: mine.parsed.code,
              originalValue: theirs.parsed.code,
            }),
          );
        }
      }
    }
    return out;
  },
};
