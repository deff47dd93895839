/**
 * The Excel JavaScript API adapter of the workbook port, for the task pane. Same semantics as the ExcelJS adapter
 * (owned sheets, the veryHidden `_chosahyo` settings sheet, the 変更履歴 log, refused stale edits), so a workbook
 * written by either one is understood by the other.
 *
 * Round trips: readAll 2 + 1 per chunk of values under the 5 MB response limit (3 for a 調査票 workbook of 1…500
 * sheets; two more when a sheet has over 512 merged areas: a refused count, and the bands' areas), applyEdits 2 (a
 * look, then the write: a formula cell must be known before anything is written; 3 when the user changes a target in
 * between; after a co-authoring Conflict, the same again for the cells not yet written), writeOwnedSheets 3 for any number of sheets (+1 per extra 4 MB of cells; +1 after a failure, to say exactly
 * what changed), writeOwnedSheet the same for one sheet, writeSettings 1, selectCell 1. The sheet list and the settings
 * are cached per instance (readAll fills the cache); without it the first call costs one sync more.
 *
 * collectInto (回収, collect-into.ts): readAll's syncs, 1 for formulas, names and charts (3 more for the charts' data
 * sources when there are charts), 1 look, then 1 per file taken in.
 *
 * applyInputAids takes 2 (3 when a highlighted range already has preset conditional formats) for any number of
 * sheets, 1 more when it lifts protection without a password, 2 more per sheet with a password; fileBytes and
 * openAsNewWorkbook use Office's file API and Excel.createWorkbook, no sync.
 *
 * The work is done in units behind this class, sharing one OfficeSession (session.ts: the cache, the budgets, the
 * counted Excel.run): read-workbook.ts (readAll), write-owned.ts (writeOwnedSheets), apply-edits.ts (applyEdits),
 * input-aids.ts (applyInputAids), file-bytes.ts (fileBytes), new-workbook.ts (openAsNewWorkbook).
 */
import type { LoggedEdit } from "../../core/changelog";
import type { InputAidsOptions, InputAidsResult, SheetInputAids } from "../../core/input-aids/types";
import { parseRangeA1 } from "../../core/model/address";
import type { SheetVisibility } from "../../core/model/grid";
import { fitToCells, type SheetSpec } from "../../core/sheet-spec";
import { mergeSettings, SETTINGS_SHEET } from "../owned";
import {
  type AppliedEdits,
  type ReadOptions,
  type SelectOptions,
  WorkbookError,
  type WorkbookPort,
  type WriteSheetResult,
  type WriteSheetsOptions,
} from "../port";
import type { CollectIntoOptions, CollectOutcome, ReturnedFile } from "../collect-port";
import type { PreviousYearSetting } from "../../core/compare/settings";
import type { PreviousYearFile, PreviousYearRequest } from "../previous-year";
import { applyEdits } from "./apply-edits";
import { toVisibility } from "./cells";
import { officeErrorCode, toWorkbookError } from "./errors";
import { readFileBytes } from "./file-bytes";
import { applyInputAids } from "./input-aids";
import { openAsNewWorkbook } from "./new-workbook";
import { type OfficeSnapshot, readWorkbook, type ReadStats } from "./read-workbook";
import { type ExcelRun, findSheet, OfficeSession, type OfficeWorkbookOptions, ownership } from "./session";
import { writeOwnedSheets } from "./write-owned";

/** The same names the ExcelJS adapter uses (owned.ts), so the two read each other's workbooks. */
export { SETTINGS_SHEET } from "../owned";
export type { ExcelRun, OfficeWorkbookOptions } from "./session";

function hiddenSheet(sheet: string, visibility: SheetVisibility): WorkbookError {
  return new WorkbookError(visibility === "veryHidden" ? "sheet-very-hidden" : "sheet-hidden", undefined, sheet);
}

export class OfficeWorkbook implements WorkbookPort {
  private readonly session: OfficeSession;

  /** 回収 into this workbook (collect-into.ts), where the pane passed the returned files' reader. */
  readonly collectInto?: (files: readonly ReturnedFile[], options: CollectIntoOptions) => Promise<CollectOutcome>;

  constructor(run: ExcelRun, options: OfficeWorkbookOptions = {}) {
    this.session = new OfficeSession(run, options);
    const read = options.readReturned;
    // 回収 is fetched on first use: the pane's first load does not carry a tool used once a year.
    if (read) this.collectInto = async (files, o) => (await import(/* webpackChunkName: "cycle-office" */ "./collect-into")).collectInto(this.session, files, o, read);
  }

  /** Last year's sheets copied in as hidden 前年度_ sheets, and the setting naming them (previous-year.ts, fetched on first use). */
  async keepPreviousYear(file: PreviousYearFile, request: PreviousYearRequest): Promise<PreviousYearSetting> {
    return (await import(/* webpackChunkName: "cycle-office" */ "./previous-year")).keepPreviousYear(this.session, file, request);
  }

  async clearPreviousYear(): Promise<void> {
    return (await import(/* webpackChunkName: "cycle-office" */ "./previous-year")).clearPreviousYear(this.session);
  }

  async datesFrom1904(): Promise<boolean> {
    return (await this.session.ensureState()).date1904;
  }

