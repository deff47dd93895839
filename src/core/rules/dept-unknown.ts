/** DEPT-UNKNOWN: a department that is not in the master list (a sheet named 所管課マスタ, when the workbook has one). */
import { listText } from "../i18n";
import { cellText } from "../model/cell";
import type { Finding } from "../model/finding";
import { normalizeForCompare, normalizeLabel } from "../values/text";
import { fieldLabel } from "./field-label";
import { finding } from "./helpers";
import type { WorkbookRule } from "./types";

export const MASTER_SHEET = "所管課マスタ";
const HEADER_WORDS = new Set(["所管課", "課名", "担当課", "部署", "部署名"]);
const WILDCARDS = new Set(["各所管課", "全課", "各課", "施設所管課"].map(normalizeForCompare));

export const deptUnknown: WorkbookRule = {
  id: "DEPT-UNKNOWN",
  scope: "workbook",
  defaultSeverity: "warning",
  check(env) {
    const out: Finding[] = [];
    const master = env.otherSheets.find((g) => normalizeLabel(g.name) === MASTER_SHEET);
    if (!master) return out;
    const known = new Set<string>();
    for (const row of master.rows)
      for (const v of row) {
        const t = cellText(v).trim();
        if (t && !HEADER_WORDS.has(t)) known.add(normalizeForCompare(t));
      }
    for (const r of env.records) {
      const s = env.settingFor(r.profileId);
      if (!s || !r.departments) continue;
      const unknown = r.departments.list.departments
        .map((d) => d.name)
        .filter((n) => !known.has(normalizeForCompare(n)) && !WILDCARDS.has(normalizeForCompare(n)));
      if (!unknown.length) continue;
      const field = fieldLabel(env.profiles.find((p) => p.id === r.profileId), r, "departments");
      out.push(finding("DEPT-UNKNOWN", s.severity, r, r.departments.cell, "rule.DEPT-UNKNOWN", { field, names: listText(unknown), master: MASTER_SHEET }));
    }
    return out;
  },
};
