/** One segment of a value cell (the whole cell, or one of its ①② segments) read into its kind and parts. */
import type { Qualifier, RelativeTarget, ValueKind, YearTable } from "../types";
import { type Ctx, isBlank, squeeze } from "./characters";
import { circledIndex } from "./circled-segments";
import { fillQuantity, readQuantity } from "./quantity";
import { type MutablePart, readRange } from "./read-range";
import { relativeOf } from "./relative-targets";
import { YT_HINT_RE, readYearTable } from "./year-table";

const PLACEHOLDER_RE = /^[-—―ー−–‐]{1,3}$/;
const GARBAGE_RE = /^(?:#+|[?？*＊]+|.*\uFFFD.*)$/;

interface Segment {
  kind: ValueKind;
  marker?: string;
  parts: MutablePart[];
  qualifiers: Qualifier[];
  notes: string[];
  relative?: RelativeTarget;
  yearTable?: YearTable;
  issues: string[];
}

export function readSegment(ctx: Ctx, from: number, to: number): Segment {
  const { raw } = ctx;
  let w = ctx.w;
  let pos = from;
  while (pos < to && isBlank(w.charCodeAt(pos))) pos++;
  let marker: string | undefined;
  if (pos < to && circledIndex(w.charCodeAt(pos)) > 0) {
    marker = w[pos];
    pos++;
  }
  const seg: Segment = { kind: "empty", parts: [], qualifiers: [], notes: [], issues: [] };
  if (marker !== undefined) seg.marker = marker;

  // ※ remarks (outside parentheses) run to the end of their line; they are blanked out of the value.
  let depth = 0;
  let valueEnd = to;
  const firstMark = w.indexOf("※", pos);
  for (let i = firstMark < 0 || firstMark >= to ? to : pos; i < to; i++) {
    const c = w[i];
    if (c === "(") depth++;
    else if (c === ")") depth = depth > 0 ? depth - 1 : 0;
    else if (c === "※" && depth === 0) {
      if (valueEnd === to) valueEnd = i;
      let e = i + 1;
      while (e < to && w[e] !== "\n" && w[e] !== "※") e++;
      const note = raw.slice(i + 1, e).trim();
      if (note.length > 0) seg.notes.push(note);
      w = w.slice(0, i) + " ".repeat(e - i) + w.slice(e);
      i = e - 1;
    }
  }
  const local: Ctx = { w, raw };
  const body = w.slice(pos, to).trim();
  const bodyRaw = raw.slice(pos, valueEnd).trim();
  if (body.length === 0) {
    seg.kind = seg.notes.length > 0 ? "note" : "empty";
    return seg;
  }
  if (PLACEHOLDER_RE.test(body)) {
    seg.kind = "placeholder";
    return seg;
  }
  const squeezed = squeeze(body);
  if (squeezed === "同左") {
    seg.kind = "copy-left";
    return seg;
  }
  if (GARBAGE_RE.test(squeezed)) {
    seg.kind = "unparseable";
    seg.issues.push(`"${bodyRaw}" is not a value`);
    return seg;
  }
  // Fast path for the common cell: one quantity and nothing else (`①1万人以上`, `96.2%`).
  const single = readQuantity(w, pos, to);
  if (single && !single.definitional && w.slice(single.end, to).trim().length === 0) {
    seg.kind = "simple";
    seg.parts = [fillQuantity<MutablePart>({ number: single.number, value: single.value, inParentheses: false, qualifiers: [] }, single)];
    seg.issues.push(...single.issues);
    return seg;
  }
  const yt = YT_HINT_RE.test(body) ? readYearTable(local, pos, to) : null;
  if (yt) {
    seg.kind = "year-table";
    seg.yearTable = yt.table;
    seg.issues.push(...yt.issues);
    return seg;
  }
  const r = readRange(local, pos, to, false);
  seg.parts = r.parts;
  seg.qualifiers = r.cellQualifiers;
  seg.issues.push(...r.issues);
  if (r.parts.length === 0) {
    const rel = relativeOf(bodyRaw);
    if (rel) {
      seg.kind = "relative";
      seg.relative = rel;
    } else seg.kind = "qualitative";
    return seg;
  }
  if (r.topCount === 1 && r.sentenceLike) {
    seg.kind = "sentence";
    // The words before a sentence's label are the sentence, not a group heading.
    for (const p of seg.parts) delete p.group;
  }
  else if (r.parts.length === 1) seg.kind = "simple";
  else seg.kind = "multi";
  return seg;
}
