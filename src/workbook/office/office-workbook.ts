/**
 * The Excel JavaScript API adapter of the workbook port, for the task pane. Same semantics as the ExcelJS adapter
 * (owned sheets, the veryHidden `_chosahyo` settings sheet, the 変更履歴 log, refused stale edits), so a workbook
 * written by either one is understood by the other.
 *
 * Round trips (bars.md): readAll 2 + 1 per chunk of values under the 5 MB response limit (3 for a 調査票 workbook of
 * 1…500 sheets; one more when a sheet has over 512 merged areas), applyEdits 1 (2 when an edit is refused),
 * writeOwnedSheet 1 (+1 per extra 4 MB of cells), writeSettings 1, selectCell 1. The sheet list and the settings are
 * cached per instance (readAll fills the cache); without it the first call costs one sync more.
 */
import { CHANGE_LOG_HEADER, CHANGE_LOG_SHEET, changeLogRows, type LoggedEdit } from "../../core/changelog";
import { type CellRange, parseRangeA1 } from "../../core/model/address";
import { type CellValue, cellText } from "../../core/model/cell";
import { MAX_COLS, MAX_ROWS, type SheetGrid, type SheetVisibility, type WorkbookSnapshot } from "../../core/model/grid";
import { type SheetSpec, text } from "../../core/sheet-spec";
import { type AppliedEdits, type ReadOptions, WorkbookError, type WorkbookPort, type WriteSheetResult } from "../port";
import { freeSheetName } from "../sheet-names";
import { jsonBytes, jsonStringLength, parseAddress, splitAreas, toCellValue, toVisibility } from "./cells";
import { officeErrorCode, PAYLOAD_TOO_LARGE, toWorkbookError } from "./errors";
import { halve, type Piece, ReadPlanner, RESPONSE_BUDGET, type SheetBlock } from "./read-plan";
import { queueLayout, queueValueBlock, REQUEST_BUDGET, type ValueBlock, valueBlocks } from "./render";
import { checkRequirements, type IsSetSupported, type RequirementCheck } from "./requirements";

/** The same names the ExcelJS adapter uses (xlsx-workbook.ts), so the two read each other's workbooks. */
export const SETTINGS_SHEET = "_chosahyo";
const OWNED_KEY = "owned";
/** Settings rows read speculatively with the sheet list; more than this costs one more sync. */
const SETTINGS_ROWS = 100;

/** Excel refuses getMergedAreasOrNullObject over a range holding more than 512 merged areas (Excel reference). */
const MERGE_LIMIT = 512;
/** Response bytes of one merged area beyond its sheet name: `{"address":"…!AB12:AC13"},`. */
const MERGE_ADDRESS_BYTES = 32;

/** `Excel.run` in production, the fake's `run` in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeWorkbookOptions {
  /** `Office.context.requirements.isSetSupported`; without it every requirement set is taken as supported. */
  readonly isSetSupported?: IsSetSupported;
  readonly responseBudget?: number;
  readonly requestBudget?: number;
}

/** What readAll could not give, for the task pane to say. */
export interface OfficeSnapshot extends WorkbookSnapshot {
  readonly limitations?: { readonly mergedAreas: false };
}

/** How the last readAll went: chunks of values, and the bytes the largest one returned. */
export interface ReadStats {
  readonly chunks: number;
  readonly retries: number;
  readonly largestChunkBytes: number;
  readonly mergedAreas: boolean;
  /** Some sheet had more than 512 merged areas: they were read band by band. */
  readonly mergesBanded: boolean;
}

interface SheetState {
  readonly name: string;
  readonly visibility: SheetVisibility;
  readonly protected: boolean;
}

/** What an instance caches between calls: the sheets in tab order (settings sheet included) and the settings. */
interface State {
  readonly sheets: SheetState[];
  settings: Record<string, string>;
}

interface OwnedSheet {
  readonly sheet: string;
  readonly base: string;
}

/** A failure that a fresh look at the workbook may cure (a sheet renamed or deleted since it was cached). */
class StaleState extends Error {
  constructor(readonly original: unknown) {
    super("stale workbook state");
  }
}

interface SheetProbe {
  readonly ws: Excel.Worksheet;
  readonly info: SheetState;
  readonly values: Excel.Range;
  readonly formatted: Excel.Range;
  readonly merged?: Excel.RangeAreas;
}

