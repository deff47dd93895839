/**
 * The Excel JavaScript API adapter of the workbook port, for the task pane. Same semantics as the ExcelJS adapter
 * (owned sheets, the veryHidden `_chosahyo` settings sheet, the 変更履歴 log, refused stale edits), so a workbook
 * written by either one is understood by the other.
 *
 * Round trips (bars.md): readAll 2 + 1 per chunk of values under the 5 MB response limit (3 for a 調査票 workbook of
 * 1…500 sheets; two more when a sheet has over 512 merged areas: a refused count, and the bands' areas), applyEdits 1 (2 when an edit is refused),
 * writeOwnedSheets 2 for any number of sheets with tables, 1 without (+1 per extra 4 MB of cells; all summary sheets
 * of a sample: 2), writeOwnedSheet the same for one sheet, writeSettings 1, selectCell 1. The sheet list and the
 * settings are cached per instance (readAll fills the cache); without it the first call costs one sync more.
 */
import { CHANGE_LOG_HEADER, CHANGE_LOG_SHEET, changeLogRows, type LoggedEdit } from "../../core/changelog";
import { type CellRange, parseRangeA1 } from "../../core/model/address";
import { cellText } from "../../core/model/cell";
import { gridFromCells, MAX_COLS, MAX_ROWS, type SheetGrid, type SheetVisibility, type FilledCell, type WorkbookSnapshot } from "../../core/model/grid";
import { type SheetSpec, text } from "../../core/sheet-spec";
import { OWNED_KEY, type OwnedPlan, type OwnedSheet, ownedValue, parseOwned, planOwned, SETTINGS_SHEET, sameSheetName } from "../owned";
import {
  type AppliedEdits,
  type OmittedFeature,
  type ReadOptions,
  WorkbookError,
  type WorkbookPort,
  type WriteSheetResult,
  type WriteSheetsOptions,
} from "../port";
import { freeSheetName } from "../sheet-names";
import { freeTableName } from "../table-names";
import { jsonBytes, jsonStringLength, parseAddress, toCellValue, toVisibility } from "./cells";
import { officeErrorCode, PAYLOAD_TOO_LARGE, toWorkbookError } from "./errors";
import { halve, type Piece, ReadPlanner, RESPONSE_BUDGET, type SheetBlock } from "./read-plan";
import {
  layoutBytes,
  prepareSpec,
  queueLayout,
  queueObjects,
  queueValueBlock,
  REQUEST_BUDGET,
  type RenderOptions,
  type TableNamer,
  type ValueBlock,
  valueBlocks,
} from "./render";
import { checkRequirements, type IsSetSupported, type RequirementCheck } from "./requirements";

/** The same names the ExcelJS adapter uses (owned.ts), so the two read each other's workbooks. */
export { SETTINGS_SHEET } from "../owned";
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

/** A band that holds merged areas: their addresses are read after the values (see readBandAreas). */
interface FoundBand {
  readonly sheet: number;
  readonly areas: Excel.RangeAreas;
  readonly bytes: number;
}

/** What the chunks of one readAll share. */
interface ReadState {
  readonly probes: readonly SheetProbe[];
  readonly plans: readonly MergePlan[];
  readonly sink: SheetData[];
  readonly planner: ReadPlanner;
  readonly stats: { chunks: number; retries: number; largestChunkBytes: number };
  readonly bands: FoundBand[];
}

const sameName = sameSheetName;

function findSheet(state: State, name: string): SheetState | undefined {
  return state.sheets.find((s) => sameName(s.name, name));
}

