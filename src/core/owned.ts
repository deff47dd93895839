/**
 * The sheets the add-in generated (summary sheets, 変更履歴), as both adapters record them in the workbook's settings:
 * the `owned` key, whose value is a JSON list of `{ sheet, base }` (the sheet's name, and the spec name it was
 * generated for; they differ after a clash with a user's sheet). The core reads the list too, so that every host
 * leaves those sheets out of the check: a generated 指標達成状況 must never be taken for a survey sheet.
 */

/** The settings key whose value lists the owned sheets. */
export const OWNED_KEY = "owned";

export interface OwnedSheet {
  /** The sheet's name in the workbook. */
  readonly sheet: string;
  /** The name it was generated for (the spec's name). */
  readonly base: string;
}

/**
 * The form in which Excel compares sheet names: neither case nor character width counts, so ＡＢＣ, abc and ABC name
 * one sheet, and so do １ and 1, or ｶﾞ and ガ. NFKC folds the widths. It folds a little more than Excel may (① and 1),
 * which at worst gives a new sheet a " (2)" it did not need. See docs/file-layer.md, "Sheet names".
 */
export function sheetNameKey(name: string): string {
  return name.normalize("NFKC").toLowerCase();
}

/** Sheet names compare as Excel compares them (sheetNameKey). */
export function sameSheetName(a: string, b: string): boolean {
  return a === b || sheetNameKey(a) === sheetNameKey(b);
}

/** The owned sheets recorded in the settings that still exist; anything unreadable counts as none. */
export function parseOwned(settings: Readonly<Record<string, string>>, exists: (sheet: string) => boolean): OwnedSheet[] {
  try {
    const list = JSON.parse(settings[OWNED_KEY] ?? "[]") as unknown;
    if (!Array.isArray(list)) return [];
    return list.filter(
      (x): x is OwnedSheet => !!x && typeof x.sheet === "string" && typeof x.base === "string" && exists(x.sheet),
    ).map((x) => ({ sheet: x.sheet, base: x.base }));
  } catch {
    return [];
  }
}

/** The settings value for a list of owned sheets (the format both adapters read). */
export function ownedValue(list: readonly OwnedSheet[]): string {
  return JSON.stringify(list.map((o) => ({ sheet: o.sheet, base: o.base })));
}

