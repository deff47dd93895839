/** Profiles compiled once for fast matching; cached per layout object. */
import { type CompiledLabel, compileLabel, matchesLabel, type LabelCandidate, SheetIndex } from "./labels";
import type { Layout, Profile } from "./types";

export interface CompiledLayout {
  readonly profile: Profile;
  readonly layout: Layout;
  readonly labels: ReadonlyMap<string, CompiledLabel>;
  readonly required: readonly string[];
  readonly threshold: number;
}

const cache = new WeakMap<Layout, CompiledLayout>();

export const DEFAULT_THRESHOLD = 0.6;

export function compileLayout(profile: Profile, layout: Layout): CompiledLayout {
  let c = cache.get(layout);
  if (c && c.profile === profile) return c;
  const labels = new Map<string, CompiledLabel>();
  for (const [key, spec] of Object.entries(layout.labels)) labels.set(key, compileLabel(key, spec));
  c = {
    profile,
    layout,
    labels,
    required: layout.recognition.required,
    threshold: layout.recognition.threshold ?? DEFAULT_THRESHOLD,
  };
  cache.set(layout, c);
  return c;
}

/** Where each of a layout's labels sits on one sheet. */
export class LabelHits {
  readonly byKey = new Map<string, LabelCandidate[]>();
  /** Rows that hold (part of) any label of the layout: a block of values ends before the next one. */
  readonly labelRows = new Set<number>();
  private sortedLabelRows: number[] | undefined;

  constructor(
    readonly index: SheetIndex,
    readonly compiled: CompiledLayout,
  ) {
    for (const [key, label] of compiled.labels) {
      const hits = index.find(label);
      if (hits.length === 0) continue;
      this.byKey.set(key, hits);
      for (const h of hits) for (let r = h.row; r <= h.extent.bottom; r++) this.labelRows.add(r);
    }
  }

  first(key: string): LabelCandidate | undefined {
    return this.byKey.get(key)?.[0];
  }

  all(key: string): readonly LabelCandidate[] {
    return this.byKey.get(key) ?? [];
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** The first label row strictly after `row`, or Infinity. */
  nextLabelRowAfter(row: number): number {
    if (!this.sortedLabelRows) this.sortedLabelRows = [...this.labelRows].sort((a, b) => a - b);
    for (const r of this.sortedLabelRows) if (r > row) return r;
    return Number.POSITIVE_INFINITY;
  }

  /** Is the text in this cell one of the layout's labels? (A value scan must stop there.) */
  isLabelText(norm: string): boolean {
    for (const label of this.compiled.labels.values()) if (matchesLabel(label, norm)) return true;
    return false;
  }
}

export interface LayoutScore {
  readonly compiled: CompiledLayout;
  readonly found: number;
  readonly required: number;
  readonly score: number;
}

export function scoreLayout(hits: LabelHits): LayoutScore {
  const req = hits.compiled.required;
  let found = 0;
  for (const k of req) if (hits.has(k)) found++;
  return { compiled: hits.compiled, found, required: req.length, score: req.length ? found / req.length : 0 };
}
