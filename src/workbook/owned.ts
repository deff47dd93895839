/**
 * What both adapters agree on about the sheets the add-in owns, so that a workbook written by one is understood by
 * the other: the veryHidden settings sheet `_chosahyo` (column A keys, column B values, as text, a long one going on
 * in C, D …), the `owned` key, whose value is a JSON list of `{ sheet, base }` (the sheet's name, and the spec name
 * it was generated for; they differ after a clash with a user's sheet), and the rules for where a generated sheet
 * goes.
 *
 * No ExcelJS and no Office.js here: both adapters import it.
 */
import { cellText } from "../core/model/cell";
import { MAX_COLS, type SheetGrid } from "../core/model/grid";
import { EXCEL_MAX_CELL_CHARS, pairSafeEnd } from "../core/values/text";
import { freeSheetName } from "./sheet-names";

/** The veryHidden sheet that holds the add-in's settings and its list of owned sheets. */
export const SETTINGS_SHEET = "_chosahyo";

/**
 * The settings as rows of the settings sheet: the key in column A, the value in B, continued in C, D … when it is
 * longer than a cell holds (a record of returns from well over a hundred departments). Each piece is full but for
 * the last, and never splits a surrogate pair.
 */
export function settingsRows(settings: Readonly<Record<string, string>>): string[][] {
  return Object.entries(settings).map(([k, v]) => {
    const row = [k];
    let at = 0;
    do {
      const end = pairSafeEnd(v, Math.min(v.length, at + EXCEL_MAX_CELL_CHARS));
      row.push(v.slice(at, end));
      at = end;
    } while (at < v.length);
    return row;
  });
}

/** The settings from the sheet's rows, as settingsRows writes them: a value runs from B to the first empty cell. */
export function settingsFromRows(rows: readonly (readonly string[])[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of rows) {
    const k = row[0];
    if (!k) continue;
    let v = "";
    for (let i = 1; i < row.length && row[i]; i++) v += row[i];
    out[k] = v;
  }
  return out;
}

/** The settings from the settings sheet as a file reader gave it (its grid starts where its first value is). */
export function settingsFromGrid(g: SheetGrid): Record<string, string> {
  return settingsFromRows(g.rows.map((row) => Array.from({ length: g.left + row.length }, (_, c) => cellText(row[c - g.left] ?? null))));
}

/** The longest value a setting holds: pieces from B up to the last column the reader's window takes (MAX_COLS). */
export const MAX_SETTING_CHARS = (MAX_COLS - 1) * EXCEL_MAX_CELL_CHARS;

/** A value read in column B alone may go on in C (settingsRows): only then is the whole row worth reading. */
export function mayContinue(pieceB: string): boolean {
  return pieceB.length >= EXCEL_MAX_CELL_CHARS - 1;
}

/**
 * The settings after writing `changes` over `current`: an empty value removes its key, so a setting that is cleared
 * (年度更新 clearing the record of returns) leaves no row behind. Readers take a missing key and an empty one alike.
 */
export function mergeSettings(current: Readonly<Record<string, string>>, changes: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...current, ...changes })) if (v !== "") out[k] = v;
  return out;
}
export { OWNED_KEY, type OwnedSheet, ownedValue, parseOwned, sameSheetName, sheetNameKey } from "../core/owned";
import { type OwnedSheet, sameSheetName } from "../core/owned";

/** Where one generated sheet goes. */
export interface OwnedTarget {
  /** The spec's name. */
  readonly base: string;
  /** The name the sheet gets: the spec's name, or a free one when a user's sheet holds it. */
  readonly name: string;
  /** The sheet generated for this name before, replaced by this one (it has the same name). */
  readonly previous?: OwnedSheet;
}

export interface OwnedPlan {
  readonly targets: readonly OwnedTarget[];
  /** The ownership list after the write. */
  readonly owned: readonly OwnedSheet[];
}

/**
 * The rules of writeOwnedSheet for a set of specs at once: the sheet generated for a name before (recorded under
 * that base, or owned under that very name) is replaced and keeps its name; otherwise the spec's name is taken when
 * free, and a free `name (2)` when any sheet (a user's, or one named earlier in the set) holds it. A user's sheet is
 * never a target. Names in `specNames` must be distinct.
 */
export function planOwned(specNames: readonly string[], owned: readonly OwnedSheet[], sheetNames: readonly string[]): OwnedPlan {
  const seen = new Set<string>();
  for (const n of specNames) {
    if (seen.has(n)) throw new Error(`writeOwnedSheets: the sheet name ${n} is given twice`);
    seen.add(n);
  }
  const taken = [...sheetNames];
  const claimed = new Set<OwnedSheet>();
  const targets: OwnedTarget[] = [];
  let next = [...owned];
  for (const base of specNames) {
    const free = (o: OwnedSheet) => !claimed.has(o);
    const previous = owned.find((o) => free(o) && o.base === base) ?? owned.find((o) => free(o) && sameSheetName(o.sheet, base));
    let name = base;
    if (previous) {
      claimed.add(previous);
      name = previous.sheet;
    } else if (taken.some((t) => sameSheetName(t, base))) {
      // A user's sheet holds the name: never touch it, take a free name and say so.
      name = freeSheetName(base, taken);
    }
    if (!taken.some((t) => sameSheetName(t, name))) taken.push(name);
    targets.push({ base, name, ...(previous ? { previous } : {}) });
    next = next.filter((o) => !sameSheetName(o.sheet, name) && o.base !== base);
    next.push({ sheet: name, base });
  }
  return { targets, owned: next };
}
