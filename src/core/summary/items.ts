/**
 * The items a summary counts: one per main record (a 調査票 sheet, a project), joined with its row in the list
 * sheet (評価一覧) where there is one, plus the list's repost rows (【No.15の再掲】), which have no sheet.
 * Sub-sheets (No.2-1 …) are parts of their item and are not items themselves.
 */
import type { CellPos, SurveyRecord } from "../model/record";
import type { Profile } from "../profile/types";
import { parseRecordId } from "../rules/family";
import type { Department } from "../values/types";

export interface SummaryItem {
  readonly profileId: string;
  readonly id?: string;
  readonly title: string;
  readonly tags: readonly string[];
  readonly group?: string;
  readonly departments: readonly Department[];
  readonly eval1?: string;
  readonly eval2?: string;
  readonly status?: string;
  /** 2次 if present, else 1次 (or the status). */
  readonly final?: string;
  readonly indicatorCount: number;
  readonly repostOf?: string;
  /** The record's sheet (absent for a repost or a list row without a sheet). */
  readonly record?: SurveyRecord;
  readonly listRow?: SurveyRecord;
  /** Where a link to this item should go. */
  readonly link?: { readonly sheet: string; readonly cell: CellPos };
  /** The workbook the item came from (folder mode). */
  readonly file?: string;
}

function isMain(r: SurveyRecord): boolean {
  if (!r.id) return true; // records without an id (a project named by 事業名) stand alone
  const p = parseRecordId(r.id.text);
  return p.sub === undefined && p.range === undefined;
}

function code(r: SurveyRecord | undefined, f: "eval1" | "eval2" | "status"): string | undefined {
  return r?.codes[f]?.parsed.code;
}

function item(profileId: string, record: SurveyRecord | undefined, row: SurveyRecord | undefined, file?: string): SummaryItem {
  const src = record ?? row!;
  const eval1 = code(record, "eval1") ?? code(row, "eval1");
  const eval2 = code(record, "eval2") ?? code(row, "eval2");
  const status = code(record, "status") ?? code(row, "status");
  const anchor = record ? (record.title?.cell ?? record.id?.cell ?? { row: 0, col: 0 }) : undefined;
  return {
    profileId,
    id: src.id?.text,
    title: (record?.title ?? row?.title)?.text ?? "",
    tags: row?.tags.length ? row.tags : (record?.tags ?? []),
    group: (record?.group ?? row?.group)?.text,
    departments: (record?.departments ?? row?.departments)?.list.departments ?? [],
    eval1,
    eval2,
    status,
    final: eval2 ?? eval1 ?? status,
    indicatorCount: record?.indicators.length ?? 0,
    repostOf: row?.repostOf,
    record,
    listRow: row,
    link: record && anchor ? { sheet: record.sheet, cell: anchor } : row ? { sheet: row.sheet, cell: row.id?.cell ?? { row: row.row ?? 0, col: 0 } } : undefined,
    file,
  };
}

/** A list whose rows are numbered: in a No. column, or at the start of the title cell (`idInTitle`). */
function listHasIds(profile: Profile): boolean {
  return profile.layouts.some((l) => l.role === "list" && (l.shape === "table" ? l.columns.some((c) => c.id === "id" || c.idInTitle) : l.fields.some((f) => f.id === "id")));
}

/** Items of one workbook, in the list sheet's order when there is one, else in sheet order. */
export function summaryItems(records: readonly SurveyRecord[], profiles: readonly Profile[], file?: string): SummaryItem[] {
  const out: SummaryItem[] = [];
  for (const profile of profiles) {
    const mine = records.filter((r) => r.profileId === profile.id);
    if (mine.length === 0) continue;
    // A list without a No. column (武蔵野 目次) only mirrors the records: its rows are not items of their own.
    const rows = listHasIds(profile) ? mine.filter((r) => r.role === "list") : [];
    const mains = mine.filter((r) => r.role === "records" && isMain(r));
    const byId = new Map<string, SurveyRecord>();
    for (const r of mains) if (r.id && !byId.has(r.id.text)) byId.set(r.id.text, r);
    const used = new Set<SurveyRecord>();
    for (const row of rows) {
      if (row.repostOf) {
        out.push(item(profile.id, undefined, row, file));
        continue;
      }
      const rec = row.id ? byId.get(row.id.text) : undefined;
      if (rec) used.add(rec);
      out.push(item(profile.id, rec, row, file));
    }
    for (const r of mains) if (!used.has(r)) out.push(item(profile.id, r, undefined, file));
  }
  return out;
}

export const DEPARTMENT_WILDCARDS = ["各所管課", "全課", "各課", "施設所管課"];