/** How a sheet's merged areas are read: all at once (their count is known), band by band, or not at all. */
type MergePlan =
  | { readonly kind: "none" }
  | { readonly kind: "counted"; readonly areas: Excel.RangeAreas }
  | { readonly kind: "banded"; readonly bands: readonly Band[] };

interface Band {
  readonly top: number;
  readonly rows: number;
  readonly cols: number;
}

const NO_MERGES: MergePlan = { kind: "none" };

/** Rows 0…rows-1 in bands of at most 1,024 cells: each holds at most 512 merged areas (two cells or more each). */
function mergeBands(rows: number, cols: number): Band[] {
  const step = Math.max(1, Math.floor((2 * MERGE_LIMIT) / cols));
  const out: Band[] = [];
  for (let top = 0; top < rows; top += step) out.push({ top, rows: Math.min(step, rows - top), cols });
  return out;
}

/** An error that may be Excel refusing to count merged areas; the errors every sync can meet are not. */
function mayBeMergeLimit(e: unknown): boolean {
  const code = officeErrorCode(e);
  return code !== undefined && !["InvalidOperationInCellEditMode", "ItemNotFound", "AccessDenied", "ApiNotFound"].includes(code);
}

interface PieceData {
  readonly top: number;
  readonly left: number;
  readonly values: unknown[][];
  readonly types: string[][];
  readonly formats: string[][];
}

interface SheetData {
  readonly pieces: PieceData[];
  merges: CellRange[];
  remaining: number;
}

/** What the chunks of one readAll share. */
interface ReadState {
  readonly probes: readonly SheetProbe[];
  readonly plans: readonly MergePlan[];
  readonly sink: SheetData[];
  readonly planner: ReadPlanner;
  readonly stats: { chunks: number; retries: number; largestChunkBytes: number };
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function findSheet(state: State, name: string): SheetState | undefined {
  return state.sheets.find((s) => sameName(s.name, name));
}

function ownership(state: State): OwnedSheet[] {
  try {
    const list = JSON.parse(state.settings[OWNED_KEY] ?? "[]") as unknown;
    if (!Array.isArray(list)) return [];
    return list.filter(
      (x): x is OwnedSheet => !!x && typeof x.sheet === "string" && typeof x.base === "string" && !!findSheet(state, x.sheet),
    );
  } catch {
    return [];
  }
}

function parseSettings(values: unknown[][], types: string[][]): Record<string, string> {
  const out: Record<string, string> = {};
  values.forEach((row, i) => {
    const k = cellText(toCellValue(row[0], types[i]?.[0], undefined));
    if (k) out[k] = cellText(toCellValue(row[1] ?? "", types[i]?.[1], undefined));
  });
  return out;
}

/** The 変更履歴 sheet as the ExcelJS adapter creates it. */
function changeLogSpec(name: string): SheetSpec {
  return {
    name,
    cells: CHANGE_LOG_HEADER.map((h, i) => ({ row: 0, col: i, value: text(h), style: "header" })),
    styles: { header: { bold: true, fill: "#DDEBF7", border: "thin" } },
    merges: [],
    columnWidths: [20, 14, 8, 40, 40, 22],
    freeze: { rows: 1, cols: 0 },
  };
}

/** Text into a range: "@" first, so a value starting with = + - @ is never taken as a formula. */
function writeText(range: Excel.Range, rows: string[][]): void {
  range.numberFormat = rows.map((r) => r.map(() => "@"));
  range.values = rows;
}

function logRows(edits: readonly LoggedEdit[], at: Date): string[][] {
  return changeLogRows(edits, at).map((r) => r.map((v) => (v.t === "text" ? v.v : "")));
}

function currentText(range: Excel.Range): string {
  return cellText(toCellValue(range.values[0][0], range.valueTypes[0][0], range.numberFormat[0][0]));
}

export class OfficeWorkbook implements WorkbookPort {
  private state: State | undefined;
  private readonly requirements: RequirementCheck;
  private readonly responseBudget: number;
  private readonly requestBudget: number;
  private stats: ReadStats | undefined;

  constructor(
    private readonly run: ExcelRun,
    options: OfficeWorkbookOptions = {},
  ) {
    this.requirements = checkRequirements(options.isSetSupported ?? (() => true));
    this.responseBudget = options.responseBudget ?? RESPONSE_BUDGET;
    this.requestBudget = options.requestBudget ?? REQUEST_BUDGET;
  }

  /** How the last readAll was chunked (for tests and diagnostics). */
  get lastRead(): ReadStats | undefined {
    return this.stats;
  }

