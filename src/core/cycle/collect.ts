/**
 * 回収 (collect, docs/distribution.md): what taking departments' returned workbooks back into the master would do,
 * worked out before anything is written. Each returned sheet is compared with the master's: the input cells (the
 * cells the input aids leave unlocked, input-aids/plan.ts) may differ and are counted; any other difference is a
 * FORM-CHANGED finding (a cell, a merged area, rows or columns inserted or deleted, a sheet added or missing), and
 * a file with one is held back whole, so the office fixes the form first. Pure.
 */
import { both, type Lang, type LocalizedText, type MessageKey, type MessageParams, t } from "../i18n";
import { columnLetters, type CellRange, parseA1, parseRangeA1, rangeToA1, toA1 } from "../model/address";
import { type CellValue, cellText, isCellError } from "../model/cell";
import { countBySeverity, type Finding, type FindingCounts } from "../model/finding";
import { MAX_COLS, MAX_ROWS, type SheetGrid, type WorkbookSnapshot } from "../model/grid";
import type { SurveyRecord } from "../model/record";
import { planInputAids } from "../input-aids/plan";
import type { Profile } from "../profile/types";
import type { ValidationReport } from "../validate";
import { type RefMove, rewriteReferences } from "../formula/refs";
import { normalizeForCompare } from "../values/text";
import { cellsToCopy, projectRows, RowMap, type RowRange, sheetRows } from "./rows";
import { planSplit, storedMasterId } from "./split";
import { submissionsFromSettings } from "./submissions";
import { DISTRIBUTION_MARKER_KEY, type DistributedSheet, type DistributionMarker, type Submission, type SubmissionsState } from "./types";
import { isJsonObject, type JsonObject, storedObject } from "../stored-json";
import { CONSOLIDATED_KEY, parseConsolidated } from "../summary/consolidated";

/** The most cells of one sheet reported one by one; the rest are counted in one finding. */
export const MAX_CELL_FINDINGS = 10;
/** The largest run of inserted or deleted rows (columns) recognised as such. */
const MAX_SHIFT = 30;

/** A workbook as read and checked: the master, or one returned file. */
export interface CheckedBook {
  readonly snapshot: WorkbookSnapshot;
  readonly report: ValidationReport;
}

export interface ReturnedBook extends CheckedBook {
  /** The file name as the user picked it. */
  readonly file: string;
  /** The file's own saved time (docProps/core.xml modified), when it has one. */
  readonly savedAt?: string;
  /** The file counts its serial days from 1904 (docs/architecture.md): its sheets cannot go into a 1900 master as they are. */
  readonly date1904?: boolean;
}

export type CollectRefusal =
  | { readonly code: "not-returned" }
  | { readonly code: "other-master" }
  | { readonly code: "older"; readonly savedAt: string; readonly taken: string }
  | { readonly code: "other-department"; readonly sheet: string; readonly department: string }
  | { readonly code: "same-department"; readonly file: string }
  /** A workbook `summarize` consolidated from a folder (docs/summaries.md): it holds every department's sheets. */
  | { readonly code: "consolidated"; readonly files: number }
  /** The master itself or a copy of it (an earlier 回収's output, a backup): it holds every department's sheets. */
  | { readonly code: "master-copy" };

export interface SheetCollect {
  readonly sheet: string;
  /** Input cells that differ, in the sheet's A1 addresses (master and returned agree on them when the form is intact). */
  readonly changedCells: readonly string[];
  /** FORM-CHANGED findings of this sheet. */
  readonly formChanges: readonly Finding[];
  /** The master's sheet is replaced by the returned one: something differs and the form is intact. */
  readonly replace: boolean;
  /**
   * The master's input cells to write, at the master's A1 addresses, instead of replacing the sheet (`replace` is
   * then false): a sheet returned by rows (a table format, DistributedSheet.rows), one others point into, one whose
   * copy does not hold everything as the master does (DistributedSheet.leftInMaster), or one whose changed form was accepted.
   */
  readonly writes?: readonly CellWrite[];
  /** The sheet was returned by rows (DistributedSheet.rows); otherwise `writes` go into a whole sheet. */
  readonly byRows?: true;
}

/** One input cell 回収 writes into the master: the returned value, or its formula (text without "="). */
export interface CellWrite {
  readonly cell: string;
  readonly value: CellValue;
  readonly formula?: string;
  /** The returned sheet's cell the value comes from, when it is not `cell` (a sheet returned by rows). */
  readonly from?: string;
}

export interface FileCollect {
  readonly file: string;
  readonly savedAt?: string;
  readonly department?: string;
  /** The returned sheets that match the master's, in the master's order. */
  readonly sheets: readonly SheetCollect[];
  readonly cellsChanged: number;
  /** What `validate` reports on the file, then the FORM-CHANGED findings. */
  readonly findings: readonly Finding[];
  readonly refusal?: CollectRefusal;
  /** The form was changed: nothing of this file is taken in. */
  readonly held: boolean;
  /**
   * The form was changed and the office accepted that (CollectOptions.acceptFormChanges): the changed input cells of
   * each sheet whose form changed are written into the master's form (`writes`); the form changes are not taken in.
   */
  readonly formAccepted?: boolean;
}

