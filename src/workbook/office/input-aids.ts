/**
 * applyInputAids of the Office adapter: on users' sheets, drop-down lists and input messages (data validation,
 * ExcelApi 1.8), a colour on empty required cells (a conditional format, 1.6), and, when asked, sheet protection with
 * the input cells unlocked (1.2), recorded in 変更履歴 with the rows both adapters log (core/input-aids/log.ts). No value
 * is changed.
 *
 * One Excel.run, whose syncs do not depend on the number of sheets or aids:
 * 1. the look: each sheet's protection, the conditional formats on each range to highlight (their types), and where
 *    the log rows go. Nothing is written before a protected sheet, a protected workbook (when 変更履歴 must be added)
 *    or a missing sheet is known. With `liftProtection`, protected sheets are unprotected next (liftSheets): those
 *    with a password are left out, the others protected again at the end as they were.
 * 2. only when a highlighted range already carries preset-criteria formats: their rules and ranges, to find the
 *    add-in's earlier highlight (a "Blanks" format on exactly that range), which is replaced instead of piled up.
 * 3. the write: the log rows first, then each sheet's validations (cleared first, so earlier ones are replaced) and
 *    highlights, and the protections last of all, so a batch cut short leaves no sheet protected and can run again.
 *
 * The highlight is a preset-criteria format with the criterion Blanks (ExcelApi 1.6) rather than a custom formula
 * (`=LEN(TRIM(D5))=0`): no formula to anchor to the range's top-left cell or to word in the user's locale, and it is
 * the same rule a file carries as `containsBlanks` (whose stored formula is that LEN(TRIM()) test), so a sheet looks
 * the same whichever adapter set it.
 */
import { inputAidsLog } from "../../core/input-aids/log";
import type { InputAidsOptions, InputAidsResult, InputValidation, SheetInputAids } from "../../core/input-aids/types";
import { type CellRange, rangeToA1 } from "../../core/model/address";
import { isWorkbookError, WorkbookError } from "../port";
import { addsSheets, type LogPlace, logPlace, logRows, ownedLog, queueLogLook, queueLogRows, settingsWithLog } from "./change-log";
import { officeErrorCode, toWorkbookError } from "./errors";
import { NEEDS_EXCEL_1_8 } from "./requirements";
import { findSheet, type OfficeSession, sameName, type State } from "./session";

/** Excel's limits: titles 32 characters, an input message 255, an error message 225. */
const TITLE_MAX = 32;
const PROMPT_MAX = 255;
const ERROR_MAX = 225;

/**
 * Protection as Excel's own dialog sets it by default, and as the file adapter writes it: a clerk may select any cell
 * and type into the unlocked ones, nothing else. No password (the pane says how to unprotect).
 */
const PROTECTION: Excel.WorksheetProtectionOptions = {
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertRows: false,
  allowInsertHyperlinks: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowSort: false,
  allowAutoFilter: false,
  allowPivotTables: false,
  allowEditObjects: false,
  allowEditScenarios: false,
};

const clip = (s: string | undefined, max: number) => (s ?? "").slice(0, max);

function hasList(v: InputValidation): v is InputValidation & { list: readonly string[] } {
  return !!v.list && v.list.length > 0;
}

function hasPrompt(v: InputValidation): boolean {
  return !!(v.prompt || v.promptTitle);
}

/** A validation sets something: a list, an input message, or both. */
const sets = (v: InputValidation) => hasList(v) || hasPrompt(v);

/** One entry per sheet: entries naming the same sheet are taken together. */
function bySheet(aids: readonly SheetInputAids[]): SheetInputAids[] {
  const out: SheetInputAids[] = [];
  for (const a of aids) {
    const at = out.findIndex((o) => sameName(o.sheet, a.sheet));
    if (at < 0) {
      out.push(a);
      continue;
    }
    const o = out[at];
    const unlocked = o.unlocked?.length || a.unlocked?.length ? [...(o.unlocked ?? []), ...(a.unlocked ?? [])] : undefined;
    out[at] = { sheet: o.sheet, validations: [...o.validations, ...a.validations], highlights: [...o.highlights, ...a.highlights], ...(unlocked ? { unlocked } : {}) };
  }
  return out;
}

