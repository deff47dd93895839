/**
 * Label matching (docs/formats.md): labels are compared after normalisation, never by address.
 * A label pattern may use `*` (any text) and `{FY}` (a fiscal year as written: 平成29, 令和2(2020), R5, 2020).
 */
import type { CellRange } from "../model/address";
import { GridView } from "../model/grid";
import { normalizeLabel } from "../values/text";
import type { LabelSpec } from "./types";

/**
 * A fiscal year as written in a label, after NFKC (so digits are ASCII and ～ became ~). A range may cross an era:
 * `平成30~令和元`.
 */
const FY_SOURCE = "(?:(?:平成|令和|昭和|H|R)(?:\\d{1,2}|元)(?:\\(\\d{4}\\))?(?:[~〜](?:平成|令和|H|R)?(?:\\d{1,2}|元))?|\\d{4})";

export interface CompiledLabel {
  readonly key: string;
  readonly exact: ReadonlySet<string>;
  /** `exact` as an array: the loops over it run for every layout on every sheet (see SheetIndex). */
  readonly exactList: readonly string[];
  readonly patterns: readonly RegExp[];
  readonly multiple: boolean;
}

export function compileLabel(key: string, spec: LabelSpec): CompiledLabel {
  const exact = new Set<string>();
  const patterns: RegExp[] = [];
  for (const text of spec.text) {
    if (text.includes("*") || text.includes("{FY}")) patterns.push(compilePattern(text));
    else exact.add(normalizeLabel(text));
  }
  return { key, exact, exactList: [...exact], patterns, multiple: spec.multiple === true };
}

function compilePattern(text: string): RegExp {
  // Split on the placeholders first, so normalisation never touches them.
  const pieces = text.split(/(\*|\{FY\})/);
  let src = "";
  for (const p of pieces) {
    if (p === "*") src += ".*?";
    else if (p === "{FY}") src += FY_SOURCE;
    else src += escapeRegex(normalizeLabel(p));
  }
  return new RegExp(`^${src}$`);
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function matchesLabel(label: CompiledLabel, normalized: string): boolean {
  if (label.exact.has(normalized)) return true;
  if (normalized.includes("。")) return false;
  const patterns = label.patterns;
  for (let i = 0; i < patterns.length; i++) if (patterns[i].test(normalized)) return true;
  return false;
}

/** A short text cell that could be a label. */
export interface LabelCandidate {
  readonly row: number;
  readonly col: number;
  readonly norm: string;
  readonly text: string;
  /** The cell's merged area, or the cell itself. */
  readonly extent: CellRange;
}

/** Longer cells are content, not labels; skipping them keeps recognition linear and cheap. */
const MAX_LABEL_CHARS = 60;
const PATTERN_MEMO_MAX = 20000;
const patternMemo = new WeakMap<CompiledLabel, Map<string, boolean>>();

// Normalisation is pure and the same labels recur on every sheet, so a bounded cache pays off.
const normCache = new Map<string, string>();
const NORM_CACHE_MAX = 20000;

export function cachedNormalize(text: string): string {
  let n = normCache.get(text);
  if (n === undefined) {
    n = normalizeLabel(text);
    if (normCache.size >= NORM_CACHE_MAX) normCache.clear();
    normCache.set(text, n);
  }
  return n;
}

/**
 * Every label candidate of a sheet, built once and shared by all profiles' recognition and reading. Its loops are
 * indexed rather than `for … of`: a check runs them once per layout and sheet, mostly before V8 has optimised them,
 * and unoptimised iteration allocates an object per step (a fifth of all a 500-sheet check allocated).
 */
export class SheetIndex {
  readonly view: GridView;
  readonly candidates: readonly LabelCandidate[];
  private readonly byNorm = new Map<string, LabelCandidate[]>();
  /** The distinct normalised texts of the candidates, in the order first seen. */
  readonly norms: string[] = [];

  constructor(view: GridView) {
    this.view = view;
    const out: LabelCandidate[] = [];
    const g = view.grid;
    for (let i = 0; i < g.rows.length; i++) {
      const row = g.rows[i];
      for (let j = 0; j < row.length; j++) {
        const v = row[j];
        // A sentence (ending 。) is content; headings never contain one.
        if (typeof v !== "string" || v.length === 0 || v.length > MAX_LABEL_CHARS || v.includes("。")) continue;
        const norm = cachedNormalize(v);
        if (norm.length === 0) continue;
        const r = g.top + i;
        const c = g.left + j;
        const cand: LabelCandidate = { row: r, col: c, norm, text: v, extent: view.extent(r, c) };
        out.push(cand);
        const list = this.byNorm.get(norm);
        if (list) list.push(cand);
        else {
          this.byNorm.set(norm, [cand]);
          this.norms.push(norm);
        }
      }
    }
    this.candidates = out;
  }

  /** How many candidate cells hold this normalised text. */
  cellsWith(norm: string): number {
    return this.byNorm.get(norm)?.length ?? 0;
  }

  /** Does any cell match the label? Recognition asks this of every layout, so it stops at the first match. */
  has(label: CompiledLabel): boolean {
    const exact = label.exactList;
    for (let i = 0; i < exact.length; i++) if (this.byNorm.has(exact[i])) return true;
    if (label.patterns.length === 0) return false;
    let memo = patternMemo.get(label);
    if (!memo) patternMemo.set(label, (memo = new Map()));
    const norms = this.norms;
    for (let i = 0; i < norms.length; i++) {
      const norm = norms[i];
      let hit = memo.get(norm);
      if (hit === undefined) {
        hit = matchesLabel(label, norm);
        // Sheets of one workbook repeat their texts; a bound keeps a long CLI run from growing without limit.
        if (memo.size >= PATTERN_MEMO_MAX) memo.clear();
        memo.set(norm, hit);
      }
      if (hit) return true;
    }
    return false;
  }

  /** All cells matching a label, in reading order (row, then column). */
  find(label: CompiledLabel): LabelCandidate[] {
    const hits: LabelCandidate[] = [];
    const exact = label.exactList;
    for (let i = 0; i < exact.length; i++) {
      const list = this.byNorm.get(exact[i]);
      if (list) for (let j = 0; j < list.length; j++) hits.push(list[j]);
    }
    const patterns = label.patterns;
    if (patterns.length > 0) {
      const candidates = this.candidates;
      for (let i = 0; i < candidates.length; i++) {
        const c = candidates[i];
        // A sentence is content, never a heading: `目標値を達成した。` must not match `目標値*`.
        if (label.exact.has(c.norm) || c.norm.includes("。")) continue;
        for (let j = 0; j < patterns.length; j++) {
          if (patterns[j].test(c.norm)) {
            hits.push(c);
            break;
          }
        }
      }
    }
    hits.sort((a, b) => a.row - b.row || a.col - b.col);
    return hits;
  }
}