export interface CollectPlan {
  readonly files: readonly FileCollect[];
  /** The master's record after this collection; `changed` false when it stays as it is (nothing new was taken in). */
  readonly state: SubmissionsState;
  readonly stateChanged: boolean;
}


/** The marker of a department's workbook, or undefined when it has none (or one that is not a version-1 marker). */
export function readMarker(settings: Readonly<Record<string, string>> | undefined): DistributionMarker | undefined {
  const raw = storedObject(settings?.[DISTRIBUTION_MARKER_KEY]);
  if (!raw || raw.version !== 1 || typeof raw.masterId !== "string" || typeof raw.department !== "string" || !Array.isArray(raw.sheets)) return undefined;
  const sheets = raw.sheets.filter((s): s is JsonObject => isJsonObject(s) && typeof s.name === "string").map((s) => ({ name: s.name as string, ...rowsOfMarker(s.rows), formHash: typeof s.formHash === "string" ? s.formHash : "", ...leftInMasterOfMarker(s.leftInMaster) }));
  const expected = Array.isArray(raw.expected)
    ? raw.expected.filter((e): e is JsonObject => isJsonObject(e) && typeof e.department === "string" && Array.isArray(e.sheets)).map((e) => ({ department: e.department as string, sheets: (e.sheets as unknown[]).filter((n): n is string => typeof n === "string") }))
    : undefined;
  return { version: 1, masterId: raw.masterId, department: raw.department, distributedAt: typeof raw.distributedAt === "string" ? raw.distributedAt : "", sheets, ...(expected?.length ? { expected } : {}) };
}

/** A marker sheet's rows (split by rows): 1-based ranges in order; absent when the value is not such a list. */
function rowsOfMarker(v: unknown): { rows?: RowRange[] } {
  if (!Array.isArray(v)) return {};
  const rows = v.filter((r): r is JsonObject => isJsonObject(r) && Number.isInteger(r.from) && Number.isInteger(r.to) && (r.from as number) >= 1 && (r.to as number) >= (r.from as number));
  return rows.length === v.length && rows.length ? { rows: rows.map((r) => ({ from: r.from as number, to: r.to as number })) } : {};
}

/** A marker sheet's parts left in the master: strings only; absent when there are none. */
function leftInMasterOfMarker(v: unknown): { leftInMaster?: string[] } {
  const parts = Array.isArray(v) ? v.filter((p): p is string => typeof p === "string") : [];
  return parts.length ? { leftInMaster: parts } : {};
}

/**
 * Whether `book`, which carries no marker, is the master that markers with one of `masterIds` came from, or a copy
 * of it (a backup kept beside the returns): its forms give the same 配布 id. Read with the returns, it would repeat
 * every department's items.
 */
export function isMasterOfReturns(book: CheckedBook, profiles: readonly Profile[], masterIds: ReadonlySet<string>): boolean {
  if (masterIds.size === 0 || readMarker(book.snapshot.settings)) return false;
  const id = derivedMasterId(book, profiles);
  return id !== undefined && masterIds.has(id);
}

/** The id 配布 gives a master that stores none (split.ts deriveMasterId over its forms). */
function derivedMasterId(master: CheckedBook, profiles: readonly Profile[]): string | undefined {
  const plan = planSplit(master.snapshot, master.report, profiles);
  return plan.ok ? plan.masterId : undefined;
}

// ---------------------------------------------------------------- comparing one sheet

/** What a cell holds, as a key: an empty string and an empty cell are the same. */
function valueKey(v: CellValue | undefined): string {
  if (v === null || v === undefined || v === "") return "";
  if (v instanceof Date) return `d:${v.toISOString()}`;
  if (isCellError(v)) return `e:${v.error}`;
  return `${typeof v}:${String(v)}`;
}

/**
 * The write of returned sheet `g`'s cell `from` into the master's cell `at`. Where the returned sheet's lines stand
 * elsewhere in the master (a sheet returned by rows, lines inserted or deleted), `toMaster` says where, and a formula's
 * references to its own sheet go with the cells they point at: `=F12` typed in the copy's row 12 points at that
 * record's row of the master (`=F50`), not at another department's row 12. A reference to an inserted line is #REF!.
 */
function cellWriteOf(g: SheetGrid, from: string, at: string = from, toMaster?: ToMaster): CellWrite {
  const p = parseA1(from)!;
  const value = valueAt(g, p.row, p.col);
  const formula = g.formulas?.get(`${p.row},${p.col}`);
  const source = from === at ? {} : { from };
  if (!formula) return { cell: at, value, ...source };
  return { cell: at, value, formula: toMaster ? rewriteReferences(formula, referencesTo(g.name, toMaster)) : formula, ...source };
}

