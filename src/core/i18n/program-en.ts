import type { programJa } from "./program-ja";

/** Message catalogue, English: words of the program format that its rules and summaries put into their messages. Typed against program-ja.ts. */
export const programEn: Record<keyof typeof programJa, string> = {
  "field.planNext": "next year's plan and targets",

  "program.total": "total {total}",
  "program.schedule": "the schedule ({year})",
  "program.each": "no total: written with \"各\" (each)",
};
