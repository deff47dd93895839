/**
 * Where last year's workbook is, for the task pane's 前年度比較 (docs/compare.md, "In the task pane"): sheets of this
 * workbook named `前年度_<last year's name>`, copied in from a file the user picked or pointed to by the user. The
 * choice is a workbook setting, so it travels with the file and the next check uses it. A value that cannot be read
 * is taken as no choice, never as an error.
 */
import type { SheetGrid, WorkbookSnapshot } from "../model/grid";
import { sameSheetName } from "../owned";
import { storedObject } from "../stored-json";

/** The settings key. */
export const PREVIOUS_YEAR_KEY = "previousYear";

/** What a copy's name starts with. */
export const PREVIOUS_PREFIX = "前年度_";

/** One of last year's sheets: its name in this workbook, and the name it had in last year's workbook. */
export interface PreviousSheet {
  readonly copy: string;
  readonly original: string;
}

export interface PreviousYearSetting {
  readonly v: 1;
  /** file: copied in from a file picked in the pane; sheets: `前年度_` sheets the user put in the workbook. */
  readonly source: "file" | "sheets";
  /** The picked file's name. */
  readonly file?: string;
  /** Last year's 対象年度 as read when it was set. */
  readonly fiscalYear?: number;
  readonly sheets: readonly PreviousSheet[];
  /** When it was set (ISO 8601). */
  readonly at?: string;
}

const isText = (v: unknown): v is string => typeof v === "string" && v.length > 0 && v.length <= 255;

/** The stored value, or undefined for none, an unknown version or anything malformed. */
export function parsePreviousYear(text: string | undefined): PreviousYearSetting | undefined {
  const o = storedObject(text);
  if (!o || o.v !== 1 || (o.source !== "file" && o.source !== "sheets") || !Array.isArray(o.sheets)) return undefined;
  const sheets: PreviousSheet[] = [];
  for (const s of o.sheets as unknown[]) {
    const x = s as Record<string, unknown> | null;
    if (!x || typeof x !== "object" || !isText(x.copy) || !isText(x.original)) return undefined;
    if (sheets.some((p) => sameSheetName(p.copy, x.copy as string))) return undefined;
    sheets.push({ copy: x.copy, original: x.original });
  }
  if (sheets.length === 0) return undefined;
  const fy = o.fiscalYear;
  return {
    v: 1,
    source: o.source,
    ...(isText(o.file) ? { file: o.file } : {}),
    ...(typeof fy === "number" && Number.isInteger(fy) && fy >= 1989 && fy <= 2100 ? { fiscalYear: fy } : {}),
    sheets,
    ...(isText(o.at) ? { at: o.at } : {}),
  };
}

export function serializePreviousYear(s: PreviousYearSetting): string {
  return JSON.stringify(s);
}

/** The `前年度_` sheets among `names`, as a setting of source "sheets" (each taken as last year's sheet of the rest of its name). */
export function previousSheetsNamed(names: readonly string[], at?: Date): PreviousYearSetting | undefined {
  const sheets = names.filter((n) => n.startsWith(PREVIOUS_PREFIX) && n.length > PREVIOUS_PREFIX.length).map((copy) => ({ copy, original: copy.slice(PREVIOUS_PREFIX.length) }));
  return sheets.length ? { v: 1, source: "sheets", sheets, ...(at ? { at: at.toISOString() } : {}) } : undefined;
}

export interface PreviousSplit {
  /** This year's workbook: every sheet but last year's. */
  readonly current: WorkbookSnapshot;
  /** Last year's sheets under the names they had in last year's workbook (so cells are named as there); none found: no sheets. */
  readonly previous: WorkbookSnapshot;
  /** Sheets the setting names that the workbook no longer has. */
  readonly missing: readonly string[];
}

/** Splits one read of the workbook into this year's sheets and last year's (the pane reads both in one readAll). */
export function splitPreviousYear(snapshot: WorkbookSnapshot, setting: PreviousYearSetting): PreviousSplit {
  const originalOf = (grid: SheetGrid) => setting.sheets.find((s) => sameSheetName(s.copy, grid.name))?.original;
  const previous: SheetGrid[] = [];
  const current: SheetGrid[] = [];
  for (const grid of snapshot.sheets) {
    const original = originalOf(grid);
    if (original === undefined) current.push(grid);
    else previous.push({ ...grid, name: original });
  }
  const missing = setting.sheets.filter((s) => !snapshot.sheets.some((g) => sameSheetName(g.name, s.copy))).map((s) => s.copy);
  return {
    current: { ...snapshot, sheets: current },
    previous: { sheets: previous, skippedSheets: [] },
    missing,
  };
}
