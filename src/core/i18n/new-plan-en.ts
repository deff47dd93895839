import type { newPlanJa } from "./new-plan-ja";

/** Message catalogue, English: a new plan's blank workbook from its item list (`chosahyo new-plan`). Typed against new-plan-ja.ts. */
export const newPlanEn: Record<keyof typeof newPlanJa, string> = {
  "newPlan.column.fiscalEffect": "financial effect (財政効果)",
  "newPlan.columns.required": "方針 (policy), No., 取組項目 (item), 所管課 (departments) and 目的・ねらい (purpose)",
  "newPlan.where.row": "Row {row}",
  "newPlan.where.sheetRow": "Sheet \"{sheet}\", row {row}",

  "newPlan.problem.no-header": "The list's header row was not found. Write the headers {columns} in its first row (財政効果 is optional).",
  "newPlan.problem.no-header-sheet": "Sheet \"{sheet}\" has no header row of an item list. Write the headers {columns} (財政効果 is optional).",
  "newPlan.problem.no-list-sheet": "No sheet holds an item list. Add a table whose header row names {columns}, or a 評価一覧 sheet.",
  "newPlan.problem.missing-column": "{where}: the header has no column for {column}. Add a column headed with one of {labels}.",
  "newPlan.problem.duplicate-column": "{where}: the header has two columns for {column} (columns {first} and {second}). Keep one of them.",
  "newPlan.problem.empty-id": "{where} ({cell}): the No. is empty.",
  "newPlan.problem.bad-id": "{where} ({cell}): the No. \"{id}\" is not an item number. Write it in figures, such as 1, 12 or 2-1.",
  "newPlan.problem.duplicate-id": "{where} ({cell}): No. {id} is also on row {first}. Give each item its own number.",
  "newPlan.problem.empty-title": "{where} ({cell}): the item (取組項目) is empty.",
  "newPlan.problem.repost-unknown": "{where} ({cell}): 【No.{of}の再掲】 repeats No.{of}, which is not in the list.",
  "newPlan.problem.no-items": "The list has no item rows under its header.",
  "newPlan.problem.too-many": "The list has {count} items; at most {max} 調査票 can be made at once. Split the list.",
  "newPlan.problem.unclosed-quote": "The quote (\") that opens on row {row} is never closed. Check the quotes in the CSV.",
  "newPlan.problem.title-unreadable": "The title \"{title}\" does not read as a 調査票 title. Write it in the form …調査票（{year}年度末）.",

  "cli.newPlan.reposts": "The reposted items ({ids}) are in the 評価一覧 only, with no 調査票 of their own (they are reported on the original item's).",
};
