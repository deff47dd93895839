/**
 * 配布 (split, docs/distribution.md): which of the master's sheets go to which department. One item per sheet (the
 * 小平 調査票): a sheet goes to its lead department, the first department its 所管課 names. An item naming several
 * departments is listed as shared so the office can decide; with `shared: "copy"` every named department gets it.
 * A sheet naming only a wildcard (各所管課, 全課…) or no department has no lead: with "lead" it goes to no one and is
 * listed to decide; with "copy" it goes to every department that gets a file, since the wildcard means all of them.
 * The list sheet (評価一覧) is not split: it stays in the master. Table formats (rows per item) and sheets holding
 * several records (the 武蔵野 取組状況) are refused for now: they would need splitting by rows.
 * Pure.
 */
import type { WorkbookSnapshot } from "../model/grid";
import type { SurveyRecord } from "../model/record";
import type { Profile } from "../profile/types";
import type { ValidationReport } from "../validate";
import { normalizeForCompare } from "../values/text";
import { fnv1a64, formHash } from "./form-hash";
import { DISTRIBUTION_MARKER_KEY, type DistributionMarker } from "./types";

export type SharedMode = "lead" | "copy";

/** One department's workbook: its name as the master writes it, and its sheets in the master's order. */
export interface DepartmentFile {
  readonly department: string;
  readonly sheets: readonly string[];
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
  /** A table format (rows per item) or several records on one sheet (the 武蔵野 取組状況): split by sheet only for now. */
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
  // Rows of a table, or several records stacked on one sheet (武蔵野 取組状況): a sheet cannot go to one department.
  const tables = [...bySheet.entries()].filter(([, recs]) => recs.length > 1 || recs.some((r) => byId.get(r.profileId)?.layouts.find((l) => l.id === r.layoutId)?.shape === "table"));
  if (tables.length) return { ok: false, reason: "table-format", sheets: tables.map(([s]) => s) };
  const sheets = snapshot.sheets.filter((g) => bySheet.has(g.name));
  if (sheets.length === 0) return { ok: false, reason: "nothing-recognised" };

  const formHashes: Record<string, string> = {};
  const names = new Map<string, string>(); // key → name as first written
  const assigned = new Map<string, string[]>(); // department key → sheets
  const assign = (key: string, sheet: string): void => {
    const list = assigned.get(key);
    if (!list) assigned.set(key, [sheet]);
    else if (!list.includes(sheet)) list.push(sheet);
  };
  const pending: { sheet: string; item: string; lead?: string; others: string[] }[] = [];
  const toAll: string[] = []; // sheets for every department ("copy", no named department)
  for (const grid of sheets) {
    const recs = bySheet.get(grid.name)!;
    formHashes[grid.name] = formHash(grid, recs, byId.get(recs[0].profileId));
    const named: string[] = [];
    const wild: string[] = [];
    for (const r of recs) {
      const list = r.departments?.list;
      for (const d of list?.departments ?? []) {
        const isWild = list!.wildcards.includes(d.name);
        const target = isWild ? wild : named;
        if (!target.some((n) => keyOf(n) === keyOf(d.name))) target.push(d.name);
      }
    }
    for (const n of named) if (!names.has(keyOf(n))) names.set(keyOf(n), n);
    const lead = named[0];
    const others = [...named.slice(1), ...wild];
    if (lead) assign(keyOf(lead), grid.name);
    if (mode === "copy") for (const n of named.slice(1)) assign(keyOf(n), grid.name);
    if (!lead && mode === "copy") toAll.push(grid.name);
    if (others.length || !lead) pending.push({ sheet: grid.name, item: itemName(recs), ...(lead ? { lead } : {}), others });
  }
  for (const sheet of toAll) for (const key of assigned.keys()) assign(key, sheet);
  const order = sheets.map((g) => g.name);
  const files: DepartmentFile[] = [...assigned.entries()].map(([key, list]) => ({
    department: names.get(key)!,
    sheets: [...list].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
  }));
  const shared: SharedItem[] = pending.map((p) => {
    const holders = files.filter((f) => f.sheets.includes(p.sheet)).map((f) => f.department);
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
    sheets: file.sheets.map((name) => ({ name, formHash: plan.formHashes[name] })),
  };
}
