import type { rolloverJa } from "./rollover-ja";

/** Message catalogue, English: 年度更新 (rollover) in the CLI, the pane and the demo. Typed against rollover-ja.ts. */
export const rolloverEn: Record<keyof typeof rolloverJa, string> = {
  "rollover.year": "FY{fy}",
  "rollover.refusal.nothing-to-roll": "Nothing to roll over: the formats read ({profiles}) have no rollover settings (docs/rollover.md).",
  "rollover.refusal.nothing-recognised": "Nothing to roll over: no sheet was recognised as a survey sheet.",
  "rollover.refusal.no-fiscal-year": "The fiscal year cannot be read. Write it in the sheets' titles (such as （平成29年度末）) or set the fiscal year.",
  "rollover.refusal.past-plan-end": "{from} would roll to {to}, which is past the plan period ({period}). The plan's last year cannot be rolled over; create the next plan's sheets with \"new plan\".",
  "rollover.done": "Made the {to} sheets from the {from} sheets.",
  "rollover.counts": "Cells changed: {total} (year labels {year}, carried over such as (A)→(P) {carry}, moved into the yearly results {yearValue}, cleared {clear})",
  "rollover.ended": "Items that ended: {items}",
  "rollover.dropped": "Sheets left out of next year's workbook: {sheets}",
  "rollover.endedKept": "The rows of ended items are kept; delete them if they are no longer needed: {cells}",
  "rollover.notRolled": "Sheets of formats without rollover settings (copied as they are): {sheets}",
  "rollover.formulas": "Formula cells were not changed: {cells}",
  "rollover.aids": "Input aids set on {sheets} sheets ({validations} validations, {highlights} highlights of empty cells).",
  "rollover.aids.protected": "Input aids set on {sheets} sheets ({validations} validations, {highlights} highlights of empty cells). {protected} sheets protected (no password; Review > Unprotect Sheet removes it).",
  "rollover.list.separator": ", ",

  "cli.usage.rollover":
    "      chosahyo rollover <file> -o <out.xlsx> [--drop-ended] [--no-aids] [--protect] [--fiscal-year FY] [--plan-period FROM-TO] [--lang ja|en] [--profile …]\n" +
    "  Rollover (年度更新): makes next year's survey sheets from this year's and writes them to a new file (years move on, (A) carries into (P), results and ratings are cleared).\n" +
    "  --drop-ended: leaves out the sheets of items that were completed, abolished or merged. Next year's sheets get the input aids (code lists, highlights of empty cells; --no-aids for none, --protect to lock all but the input cells). The input file is never written.",
  "cli.rollover.one-input": "Give rollover one workbook.",
  "cli.rollover.written": "■ Written to {path}. The input file was not changed.",
};
