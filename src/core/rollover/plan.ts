/**
 * 年度更新 (docs/rollover.md): next year's workbook planned from this year's, as cell changes a file adapter applies to
 * a copy. What moves and what is cleared is the profile's `rollover` section; this file only follows it. The input is
 * never changed; every change names its cell and the value it replaces.
 */
import { cellText, type CellValue, isEmptyCell } from "../model/cell";
import { toA1 } from "../model/address";
import type { SheetGrid, WorkbookSnapshot } from "../model/grid";
import type { CellPos, SurveyRecord } from "../model/record";
import { compileLayout, labelKeysFor } from "../profile/compiled";
import { cachedNormalize, compileLabel, type CompiledLabel, matchesLabel } from "../profile/labels";
import type { FieldId, Profile, RolloverLayout } from "../profile/types";
import type { ValidationReport } from "../validate";
import { findFiscalYears } from "../values/wareki";
import { shiftYearsInText } from "../values/year-shift";

export type RolloverChangeKind = "year" | "carry" | "year-value" | "clear";

/** One cell of next year's workbook: its value now (`before`) and what it becomes (`after`; null empties it). */
export interface RolloverChange {
  readonly sheet: string;
  readonly cell: string;
  readonly before: string;
  readonly after: string | number | null;
  readonly kind: RolloverChangeKind;
}

export interface EndedItem {
  readonly sheet: string;
  readonly id?: string;
  readonly title?: string;
  /** Left out: the item's sheet is not in next year's workbook. Otherwise its row stays, for the user to remove. */
  readonly droppedSheet: boolean;
  /** The row's or record's first cell, when it stays. */
  readonly cell?: string;
}

export interface RolloverPlan {
  readonly fromYear: number;
  readonly toYear: number;
  readonly changes: readonly RolloverChange[];
  /** Sheets left out (`dropEnded`): the ended items' own sheets. */
  readonly dropSheets: readonly string[];
  readonly ended: readonly EndedItem[];
  /** Rows of list sheets (評価一覧) that name an item left out: kept, for the user to delete (rows are not moved). */
  readonly listRows: readonly { readonly sheet: string; readonly cell: string; readonly id: string }[];
  /** Recognised sheets whose format has no rollover: copied as they are. */
  readonly notRolled: readonly { readonly sheet: string; readonly profileId: string }[];
}

export type RolloverRefusal =
  | { readonly kind: "nothing-to-roll"; readonly profiles: readonly string[] }
  | { readonly kind: "no-fiscal-year" }
  | { readonly kind: "past-plan-end"; readonly fromYear: number; readonly toYear: number; readonly period: { readonly from: number; readonly to: number } };

export interface RolloverOptions {
  readonly profiles: readonly Profile[];
  /** Leave out the sheets of items that ended this year. */
  readonly dropEnded?: boolean;
  /** Years to move on; 1 unless a test rolls further. */
  readonly years?: number;
}

export type RolloverResult = { readonly ok: true; readonly plan: RolloverPlan } | { readonly ok: false; readonly refusal: RolloverRefusal };

const a1 = (p: CellPos) => toA1(p.row, p.col);

function rawAt(grid: SheetGrid, p: CellPos): CellValue {
  return grid.rows[p.row - grid.top]?.[p.col - grid.left] ?? null;
}

/** The cells a field's value occupies on a record; a code's comment goes with it. */
function fieldCells(rec: SurveyRecord, field: FieldId): CellPos[] {
  const out: CellPos[] = [];
  const code = rec.codes[field as keyof SurveyRecord["codes"]];
  if (code) {
    out.push(code.cell);
    if (code.commentCell) out.push(code.commentCell);
    else if (code.commentAt) out.push(code.commentAt);
  }
  const text = rec.texts[field as keyof SurveyRecord["texts"]];
  if (text) out.push(text.cell);
  if (field === "actual") for (const ind of rec.indicators) out.push(ind.actual?.cell ?? ind.actualCell ?? { row: -1, col: -1 });
  if (field === "status") for (const p of rec.plans ?? []) if (p.status) out.push(p.status.cell);
  const seen = new Set<string>();
  return out.filter((p) => p.row >= 0 && !seen.has(a1(p)) && seen.add(a1(p)));
}

