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
  "pane.cycle.rollover.opened": "Opened as a new workbook.",

  "demo.newWorkbook.downloaded": "Downloaded the new workbook \"{name}\". The open workbook is unchanged.",
  "demo.newWorkbook.open": "Open it here",
};
