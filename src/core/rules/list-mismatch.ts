/**
 * LIST-MISMATCH: the list sheet (評価一覧, 目次) disagrees with a record: rating (error), title or departments
 * (warning). Departments compare without `(旧…)` notes; `各所管課`/`全課` and supersets are accepted. kodaira (c.1, c.6).
 */
import type { Finding, Severity } from "../model/finding";
import type { SurveyRecord } from "../model/record";
import { normalizeForCompare } from "../values/text";
import { clip, fieldName, finding } from "./helpers";
import { listPairings } from "./list-pairing";
import type { WorkbookRule } from "./types";

const DEFAULT_WILDCARDS = ["各所管課", "全課", "各課"];

function names(rec: SurveyRecord): string[] {
  return (rec.departments?.list.departments ?? []).map((d) => normalizeForCompare(d.name)).filter(Boolean);
}

export function departmentsMissing(row: SurveyRecord, rec: SurveyRecord, wildcards: readonly string[]): string[] {
  const wild = new Set(wildcards.map((w) => normalizeForCompare(w)));
  const listed = names(row);
  const onSheet = new Set(names(rec));
  if (listed.some((n) => wild.has(n)) || [...onSheet].some((n) => wild.has(n))) return [];
  const display = new Map((row.departments?.list.departments ?? []).map((d) => [normalizeForCompare(d.name), d.name] as const));
  return listed.filter((n) => !onSheet.has(n)).map((n) => display.get(n) ?? n);
}

export const listMismatch: WorkbookRule = {
  id: "LIST-MISMATCH",
  scope: "workbook",
  defaultSeverity: "error",
  check(env) {
    const out: Finding[] = [];
    for (const p of listPairings(env.records)) {
      const s = env.settingFor(p.profileId);
      if (!s) continue;
      const textSeverity: Severity = s.severity === "error" ? "warning" : s.severity;
      const wildcards = (s.setting.params?.departmentWildcards as string[] | undefined) ?? DEFAULT_WILDCARDS;
      for (const row of p.rows) {
        if (!row.id || row.repostOf) continue;
        const rec = p.records.get(row.id.text);
        if (!rec) continue;
        const list = row.sheet;
        for (const f of ["eval1", "eval2", "status"] as const) {
          const lc = row.codes[f];
          const rc = rec.codes[f];
          if (!lc?.parsed.code || !rc?.parsed.code || lc.parsed.code === rc.parsed.code) continue;
          out.push(
            finding("LIST-MISMATCH", s.severity, row, lc.cell, "rule.LIST-MISMATCH.code", {
              list,
              field: fieldName(f),
              listValue: lc.parsed.code,
              sheet: rec.sheet,
              recordValue: rc.parsed.code,
            }),
          );
        }
        if (row.title && rec.title && normalizeForCompare(row.title.text) !== normalizeForCompare(rec.title.text)) {
          out.push(
            finding("LIST-MISMATCH", textSeverity, row, row.title.cell, "rule.LIST-MISMATCH.title", {
              list,
              listValue: clip(row.title.text, 40),
              sheet: rec.sheet,
              recordValue: clip(rec.title.text, 40),
            }),
          );
        }
        if (row.departments && rec.departments) {
          const missing = departmentsMissing(row, rec, wildcards);
          if (missing.length) {
            out.push(
              finding("LIST-MISMATCH", textSeverity, row, row.departments.cell, "rule.LIST-MISMATCH.departments", {
                list,
                sheet: rec.sheet,
                missing: missing.join("、"),
              }),
            );
          }
        }
      }
    }
    return out;
  },
};
