/** Test helpers for the 三鷹市 formats: the seed, its extracted data, and sheet-spec variants for the robustness tests. */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { WorkbookSnapshot } from "../../src/core/model/grid";
import type { SurveyRecord } from "../../src/core/model/record";
import type { Profile } from "../../src/core/profile/types";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import type { SheetSpec, SpecCell } from "../../src/core/sheet-spec";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import type { ActionJson, IndicatorJson } from "../../scripts/seeds/mitaka";
import { ROOT } from "../helpers/grid";

export const SEED = path.join(ROOT, "seeds", "mitaka-2021.xlsx");

export function seedBytes(): Uint8Array {
  return new Uint8Array(readFileSync(SEED));
}

let cache: Promise<WorkbookSnapshot> | undefined;

/** seeds/mitaka-2021.xlsx through the ExcelJS adapter, read once per test file. */
export function mitakaSeed(): Promise<WorkbookSnapshot> {
  cache ??= XlsxWorkbook.load(seedBytes()).then((b) => b.readAll());
  return cache;
}

/** The extracted data the sample was built from (seeds/data/mitaka), with the judgement of each indicator. */
export function expectedIndicators(): IndicatorJson[] {
  return JSON.parse(readFileSync(path.join(ROOT, "seeds", "data", "mitaka", "indicators.json"), "utf8")) as IndicatorJson[];
}

export function expectedActions(): ActionJson[] {
  return JSON.parse(readFileSync(path.join(ROOT, "seeds", "data", "mitaka", "actions.json"), "utf8")) as ActionJson[];
}

export function profile(id: string): Profile {
  return BUILT_IN_PROFILES.find((p) => p.id === id)!;
}

export const indicatorRecords = (records: readonly SurveyRecord[]) => records.filter((r) => r.profileId === "mitaka-shihyo");
export const actionRecords = (records: readonly SurveyRecord[]) => records.filter((r) => r.profileId === "mitaka-actionplan");

// ---------------------------------------------------------------- sheet-spec variants

export const cellText = (c: SpecCell): string | undefined => (c.value.t === "text" ? c.value.v : undefined);

export function mapTexts(s: SheetSpec, f: (text: string, c: SpecCell) => string): SheetSpec {
  return { ...s, cells: s.cells.map((c) => (c.value.t === "text" ? { ...c, value: { t: "text", v: f(c.value.v, c) } } : c)) };
}

export function shift(s: SheetSpec, dr: number, dc: number): SheetSpec {
  return {
    ...s,
    cells: s.cells.map((c) => ({ ...c, row: c.row + dr, col: c.col + dc })),
    merges: s.merges.map((m) => ({ top: m.top + dr, bottom: m.bottom + dr, left: m.left + dc, right: m.right + dc })),
    columnWidths: undefined,
  };
}

/** Inserts `count` empty rows before `at`, moving everything from `at` down. */
export function insertRows(s: SheetSpec, at: number, count: number): SheetSpec {
  const mv = (r: number) => (r >= at ? r + count : r);
  return {
    ...s,
    cells: s.cells.map((c) => ({ ...c, row: mv(c.row) })),
    merges: s.merges.map((m) => ({ ...m, top: mv(m.top), bottom: m.bottom >= at ? m.bottom + count : m.bottom })),
  };
}

/** Inserts a blank row before every row whose first cell matches, from the bottom up so that the rows stay right. */
export function blankRowsBefore(s: SheetSpec, test: (text: string) => boolean, count = 1): SheetSpec {
  const rows = [...new Set(s.cells.filter((c) => c.col === 0 && test(cellText(c) ?? "")).map((c) => c.row))].sort((a, b) => b - a);
  return rows.reduce((acc, r) => insertRows(acc, r, count), s);
}

/** Merges each row whose only cell matches across `width` columns. */
export function mergeAcross(s: SheetSpec, test: (text: string) => boolean, width: number): SheetSpec {
  const rows = s.cells.filter((c) => test(cellText(c) ?? "") && s.cells.filter((x) => x.row === c.row && x.value.t !== "empty").length === 1);
  const taken = new Set(s.merges.map((m) => m.top));
  const merges = [...s.merges];
  for (const c of rows) if (!taken.has(c.row)) merges.push({ top: c.row, bottom: c.row, left: c.col, right: c.col + width - 1 });
  return { ...s, merges };
}
