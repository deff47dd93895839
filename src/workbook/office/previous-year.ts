/**
 * Last year's workbook kept in this one, in Excel (docs/compare.md, "In the task pane"): the picked file's sheets go
 * in through Workbook.insertWorksheetsFromBase64 (ExcelApi 1.13; older Excel is told so and nothing changes), before
 * the settings sheet so it stays last; then each is renamed `前年度_<name>` (a free name within 31 characters) and
 * hidden, and the setting naming them is written. Copies made from a file before are deleted in the first batch.
 *
 * Syncs: 2 (insert, with the old copies deleted and the sheet list read back; then rename, hide and the setting),
 * plus 1 when the sheet list is not cached yet; 1 more to take the new sheets out again if the second batch fails.
 * clearPreviousYear: 1 (+1 uncached). The cache is kept up to date, so a check or a clear right after costs no more.
 */
import { parsePreviousYear, PREVIOUS_PREFIX, PREVIOUS_YEAR_KEY, type PreviousYearSetting, serializePreviousYear } from "../../core/compare/settings";
import { SETTINGS_SHEET } from "../owned";
import { WorkbookError } from "../port";
import { copiedSetting, type PreviousYearFile, type PreviousYearRequest } from "../previous-year";
import { freeSheetName } from "../sheet-names";
import type { SheetVisibility } from "../../core/model/grid";
import { toVisibility } from "./cells";
import { toWorkbookError } from "./errors";
import { toBase64 } from "./new-workbook";
import { INSERT_WORKSHEETS } from "./requirements";
import { findSheet, type OfficeSession, queueDeleteSheet, type State } from "./session";

/** The copies made from a file that the workbook still has (a user's own 前年度_ sheets are never among them). */
function oldCopies(state: State): string[] {
  const old = parsePreviousYear(state.settings[PREVIOUS_YEAR_KEY]);
  if (old?.source !== "file") return [];
  return old.sheets.map((s) => findSheet(state, s.copy)?.name).filter((n): n is string => n !== undefined);
}

export async function keepPreviousYear(session: OfficeSession, file: PreviousYearFile, request: PreviousYearRequest): Promise<PreviousYearSetting> {
  if (!session.supportsSet(INSERT_WORKSHEETS.set, INSERT_WORKSHEETS.version)) throw new WorkbookError("unsupported-operation", INSERT_WORKSHEETS.detail);
  let state: State;
  try {
    state = await session.ensureState();
  } catch (e) {
    throw toWorkbookError(e);
  }
  if (state.structureProtected) throw new WorkbookError("protected-workbook");
  const remove = oldCopies(state);
  const settingsThere = !!findSheet(state, SETTINGS_SHEET);
  const base64 = toBase64(file.bytes);
  // The sheet list changes under the cache from here on: the next call looks again (readAll does so anyway).
  session.state = undefined;
  let listed: { readonly id: string; readonly name: string; readonly visibility: SheetVisibility; readonly protected: boolean }[] = [];
  let inserted: { readonly id: string; readonly name: string }[];
  let names: string[];
  try {
    ({ inserted, names } = await session.run(async (context) => {
      const sheets = context.workbook.worksheets;
      for (const name of remove) queueDeleteSheet(sheets, state, name);
      const ids = context.workbook.insertWorksheetsFromBase64(base64, {
        sheetNamesToInsert: [...request.sheets],
        ...(settingsThere ? { positionType: "Before" as const, relativeTo: SETTINGS_SHEET } : { positionType: "End" as const }),
      });
      const list = sheets.load("items/name,items/id,items/visibility,items/protection/protected");
      await context.sync();
      const all = list.items.map((ws) => ({ id: ws.id, name: ws.name, visibility: toVisibility(ws.visibility), protected: ws.protection.protected }));
      listed = all;
      return { inserted: ids.value.map((id) => all.find((s) => s.id === id)!), names: all.map((s) => s.name) };
    }));
  } catch (e) {
    throw toWorkbookError(e);
  }
  const copies: string[] = [];
  for (const original of request.sheets) {
    const copy = freeSheetName(`${PREVIOUS_PREFIX}${original}`, [...names, ...copies]);
    copies.push(copy);
  }
  const setting = copiedSetting(file, request, copies);
  const settings = { ...state.settings, [PREVIOUS_YEAR_KEY]: serializePreviousYear(setting) };
  try {
    await session.run(async (context) => {
      const sheets = context.workbook.worksheets;
      inserted.forEach((s, i) => {
        const ws = sheets.getItem(s.id);
        ws.name = copies[i];
        ws.visibility = "Hidden";
      });
      session.queueSettings(sheets, settingsThere ? sheets.getItem(SETTINGS_SHEET) : undefined, settings);
      await context.sync();
    });
  } catch (e) {
    // Half a copy is worse than none: the inserted sheets go again, and the setting still names the old state.
    await session
      .run(async (context) => {
        for (const s of inserted) context.workbook.worksheets.getItem(s.id).delete();
        await context.sync();
      })
      .catch(() => undefined);
    throw toWorkbookError(e);
  }
  // The cache again, as the two batches left the workbook: the copies renamed and hidden, the settings sheet last.
  const renamed = new Map(inserted.map((s, i) => [s.id, copies[i]] as const));
  const after = listed.map((s) => (renamed.has(s.id) ? { name: renamed.get(s.id)!, visibility: "hidden" as const, protected: s.protected } : { name: s.name, visibility: s.visibility, protected: s.protected }));
  if (!settingsThere) after.push({ name: SETTINGS_SHEET, visibility: "veryHidden", protected: false });
  session.state = { sheets: after, settings, structureProtected: false, date1904: state.date1904 };
  return setting;
}

export async function clearPreviousYear(session: OfficeSession): Promise<void> {
  try {
    await session.withState(async (state) => {
      const remove = oldCopies(state);
      const settings = { ...state.settings, [PREVIOUS_YEAR_KEY]: "" };
      const settingsThere = !!findSheet(state, SETTINGS_SHEET);
      session.state = undefined;
      await session.run(async (context) => {
        const sheets = context.workbook.worksheets;
        for (const name of remove) queueDeleteSheet(sheets, state, name);
        if (settingsThere) session.queueSettings(sheets, sheets.getItem(SETTINGS_SHEET), settings);
        await context.sync();
      });
    });
  } catch (e) {
    throw toWorkbookError(e);
  }
}
