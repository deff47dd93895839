/** The state and helpers shared by the Office adapter's units (see office-workbook.ts for the round trips). */
import type { LoggedEdit } from "../../core/changelog";
import type { ReadReturned } from "../collect-run";
import { cellText } from "../../core/model/cell";
import type { SheetVisibility } from "../../core/model/grid";
import { mayContinue, type OwnedSheet, parseOwned, SETTINGS_SHEET, sameSheetName, settingsFromRows, settingsRows } from "../owned";
import { OwnedSheetsInterrupted, WorkbookError } from "../port";
import { queueDateSystem, toCellValue, toVisibility } from "./cells";
import { CONFLICT, officeErrorCode } from "./errors";
import { RESPONSE_BUDGET } from "./read-plan";
import type { ReadStats } from "./read-workbook";
import { digitPixels, REQUEST_BUDGET } from "./render";
import type { OfficeDocumentLike } from "./file-bytes";
import { checkRequirements, type IsSetSupported, type RequirementCheck, safe } from "./requirements";

/** Settings rows read speculatively with the sheet list; more than this costs one more sync. */
const SETTINGS_ROWS = 100;

/** Rows of a worksheet. */
const SHEET_ROWS = 1048576;
const SHEET_COLS = 16384;

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
  /** `Office.context.document` (its file API gives fileBytes); the global when not given. */
  readonly officeDocument?: OfficeDocumentLike;
  /** `Excel.createWorkbook` (ExcelApi 1.8); the global when not given. */
  readonly createWorkbook?: (base64: string) => Promise<void>;
  /** Opens and checks a returned .xlsx for 回収 (the .xlsx adapter's reader, passed in by the pane); without it no collectInto. */
  readonly readReturned?: ReadReturned<unknown>;
}

/** Tries after a co-authoring Conflict before giving up with "conflict". */
const CONFLICT_TRIES = 3;

/** Excel on the web's answer to a request over its 5 MB limit. */
const REQUEST_TOO_LARGE = "RequestPayloadSizeLimitExceeded";

/** Times a write starts again with smaller requests, and the least request budget it goes down to. */
const SHRINK_TRIES = 6;

const MIN_REQUEST_BUDGET = 16 * 1024;

export interface SheetState {
  readonly name: string;
  readonly visibility: SheetVisibility;
  readonly protected: boolean;
}

/** What an instance caches between calls: the sheets in tab order (settings sheet included) and the settings. */
export interface State {
  readonly sheets: SheetState[];
  settings: Record<string, string>;
  /** ブックの保護 (structure): no sheet can be added. */
  readonly structureProtected: boolean;
  /** The workbook counts its serial days from 1904 (cells.ts queueDateSystem): dates are read and written so. */
  readonly date1904: boolean;
}

/** A failure that a fresh look at the workbook may cure (a sheet renamed or deleted since it was cached). */
export class StaleState extends Error {
  constructor(readonly original: unknown) {
    super("stale workbook state");
  }
}

export const sameName = sameSheetName;

export function findSheet(state: State, name: string): SheetState | undefined {
  return state.sheets.find((s) => sameName(s.name, name));
}

/**
 * Queues the deletion of the sheet `name`. Excel refuses to delete a very hidden sheet (InvalidOperation), so one
 * the state lists as very hidden is made hidden first.
 */
export function queueDeleteSheet(sheets: Excel.WorksheetCollection, state: State, name: string): void {
  const ws = sheets.getItem(name);
  if (findSheet(state, name)?.visibility === "veryHidden") ws.visibility = "Hidden";
  ws.delete();
}

export function ownership(state: State): OwnedSheet[] {
  return parseOwned(state.settings, (name) => !!findSheet(state, name));
}

export function parseSettings(values: unknown[][], types: string[][]): Record<string, string> {
  return settingsFromRows(values.map((row, i) => row.map((v, j) => cellText(toCellValue(v ?? "", types[i]?.[j], undefined, false)))));
}

/** Text into a range: "@" first, so a value starting with = + - @ is never taken as a formula. */
function writeText(range: Excel.Range, rows: string[][]): void {
  range.numberFormat = rows.map((r) => r.map(() => "@"));
  range.values = rows;
}

/** How many of the workbook's styles are read to find the Normal style: about 100 KB of response. */
const STYLES_READ = 1000;

/**
 * What the three units of the adapter (read-workbook, write-owned, apply-edits) share for one OfficeWorkbook: the
 * counted Excel.run, the cached sheet list and settings, the request and response budgets, and the helpers that read
 * or write the settings sheet.
 */
