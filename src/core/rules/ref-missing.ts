/**
 * REF-MISSING: a record's text that cites an item with no row (`No.8「事業の精査と見直し」の取組との関連で…` while no
 * record of the same profile has No.8). Its own id, so that the pane does not call a dangling reference a duplicate
 * number. Error. Only for profiles that enable it: the 小平 調査票 cites sub-items in its comments
 * (`No.2-7については…`) and is not checked this way. The 推進プログラム sample has one: ⑤ → No.8 (K-L19); the source
 * lost ⑥–⑩ in its PDF extraction, so No.8 has no row there.
 */
import type { Finding } from "../model/finding";
import { normalizeRecordId } from "../profile/headings";
import { fieldLabel } from "./field-label";
import { finding, textCells } from "./helpers";
import type { WorkbookRule } from "./types";

const REF_RE = /No[.．]?\s*([0-9０-９]+(?:[-－][0-9０-９]+)?)/gi;

export const refMissing: WorkbookRule = {
  id: "REF-MISSING",
  scope: "workbook",
  defaultSeverity: "error",
  check(env) {
    const out: Finding[] = [];
    const ids = new Map<string, Set<string>>();
    for (const r of env.records) {
      if (!r.id || r.role !== "records" || !env.settingFor(r.profileId)) continue;
      const set = ids.get(r.profileId) ?? new Set<string>();
      set.add(r.id.text);
      ids.set(r.profileId, set);
    }
    for (const r of env.records) {
      const s = env.settingFor(r.profileId);
      if (!s) continue;
      const profile = env.profiles.find((p) => p.id === r.profileId);
      const known = ids.get(r.profileId) ?? new Set<string>();
      for (const { field, read } of textCells(r)) {
        if (field === "id") continue;
        const refs = new Set([...read.text.matchAll(REF_RE)].map((m) => normalizeRecordId(m[1])));
        for (const ref of refs) {
          if (known.has(ref)) continue;
          out.push(finding("REF-MISSING", s.severity, r, read.cell, "rule.REF-MISSING", { field: fieldLabel(profile, r, field), ref }));
        }
      }
    }
    return out;
  },
};
