/**
 * The 変更履歴 sheet as the Office adapter appends to it: where the next rows go (looked at in the batch that checks a
 * write), and the rows queued before what they record. Shared by fixes (apply-edits.ts) and input aids (input-aids.ts).
 */
import { CHANGE_LOG_HEADER, CHANGE_LOG_SHEET, changeLogRows, changeLogSpec, type LoggedEdit } from "../../core/changelog";
import { OWNED_KEY, ownedValue, SETTINGS_SHEET } from "../owned";
import { freeSheetName } from "../sheet-names";
import { digitPixels, queueLayout, queueValueBlock, valueBlocks } from "./render";
import { findSheet, type OfficeSession, ownership, type State } from "./session";
import { asTyped } from "./typed-text";

export function logRows(edits: readonly LoggedEdit[], at: Date): string[][] {
  return changeLogRows(edits, at).map((r) => r.map((v) => (v.t === "text" ? v.v : "")));
}

/** The log rows at `row` (0-based), blank rows after them up to `span` rows. Log cells are General text. */
export function writeLogRows(ws: Excel.Worksheet, row: number, rows: string[][], span: number): void {
  const all = [...rows, ...Array.from({ length: span - rows.length }, () => CHANGE_LOG_HEADER.map(() => ""))];
  if (all.length === 0) return;
  const range = ws.getRangeByIndexes(row, 0, all.length, CHANGE_LOG_HEADER.length);
  range.numberFormat = all.map((r) => r.map(() => "General"));
  range.values = all.map((r) => r.map((v) => asTyped(v)));
}

/** Where the log rows of a write go. */
export interface LogPlace {
  readonly sheet: string;
  readonly row: number;
  readonly header: boolean;
  /** The sheet is added by this write. */
  readonly created?: boolean;
}

/** What the check batch found about the log: read after its sync. */
export interface LogLook {
  readonly structureProtected: boolean;
  /** The first row (0-based) below the owned log's last used row. */
  readonly logRow: number;
  /** The owned log's A1 holds its header. */
  readonly logHeader: boolean;
}

/** The owned 変更履歴, if there is one. */
export function ownedLog(state: State): string | undefined {
  return ownership(state).find((o) => o.base === CHANGE_LOG_SHEET)?.sheet;
}

/** A write that adds 変更履歴 or the settings sheet must know about ブックの保護 first. */
export function addsSheets(state: State, logSheet: string | undefined): boolean {
  return !logSheet || !findSheet(state, SETTINGS_SHEET);
}

/**
 * Queues the loads that say where the log rows go (the log's last used row and A1) and, when the write adds a sheet,
 * whether the workbook's structure is protected. Returns how to read them after the sync.
 */
export function queueLogLook(context: Excel.RequestContext, logSheet: string | undefined, adds: boolean): () => LogLook {
  const workbook = adds ? context.workbook.protection.load("protected") : undefined;
  const logWs = logSheet ? context.workbook.worksheets.getItem(logSheet) : undefined;
  const last = logWs?.getUsedRange(true).getLastRow().load("rowIndex");
  const header = logWs?.getRange("A1").load("values");
  return () => ({
    structureProtected: workbook?.protected ?? false,
    logRow: last ? last.rowIndex + 1 : 1,
    logHeader: header?.values[0][0] === CHANGE_LOG_HEADER[0],
  });
}

/** The place for the rows: below the owned log, or a new 変更履歴 under a free name. */
export function logPlace(state: State, logSheet: string | undefined, look: LogLook): LogPlace {
  return logSheet
    ? { sheet: logSheet, row: look.logRow, header: look.logHeader }
    : { sheet: freeSheetName(CHANGE_LOG_SHEET, state.sheets.map((s) => s.name)), row: 1, header: false, created: true };
}

/** The settings with a new 変更履歴 recorded as owned. */
export function settingsWithLog(state: State, log: LogPlace): Record<string, string> {
  return { ...state.settings, [OWNED_KEY]: ownedValue([...ownership(state), ...(log.created ? [{ sheet: log.sheet, base: CHANGE_LOG_SHEET }] : [])]) };
}

/**
 * Queues the log rows at `log.row`. A new 変更履歴 is added complete (header, layout, rows) before it is recorded as
 * owned, so ownership never names a sheet that is not there; an owned one that lost its header gets it back.
 */
export function queueLogRows(session: OfficeSession, sheets: Excel.WorksheetCollection, state: State, log: LogPlace, rows: string[][], owned: Record<string, string>): void {
  const ws = log.created ? session.queueNewSheet(sheets, state, log.sheet) : sheets.getItem(log.sheet);
  if (!log.header) {
    const spec = changeLogSpec(log.sheet);
    for (const block of valueBlocks(spec, session.requestBudget)) queueValueBlock(ws, block);
    // Widths count in the Normal font's digits, as the summary sheets' do (read with the sheet list).
    queueLayout(ws, spec, { validations: false, digitPx: session.digitPx ?? digitPixels(undefined) });
  }
  writeLogRows(ws, log.row, rows, rows.length);
  if (log.created) {
    const settingsWs = findSheet(state, SETTINGS_SHEET) ? sheets.getItem(SETTINGS_SHEET) : undefined;
    session.queueSettings(sheets, settingsWs, owned);
  }
}
