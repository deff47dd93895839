/**
 * What both adapters agree on about the sheets the add-in owns, so that a workbook written by one is understood by
 * the other: the veryHidden settings sheet `_chosahyo` (column A keys, column B values, as text), the `owned` key,
 * whose value is a JSON list of `{ sheet, base }` (the sheet's name, and the spec name it was generated for; they
 * differ after a clash with a user's sheet), and the rules for where a generated sheet goes.
 *
 * No ExcelJS and no Office.js here: both adapters import it.
 */
import { freeSheetName } from "./sheet-names";

/** The veryHidden sheet that holds the add-in's settings and its list of owned sheets. */
export const SETTINGS_SHEET = "_chosahyo";

/**
 * The settings after writing `changes` over `current`: an empty value removes its key, so a setting that is cleared
 * (年度更新 clearing the record of returns) leaves no row behind. Readers take a missing key and an empty one alike.
 */
export function mergeSettings(current: Readonly<Record<string, string>>, changes: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...current, ...changes })) if (v !== "") out[k] = v;
  return out;
}
export { OWNED_KEY, type OwnedSheet, ownedValue, parseOwned, sameSheetName } from "../core/owned";
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