/** A RefMove (1-based references) that sends references to `sheet`'s own cells to their places in the master. */
function referencesTo(sheet: string, toMaster: ToMaster): RefMove {
  return (ref) => {
    if (ref.sheet !== undefined && ref.sheet !== sheet) return { row: ref.row, col: ref.col };
    const p = toMaster(Math.max(0, ref.row - 1), Math.max(0, ref.col - 1));
    if (!p) return null;
    return { row: ref.row === 0 ? 0 : p.row + 1, col: ref.col === 0 ? 0 : p.col + 1 };
  };
}

function valueAt(g: SheetGrid, row: number, col: number): CellValue {
  return g.rows[row - g.top]?.[col - g.left] ?? null;
}

const bottomOf = (g: SheetGrid) => g.top + g.rows.length - 1;
const rightOf = (g: SheetGrid) => g.left + Math.max(0, ...g.rows.map((r) => r.length)) - 1;

/** Rows (or columns) from `at` on moved by `by`: positive, `by` were inserted at `at`; negative, deleted. */
interface Shift {
  readonly at: number;
  readonly by: number;
}

const mapThrough = (s: Shift | undefined, i: number) => (s && i >= s.at ? i + s.by : i);
/** The master line of a returned line: mapThrough undone; null for a line the department inserted. */
const mapBack = (s: Shift | undefined, j: number): number | null => (!s || j < s.at ? j : s.by > 0 && j < s.at + s.by ? null : j - s.by);
/** A master line the returned sheet no longer has (deleted). */
const deleted = (s: Shift | undefined, i: number) => !!s && s.by < 0 && i >= s.at && i < s.at - s.by;

/** Where a returned sheet's cell (0-based) stands in the master's sheet; null for a cell of an inserted line. */
export type ToMaster = (row: number, col: number) => { readonly row: number; readonly col: number } | null;

/** Cells of the input areas, as "row,col". */
export function inputCellSet(areas: readonly CellRange[]): Set<string> {
  const out = new Set<string>();
  for (const a of areas) for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) out.add(`${r},${c}`);
  return out;
}

/**
 * Where the lines (rows, or columns) of the two sheets first differ outside the input cells, and whether the
 * returned lines from there on match the master's moved by a few: a run of inserted or deleted lines is one change,
 * not a finding on every cell below it. `same(i, j)` compares master line i with returned line j; `blank(i)` is a
 * master line with nothing outside the input cells (blank lines match anywhere, so they do not count).
 */
function detectShift(from: number, to: number, same: (i: number, j: number) => boolean, blank: (i: number) => boolean): Shift | undefined {
  let first = -1;
  for (let i = from; i <= to; i++) {
    if (!same(i, i)) {
      first = i;
      break;
    }
  }
  if (first < 0) return undefined;
  const share = (by: number): number => {
    let n = 0;
    let hit = 0;
    for (let i = by < 0 ? first - by : first; i <= to; i++) {
      if (blank(i)) continue;
      n++;
      if (same(i, i + by)) hit++;
    }
    return n === 0 ? 0 : hit / n;
  };
  const still = share(0);
  let best: Shift | undefined;
  let bestShare = 0;
  for (let k = 1; k <= MAX_SHIFT; k++) {
    for (const by of [k, -k]) {
      const s = share(by);
      if (s > bestShare) [best, bestShare] = [{ at: first, by }, s];
    }
  }
  return best && bestShare >= 0.6 && bestShare > still + 0.2 ? best : undefined;
}

function shown(v: CellValue): string {
  const s = cellText(v).replace(/\s+/g, " ").trim();
  return s.length > 30 ? `${s.slice(0, 29)}…` : s;
}

function formChanged(sheet: string, cell: string, key: MessageKey, params?: MessageParams): Finding {
  return { ruleId: "FORM-CHANGED", severity: "warning", sheet, cell, message: both(key, params) };
}

function formulaShown(f: string | undefined): LocalizedText | string {
  if (!f) return both("rule.FORM-CHANGED.no-formula");
  return f.length > 40 ? `=${f.slice(0, 39)}…` : `=${f}`;
}

function quoted(v: CellValue): LocalizedText | string {
  const s = shown(v);
  return s ? `「${s}」` : both("rule.FORM-CHANGED.empty");
}

/**
 * The returned sheet against the master's: the input cells that differ, and FORM-CHANGED findings for everything
 * else (at the returned sheet's cells). `inputs` holds the master's input cells as "row,col". `changedCells` are
 * the returned sheet's addresses; `masterCells` the same cells' places in the master (they differ only where lines
 * were inserted or deleted).
 */