/** The sheet is protected only with input cells to leave open (as the file adapter does). */
const protects = (a: SheetInputAids) => !!a.unlocked?.length;

const hasAids = (a: SheetInputAids) => a.validations.some(sets) || a.highlights.length > 0 || protects(a);

function rangeOn(ws: Excel.Worksheet, r: CellRange): Excel.Range {
  return ws.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);
}

/** `'No.1'!$D$5:$D$40` → `D5:D40`. */
function localA1(address: string): string {
  return address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
}

/** A sheet was protected after the look: name it from a fresh look. */
async function protectedNow(session: OfficeSession, names: readonly string[]): Promise<WorkbookError> {
  try {
    const state = await session.ensureState();
    const log = ownedLog(state);
    return new WorkbookError("protected-sheet", undefined, [...names, ...(log ? [log] : [])].find((n) => findSheet(state, n)?.protected));
  } catch {
    return new WorkbookError("protected-sheet");
  }
}

function queueValidation(ws: Excel.Worksheet, v: InputValidation): void {
  const dv = rangeOn(ws, v.range).dataValidation;
  dv.clear();
  if (hasList(v)) {
    dv.rule = { list: { inCellDropDown: true, source: v.list.join(",") } };
    // A warning, never a stop: Excel asks "continue?", so an unusual value can be kept on purpose.
    dv.errorAlert = { showAlert: true, style: "Warning", title: clip(v.errorTitle, TITLE_MAX), message: clip(v.error, ERROR_MAX) };
  }
  // Without a list, the input message alone makes an "any value" validation (DataValidationType None).
  if (hasPrompt(v)) dv.prompt = { showPrompt: true, title: clip(v.promptTitle, TITLE_MAX), message: clip(v.prompt, PROMPT_MAX) };
}

export async function applyInputAids(session: OfficeSession, aids: readonly SheetInputAids[], at: Date = new Date(), options: InputAidsOptions = {}): Promise<InputAidsResult> {
  if (!session.requirements.supports("dataValidation")) throw new WorkbookError("unsupported-host", NEEDS_EXCEL_1_8.inputAids);
  const todo = bySheet(aids).filter(hasAids);
  // Nothing to set: nothing is asked of Excel and nothing logged (the file adapter answers the same).
  if (todo.length === 0) return { sheets: [] };
  let locked: string[];
  try {
    locked = await session.withState((state) => applyOnce(session, todo, at, state, !!options.liftProtection));
  } catch (e) {
    throw toWorkbookError(e);
  }
  const set = aids.filter((a) => !locked.some((n) => sameName(n, a.sheet)));
  return { sheets: set.map((a) => ({ sheet: a.sheet, validations: a.validations.length, highlights: a.highlights.length, protected: protects(a) })), ...(locked.length ? { locked } : {}) };
}

/** A sheet protected without a password, opened for the change: its options, to protect it again as it was. */
interface Lifted {
  readonly index: number;
  readonly options: Excel.WorksheetProtectionOptions;
}

/**
 * Unprotects the sheets at `indexes` (protected, with `options` as loaded), one sync when none has a password. Excel
 * runs a batch in order and stops at the first refusal, so after one the sheets before the refused one are open,
 * the refused one has a password, and the rest are tried again: two more syncs per sheet with a password, never
 * one per sheet. Excel's reference names no error code for a wrong password (BadPassword is listed, AccessDenied
 * has been seen), so after a refusal the sheets' state, not the code, says what ran.
 */