function ownership(state: State): OwnedSheet[] {
  return parseOwned(state.settings, (name) => !!findSheet(state, name));
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
    const read: ReadState = { probes, plans, sink, planner, stats, bands: [] };
    for (const b of blocks) sink[b.sheet].remaining++;
    for (let chunk = planner.next(); chunk; chunk = planner.next()) {
      cancelled();
      await this.readChunk(context, chunk, read);
      options?.onProgress?.({ done: sink.filter((s) => s.remaining === 0).length, total: probes.length });
    }
    cancelled();
    await this.readBandAreas(context, read.bands, read);
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
      // A band's count only: RangeAreas.address gives each merged area's top-left cell alone (office-js#1590), or a
      // cut string, and the areas of a band that holds none cannot be loaded. Their addresses come afterwards.
      const bands = (plan.kind === "banded" ? plan.bands : []).map((b) => {
        const areas = ws.getRangeByIndexes(b.top, 0, b.rows, b.cols).getMergedAreasOrNullObject();
        areas.load("areaCount");
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
        const perArea = jsonStringLength(read.probes[piece.block.sheet].info.name) + 3 + MERGE_ADDRESS_BYTES;
        for (const areas of bands) if (!areas.isNullObject) read.bands.push({ sheet: piece.block.sheet, areas, bytes: areas.areaCount * perArea });
        out.merges.push(...addresses.map(parseAddress).filter((m): m is CellRange => m !== null));
        mergeBytes += addresses.reduce((n, a) => n + jsonStringLength(a) + 16, 0);
      }
      if (piece.top + piece.rows >= piece.block.top + piece.block.rows) out.remaining--;
    }
    read.planner.observe(cells, bytes);
    read.stats.largestChunkBytes = Math.max(read.stats.largestChunkBytes, bytes + mergeBytes);
  }

  /**
   * The merged areas of the bands that hold some, through `areas.items` as the counted path reads them: one sync per
   * response budget's worth (one for any workbook but a huge one), halved when Excel refuses it as too large.
   */
  private async readBandAreas(context: Excel.RequestContext, bands: readonly FoundBand[], read: ReadState): Promise<void> {
    for (let i = 0; i < bands.length; ) {
      const batch: FoundBand[] = [];
      let bytes = 0;
      while (i < bands.length && (batch.length === 0 || bytes + bands[i].bytes <= this.responseBudget)) {
        bytes += bands[i].bytes;
        batch.push(bands[i++]);
      }
      await this.readBandBatch(context, batch, read);
    }
  }

  private async readBandBatch(context: Excel.RequestContext, batch: readonly FoundBand[], read: ReadState): Promise<void> {
    for (const b of batch) b.areas.areas.load("items/address");
    try {
      await context.sync();
    } catch (e) {
      if (officeErrorCode(e) !== PAYLOAD_TOO_LARGE || batch.length < 2) throw e;
      read.stats.retries++;
      const mid = Math.ceil(batch.length / 2);
      await this.readBandBatch(context, batch.slice(0, mid), read);
      await this.readBandBatch(context, batch.slice(mid), read);
      return;
    }
    let bytes = 0;
    for (const b of batch) {
      const addresses = b.areas.areas.items.map((a) => a.address);
      read.sink[b.sheet].merges.push(...addresses.map(parseAddress).filter((m): m is CellRange => m !== null));
      bytes += addresses.reduce((n, a) => n + jsonStringLength(a) + 16, 0);
    }
    read.stats.largestChunkBytes = Math.max(read.stats.largestChunkBytes, bytes);
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
    const next = { ...state.settings, [OWNED_KEY]: ownedValue([...owned, { sheet: name, base: CHANGE_LOG_SHEET }]) };
    this.queueSettings(sheets, settingsWs, next);
    return { sheet, range: target, created: () => this.noteWritten(state, name, next) };
  }

  async writeOwnedSheet(spec: SheetSpec): Promise<WriteSheetResult> {
    return (await this.writeOwnedSheets([spec]))[0];
  }

  /**
   * Every spec in a constant number of syncs, whatever the number of sheets:
   * - (a) the sheet list and the settings (ownership): 0 syncs when cached, else 1 (2 when `_chosahyo` is not last);
   * - (b) one batch that adds the new sheets (replaced ones under a temporary name), deletes the owned sheets they
   *   replace, gives the new ones their names and places, records them as owned in `_chosahyo`, and reads the names
   *   of the tables and defined names left in the workbook (a table of a deleted sheet no longer counts);
   * - (c) one batch with the values (text cells get "@" before their values), formulas, styles, merges, widths,
   *   heights, lists, freeze panes, print setup, hyperlinks, tables (under free names) and charts of all sheets.
   * Without tables, (b) and (c) are one batch. Ownership goes with (b) rather than with (c): should (c) fail, the
   * half-drawn sheets are still the add-in's, and the next run replaces them instead of moving to `(2)` names.
   *
   * Rule for large output: (c) carries the layout of every sheet and as many blocks of cell values as fit in the
   * request budget (4 MB, under Excel on the web's 5 MB request limit); each further 4 MB of values costs one more
   * sync (a sheet's tables and charts go with its last block). The sample's summary sheets (~2,600 cells) take
   * 2 syncs after readAll and 3 on a fresh instance.
   */
  async writeOwnedSheets(specs: readonly SheetSpec[], options: WriteSheetsOptions = {}): Promise<WriteSheetResult[]> {
    if (specs.length === 0) return [];
    try {
      return await this.withState((state) => this.writeAll(specs, state, options));
    } catch (e) {
      throw toWorkbookError(e, specs.length === 1 ? specs[0].name : undefined);
    }
  }

  private async writeAll(specs: readonly SheetSpec[], state: State, options: WriteSheetsOptions): Promise<WriteSheetResult[]> {
    const plan = planOwned(
      specs.map((s) => s.name),
      ownership(state),
      state.sheets.map((s) => s.name),
    );
    for (const t of plan.targets) {
      if (t.previous && findSheet(state, t.previous.sheet)?.protected) throw new WorkbookError("protected-sheet", undefined, t.previous.sheet);
    }
    const render: RenderOptions = { validations: this.requirements.supports("dataValidation"), print: this.requirements.supports("printSetup") };
    const jobs: SheetJob[] = specs.map((spec, i) => {
      const prepared = prepareSpec({ ...spec, name: plan.targets[i].name }, render);
      return { ...prepared, blocks: valueBlocks(prepared.spec, this.requestBudget) };
    });
    const batches = packBatches(jobs, this.requestBudget);
    const settings = { ...state.settings, [OWNED_KEY]: ownedValue(plan.owned) };
    const withTables = jobs.some((j) => j.spec.tables?.length);
    let committed = false;
    const commit = () => {
      if (committed) return;
      committed = true;
      this.noteSheets(state, plan, settings);
    };
    try {
      await this.run(async (context) => {
        // (b): the sheets and their ownership.
        const sheets = this.queueSheets(context.workbook.worksheets, state, plan, settings);
        let taken: Set<string> = new Set();
        if (withTables) {
          const tables = context.workbook.tables;
          tables.load("items/name");
          const names = context.workbook.names;
          names.load("items/name");
          await context.sync();
          commit();
          taken = new Set([...tables.items.map((t) => t.name), ...names.items.map((n) => n.name)].map((n) => n.toLowerCase()));
        }
        const nameTable = (wanted: string) => {
          const name = freeTableName(wanted, taken);
          taken.add(name.toLowerCase());
          return name;
        };
        // (c) and, only when the values pass the request budget, one more request per budget's worth.
        let done = 0;
        for (let b = 0; b < batches.length; b++) {
          const finished = jobs.map((_, i) => i).filter((i) => lastBatch(batches, i, jobs[i].blocks.length) === b);
          await this.sendContent(context, { refs: batches[b], first: b === 0, finished, jobs, sheets, render, nameTable });
          commit();
          done += finished.length;
          options.onProgress?.(done, jobs.length);
        }
      });
    } catch (e) {
      // Before anything was written, a stale cache is cured by a fresh look; after, the error is the answer.
      throw committed ? e : await this.staleOrMissing(e, []);
    }
    return plan.targets.map((t, i) => ({
      name: t.name,
      ...(t.name !== t.base ? { requestedName: t.base } : {}),
      replaced: !!t.previous,
      ...(jobs[i].omitted.length ? { omitted: jobs[i].omitted } : {}),
    }));
  }

  /**
   * One request of (c): its blocks of values; in the first, every sheet's layout and print setup; the tables and
   * charts of the sheets whose last block it carries. One sync.
   */
  private async sendContent(context: Excel.RequestContext, batch: ContentBatch): Promise<void> {
    const { jobs, sheets } = batch;
    for (const { job, block } of batch.refs) queueValueBlock(sheets[job], jobs[job].blocks[block]);
    if (batch.first) jobs.forEach((j, i) => queueLayout(sheets[i], j.spec, batch.render));
    for (const i of batch.finished) queueObjects(sheets[i], jobs[i].spec, batch.nameTable);
    await context.sync();
  }

  /**
   * Queues (b): existing sheets referenced first (a stale cache fails the batch there, before anything changed); the
   * new sheets added (a replacing one under a temporary name, so the workbook never runs out of visible sheets); the
   * replaced sheets deleted; the new ones renamed and placed (a replacing sheet where the old one was, a new one
   * before `_chosahyo`); and the ownership written. Returns the new worksheets, in the order of the plan.
   */
  private queueSheets(sheets: Excel.WorksheetCollection, state: State, plan: OwnedPlan, settings: Record<string, string>): Excel.Worksheet[] {
    const olds = plan.targets.map((t) => (t.previous ? sheets.getItem(t.previous.sheet) : undefined));
    for (const old of olds) old?.load("name");
    const settingsWs = findSheet(state, SETTINGS_SHEET) ? sheets.getItem(SETTINGS_SHEET) : undefined;
    settingsWs?.load("name");
    const names = [...state.sheets.map((s) => s.name), ...plan.targets.map((t) => t.name)];
    const added = plan.targets.map((t) => {
      if (!t.previous) return sheets.add(t.name);
      const tmp = freeSheetName("chosahyo-tmp", names);
      names.push(tmp);
      return sheets.add(tmp);
    });
    for (const old of olds) old?.delete();
    plan.targets.forEach((t, i) => {
      if (t.previous) added[i].name = t.name;
    });
    const order = sheetOrder(state, plan);
    plan.targets
      .map((t, i) => ({ i, at: order.findIndex((n) => sameName(n, t.name)) }))
      .sort((x, y) => x.at - y.at)
      .forEach(({ i, at }) => (added[i].position = at));
    this.queueSettings(sheets, settingsWs, settings);
    return added;
  }

  /** The cache after (b): the sheets in their new order, `_chosahyo` (created last when missing), the settings. */
  private noteSheets(state: State, plan: OwnedPlan, settings: Record<string, string>): void {
    const known = new Map(state.sheets.map((s) => [s.name.toLowerCase(), s]));
    const written = new Set(plan.targets.map((t) => t.name.toLowerCase()));
    const list = sheetOrder(state, plan).map((name) =>
      written.has(name.toLowerCase()) ? { name, visibility: "visible" as const, protected: false } : known.get(name.toLowerCase())!,
    );
    if (!findSheet(state, SETTINGS_SHEET)) list.push({ name: SETTINGS_SHEET, visibility: "veryHidden", protected: false });
    state.sheets.splice(0, state.sheets.length, ...list);
    state.settings = settings;
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

/**
 * The sheet names in tab order after a write: each replaced sheet's slot taken by its successor (same name, fresh
 * state), the new ones before `_chosahyo` (or last), in the order of the plan.
 */
function sheetOrder(state: State, plan: OwnedPlan): string[] {
  const order = state.sheets.map((s) => s.name);
  const fresh: string[] = [];
  for (const t of plan.targets) {
    if (t.previous) {
      const at = order.findIndex((n) => sameName(n, t.previous!.sheet));
      if (at >= 0) order[at] = t.name;
    } else fresh.push(t.name);
  }
  const settingsAt = order.findIndex((n) => sameName(n, SETTINGS_SHEET));
  order.splice(settingsAt >= 0 ? settingsAt : order.length, 0, ...fresh);
  return order;
}

interface BlockRef {
  readonly job: number;
  readonly block: number;
}

/** One sheet to write: the spec as rendered, what the host cannot draw of it, its cell values in blocks. */
interface SheetJob {
  readonly spec: SheetSpec;
  readonly omitted: readonly OmittedFeature[];
  readonly blocks: readonly ValueBlock[];
}

interface ContentBatch {
  readonly refs: readonly BlockRef[];
  readonly first: boolean;
  /** Sheets whose last block is in this batch. */
  readonly finished: readonly number[];
  readonly jobs: readonly SheetJob[];
  readonly sheets: readonly Excel.Worksheet[];
  readonly render: RenderOptions;
  readonly nameTable: TableNamer;
}

/**
 * Value blocks into requests, in order: the first request carries every sheet's layout (estimated by layoutBytes)
 * and as many blocks as fit in the budget; each request after it as many as fit. Always at least one request.
 */
function packBatches(jobs: readonly SheetJob[], budget: number): BlockRef[][] {
  const batches: BlockRef[][] = [[]];
  let used = jobs.reduce((n, j) => n + layoutBytes(j.spec), 0);
  jobs.forEach((j, job) =>
    j.blocks.forEach((b, block) => {
      if (used > 0 && used + b.bytes > budget) {
        batches.push([]);
        used = 0;
      }
      batches[batches.length - 1].push({ job, block });
      used += b.bytes;
    }),
  );
  return batches;
}

/** The request that writes a sheet's last block (its tables and charts go there); the first for a sheet without cells. */
function lastBatch(batches: readonly BlockRef[][], job: number, blocks: number): number {
  if (blocks === 0) return 0;
  return batches.findIndex((batch) => batch.some((r) => r.job === job && r.block === blocks - 1));
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
  const cells: FilledCell[] = [];
  for (const p of data.pieces) {
    p.values.forEach((row, i) => {
      const r = p.top + i;
      row.forEach((raw, j) => {
        const c = p.left + j;
        if (hidden.has(r * MAX_COLS + c)) return;
        const format = p.formats[i][j];
        const v = toCellValue(raw, p.types[i][j], format);
        if (v === null || v === "") return;
        cells.push({ r, c, v, fmt: typeof v === "number" && format && format !== "General" ? format : undefined });
      });
    });
  }
  return gridFromCells(info, cells, data.merges, declared);
}
