/**
 * What the host can do for the 年度 tab, asked before its work is loaded: the work itself (run-cycle.ts,
 * run-distribute.ts, with the file layer) is a chunk the pane fetches on first use, so opening the pane does not pay
 * for tools used once a year.
 */
import type { WorkbookPort } from "../workbook/port";

/**
 * A host that can save a file the pane made (the browser demo downloads it). Not part of WorkbookPort: it is about
 * the page, not the workbook, and Excel has no such thing; the pane asks for it with canSaveFile.
 */
export interface FileSaver {
  saveFile(bytes: Uint8Array, name: string): Promise<void>;
}

export function canSaveFile(port: WorkbookPort): port is WorkbookPort & FileSaver {
  return typeof (port as Partial<FileSaver>).saveFile === "function";
}

/** Whether the host can take the departments' workbooks: as one ZIP (the demo) or as new workbooks (ExcelApi 1.8). */
export function canDistribute(port: WorkbookPort): boolean {
  return typeof port.fileBytes === "function" && (canSaveFile(port) || typeof port.openAsNewWorkbook === "function");
}

/** 年度更新 and 新しい計画 open their result as a new workbook, made from the open one's bytes. */
export function canMakeNewWorkbook(port: WorkbookPort): boolean {
  return typeof port.fileBytes === "function" && typeof port.openAsNewWorkbook === "function";
}

export function canSetInputAids(port: WorkbookPort): boolean {
  return typeof port.applyInputAids === "function";
}
