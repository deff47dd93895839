/**
 * applyEdits of the Office adapter: a fix's cells checked, then written with their 変更履歴 rows, and what a write cut
 * short left put in step with the log.
 */
import type { LoggedEdit } from "../../core/changelog";
import { cellText } from "../../core/model/cell";
import { SETTINGS_SHEET } from "../owned";
import { type AppliedEdits, isWorkbookError, WorkbookError } from "../port";
import { queueSpilled, toCellValue } from "./cells";
import { addsSheets, type LogLook, type LogPlace, logPlace, logRows, ownedLog, queueLogLook, queueLogRows, settingsWithLog, writeLogRows } from "./change-log";
import { CONFLICT, officeErrorCode, toWorkbookError } from "./errors";
import { findSheet, type OfficeSession, StaleState, type State } from "./session";
import { SPILL_PARENT } from "./requirements";
import { asTyped } from "./typed-text";

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

/** The cell's text as the check read it (a date in the workbook's date system), to compare with the finding's `before`. */
function seenText(c: CellSeen, date1904: boolean): string {
  return cellText(toCellValue(c.value, c.type, c.format, date1904));
}

/** The same value, type and formula (a format changed alone is not the user's new content). */
function sameContent(a: CellSeen, b: CellSeen): boolean {
  return a.value === b.value && a.type === b.type && a.formula === b.formula;
}

