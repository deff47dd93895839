/**
 * Reading the master's SubmissionsState back from its settings. The JSON is written by 配布 and 回収, but a user can
 * edit the settings sheet or open an older file: anything that is not a state gives undefined (no 提出状況 sheet),
 * and a malformed entry inside a good state is left out rather than failing the whole sheet.
 */
import { isJsonObject as isObject, type JsonObject as Json, storedObject } from "../stored-json";
import { SUBMISSIONS_KEY, type Submission, type SubmissionsState } from "./types";
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : []);
/** A count as stored; anything else counts as 0 (a count is never negative or fractional). */
const count = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) && v >= 0 ? Math.floor(v) : 0);

function submission(v: unknown): Submission | undefined {
  if (!isObject(v) || typeof v.department !== "string" || typeof v.file !== "string" || typeof v.collectedAt !== "string") return undefined;
  const f = isObject(v.findings) ? v.findings : {};
  return {
    department: v.department,
    file: v.file,
    collectedAt: v.collectedAt,
    ...(typeof v.savedAt === "string" ? { savedAt: v.savedAt } : {}),
    sheets: strings(v.sheets),
    cellsChanged: count(v.cellsChanged),
    findings: { error: count(f.error), warning: count(f.warning), info: count(f.info) },
  };
}

/** The state in a settings value, or undefined when it is absent, not JSON, or not a version-1 state. */
export function parseSubmissionsState(text: string | undefined): SubmissionsState | undefined {
  const raw = storedObject(text);
  if (!raw || raw.version !== 1 || typeof raw.masterId !== "string") return undefined;
  if (!Array.isArray(raw.expected) || !Array.isArray(raw.received)) return undefined;
  const expected = raw.expected
    .filter((e): e is Json => isObject(e) && typeof e.department === "string")
    .map((e) => ({ department: e.department as string, sheets: strings(e.sheets) }));
  const received = raw.received.map(submission).filter((s): s is Submission => s !== undefined);
  return { version: 1, masterId: raw.masterId, expected, received };
}

/** The state kept in a workbook's settings (WorkbookPort.readSettings), if any. */
export function submissionsFromSettings(settings: Readonly<Record<string, string>>): SubmissionsState | undefined {
  return parseSubmissionsState(settings[SUBMISSIONS_KEY]);
}

/**
 * The state with `left` fewer cells changed in `department`'s submission: cells 回収 planned to write but left as
 * they were at the write (part of a formula's result), so that 提出状況 counts what went in.
 */
export function withCellsLeft(state: SubmissionsState, department: string, left: number): SubmissionsState {
  if (left <= 0) return state;
  return { ...state, received: state.received.map((s) => (s.department === department ? { ...s, cellsChanged: Math.max(0, s.cellsChanged - left) } : s)) };
}
