/**
 * Structured references to an Excel table's columns (`評価表[29年度下半期評価]`, `評価表[[#This Row],[評価]]`,
 * `評価表[[取組名]:[評価]]`), followed when a column is renamed (docs/file-layer.md, "table headers"). Pure.
 */
import { tokenize } from "./tokens";

/** A column name as a structured reference writes it: `[`, `]`, `#` and `'` take a `'` before them. */
function escapeColumn(name: string): string {
  return name.replace(/['[\]#]/g, "'$&");
}

function unescapeColumn(text: string): string {
  return text.replace(/'(['[\]#])/g, "$1");
}

/** One bracketed specifier (`[評価]`) with the column renamed, or as it was; `[#This Row]` and the like stay. */
function renamedItem(item: string, from: string, to: string): string {
  const inner = item.slice(1, -1);
  if (inner.startsWith("#") || unescapeColumn(inner).toLowerCase() !== from.toLowerCase()) return item;
  return `[${escapeColumn(to)}]`;
}

/**
 * `formula` with every reference to column `from` of table `table` naming `to` instead (table and column names
 * compare without case, as Excel compares them); undefined when nothing changes. Only references qualified by the
 * table's name are followed: Excel writes them so in a file, `[@評価]` being how it shows them.
 */
export function renameTableColumn(formula: string, table: string, from: string, to: string): string | undefined {
  if (!formula.toLowerCase().includes(table.toLowerCase())) return undefined;
  const tokens = tokenize(formula);
  let out = "";
  let at = 0;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const name = tokens[i];
    const spec = tokens[i + 1];
    if (name.kind !== "word" || spec.kind !== "bracket" || spec.open || spec.start !== name.end) continue;
    // `[1]!評価表[…]` is another workbook's table.
    if (i > 0 && formula[tokens[i - 1].start] === "!") continue;
    if (formula.slice(name.start, name.end).toLowerCase() !== table.toLowerCase()) continue;
    const text = formula.slice(spec.start, spec.end);
    const inner = text.slice(1, -1);
    // `[[#This Row],[評価]]`, `[[取組名]:[評価]]`: each inner specifier; `[評価]`: the one.
    const renamed = inner.startsWith("[") ? `[${inner.replace(/\[(?:'.|[^\]'])*\]/g, (item) => renamedItem(item, from, to))}]` : renamedItem(text, from, to);
    if (renamed === text) continue;
    out += formula.slice(at, spec.start) + renamed;
    at = spec.end;
  }
  return at === 0 ? undefined : out + formula.slice(at);
}
