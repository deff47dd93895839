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
  "rollover.previousKept": "Last year for 前年度比較 moved on to {year}: the {sheets} sheets as they were before the roll are kept as hidden 前年度_ sheets (the older ones are deleted).",

};
