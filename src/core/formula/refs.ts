/**
 * Formula text as the add-in compares and moves it (docs/distribution.md): the A1 formulas of a cell, in the
 * invariant (English) form both the .xlsx file and Excel's `Range.formulas` use. Pure.
 */

/** Prefixes the file format puts before newer functions (`_xlfn.XLOOKUP`); Excel's formulas show them without. */
const FUTURE_PREFIX = /_xl(?:fn|ws)\./gi;

/** A formula as compared: no leading "=", no `_xlfn.` / `_xlws.` prefixes, outer blanks trimmed. */
export function normalizeFormula(formula: string): string {
  const f = formula.trim();
  return (f.startsWith("=") ? f.slice(1) : f).replace(FUTURE_PREFIX, "").trim();
}