  /** Forget the cached sheet list and settings, e.g. after the user renamed or deleted sheets. */
  invalidate(): void {
    this.state = undefined;
  }

  async readAll(options?: ReadOptions): Promise<OfficeSnapshot> {
    const listed: string[] = [];
    try {
      return await this.run((context) => this.readAllIn(context, options, listed));
    } catch (e) {
      if (officeErrorCode(e) !== "ItemNotFound" || listed.length === 0) throw toWorkbookError(e);
      // A sheet went away between two syncs: name it, so the user knows what to restore (or just re-runs).
      this.state = undefined;
      const missing = await this.missingSheets(listed).catch(() => []);
      throw toWorkbookError(e, missing[0]);
    }
  }

  private async readAllIn(context: Excel.RequestContext, options: ReadOptions | undefined, listed: string[]): Promise<OfficeSnapshot> {
    const mergedAreas = this.requirements.supports("mergedAreas");
    const cancelled = () => {
      if (options?.isCancelled?.()) throw new WorkbookError("cancelled");
    };
    // Sync 1: the worksheets in tab order. Chart sheets are not worksheets in Office.js, so there is nothing to skip.
    const list = context.workbook.worksheets;
    list.load("items/name,items/visibility,items/protection/protected");
    await context.sync();
    const all = list.items.map((ws) => ({
      ws,
      info: { name: ws.name, visibility: toVisibility(ws.visibility), protected: ws.protection.protected },
    }));
    listed.push(...all.map((s) => s.info.name));
    const settingsWs = all.find((s) => sameName(s.info.name, SETTINGS_SHEET))?.ws;
    const data = all.filter((s) => !sameName(s.info.name, SETTINGS_SHEET));
    if (data.length === 0) throw new WorkbookError("no-worksheets");
    cancelled();

    // Sync 2: each sheet's used range (by values, and with formatting for `trimmed`), the number of merged areas in
    // its bounded region, and the settings.
    const probe = (countMerges: boolean): SheetProbe[] =>
      data.map(({ ws, info }) => {
        const values = ws.getUsedRangeOrNullObject(true);
        values.load("rowIndex,columnIndex,rowCount,columnCount");
        const formatted = ws.getUsedRangeOrNullObject(false);
        formatted.load("rowIndex,columnIndex,rowCount,columnCount");
        const merged = countMerges ? ws.getRangeByIndexes(0, 0, MAX_ROWS, MAX_COLS).getMergedAreasOrNullObject() : undefined;
        merged?.load("areaCount");
        return { ws, info, values, formatted, merged };
      });
    const readSettings = () => {
      const range = settingsWs?.getRange("A:B").getUsedRangeOrNullObject(true);
      range?.load("values,valueTypes");
      return range;
    };
    let probes = probe(mergedAreas);
    let settingsRange = readSettings();
    let banded = false;
    try {
      await context.sync();
    } catch (e) {
      // A sheet with more than 512 merged areas makes Excel refuse the count: look again without counting, and
      // read merged areas band by band (one more sync, only for such workbooks).
      if (!mergedAreas || !mayBeMergeLimit(e)) throw e;
      banded = true;
      probes = probe(false);
      settingsRange = readSettings();
      await context.sync();
    }
    const settings = settingsRange && !settingsRange.isNullObject ? parseSettings(settingsRange.values, settingsRange.valueTypes) : {};
    this.state = { sheets: all.map((s) => s.info), settings };

    const blocks: SheetBlock[] = [];
    const declared: { rows: number; cols: number }[] = [];
    const plans: MergePlan[] = [];
    probes.forEach((p, i) => {
      const extent = (r: Excel.Range) => (r.isNullObject ? { rows: 0, cols: 0 } : { rows: r.rowIndex + r.rowCount, cols: r.columnIndex + r.columnCount });
      const v = extent(p.values);
      const f = extent(p.formatted);
      declared.push({ rows: Math.max(v.rows, f.rows), cols: Math.max(v.cols, f.cols) });
      const perArea = jsonStringLength(p.info.name) + 3 + MERGE_ADDRESS_BYTES;
      let plan = NO_MERGES;
      let mergeBytes = 0;
      if (p.merged && !p.merged.isNullObject) {
        plan = { kind: "counted", areas: p.merged };
        mergeBytes = p.merged.areaCount * perArea;
      } else if (banded && f.rows > 0) {
        const bands = mergeBands(Math.min(f.rows, MAX_ROWS), Math.min(f.cols, MAX_COLS));
        plan = { kind: "banded", bands };
        mergeBytes = bands.reduce((n, b) => n + Math.min(MERGE_LIMIT, Math.floor((b.rows * b.cols) / 2)), 0) * perArea;
      }
      plans.push(plan);
      const top = p.values.isNullObject ? 0 : p.values.rowIndex;
      const left = p.values.isNullObject ? 0 : p.values.columnIndex;
      // Values beyond MAX_ROWS × MAX_COLS (absolute, as read.ts caps them) are never read.
      const rows = Math.max(0, Math.min(v.rows, MAX_ROWS) - top);
      const cols = Math.max(0, Math.min(v.cols, MAX_COLS) - left);
      const merges = plan.kind !== "none";
      if ((rows > 0 && cols > 0) || merges) blocks.push({ sheet: i, top, left, rows: cols > 0 ? rows : 0, cols, merges, mergeBytes });
    });

    // Sync 3…: values, value types and number formats, in chunks that each stay under the response limit. One
    // sync per chunk, however many sheets the chunk holds.
    const sink: SheetData[] = probes.map(() => ({ pieces: [], merges: [], remaining: 0 }));
    const planner = new ReadPlanner(blocks, this.responseBudget);
    const stats = { chunks: 0, retries: 0, largestChunkBytes: 0 };
    for (const b of blocks) sink[b.sheet].remaining++;
    for (let chunk = planner.next(); chunk; chunk = planner.next()) {
      cancelled();
      await this.readChunk(context, chunk, { probes, plans, sink, planner, stats });
      options?.onProgress?.({ done: sink.filter((s) => s.remaining === 0).length, total: probes.length });
    }
    this.stats = { ...stats, mergedAreas, mergesBanded: banded };
    const sheets = probes.map((p, i) => buildGrid(p.info, sink[i], declared[i]));
    return {
      sheets,
      skippedSheets: [],
      settings: Object.keys(settings).length ? settings : undefined,
      ...(mergedAreas ? {} : { limitations: { mergedAreas: false as const } }),
    };
  }