export function compareSheet(master: SheetGrid, returned: SheetGrid, inputs: ReadonlySet<string>, leftToMaster: ReadonlySet<string> = new Set()): { changedCells: string[]; masterCells: string[]; formChanges: Finding[]; toMaster?: ToMaster } {
  const sheet = returned.name;
  const isInput = (r: number, c: number) => inputs.has(`${r},${c}`);
  const top = Math.min(master.top, returned.top);
  const left = Math.min(master.left, returned.left);
  const bottom = Math.max(bottomOf(master), bottomOf(returned));
  const right = Math.max(rightOf(master), rightOf(returned));
  const fixedEqual = (mr: number, rr: number, mc: number, rc: number) => isInput(mr, mc) || valueKey(valueAt(master, mr, mc)) === valueKey(valueAt(returned, rr, rc));
  const rowShift = detectShift(
    top,
    bottom,
    (i, j) => {
      for (let c = left; c <= right; c++) if (!fixedEqual(i, j, c, c)) return false;
      return true;
    },
    (i) => {
      for (let c = left; c <= right; c++) if (!isInput(i, c) && valueKey(valueAt(master, i, c))) return false;
      return true;
    },
  );
  const colShift = detectShift(
    left,
    right,
    (i, j) => {
      for (let r = top; r <= bottom; r++) if (!deleted(rowShift, r) && !fixedEqual(r, mapThrough(rowShift, r), i, j)) return false;
      return true;
    },
    (i) => {
      for (let r = top; r <= bottom; r++) if (!isInput(r, i) && valueKey(valueAt(master, r, i))) return false;
      return true;
    },
  );
  const formChanges: Finding[] = [];
  for (const [shift, axis] of [
    [rowShift, "rows"],
    [colShift, "cols"],
  ] as const) {
    if (!shift) continue;
    const count = Math.abs(shift.by);
    const at = axis === "rows" ? String(shift.at + 1) : columnLetters(shift.at);
    const cell = axis === "rows" ? toA1(shift.at, 0) : toA1(0, shift.at);
    formChanges.push(formChanged(sheet, cell, `rule.FORM-CHANGED.${axis}-${shift.by > 0 ? "inserted" : "deleted"}`, { count, at }));
  }
  const changedCells: string[] = [];
  const masterCells: string[] = [];
  const cellChanges: Finding[] = [];
  // Formulas are compared when both sides were read with them, and not across moved lines (their references moved too).
  const formulas = master.formulas && returned.formulas && !rowShift && !colShift ? { master: master.formulas, returned: returned.formulas } : undefined;
  // Master lines, plus the returned lines beyond them (mapped back), so a note written below the form is seen too.
  const lastRow = Math.max(bottom, bottomOf(returned) - Math.max(0, rowShift?.by ?? 0));
  const lastCol = Math.max(right, rightOf(returned) - Math.max(0, colShift?.by ?? 0));
  for (let r = top; r <= lastRow; r++) {
    if (deleted(rowShift, r)) continue;
    const rr = mapThrough(rowShift, r);
    for (let c = left; c <= lastCol; c++) {
      if (deleted(colShift, c)) continue;
      const rc = mapThrough(colShift, c);
      // A formula 配布 wrote as its value (the department did not get what it refers to) is the master's to keep,
      // unless the department gave the cell a formula of its own.
      if (leftToMaster.has(`${r},${c}`) && !returned.formulas?.has(`${rr},${rc}`)) continue;
      const before = valueAt(master, r, c);
      const after = valueAt(returned, rr, rc);
      if (valueKey(before) === valueKey(after)) {
        // The same value from another formula (or a formula typed over with its value) is still a change of the form.
        if (formulas && !isInput(r, c) && (formulas.master.get(`${r},${c}`) ?? "") !== (formulas.returned.get(`${rr},${rc}`) ?? "")) {
          cellChanges.push(formChanged(sheet, toA1(rr, rc), "rule.FORM-CHANGED.formula", { before: formulaShown(formulas.master.get(`${r},${c}`)), after: formulaShown(formulas.returned.get(`${rr},${rc}`)) }));
        }
        continue;
      }
      if (isInput(r, c)) {
        const was = formulas?.master.get(`${r},${c}`);
        if (was === undefined) {
          changedCells.push(toA1(rr, rc));
          masterCells.push(toA1(r, c));
        } else {
          // An input cell that held a formula when distributed. Still the same formula: its value followed its
          // inputs and nothing was typed here. Typed over or changed: the formula is part of the form and is never
          // written over (docs/distribution.md), so the file waits for the office.
          const now = formulas!.returned.get(`${rr},${rc}`);
          if (now !== was) cellChanges.push(formChanged(sheet, toA1(rr, rc), "rule.FORM-CHANGED.input-formula", { before: formulaShown(was), after: now ? formulaShown(now) : quoted(after) }));
        }
      } else cellChanges.push(formChanged(sheet, toA1(rr, rc), "rule.FORM-CHANGED.cell", { before: quoted(before), after: quoted(after) }));
    }
  }
  formChanges.push(...cellChanges.slice(0, MAX_CELL_FINDINGS));
  if (cellChanges.length > MAX_CELL_FINDINGS) {
    formChanges.push(formChanged(sheet, cellChanges[MAX_CELL_FINDINGS].cell, "rule.FORM-CHANGED.many", { count: cellChanges.length - MAX_CELL_FINDINGS }));
  }
  if (!rowShift && !colShift) formChanges.push(...mergeChanges(master, returned));
  const moved = rowShift || colShift ? { toMaster: ((row, col) => nullUnless(mapBack(rowShift, row), mapBack(colShift, col))) satisfies ToMaster } : {};
  return { changedCells, masterCells, formChanges, ...moved };
}

function nullUnless(row: number | null, col: number | null): { row: number; col: number } | null {
  return row === null || col === null ? null : { row, col };
}

