/**
 * Value cells (現状値 / 目標値 / 実績値): docs/values.md "Numbers with units", every form found in the samples.
 *
 * Excel's own types come first; text is mapped character for character (./characters), split at its ①②
 * segments (./circled-segments), and each segment read (./read-segment).
 */
import { isErrorText } from "../../model/cell";
import type { DateRef, ParsedValue, Qualifier, ValueKind, ValuePart } from "../types";
import { blankHtmlTags } from "../text";
import { type Ctx, mapChars } from "./characters";
import { markerStarts } from "./circled-segments";
import { dropBinaryNoise } from "./quantity";
import type { MutablePart } from "./read-range";
import { readSegment } from "./read-segment";

export interface ParseValueOptions {
  /** The cell has a percent number format: 0.962 means 96.2 %. */
  readonly percentFormat?: boolean;
}

export type ValueCell = string | number | boolean | Date | { readonly error: string } | null | undefined;

const NUMBER_TEXT_RE = /^([+\-−]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

type MutableValue = { -readonly [K in keyof ParsedValue]: ParsedValue[K] };

function result(raw: string, kind: ValueKind, extra?: Partial<MutableValue>): ParsedValue {
  const out: MutableValue = { raw, kind, parts: [], qualifiers: [], notes: [], issues: [] };
  return extra ? Object.assign(out, extra) : out;
}

function numberPart(n: number, unit?: string): ValuePart {
  const p: MutablePart = { number: n, value: n, inParentheses: false, qualifiers: [] };
  if (unit !== undefined) {
    p.unit = unit;
    p.writtenUnit = unit;
  }
  return p;
}

function parseText(raw: string): ParsedValue {
  const w = blankHtmlTags(mapChars(raw));
  const trimmed = w.trim();
  if (trimmed.length === 0) return result(raw, "empty");
  if (isErrorText(trimmed)) return result(raw, "error", { errorCode: trimmed });
  const nt = NUMBER_TEXT_RE.exec(trimmed);
  if (nt) {
    const v = dropBinaryNoise(Number(nt[2].replace(/,/g, "") + (nt[3] !== undefined ? "." + nt[3] : "")) * (nt[1] === "-" || nt[1] === "−" ? -1 : 1));
    return result(raw, "number", { parts: [numberPart(v)], numberAsText: true });
  }
  const ctx: Ctx = { w, raw };
  const starts = markerStarts(w);
  const preBlank = starts.length === 0 || w.slice(0, starts[0].pos).trim().length === 0;
  if (starts.length <= 1 && preBlank) {
    const s = readSegment(ctx, 0, w.length);
    const out: MutableValue = { raw, kind: s.kind, parts: s.parts, qualifiers: s.qualifiers, notes: s.notes, issues: s.issues };
    if (s.marker !== undefined) out.marker = s.marker;
    if (s.relative) out.relative = s.relative;
    if (s.yearTable) out.yearTable = s.yearTable;
    return out;
  }
  // Several ①② segments in one cell: read each and merge; callers normally split first.
  const bounds: { a: number; b: number }[] = [];
  if (!preBlank) bounds.push({ a: 0, b: starts[0].pos });
  for (let k = 0; k < starts.length; k++) bounds.push({ a: starts[k].pos, b: k + 1 < starts.length ? starts[k + 1].pos : w.length });
  const segs = bounds.map((x) => readSegment(ctx, x.a, x.b));
  const parts: ValuePart[] = [];
  const qualifiers: Qualifier[] = [];
  const notes: string[] = [];
  const issues: string[] = [`${starts.length} circled-number segments in one cell`];
  for (const s of segs) {
    for (const p of s.parts) parts.push(s.marker !== undefined ? { ...p, marker: s.marker } : p);
    qualifiers.push(...s.qualifiers);
    notes.push(...s.notes);
    issues.push(...s.issues);
  }
  const kinds = new Set(segs.map((s) => s.kind));
  const kind: ValueKind = parts.length > 0 ? "multi" : kinds.size === 1 ? segs[0].kind : "qualitative";
  const firstMarker = segs.find((s) => s.marker !== undefined)?.marker;
  return result(raw, kind, { ...(firstMarker !== undefined ? { marker: firstMarker } : {}), parts, qualifiers, notes, issues });
}

function errorCodeOf(cell: unknown): string | null {
  if (typeof cell === "object" && cell !== null && !(cell instanceof Date)) {
    const e = (cell as { error?: unknown }).error;
    return typeof e === "string" ? e : null;
  }
  return null;
}

/**
 * Reads a value cell. Excel's own types come first: a number is kind "number" (a percent-formatted
 * 0.962 is 96.2 %), an error value is kind "error", a date is kept in `date`. Text is read as
 * described in docs/values.md; what cannot be read is listed in `issues`. Never throws.
 */
export function parseValue(cell: ValueCell, opts?: ParseValueOptions): ParsedValue {
  let raw = "";
  try {
    if (cell === null || cell === undefined) return result("", "empty");
    if (typeof cell === "number") {
      raw = String(cell);
      if (!Number.isFinite(cell)) return result(raw, "unparseable", { issues: [`not a finite number: ${raw}`] });
      if (opts?.percentFormat) return result(raw, "number", { parts: [numberPart(dropBinaryNoise(cell * 100), "%")] });
      return result(raw, "number", { parts: [numberPart(cell)] });
    }
    if (typeof cell === "boolean") {
      raw = cell ? "TRUE" : "FALSE";
      return result(raw, "unparseable", { issues: ["a TRUE/FALSE value is not a value"] });
    }
    if (cell instanceof Date) {
      if (Number.isNaN(cell.getTime())) return result("", "unparseable", { issues: ["invalid date"] });
      raw = cell.toISOString().slice(0, 10);
      const date: DateRef = { year: cell.getUTCFullYear(), month: cell.getUTCMonth() + 1, day: cell.getUTCDate() };
      return result(raw, "qualitative", { date });
    }
    if (typeof cell === "string") {
      raw = cell;
      return parseText(cell);
    }
    const code = errorCodeOf(cell);
    if (code !== null) return result(code, "error", { errorCode: code });
    raw = String(cell);
    return result(raw, "unparseable", { issues: ["unsupported cell value"] });
  } catch (e) {
    return result(raw, "unparseable", { issues: [`parser failure: ${e instanceof Error ? e.message : String(e)}`] });
  }
}