  /** One chunk, one sync. A chunk Excel refuses as too large is halved and read again. */
  private async readChunk(context: Excel.RequestContext, chunk: readonly Piece[], read: ReadState): Promise<void> {
    const loads = chunk.map((piece) => {
      const ws = read.probes[piece.block.sheet].ws;
      const range = piece.rows > 0 ? ws.getRangeByIndexes(piece.top, piece.block.left, piece.rows, piece.block.cols) : undefined;
      range?.load("values,valueTypes,numberFormat");
      const plan = piece.merges ? read.plans[piece.block.sheet] : NO_MERGES;
      const counted = plan.kind === "counted" ? plan.areas.areas : undefined;
      counted?.load("items/address");
      const bands = (plan.kind === "banded" ? plan.bands : []).map((b) => {
        const areas = ws.getRangeByIndexes(b.top, 0, b.rows, b.cols).getMergedAreasOrNullObject();
        areas.load("address");
        return areas;
      });
      return { piece, range, counted, bands };
    });
    try {
      await context.sync();
    } catch (e) {
      const halves = officeErrorCode(e) === PAYLOAD_TOO_LARGE ? halve(chunk) : undefined;
      if (!halves) throw e;
      read.stats.retries++;
      await this.readChunk(context, halves[0], read);
      await this.readChunk(context, halves[1], read);
      return;
    }
    read.stats.chunks++;
    let cells = 0;
    let bytes = 0;
    let mergeBytes = 0;
    for (const { piece, range, counted, bands } of loads) {
      const out = read.sink[piece.block.sheet];
      if (range) {
        const data = { top: piece.top, left: piece.block.left, values: range.values, types: range.valueTypes as string[][], formats: range.numberFormat };
        out.pieces.push(data);
        cells += piece.rows * piece.block.cols;
        bytes += jsonBytes(data.values) + jsonBytes(data.types) + jsonBytes(data.formats);
      }
      if (piece.merges) {
        const addresses = counted ? counted.items.map((a) => a.address) : [];
        for (const areas of bands) if (!areas.isNullObject) addresses.push(...splitAreas(areas.address));
        out.merges = addresses.map(parseAddress).filter((m): m is CellRange => m !== null);
        mergeBytes += addresses.reduce((n, a) => n + jsonStringLength(a) + 16, 0);
      }
      if (piece.top + piece.rows >= piece.block.top + piece.block.rows) out.remaining--;
    }
    read.planner.observe(cells, bytes);
    read.stats.largestChunkBytes = Math.max(read.stats.largestChunkBytes, bytes + mergeBytes);
  }

