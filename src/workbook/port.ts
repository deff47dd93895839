/**
 * The one port through which the core, the CLI and the task pane read and write a workbook.
 * Two adapters implement it: office/ (Excel JavaScript API) and xlsx/ (the package reader and writer of this project).
 */
import type { LoggedEdit } from "../core/changelog";
import type { InputAidsOptions, InputAidsResult, SheetInputAids } from "../core/input-aids/types";
import type { WorkbookSnapshot } from "../core/model/grid";
import type { SheetSpec } from "../core/sheet-spec";
import type { CollectIntoOptions, CollectOutcome, ReturnedFile } from "./collect-port";

export interface ReadProgress {
  readonly done: number;
  readonly total: number;
}

export interface ReadOptions {
  /** Called between batches; long reads report `12 / 58` sheets. */
  readonly onProgress?: (p: ReadProgress) => void;
  /** Checked between batches; a cancelled read rejects with WorkbookError("cancelled"). */
  readonly isCancelled?: () => boolean;
  /** Epoch ms: a read still going then stops with WorkbookError("timeout") (the CLI's per-file budget). */
  readonly deadline?: number;
}

export interface AppliedEdits {
  readonly applied: readonly LoggedEdit[];
  /** Edits whose cell had changed since the check: not applied. */
  readonly refused: readonly LoggedEdit[];
  /** Edits whose cell holds a formula (its result is `before`): never written, the formula or its inputs need the fix. */
  readonly formulas: readonly LoggedEdit[];
}

/** Parts of a sheet spec a renderer could not draw on this host (the rest of the sheet is there). */
export type OmittedFeature =
  | "chart" // the ExcelJS renderer cannot draw charts: the basis cell says so instead
  | "print" // page setup needs ExcelApi 1.9
  | "validations" // drop-down lists need ExcelApi 1.8
  | "table" // a legacy shared workbook holds no tables: the list has a filter instead
  | "cosmetic"; // frozen panes, tab colour and print setup failed after the content was written

export interface WriteSheetResult {
  /** The name the sheet got: the spec's name, or a free name when a user's sheet holds it. */
  readonly name: string;
  /** Set when the requested name belonged to a sheet the add-in does not own. */
  readonly requestedName?: string;
  readonly replaced: boolean;
  /** What the spec asked for that this host could not draw; absent when everything was drawn. */
  readonly omitted?: readonly OmittedFeature[];
}

export interface SelectOptions {
  /** Show the sheet first when it is hidden (the user asked to). */
  readonly reveal?: boolean;
}

export interface WriteSheetsOptions {
  /** Called as sheets are finished: `done` of `total` specs are completely written. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface WorkbookPort {
  /** Every worksheet's used values and merges, in as few round trips as the host allows. */
  readAll(options?: ReadOptions): Promise<WorkbookSnapshot>;
  /**
   * Writes cell edits (fixes) and records each applied one in the 変更履歴 sheet (created, and owned, when
   * missing). An edit whose cell no longer holds `before` is refused (or put back), so a fix never overwrites
   * what the user typed since the check; a cell holding a formula is never written. The cell keeps its number
   * format; text that Excel would take for a formula, number, date or boolean stays text. The log is written before
   * the cells: a write cut short leaves every changed cell logged and throws "write-interrupted" naming them.
   */
  applyEdits(edits: readonly LoggedEdit[], at?: Date): Promise<AppliedEdits>;
  /** Creates, or replaces, a sheet the add-in owns. A user's sheet of the same name is never touched. */
  writeOwnedSheet(spec: SheetSpec): Promise<WriteSheetResult>;
  /**
   * Creates, or replaces, several owned sheets with the same rules as writeOwnedSheet (the sheet generated for a name
   * before is replaced; a user's sheet holding the name is never touched, the new sheet takes a free `(2)` name).
   * Results are in the order of `specs`, whose names must be distinct. The Office adapter writes them all in a
   * constant number of round trips (office-workbook.ts).
   */
  writeOwnedSheets(specs: readonly SheetSpec[], options?: WriteSheetsOptions): Promise<WriteSheetResult[]>;
  /** Names of the sheets the add-in created (carrying its ownership mark). */
  ownedSheets(): Promise<readonly string[]>;
  /**
   * Activates the sheet and selects the cell or range. A hidden sheet cannot be activated: "sheet-hidden" or
   * "sheet-very-hidden" unless `reveal` asks to show the sheet first.
   */
  selectCell(sheet: string, address: string, options?: SelectOptions): Promise<void>;
  /**
   * Where the host can: calls `onChange` when the user changes the workbook from now on (not for the port's own
   * writes), and returns how to stop; undefined where it cannot tell.
   */
  watchChanges?(onChange: () => void): Promise<(() => void) | undefined>;
  /**
   * Sets input aids on users' sheets (drop-down lists and input messages, a highlight on empty required cells, and
   * optionally sheet protection with the input cells unlocked), and records what it set in 変更履歴. Never changes a
   * value. Replaces the validations and highlights the add-in set before on the same ranges.
   */
  applyInputAids?(aids: readonly SheetInputAids[], at?: Date, options?: InputAidsOptions): Promise<InputAidsResult>;
  /** The workbook as .xlsx bytes, as it is now (the pane's 年度更新 works on a copy; the input is never changed). */
  fileBytes?(): Promise<Uint8Array>;
  /** 回収 into this workbook: the plan of taking `files` in and, unless `dryRun`, its sheets replaced and 変更履歴 written. */
  collectInto?(files: readonly ReturnedFile[], options: CollectIntoOptions): Promise<CollectOutcome>;
  /**
   * Opens .xlsx bytes as a new workbook beside this one (Excel: Excel.createWorkbook, ExcelApi 1.8; older Excel
   * throws "unsupported-operation"). The demo downloads the bytes instead.
   */
  openAsNewWorkbook?(bytes: Uint8Array, suggestedName: string): Promise<void>;
  /** Settings stored in the workbook, so they travel with the file. */
  readSettings(): Promise<Readonly<Record<string, string>>>;
  /** Writes `settings` over the stored ones; a key given an empty value is removed. */
  writeSettings(settings: Readonly<Record<string, string>>): Promise<void>;
}

