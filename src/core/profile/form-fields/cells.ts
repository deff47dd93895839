/** Finding a field's value cell from its label: below it (header layouts) or right of it (label-left layouts). */
import { cellText, isEmptyCell } from "../../model/cell";
import type { CellPos, TextRead } from "../../model/record";
import type { Hits } from "../compiled";
import { cachedNormalize, type LabelCandidate } from "../labels";

/** Empty cells between a label and its value are skipped, up to 3 cells. */
export const MAX_SKIP = 3;

interface Near {
  read?: TextRead;
  emptyAt: CellPos;
}

export function rowIsBlank(hits: Hits, row: number): boolean {
  return hits.index.view.isBlankRow(row);
}

/** The first row of values under a label: skips up to MAX_SKIP blank rows, never crosses a label row. */
export function firstDataRow(hits: Hits, hit: LabelCandidate): { first: number; end: number } {
  const start = hit.extent.bottom + 1;
  const end = Math.min(hits.nextLabelRowAfter(hit.extent.bottom), hits.index.view.bottom + 1);
  let first = start;
  let skipped = 0;
  while (first < end && skipped < MAX_SKIP && rowIsBlank(hits, first)) {
    first++;
    skipped++;
  }
  if (first >= end) first = start;
  return { first, end: Math.max(end, start + 1) };
}

export function textRead(hits: Hits, row: number, col: number): TextRead | undefined {
  const view = hits.index.view;
  const a = view.anchor(row, col);
  const raw = view.raw(a.row, a.col);
  if (isEmptyCell(raw)) return undefined;
  return { text: cellText(raw), raw, cell: a };
}

export function valueNear(hits: Hits, hit: LabelCandidate, at: "below" | "right"): Near {
  const view = hits.index.view;
  if (at === "below") {
    const { first, end } = firstDataRow(hits, hit);
    const emptyAt = besideLabel(hits, hit, first, hit.col);
    for (let r = first; r < end; r++) {
      const a = view.anchor(r, hit.col);
      if (a.row !== r && r !== first) continue; // inside a merge already seen
      const t = textRead(hits, r, hit.col);
      if (t) return { read: t, emptyAt };
    }
    return { emptyAt };
  }
  // right of the label, skipping a few empty cells; a label cell ends the search.
  const row = hit.row;
  let col = hit.extent.right + 1;
  const emptyAt = besideLabel(hits, hit, row, col);
  for (let skipped = 0; skipped <= MAX_SKIP && col <= view.right; ) {
    const a = view.anchor(row, col);
    const raw = view.raw(a.row, a.col);
    if (!isEmptyCell(raw)) {
      if (typeof raw === "string" && hits.isLabelText(cachedNormalize(raw))) break;
      return { read: { text: cellText(raw), raw, cell: a }, emptyAt };
    }
    col = view.extent(row, col).right + 1;
    skipped++;
  }
  return { emptyAt };
}

/** Where a value would be typed: the cell at (row, col), or the label's own when its merge reaches the sheet's edge. */
export function besideLabel(hits: Hits, hit: LabelCandidate, row: number, col: number): CellPos {
  const view = hits.index.view;
  return view.contains(row, col) ? view.anchor(row, col) : { row: hit.row, col: hit.col };
}
