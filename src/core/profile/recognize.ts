/**
 * Recognition (docs/formats.md): each sheet is scored against each profile layout by the share of its
 * required labels found; the best score at or above the threshold wins.
 */
import { GridView, type SheetGrid } from "../model/grid";
import type { SurveyRecord } from "../model/record";
import { type CompiledLayout, compileLayout, LabelHits, type LayoutScore } from "./compiled";
import { type CompiledLabel, matchesLabel, SheetIndex } from "./labels";
import { readFormRecord, readStackedRecords } from "./read-form";
import { readTableRecords } from "./read-table";
import type { LabelSpec, Profile } from "./types";

export interface Recognition {
  readonly sheet: string;
  /** The winning layout, or undefined when no layout reached its threshold. */
  readonly best?: LayoutScore;
  /** Every layout's score, best first (the task pane shows them for the override). */
  readonly scores: readonly LayoutScore[];
  readonly hits?: LabelHits;
}

/** What the user chose for a sheet in the task pane: a profile/layout, or "none" to leave it alone. */
export type SheetOverride = { readonly profileId: string; readonly layoutId?: string } | "none";

/**
 * Every required label of every layout of a set of profiles, numbered, and which of them each distinct cell text
 * matches. Recognition then looks at each text of a sheet once, instead of asking every layout's every label about
 * every text; its cost no longer grows with the number of profiles.
 */
interface RequiredLabels {
  readonly layouts: readonly { readonly compiled: CompiledLayout; readonly first: number }[];
  readonly labels: readonly (CompiledLabel | undefined)[];
  /** How many cells each label needs: labels written alike ({FY}年度当初予定 this year and next) need a cell each. */
  readonly nth: readonly number[];
  readonly memo: Map<string, readonly number[]>;
}

const requiredByProfiles = new WeakMap<readonly Profile[], RequiredLabels>();
const REQUIRED_MEMO_MAX = 20000;

function requiredLabelsOf(profiles: readonly Profile[]): RequiredLabels {
  // Keyed by the array: a set of profiles is never changed in place (each change makes a new array).
  let r = requiredByProfiles.get(profiles);
  if (r) return r;
  const layouts: { compiled: CompiledLayout; first: number }[] = [];
  const labels: (CompiledLabel | undefined)[] = [];
  const nth: number[] = [];
  for (const p of profiles) {
    for (const l of p.layouts) {
      const compiled = compileLayout(p, l);
      layouts.push({ compiled, first: labels.length });
      compiled.required.forEach((k, i) => {
        labels.push(compiled.labels.get(k));
        nth.push(compiled.requiredNth[i]);
      });
    }
  }
  r = { layouts, labels, nth, memo: new Map() };
  requiredByProfiles.set(profiles, r);
  return r;
}

function requiredMatches(r: RequiredLabels, norm: string): readonly number[] {
  let ids = r.memo.get(norm);
  if (ids === undefined) {
    const found: number[] = [];
    for (let i = 0; i < r.labels.length; i++) {
      const label = r.labels[i];
      if (label && matchesLabel(label, norm)) found.push(i);
    }
    ids = found;
    if (r.memo.size >= REQUIRED_MEMO_MAX) r.memo.clear();
    r.memo.set(norm, ids);
  }
  return ids;
}