  async applyEdits(edits: readonly LoggedEdit[], at: Date = new Date()): Promise<AppliedEdits> {
    if (edits.length === 0) return { applied: [], refused: [] };
    try {
      return await this.withState((state) => this.applyOnce(edits, at, state));
    } catch (e) {
      if (officeErrorCode(e) === "AccessDenied") throw await this.denied(edits);
      throw toWorkbookError(e);
    }
  }

  /**
   * One sync: each target cell is loaded and then written in the same batch (the load returns the value the write
   * replaced), and every edit is logged. In the rare case that a cell no longer held `before`, a second sync puts
   * the user's value back and rewrites the appended log rows with the applied edits only.
   *
   * The batch runs in phases so that a sheet protected since the cache was filled stops it before any value
   * changes: loads; the log rows' number format; every target cell's number format; then the values.
   */
  private async applyOnce(edits: readonly LoggedEdit[], at: Date, state: State): Promise<AppliedEdits> {
    const log = ownership(state).find((o) => o.base === CHANGE_LOG_SHEET);
    for (const name of [...edits.map((e) => e.sheet), ...(log ? [log.sheet] : [])]) {
      if (findSheet(state, name)?.protected) throw new WorkbookError("protected-sheet", undefined, name);
    }
    const rows = logRows(edits, at);
    try {
      return await this.run(async (context) => {
        const sheets = context.workbook.worksheets;
        const byName = new Map<string, Excel.Worksheet>();
        const sheetOf = (name: string) => {
          let ws = byName.get(name);
          if (!ws) byName.set(name, (ws = sheets.getItem(name)));
          return ws;
        };
        // Loads first: a missing sheet fails the batch here, before any write.
        const cells = edits.map((e) => {
          const range = sheetOf(e.sheet).getRange(e.cell);
          range.load("values,valueTypes,numberFormat,formulas");
          return range;
        });
        const target = this.queueLog(sheets, state, rows);
        target.range.numberFormat = rows.map((r) => r.map(() => "@"));
        // A number (NUMBER-AS-TEXT) needs a number format, text needs "@" before it arrives.
        edits.forEach((e, i) => (cells[i].numberFormat = [[typeof e.after === "number" ? "General" : "@"]]));
        edits.forEach((e, i) => (cells[i].values = [[e.after]]));
        target.range.values = rows;
        await context.sync();
        target.created?.();

        const applied: LoggedEdit[] = [];
        const conflicts: number[] = [];
        edits.forEach((e, i) => (currentText(cells[i]) === e.before ? applied.push(e) : conflicts.push(i)));
        if (conflicts.length === 0) return { applied, refused: [] };
        // The user changed these cells since the check: put back their content as it was a moment ago.
        for (const i of conflicts) {
          cells[i].numberFormat = [[cells[i].numberFormat[0][0]]];
          cells[i].formulas = [[cells[i].formulas[0][0]]];
        }
        const blank = conflicts.map(() => CHANGE_LOG_HEADER.map(() => ""));
        target.sheet.getRangeByIndexes(target.range.rowIndex, 0, rows.length, CHANGE_LOG_HEADER.length).values = [
          ...logRows(applied, at),
          ...blank,
        ];
        await context.sync();
        return { applied, refused: conflicts.map((i) => edits[i]) };
      });
    } catch (e) {
      throw await this.staleOrMissing(e, edits);
    }
  }

  /** A sheet was protected after the cache was filled: name it from a fresh look. No value was written. */
  private async denied(edits: readonly LoggedEdit[]): Promise<WorkbookError> {
    this.state = undefined;
    try {
      const state = await this.ensureState();
      const log = ownership(state).find((o) => o.base === CHANGE_LOG_SHEET)?.sheet;
      const blocked = [...edits.map((e) => e.sheet), ...(log ? [log] : [])].find((n) => findSheet(state, n)?.protected);
      return new WorkbookError("protected-sheet", undefined, blocked);
    } catch {
      return new WorkbookError("protected-sheet");
    }
  }