/** The cells (`row,col`, 0-based, the master's) whose formulas a department's copy holds as values (DistributedSheet.leftInMaster). */
function cellsLeftInMaster(sheet: DistributedSheet | undefined): ReadonlySet<string> {
  const out = new Set<string>();
  for (const part of sheet?.leftInMaster ?? []) {
    if (!part.startsWith("formula ")) continue;
    const r = parseRangeA1(part.slice(8));
    if (!r) continue;
    // Within the window the reader reads: a marker is a file's text, and a range in it may be anything.
    for (let row = r.top; row <= Math.min(r.bottom, MAX_ROWS - 1); row++) for (let col = r.left; col <= Math.min(r.right, MAX_COLS - 1); col++) out.add(`${row},${col}`);
  }
  return out;
}

/** Merged areas one sheet has and the other does not, each reported at its top-left cell. */
function mergeChanges(master: SheetGrid, returned: SheetGrid): Finding[] {
  const a = new Map(master.merges.map((m) => [rangeToA1(m), m] as const));
  const b = new Map(returned.merges.map((m) => [rangeToA1(m), m] as const));
  const out: Finding[] = [];
  const none = both("rule.FORM-CHANGED.none");
  const overlapping = (m: CellRange, list: Map<string, CellRange>) => [...list.values()].find((o) => o.top <= m.bottom && m.top <= o.bottom && o.left <= m.right && m.left <= o.right);
  const seen = new Set<string>();
  for (const [key, m] of a) {
    if (b.has(key)) continue;
    const now = overlapping(m, b);
    if (now) seen.add(rangeToA1(now));
    out.push(formChanged(returned.name, toA1(m.top, m.left), "rule.FORM-CHANGED.merge", { before: key, after: now ? rangeToA1(now) : none }));
  }
  for (const [key, m] of b) {
    if (a.has(key) || seen.has(key)) continue;
    out.push(formChanged(returned.name, toA1(m.top, m.left), "rule.FORM-CHANGED.merge", { before: none, after: key }));
  }
  return out;
}

// ---------------------------------------------------------------- matching and planning

function idsOn(report: ValidationReport, sheet: string): string[] {
  return report.records
    .filter((r) => r.sheet === sheet && r.id)
    .map((r) => r.id!.text)
    .sort();
}

