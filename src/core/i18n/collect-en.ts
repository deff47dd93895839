import type { collectJa } from "./collect-ja";

/** Message catalogue, English: 回収 (`chosahyo collect`, docs/distribution.md), its preview, refusals and 変更履歴 rows. Typed against collect-ja.ts. */
export const collectEn: Record<keyof typeof collectJa, string> = {
  "cli.collect.usage":
    "      chosahyo collect <master.xlsx> <returned file or folder>... -o <merged.xlsx> [--dry-run] [--profile …] [--lang ja|en]\n" +
    "  Takes the departments' returned workbooks back into the master (回収): sheets where only input cells changed replace the master's, logged in 変更履歴 and recorded for the 提出状況. A file whose form was changed, or from another master, older than the one taken in, or holding another department's sheets, is not taken in. --dry-run shows what would be taken in and writes nothing. The master and the returned files are never written.",
  "cli.collect.no-master": "Give the master workbook and the returned files (or a folder).",
  "cli.collect.no-output": "Give the merged workbook's path with -o (or --dry-run to see what would be taken in).",
  "cli.collect.unreadable-master": "The master workbook {path} cannot be read: {message}",
  "cli.collect.file": "{file}",
  "cli.collect.department": "  Department: {department}",
  "cli.collect.sheets": "  Sheets: {sheets}",
  "cli.collect.cells": "  Input cells changed: {count}",
  "cli.collect.findings": "  Findings: {error} errors, {warning} warnings, {info} info",
  "cli.collect.finding": "    {sheet}!{cell}: {message}",
  "cli.collect.replace": "  Sheets to replace: {sheets}",
  "cli.collect.unchanged": "  Same as the master (no sheet to replace).",
  "cli.collect.held": "  The form was changed, so this file is not taken in. Ask for it back with the form as distributed.",
  "cli.collect.refused": "  Not taken in: {reason}",
  "cli.collect.none": "(none)",
  "cli.collect.dry-run": "Preview only (--dry-run): nothing was written.",
  "cli.collect.written": "Wrote {path} ({sheets} sheets replaced, {cells} input cells).",
  "cli.collect.nothing": "No file to take in, so nothing was written.",
  "cli.collect.read-error": "  Cannot be read: {message}",

  "collect.refusal.not-returned": "Not a distributed workbook (no distribution marker, and no sheet with the master's name and records).",
  "collect.refusal.other-master": "This file was distributed from another master workbook.",
  "collect.refusal.older": "Older (saved {savedAt}) than the copy already taken in (saved {taken}).",
  "collect.refusal.other-department": "The sheet \"{sheet}\" was distributed to {department}.",
  "collect.refusal.same-department": "A file of the same department, {file}, is already taken in by this collection.",

  "collect.log.after": "Replaced by collect ({department}, {file}). Input cells changed: {cells}",
};