  /**
   * Queues the log rows' target: below the last used row of the owned 変更履歴 (found by Excel when the batch runs,
   * so no row counter has to be kept in step), or row 2 of a new one created in the same batch.
   */
  private queueLog(
    sheets: Excel.WorksheetCollection,
    state: State,
    rows: string[][],
  ): { sheet: Excel.Worksheet; range: Excel.Range; created?: () => void } {
    const owned = ownership(state);
    const mine = owned.find((o) => o.base === CHANGE_LOG_SHEET);
    const width = CHANGE_LOG_HEADER.length;
    if (mine) {
      const sheet = sheets.getItem(mine.sheet);
      const target = sheet
        .getUsedRange(true)
        .getLastRow()
        .getEntireRow()
        .getCell(0, 0)
        .getOffsetRange(1, 0)
        .getResizedRange(rows.length - 1, width - 1);
      target.load("rowIndex");
      return { sheet, range: target };
    }
    const name = freeSheetName(CHANGE_LOG_SHEET, state.sheets.map((s) => s.name));
    const settingsWs = findSheet(state, SETTINGS_SHEET) ? sheets.getItem(SETTINGS_SHEET) : undefined;
    settingsWs?.load("name");
    const sheet = this.queueNewSheet(sheets, state, name);
    const spec = changeLogSpec(name);
    for (const block of valueBlocks(spec, this.requestBudget)) queueValueBlock(sheet, block);
    queueLayout(sheet, spec, { validations: false });
    const target = sheet.getRangeByIndexes(1, 0, rows.length, width);
    target.load("rowIndex");
    const next = { ...state.settings, [OWNED_KEY]: JSON.stringify([...owned, { sheet: name, base: CHANGE_LOG_SHEET }]) };
    this.queueSettings(sheets, settingsWs, next);
    return { sheet, range: target, created: () => this.noteWritten(state, name, next) };
  }

  async writeOwnedSheet(spec: SheetSpec): Promise<WriteSheetResult> {
    try {
      return await this.withState((state) => this.writeOnce(spec, state));
    } catch (e) {
      throw toWorkbookError(e, spec.name);
    }
  }

  private async writeOnce(spec: SheetSpec, state: State): Promise<WriteSheetResult> {
    const owned = ownership(state);
    // The sheet generated for this name last time, under its own name or a free one.
    const mine = owned.find((o) => o.base === spec.name) ?? owned.find((o) => sameName(o.sheet, spec.name));
    const names = state.sheets.map((s) => s.name);
    let name = spec.name;
    if (mine) {
      name = mine.sheet;
      if (findSheet(state, name)?.protected) throw new WorkbookError("protected-sheet", undefined, name);
    } else if (findSheet(state, spec.name)) {
      // A user's sheet holds the name: never touch it, take a free name and say so.
      name = freeSheetName(spec.name, names);
    }
    const rendered = { ...spec, name };
    const blocks = valueBlocks(rendered, this.requestBudget);
    const next = owned.filter((o) => !sameName(o.sheet, name) && o.base !== spec.name);
    next.push({ sheet: name, base: spec.name });
    const settings = { ...state.settings, [OWNED_KEY]: JSON.stringify(next) };
    const validations = this.requirements.supports("dataValidation");
    try {
      await this.run(async (context) => {
        const sheets = context.workbook.worksheets;
        // Existing sheets are referenced first: a stale cache fails the batch here, before anything changed.
        const old = mine ? sheets.getItem(mine.sheet) : undefined;
        old?.load("name");
        const settingsWs = findSheet(state, SETTINGS_SHEET) ? sheets.getItem(SETTINGS_SHEET) : undefined;
        settingsWs?.load("name");
        let ws: Excel.Worksheet;
        if (old) {
          // Add under a free name, delete the old sheet, rename: the workbook never runs out of visible sheets.
          ws = sheets.add(freeSheetName("chosahyo-tmp", names));
          old.delete();
          ws.name = name;
          ws.position = state.sheets.findIndex((s) => sameName(s.name, name));
        } else ws = this.queueNewSheet(sheets, state, name);
        if (blocks[0]) queueValueBlock(ws, blocks[0]);
        queueLayout(ws, rendered, { validations });
        this.queueSettings(sheets, settingsWs, settings);
        await context.sync();
        await this.writeBlocks(context, ws, blocks.slice(1));
      });
    } catch (e) {
      throw await this.staleOrMissing(e, []);
    }
    if (!mine) this.noteWritten(state, name, settings);
    else state.settings = settings;
    return { name, ...(name !== spec.name ? { requestedName: spec.name } : {}), replaced: !!mine };
  }

