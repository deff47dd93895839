/** What a department's copy of a sheet left out or changed, in words (docs/distribution.md, "Not copied"). */
import { type Lang, type MessageKey, t } from "../i18n";

const KINDS = new Set(["drawing", "comments", "table", "controls", "threads"]);
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
