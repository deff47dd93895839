/**
 * 配布 (split, docs/distribution.md): which of the master's sheets go to which department. One item per sheet (the
 * 小平 調査票): a sheet goes to its lead department, the first department its 所管課 names. An item naming several
 * departments is listed as shared so the office can decide; with `shared: "copy"` every named department gets it.
 * A sheet naming only a wildcard (各所管課, 全課…) or no department has no lead: with "lead" it goes to no one and is
 * listed to decide; with "copy" it goes to every department that gets a file, since the wildcard means all of them.
 * The list sheet (評価一覧) is not split: it stays in the master. A table (rows per item) or a sheet holding several
 * records (the 武蔵野 取組状況) is split by rows (rows.ts): each record's rows go to its lead, by the same rules; the
 * rows above the first record and below the last go to every department that gets rows of the sheet.
 * Pure.
 */
import type { WorkbookSnapshot } from "../model/grid";
import type { SurveyRecord } from "../model/record";
import type { Profile } from "../profile/types";
import type { ValidationReport } from "../validate";
import { normalizeForCompare } from "../values/text";
import { fnv1a64, formHash } from "./form-hash";
import { rowsOf, type RowRange, type SheetRows, sheetRows } from "./rows";
import { DISTRIBUTION_MARKER_KEY, type DistributionMarker } from "./types";

export type SharedMode = "lead" | "copy";

/** One department's workbook: its name as the master writes it, and its sheets in the master's order. */
export interface DepartmentFile {
  readonly department: string;
  readonly sheets: readonly string[];
  /** Sheets split by rows: the master rows (1-based ranges, in order) the department's copy holds. */
  readonly rows?: Readonly<Record<string, readonly RowRange[]>>;
  /** Those sheets' form hashes: of the rows the department gets, at the copy's places. */
  readonly formHashes?: Readonly<Record<string, string>>;
}

/** An item whose sheet names more than one department, or only a wildcard, or none. */
export interface SharedItem {
  readonly sheet: string;
  /** The item as the sheet names it (`No.1 協働推進体制の充実`). */
  readonly item: string;
  /** The department that gets the sheet with "lead"; absent when the sheet names no department by name. */
  readonly lead?: string;
  /** The other departments named, wildcards (各所管課) included, in the sheet's order. */
  readonly others: readonly string[];
  /** The departments whose workbook holds the sheet. */
  readonly sentTo: readonly string[];
}

export interface SplitPlan {
  readonly ok: true;
  readonly masterId: string;
  readonly files: readonly DepartmentFile[];
  /** Shared items, for the office to decide: with "lead", also the sheets that went to no one (`sentTo` empty). */
  readonly shared: readonly SharedItem[];
  /** Sheets that are not distributed: the list sheet, and sheets not read as a 調査票. */
  readonly kept: readonly string[];
  /** Each distributed sheet's form hash (form-hash.ts), by sheet name. */
  readonly formHashes: Readonly<Record<string, string>>;
}

export type SplitRefusal =
  | { readonly ok: false; readonly reason: "nothing-recognised" }
  /** A sheet holding several records whose rows overlap (records side by side): it cannot be split by rows. */
  | { readonly ok: false; readonly reason: "table-format"; readonly sheets: readonly string[] };

export interface SplitOptions {
  readonly shared?: SharedMode;
  /** The master's id when the caller has one (stored in the master, or newly made); else derived (deriveMasterId). */
  readonly masterId?: string;
}

/** A department's key: names compare as the checker compares them (width, blanks), notes such as (旧…) left out. */
const keyOf = (name: string): string => normalizeForCompare(name);

/**
 * The master's id when none is stored: a hash of its distributed sheets' names and forms, so the same master gives
 * the same id on every run, without writing the master. Input cells do not count, so taking in the departments'
 * answers leaves it unchanged; next year's master (new titles) gets a new one.
 */
export function deriveMasterId(sheets: readonly { readonly name: string; readonly formHash: string }[]): string {
  return fnv1a64(sheets.map((s) => `${s.name}\u0000${s.formHash}`).join("\u0001"));
}

