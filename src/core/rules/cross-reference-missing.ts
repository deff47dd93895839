/**
 * ID-DUPLICATE for a cross-reference to an item that has no row (analysis e4 K13, d3): `No.8「事業の精査と見直し」の
 * 取組との関連で…` in a record's text, while no record of the same profile has No.8. rules.md has no id for a dangling
 * reference; ID-DUPLICATE, the check that item numbers are sound across the workbook, is the closest (error, as K13).
 * Only for profiles whose ID-DUPLICATE setting has `crossReferences: true`; the 小平 調査票 cites sub-items in its
 * comments (`No.2-7については…`) and is not checked this way. The seed has one: ⑤ → No.8 (K-L19).
 */
import type { Finding } from "../model/finding";
import type { SurveyRecord } from "../model/record";
import { normalizeRecordId } from "../profile/headings";
import { columnLabel } from "./column-label";
import { finding, textCells } from "./helpers";
import type { WorkbookRule } from "./types";

const REF_RE = /No[.．]?\s*([0-9０-９]+(?:[-－][0-9０-９]+)?)/gi;

export const crossReferenceMissing: WorkbookRule = {
  id: "ID-DUPLICATE",
  scope: "workbook",
  defaultSeverity: "error",
  check(env) {
    const out: Finding[] = [];
    const checked = (r: SurveyRecord) => env.settingFor(r.profileId)?.setting.params?.crossReferences === true;
    const ids = new Map<string, Set<string>>();
    for (const r of env.records) {
      if (!r.id || r.role !== "records" || !checked(r)) continue;
      const set = ids.get(r.profileId) ?? new Set<string>();
      set.add(r.id.text);
      ids.set(r.profileId, set);
    }
    for (const r of env.records) {
      const s = env.settingFor(r.profileId);
      if (!s || !checked(r)) continue;
      const profile = env.profiles.find((p) => p.id === r.profileId);
      const known = ids.get(r.profileId) ?? new Set<string>();
      for (const { field, read } of textCells(r)) {
        if (field === "id") continue;
        const refs = new Set([...read.text.matchAll(REF_RE)].map((m) => normalizeRecordId(m[1])));
        for (const ref of refs) {
          if (known.has(ref)) continue;
          const column = field === "task" || field === "schedule" ? "tasks" : field;
          out.push(
            finding("ID-DUPLICATE", s.severity, r, read.cell, "rule.ID-DUPLICATE.reference", {
              field: profile ? columnLabel(profile, r.layoutId, column) : column,
              ref,
            }),
          );
        }
      }
    }
    return out;
  },
};