export type WorkbookErrorCode =
  | "empty-file"
  | "not-a-workbook" // csv, text, anything that is not a zip or OLE file
  | "legacy-xls"
  | "encrypted"
  | "corrupt" // truncated zip, no workbook part
  | "corrupt-part" // one part cannot be read: `detail` names it (xl/worksheets/sheet3.xml)
  | "too-large"
  | "too-complex" // a structural limit (part size, cells, merges) refused before the work: `detail` says which
  | "timeout" // the per-file budget ran out
  | "ods" // an OpenDocument spreadsheet
  | "xlsb" // an Excel binary workbook
  | "numbers" // an Apple Numbers document
  | "strict-ooxml" // saved as Strict Open XML: read and checked, never written into
  | "no-worksheets"
  | "protected-sheet"
  | "protected-workbook" // ブックの保護: the add-in's sheets cannot be added
  | "write-interrupted" // a write stopped part way: `changed` lists exactly what it changed
  | "write-unconfirmed" // a write stopped part way and what it changed could not be read back: `changed` may have
  | "cell-edit-mode"
  | "sheet-missing"
  | "conflict" // co-authoring: another person's change met this one, several times over
  | "unsupported-operation" // Excel cannot do this here, as in a shared workbook of the old kind
  | "invalid-operation" // Excel refused the change in the workbook's present state
  | "excel-busy" // Excel did not answer in time, or is busy
  | "file-unavailable" // Office's file API would not hand over the workbook (a network problem, or a read-only mode)
  | "payload-too-large" // Excel on the web's 5 MB limit, even for the smallest request or response the adapter makes
  | "sheet-hidden" // the sheet to select is hidden: selectCell with `reveal` shows it
  | "sheet-very-hidden" // the same, for a sheet hidden so that Excel's menu cannot show it again
  | "unsupported-host"
  | "sheets-interrupted" // writeOwnedSheets stopped part way: OwnedSheetsInterrupted says which sheets changed
  | "cancelled";

/** A failure a user can understand; `code` picks the catalogue message, `detail` is for logs only. */
export class WorkbookError extends Error {
  constructor(
    readonly code: WorkbookErrorCode,
    readonly detail?: string,
    readonly sheet?: string,
    /** What a write changed before it stopped: cells as `No.1!F8`, or sheet names. */
    readonly changed?: readonly string[],
  ) {
    super(`${code}${detail ? `: ${detail}` : ""}`);
    this.name = "WorkbookError";
  }
}

export function isWorkbookError(e: unknown): e is WorkbookError {
  return e instanceof WorkbookError || (typeof e === "object" && e !== null && (e as { name?: string }).name === "WorkbookError");
}

/** What an interrupted writeOwnedSheets left: the sheets it names, and no other, were changed. */
export interface OwnedSheetsProgress {
  /** Written completely, with their new content. */
  readonly written: readonly string[];
  /** Changed but not finished (a sheet cleared and partly rewritten, a new sheet that could not be removed again). */
  readonly partial: readonly string[];
  /** What was left could not be read back: `partial` names every sheet that may have changed. */
  readonly unconfirmed: boolean;
}

/**
 * writeOwnedSheets stopped part way. `reason` is the failure as the port words it, when it has a known cause;
 * `progress` says exactly which sheets changed. Running the write again completes them.
 */
export class OwnedSheetsInterrupted extends WorkbookError {
  constructor(
    readonly progress: OwnedSheetsProgress,
    readonly reason?: WorkbookError,
    detail?: string,
  ) {
    super("sheets-interrupted", detail);
  }
}
