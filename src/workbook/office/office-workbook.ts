/**
 * The Excel JavaScript API adapter of the workbook port, for the task pane. Same semantics as the ExcelJS adapter
 * (owned sheets, the veryHidden `_chosahyo` settings sheet, the 変更履歴 log, refused stale edits), so a workbook
 * written by either one is understood by the other.
 *
 * Round trips: readAll 2 + 1 per chunk of values under the 5 MB response limit (3 for a 調査票 workbook of 1…500
 * sheets; two more when a sheet has over 512 merged areas: a refused count, and the bands' areas), applyEdits 2 (a
 * look, then the write: a formula cell must be known before anything is written; 3 when the user changes a target in
 * between), writeOwnedSheets 3 for any number of sheets (+1 per extra 4 MB of cells; +1 after a failure, to say exactly
 * what changed), writeOwnedSheet the same for one sheet, writeSettings 1, selectCell 1. The sheet list and the settings
 * are cached per instance (readAll fills the cache); without it the first call costs one sync more.
 */
import { CHANGE_LOG_HEADER, CHANGE_LOG_SHEET, changeLogRows, type LoggedEdit } from "../../core/changelog";
import { type CellRange, parseRangeA1 } from "../../core/model/address";
import { cellText } from "../../core/model/cell";
import { gridFromCells, MAX_COLS, MAX_ROWS, type SheetGrid, type SheetVisibility, type FilledCell, type WorkbookSnapshot } from "../../core/model/grid";
import { type SheetSpec, text } from "../../core/sheet-spec";
import { OWNED_KEY, type OwnedPlan, type OwnedSheet, ownedValue, parseOwned, planOwned, SETTINGS_SHEET, sameSheetName } from "../owned";
import {
  type AppliedEdits,
  isWorkbookError,
  type OmittedFeature,
  OwnedSheetsInterrupted,
  type OwnedSheetsProgress,
  type ReadOptions,
  type SelectOptions,
  WorkbookError,
  type WorkbookPort,
  type WriteSheetResult,
  type WriteSheetsOptions,
} from "../port";
import { freeSheetName } from "../sheet-names";
import { freeTableName } from "../table-names";
import { jsonBytes, jsonStringLength, parseAddress, toCellValue, toVisibility } from "./cells";
import { CONFLICT, officeErrorCode, PAYLOAD_TOO_LARGE, toWorkbookError } from "./errors";
import { type Piece, ReadPlanner, RESPONSE_BUDGET, type SheetBlock } from "./read-plan";
import {
  layoutBytes,
  digitPixels,
  hasCosmetics,
  prepareSpec,
  queueClearSheet,
  queueCosmetics,
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
import { asTyped } from "./typed-text";

/** The same names the ExcelJS adapter uses (owned.ts), so the two read each other's workbooks. */
export { SETTINGS_SHEET } from "../owned";
/** Settings rows read speculatively with the sheet list; more than this costs one more sync. */
const SETTINGS_ROWS = 100;
/** Rows of a worksheet. */
const SHEET_ROWS = 1048576;
/**
 * The progress mark of writeOwnedSheets, beside the settings (which are A:B): D1 is 0 after (b), 2k+1 once the k-th
 * sheet is started, 2k+2 once it is finished; D2 the id of the write it belongs to.
 */
const PROGRESS_CELLS = "D1:D2";

/** A chunk refused with GeneralException is taken to be too large when its response was estimated over this. */
const SUSPECT_RESPONSE_BYTES = 256 * 1024;

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
  /** The wait before trying again after a co-authoring Conflict (doubled each time). */
  readonly conflictDelayMs?: number;
  /**
   * On hosts whose change events do not say who made the change (before ExcelApi 1.14): how long after the add-in's
   * own requests a change is taken to be theirs.
   */
  readonly quietMs?: number;
}

/** Tries after a co-authoring Conflict before giving up with "conflict". */
const CONFLICT_TRIES = 3;
/** Excel on the web's answer to a request over its 5 MB limit. */
const REQUEST_TOO_LARGE = "RequestPayloadSizeLimitExceeded";
/** Times a write starts again with smaller requests, and the least request budget it goes down to. */
const SHRINK_TRIES = 6;
const MIN_REQUEST_BUDGET = 16 * 1024;

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
  /**
   * Some sheet's merged areas were read band by band: Excel refused to count more than 512, or counted none on a sheet
   * big enough to hold that many (which may mean it would not count them).
   */
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
  /** ブックの保護 (structure): no sheet can be added. */
  readonly structureProtected: boolean;
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

function hiddenSheet(sheet: string, visibility: SheetVisibility): WorkbookError {
  return new WorkbookError(visibility === "veryHidden" ? "sheet-very-hidden" : "sheet-hidden", undefined, sheet);
}

function logRows(edits: readonly LoggedEdit[], at: Date): string[][] {
  return changeLogRows(edits, at).map((r) => r.map((v) => (v.t === "text" ? v.v : "")));
}

/** What one target cell held when it was looked at. */
interface CellSeen {
  readonly value: unknown;
  readonly type: string;
  readonly format: string;
  readonly formula: unknown;
}

function seenOf(range: Excel.Range): CellSeen {
  return { value: range.values[0][0], type: range.valueTypes[0][0], format: range.numberFormat[0][0], formula: range.formulas[0][0] };
}

/** A formula, not a constant: `formulas` then differs from the value (a quote-prefixed `=abc` reads the same in both). */
function holdsFormula(c: CellSeen): boolean {
  return typeof c.formula === "string" && c.formula.startsWith("=") && c.formula !== c.value;
}

function seenText(c: CellSeen): string {
  return cellText(toCellValue(c.value, c.type, c.format));
}

/** The same value, type and formula (a format changed alone is not the user's new content). */
function sameContent(a: CellSeen, b: CellSeen): boolean {
  return a.value === b.value && a.type === b.type && a.formula === b.formula;
}

function holdsAfter(c: CellSeen, after: string | number): boolean {
  return typeof after === "number" ? c.type === "Double" && c.value === after : c.type === "String" && c.value === after;
}

