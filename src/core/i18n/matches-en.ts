import type { matchesJa } from "./matches-ja";

/** Message catalogue, English: the pane's list of how items pair with last year's, and its corrections. Typed against matches-ja.ts. */
export const matchesEn: Record<keyof typeof matchesJa, string> = {
  "pane.matches.title": "Items matched with last year's",
  "pane.matches.help":
    "Items renumbered or retitled, split or merged, new or gone are listed with the item of last year each was paired with. Where a pair is wrong, choose last year's item again. The choice is saved in this workbook's settings and used from the next Validate.",
  "pane.matches.none": "Every item was paired with last year's by the same No.",
  "pane.matches.this": "This year {item}",
  "pane.matches.last": "Last year {item}",
  "pane.matches.choose": "Last year's item for {item}",
  "pane.matches.noPair": "No pair (new)",
  "pane.matches.by.title": "Paired by title",
  "pane.matches.by.id-only": "Paired by No. (title changed)",
  "pane.matches.by.sheet": "Paired by sheet name",
  "pane.matches.by.user": "Set by hand",
  "pane.matches.renumbered": "renumbered No.{last} → No.{this}",
  "pane.matches.split": "Split (from last year's {item})",
  "pane.matches.merged": "Merged (last year's {items})",
  "pane.matches.added": "New (no pair last year)",
  "pane.matches.removed": "No pair this year",
  "pane.matches.ended": "Ended",
  "pane.matches.userNone": "Set by hand to no pair",
  "pane.matches.corrected": "Pairs set by hand: {count}",
  "pane.matches.reset": "Undo the pairs set by hand",
  "pane.matches.saved": "The pair is saved. Press Validate again to update the findings and 集計's 前年度比較.",
  "pane.matches.tooMany": "There are too many pairs set by hand to save in this workbook's settings (longer than a setting holds). Undo the pairs set by hand, then set them again.",
  "pane.matches.resetDone": "The pairs set by hand are undone. Press Validate again to update the findings and 集計's 前年度比較.",
};
