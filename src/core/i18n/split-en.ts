import type { splitJa } from "./split-ja";

/** Message catalogue, English: 配布 (`chosahyo split`, docs/distribution.md). Typed against split-ja.ts. */
export const splitEn: Record<keyof typeof splitJa, string> = {
  "cli.split.shared": "Items naming several departments ({mode}). Decide where they go if needed:",
  "cli.split.shared.lead": "sent to the first department",
  "cli.split.shared.copy": "sent to every named department",
  "cli.split.shared.line": "  [{sheet}] {item} → {sentTo} (named but not sent: {others})",
  "cli.split.shared.all": "  [{sheet}] {item} → {sentTo}",
  "cli.split.undecided": "  [{sheet}] {item} → not sent (named: {others}). Decide where it goes.",
  "cli.split.kept": "Sheets not distributed: {sheets} (the list sheet and the like stay in the master)",
  "cli.split.notCopied": "Not copied (still in the master):",
  "cli.split.notCopied.line": "  [{sheet}] {parts}",
  "cli.split.aids": "Input aids set ({count} sheets).",
  "cli.split.aidsProtected": "No input aids on these sheets, which are protected: {sheets}",
  "split.part.drawing": "pictures and drawings",
  "split.part.comments": "comments",
  "split.part.table": "tables",
  "split.part.threads": "replies of threaded comments (their notes were copied)",
  "split.part.controls": "form controls and embedded objects",
  "split.part.formula": "formula {cell} (copied as its value)",
  "split.part.list": "validation list {cells} (written with the values it referred to)",
  "split.part.validation": "validation {cells} (what it refers to is not distributed, so it was left out)",
  "split.part.conditionalFormatting": "conditional format {cells} (what it refers to is not distributed, so it was left out)",
  "split.list.separator": ", ",
  "split.none": "none",
  "split.refusal.table-format": "Some sheets cannot be split into each item's rows (items share rows, side by side or through merged cells): {sheets}",
  "split.refusal.nothing-recognised": "Nothing to distribute: no sheet was recognised as a survey sheet.",
};