export class OfficeSession {
  state: State | undefined;
  readonly requirements: RequirementCheck;
  /** Lowered for the rest of the instance's life when Excel refuses a response or a request as too large. */
  responseBudget: number;
  requestBudget: number;
  /** What the last request of a write was estimated at (its steps' bytes), to shrink below it when refused. */
  lastRequestBytes = 0;
  /** The widest digit of the Normal font, in pixels, once read (column widths count in it). */
  digitPx: number | undefined;
  private readonly conflictDelayMs: number;
  /** How the last readAll was chunked. */
  lastRead: ReadStats | undefined;
  /** Excel.run, counted: while one runs, and for `quietMs` after, a change without a trigger source is ours. */
  readonly run: ExcelRun;
  private running = 0;
  private quietUntil = 0;
  private readonly quietMs: number;
  /** Whether the host supports a requirement set (false where it cannot tell). */
  readonly supportsSet: (set: string, version: string) => boolean;
  /** The file API and Excel.createWorkbook, looked up when used: they exist only inside Office. */
  readonly officeDocument: () => OfficeDocumentLike | undefined;
  readonly createWorkbook: () => ((base64: string) => Promise<void>) | undefined;

  constructor(run: ExcelRun, options: OfficeWorkbookOptions = {}) {
    const isSetSupported = options.isSetSupported ?? (() => true);
    this.requirements = checkRequirements(isSetSupported);
    this.supportsSet = (set, version) => safe(isSetSupported, set, version);
    this.officeDocument = () => options.officeDocument ?? (typeof Office === "undefined" ? undefined : (Office.context?.document as unknown as OfficeDocumentLike | undefined));
    this.createWorkbook = () => options.createWorkbook ?? (typeof Excel === "undefined" ? undefined : Excel.createWorkbook);
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

  /** A request of the add-in's runs now, or ran within `quietMs`: a change without a trigger source is taken as its own. */
  busy(): boolean {
    return this.running > 0 || Date.now() < this.quietUntil;
  }

  /**
   * Runs an operation that may run again whole (it reads, or writes what it wrote before): a co-authoring Conflict
   * is tried again after a short wait, up to CONFLICT_TRIES times.
   */
  async retrying<T>(op: () => Promise<T>): Promise<T> {
    let conflicts = 0;
    let shrinks = 0;
    for (;;) {
      try {
        return await op();
      } catch (e) {
        const code = officeErrorCode(e) ?? (e instanceof OwnedSheetsInterrupted ? e.detail : undefined);
        if (code === CONFLICT && (await this.againAfterConflict(++conflicts))) continue;
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

  /**
   * After an operation's `conflicts`-th co-authoring Conflict: false once it has been tried CONFLICT_TRIES times;
   * else the cached state is dropped (the other person may have changed the sheets) and, after a wait that doubles
   * each time, true: try again.
   */
  async againAfterConflict(conflicts: number): Promise<boolean> {
    if (conflicts >= CONFLICT_TRIES) return false;
    this.state = undefined;
    await new Promise((resolve) => setTimeout(resolve, this.conflictDelayMs * 2 ** (conflicts - 1)));
    return true;
  }

  /** A new visible sheet, placed before the settings sheet so that one stays last. */
  queueNewSheet(sheets: Excel.WorksheetCollection, state: State, name: string): Excel.Worksheet {
    const ws = sheets.add(name);
    const settingsAt = state.sheets.findIndex((s) => sameName(s.name, SETTINGS_SHEET));
    if (settingsAt >= 0) ws.position = settingsAt;
    return ws;
  }

  /**
   * Rewrites `_chosahyo` (A: key, B: value, as text), creating it veryHidden and last when missing. The new rows go
   * over the old ones before the rows below them are cleared, so a batch cut short never leaves the settings empty.
   */
  queueSettings(sheets: Excel.WorksheetCollection, existing: Excel.Worksheet | undefined, settings: Record<string, string>): Excel.Worksheet {
    const ws = existing ?? sheets.add(SETTINGS_SHEET);
    if (!existing) ws.visibility = "VeryHidden";
    const rows = settingsRows(settings);
    const width = Math.max(2, ...rows.map((r) => r.length));
    if (rows.length) writeText(ws.getRangeByIndexes(0, 0, rows.length, width), rows.map((r) => [...r, ...Array<string>(width - r.length).fill("")]));
    if (existing) {
      // Rows and pieces of values written before, past the new ones.
      ws.getRange(`A${rows.length + 1}:XFD${SHEET_ROWS}`).clear("Contents");
      if (rows.length) ws.getRangeByIndexes(0, width, rows.length, SHEET_COLS - width).clear("Contents");
    }
    return ws;
  }

  /** Records a sheet this instance added (before the settings sheet) and the settings written with it. */
  noteWritten(state: State, name: string, settings: Record<string, string>): void {
    if (!findSheet(state, name)) {
      const at = state.sheets.findIndex((s) => sameName(s.name, SETTINGS_SHEET));
      state.sheets.splice(at >= 0 ? at : state.sheets.length, 0, { name, visibility: "visible", protected: false });
    }
    if (!findSheet(state, SETTINGS_SHEET)) state.sheets.push({ name: SETTINGS_SHEET, visibility: "veryHidden", protected: false });
    state.settings = settings;
  }

  /** Runs `op` on the cached state; if the cache turns out stale, once more on a fresh one. */
  async withState<T>(op: (state: State) => Promise<T>): Promise<T> {
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
  async staleOrMissing(e: unknown, edits: readonly Pick<LoggedEdit, "sheet">[]): Promise<unknown> {
    const code = officeErrorCode(e);
    if (code === "ItemAlreadyExists" || code === "InvalidReference") return new StaleState(e);
    if (code !== "ItemNotFound") return e;
    const names = [...new Set(edits.map((x) => x.sheet))];
    const missing = names.length ? await this.missingSheets(names) : [];
    return missing.length ? new WorkbookError("sheet-missing", undefined, missing[0]) : new StaleState(e);
  }

  /** A fresh look at ブックの保護 (false when even that fails). */
  async structureProtectedNow(): Promise<boolean> {
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

  async missingSheets(names: readonly string[]): Promise<string[]> {
    return this.run(async (context) => {
      const found = names.map((n) => context.workbook.worksheets.getItemOrNullObject(n));
      await context.sync();
      return names.filter((_, i) => found[i].isNullObject);
    });
  }

  async ensureState(): Promise<State> {
    if (!this.state) this.state = await this.retrying(() => this.run((context) => this.loadState(context)));
    return this.state;
  }

  /**
   * Column widths count in the digits of the workbook's Normal font (ExcelApi 1.7): its styles are read with the sheet
   * list, once per instance. Only the first STYLES_READ: a workbook copied between offices for years can hold tens
   * of thousands of custom styles, past the web's 5 MB response limit in one load; without Normal among them the
   * first built-in style's font stands in (the accent and heading styles use the same body font), and without one
   * of those a Japanese font's digit.
   */
  loadStyles(context: Excel.RequestContext): Excel.StyleCollection | undefined {
    return this.digitPx === undefined ? context.workbook.styles.load({ $top: STYLES_READ, name: true, builtIn: true, font: { name: true, size: true } }) : undefined;
  }

  /** The Normal style (its name as the API lists it, else the first built-in style), and the widest digit of its font. */
  noteNormalFont(styles: Excel.StyleCollection | undefined): void {
    if (!styles) return;
    const normal = styles.items.find((x) => /^(normal|標準)$/i.test(x.name)) ?? styles.items.find((x) => x.builtIn);
    this.digitPx = digitPixels(normal ? { name: normal.font.name, size: normal.font.size } : undefined);
  }

  /**
   * The sheet list and the settings, in one sync when `_chosahyo` is the last sheet (where both adapters put it):
   * its first rows are read speculatively with the list.
   */
  async loadState(context: Excel.RequestContext): Promise<State> {
    const list = context.workbook.worksheets;
    list.load("items/name,items/visibility,items/protection/protected");
    const structure = context.workbook.protection.load("protected");
    const last = list.getLast();
    last.load("name");
    const head = last.getRange(`A1:B${SETTINGS_ROWS}`);
    head.load("values,valueTypes");
    const styles = this.loadStyles(context);
    const date1904 = queueDateSystem(context);
    await context.sync();
    this.noteNormalFont(styles);
    const sheets = list.items.map((ws) => ({ name: ws.name, visibility: toVisibility(ws.visibility), protected: ws.protection.protected }));
    const book = { structureProtected: structure.protected, date1904: date1904() };
    if (!sheets.some((s) => sameName(s.name, SETTINGS_SHEET))) return { sheets, settings: {}, ...book };
    // All of it: no row past the first hundred, and no value going on past column B.
    const complete = head.values[SETTINGS_ROWS - 1][0] === "" && !head.values.some((row) => typeof row[1] === "string" && mayContinue(row[1]));
    if (sameName(last.name, SETTINGS_SHEET) && complete) return { sheets, settings: parseSettings(head.values, head.valueTypes), ...book };
    const range = list.getItem(SETTINGS_SHEET).getUsedRangeOrNullObject(true);
    range.load("values,valueTypes");
    await context.sync();
    return { sheets, settings: range.isNullObject ? {} : parseSettings(range.values, range.valueTypes), ...book };
  }
}