/** The field's value as this year's sheet holds it: one cell's raw value, or several joined by line breaks. */
function fieldValue(grid: SheetGrid, rec: SurveyRecord, field: FieldId): CellValue {
  const values = fieldCells(rec, field)
    .map((p) => rawAt(grid, p))
    .filter((v) => !isEmptyCell(v));
  if (values.length <= 1) return values[0] ?? null;
  return values.map((v) => cellText(v)).join("\n");
}

function isEnded(rec: SurveyRecord, spec: Profile["rollover"]): boolean {
  if (rec.ended) return true;
  const words = spec?.ended?.words ?? [];
  for (const field of spec?.ended?.fields ?? []) {
    const text = (rec.texts[field as keyof SurveyRecord["texts"]]?.text ?? rec.codes[field as keyof SurveyRecord["codes"]]?.raw?.toString() ?? "").trim();
    // The word alone or leading the text (`廃止（No.5に統合）`), not inside a sentence (`…完了させる予定`).
    if (words.some((w) => text === w || (text.startsWith(w) && /^[\s（(：:。、・]/.test(text.slice(w.length))))) return true;
  }
  return false;
}

class Changes {
  readonly list: RolloverChange[] = [];
  private readonly at = new Map<string, number>();

  /** A later change to the same cell replaces an earlier one (a cell carried into and then cleared is carried). */
  set(grid: SheetGrid, p: CellPos, after: CellValue, kind: RolloverChangeKind, keepFirst = false): void {
    const before = cellText(rawAt(grid, p));
    const value = isEmptyCell(after) ? null : typeof after === "number" ? after : cellText(after);
    const key = `${grid.name}!${a1(p)}`;
    const i = this.at.get(key);
    if (i !== undefined) {
      if (keepFirst) return;
      this.list[i] = { ...this.list[i], after: value, kind };
      return;
    }
    if ((value === null ? "" : String(value)) === before && kind !== "year") return;
    this.at.set(key, this.list.length);
    this.list.push({ sheet: grid.name, cell: a1(p), before, after: value, kind });
  }
}

/** A `shiftYears` entry written as a label pattern (`*年度下半期評価`) rather than a label key: compiled once. */
const patternLabels = new Map<string, CompiledLabel>();

/**
 * The cells of a sheet that `shiftYears` names: those matching one of the layout's labels by key, or a label pattern
 * written in the entry itself (a header no field reads, such as the 評価一覧's `29年度下半期評価`).
 */
function labelCells(grid: SheetGrid, profile: Profile, layoutId: string, entries: readonly string[]): CellPos[] {
  const layout = profile.layouts.find((l) => l.id === layoutId);
  if (!layout || entries.length === 0) return [];
  const compiled = compileLayout(profile, layout);
  const keys = entries.filter((e) => e in layout.labels);
  const patterns = entries
    .filter((e) => !(e in layout.labels))
    .map((e) => {
      let c = patternLabels.get(e);
      if (!c) patternLabels.set(e, (c = compileLabel(e, { text: [e] })));
      return c;
    });
  const out: CellPos[] = [];
  grid.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v !== "string" || v.length > 120) return;
      const norm = cachedNormalize(v);
      if (labelKeysFor(compiled, norm).some((k) => keys.includes(k)) || patterns.some((p) => matchesLabel(p, norm))) out.push({ row: grid.top + r, col: grid.left + c });
    }),
  );
  return out;
}

