import type { distributeJa } from "./distribute-ja";

/** Message catalogue, English: 配布 in the pane's 年度 tab and the browser demo. Typed against distribute-ja.ts. */
export const distributeEn: Record<keyof typeof distributeJa, string> = {
  "pane.distribute.title": "Distribute (配布)",
  "pane.distribute.help": "Makes one workbook per department, holding only that department's survey sheets (with input aids). The open workbook is not changed.",
  "pane.distribute.shared.copy": "Send an item naming several departments to each of them (off: the first only)",
  "pane.distribute.run": "Make the departments' workbooks",
  "pane.distribute.running": "Making the departments' workbooks…",
  "pane.distribute.opening": "Opening as new workbooks: {done} / {total} departments",
  "pane.distribute.cancel": "Stop, and open no more",
  "pane.distribute.unsupported":
    "This Excel cannot make the departments' workbooks (it needs ExcelApi 1.8: Excel 2019 or later, or Microsoft 365). The browser version or the command line (chosahyo split) can.",
  "pane.distribute.zipName": "調査票_配布_{count}課.zip",
  "pane.distribute.downloaded": "Made {count} departments' workbooks and downloaded them together as \"{name}\". The open workbook was not changed.",
  "pane.distribute.opened": "Made {count} departments' workbooks and opened them as new workbooks. The open workbook was not changed.",
  "pane.distribute.cancelled": "Made {count} departments' workbooks and stopped after opening {done}. Not opened: {rest}",
  "pane.distribute.files": "The departments' workbooks",
  "pane.distribute.file": "{file}: {count} sheets ({sheets})",
  "demo.newWorkbook.downloadedFiles": "Downloaded \"{name}\". The workbook here was not changed.",
} as const;