  /**
   * Calls `onChange` when the user changes a cell from now on (WorksheetCollection.onChanged, ExcelApi 1.9): the
   * pane then says its findings may be out of date, which covers undoing a fix too. The add-in's own writes are not
   * reported: Excel names them (triggerSource, ExcelApi 1.14), or on older hosts they are the changes made while the
   * adapter runs a request and shortly after. Returns how to stop, or undefined where the host has no such event.
   */
  async watchChanges(onChange: () => void): Promise<(() => void) | undefined> {
    if (!this.session.requirements.supports("changeEvents")) return undefined;
    let watching = true;
    await this.session.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async (args) => {
        // A co-author's change may be to the settings sheet: the next write merges into settings read again, not
        // into the copy cached before it (which would drop what they wrote).
        if (args.source === "Remote") this.session.state = undefined;
        if (!watching || args.triggerSource === "ThisLocalAddin") return;
        if (args.triggerSource === undefined && this.session.busy()) return;
        onChange();
      });
      await context.sync();
    });
    return () => {
      watching = false;
    };
  }

  /** How the last readAll was chunked (for tests and diagnostics). */
  get lastRead(): ReadStats | undefined {
    return this.session.lastRead;
  }

  /** Forget the cached sheet list and settings, e.g. after the user renamed or deleted sheets. */
  invalidate(): void {
    this.session.state = undefined;
  }

  readAll(options?: ReadOptions): Promise<OfficeSnapshot> {
    return readWorkbook(this.session, options);
  }

  applyEdits(edits: readonly LoggedEdit[], at: Date = new Date()): Promise<AppliedEdits> {
    return applyEdits(this.session, edits, at);
  }

  /** Lists, input messages, highlights and protection on users' sheets, in a constant number of syncs (input-aids.ts). */
  applyInputAids(aids: readonly SheetInputAids[], at: Date = new Date(), options?: InputAidsOptions): Promise<InputAidsResult> {
    return applyInputAids(this.session, aids, at, options);
  }

  /** The workbook as .xlsx bytes, through Office's file API (file-bytes.ts). */
  fileBytes(): Promise<Uint8Array> {
    return readFileBytes(this.session.officeDocument());
  }

  /** Opens .xlsx bytes as a new workbook (Excel.createWorkbook, ExcelApi 1.8; new-workbook.ts). */
  openAsNewWorkbook(bytes: Uint8Array, suggestedName: string): Promise<void> {
    return openAsNewWorkbook(this.session, bytes, suggestedName);
  }

  async writeOwnedSheet(spec: SheetSpec): Promise<WriteSheetResult> {
    return (await this.writeOwnedSheets([spec]))[0];
  }

  /** Every spec in a constant number of syncs, never leaving a sheet half-written without saying so (write-owned.ts). */
  writeOwnedSheets(specs: readonly SheetSpec[], options: WriteSheetsOptions = {}): Promise<WriteSheetResult[]> {
    return writeOwnedSheets(this.session, specs.map(fitToCells), options);
  }

  async ownedSheets(): Promise<readonly string[]> {
    try {
      return ownership(await this.session.ensureState()).map((o) => o.sheet);
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
    const known = this.session.state ? findSheet(this.session.state, sheet) : undefined;
    if (known && known.visibility !== "visible" && !options.reveal) throw hiddenSheet(known.name, known.visibility);
    try {
      await this.session.retrying(() =>
        this.session.run(async (context) => {
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
      this.session.state = undefined;
      throw hiddenSheet(sheet, now);
    }
    if (this.session.state && known && known.visibility !== "visible") {
      this.session.state.sheets.splice(this.session.state.sheets.indexOf(known), 1, { ...known, visibility: "visible" });
    }
  }

  private async visibilityOf(sheet: string): Promise<SheetVisibility | undefined> {
    return this.session.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
      ws.load("visibility");
      await context.sync();
      return ws.isNullObject ? undefined : toVisibility(ws.visibility);
    });
  }

  async readSettings(): Promise<Readonly<Record<string, string>>> {
    try {
      return { ...(await this.session.ensureState()).settings };
    } catch (e) {
      throw toWorkbookError(e);
    }
  }

  async writeSettings(settings: Readonly<Record<string, string>>): Promise<void> {
    try {
      // The batch writes the merged settings whole, so after a co-authoring Conflict it can run again as it is.
      await this.session.retrying(() => this.writeSettingsOnce(settings));
    } catch (e) {
      throw toWorkbookError(e, SETTINGS_SHEET);
    }
  }

  private async writeSettingsOnce(settings: Readonly<Record<string, string>>): Promise<void> {
    await this.session.withState(async (state) => {
      if (!findSheet(state, SETTINGS_SHEET) && state.structureProtected) throw new WorkbookError("protected-workbook");
      const merged = mergeSettings(state.settings, settings);
      try {
        await this.session.run(async (context) => {
          const sheets = context.workbook.worksheets;
          const ws = findSheet(state, SETTINGS_SHEET) ? sheets.getItem(SETTINGS_SHEET) : undefined;
          ws?.load("name");
          this.session.queueSettings(sheets, ws, merged);
          await context.sync();
        });
      } catch (e) {
        if (!findSheet(state, SETTINGS_SHEET) && officeErrorCode(e) === "AccessDenied" && (await this.session.structureProtectedNow())) {
          throw new WorkbookError("protected-workbook");
        }
        throw await this.session.staleOrMissing(e, []);
      }
      if (!findSheet(state, SETTINGS_SHEET)) state.sheets.push({ name: SETTINGS_SHEET, visibility: "veryHidden", protected: false });
      state.settings = merged;
    });
  }
}