/** Holds `after` as written: a number by its value (Excel's value types list Integer beside Double), text as text. */
function holdsAfter(c: CellSeen, after: string | number): boolean {
  return typeof after === "number" ? typeof c.value === "number" && c.value === after : c.type === "String" && c.value === after;
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

/** What the check sync of a fix found. */
interface FixCheck extends LogLook {
  readonly cells: readonly CellSeen[];
  /** Per cell: it shows part of a dynamic array's result (its `formulas` read a plain value). */
  readonly spilled: readonly boolean[];
  readonly protectedSheet: string | undefined;
}

interface InterruptedFix {
  readonly todo: readonly { readonly edit: LoggedEdit; readonly seen: CellSeen }[];
  readonly log: LogPlace;
  readonly owned: Record<string, string>;
  readonly at: Date;
}

const place = (e: LoggedEdit): string => `${e.sheet}!${e.cell}`;

/**
 * A co-authoring Conflict is tried again, as reads and the summary sheets are. Unlike theirs, this batch cannot
 * simply run again: cells a try changed before it stopped are already logged (`recover`), and run again they would
 * be refused (they no longer hold `before`) or logged twice. So each try leaves out what earlier tries changed, and
 * the result counts those as applied.
 */
export async function applyEdits(session: OfficeSession, edits: readonly LoggedEdit[], at: Date = new Date()): Promise<AppliedEdits> {
  if (edits.length === 0) return { applied: [], refused: [], formulas: [] };
  const earlier = new Set<LoggedEdit>();
  let conflicts = 0;
  for (;;) {
    const rest = edits.filter((e) => !earlier.has(e));
    try {
      const r = await session.withState((state) => applyOnce(session, rest, at, state));
      return { ...r, applied: edits.filter((e) => earlier.has(e) || r.applied.includes(e)) };
    } catch (e) {
      if (officeErrorCode(e) === "AccessDenied") throw withEarlier(await denied(session, rest), earlier);
      const out = toWorkbookError(e);
      const conflict = isWorkbookError(out) && (out.code === "conflict" || (out.code === "write-interrupted" && out.detail === CONFLICT));
      if (conflict && out.code === "write-interrupted") {
        const changed = new Set(out.changed);
        for (const x of rest) if (changed.has(place(x))) earlier.add(x);
      }
      if (conflict && (await session.againAfterConflict(++conflicts))) continue;
      throw withEarlier(out, earlier);
    }
  }
}

/** The error of the last try, naming also the cells earlier tries changed: the user must know every cell that did. */
function withEarlier(e: unknown, earlier: ReadonlySet<LoggedEdit>): unknown {
  if (earlier.size === 0 || !isWorkbookError(e)) return e;
  const changed = [...new Set([...[...earlier].map(place), ...(e.changed ?? [])])];
  // An error that wrote nothing itself (a Conflict again at the check, a protection) is now a write cut short.
  if (e.code === "write-interrupted" || e.code === "write-unconfirmed") return new WorkbookError(e.code, e.detail, e.sheet, changed);
  return new WorkbookError("write-interrupted", e.code === "conflict" ? CONFLICT : e.detail, e.sheet, changed);
}

/**
 * Two syncs (three when the user changes a target cell in the moment between them):
 * - the check: each target cell (value, type, format, formula, whether it is locked, and from ExcelApi 1.12 whether a
 *   dynamic array spills into it), each sheet's protection, the workbook's protection when a sheet must be added, the
 *   log's next row. Nothing is written; a protected sheet or workbook, or a cell that holds a formula or no longer
 *   holds `before`, is known here. A protected sheet takes a fix in a cell its protection leaves unlocked (an input
 *   cell of the input aids' --protect), as Excel lets a user type there, unless the fix would change the cell's
 *   number format; a locked cell refuses the whole fix.
 * - the write: the log first (a new 変更履歴 complete, then owned), then each cell, loaded just before it is written
 *   (the load returns what the write replaced). A number keeps the cell's format (a "@" cell becomes General, or
 *   the number would turn back into text); text keeps it too, with an apostrophe where Excel would parse it.
 * Excel's batches are not transactions: when the write stops part way, `recover` reads back what changed, puts the
 * log in step with it (or removes a 変更履歴 added for nothing) and says which cells changed.
 */
async function applyOnce(session: OfficeSession, edits: readonly LoggedEdit[], at: Date, state: State): Promise<AppliedEdits> {
  const logSheet = ownedLog(state);
  if (logSheet && findSheet(state, logSheet)?.protected) throw new WorkbookError("protected-sheet", undefined, logSheet);
  let check: FixCheck;
  try {
    const spills = session.supportsSet(SPILL_PARENT.set, SPILL_PARENT.version);
    check = await session.run((context) => checkFixes(context, edits, logSheet, addsSheets(state, logSheet), spills));
  } catch (e) {
    const out = toWorkbookError(await session.staleOrMissing(e, edits));
    // Nothing was written yet: a failure without a known cause is told as such.
    throw out instanceof StaleState || isWorkbookError(out) ? out : new WorkbookError("write-interrupted", officeErrorCode(e), undefined, []);
  }
  if (check.structureProtected) throw new WorkbookError("protected-workbook");
  if (check.protectedSheet) throw new WorkbookError("protected-sheet", undefined, check.protectedSheet);
  // A cell whose value changed since the check is refused whatever it holds; one still showing `before` through a
  // formula is the formula's to fix. So is a cell a dynamic array spills into (=SORT(…) elsewhere): written, it would
  // block the spill and the formula would show #SPILL!.
  const refused = edits.filter((e, i) => seenText(check.cells[i], state.date1904) !== e.before);
  const formulas = edits.filter((e, i) => !refused.includes(e) && (holdsFormula(check.cells[i]) || check.spilled[i]));
  const todo = edits.map((e, i) => ({ edit: e, seen: check.cells[i] })).filter(({ edit }) => !formulas.includes(edit) && !refused.includes(edit));
  if (todo.length === 0) return { applied: [], refused, formulas };

  const log = logPlace(state, logSheet, check);
  const rows = logRows(
    todo.map((t) => t.edit),
    at,
  );
  const owned = settingsWithLog(state, log);
  let now: CellSeen[];
  try {
    now = await session.run(async (context) => {
      const sheets = context.workbook.worksheets;
      queueLogRows(session, sheets, state, log, rows, owned);
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
    throw await recover(session, e, state, { todo, log, owned, at });
  }
  if (log.created) session.noteWritten(state, log.sheet, owned);

  // Cells the user changed in the moment between the check and the write: put back as they were, and unlogged.
  const raced = todo.filter((t, i) => !sameContent(t.seen, now[i]));
  const applied = todo.filter((t) => !raced.includes(t)).map((t) => t.edit);
  if (raced.length) {
    try {
      await session.run(async (context) => {
        const sheets = context.workbook.worksheets;
        for (const t of raced) restoreCell(sheets.getItem(t.edit.sheet).getRange(t.edit.cell), now[todo.indexOf(t)]);
        writeLogRows(sheets.getItem(log.sheet), log.row, logRows(applied, at), rows.length);
        await context.sync();
      });
    } catch (e) {
      throw await recover(session, e, state, { todo, log: { ...log, created: false }, owned, at });
    }
  }
  return { applied, refused: [...refused, ...raced.map((t) => t.edit)].sort((a, b) => edits.indexOf(a) - edits.indexOf(b)), formulas };
}

/** The check sync of applyOnce: loads only. */
async function checkFixes(context: Excel.RequestContext, edits: readonly LoggedEdit[], logSheet: string | undefined, adds: boolean, spills: boolean): Promise<FixCheck> {
  const sheets = context.workbook.worksheets;
  const names = [...new Set([...edits.map((e) => e.sheet), ...(logSheet ? [logSheet] : [])])];
  const protections = names.map((n) => sheets.getItem(n).protection.load("protected"));
  const ranges = edits.map((e) => sheets.getItem(e.sheet).getRange(e.cell));
  const cells = ranges.map((r) => r.load("values,valueTypes,numberFormat,formulas"));
  const locks = ranges.map((r) => r.format.protection.load("locked"));
  const spilled = spills ? queueSpilled(context, edits) : undefined;
  const log = queueLogLook(context, logSheet, adds);
  await context.sync();
  const seen = cells.map(seenOf);
  // Where a protected sheet would refuse: the log sheet, a locked cell, or a number turning a "@" cell General.
  const refuses = (name: string) =>
    name === logSheet || edits.some((e, i) => e.sheet === name && (locks[i].locked !== false || (typeof e.after === "number" && seen[i].format === "@")));
  const blocked = names.findIndex((n, i) => protections[i].protected && refuses(n));
  return {
    ...log(),
    cells: seen,
    spilled: spilled?.() ?? edits.map(() => false),
    protectedSheet: blocked >= 0 ? names[blocked] : undefined,
  };
}

/**
 * After a write stopped part way: reads back each target cell and the log, then puts the log in step with the
 * cells (rows for the changed cells only; a 変更履歴 added in this write is deleted again when no cell changed) and
 * a format set for nothing back. Returns the error to throw: write-interrupted naming exactly the changed cells, or
 * write-unconfirmed naming every cell that may have changed when nothing could be read back.
 */
async function recover(session: OfficeSession, cause: unknown, state: State, w: InterruptedFix): Promise<WorkbookError> {
  session.state = undefined;
  try {
    return await session.run(async (context) => {
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
          if (!settingsWs.isNullObject) session.queueSettings(sheets, settingsWs, state.settings);
        } else {
          const rows = logRows(
            changed.map((t) => t.edit),
            w.at,
          );
          writeLogRows(logWs, w.log.row, rows, w.todo.length);
        }
      }
      await context.sync();
      return new WorkbookError("write-interrupted", officeErrorCode(cause), undefined, changed.map((t) => place(t.edit)));
    });
  } catch {
    return new WorkbookError("write-unconfirmed", officeErrorCode(cause), undefined, w.todo.map((t) => place(t.edit)));
  }
}

/** A sheet was protected after the cache was filled: name it from a fresh look. No value was written. */
async function denied(session: OfficeSession, edits: readonly LoggedEdit[]): Promise<WorkbookError> {
  session.state = undefined;
  try {
    const state = await session.ensureState();
    const log = ownedLog(state);
    const blocked = [...edits.map((e) => e.sheet), ...(log ? [log] : [])].find((n) => findSheet(state, n)?.protected);
    return new WorkbookError("protected-sheet", undefined, blocked);
  } catch {
    return new WorkbookError("protected-sheet");
  }
}
