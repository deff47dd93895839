/**
 * References to one sheet inside formula text (a cell's `<f>`, a defined name, a validation's list source): found
 * by walking the formula, so text in string literals ("No.3!B2") is never taken for a reference. A copied sheet's
 * print titles point at its new name; a removed sheet's references become `#REF!`, as Excel writes them when a
 * sheet they point to is deleted (a defined name left naming a missing sheet is one Excel removes in a repair).
 */

/** Characters an unquoted sheet name may hold (`No.3`, `評価一覧`); a name with others is written quoted. */
function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 92 || c > 127;
}

const same = (a: string, b: string) => a === b || a.toUpperCase() === b.toUpperCase();

/**
 * `formula` with every reference to sheet `sheet` (`'No 3'!B2`, `No.3!B2`, compared as Excel compares sheet names,
 * without regard to case) written as `prefix` + the cell part: `prefix` is `'New name'!` or `#REF!`. References
 * to other workbooks (`[1]No.3!B2`) and 3-D ranges (`No.1:No.3!B2`) are left as they are.
 */
export function replaceSheetRefs(formula: string, sheet: string, prefix: string): string {
  let out = "";
  let copied = 0;
  for (let i = 0; i < formula.length; ) {
    const c = formula.charCodeAt(i);
    if (c === 34 /* " */) {
      // A string literal: "" is a quote inside it.
      let j = i + 1;
      while (j < formula.length && !(formula.charCodeAt(j) === 34 && formula.charCodeAt(j + 1) !== 34)) j += formula.charCodeAt(j) === 34 ? 2 : 1;
      i = j + 1;
      continue;
    }
    const before = i > 0 ? formula.charCodeAt(i - 1) : 0;
    const starts = before !== 93 /* ] */ && before !== 58 /* : */ && !isNameChar(before);
    if (c === 39 /* ' */) {
      let j = i + 1;
      while (j < formula.length && !(formula.charCodeAt(j) === 39 && formula.charCodeAt(j + 1) !== 39)) j += formula.charCodeAt(j) === 39 ? 2 : 1;
      if (starts && formula.charCodeAt(j + 1) === 33 /* ! */ && same(formula.slice(i + 1, j).replace(/''/g, "'"), sheet)) {
        out += formula.slice(copied, i) + prefix;
        copied = j + 2;
      }
      i = formula.charCodeAt(j + 1) === 33 ? j + 2 : j + 1;
      continue;
    }
    if (isNameChar(c) && starts) {
      let j = i;
      while (j < formula.length && isNameChar(formula.charCodeAt(j))) j++;
      if (formula.charCodeAt(j) === 33 && same(formula.slice(i, j), sheet)) {
        out += formula.slice(copied, i) + prefix;
        copied = j + 1;
      }
      i = j;
      continue;
    }
    i++;
  }
  return copied === 0 ? formula : out + formula.slice(copied);
}