/** The id stored in the master's settings under DISTRIBUTION_MARKER_KEY: the id itself, or JSON with `masterId`. */
export function storedMasterId(settings: Readonly<Record<string, string>> | undefined): string | undefined {
  const raw = settings?.[DISTRIBUTION_MARKER_KEY]?.trim();
  if (!raw) return undefined;
  if (!raw.startsWith("{")) return raw;
  try {
    const v = JSON.parse(raw) as { masterId?: unknown };
    return typeof v.masterId === "string" && v.masterId ? v.masterId : undefined;
  } catch {
    return undefined;
  }
}

function itemName(recs: readonly SurveyRecord[]): string {
  const r = recs[0];
  const id = r.idWritten ?? r.id?.text;
  const title = r.title?.text;
  return [id ? `No.${id.replace(/^No\.?\s*/i, "")}` : "", title ?? ""].filter(Boolean).join(" ") || r.sheet;
}

/** The departments a record (or a sheet's records) names: by name, and wildcards, each once, in the sheet's order. */
function namedIn(recs: readonly SurveyRecord[]): { named: string[]; wild: string[] } {
  const named: string[] = [];
  const wild: string[] = [];
  for (const r of recs) {
    const list = r.departments?.list;
    for (const d of list?.departments ?? []) {
      const target = list!.wildcards.includes(d.name) ? wild : named;
      if (!target.some((n) => keyOf(n) === keyOf(d.name))) target.push(d.name);
    }
  }
  return { named, wild };
}

/** A sheet whose records are split by rows: a table's rows, or several records stacked down the sheet. */
function byRows(recs: readonly SurveyRecord[], profile: Profile | undefined): boolean {
  return recs.length > 1 || recs.some((r) => profile?.layouts.find((l) => l.id === r.layoutId)?.shape === "table");
}

