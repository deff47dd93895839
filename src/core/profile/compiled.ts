/** Profiles compiled once for fast matching; cached per layout object. */
import { type CompiledLabel, compileLabel, matchesLabel, type LabelCandidate, type SheetIndex } from "./labels";
import type { Layout, Profile } from "./types";

export interface CompiledLayout {
  readonly profile: Profile;
  readonly layout: Layout;
  readonly labels: ReadonlyMap<string, CompiledLabel>;
  /** `labels` as an array, for the loop of labelKeysFor (indexed; see SheetIndex). */
  readonly labelList: readonly CompiledLabel[];
  readonly required: readonly string[];
  /**
   * For each required key: which of the required labels written alike it is (1, 2, …). `{FY}年度当初予定` for this
   * year's and next year's plan needs two such cells; worked out once here, not on every sheet.
   */
  readonly requiredNth: readonly number[];
  readonly threshold: number;
  /**
   * Which label keys a normalised text matches. The same headings recur on every sheet, so this memo turns
   * recognition into one lookup per cell.
   */
  readonly memo: Map<string, readonly string[]>;
}

const MEMO_MAX = 50000;

/** The label keys of a layout that a normalised cell text matches (memoised). */
export function labelKeysFor(c: CompiledLayout, norm: string): readonly string[] {
  let keys = c.memo.get(norm);
  if (keys === undefined) {
    const found: string[] = [];
    const list = c.labelList;
    for (let i = 0; i < list.length; i++) if (matchesLabel(list[i], norm)) found.push(list[i].key);
    keys = found;
    if (c.memo.size >= MEMO_MAX) c.memo.clear();
    c.memo.set(norm, keys);
  }
  return keys;
}

const cache = new WeakMap<Layout, CompiledLayout>();

export const DEFAULT_THRESHOLD = 0.6;

export function compileLayout(profile: Profile, layout: Layout): CompiledLayout {
  let c = cache.get(layout);
  if (c && c.profile === profile) return c;
  const labels = new Map<string, CompiledLabel>();
  for (const [key, spec] of Object.entries(layout.labels)) labels.set(key, compileLabel(key, spec));
  const alike = new Map<string, number>();
  const requiredNth = layout.recognition.required.map((k) => {
    const sig = JSON.stringify(layout.labels[k]?.text);
    const nth = (alike.get(sig) ?? 0) + 1;
    alike.set(sig, nth);
    return nth;
  });
  c = {
    profile,
    layout,
    labels,
    labelList: [...labels.values()],
    required: layout.recognition.required,
    requiredNth,
    threshold: layout.recognition.threshold ?? DEFAULT_THRESHOLD,
    memo: new Map(),
  };
  cache.set(layout, c);
  return c;
}

/** Label positions as the readers use them: the whole sheet, or one record's rows of a stacked sheet. */
export interface Hits {
  readonly index: SheetIndex;
  readonly compiled: CompiledLayout;
  first(key: string): LabelCandidate | undefined;
  all(key: string): readonly LabelCandidate[];
  has(key: string): boolean;
  nextLabelRowAfter(row: number): number;
  isLabelText(norm: string): boolean;
}

/** Where each of a layout's labels sits on one sheet. */
export class LabelHits implements Hits {
  readonly byKey = new Map<string, LabelCandidate[]>();
  /** Rows that hold (part of) any label of the layout: a block of values ends before the next one. */
  readonly labelRows = new Set<number>();
  private sortedLabelRows: number[] | undefined;

  constructor(
    readonly index: SheetIndex,
    readonly compiled: CompiledLayout,
  ) {
    // Candidates come in reading order, so each key's hits do too.
    const candidates = index.candidates;
    for (let i = 0; i < candidates.length; i++) {
      const cand = candidates[i];
      const keys = labelKeysFor(compiled, cand.norm);
      if (keys.length === 0) continue;
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k];
        const list = this.byKey.get(key);
        if (list) list.push(cand);
        else this.byKey.set(key, [cand]);
      }
      // Rows past the grid's last hold nothing to end: a merge down to row 1,048,576 adds only the grid's rows.
      const last = Math.min(cand.extent.bottom, index.view.bottom);
      for (let r = cand.row; r <= last; r++) this.labelRows.add(r);
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
    const rows = this.sortedLabelRows;
    for (let i = 0; i < rows.length; i++) if (rows[i] > row) return rows[i];
    return Number.POSITIVE_INFINITY;
  }

  /** Is the text in this cell one of the layout's labels? (A value scan must stop there.) */
  isLabelText(norm: string): boolean {
    return labelKeysFor(this.compiled, norm).length > 0;
  }
}

export interface LayoutScore {
  readonly compiled: CompiledLayout;
  readonly found: number;
  readonly required: number;
  readonly score: number;
}

/** The labels of one region (a stacked record's rows): nothing outside [top, bottom] is seen. */
export class RegionHits implements Hits {
  constructor(
    readonly base: LabelHits,
    readonly top: number,
    readonly bottom: number,
  ) {}

  get index(): SheetIndex {
    return this.base.index;
  }

  get compiled(): CompiledLayout {
    return this.base.compiled;
  }

  all(key: string): readonly LabelCandidate[] {
    return this.base.all(key).filter((h) => h.row >= this.top && h.row <= this.bottom);
  }

  first(key: string): LabelCandidate | undefined {
    return this.base.all(key).find((h) => h.row >= this.top && h.row <= this.bottom);
  }

  has(key: string): boolean {
    return this.first(key) !== undefined;
  }

  nextLabelRowAfter(row: number): number {
    return Math.min(this.base.nextLabelRowAfter(row), this.bottom + 1);
  }

  isLabelText(norm: string): boolean {
    return this.base.isLabelText(norm);
  }
}
