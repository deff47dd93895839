import type { collectPaneJa } from "./collect-pane-ja";

/** Message catalogue, English: the pane's 回収 section (年度 tab). Typed against collect-pane-ja.ts. */
export const collectPaneEn: Record<keyof typeof collectPaneJa, string> = {
  "pane.collect.title": "Collect (回収)",
  "pane.collect.help": "Pick the workbooks (.xlsx) the departments sent back to see what would change before anything is written. Taking them in replaces the matching sheets of this workbook with the departments' sheets and records it in 変更履歴.",
  "pane.collect.choose": "Choose returned files…",
  "pane.collect.file": "Returned files",
  "pane.collect.checking": "Checking the files…",
  "pane.collect.preview": "Preview before taking in: nothing has been written yet.",
  "pane.collect.confirm": "Take in",
  "pane.collect.cancel": "Cancel",
  "pane.collect.accept": "Take in the input cells only, not the form changes",
  "pane.collect.unaccept": "Do not accept the form changes (leave this file out)",
  "pane.collect.running": "Taking in…",
  "pane.collect.nothing": "No file can be taken in.",
  "pane.collect.done": "Took in {count} file(s) ({sheets} sheet(s) replaced, {cells} cell(s) changed): {files}",
  "pane.collect.next": "Check what came in with Validate; Summaries can now make the submissions status (提出状況).",
  "pane.collect.formulaCells": "These cells show a formula's result (a dynamic array's included) and were not written: {cells}",
  "pane.collect.notTaken": "Not taken in: {files}",
  "pane.collect.unavailable": "Collecting (回収) is not available here. Open the workbook in the browser version (demo.html), or use the command line: chosahyo collect.",
  "pane.collect.needsExcel2021":
    "Taking returned files in needs Excel 2021 or later, or Excel for Microsoft 365 (including Excel on the web). This Excel cannot do it. Open the workbook in the browser version (demo.html), or use the command line: chosahyo collect.",
  "pane.collect.interrupted":
    "Taking in stopped at {file}. Taken in: {taken}. Not yet taken in: {left}. Pick the same files and take them in again to take in the rest (files already in do not change).",
  "pane.collect.unconfirmed":
    "Writing {file} stopped part way, and what it left could not be checked. Taken in: {taken}. A sheet whose name starts with 回収前_ is the sheet as it was before it was replaced. Check the workbook, then pick the same files and take them in again.",
  "pane.collect.webInsert": "Excel on the web cannot take in sheets that hold comments, charts, PivotTables or slicers. Take this file in with Excel on Windows or Mac, or in the browser version (demo.html).",
  "pane.collect.webTooLarge": "This file is larger than Excel on the web can be handed at once (5 MB). Take it in with Excel on Windows or Mac, or in the browser version (demo.html).",
  "pane.collect.none": "none",
} as const;
