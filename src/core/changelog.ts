/**
 * The 変更履歴 sheet: every edit the add-in makes (a fix) is recorded with the cell, the old value, the new value
 * and the time. Office.js has no undo for add-in edits, so this log is the user's undo (docs/rules.md, Fixes).
 */
import type { CellEdit, RuleId } from "./model/finding";
import { type CellStyle, type SheetSpec, type SpecCell, type SpecValue, text } from "./sheet-spec";

export const CHANGE_LOG_SHEET = "変更履歴";
export const CHANGE_LOG_HEADER = ["日時", "シート", "セル", "変更前", "変更後", "規則"] as const;
/** The header's look, the same from both adapters: bold on light blue, thin borders. */
export const CHANGE_LOG_HEADER_STYLE: CellStyle = { bold: true, fill: "#DDEBF7", border: "thin" };
/** Column widths in characters, one per header column. */
export const CHANGE_LOG_WIDTHS: readonly number[] = [20, 14, 8, 40, 40, 22];

export interface LoggedEdit extends CellEdit {
  readonly ruleId?: RuleId;
}

/** Local time as `2026-11-22 14:05:09`: what a clerk reads, and sorts as text. */
export function logTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** One row per edit. Every value is text: a cell that held `=…` is logged as it was, never as a formula. */
export function changeLogRows(edits: readonly LoggedEdit[], at: Date): SpecValue[][] {
  const time = logTime(at);
  return edits.map((e) => [
    { t: "text", v: time },
    { t: "text", v: e.sheet },
    { t: "text", v: e.cell },
    { t: "text", v: e.before },
    { t: "text", v: String(e.after) },
    { t: "text", v: e.ruleId ?? "" },
  ]);
}

/**
 * The 変更履歴 sheet as both adapters lay it out: the header (styled, frozen), the widths, and `rows`, cells from row 1
 * on. The Office adapter writes the header alone and appends rows under it; the file adapter writes the sheet whole.
 */
export function changeLogSpec(name: string, rows: readonly SpecCell[] = []): SheetSpec {
  return {
    name,
    cells: [...CHANGE_LOG_HEADER.map((h, i) => ({ row: 0, col: i, value: text(h), style: "header" })), ...rows],
    styles: { header: CHANGE_LOG_HEADER_STYLE },
    merges: [],
    columnWidths: CHANGE_LOG_WIDTHS,
    freeze: { rows: 1, cols: 0 },
  };
}
