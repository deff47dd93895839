/**
 * The 変更履歴 sheet: every edit the add-in makes (a fix) is recorded with the cell, the old value, the new value
 * and the time. Office.js has no undo for add-in edits, so this log is the user's undo (docs/rules.md, Fixes).
 */
import type { CellEdit, RuleId } from "./model/finding";
import type { SpecValue } from "./sheet-spec";

export const CHANGE_LOG_SHEET = "変更履歴";
export const CHANGE_LOG_HEADER = ["日時", "シート", "セル", "変更前", "変更後", "規則"] as const;

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
