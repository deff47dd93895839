/** FY-INCONSISTENT: a sheet whose 対象年度 (title) differs from the workbook's. */
import type { Finding } from "../model/finding";
import { finding } from "./helpers";
import type { WorkbookRule } from "./types";

export const fyInconsistent: WorkbookRule = {
  id: "FY-INCONSISTENT",
  scope: "workbook",
  defaultSeverity: "error",
  check(env) {
    const out: Finding[] = [];
    const book = env.fiscalYear;
    if (book === undefined) return out;
    for (const r of env.records) {
      if (!r.fiscalYear || r.fiscalYear.value === book) continue;
      const s = env.settingFor(r.profileId);
      if (!s) continue;
      out.push(finding("FY-INCONSISTENT", s.severity, r, r.fiscalYear.cell, "rule.FY-INCONSISTENT", { sheetFy: r.fiscalYear.value, bookFy: book }));
    }
    return out;
  },
};
