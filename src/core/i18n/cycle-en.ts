import type { cycleJa } from "./cycle-ja";

/** Message catalogue, English: the pane's 年度 tab and the demo's new-workbook offer. Typed against cycle-ja.ts. */
export const cycleEn: Record<keyof typeof cycleJa, string> = {
  "pane.tab.cycle": "Year",
  "pane.cycle.intro": "The yearly cycle: next year's survey sheets, input aids, a new plan. The open workbook is not changed (except by the input aids).",
  "pane.cycle.unsupported": "This Excel cannot create a new workbook (it needs ExcelApi 1.8: Excel 2019 or later, or Microsoft 365). The browser version or the command line (chosahyo rollover) can.",

  "pane.cycle.rollover.title": "Rollover (年度更新)",
  "pane.cycle.rollover.help": "Makes next year's survey sheets from this year's, in a new workbook: the years move on, (A) becomes next year's (P), the 下半期値 goes into the yearly results, results and ratings are cleared.",
  "pane.cycle.rollover.dropEnded": "Leave out items that were completed, abolished or merged",
  "pane.cycle.rollover.run": "Make next year's sheets",
  "pane.cycle.rollover.running": "Making next year's sheets…",
  "pane.cycle.rollover.fileName": "{base}_{year}",
  "pane.cycle.rollover.defaultName": "survey_{year}",
  "pane.cycle.rollover.aids": "Set the input aids on next year's sheets",

  "pane.cycle.aids.title": "Input aids (入力支援)",
  "pane.cycle.aids.help": "Sets, on this workbook's input cells, drop-down lists of the codes (S/A/B, ◎○△× …, with their meanings), input messages on what to write, and a highlight on empty required cells, and records them in 変更履歴. No value is changed.",
  "pane.cycle.aids.protect": "Protect the sheets so that only the input cells can be edited",
  "pane.cycle.aids.unprotect": "The protection has no password. Review > Unprotect Sheet removes it.",
  "pane.cycle.aids.run": "Set input aids",
  "pane.cycle.aids.running": "Setting input aids…",
  "pane.cycle.aids.none": "There is nothing to set input aids on (the recognised sheets have no code or required cells).",
  "pane.cycle.aids.skippedProtected": "Sheets protected with a password were left as they are. Unprotect them and run again: {sheets}",

  "pane.cycle.newPlan.title": "New plan",
  "pane.cycle.newPlan.help": "At the start of a plan, makes a new workbook of the 評価一覧 and one blank survey sheet per item from the plan's item list (a CSV with the columns 方針, No., 取組項目, 所管課, 目的・ねらい, or a workbook holding the list).",
  "pane.cycle.newPlan.file": "Item list (.csv / .xlsx)",
  "pane.cycle.newPlan.choose": "Choose the list file",
  "pane.cycle.newPlan.chosen": "Chosen: {name}",
  "pane.cycle.newPlan.period": "Plan period",
  "pane.cycle.newPlan.periodHint": "For example 令和5〜8 or 2023-2026",
  "pane.cycle.newPlan.periodBad": "The plan period cannot be read. Type it as 令和5〜8 or 2023-2026.",
  "pane.cycle.newPlan.run": "Make the new plan's workbook",
  "pane.cycle.newPlan.running": "Making the new plan's workbook…",
  "pane.cycle.newPlan.fileName": "survey_{from}-{to}",
  "pane.cycle.newPlan.done": "Made a new workbook of the 評価一覧 and {surveys} survey sheets from the list's {items} items (plan period {from}–{to}).",
  "pane.cycle.newPlan.problems": "Survey sheets cannot be made from \"{name}\". Fix these first:",
  "pane.cycle.newPlan.more": "and {count} more",
  "pane.cycle.newPlan.notText": "\"{name}\" cannot be read as a CSV (text) nor as an Excel workbook.",
  "pane.cycle.newPlan.noTemplate": "The new plan's format ({template}) is missing.",

  "demo.newWorkbook.downloaded": "Downloaded the new workbook \"{name}\". The open workbook is unchanged.",
  "demo.newWorkbook.open": "Open it here",
};
