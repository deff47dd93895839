import type { previousJa } from "./previous-ja";

/** Message catalogue, English: the pane's 前年度比較 section (年度 tab) and the status line after a check. Typed against previous-ja.ts. */
export const previousEn: Record<keyof typeof previousJa, string> = {
  "pane.previous.title": "Compare with last year",
  "pane.previous.help":
    "Pick last year's workbook (.xlsx): its survey sheets are copied into this workbook as hidden sheets whose names start with 前年度_, and from the next check the findings against last year are added (text unchanged from last year, ratings that dropped, indicators that slipped, items dropped, last year's issues not carried into this year's plan). The file is read on this computer and sent nowhere.",
  "pane.previous.choose": "Choose last year's workbook…",
  "pane.previous.file": "Last year's workbook",
  "pane.previous.reading": "Reading last year's workbook…",
  "pane.previous.sheetsHelp": "If you copied last year's sheets into this workbook yourself, start their names with 前年度_ (e.g. 前年度_No.1) and they can be used as last year's.",
  "pane.previous.useSheets": "Use the {count} 前年度_ sheets as last year's",
  "pane.previous.setFile": "Last year: {file} ({year}, {sheets} sheets)",
  "pane.previous.setSheets": "Last year: the {sheets} 前年度_ sheets of this workbook",
  "pane.previous.yearUnknown": "year unknown",
  "pane.previous.clear": "Stop comparing with last year",
  "pane.previous.kept": "Copied the {sheets} survey sheets of {file} in as hidden 前年度_ sheets. Press Check to compare with last year.",
  "pane.previous.pointed": "The {sheets} 前年度_ sheets are used as last year's. Press Check to compare with last year.",
  "pane.previous.cleared": "No longer comparing with last year.",
  "pane.previous.noSurvey": "{file} has no survey sheets. Choose last year's survey workbook.",
  "pane.previous.refused": "Cannot compare with last year. {reason}",
  "pane.previous.needsExcel2021":
    "Copying last year's workbook in needs Excel 2021 or later, or Excel in Microsoft 365 (on the web too). In this Excel, copy last year's sheets into this workbook, start their names with 前年度_, and after a check use the 前年度_ sheets as last year's.",
  "pane.previous.unavailable": "Last year's workbook cannot be copied in here. Copy last year's sheets into this workbook and start their names with 前年度_ to use them as last year's.",
  "pane.previous.compared": "Compared with last year ({year}, {sheets} sheets). Findings against last year: {count}.",
  "pane.previous.missing": "Last year's sheets this workbook no longer has: {sheets}",
};