  /** Rows beyond the first request's budget: one sync per block (only for very long sheets). */
  private async writeBlocks(context: Excel.RequestContext, ws: Excel.Worksheet, blocks: readonly ValueBlock[]): Promise<void> {
    for (const block of blocks) await this.writeBlock(context, ws, block);
  }

  private async writeBlock(context: Excel.RequestContext, ws: Excel.Worksheet, block: ValueBlock): Promise<void> {
    queueValueBlock(ws, block);
    await context.sync();
  }

  async ownedSheets(): Promise<readonly string[]> {
    try {
      return ownership(await this.ensureState()).map((o) => o.sheet);
    } catch (e) {
      throw toWorkbookError(e);
    }
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    if (!parseRangeA1(address)) return;
    try {
      await this.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(address).select();
        await context.sync();
      });
    } catch (e) {
      throw toWorkbookError(e, sheet);
    }
  }

  async readSettings(): Promise<Readonly<Record<string, string>>> {
    try {
      return { ...(await this.ensureState()).settings };
    } catch (e) {
      throw toWorkbookError(e);
    }
  }

  async writeSettings(settings: Readonly<Record<string, string>>): Promise<void> {
    try {
      await this.withState(async (state) => {
        const merged = { ...state.settings, ...settings };
        try {
          await this.run(async (context) => {
            const sheets = context.workbook.worksheets;
            const ws = findSheet(state, SETTINGS_SHEET) ? sheets.getItem(SETTINGS_SHEET) : undefined;
            ws?.load("name");
            this.queueSettings(sheets, ws, merged);
            await context.sync();
          });
        } catch (e) {
          throw await this.staleOrMissing(e, []);
        }
        if (!findSheet(state, SETTINGS_SHEET)) state.sheets.push({ name: SETTINGS_SHEET, visibility: "veryHidden", protected: false });
        state.settings = merged;
      });
    } catch (e) {
      throw toWorkbookError(e, SETTINGS_SHEET);
    }
  }

  /** A new visible sheet, placed before the settings sheet so that one stays last. */
  private queueNewSheet(sheets: Excel.WorksheetCollection, state: State, name: string): Excel.Worksheet {
    const ws = sheets.add(name);
    const settingsAt = state.sheets.findIndex((s) => sameName(s.name, SETTINGS_SHEET));
    if (settingsAt >= 0) ws.position = settingsAt;
    return ws;
  }

  /** Rewrites `_chosahyo` (A: key, B: value, as text), creating it veryHidden and last when missing. */
  private queueSettings(sheets: Excel.WorksheetCollection, existing: Excel.Worksheet | undefined, settings: Record<string, string>): void {
    const ws = existing ?? sheets.add(SETTINGS_SHEET);
    if (existing) ws.getRange("A:B").clear("Contents");
    else ws.visibility = "VeryHidden";
    const entries = Object.entries(settings);
    if (entries.length) writeText(ws.getRangeByIndexes(0, 0, entries.length, 2), entries.map(([k, v]) => [k, v]));
  }

  /** Records a sheet this instance added (before the settings sheet) and the settings written with it. */
  private noteWritten(state: State, name: string, settings: Record<string, string>): void {
    if (!findSheet(state, name)) {
      const at = state.sheets.findIndex((s) => sameName(s.name, SETTINGS_SHEET));
      state.sheets.splice(at >= 0 ? at : state.sheets.length, 0, { name, visibility: "visible", protected: false });
    }
    if (!findSheet(state, SETTINGS_SHEET)) state.sheets.push({ name: SETTINGS_SHEET, visibility: "veryHidden", protected: false });
    state.settings = settings;
  }

  /** Runs `op` on the cached state; if the cache turns out stale, once more on a fresh one. */
  private async withState<T>(op: (state: State) => Promise<T>): Promise<T> {
    const cached = this.state !== undefined;
    try {
      return await op(await this.ensureState());
    } catch (e) {
      if (!(e instanceof StaleState)) throw e;
      this.state = undefined;
      if (!cached) throw e.original;
      try {
        return await op(await this.ensureState());
      } catch (again) {
        throw again instanceof StaleState ? again.original : again;
      }
    }
  }

  /** ItemNotFound names the first missing user sheet; other sheet errors mean the cache is stale. */
  private async staleOrMissing(e: unknown, edits: readonly LoggedEdit[]): Promise<unknown> {
    const code = officeErrorCode(e);
    if (code === "ItemAlreadyExists" || code === "InvalidReference") return new StaleState(e);
    if (code !== "ItemNotFound") return e;
    const names = [...new Set(edits.map((x) => x.sheet))];
    const missing = names.length ? await this.missingSheets(names) : [];
    return missing.length ? new WorkbookError("sheet-missing", undefined, missing[0]) : new StaleState(e);
  }

  private async missingSheets(names: readonly string[]): Promise<string[]> {
    return this.run(async (context) => {
      const found = names.map((n) => context.workbook.worksheets.getItemOrNullObject(n));
      await context.sync();
      return names.filter((_, i) => found[i].isNullObject);
    });
  }

  private async ensureState(): Promise<State> {
    if (!this.state) this.state = await this.run((context) => this.loadState(context));
    return this.state;
  }

  /**
   * The sheet list and the settings, in one sync when `_chosahyo` is the last sheet (where both adapters put it):
   * its first rows are read speculatively with the list.
   */
  private async loadState(context: Excel.RequestContext): Promise<State> {
    const list = context.workbook.worksheets;
    list.load("items/name,items/visibility,items/protection/protected");
    const last = list.getLast();
    last.load("name");
    const head = last.getRange(`A1:B${SETTINGS_ROWS}`);
    head.load("values,valueTypes");
    await context.sync();
    const sheets = list.items.map((ws) => ({ name: ws.name, visibility: toVisibility(ws.visibility), protected: ws.protection.protected }));
    if (!sheets.some((s) => sameName(s.name, SETTINGS_SHEET))) return { sheets, settings: {} };
    const complete = head.values[SETTINGS_ROWS - 1][0] === "";
    if (sameName(last.name, SETTINGS_SHEET) && complete) return { sheets, settings: parseSettings(head.values, head.valueTypes) };
    const range = list.getItem(SETTINGS_SHEET).getRange("A:B").getUsedRangeOrNullObject(true);
    range.load("values,valueTypes");
    await context.sync();
    return { sheets, settings: range.isNullObject ? {} : parseSettings(range.values, range.valueTypes) };
  }
}

