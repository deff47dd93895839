/** Circled-number segments: a cell that packs several indicators (`①… ②…`). */
import type { MarkedSegment } from "../types";
import { isBlank } from "./characters";

const CIRCLED_FIRST = 0x2460; // ①
const CIRCLED_LAST = 0x2473; // ⑳

export function circledIndex(c: number): number {
  return c >= CIRCLED_FIRST && c <= CIRCLED_LAST ? c - CIRCLED_FIRST + 1 : 0;
}

interface MarkerStart {
  readonly pos: number;
  readonly index: number;
}

/**
 * Positions of the circled numbers that start a segment: at the start or after a blank, outside
 * parentheses, each greater than the one before.
 */
export function markerStarts(t: string): MarkerStart[] {
  const out: MarkerStart[] = [];
  let depth = 0;
  let last = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x28 || c === 0xff08) depth++;
    else if (c === 0x29 || c === 0xff09) depth = depth > 0 ? depth - 1 : 0;
    else if (depth === 0) {
      const idx = circledIndex(c);
      if (idx > last && (i === 0 || isBlank(t.charCodeAt(i - 1)))) {
        out.push({ pos: i, index: idx });
        last = idx;
      }
    }
  }
  return out;
}

/**
 * Splits a cell that packs several indicators (`①… ②…`). Splits only at a circled number at the
 * start or after a blank, in ascending order and outside parentheses, so
 * `②2件(①リサイクルセンター…、②上宿小…)` stays one segment. Text before the first marker is an
 * unmarked segment (omitted when blank).
 */
export function splitMarkedSegments(text: string): MarkedSegment[] {
  try {
    if (typeof text !== "string" || text.length === 0) return [];
    const starts = markerStarts(text);
    const out: MarkedSegment[] = [];
    const pre = text.slice(0, starts.length > 0 ? starts[0].pos : text.length).trim();
    // One shape for marked and unmarked segments, so the code reading them is not compiled again for the second.
    if (pre.length > 0) out.push({ marker: undefined, index: undefined, text: pre });
    for (let k = 0; k < starts.length; k++) {
      const s = starts[k];
      const end = k + 1 < starts.length ? starts[k + 1].pos : text.length;
      out.push({ marker: text[s.pos], index: s.index, text: text.slice(s.pos, end).trim() });
    }
    return out;
  } catch {
    return typeof text === "string" && text.trim().length > 0 ? [{ marker: undefined, index: undefined, text: text.trim() }] : [];
  }
}