export function recogniseSheet(
  index: SheetIndex,
  profiles: readonly Profile[],
  override?: SheetOverride,
): Recognition {
  const sheet = index.view.name;
  if (override === "none") return { sheet, scores: [] };
  // Score every layout on its required labels only; index the winner's labels in full (LabelHits) once. With five
  // profiles and ten layouts, indexing each one cost more than reading the sheet.
  const scored: LayoutScore[] = [];
  if (!override) {
    const r = requiredLabelsOf(profiles);
    const cells = new Int32Array(r.labels.length);
    for (let i = 0; i < index.norms.length; i++) {
      const norm = index.norms[i];
      const ids = requiredMatches(r, norm);
      if (ids.length === 0) continue;
      const n = index.cellsWith(norm);
      for (let j = 0; j < ids.length; j++) cells[ids[j]] += n;
    }
    for (let li = 0; li < r.layouts.length; li++) {
      const { compiled, first } = r.layouts[li];
      const n = compiled.required.length;
      let found = 0;
      for (let i = first; i < first + n; i++) if (r.labels[i] && cells[i] >= r.nth[i]) found++;
      scored.push({ compiled, found, required: n, score: n ? found / n : 0 });
    }
  }
  for (const p of override ? profiles : []) {
    if (p.id !== override?.profileId) continue;
    for (const l of p.layouts) {
      if (override.layoutId && l.id !== override.layoutId) continue;
      const compiled = compileLayout(p, l);
      let found = 0;
      // Labels written alike ({FY}年度当初予定 for this year's and next year's plan) need a cell each.
      for (let i = 0; i < compiled.required.length; i++) {
        const label = compiled.labels.get(compiled.required[i]);
        if (!label) continue;
        const nth = compiled.requiredNth[i];
        if (nth === 1 ? index.has(label) : index.find(label).length >= nth) found++;
      }
      const n = compiled.required.length;
      scored.push({ compiled, found, required: n, score: n ? found / n : 0 });
    }
  }
  scored.sort((a, b) => b.score - a.score || b.found - a.found);
  const top = scored[0];
  // An override forces the layout even under the threshold: the user said so.
  const accepted = top && (override ? top.found > 0 : top.score >= top.compiled.threshold) ? top : undefined;
  return { sheet, best: accepted, scores: scored, hits: accepted ? new LabelHits(index, accepted.compiled) : undefined };
}

export function readRecords(rec: Recognition): SurveyRecord[] {
  if (!rec.best || !rec.hits) return [];
  const layout = rec.best.compiled.layout;
  if (layout.shape === "form") return layout.recordsPerSheet === "stacked" ? readStackedRecords(rec.hits, layout) : [readFormRecord(rec.hits, layout)];
  return readTableRecords(rec.hits, layout);
}

/** A label as a message names it: its first text, `{FY}` shown as ◯◯ and `*` left out. */
export function labelDisplayText(spec: LabelSpec | undefined, key: string): string {
  return spec?.text[0]?.replace(/\{FY\}/g, "◯◯").replace(/\*/g, "") || key;
}

/**
 * What the recognition matched on a sheet, for READ-EMPTY: the layout's labels found (as written, in reading order)
 * and the required ones not found. Recognition needs only a share of the required labels, reading may need them all.
 */
export interface LabelsMatched {
  /** The first label found, in reading order: the sheet's header as the layout sees it. */
  readonly at?: { readonly row: number; readonly col: number };
  readonly found: readonly string[];
  readonly missing: readonly string[];
}

/** A heading written over two lines (`主な推進⏎担当課`) as one: Japanese runs on, other text gets a space. */
function oneLine(text: string): string {
  if (!text.includes("\n")) return text.trim();
  const parts = text.split(/\s*\n\s*/).map((p) => p.trim()).filter(Boolean);
  return parts.reduce((out, p) => out + (/[\x21-\x7e]$/.test(out) && /^[\x21-\x7e]/.test(p) ? " " : "") + p, "");
}

export function labelsMatched(rec: Recognition): LabelsMatched | undefined {
  if (!rec.best || !rec.hits) return undefined;
  const layout = rec.best.compiled.layout;
  const firsts = [...rec.hits.byKey.values()].map((hits) => hits[0]).sort((a, b) => a.row - b.row || a.col - b.col);
  // Two keys may match one cell (所管課 is a 調査票's department and a list's rating header): name the cell once.
  const found = [...new Set(firsts.map((h) => oneLine(h.text)))];
  const missing = layout.recognition.required.filter((k) => !rec.hits!.has(k)).map((k) => labelDisplayText(layout.labels[k], k));
  return { at: firsts[0] && { row: firsts[0].row, col: firsts[0].col }, found, missing };
}

/** Convenience for tests and the CLI: recognise and read one grid. */
export function readSheet(grid: SheetGrid, profiles: readonly Profile[], override?: SheetOverride) {
  const index = new SheetIndex(new GridView(grid));
  const recognition = recogniseSheet(index, profiles, override);
  return { index, recognition, records: readRecords(recognition) };
}