/** One sheet's grid from its pieces: trimmed to the cells holding values, like read.ts. */
function buildGrid(info: SheetState, data: SheetData, declared: { rows: number; cols: number }): SheetGrid {
  // Merge continuation cells read as empty, whatever the file kept under them.
  const hidden = new Set<number>();
  for (const m of data.merges) {
    for (let r = m.top; r <= Math.min(m.bottom, MAX_ROWS - 1); r++) {
      for (let c = m.left; c <= Math.min(m.right, MAX_COLS - 1); c++) if (r !== m.top || c !== m.left) hidden.add(r * MAX_COLS + c);
    }
  }
  const cells: { r: number; c: number; v: CellValue; fmt?: string }[] = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const p of data.pieces) {
    p.values.forEach((row, i) => {
      const r = p.top + i;
      row.forEach((raw, j) => {
        const c = p.left + j;
        if (hidden.has(r * MAX_COLS + c)) return;
        const format = p.formats[i][j];
        const v = toCellValue(raw, p.types[i][j], format);
        if (v === null || v === "") return;
        const fmt = typeof v === "number" && format && format !== "General" ? format : undefined;
        cells.push({ r, c, v, fmt });
        if (r < top) top = r;
        if (c < left) left = c;
        if (r > bottom) bottom = r;
        if (c > right) right = c;
      });
    });
  }
  const merges = data.merges;
  if (cells.length === 0) return { name: info.name, visibility: info.visibility, top: 0, left: 0, rows: [], merges };
  const rows: CellValue[][] = [];
  for (let r = top; r <= bottom; r++) rows.push(new Array<CellValue>(right - left + 1).fill(null));
  const numberFormats = new Map<string, string>();
  for (const { r, c, v, fmt } of cells) {
    rows[r - top][c - left] = v;
    if (fmt) numberFormats.set(`${r},${c}`, fmt);
  }
  const trimmed =
    declared.rows > bottom + 1 + 50 || declared.cols > right + 1 + 10 || declared.rows > MAX_ROWS || declared.cols > MAX_COLS;
  return {
    name: info.name,
    visibility: info.visibility,
    top,
    left,
    rows,
    merges,
    numberFormats: numberFormats.size ? numberFormats : undefined,
    trimmed: trimmed ? { rows: declared.rows, cols: declared.cols } : undefined,
    protected: info.protected,
  };
}