async function liftSheets(context: Excel.RequestContext, wss: readonly Excel.Worksheet[], indexes: readonly number[], options: readonly Excel.WorksheetProtectionOptions[]): Promise<{ lifted: Lifted[]; locked: number[] }> {
  const opened = (list: readonly number[]): Lifted[] => list.map((i) => ({ index: i, options: options[i] }));
  if (!indexes.length) return { lifted: [], locked: [] };
  for (const i of indexes) wss[i].protection.unprotect();
  try {
    await context.sync();
    return { lifted: opened(indexes), locked: [] };
  } catch (e) {
    // Refused before any of it ran: no sheet was opened.
    if (WHOLE_BATCH_REFUSED.has(officeErrorCode(e) ?? "")) throw new LiftFailed(e, []);
  }
  const now = indexes.map((i) => wss[i].protection.load("protected"));
  try {
    await context.sync();
  } catch (e) {
    // Which sheets opened is unknown: each is protected again if it is open (protectAgain looks first).
    throw new LiftFailed(e, opened(indexes));
  }
  const stuck = now.findIndex((p) => p.protected);
  if (stuck < 0) return { lifted: opened(indexes), locked: [] };
  const before = opened(indexes.slice(0, stuck));
  let rest: { lifted: Lifted[]; locked: number[] };
  try {
    rest = await liftSheets(context, wss, indexes.slice(stuck + 1), options);
  } catch (e) {
    throw e instanceof LiftFailed ? new LiftFailed(e.original, [...before, ...e.lifted]) : new LiftFailed(e, before);
  }
  return { lifted: [...before, ...rest.lifted], locked: [indexes[stuck], ...rest.locked] };
}

/**
 * The options as loaded, without the null some Excel builds give for an option (office-js issue 1931): protect()
 * refuses an object that holds one, and that option then keeps Excel's default.
 */
function restorable(options: Excel.WorksheetProtectionOptions): Excel.WorksheetProtectionOptions {
  const kept: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(options)) if (v !== null && v !== undefined) kept[k] = v;
  return kept as Excel.WorksheetProtectionOptions;
}

/** Codes with which Excel refuses a request before running any of it. */
const WHOLE_BATCH_REFUSED: ReadonlySet<string> = new Set(["InvalidOperationInCellEditMode", "RequestPayloadSizeLimitExceeded"]);

/** Lifting stopped on something other than a password: the sheets already opened, to protect again. */
class LiftFailed extends Error {
  constructor(
    readonly original: unknown,
    readonly lifted: readonly Lifted[],
  ) {
    super("lift failed");
  }
}

/** After a failure: the lifted sheets protected again as they were (those still open), best effort. */
async function protectAgain(context: Excel.RequestContext, wss: readonly Excel.Worksheet[], lifted: readonly Lifted[]): Promise<void> {
  if (!lifted.length) return;
  try {
    const now = lifted.map((l) => wss[l.index].protection.load("protected"));
    await context.sync();
    lifted.forEach((l, k) => {
      if (!now[k].protected) wss[l.index].protection.protect(l.options);
    });
    await context.sync();
  } catch {
    // The failure that brought us here is the one to report.
  }
}

