/**
 * LIST-MISMATCH: the list sheet (評価一覧, 目次) disagrees with a record: rating (error), title or departments
 * (warning). Departments compare without `(旧…)` notes; `各所管課`/`全課` and supersets are accepted.
 *
 * Parameters: `departmentWildcards`; `departmentNotes: "compare"` makes a note on a department that both sides list
 * count (the 武蔵野 sample: `（平成30年度より資産活用課）` on another department, #35, or missing, #37), except notes that
 * match one of `ignoredNotes` (regex sources, e.g. `^旧`). A list without a No. column (武蔵野 目次) pairs its rows with
 * the records by 事業名 under the same headings, then by position among the rows left over under those headings.
 */
import { listText } from "../i18n";
import type { Finding, Severity } from "../model/finding";
import type { SurveyRecord } from "../model/record";
import type { Department } from "../values/types";
import { normalizeForCompare } from "../values/text";
import { fieldLabel } from "./field-label";
import { clip, finding } from "./helpers";
import { enabledPairings } from "./list-pairing";
import { CODE_LIST, declareParams, readParams } from "./params";
import type { WorkbookRule } from "./types";

export const LIST_MISMATCH_PARAMS = declareParams<{
  departmentWildcards: readonly string[];
  departmentNotes: "compare" | "ignore";
  ignoredNotes: readonly string[];
}>({
  departmentWildcards: {
    schema: CODE_LIST,
    default: ["各所管課", "全課", "各課"],
    description: "Department names that stand for every department: a side that lists one never misses a department.",
  },
  departmentNotes: {
    schema: { type: "string", enum: ["compare", "ignore"] },
    default: "ignore",
    description: "compare: a note on a department both sides list, such as （平成30年度より資産活用課）, must agree too.",
  },
  ignoredNotes: {
    schema: { type: "array", items: { type: "string", format: "regex" } },
    default: [],
    description: "Regular expressions of department notes that are never compared (^旧).",
  },
});

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

function noteKey(d: Department, ignored: readonly RegExp[]): string {
  const n = d.note ? normalizeForCompare(d.note) : "";
  return n && !ignored.some((re) => re.test(n)) ? n : "";
}

/** Departments that both list but with different notes (whitespace aside), as the list writes them. */
export function departmentNoteDifferences(row: SurveyRecord, rec: SurveyRecord, ignored: readonly RegExp[]): string[] {
  const onSheet = new Map<string, string>();
  for (const d of rec.departments?.list.departments ?? []) {
    const k = normalizeForCompare(d.name);
    if (k && !onSheet.has(k)) onSheet.set(k, noteKey(d, ignored));
  }
  const out: string[] = [];
  for (const d of row.departments?.list.departments ?? []) {
    const k = normalizeForCompare(d.name);
    const sheetNote = onSheet.get(k);
    if (sheetNote !== undefined && sheetNote !== noteKey(d, ignored)) out.push(d.name);
  }
  return out;
}

/** The headings a record sits under, by level and number (`I/1/(1)`), so the 目次 and the sheets compare. */
function headingKey(r: SurveyRecord): string {
  return (r.headings ?? []).map((h) => `${h.level}:${normalizeForCompare(h.no ?? h.title)}`).join("/");
}

/**
 * Rows of a list without ids paired with records: same headings and same 事業名 first; then, under the same headings,
 * the rows and records left over pair by position when there are as many of each; last, the same 事業名 anywhere.
 */
export function pairListByTitle(rows: readonly SurveyRecord[], records: readonly SurveyRecord[]): Map<SurveyRecord, SurveyRecord> {
  const pairs = new Map<SurveyRecord, SurveyRecord>();
  const used = new Set<SurveyRecord>();
  const title = (r: SurveyRecord) => normalizeForCompare(r.title?.text ?? "");
  const buckets = new Map<string, { rows: SurveyRecord[]; recs: SurveyRecord[] }>();
  const bucket = (k: string) => {
    let b = buckets.get(k);
    if (!b) buckets.set(k, (b = { rows: [], recs: [] }));
    return b;
  };
  for (const r of rows) bucket(headingKey(r)).rows.push(r);
  for (const r of records) bucket(headingKey(r)).recs.push(r);
  for (const b of buckets.values()) {
    for (const row of b.rows) {
      const rec = b.recs.find((x) => !used.has(x) && title(x) === title(row));
      if (rec) {
        pairs.set(row, rec);
        used.add(rec);
      }
    }
    const leftRows = b.rows.filter((r) => !pairs.has(r));
    const leftRecs = b.recs.filter((r) => !used.has(r));
    if (leftRows.length === leftRecs.length) {
      leftRows.forEach((row, i) => {
        pairs.set(row, leftRecs[i]);
        used.add(leftRecs[i]);
      });
    }
  }
  for (const row of rows) {
    if (pairs.has(row)) continue;
    const rec = records.find((x) => !used.has(x) && title(x) === title(row));
    if (rec) {
      pairs.set(row, rec);
      used.add(rec);
    }
  }
  return pairs;
}

export const listMismatch: WorkbookRule = {
  id: "LIST-MISMATCH",
  scope: "workbook",
  defaultSeverity: "error",
  params: LIST_MISMATCH_PARAMS,
  check(env) {
    const out: Finding[] = [];
    for (const { pairing: p, setting: s, profile } of enabledPairings(env)) {
      const textSeverity: Severity = s.severity === "error" ? "warning" : s.severity;
      const param = readParams(LIST_MISMATCH_PARAMS, s.setting);
      const wildcards = param.departmentWildcards;
      const compareNotes = param.departmentNotes === "compare";
      // readParams has refused a pattern that does not compile.
      const ignoredNotes = param.ignoredNotes.map((x) => new RegExp(x, "u"));
      const byTitle = p.rows.some((r) => r.id)
        ? undefined
        : pairListByTitle(
            p.rows,
            env.records.filter((r) => r.profileId === p.profileId && r.role === "records"),
          );
      for (const row of p.rows) {
        if ((!row.id && !byTitle) || row.repostOf) continue;
        const rec = row.id ? p.records.get(row.id.text) : byTitle?.get(row);
        if (!rec) continue;
        const list = row.sheet;
        for (const f of ["eval1", "eval2", "status"] as const) {
          const lc = row.codes[f];
          const rc = rec.codes[f];
          if (!lc?.parsed.code || !rc?.parsed.code || lc.parsed.code === rc.parsed.code) continue;
          out.push(
            finding("LIST-MISMATCH", s.severity, row, lc.cell, "rule.LIST-MISMATCH.code", {
              list,
              field: fieldLabel(profile, rec, f),
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
              field: fieldLabel(profile, row, "title"),
              listValue: clip(row.title.text, 40),
              sheet: rec.sheet,
              // Each side named as its own sheet labels it (目次's 事業名, 評価一覧's 取組項目 …).
              recordField: fieldLabel(profile, rec, "title"),
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
                listField: fieldLabel(profile, row, "departments"),
                field: fieldLabel(profile, rec, "departments"),
                sheet: rec.sheet,
                missing: listText(missing),
              }),
            );
          }
          const noted = compareNotes ? departmentNoteDifferences(row, rec, ignoredNotes) : [];
          if (noted.length) {
            out.push(
              finding("LIST-MISMATCH", textSeverity, row, row.departments.cell, "rule.LIST-MISMATCH.departmentNotes", {
                list,
                listValue: clip(String(row.departments.raw ?? ""), 60),
                sheet: rec.sheet,
                recordValue: clip(String(rec.departments.raw ?? ""), 60),
                names: listText(noted),
              }),
            );
          }
        }
      }
    }
    return out;
  },
};
