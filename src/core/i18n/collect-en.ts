import type { collectJa } from "./collect-ja";

/** Message catalogue, English: 回収 (`chosahyo collect`, docs/distribution.md), its preview, refusals and 変更履歴 rows. Typed against collect-ja.ts. */
export const collectEn: Record<keyof typeof collectJa, string> = {
  "cli.collect.file": "{file}",
  "cli.collect.department": "  Department: {department}",
  "cli.collect.sheets": "  Sheets: {sheets}",
  "cli.collect.cells": "  Input cells changed: {count}",
  "cli.collect.findings": "  Findings: {error} errors, {warning} warnings, {info} info",
  "cli.collect.finding": "    {sheet}!{cell}: {message}",
  "cli.collect.write-rows": "  Input cells to write into the rows of {sheet}: {count}",
  "cli.collect.replace": "  Sheets to replace: {sheets}",
  "cli.collect.unchanged": "  Same as the master (no sheet to replace).",
  "cli.collect.held": "  The form was changed, so this file is not taken in. Ask for it back with the form as distributed.",
  "cli.collect.accepted": "  The form changes were accepted: they are not taken in, and only the changed input cells are written into the master's form.",
  "cli.collect.write-inputs": "  Input cells only, written into {sheet}: {count}",
  "cli.collect.accept-hint": "With --accept-form-changes (or --accept-form-changes=file for that file only), a file whose form was changed has only its input cells taken in; its form changes are not.",
  "cli.collect.refused": "  Not taken in: {reason}",
  "cli.collect.none": "(none)",
  "cli.collect.read-error": "  Cannot be read: {message}",

  "collect.refusal.not-returned": "Not a distributed workbook (no distribution marker, and no sheet with the master's name and records).",
  "collect.refusal.other-master": "This file was distributed from another master workbook.",
  "collect.refusal.older": "Older (saved {savedAt}) than the copy already taken in (saved {taken}).",
  "collect.refusal.other-department": "The sheet \"{sheet}\" was distributed to {department}.",
  "collect.refusal.same-department": "A file of the same department, {file}, is already taken in by this collection.",
  "collect.refusal.consolidated": "A workbook chosahyo consolidated from {count} files, not a returned one.",
  "collect.refusal.master-copy": "The master workbook (or a copy of it), not a returned one.",

  "collect.log.after": "Replaced by collect ({department}, {file}). Input cells changed: {cells}",
  "collect.log.after-inputs": "Input cells written by collect ({department}, {file}; the form changes were not taken in). Input cells changed: {cells}",
};