/** Plans the split of a validated master. */
export function planSplit(snapshot: WorkbookSnapshot, report: ValidationReport, profiles: readonly Profile[], options: SplitOptions = {}): SplitPlan | SplitRefusal {
  const mode = options.shared ?? "lead";
  const byId = new Map(profiles.map((p) => [p.id, p] as const));
  const bySheet = new Map<string, SurveyRecord[]>();
  for (const r of report.records) {
    if (r.role !== "records") continue;
    const list = bySheet.get(r.sheet);
    if (list) list.push(r);
    else bySheet.set(r.sheet, [r]);
  }
  const sheets = snapshot.sheets.filter((g) => bySheet.has(g.name));
  if (sheets.length === 0) return { ok: false, reason: "nothing-recognised" };
  // Sheets split by rows need each record on rows of its own; records side by side cannot be split.
  const layouts = new Map<string, SheetRows>();
  const unsplittable: string[] = [];
  for (const grid of sheets) {
    const recs = bySheet.get(grid.name)!;
    if (!byRows(recs, byId.get(recs[0].profileId))) continue;
    const layout = sheetRows(grid, recs);
    if (layout) layouts.set(grid.name, layout);
    else unsplittable.push(grid.name);
  }
  if (unsplittable.length) return { ok: false, reason: "table-format", sheets: unsplittable };

  const formHashes: Record<string, string> = {};
  const names = new Map<string, string>(); // key → name as first written
  const assigned = new Map<string, string[]>(); // department key → sheets
  const rowsOfDept = new Map<string, Map<string, Set<number>>>(); // department key → sheet → record indexes
  const assign = (key: string, sheet: string): void => {
    const list = assigned.get(key);
    if (!list) assigned.set(key, [sheet]);
    else if (!list.includes(sheet)) list.push(sheet);
  };
  const assignRecord = (key: string, sheet: string, i: number): void => {
    assign(key, sheet);
    const bySheetRows = rowsOfDept.get(key) ?? new Map<string, Set<number>>();
    rowsOfDept.set(key, bySheetRows);
    const set = bySheetRows.get(sheet) ?? new Set<number>();
    bySheetRows.set(sheet, set);
    set.add(i);
  };
  const pending: { sheet: string; item: string; lead?: string; others: string[]; record?: number }[] = [];
  const toAll: string[] = []; // sheets for every department ("copy", no named department)
  const toAllRecords: { sheet: string; record: number }[] = [];
  for (const grid of sheets) {
    const recs = bySheet.get(grid.name)!;
    formHashes[grid.name] = formHash(grid, recs, byId.get(recs[0].profileId));
    // By rows, each record goes to its own lead; otherwise the sheet's records decide together.
    const units = layouts.has(grid.name) ? recs.map((r, i) => ({ recs: [r], record: i as number | undefined })) : [{ recs, record: undefined }];
    for (const unit of units) {
      const { named, wild } = namedIn(unit.recs);
      for (const n of named) if (!names.has(keyOf(n))) names.set(keyOf(n), n);
      const lead = named[0];
      const others = [...named.slice(1), ...wild];
      const give = (key: string) => (unit.record === undefined ? assign(key, grid.name) : assignRecord(key, grid.name, unit.record));
      if (lead) give(keyOf(lead));
      if (mode === "copy") for (const n of named.slice(1)) give(keyOf(n));
      if (!lead && mode === "copy") {
        if (unit.record === undefined) toAll.push(grid.name);
        else toAllRecords.push({ sheet: grid.name, record: unit.record });
      }
      if (others.length || !lead) pending.push({ sheet: grid.name, item: itemName(unit.recs), ...(lead ? { lead } : {}), others, ...(unit.record !== undefined ? { record: unit.record } : {}) });
    }
  }
  const everyone = [...assigned.keys()];
  for (const sheet of toAll) for (const key of everyone) assign(key, sheet);
  for (const { sheet, record } of toAllRecords) for (const key of everyone) assignRecord(key, sheet, record);
  const order = sheets.map((g) => g.name);
  const files: DepartmentFile[] = [...assigned.entries()].map(([key, list]) => {
    const sorted = [...list].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    const rows: Record<string, readonly RowRange[]> = {};
    const hashes: Record<string, string> = {};
    for (const sheet of sorted) {
      const layout = layouts.get(sheet);
      const records = rowsOfDept.get(key)?.get(sheet);
      if (!layout || !records) continue;
      const grid = sheets.find((g) => g.name === sheet)!;
      const recs = bySheet.get(sheet)!;
      rows[sheet] = rowsOf(layout, [...records].sort((a, b) => a - b), grid.top + grid.rows.length - 1);
      hashes[sheet] = formHash(grid, recs, byId.get(recs[0].profileId), rows[sheet]);
    }
    return { department: names.get(key)!, sheets: sorted, ...(Object.keys(rows).length ? { rows, formHashes: hashes } : {}) };
  });
  const shared: SharedItem[] = pending.map(({ record, ...p }) => {
    const holders = files.filter((f) => f.sheets.includes(p.sheet) && (record === undefined || rowsOfDept.get(keyOf(f.department))?.get(p.sheet)?.has(record))).map((f) => f.department);
    // In the order the sheet names them; departments reached through a wildcard after.
    const named = [p.lead, ...p.others].filter((d): d is string => !!d && holders.some((h) => keyOf(h) === keyOf(d)));
    const sentTo = [...named.map((d) => holders.find((h) => keyOf(h) === keyOf(d))!), ...holders.filter((h) => !named.some((d) => keyOf(d) === keyOf(h)))];
    return { ...p, sentTo };
  });
  const masterId = options.masterId ?? storedMasterId(snapshot.settings) ?? deriveMasterId(sheets.map((g) => ({ name: g.name, formHash: formHashes[g.name] })));
  const kept = snapshot.sheets.filter((g) => !bySheet.has(g.name)).map((g) => g.name);
  return { ok: true, masterId, files, shared, kept, formHashes };
}

/** The hidden marker of one department's workbook. */
export function markerFor(plan: SplitPlan, file: DepartmentFile, at: Date): DistributionMarker {
  return {
    version: 1,
    masterId: plan.masterId,
    department: file.department,
    distributedAt: at.toISOString(),
    sheets: file.sheets.map((name) => {
      const rows = file.rows?.[name];
      return { name, ...(rows ? { rows } : {}), formHash: file.formHashes?.[name] ?? plan.formHashes[name] };
    }),
    expected: plan.files.map((f) => ({ department: f.department, sheets: [...f.sheets] })),
  };
}
