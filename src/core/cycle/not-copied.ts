/** What a department's copy of a sheet left out or changed, in words (docs/distribution.md, "Not copied"). */
import { type Lang, type MessageKey, t } from "../i18n";
import { parseA1, rangeToA1, toA1 } from "../model/address";

const KINDS = new Set(["drawing", "comments", "table", "controls", "threads", "extLst", "hyperlink", "cm", "vm", "picture", "legacyDrawingHF"]);
const AT_CELLS: Readonly<Record<string, MessageKey>> = {
  formula: "split.part.formula",
  list: "split.part.list",
  validation: "split.part.validation",
  conditionalFormatting: "split.part.conditionalFormatting",
};

/** One part as the split's report names it: a kind (`drawing`), or a kind with its cells (`formula B4`). */
export function notCopiedPartText(part: string, lang: Lang): string {
  if (KINDS.has(part)) return t(lang, `split.part.${part}` as MessageKey);
  const space = part.indexOf(" ");
  const key = space > 0 ? AT_CELLS[part.slice(0, space)] : undefined;
  if (key === undefined) return part;
  const cells = part.slice(space + 1);
  return key === "split.part.formula" ? t(lang, key, { cell: cells }) : t(lang, key, { cells });
}

/** Past this many characters a marker's list of cells gives each column one range (a cell of text holds 32,767). */
const MAX_PARTS_CHARS = 8000;

/**
 * Parts naming single cells (`formula T5`, `formula T6` …) joined into ranges down each column (`formula T5:T9`), so
 * that a column of formulas is one line of the report and one entry of the marker. A list still too long gives each
 * column one range from its first cell to its last. Other parts stay as they are, in their order.
 */
export function compactParts(parts: readonly string[]): string[] {
  const rest: string[] = [];
  const byKind = new Map<string, Map<number, number[]>>();
  for (const part of parts) {
    const space = part.indexOf(" ");
    const p = space > 0 ? parseA1(part.slice(space + 1)) : null;
    if (!p) {
      rest.push(part);
      continue;
    }
    const kind = part.slice(0, space);
    const cols = byKind.get(kind) ?? new Map<number, number[]>();
    byKind.set(kind, cols);
    cols.set(p.col, [...(cols.get(p.col) ?? []), p.row]);
  }
  const runs = (whole: boolean) => {
    const out: string[] = [];
    for (const [kind, cols] of byKind) {
      for (const [col, rows] of [...cols].sort((a, b) => a[0] - b[0])) {
        const sorted = [...new Set(rows)].sort((a, b) => a - b);
        let from = sorted[0];
        for (let i = 1; i <= sorted.length; i++) {
          if (i < sorted.length && (whole || sorted[i] === sorted[i - 1] + 1)) continue;
          const to = sorted[i - 1];
          out.push(`${kind} ${from === to ? toA1(from, col) : rangeToA1({ top: from, left: col, bottom: to, right: col })}`);
          from = sorted[i];
        }
      }
    }
    return out;
  };
  const cells = runs(false);
  return [...rest, ...(cells.join(",").length > MAX_PARTS_CHARS ? runs(true) : cells)];
}
