import type { CliMessageKey } from "./messages-ja";

/** Message catalogue of the command line, English. Typed against messages-ja.ts. */
export const cliEn: Record<CliMessageKey, string> = {
  "cli.usage":
    "Usage: chosahyo validate <file or folder>... [--json] [--lang ja|en] [--stage 提出前|本部評価後] [--profile file.json] [--fiscal-year FY] [--plan-period FROM-TO] [--timeout seconds] [--jobs N]\n" +
    "  Checks the survey sheets (調査票) in .xlsx files. A folder means every .xlsx file in it.\n" +
    "  Exit code: 0 no errors / 1 errors found / 2 a file could not be read\n" +
    "  --timeout: time limit per file in seconds (default 60). --jobs: files checked at once (default: one per CPU core)\n" +
    "  --fiscal-year: the fiscal year assessed (2023, 令和5, R5). --plan-period: the plan period (2023-2026, 令和5〜8). Without them: the workbook's settings, then its titles and year headers\n" +
    "       chosahyo summarize <file or folder> -o <out.xlsx> [--include-reposts] [--previous last-year.xlsx] [--lang ja|en] [--stage …] [--profile …] [--timeout seconds]\n" +
    "  Writes the workbook plus the summary sheets (評価一覧, 評価集計, 指標達成状況, 未着手・中止一覧, 検証結果, and 提出状況 where the workbook records 配布 and 回収) to a new file.\n" +
    "  A folder consolidates every department's workbook into one. Input files are never written.",
  "cli.arg.unknown-command": "Unknown command: {command}",
  "cli.arg.unknown-option": "Unknown option: {option}",
  "cli.arg.missing-value": "{option} needs a value.",
  "cli.arg.no-input": "Give a file or folder to check.",
  "cli.arg.bad-lang": "--lang must be ja or en.",
  "cli.arg.bad-stage": "--stage must be 提出前 or 本部評価後.",
  "cli.arg.profile-unreadable": "Cannot read profile {path} ({reason}).",
  "cli.arg.profile-not-json": "Profile {path} is not valid JSON. Check its brackets, commas and quotes.",
  "cli.arg.profile-invalid": "Profile {path} is invalid: {problems}",
  "cli.arg.bad-timeout": "--timeout must be a number of seconds above 0 (at most {max}): {value}",
  "cli.arg.bad-fiscal-year": "--fiscal-year takes a fiscal year such as 2023, 令和5 or R5: {value}",
  "cli.arg.bad-plan-period": "--plan-period takes a plan period such as 2023-2026, 令和5〜8 or R5-R8: {value}",
  "cli.arg.fiscal-year-outside": "--fiscal-year (FY{year}) is outside --plan-period (FY{from}–FY{to}).",
  "cli.arg.bad-jobs": "--jobs must be a whole number from 1 to {max}: {value}",
  "cli.file": "■ {path}",
  "cli.sheets": "Sheets recognised: {count}",
  "cli.sheet.line": "  {name}  …{profile} ({layout})",
  "cli.tally.records": "{count} records",
  "cli.tally.records-plans": "{count} records ({plans} plan rows)",
  "cli.tally.list-rows": "{count} list rows",
  "cli.tally.indicators": "{count} indicators",
  "cli.tally.goals": "{count} numeric goals",
  "cli.tally.ended": "{count} ended",
  "cli.tally.each": "{count} per sheet",
  "cli.tally.each-list": "{count} rows per sheet",
  "cli.tally.separator": " · ",
  "cli.sheets.more": "  and {count} more ({layout})",
  "cli.sheets.unrecognised": "Sheets not recognised (left untouched): {names}",
  "cli.sheets.hidden": "Hidden sheets: {names}",
  "cli.sheet.trimmed": "Sheet \"{name}\" has a large used range ({rows} rows × {cols} columns); only the part holding values was read.",
  "cli.findings.none": "No findings.",
  "cli.findings.counts": "Findings: {error} errors, {warning} warnings, {info} info",
  "cli.findings.sheet": "  [{sheet}] errors {error} · warnings {warning} · info {info}",
  "cli.finding.line": "    {severity} {cell} {ruleId}: {message}",
  "cli.total": "{files} files: {error} errors, {warning} warnings, {info} info ({failed} files could not be read)",
  "cli.error.line": "{path}: {message}",
  "cli.error.timeout": "Took longer than {seconds} s and was stopped (the limit can be changed with --timeout).",
  "cli.progress.files": "{done} / {total} files",
  "cli.progress.sheets": "{done} / {total} sheets",
  "cli.aids.usage":
    "      chosahyo aids <file.xlsx> -o <out.xlsx> [--protect] [--lang ja|en] [--stage …] [--profile …] [--timeout seconds]\n" +
    "  Writes a new file with a drop-down list (S/A/B, ◎○△× …) and an input message on each code cell, and a colour on empty required cells.\n" +
    "  --protect: protects the sheets so that only input cells can be edited (no password). No value is changed; what was set is recorded in 変更履歴.",
  "cli.aids.no-input": "Give one workbook to set the input aids on.",
  "cli.aids.no-output": "Give the output file with -o (the input is never overwritten).",
  "cli.aids.written": "Wrote {path} (input aids on {count} sheets).",
  "cli.aids.sheet": "  {sheet}: {validations} validations, {highlights} empty required cells{protected}",
  "cli.aids.sheet.protected": ", protected",
  "cli.aids.unprotect":
    "To remove the protection: in Excel, Review → Unprotect Sheet; in LibreOffice Calc, untick Tools → Protect Sheet (there is no password).",
  "cli.aids.skipped-protected": "Protected sheets were left alone: {names} (remove the protection and run again)",
  "cli.aids.none": "No sheet can take input aids (no survey sheet with codes or required fields was read). Nothing was written.",
  "cli.collect.usage":
    "      chosahyo collect <master.xlsx> <returned file or folder>... -o <merged.xlsx> [--dry-run] [--accept-form-changes[=file,…]] [--profile …] [--lang ja|en] [--timeout seconds]\n" +
    "  Takes the departments' returned workbooks back into the master (回収): sheets where only input cells changed replace the master's, logged in 変更履歴 and recorded for the 提出状況. A file whose form was changed, or from another master, older than the one taken in, or holding another department's sheets, is not taken in. With --accept-form-changes (=file,… for the named files only), a file whose form was changed has only its changed input cells written into the master's form; its form changes are not taken in. --dry-run shows what would be taken in and writes nothing. --timeout: the time limit for reading each file, the master and each returned file alike (seconds, default 60). The master and the returned files are never written.",
  "cli.collect.no-master": "Give the master workbook and the returned files (or a folder).",
  "cli.collect.no-output": "Give the merged workbook's path with -o (or --dry-run to see what would be taken in).",
  "cli.collect.accept-unknown": "--accept-form-changes names files that are not among the returned files: {files}",
  "cli.collect.unreadable-master": "The master workbook {path} cannot be read: {message}",
  "cli.collect.dry-run": "Preview only (--dry-run): nothing was written.",
  "cli.collect.formula-cells": "These cells show part of an array formula's result and were not written: {cells}",
  "cli.collect.written": "Wrote {path} ({sheets} sheets replaced, {cells} input cells).",
  "cli.collect.nothing": "No file to take in, so nothing was written.",
  "cli.newPlan.usage":
    "      chosahyo new-plan <list.csv or list.xlsx> -o <out.xlsx> [--plan-period FROM-TO] [--plan-name NAME] [--title TITLE] [--no-aids] [--protect] [--profile …] [--lang ja|en] [--timeout seconds]\n" +
    "  Makes a new workbook from a plan's item list (方針, No., 取組項目, 所管課, 目的・ねらい, 財政効果): a blank 調査票 per item and the 評価一覧.\n" +
    "  --plan-period: the plan period (令和9〜12, 2027-2030; by default four years from this fiscal year). --title: the 調査票 title ({plan} the plan's name, {year} its first year; by default {plan}進捗状況調査票（{year}年度末）)\n" +
    "  The input aids (the rating lists, empty required cells coloured) are set; --no-aids leaves them off, --protect leaves only the input cells editable (no password)",
  "cli.newPlan.one-input": "Give new-plan one item list file.",
  "cli.newPlan.no-output": "Give the file to write with -o (for example -o chosahyo.xlsx).",
  "cli.newPlan.input-unreadable": "Cannot read {path} ({reason}).",
  "cli.newPlan.input-type": "{path} is neither a CSV (.csv) nor an Excel workbook (.xlsx). Save the list as CSV or .xlsx.",
  "cli.newPlan.input-too-large": "{path} is too large for an item list ({size} MB; at most {max} MB).",
  "cli.newPlan.not-text": "{path} reads neither as UTF-8 nor as Shift_JIS. Save the CSV again as \"CSV UTF-8\".",
  "cli.newPlan.output-not-xlsx": "The output {path} must be an .xlsx file.",
  "cli.newPlan.problems": "Cannot make the 調査票 from {path}. Correct the following:",
  "cli.newPlan.problem.line": "  - {message}",
  "cli.newPlan.problem.more": "  and {count} more",
  "cli.newPlan.no-template": "new-plan makes only the layout of {template}. Give --profile a profile whose id is {template} (the one given is {id}).",
  "cli.newPlan.period-default": "No plan period was given, so it is the four years from this fiscal year ({from} to {to}). Give --plan-period to change it.",
  "cli.newPlan.read-list": "List: {source} ({count} items)",
  "cli.newPlan.source.sheet": "sheet \"{sheet}\"",
  "cli.newPlan.written": "Wrote the 評価一覧 and {surveys} 調査票 to {path} (plan period {from} to {to}).",
  "cli.usage.rollover":
    "      chosahyo rollover <file> -o <out.xlsx> [--drop-ended] [--no-aids] [--protect] [--fiscal-year FY] [--plan-period FROM-TO] [--lang ja|en] [--profile …] [--timeout seconds]\n" +
    "  Rollover (年度更新): makes next year's survey sheets from this year's and writes them to a new file (years move on, (A) carries into (P), results and ratings are cleared).\n" +
    "  --drop-ended: leaves out the sheets of items that were completed, abolished or merged. Next year's sheets get the input aids (code lists, highlights of empty cells; --no-aids for none, --protect to lock all but the input cells). The input file is never written.",
  "cli.rollover.one-input": "Give rollover one workbook.",
  "cli.rollover.written": "■ Written to {path}. The input file was not changed.",
  "cli.split.usage": [
    "chosahyo split <master.xlsx> -o <folder> [--shared lead|copy] [--no-aids] [--profile <file.json>] [--lang ja|en] [--timeout seconds]",
    "  Distribution: writes one workbook per department from the master (its sheets, or its items' rows of a sheet listing several), named after the department.",
    "  An item naming several departments goes to the first (the lead) and the others are listed; --shared copy sends it to every named department.",
    "  The list sheet (評価一覧) is not distributed. Input aids are set (--no-aids: none). The output folder must be empty or new.",
  ].join("\n"),
  "cli.split.no-input": "Give one master workbook: chosahyo split <master.xlsx> -o <folder>",
  "cli.split.no-output": "Give the output folder with -o: chosahyo split <master.xlsx> -o <folder>",
  "cli.split.bad-shared": "--shared takes lead (the first department only) or copy (every named department).",
  "cli.split.output-not-empty": "{path} already holds files. So that nothing is overwritten, give an empty or new folder.",
  "cli.split.output-is-file": "{path} is not a folder. Give the folder to write to.",
  "cli.split.written": "■ Wrote {count} departments' workbooks to {path}. The master was not changed.",
  "cli.split.file": "  {file}: {count} sheets ({sheets})",
  "cli.summarize.one-input": "summarize takes one workbook or one folder.",
  "cli.summarize.no-output": "Give the file to write with -o (for example -o summary.xlsx).",
  "cli.summarize.macro-extension": "{path} is made from a workbook with macros (VBA): give the output the .xlsm extension (Excel does not open it as .xlsx).",
  "cli.summarize.previous-folder": "--previous works when summarising one workbook, not a folder.",
  "cli.summarize.same-path": "The output {path} is the input file. The input is never overwritten; choose another name.",
  "cli.summarize.output-unwritable": "Cannot write {path} ({reason}).",
  "cli.summarize.written": "■ Wrote {path} ({count} sheets)",
  "cli.summarize.sheet": "  {name}",
  "cli.summarize.renamed": "  {name} (a sheet of yours is named \"{requested}\", so this one got another name)",
  "cli.summarize.skipped-consolidated": "{path}: a workbook chosahyo consolidated from {count} files, not a submission; not read.",
  "cli.summarize.sources": "Workbooks read: {files} ({records} records)",
  "cli.summarize.errors": "There are {count} error findings; see the 検証結果 sheet.",
  "cli.compare.usage": [
    "      chosahyo compare <last-year.xlsx> <this-year.xlsx> [--json] [-o out.xlsx] [--lang ja|en] [--stage 提出前|本部評価後] [--profile …] [--timeout s]",
    "  Year over year: compares two years' sheets item by item (ratings and statuses up or down, indicators better or worse, text the same as last year's, items gone) and lists the findings against last year.",
    "  -o writes this year's workbook with the 前年度比較 sheet to a new file; summarize --previous <last-year.xlsx> adds 前年度比較 to the summaries.",
    "  chosahyo validate <file> --previous <last-year.xlsx> adds those findings to a check. Neither file is written.",
  ].join("\n"),
  "cli.compare.two-inputs": "Give compare last year's workbook and this year's, in that order: chosahyo compare <last-year.xlsx> <this-year.xlsx>",
  "cli.fs.ENOENT": "no such folder or file",
  "cli.fs.EISDIR": "it is a folder; give a file name",
  "cli.fs.ENOTDIR": "part of the path is not a folder",
  "cli.fs.EACCES": "no permission, or another program (such as Excel) has it open",
  "cli.fs.EBUSY": "another program (such as Excel) has it open",
  "cli.fs.ENOSPC": "the disk is full",
  "cli.fs.EROFS": "the location is read-only",
  "cli.fs.ENAMETOOLONG": "the name is too long",
  "cli.fs.reason": "{words}: {code}",
};
