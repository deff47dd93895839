/**
 * LIST-MISSING-RECORD: a list row with no record that is not a repost (error); a record with no list row (warning).
 * Sub-sheets (`No.2-1`) belong to their main item's row.
 */
import type { Finding } from "../model/finding";
import { finding } from "./helpers";
import { enabledPairings } from "./list-pairing";
import type { WorkbookRule } from "./types";

export const listMissingRecord: WorkbookRule = {
  id: "LIST-MISSING-RECORD",
  scope: "workbook",
  defaultSeverity: "error",
  check(env) {
    const out: Finding[] = [];
    for (const { pairing: p, setting: s } of enabledPairings(env)) {
      for (const row of p.rows) {
        if (!row.id || row.repostOf || p.records.has(row.id.text)) continue;
        out.push(finding("LIST-MISSING-RECORD", s.severity, row, row.id.cell, "rule.LIST-MISSING-RECORD.row", { id: row.id.text, list: row.sheet }));
      }
      const list = p.rows[0].sheet;
      for (const [id, rec] of p.records) {
        if (p.rowsById.has(id)) continue;
        out.push(finding("LIST-MISSING-RECORD", "warning", rec, rec.id!.cell, "rule.LIST-MISSING-RECORD.record", { id, list }));
      }
    }
    return out;
  },
};