/**
 * Puts back what a cell held: its format, then a formula as a formula, text as text (`formulas` would read
 * `'0012` as `0012` and write back the number 12, office-js#6687), a number or boolean as itself.
 */
function restoreCell(range: Excel.Range, c: CellSeen): void {
  range.numberFormat = [[c.format]];
  if (holdsFormula(c)) range.formulas = [[c.formula as string]];
  else if (c.type === "String") range.values = [[asTyped(String(c.value), c.format)]];
  else range.values = [[c.type === "Empty" ? "" : (c.value as string | number | boolean)]];
}

/** The log rows at `row` (0-based), blank rows after them up to `span` rows. Log cells are General text. */
function writeLogRows(ws: Excel.Worksheet, row: number, rows: string[][], span: number): void {
  const all = [...rows, ...Array.from({ length: span - rows.length }, () => CHANGE_LOG_HEADER.map(() => ""))];
  if (all.length === 0) return;
  const range = ws.getRangeByIndexes(row, 0, all.length, CHANGE_LOG_HEADER.length);
  range.numberFormat = all.map((r) => r.map(() => "General"));
  range.values = all.map((r) => r.map((v) => asTyped(v)));
}

/** What the check sync of a fix found. */
interface FixCheck {
  readonly cells: readonly CellSeen[];
  readonly structureProtected: boolean;
  readonly protectedSheet: string | undefined;
  /** The first row (0-based) below the owned log's last used row. */
  readonly logRow: number;
  /** The owned log's A1 holds its header. */
  readonly logHeader: boolean;
}

/** Where the log rows of a fix go. */
interface LogPlace {
  readonly sheet: string;
  readonly row: number;
  readonly header: boolean;
  /** The sheet is added by this fix. */
  readonly created?: boolean;
}

interface InterruptedFix {
  readonly todo: readonly { readonly edit: LoggedEdit; readonly seen: CellSeen }[];
  readonly log: LogPlace;
  readonly owned: Record<string, string>;
  readonly at: Date;
}

export class OfficeWorkbook implements WorkbookPort {
  private state: State | undefined;
  private readonly requirements: RequirementCheck;
  /** Lowered for the rest of the instance's life when Excel refuses a response or a request as too large. */
  private responseBudget: number;
  private requestBudget: number;
  /** What the last request of a write was estimated at (its steps' bytes), to shrink below it when refused. */
  private lastRequestBytes = 0;
  /** The widest digit of the Normal font, in pixels, once read (column widths count in it). */
  private digitPx: number | undefined;
  private readonly conflictDelayMs: number;
  private stats: ReadStats | undefined;
  /** Excel.run, counted: while one runs, and for `quietMs` after, a change without a trigger source is ours. */
  private readonly run: ExcelRun;
  private running = 0;
  private quietUntil = 0;
  private readonly quietMs: number;

  constructor(run: ExcelRun, options: OfficeWorkbookOptions = {}) {
    this.requirements = checkRequirements(options.isSetSupported ?? (() => true));
    this.responseBudget = options.responseBudget ?? RESPONSE_BUDGET;
    this.requestBudget = options.requestBudget ?? REQUEST_BUDGET;
    this.conflictDelayMs = options.conflictDelayMs ?? 400;
    this.quietMs = options.quietMs ?? 1500;
    this.run = async (batch) => {
      this.running++;
      try {
        return await run(batch);
      } finally {
        this.running--;
        this.quietUntil = Date.now() + this.quietMs;
      }
    };
  }

