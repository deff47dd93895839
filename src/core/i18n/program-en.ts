import type { programJa } from "./program-ja";

/** Message catalogue, English: the program format. Typed against program-ja.ts. */
export const programEn: Record<keyof typeof programJa, string> = {
  "field.planNext": "next year's plan and targets",

  "rule.ENDED-BUT-SCHEDULED":
    "This item has ended (its title says \"{note}\"), yet {field} is filled in. An ended item has results only. Empty {field}, or, if the item goes on, correct the note in its title.",
  "rule.SCHEDULE-VOCABULARY":
    "\"{token}\" in the schedule ({year}) is not a known phase word. Use one or more of {codes}, joined by \"・\".",
  "rule.GOAL-BASELINE-MISSING":
    "The numeric goal \"{goal}\" in {field} gives no baseline, so its progress cannot be measured. Add the baseline date and value after the goal, as in \"(令和3年4月1日現在:0%)\".",
  "rule.GOAL-STATUS-MISMATCH":
    "The previous year-end status \"{status}\" in {field} does not match the figures for the same work in {resultField}: \"{figures}\" ({total}). Check which figure is right.",
  "rule.REF-MISSING":
    "{field} refers to item No.{ref}, but there is no row No.{ref}. Check the number, and if it is right, add the row No.{ref}.",

  "program.total": "total {total}",
  "program.schedule": "the schedule ({year})",
  "program.each": "no total: written with \"各\" (each)",
};