/** Sets the aids; returns the sheets left alone because a password protects them (only when lifting). */
async function applyOnce(session: OfficeSession, all: readonly SheetInputAids[], at: Date, state: State, lift: boolean): Promise<string[]> {
  const logSheet = ownedLog(state);
  const cached = [...(lift ? [] : all.map((a) => a.sheet)), ...(logSheet ? [logSheet] : [])].find((n) => findSheet(state, n)?.protected);
  if (cached) throw new WorkbookError("protected-sheet", undefined, cached);
  let todo = all;
  let names = todo.map((a) => a.sheet);
  let log: LogPlace | undefined;
  let owned: Record<string, string> = state.settings;
  let writing = false;
  let lifted: Lifted[] = [];
  let locked: string[] = [];
  try {
    await session.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      let wss = names.map((n) => worksheets.getItem(n));
      const protections = [...wss, ...(logSheet ? [worksheets.getItem(logSheet)] : [])].map((ws) => ws.protection.load(lift ? "protected,options" : "protected"));
      let formats = todo.map((a, i) => a.highlights.map((h) => rangeOn(wss[i], h.range).conditionalFormats.load("items/type")));
      const logLook = queueLogLook(context, logSheet, addsSheets(state, logSheet));
      await context.sync();

      const blocked = protections.findIndex((p, i) => p.protected && !(lift && i < names.length));
      if (blocked >= 0) throw new WorkbookError("protected-sheet", undefined, blocked < names.length ? names[blocked] : logSheet);
      const look = logLook();
      if (look.structureProtected) throw new WorkbookError("protected-workbook");
      const toLift = names.flatMap((_, i) => (protections[i].protected ? [i] : []));
      if (toLift.length) {
        // Read now: unprotecting discards what was loaded.
        const options = names.map((_, i) => (protections[i].protected ? restorable(protections[i].options) : {}));
        let opened: { lifted: Lifted[]; locked: number[] };
        try {
          opened = await liftSheets(context, wss, toLift, options);
        } catch (e) {
          if (!(e instanceof LiftFailed)) throw e;
          await protectAgain(context, wss, e.lifted);
          throw e.original;
        }
        locked = opened.locked.map((i) => names[i]);
        // Indexes into the sheets that take the aids.
        const kept = names.map((_, i) => i).filter((i) => !opened.locked.includes(i));
        lifted = opened.lifted.map((l) => ({ index: kept.indexOf(l.index), options: l.options }));
        todo = kept.map((i) => todo[i]);
        wss = kept.map((i) => wss[i]);
        formats = kept.map((i) => formats[i]);
        names = todo.map((a) => a.sheet);
      }
      const writeAll = async () => {
        if (!todo.length) return;
        const rows = logRows(inputAidsLog(todo), at);

        const presets = todo.flatMap((a, i) =>
          a.highlights.flatMap((h, j) =>
            formats[i][j].items
              .filter((f) => f.type === "PresetCriteria")
              .map((format) => ({ range: h.range, format, rule: format.preset.load("rule"), applies: format.getRangeOrNullObject().load("address") })),
          ),
        );
        if (presets.length) await context.sync();
        const earlier = presets.filter((p) => p.rule.rule.criterion === "Blanks" && !p.applies.isNullObject && localA1(p.applies.address) === rangeToA1(p.range));

        log = logPlace(state, logSheet, look);
        owned = settingsWithLog(state, log);
        writing = true;
        queueLogRows(session, worksheets, state, log, rows, owned);
        for (const p of earlier) p.format.delete();
        todo.forEach((a, i) => {
          for (const v of a.validations) if (sets(v)) queueValidation(wss[i], v);
          for (const h of a.highlights) {
            const format = rangeOn(wss[i], h.range).conditionalFormats.add("PresetCriteria");
            format.preset.rule = { criterion: "Blanks" };
            format.preset.format.fill.color = h.fill;
          }
        });
        todo.forEach((a, i) => {
          if (!a.unlocked || !protects(a)) return;
          // Every cell locked (a form may have unlocked some), then the input cells open.
          wss[i].getRange().format.protection.locked = true;
          for (const r of a.unlocked) rangeOn(wss[i], r).format.protection.locked = false;
          wss[i].protection.protect(PROTECTION);
        });
        // A sheet opened for the change and not protected by the aids: protected again as it was.
        for (const l of lifted) if (!protects(todo[l.index])) wss[l.index].protection.protect(l.options);
        await context.sync();
      };
      try {
        await writeAll();
      } catch (e) {
        // The sheets opened for the change are not left open.
        await protectAgain(context, wss, lifted);
        throw e;
      }
    });
  } catch (e) {
    session.state = undefined;
    if (isWorkbookError(e)) throw e;
    const code = officeErrorCode(e);
    if (!writing) throw await session.staleOrMissing(e, names.map((sheet) => ({ sheet })));
    // Excel refused the whole request before any of it ran.
    if (code === "InvalidOperationInCellEditMode" || code === "RequestPayloadSizeLimitExceeded") throw e;
    // A sheet was protected in the moment since the look.
    if (code === "AccessDenied") throw await protectedNow(session, names);
    // Excel's batches are not transactions: part may be set. No value changed; the protections come last, so the
    // same aids can be set again.
    throw new WorkbookError("write-interrupted", code, undefined, []);
  }
  if (log?.created) session.noteWritten(state, log.sheet, owned);
  for (const a of todo) {
    if (!protects(a)) continue;
    const known = findSheet(state, a.sheet);
    if (known) state.sheets.splice(state.sheets.indexOf(known), 1, { ...known, protected: true });
  }
  return locked;
}