  /**
   * Calls `onChange` when the user changes a cell from now on (WorksheetCollection.onChanged, ExcelApi 1.9): the
   * pane then says its findings may be out of date, which covers undoing a fix too. The add-in's own writes are not
   * reported: Excel names them (triggerSource, ExcelApi 1.14), or on older hosts they are the changes made while the
   * adapter runs a request and shortly after. Returns how to stop, or undefined where the host has no such event.
   */
  async watchChanges(onChange: () => void): Promise<(() => void) | undefined> {
    if (!this.requirements.supports("changeEvents")) return undefined;
    let watching = true;
    await this.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async (args) => {
        if (!watching || args.triggerSource === "ThisLocalAddin") return;
        if (args.triggerSource === undefined && (this.running > 0 || Date.now() < this.quietUntil)) return;
        onChange();
      });
      await context.sync();
    });
    return () => {
      watching = false;
    };
  }

  /**
   * Runs an operation that may run again whole (it reads, or writes what it wrote before): a co-authoring Conflict
   * is tried again after a short wait, up to CONFLICT_TRIES times.
   */
  private async retrying<T>(op: () => Promise<T>): Promise<T> {
    let conflicts = 0;
    let shrinks = 0;
    for (;;) {
      try {
        return await op();
      } catch (e) {
        const code = officeErrorCode(e) ?? (e instanceof OwnedSheetsInterrupted ? e.detail : undefined);
        if (code === CONFLICT && ++conflicts < CONFLICT_TRIES) {
          this.state = undefined;
          await new Promise((resolve) => setTimeout(resolve, this.conflictDelayMs * 2 ** (conflicts - 1)));
          continue;
        }
        // Excel on the web refused a request over 5 MB whole, before any of it ran: smaller requests, and again.
        if (code === REQUEST_TOO_LARGE && ++shrinks <= SHRINK_TRIES && this.lastRequestBytes > MIN_REQUEST_BUDGET) {
          this.requestBudget = Math.max(MIN_REQUEST_BUDGET, Math.floor(Math.min(this.requestBudget, this.lastRequestBytes) / 2));
          this.state = undefined;
          continue;
        }
        throw e;
      }
    }
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
      return await this.retrying(() => {
        listed.length = 0;
        return this.run((context) => this.readAllIn(context, options, listed));
      });
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
    const structure = context.workbook.protection.load("protected");
    const styles = this.loadStyles(context);
    await context.sync();
    this.noteNormalFont(styles);
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
    this.state = { sheets: all.map((s) => s.info), settings, structureProtected: structure.protected };

    const blocks: SheetBlock[] = [];
    let bandedAny = false;
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
      // A null count means no merged areas, or (the reference leaves it open) more than 512 that Excel would not
      // count: on a sheet big enough to hold that many, it is unknown, and the sheet is read band by band.
      const unknown = p.merged?.isNullObject === true && Math.min(f.rows, MAX_ROWS) * Math.min(f.cols, MAX_COLS) > 2 * MERGE_LIMIT;
      if (p.merged && !p.merged.isNullObject) {
        plan = { kind: "counted", areas: p.merged };
        mergeBytes = p.merged.areaCount * perArea;
      } else if ((banded || unknown) && f.rows > 0) {
        bandedAny = true;
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
    this.stats = { ...stats, mergedAreas, mergesBanded: bandedAny };
    const sheets = probes.map((p, i) => buildGrid(p.info, sink[i], declared[i]));
    return {
      sheets,
      skippedSheets: [],
      settings: Object.keys(settings).length ? settings : undefined,
      ...(mergedAreas ? {} : { limitations: { mergedAreas: false as const } }),
    };
  }

  /** One chunk, one sync. A chunk Excel refuses as too large goes back to the planner, to be cut smaller. */
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
      // Older Excel on the web says only GeneralException for a response over its limit: a large chunk is taken to
      // be refused for its size.
      const code = officeErrorCode(e);
      const estimate = chunk.reduce((n, p) => n + read.planner.estimate(p), 0);
      const tooLarge = code === PAYLOAD_TOO_LARGE || (code === "GeneralException" && estimate > SUSPECT_RESPONSE_BYTES);
      // Read again in smaller chunks; the rest of this read, and later reads, keep the smaller budget.
      if (!tooLarge || !read.planner.putBack(chunk)) throw e;
      read.stats.retries++;
      this.responseBudget = Math.min(this.responseBudget, read.planner.budget);
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
    if (edits.length === 0) return { applied: [], refused: [], formulas: [] };
    try {
      return await this.withState((state) => this.applyOnce(edits, at, state));
    } catch (e) {
      if (officeErrorCode(e) === "AccessDenied") throw await this.denied(edits);
      throw toWorkbookError(e);
    }
  }

  /**
   * Two syncs (three when the user changes a target cell in the moment between them):
   * - the check: each target cell (value, type, format, formula), each sheet's protection, the workbook's protection
   *   when a sheet must be added, the log's next row. Nothing is written; a protected sheet or workbook, or a cell
   *   that holds a formula or no longer holds `before`, is known here.
   * - the write: the log first (a new 変更履歴 complete, then owned), then each cell, loaded just before it is written
   *   (the load returns what the write replaced). A number keeps the cell's format (a "@" cell becomes General, or
   *   the number would turn back into text); text keeps it too, with an apostrophe where Excel would parse it.
   * Excel's batches are not transactions: when the write stops part way, `recover` reads back what changed, puts the
   * log in step with it (or removes a 変更履歴 added for nothing) and says which cells changed.
   */
  private async applyOnce(edits: readonly LoggedEdit[], at: Date, state: State): Promise<AppliedEdits> {
    const logSheet = ownership(state).find((o) => o.base === CHANGE_LOG_SHEET)?.sheet;
    for (const name of [...edits.map((e) => e.sheet), ...(logSheet ? [logSheet] : [])]) {
      if (findSheet(state, name)?.protected) throw new WorkbookError("protected-sheet", undefined, name);
    }
    const addsSheets = !logSheet || !findSheet(state, SETTINGS_SHEET);
    let check: FixCheck;
    try {
      check = await this.run((context) => this.checkFixes(context, edits, logSheet, addsSheets));
    } catch (e) {
      const out = toWorkbookError(await this.staleOrMissing(e, edits));
      // Nothing was written yet: a failure without a known cause is told as such.
      throw out instanceof StaleState || isWorkbookError(out) ? out : new WorkbookError("write-interrupted", officeErrorCode(e), undefined, []);
    }
    if (check.structureProtected) throw new WorkbookError("protected-workbook");
    if (check.protectedSheet) throw new WorkbookError("protected-sheet", undefined, check.protectedSheet);
    // A cell whose value changed since the check is refused whatever it holds; one still showing `before` through a
    // formula is the formula's to fix.
    const refused = edits.filter((e, i) => seenText(check.cells[i]) !== e.before);
    const formulas = edits.filter((e, i) => !refused.includes(e) && holdsFormula(check.cells[i]));
    const todo = edits.map((e, i) => ({ edit: e, seen: check.cells[i] })).filter(({ edit }) => !formulas.includes(edit) && !refused.includes(edit));
    if (todo.length === 0) return { applied: [], refused, formulas };

    const log: LogPlace = logSheet
      ? { sheet: logSheet, row: check.logRow, header: check.logHeader }
      : { sheet: freeSheetName(CHANGE_LOG_SHEET, state.sheets.map((s) => s.name)), row: 1, header: false, created: true };
    const rows = logRows(
      todo.map((t) => t.edit),
      at,
    );
    const owned = { ...state.settings, [OWNED_KEY]: ownedValue([...ownership(state), ...(log.created ? [{ sheet: log.sheet, base: CHANGE_LOG_SHEET }] : [])]) };
    let now: CellSeen[];
    try {
      now = await this.run(async (context) => {
        const sheets = context.workbook.worksheets;
        this.queueLogRows(sheets, state, log, rows, owned);
        // Loaded before they are written, in the same request: the loads return what the writes replaced.
        const loads = todo.map(({ edit }) => sheets.getItem(edit.sheet).getRange(edit.cell).load("values,valueTypes,numberFormat,formulas"));
        todo.forEach(({ edit, seen }, i) => {
          if (typeof edit.after === "number" && seen.format === "@") loads[i].numberFormat = [["General"]];
          loads[i].values = [[typeof edit.after === "number" ? edit.after : asTyped(edit.after, seen.format)]];
        });
        await context.sync();
        return loads.map(seenOf);
      });
    } catch (e) {
      if (officeErrorCode(e) === "InvalidOperationInCellEditMode") throw e; // Excel refused the whole request
      throw await this.recover(e, state, { todo, log, owned, at });
    }
    if (log.created) this.noteWritten(state, log.sheet, owned);

    // Cells the user changed in the moment between the check and the write: put back as they were, and unlogged.
    const raced = todo.filter((t, i) => !sameContent(t.seen, now[i]));
    const applied = todo.filter((t) => !raced.includes(t)).map((t) => t.edit);
    if (raced.length) {
      try {
        await this.run(async (context) => {
          const sheets = context.workbook.worksheets;
          for (const t of raced) restoreCell(sheets.getItem(t.edit.sheet).getRange(t.edit.cell), now[todo.indexOf(t)]);
          writeLogRows(sheets.getItem(log.sheet), log.row, logRows(applied, at), rows.length);
          await context.sync();
        });
      } catch (e) {
        throw await this.recover(e, state, { todo, log: { ...log, created: false }, owned, at });
      }
    }
    return { applied, refused: [...refused, ...raced.map((t) => t.edit)].sort((a, b) => edits.indexOf(a) - edits.indexOf(b)), formulas };
  }

  /** The check sync of applyOnce: loads only. */
  private async checkFixes(context: Excel.RequestContext, edits: readonly LoggedEdit[], logSheet: string | undefined, addsSheets: boolean): Promise<FixCheck> {
    const sheets = context.workbook.worksheets;
    const names = [...new Set([...edits.map((e) => e.sheet), ...(logSheet ? [logSheet] : [])])];
    const protections = names.map((n) => sheets.getItem(n).protection.load("protected"));
    const cells = edits.map((e) => sheets.getItem(e.sheet).getRange(e.cell).load("values,valueTypes,numberFormat,formulas"));
    const workbook = addsSheets ? context.workbook.protection.load("protected") : undefined;
    const logWs = logSheet ? sheets.getItem(logSheet) : undefined;
    const last = logWs?.getUsedRange(true).getLastRow().load("rowIndex");
    const header = logWs?.getRange("A1").load("values");
    await context.sync();
    const blocked = names.findIndex((_, i) => protections[i].protected);
    return {
      cells: cells.map(seenOf),
      structureProtected: workbook?.protected ?? false,
      protectedSheet: blocked >= 0 ? names[blocked] : undefined,
      logRow: last ? last.rowIndex + 1 : 1,
      logHeader: header?.values[0][0] === CHANGE_LOG_HEADER[0],
    };
  }

  /**
   * Queues the log rows at `log.row`. A new 変更履歴 is added complete (header, layout, rows) before it is recorded as
   * owned, so ownership never names a sheet that is not there; an owned one that lost its header gets it back.
   */
  private queueLogRows(sheets: Excel.WorksheetCollection, state: State, log: LogPlace, rows: string[][], owned: Record<string, string>): void {
    const ws = log.created ? this.queueNewSheet(sheets, state, log.sheet) : sheets.getItem(log.sheet);
    if (!log.header) {
      const spec = changeLogSpec(log.sheet);
      for (const block of valueBlocks(spec, this.requestBudget)) queueValueBlock(ws, block);
      queueLayout(ws, spec, { validations: false });
    }
    writeLogRows(ws, log.row, rows, rows.length);
    if (log.created) {
      const settingsWs = findSheet(state, SETTINGS_SHEET) ? sheets.getItem(SETTINGS_SHEET) : undefined;
      this.queueSettings(sheets, settingsWs, owned);
    }
  }

  /**
   * After a write stopped part way: reads back each target cell and the log, then puts the log in step with the
   * cells (rows for the changed cells only; a 変更履歴 added in this write is deleted again when no cell changed) and
   * a format set for nothing back. Returns the error to throw: write-interrupted naming exactly the changed cells, or
   * write-unconfirmed naming every cell that may have changed when nothing could be read back.
   */
  private async recover(cause: unknown, state: State, w: InterruptedFix): Promise<WorkbookError> {
    const place = (t: { edit: LoggedEdit }) => `${t.edit.sheet}!${t.edit.cell}`;
    this.state = undefined;
    try {
      return await this.run(async (context) => {
        const sheets = context.workbook.worksheets;
        const cells = w.todo.map((t) => sheets.getItem(t.edit.sheet).getRange(t.edit.cell).load("values,valueTypes,numberFormat,formulas"));
        const logWs = sheets.getItemOrNullObject(w.log.sheet);
        await context.sync();
        const now = cells.map(seenOf);
        const changed = w.todo.filter((t, i) => !sameContent(t.seen, now[i]) && holdsAfter(now[i], t.edit.after));
        w.todo.forEach((t, i) => {
          if (!changed.includes(t) && sameContent(t.seen, now[i]) && now[i].format !== t.seen.format) cells[i].numberFormat = [[t.seen.format]];
        });
        if (!logWs.isNullObject) {
          if (w.log.created && changed.length === 0) {
            logWs.delete();
            const settingsWs = sheets.getItemOrNullObject(SETTINGS_SHEET);
            await context.sync();
            if (!settingsWs.isNullObject) this.queueSettings(sheets, settingsWs, state.settings);
          } else {
            const rows = logRows(
              changed.map((t) => t.edit),
              w.at,
            );
            writeLogRows(logWs, w.log.row, rows, w.todo.length);
          }
        }
        await context.sync();
        return new WorkbookError("write-interrupted", officeErrorCode(cause), undefined, changed.map(place));
      });
    } catch {
      return new WorkbookError("write-unconfirmed", officeErrorCode(cause), undefined, w.todo.map(place));
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

  async writeOwnedSheet(spec: SheetSpec): Promise<WriteSheetResult> {
    return (await this.writeOwnedSheets([spec]))[0];
  }

  /**
   * Every spec in a constant number of syncs, whatever the number of sheets, in an order that never leaves a sheet
   * half-written without saying so (Excel's batches are not transactions: when an action fails, the ones before it
   * stay done):
   * - (a) the sheet list and the settings (ownership): 0 syncs when cached, else 1 (2 when `_chosahyo` is not last);
   * - (b) prepare: the sheets to rewrite are referenced (a stale cache fails here, before any change), the tables and
   *   defined names of the workbook and the tables and charts of the sheets to rewrite are loaded; the new sheets are
   *   added, empty, at their places, recorded as owned in `_chosahyo`, and the progress mark there is reset. A user
   *   sees only new empty sheets, and a failure deletes them again.
   * - (c) content, one request per 4 MB: the new sheets first, complete, then each sheet generated before, rewritten in
   *   place: its tables and charts deleted, its cells cleared, then its values, styles, merges, widths, lists, tables
   *   and charts. The progress mark (`_chosahyo`!D1) says which sheet was started and which finished, so a failure
   *   is told exactly: the finished sheets are as they should be, one rewritten sheet at most is half-written, a new
   *   sheet left unfinished is deleted, every other sheet is as it was (OwnedSheetsInterrupted).
   * - (d) cosmetics: frozen panes, tab colours and print setup, in a batch of their own (when a spec has any). Their
   *   failure loses no content; the results then say "cosmetic" was left out.
   * Without tables and without a sheet to rewrite, (b) has nothing to read and goes with the first request of (c).
   *
   * Why in place: deleting a sheet and adding its successor turns every formula, name and chart that refers to it
   * into #REF! (a user's =評価集計!B5). Why not build a copy and copy it over: Range.copyFrom needs ExcelApi 1.9 and
   * carries neither tables, charts, widths nor frozen panes, so the swap would still be many actions that can fail
   * half-way. Instead all the content is prepared before the first destructive action, the new sheets are finished
   * before an existing one is touched, and each rewritten sheet is cleared and written in consecutive actions of one
   * request (when it fits in one), with the mark telling how far it got.
   *
   * The sample's summary sheets (~2,600 cells) take 3 syncs after readAll and 4 on a fresh instance; each further
   * 4 MB of values costs one more. A plain new sheet takes 1, rewriting it 2 (its old tables and charts are looked up).
   */
  async writeOwnedSheets(specs: readonly SheetSpec[], options: WriteSheetsOptions = {}): Promise<WriteSheetResult[]> {
    if (specs.length === 0) return [];
    try {
      return await this.retrying(() => this.withState((state) => this.writeAll(specs, state, options)));
    } catch (e) {
      const out = toWorkbookError(e, specs.length === 1 ? specs[0].name : undefined);
      // ブックの保護 set since the cache was filled: Excel refused the new sheet, and nothing changed.
      if (officeErrorCode(e) === "AccessDenied" && (await this.structureProtectedNow())) throw new WorkbookError("protected-workbook");
      throw out;
    }
  }

  private async writeAll(specs: readonly SheetSpec[], state: State, options: WriteSheetsOptions): Promise<WriteSheetResult[]> {
    const plan = planOwned(
      specs.map((s) => s.name),
      ownership(state),
      state.sheets.map((s) => s.name),
    );
    if (state.structureProtected && (plan.targets.some((t) => !t.previous) || !findSheet(state, SETTINGS_SHEET))) throw new WorkbookError("protected-workbook");
    for (const t of plan.targets) {
      if (t.previous && findSheet(state, t.previous.sheet)?.protected) throw new WorkbookError("protected-sheet", undefined, t.previous.sheet);
    }
    const render: RenderOptions = { validations: this.requirements.supports("dataValidation"), print: this.requirements.supports("printSetup") };
    const jobs: SheetJob[] = specs.map((spec, i) => {
      const prepared = prepareSpec({ ...spec, name: plan.targets[i].name }, render);
      return { ...prepared, blocks: valueBlocks(prepared.spec, this.requestBudget), rewrite: !!plan.targets[i].previous };
    });
    // New sheets first: they are complete before a sheet that exists is touched.
    const order = [...jobs.keys()].sort((a, b) => Number(jobs[a].rewrite) - Number(jobs[b].rewrite));
    const settings = { ...state.settings, [OWNED_KEY]: ownedValue(plan.owned) };
    const track: WriteTrack = { prepared: false, done: 0, mark: 0, runId: 1 + Math.floor(Math.random() * 1e9) };
    let cosmeticsFailed = false;
    try {
      await this.run(async (context) => {
        const prepared = this.prepareSheets(context, state, plan, settings, jobs, track.runId);
        // With nothing to read first, (b) goes with the first request of (c).
        if (prepared.loads) {
          await context.sync();
          track.prepared = true;
        }
        this.noteSheets(state, plan, settings);
        for (const steps of packSteps(order, jobs, this.requestBudget)) {
          await this.sendSteps(context, steps, { jobs, order, prepared, render }, track);
          options.onProgress?.(track.done, jobs.length);
        }
        if (!jobs.some((j) => hasCosmetics(j.spec, render))) return;
        jobs.forEach((j, i) => queueCosmetics(prepared.sheets[i], j.spec, render, j.rewrite));
        try {
          await context.sync();
        } catch {
          // The content is complete; only panes, tab colours and print setup are missing, and the results say so.
          cosmeticsFailed = true;
        }
      });
    } catch (e) {
      throw await this.interrupted(e, { state, plan, order, jobs, settings, track });
    }
    return plan.targets.map((t, i) => {
      const omitted = [...jobs[i].omitted, ...(cosmeticsFailed ? ["cosmetic" as const] : [])];
      return {
        name: t.name,
        ...(t.name !== t.base ? { requestedName: t.base } : {}),
        replaced: !!t.previous,
        ...(omitted.length ? { omitted } : {}),
      };
    });
  }

  /**
   * Queues (b). Loads come first, so a stale cache (a sheet renamed or deleted since) fails the batch before any
   * change. The new sheets are added, placed before `_chosahyo`, and only then recorded as owned: ownership never
   * names a sheet that is not there (a user's later sheet of that name would be taken for the add-in's). Last, the
   * progress mark is reset under this write's id: a mark under another id is not this write's.
   */
  private prepareSheets(
    context: Excel.RequestContext,
    state: State,
    plan: OwnedPlan,
    settings: Record<string, string>,
    jobs: readonly SheetJob[],
    runId: number,
  ): PreparedSheets {
    const sheets = context.workbook.worksheets;
    const kept = plan.targets.map((t) => (t.previous ? sheets.getItem(t.previous.sheet) : undefined));
    for (const ws of kept) ws?.load("name");
    const existingSettings = findSheet(state, SETTINGS_SHEET) ? sheets.getItem(SETTINGS_SHEET) : undefined;
    existingSettings?.load("name");
    const withTables = jobs.some((j) => j.spec.tables?.length);
    const tables = withTables ? context.workbook.tables.load("items/name") : undefined;
    const names = withTables ? context.workbook.names.load("items/name") : undefined;
    const oldTables = kept.map((ws) => ws?.tables.load("items/name"));
    const oldCharts = kept.map((ws) => ws?.charts.load("items/name"));
    const loads = withTables || kept.some((ws) => ws);
    const order = sheetOrder(state, plan);
    const added = plan.targets.map((t) => (t.previous ? undefined : sheets.add(t.name)));
    plan.targets
      .map((t, i) => ({ i, at: order.findIndex((n) => sameName(n, t.name)) }))
      .filter(({ i }) => added[i])
      .sort((x, y) => x.at - y.at)
      .forEach(({ i, at }) => (added[i]!.position = at));
    const settingsWs = this.queueSettings(sheets, existingSettings, settings);
    settingsWs.getRange(PROGRESS_CELLS).values = [[0], [runId]];
    // What the loads gave, once they are synced: the table names taken, and each rewritten sheet's own.
    let known: { taken: Set<string>; own: Set<string>[] } | undefined;
    const loaded = () =>
      (known ??= {
        taken: new Set([...(tables?.items ?? []).map((t) => t.name), ...(names?.items ?? []).map((n) => n.name)].map((n) => n.toLowerCase())),
        own: oldTables.map((list) => new Set((list?.items ?? []).map((t) => t.name.toLowerCase()))),
      });
    return {
      loads,
      digitPx: () => this.digitPx ?? digitPixels(undefined),
      sheets: plan.targets.map((_, i) => (kept[i] ?? added[i])!),
      oldTables: (job) => oldTables[job]?.items ?? [],
      oldCharts: (job) => oldCharts[job]?.items ?? [],
      settingsWs,
      // A rewritten sheet may take back the names of its own old tables (they are deleted before its new ones are
      // added); every other name in the workbook is taken.
      nameTable: (job) => (wanted) => {
        const { taken, own } = loaded();
        const free = freeTableName(wanted, [...taken].filter((n) => !own[job].has(n)));
        taken.add(free.toLowerCase());
        own[job].delete(free.toLowerCase());
        return free;
      },
    };
  }

  /**
   * One request of (c): for each step, a rewritten sheet's clearing (marked as started first), a block of values,
   * and with a sheet's last block its layout, tables and charts (marked as finished after them). One sync.
   */
  private async sendSteps(context: Excel.RequestContext, steps: readonly ContentStep[], w: StepContext, track: WriteTrack): Promise<void> {
    this.lastRequestBytes = steps.reduce((n, step) => n + stepBytes(w.jobs[step.job], step), 0);
    let marked = track.mark;
    const mark = (v: number) => {
      w.prepared.settingsWs.getRange(PROGRESS_CELLS).getCell(0, 0).values = [[v]];
      marked = v;
    };
    let finished = 0;
    for (const step of steps) {
      const job = w.jobs[step.job];
      const ws = w.prepared.sheets[step.job];
      const at = w.order.indexOf(step.job);
      if (step.first && job.rewrite) {
        mark(2 * at + 1);
        queueClearSheet(ws, w.prepared.oldTables(step.job), w.prepared.oldCharts(step.job), w.render);
      }
      const block = job.blocks[step.block];
      if (block) queueValueBlock(ws, block);
      if (step.last) {
        queueLayout(ws, job.spec, { ...w.render, digitPx: w.prepared.digitPx() }, false);
        queueObjects(ws, job.spec, w.prepared.nameTable(step.job));
        mark(2 * at + 2);
        finished++;
      }
    }
    await context.sync();
    track.prepared = true;
    track.done += finished;
    track.mark = marked;
  }

  /**
   * What a failed write left, told exactly. One more look reads the progress mark (when it carries this write's id,
   * (b) ran to its end), and the new sheets left unfinished are deleted again with their ownership. The error names
   * the finished sheets and the one half-written; every other sheet is as it was. When the write changed nothing, the
   * error stands as it is, and a stale cache is cured by a fresh look.
   */
  private async interrupted(e: unknown, w: FailedWrite): Promise<unknown> {
    this.state = undefined;
    const reason = toWorkbookError(e);
    const worded = isWorkbookError(reason) ? reason : undefined;
    const detail = officeErrorCode(e) ?? (e instanceof Error ? e.message : String(e));
    const names = w.order.map((i) => w.plan.targets[i].name);
    const isNew = w.order.map((i) => !w.jobs[i].rewrite);
    const { track } = w;
    // The mark: 2k+1 once the k-th sheet (in `order`) is started, 2k+2 once it is finished.
    const progressAt = (mark: number, unfinished: readonly string[]): OwnedSheetsProgress => {
      const done = Math.floor(mark / 2);
      const half = mark % 2 === 1 && !unfinished.includes(names[done]) ? [names[done]] : [];
      return { written: names.slice(0, done), partial: [...half, ...unfinished], unconfirmed: false };
    };
    // Excel refuses every request in cell-edit mode, whole: nothing of the failed one ran, and no look can run either.
    if (officeErrorCode(e) === "InvalidOperationInCellEditMode") {
      if (!track.prepared) return reason;
      const unfinished = names.filter((_, k) => isNew[k] && k >= Math.floor(track.mark / 2));
      return new OwnedSheetsInterrupted(progressAt(track.mark, unfinished), worded, detail);
    }
    let look: { mark: number; ours: string[]; prepared: boolean };
    try {
      look = await this.run(async (context) => {
        const sheets = context.workbook.worksheets;
        const found = names.map((n) => sheets.getItemOrNullObject(n));
        const settingsWs = sheets.getItemOrNullObject(SETTINGS_SHEET);
        await context.sync();
        const cells = settingsWs.isNullObject ? undefined : settingsWs.getRange(PROGRESS_CELLS);
        cells?.load("values");
        const used = found.map((ws, k) => (isNew[k] && !ws.isNullObject ? ws.getUsedRangeOrNullObject() : undefined));
        for (const u of used) u?.load("address");
        await context.sync();
        const prepared = track.prepared || cells?.values[1][0] === track.runId;
        const read = prepared && typeof cells?.values[0][0] === "number" ? cells.values[0][0] : 0;
        const mark = Math.max(track.mark, read);
        // Before (b) ended, a new sheet that is there now was added by this write (its name was free a moment ago)
        // only if it is empty; after, every one of them was.
        const ours = names.filter((_, k) => isNew[k] && k >= Math.floor(mark / 2) && !found[k].isNullObject && (prepared || used[k]!.isNullObject));
        return { mark, ours, prepared };
      });
    } catch {
      // Not even a look: name every sheet the failed request may have changed.
      const done = Math.floor(track.mark / 2);
      const maybe = names.filter((_, k) => (track.prepared ? k >= done : isNew[k]));
      return new OwnedSheetsInterrupted({ written: names.slice(0, done), partial: maybe, unconfirmed: true }, worded, detail);
    }
    const left = look.ours.length ? await this.removeSheets(look.ours, w.settings).then(() => [], () => look.ours) : [];
    const progress = progressAt(look.mark, left);
    if (!look.prepared && progress.partial.length === 0 && worded) return await this.staleOrMissing(e, []);
    return new OwnedSheetsInterrupted(progress, worded, detail);
  }

  /** Deletes sheets this write added and could not finish, and takes them out of the ownership written with them. */
  private async removeSheets(gone: readonly string[], settings: Record<string, string>): Promise<void> {
    await this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const found = gone.map((n) => sheets.getItemOrNullObject(n));
      const settingsWs = sheets.getItemOrNullObject(SETTINGS_SHEET);
      await context.sync();
      for (const ws of found) if (!ws.isNullObject) ws.delete();
      const owned = parseOwned(settings, () => true).filter((o) => !gone.some((n) => sameName(n, o.sheet)));
      if (!settingsWs.isNullObject) this.queueSettings(sheets, settingsWs, { ...settings, [OWNED_KEY]: ownedValue(owned) });
      await context.sync();
    });
  }

  /** The cache after (b): the new sheets in their places, `_chosahyo` (created last when missing), the settings. */
  private noteSheets(state: State, plan: OwnedPlan, settings: Record<string, string>): void {
    const known = new Map(state.sheets.map((s) => [s.name.toLowerCase(), s]));
    const list = sheetOrder(state, plan).map((name) => known.get(name.toLowerCase()) ?? { name, visibility: "visible" as const, protected: false });
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

  /**
   * One sync. Excel refuses to activate a hidden sheet, with a code it does not document: a sheet the cache knows
   * to be hidden is refused here without asking, and after any other refusal a fresh look tells whether the sheet was
   * hidden since. With `reveal` the sheet is shown first, in the same batch.
   */
  async selectCell(sheet: string, address: string, options: SelectOptions = {}): Promise<void> {
    if (!parseRangeA1(address)) return;
    const known = this.state ? findSheet(this.state, sheet) : undefined;
    if (known && known.visibility !== "visible" && !options.reveal) throw hiddenSheet(known.name, known.visibility);
    try {
      await this.retrying(() =>
        this.run(async (context) => {
          const ws = context.workbook.worksheets.getItem(sheet);
          if (options.reveal) ws.visibility = "Visible";
          ws.activate();
          ws.getRange(address).select();
          await context.sync();
        }),
      );
    } catch (e) {
      if (options.reveal || officeErrorCode(e) === "ItemNotFound") throw toWorkbookError(e, sheet);
      const now = await this.visibilityOf(sheet).catch(() => undefined);
      if (!now || now === "visible") throw toWorkbookError(e, sheet);
      this.state = undefined;
      throw hiddenSheet(sheet, now);
    }
    if (this.state && known && known.visibility !== "visible") {
      this.state.sheets.splice(this.state.sheets.indexOf(known), 1, { ...known, visibility: "visible" });
    }
  }

  private async visibilityOf(sheet: string): Promise<SheetVisibility | undefined> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
      ws.load("visibility");
      await context.sync();
      return ws.isNullObject ? undefined : toVisibility(ws.visibility);
    });
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
        if (!findSheet(state, SETTINGS_SHEET) && state.structureProtected) throw new WorkbookError("protected-workbook");
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
          if (!findSheet(state, SETTINGS_SHEET) && officeErrorCode(e) === "AccessDenied" && (await this.structureProtectedNow())) {
            throw new WorkbookError("protected-workbook");
          }
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

  /**
   * Rewrites `_chosahyo` (A: key, B: value, as text), creating it veryHidden and last when missing. The new rows go
   * over the old ones before the rows below them are cleared, so a batch cut short never leaves the settings empty.
   */
  private queueSettings(sheets: Excel.WorksheetCollection, existing: Excel.Worksheet | undefined, settings: Record<string, string>): Excel.Worksheet {
    const ws = existing ?? sheets.add(SETTINGS_SHEET);
    if (!existing) ws.visibility = "VeryHidden";
    const entries = Object.entries(settings);
    if (entries.length) writeText(ws.getRangeByIndexes(0, 0, entries.length, 2), entries.map(([k, v]) => [k, v]));
    if (existing) ws.getRange(`A${entries.length + 1}:B${SHEET_ROWS}`).clear("Contents");
    return ws;
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

  /** A fresh look at ブックの保護 (false when even that fails). */
  private async structureProtectedNow(): Promise<boolean> {
    try {
      return await this.run(async (context) => {
        const p = context.workbook.protection.load("protected");
        await context.sync();
        return p.protected;
      });
    } catch {
      return false;
    }
  }

  private async missingSheets(names: readonly string[]): Promise<string[]> {
    return this.run(async (context) => {
      const found = names.map((n) => context.workbook.worksheets.getItemOrNullObject(n));
      await context.sync();
      return names.filter((_, i) => found[i].isNullObject);
    });
  }

  private async ensureState(): Promise<State> {
    if (!this.state) this.state = await this.retrying(() => this.run((context) => this.loadState(context)));
    return this.state;
  }

  /**
   * Column widths count in the digits of the workbook's Normal font (ExcelApi 1.7): its styles are read with the sheet
   * list, once per instance (a few kilobytes).
   */
  private loadStyles(context: Excel.RequestContext): Excel.StyleCollection | undefined {
    return this.digitPx === undefined ? context.workbook.styles.load("items/name,items/builtIn,items/font/name,items/font/size") : undefined;
  }

  /** The Normal style (its name as the API lists it, else the first built-in style), and the widest digit of its font. */
  private noteNormalFont(styles: Excel.StyleCollection | undefined): void {
    if (!styles) return;
    const normal = styles.items.find((x) => /^(normal|標準)$/i.test(x.name)) ?? styles.items.find((x) => x.builtIn);
    this.digitPx = digitPixels(normal ? { name: normal.font.name, size: normal.font.size } : undefined);
  }

  /**
   * The sheet list and the settings, in one sync when `_chosahyo` is the last sheet (where both adapters put it):
   * its first rows are read speculatively with the list.
   */
  private async loadState(context: Excel.RequestContext): Promise<State> {
    const list = context.workbook.worksheets;
    list.load("items/name,items/visibility,items/protection/protected");
    const structure = context.workbook.protection.load("protected");
    const last = list.getLast();
    last.load("name");
    const head = last.getRange(`A1:B${SETTINGS_ROWS}`);
    head.load("values,valueTypes");
    const styles = this.loadStyles(context);
    await context.sync();
    this.noteNormalFont(styles);
    const sheets = list.items.map((ws) => ({ name: ws.name, visibility: toVisibility(ws.visibility), protected: ws.protection.protected }));
    const structureProtected = structure.protected;
    if (!sheets.some((s) => sameName(s.name, SETTINGS_SHEET))) return { sheets, settings: {}, structureProtected };
    const complete = head.values[SETTINGS_ROWS - 1][0] === "";
    if (sameName(last.name, SETTINGS_SHEET) && complete) return { sheets, settings: parseSettings(head.values, head.valueTypes), structureProtected };
    const range = list.getItem(SETTINGS_SHEET).getRange("A:B").getUsedRangeOrNullObject(true);
    range.load("values,valueTypes");
    await context.sync();
    return { sheets, settings: range.isNullObject ? {} : parseSettings(range.values, range.valueTypes), structureProtected };
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

/** One sheet to write: the spec as rendered, what the host cannot draw of it, its cell values in blocks. */
interface SheetJob {
  readonly spec: SheetSpec;
  readonly omitted: readonly OmittedFeature[];
  readonly blocks: readonly ValueBlock[];
  /** An owned sheet generated before, rewritten in place (else a new sheet). */
  readonly rewrite: boolean;
}

/** What (b) leaves for (c) and (d). */
interface PreparedSheets {
  /** (b) reads something that (c) needs: it is a request of its own. */
  readonly loads: boolean;
  /** The worksheet of each target, in the order of the plan. */
  readonly sheets: readonly Excel.Worksheet[];
  readonly oldTables: (job: number) => readonly Excel.Table[];
  readonly oldCharts: (job: number) => readonly Excel.Chart[];
  readonly settingsWs: Excel.Worksheet;
  readonly nameTable: (job: number) => TableNamer;
  /** The widest digit of the workbook's Normal font (an unknown font counts as Japanese). */
  readonly digitPx: () => number;
}

/** One step of (c): a block of one sheet's values; its first step clears a rewritten sheet, its last adds the rest. */
interface ContentStep {
  readonly job: number;
  readonly block: number;
  readonly first: boolean;
  readonly last: boolean;
}

interface StepContext {
  readonly jobs: readonly SheetJob[];
  readonly order: readonly number[];
  readonly prepared: PreparedSheets;
  readonly render: RenderOptions;
}

/** How far a write got, as of its last sync that went through. */
interface WriteTrack {
  /** (b) went through. */
  prepared: boolean;
  /** Sheets finished. */
  done: number;
  /** The progress mark as written by the last sync that went through. */
  mark: number;
  /** This write's id, beside the mark. */
  readonly runId: number;
}

interface FailedWrite {
  readonly state: State;
  readonly plan: OwnedPlan;
  readonly order: readonly number[];
  readonly jobs: readonly SheetJob[];
  readonly settings: Record<string, string>;
  readonly track: WriteTrack;
}

/** Bytes of clearing a sheet: a handful of actions without payload. */
const CLEAR_BYTES = 8 * 150;

/**
 * The steps of (c) into requests of at most `budget` bytes, sheet after sheet in `order`: a sheet's layout, tables
 * and charts count with its last block, its clearing with its first. Always at least one request.
 */
function packSteps(order: readonly number[], jobs: readonly SheetJob[], budget: number): ContentStep[][] {
  const batches: ContentStep[][] = [[]];
  let used = 0;
  for (const job of order) {
    const n = Math.max(1, jobs[job].blocks.length);
    for (let block = 0; block < n; block++) {
      const step = { job, block, first: block === 0, last: block === n - 1 };
      const bytes = stepBytes(jobs[job], step);
      if (used > 0 && used + bytes > budget) {
        batches.push([]);
        used = 0;
      }
      batches[batches.length - 1].push(step);
      used += bytes;
    }
  }
  return batches;
}

/** Request bytes of a step, estimated high: its block of values, the sheet's clearing with its first, layout with its last. */
function stepBytes(job: SheetJob, step: ContentStep): number {
  return (job.blocks[step.block]?.bytes ?? 0) + (step.last ? layoutBytes(job.spec) : 0) + (step.first && job.rewrite ? CLEAR_BYTES : 0);
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
