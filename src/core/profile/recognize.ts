/**
 * Recognition (formats.md): each sheet is scored against each profile layout by the share of its
 * required labels found; the best score at or above the threshold wins.
 */
import { GridView, type SheetGrid } from "../model/grid";
import type { SurveyRecord } from "../model/record";
import { compileLayout, LabelHits, type LayoutScore } from "./compiled";
import { SheetIndex } from "./labels";
import { readFormRecord, readStackedRecords } from "./read-form";
import { readTableRecords } from "./read-table";
import type { Profile } from "./types";

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
  for (const p of profiles) {
    if (override && p.id !== override.profileId) continue;
    for (const l of p.layouts) {
      if (override?.layoutId && l.id !== override.layoutId) continue;
      const compiled = compileLayout(p, l);
      let found = 0;
      for (const k of compiled.required) {
        const label = compiled.labels.get(k);
        if (label && index.has(label)) found++;
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

/** Convenience for tests and the CLI: recognise and read one grid. */
export function readSheet(grid: SheetGrid, profiles: readonly Profile[], override?: SheetOverride) {
  const index = new SheetIndex(new GridView(grid));
  const recognition = recogniseSheet(index, profiles, override);
  return { index, recognition, records: readRecords(recognition) };
}