/** The department most of a sheet set's records name first (a file without a marker). */
function departmentOfRecords(records: readonly SurveyRecord[]): string | undefined {
  const counts = new Map<string, number>();
  for (const r of records) {
    const d = r.departments?.list.departments[0]?.name;
    if (d) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let best: string | undefined;
  let n = 0;
  for (const [d, c] of counts) if (c > n) [best, n] = [d, c];
  return best;
}

/** Sheets of a checked book a person filled in: recognised or not, but not the add-in's own. */
function userSheets(book: CheckedBook): SheetGrid[] {
  const excluded = new Set(book.report.sheets.filter((s) => s.status === "excluded").map((s) => s.name));
  return book.snapshot.sheets.filter((g) => g.visibility !== "veryHidden" && !excluded.has(g.name));
}

export interface CollectOptions {
  readonly profiles: readonly Profile[];
  /** When the collection runs (ISO, recorded as collectedAt). */
  readonly now: string;
  /**
   * Master sheets that something else in the workbook points into (a formula on another sheet, a defined name, a
   * chart's series): taken in by writing their changed input cells (`writes`) rather than replaced whole, since a
   * host that replaces a sheet by deleting it (Excel) would turn those references into #REF!.
   */
  readonly writeInPlace?: ReadonlySet<string>;
  /**
   * Files (by name as picked) whose changed form the office accepts: instead of being held, each sheet whose form
   * changed gets only its changed input cells written into the master's form; sheets with an intact form are taken
   * in as usual. What the department changed in the form (a label, text beside it, inserted lines) is not taken in.
   */
  readonly acceptFormChanges?: ReadonlySet<string>;
}

/**
 * The plan of a collection: for each returned file in order, its department, the sheets it would replace, the input
 * cells changed, its findings, or why it is refused. A later file sees what earlier files of the same run took in
 * (a second file of the same department is refused). Nothing is written here.
 */
export function planCollect(master: CheckedBook, files: readonly ReturnedBook[], options: CollectOptions): CollectPlan {
  const masterSettings = master.snapshot.settings;
  const before = submissionsFromSettings(masterSettings ?? {});
  // No stored id: the one 配布 derives from the master's forms, which taking answers in does not change.
  let masterId = before?.masterId ?? storedMasterId(masterSettings) ?? derivedMasterId(master, options.profiles);
  // What 配布 expected: the master's record, else (a master 配布 did not write into) the list the first returned
  // marker of this master carries.
  let expected = before?.expected ?? [];
  const received = new Map((before?.received ?? []).map((s) => [s.department, s] as const));
  const masterSheets = userSheets(master);
  const masterByName = new Map(masterSheets.map((g) => [g.name, g] as const));
  const masterOrder = masterSheets.map((g) => g.name);
  // A protected master sheet too: its input cells are the same (a master protected by the aids has them unlocked).
  const inputs = new Map(planInputAids(master.snapshot, master.report, options.profiles, { protect: true, includeProtected: true }).aids.map((a) => [a.sheet, inputCellSet(a.unlocked ?? [])] as const));
  // A sheet split by rows is expected from several departments: it has no one holder (its rows are checked instead).
  const holderOf = (sheet: string) => {
    const holders = expected.filter((e) => e.sheets.includes(sheet));
    return holders.length === 1 ? holders[0].department : undefined;
  };
  const recordsOf = (sheet: string) => master.report.records.filter((r) => r.sheet === sheet && r.role === "records");
  const takenThisRun = new Map<string, string>(); // department → file
  const masterRecords = master.report.records.filter((r) => r.role === "records");
  const masterRecordSheets = [...new Set(masterRecords.map((r) => r.sheet))];
  const masterIsShared = masterRecordSheets.length > 1 && new Set(masterRecords.map((r) => r.departments?.list.departments[0]?.name).filter((d) => d)).size > 1;
  let stateChanged = false;
  const out: FileCollect[] = [];

  for (const f of files) {
    const marker = readMarker(f.snapshot.settings);
    const base = { file: f.file, ...(f.savedAt ? { savedAt: f.savedAt } : {}), sheets: [], cellsChanged: 0, findings: [] as Finding[], held: false };
    const refuse = (refusal: CollectRefusal, department?: string): void => {
      out.push({ ...base, ...(department ? { department } : {}), refusal });
    };
    // A consolidation left among the returned files matches the master sheet by sheet, and would be taken as the
    // first department it names, refusing that department's own file as a second one.
    const consolidated = parseConsolidated(f.snapshot.settings?.[CONSOLIDATED_KEY]);
    if (consolidated) {
      refuse({ code: "consolidated", files: consolidated.files.length });
      continue;
    }
    const returned = userSheets(f);
    // Which of the file's sheets are the master's: the marker's list, else the same name holding the same records.
    let matched: SheetGrid[];
    if (marker) {
      if (masterId !== undefined && marker.masterId !== masterId) {
        refuse({ code: "other-master" }, marker.department);
        continue;
      }
      if (marker.sheets.some((s) => !masterByName.has(s.name))) {
        refuse({ code: "other-master" }, marker.department);
        continue;
      }
      if (expected.length === 0 && marker.expected) {
        expected = marker.expected;
        stateChanged = true;
      }
      matched = returned.filter((g) => masterByName.has(g.name));
    } else {
      const sameRecords = returned.filter((g) => {
        const ids = idsOn(f.report, g.name);
        return masterByName.has(g.name) && ids.length > 0 && ids.join("\n") === idsOn(master.report, g.name).join("\n");
      });
      if (sameRecords.length === 0) {
        refuse({ code: "not-returned" });
        continue;
      }
      // Left among the returned files, the master (or a copy) would be taken as the first department it names, and
      // that department's own file refused as a second one. It holds the record of submissions an earlier 回収
      // wrote, or every record sheet of a master that several departments fill in.
      const matchedNames = new Set(sameRecords.map((g) => g.name));
      if (submissionsFromSettings(f.snapshot.settings ?? {}) !== undefined || (masterIsShared && masterRecordSheets.every((n) => matchedNames.has(n)))) {
        refuse({ code: "master-copy" });
        continue;
      }
      matched = returned.filter((g) => masterByName.has(g.name));
    }
    const names = matched.map((g) => g.name);
    const holders = [...new Set(names.map(holderOf).filter((d): d is string => !!d))];
    const department = marker?.department ?? (holders.length === 1 ? holders[0] : departmentOfRecords(f.report.records.filter((r) => names.includes(r.sheet)))) ?? f.file;
    const foreign = names.find((n) => {
      const h = holderOf(n);
      return h !== undefined && h !== department;
    });
    if (foreign) {
      refuse({ code: "other-department", sheet: foreign, department: holderOf(foreign)! }, department);
      continue;
    }
    // Rows of a record that names other departments and not this one are not this file's to write.
    const foreignRows = rowsOwner(marker, department, (n) => masterByName.get(n), recordsOf);
    if (foreignRows) {
      refuse({ code: "other-department", sheet: foreignRows.sheet, department: foreignRows.department }, department);
      continue;
    }
    const earlierFile = takenThisRun.get(department);
    if (earlierFile !== undefined) {
      refuse({ code: "same-department", file: earlierFile }, department);
      continue;
    }
    const taken = received.get(department);
    if (taken?.savedAt && f.savedAt && f.savedAt < taken.savedAt) {
      refuse({ code: "older", savedAt: f.savedAt, taken: taken.savedAt }, department);
      continue;
    }

    const accepted = options.acceptFormChanges?.has(f.file) ?? false;
    const sheets: SheetCollect[] = [];
    const formChanges: Finding[] = [];
    for (const g of returned) {
      if (!masterByName.has(g.name)) formChanges.push(formChanged(g.name, "A1", "rule.FORM-CHANGED.sheet-added", { sheet: g.name }));
    }
    for (const s of marker?.sheets ?? []) {
      if (!returned.some((g) => g.name === s.name)) formChanges.push(formChanged(s.name, "A1", "rule.FORM-CHANGED.sheet-missing", { sheet: s.name }));
    }
    for (const name of masterOrder.filter((n) => names.includes(n))) {
      const distributed = marker?.sheets.find((s) => s.name === name);
      const rows = distributed?.rows;
      const leftToMaster = cellsLeftInMaster(distributed);
      const back = matched.find((g) => g.name === name)!;
      if (rows) {
        const c = compareRows(masterByName.get(name)!, back, inputs.get(name) ?? new Set(), rows, leftToMaster);
        sheets.push({ sheet: name, changedCells: c.changedCells, formChanges: c.formChanges, replace: false, writes: c.writes, byRows: true });
        formChanges.push(...c.formChanges);
        continue;
      }
      const m = masterByName.get(name)!;
      const compared = compareSheet(m, back, inputs.get(name) ?? new Set(), leftToMaster);
      // Protection is the office's, not the department's: a replaced sheet would bring the copy's (none, or a
      // password nobody in the office knows), so a difference holds the file like any change to the form.
      const protection = !!m.protected === !!back.protected ? [] : [formChanged(name, "A1", back.protected ? "rule.FORM-CHANGED.protection-added" : "rule.FORM-CHANGED.protection-removed")];
      const c = { ...compared, formChanges: [...compared.formChanges, ...protection] };
      const intact = c.changedCells.length > 0 && c.formChanges.length === 0;
      // Written rather than replaced: a sheet others point into, one whose copy could not follow everything (the
      // master keeps its formulas, lists, validations and formats), or (accepted) one whose form changed, so that
      // only its input cells come in, at the master's places.
      const writeCells = intact ? options.writeInPlace?.has(name) || !!distributed?.leftInMaster?.length : accepted && c.formChanges.length > 0;
      if (writeCells) {
        const writes = c.masterCells.map((at, i) => cellWriteOf(back, c.changedCells[i], at, c.toMaster));
        sheets.push({ sheet: name, changedCells: c.masterCells, formChanges: c.formChanges, replace: false, writes });
      } else sheets.push({ sheet: name, changedCells: c.changedCells, formChanges: c.formChanges, replace: intact });
      formChanges.push(...c.formChanges);
    }
    const formAccepted = accepted && formChanges.length > 0;
    const held = formChanges.length > 0 && !accepted;
    const findings = [...f.report.findings, ...formChanges];
    const cellsChanged = sheets.reduce((n, s) => n + s.changedCells.length, 0);
    out.push({ ...base, department, sheets: held ? sheets.map((s) => ({ ...s, replace: false, ...(s.writes ? { writes: [] } : {}) })) : sheets, cellsChanged, findings, held, ...(formAccepted ? { formAccepted } : {}) });
    if (held) continue;
    takenThisRun.set(department, f.file);
    masterId ??= marker?.masterId;
    // The same file again, with nothing new in it, leaves the record as it is.
    if (cellsChanged === 0 && taken && taken.savedAt === f.savedAt) continue;
    received.set(department, submissionOf(f, department, names, cellsChanged, countBySeverity(findings), options.now));
    stateChanged = true;
  }
  const state: SubmissionsState = { version: 1, masterId: masterId ?? before?.masterId ?? "", expected, received: [...received.values()] };
  return { files: out, state: stateChanged ? state : (before ?? state), stateChanged };
}

/**
 * A sheet returned by rows against the master's: the master's rows the copy holds are compared as compareSheet
 * compares a whole sheet (the findings at the returned cells); the input cells changed are named, and written, at
 * the master's places.
 */
export function compareRows(master: SheetGrid, returned: SheetGrid, inputs: ReadonlySet<string>, rows: readonly RowRange[], leftToMaster: ReadonlySet<string> = new Set()): { changedCells: string[]; formChanges: Finding[]; writes: CellWrite[] } {
  const sheetEnd = bottomOf(master);
  const c = compareSheet(projectRows(master, rows), returned, cellsToCopy(inputs, rows, sheetEnd), cellsToCopy(leftToMaster, rows, sheetEnd));
  const map = new RowMap(rows, sheetEnd);
  const writes: CellWrite[] = [];
  const changedCells: string[] = [];
  // The copy's cells in the master: back through lines the department moved, then through the rows 配布 kept.
  const toMaster: ToMaster = (row, col) => {
    const p = c.toMaster ? c.toMaster(row, col) : { row, col };
    return p && { row: map.toMaster(p.row), col: p.col };
  };
  // From the projected master's places (not the returned cells'), so that lines the department inserted do not move a write.
  c.masterCells.forEach((a1, i) => {
    const p = parseA1(a1);
    if (!p) return;
    const at = toA1(map.toMaster(p.row), p.col);
    changedCells.push(at);
    writes.push(cellWriteOf(returned, c.changedCells[i], at, toMaster));
  });
  return { changedCells, formChanges: c.formChanges, writes };
}

/**
 * The first record whose rows the marker lists for `department` but which names other departments, not this one:
 * its sheet and the department it names first. Records that name no department by name (各課) are anyone's.
 */
function rowsOwner(marker: DistributionMarker | undefined, department: string, gridOf: (sheet: string) => SheetGrid | undefined, recordsOf: (sheet: string) => SurveyRecord[]): { sheet: string; department: string } | undefined {
  const key = normalizeForCompare(department);
  for (const s of marker?.sheets ?? []) {
    const grid = s.rows ? gridOf(s.name) : undefined;
    if (!s.rows || !grid) continue;
    const recs = recordsOf(s.name);
    const layout = sheetRows(grid, recs);
    if (!layout) continue;
    const held = new Set<number>();
    for (const r of s.rows) for (let i = r.from - 1; i <= r.to - 1; i++) held.add(i);
    for (let i = 0; i < recs.length; i++) {
      const span = layout.records[i];
      let mine = false;
      for (let r = span.top; r <= span.bottom && !mine; r++) mine = held.has(r);
      if (!mine) continue;
      const list = recs[i].departments?.list;
      const named = (list?.departments ?? []).map((d) => d.name).filter((n) => !list!.wildcards.includes(n));
      if (named.length && !named.some((n) => normalizeForCompare(n) === key)) return { sheet: s.name, department: named[0] };
    }
  }
  return undefined;
}

function submissionOf(f: ReturnedBook, department: string, sheets: readonly string[], cellsChanged: number, findings: FindingCounts, collectedAt: string): Submission {
  return { department, file: f.file, collectedAt, ...(f.savedAt ? { savedAt: f.savedAt } : {}), sheets, cellsChanged, findings };
}

/** Why a file is not taken in, in the user's language. */
export function refusalText(r: CollectRefusal, lang: Lang): string {
  switch (r.code) {
    case "older":
      return t(lang, "collect.refusal.older", { savedAt: r.savedAt, taken: r.taken });
    case "other-department":
      return t(lang, "collect.refusal.other-department", { sheet: r.sheet, department: r.department });
    case "same-department":
      return t(lang, "collect.refusal.same-department", { file: r.file });
    case "consolidated":
      return t(lang, "collect.refusal.consolidated", { count: r.files });
    default:
      return t(lang, `collect.refusal.${r.code}`);
  }
}

/** The preview of one file, line by line: department, sheets, cells changed, findings (FORM-CHANGED one by one), what is replaced. */
export function describeFileCollect(f: FileCollect, lang: Lang): string[] {
  const none = t(lang, "cli.collect.none");
  const lines = [t(lang, "cli.collect.file", { file: f.file })];
  if (f.department) lines.push(t(lang, "cli.collect.department", { department: f.department }));
  if (f.refusal) return [...lines, t(lang, "cli.collect.refused", { reason: refusalText(f.refusal, lang) })];
  lines.push(t(lang, "cli.collect.sheets", { sheets: f.sheets.map((s) => s.sheet).join(", ") || none }));
  lines.push(t(lang, "cli.collect.cells", { count: f.cellsChanged }));
  lines.push(t(lang, "cli.collect.findings", { ...countBySeverity(f.findings) }));
  for (const x of f.findings.filter((x) => x.ruleId === "FORM-CHANGED")) lines.push(t(lang, "cli.collect.finding", { sheet: x.sheet, cell: x.cell, message: x.message[lang] }));
  if (f.held) return [...lines, t(lang, "cli.collect.held")];
  if (f.formAccepted) lines.push(t(lang, "cli.collect.accepted"));
  const replaced = f.sheets.filter((s) => s.replace).map((s) => s.sheet);
  const rows = f.sheets.filter((s) => s.writes?.length);
  for (const s of rows) lines.push(t(lang, s.byRows ? "cli.collect.write-rows" : "cli.collect.write-inputs", { sheet: s.sheet, count: s.writes!.length }));
  if (replaced.length) lines.push(t(lang, "cli.collect.replace", { sheets: replaced.join(", ") }));
  else if (!rows.length) lines.push(t(lang, "cli.collect.unchanged"));
  return lines;
}

/** The 変更履歴 row of one replaced sheet: the range of the input cells changed, and who returned it. */
export function collectLogEntry(f: FileCollect, s: SheetCollect, lang: Lang): { sheet: string; cell: string; before: string; after: string } {
  const cells = s.changedCells.map((a) => parseA1(a)).filter((p): p is NonNullable<typeof p> => !!p);
  const range = cells.length
    ? rangeToA1({ top: Math.min(...cells.map((p) => p.row)), left: Math.min(...cells.map((p) => p.col)), bottom: Math.max(...cells.map((p) => p.row)), right: Math.max(...cells.map((p) => p.col)) })
    : "A1";
  // A sheet whose changed form was accepted says so: the 変更履歴 keeps that the form changes were left out.
  const key = f.formAccepted && s.formChanges.length ? "collect.log.after-inputs" : "collect.log.after";
  return { sheet: s.sheet, cell: range, before: "", after: t(lang, key, { department: f.department ?? "", file: f.file, cells: s.changedCells.join(" ") }) };
}