/** The year a sheet reports on, from the header of its layout's `yearOf` field, when no title states it. */
function yearFromHeaders(records: readonly SurveyRecord[], profiles: ReadonlyMap<string, Profile>): number | undefined {
  const counts = new Map<number, number>();
  for (const rec of records) {
    const field = profiles.get(rec.profileId)?.rollover?.layouts[rec.layoutId]?.yearOf;
    const header = field ? rec.labelsRead?.[field] : undefined;
    const fy = header ? findFiscalYears(header)[0]?.fiscalYear : undefined;
    if (fy !== undefined) counts.set(fy, (counts.get(fy) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
}

/**
 * Plans next year's workbook. Refuses when no sheet's format can roll, when the 対象年度 is unknown, or when next year
 * is past the plan period.
 */
export function planRollover(snapshot: WorkbookSnapshot, report: ValidationReport, opts: RolloverOptions): RolloverResult {
  const years = opts.years ?? 1;
  const byId = new Map(opts.profiles.map((p) => [p.id, p] as const));
  const grids = new Map(snapshot.sheets.map((g) => [g.name, g] as const));
  const rollable = report.records.filter((r) => byId.get(r.profileId)?.rollover?.layouts[r.layoutId]);
  if (rollable.length === 0) return { ok: false, refusal: { kind: "nothing-to-roll", profiles: [...new Set(report.records.map((r) => r.profileId))] } };
  const fromYear = report.fiscalYear ?? yearFromHeaders(rollable, byId);
  if (fromYear === undefined) return { ok: false, refusal: { kind: "no-fiscal-year" } };
  const toYear = fromYear + years;
  for (const period of report.planPeriods ?? []) {
    if (rollable.some((r) => r.profileId === period.profileId) && toYear > period.to) {
      return { ok: false, refusal: { kind: "past-plan-end", fromYear, toYear, period: { from: period.from, to: period.to } } };
    }
  }

  const changes = new Changes();
  const ended: EndedItem[] = [];
  const dropSheets = new Set<string>();
  const shifted = new Set<string>();
  for (const rec of rollable) {
    const profile = byId.get(rec.profileId)!;
    const spec = profile.rollover!;
    const layoutSpec: RolloverLayout = spec.layouts[rec.layoutId];
    const grid = grids.get(rec.sheet);
    if (!grid) continue;
    const layout = profile.layouts.find((l) => l.id === rec.layoutId);
    if (isEnded(rec, spec)) {
      const own = layout?.shape === "form" && layout.recordsPerSheet === "one";
      const drop = own && !!opts.dropEnded;
      if (drop) dropSheets.add(rec.sheet);
      const first = rec.id?.cell ?? rec.title?.cell;
      ended.push({ sheet: rec.sheet, id: rec.id?.text, title: rec.title?.text, droppedSheet: drop, ...(first && !drop ? { cell: a1(first) } : {}) });
    }
    // Year labels: once per sheet (a sheet of stacked records shares its title).
    const sheetKey = `${rec.sheet}\u0000${rec.layoutId}`;
    if (!shifted.has(sheetKey)) {
      shifted.add(sheetKey);
      for (const p of labelCells(grid, profile, rec.layoutId, layoutSpec.shiftYears ?? [])) {
        const before = cellText(rawAt(grid, p));
        const moved = shiftYearsInText(before, years, fromYear);
        if (moved.moved > 0 && moved.text !== before) changes.set(grid, p, moved.text, "year");
      }
    }
    if (layoutSpec.yearValue) {
      const value = fieldValue(grid, rec, layoutSpec.yearValue.from);
      const target = rec.yearlyResults.find((y) => y.fiscalYear === fromYear);
      // A cell the user already filled is kept.
      if (target && !isEmptyCell(value) && target.text.trim() === "") changes.set(grid, target.cell, value, "year-value");
    }
    for (const { from, to } of layoutSpec.carry ?? []) {
      const target = fieldCells(rec, to)[0] ?? rec.emptyCells[to];
      if (target) changes.set(grid, target, fieldValue(grid, rec, from), "carry");
    }
    for (const field of layoutSpec.clear ?? []) {
      // A cell that just received a carried value keeps it.
      for (const p of fieldCells(rec, field)) changes.set(grid, p, null, "clear", true);
    }
  }
  const notRolled = report.sheets
    .filter((s) => s.status === "recognised" && s.profileId && !byId.get(s.profileId)?.rollover?.layouts[s.layoutId ?? ""])
    .map((s) => ({ sheet: s.name, profileId: s.profileId! }));
  const kept = changes.list.filter((c) => !dropSheets.has(c.sheet));
  const droppedIds = new Set(ended.filter((e) => e.droppedSheet && e.id).map((e) => e.id));
  const listRows = report.records
    .filter((r) => r.role === "list" && r.id && droppedIds.has(r.id.text))
    .map((r) => ({ sheet: r.sheet, cell: a1(r.id!.cell), id: r.id!.text }));
  return { ok: true, plan: { fromYear, toYear, changes: kept, dropSheets: [...dropSheets], ended, listRows, notRolled } };
}
