import type { MessageKey } from "./ja";
import { mergeCatalogues } from "./merge";
import { seriesEn } from "./series-en";
import { plansEn } from "./plans-en";
import { aidsEn } from "./aids-en";
import { officeAidsEn } from "./office-aids-en";
import { programEn } from "./program-en";
import { newPlanEn } from "./new-plan-en";
import { collectEn } from "./collect-en";
import { collectPaneEn } from "./collect-pane-en";
import { summaryEn } from "./summary-en";
import { paneEn } from "./pane-en";
import { rolloverEn } from "./rollover-en";
import { compareEn } from "./compare-en";
import { cycleEn } from "./cycle-en";
import { splitEn } from "./split-en";
import { distributeEn } from "./distribute-en";
import { previousEn } from "./previous-en";
import { matchesEn } from "./matches-en";
import { ruleMessagesEn } from "./rule-messages.generated";
import { summaryMessagesEn } from "./summary-messages.generated";

/** English catalogue. Typed against ja.ts, so a missing translation fails tsc. */
export const en: Record<MessageKey, string> = mergeCatalogues(
  {
    "app.name": "Chosahyo Checker",
    "app.tagline": "Checks survey sheets (調査票) for missing entries, rating codes and indicator values before submission, and builds the summary sheets.",

    "field.id": "No.",
    "field.title": "item title",
    "field.tags": "category",
    "field.repostOf": "repost",
    "field.purpose": "purpose",
    "field.group": "policy",
    "field.departments": "departments (所管課)",
    "field.plan": "plan (P)",
    "field.result": "results (D)",
    "field.next": "issues and next steps (A)",
    "field.eval1": "1st evaluation",
    "field.eval2": "2nd evaluation",
    "field.eval1Comment": "1st evaluation comment",
    "field.eval2Comment": "2nd evaluation comment",
    "field.status": "status",
    "field.statusComment": "status note",
    "field.reason": "reason not started / stopped",
    "field.indicators": "indicators",
    "field.indicator": "indicator",
    "field.baseline": "baseline",
    "field.target": "target",
    "field.actual": "actual",
    "field.task": "task",
    "field.schedule": "schedule",
    "field.yearlyResults": "yearly results",
    "field.fiscalYear": "fiscal year",
    "field.page": "page",

    "what.zeroWidth": "zero-width characters",
    "what.edgeSpace": "leading or trailing spaces",
    "what.blank": "blank",

    "severity.error": "error",
    "severity.warning": "warning",
    "severity.info": "info",

    "template.rating.errorTitle": "Rating",
    "template.rating.error": "Choose S, A or B.",
    "template.rating.prompt": "S: ahead / A: on plan / B: behind",

    "profile.problem.unknown-field": "{path}: unknown field (check the spelling)",
    "profile.problem.missing": "{path}: required field is missing",
    "profile.problem.wrong-type": "{path}: wrong type ({detail})",
    "profile.problem.bad-value": "{path}: invalid value ({detail})",
    "profile.problem.unknown-reference": "{path}: reference not found ({detail})",
    "profile.problem.more": "and {count} more",
    "profile.problem.param": "Profile {profile}, rule {rule}: {problem}",
    "profile.noId": "(no id)",
    "param.problem.wrong": "{field} must be {expected}",
    "param.problem.missing": "{field} is required",
    "param.problem.unknown": "{field} is not a parameter of this rule (it takes {allowed})",
    "param.problem.none": "{field} cannot be set: this rule takes no parameters",
    "param.type.string": "a string",
    "param.types.string": "strings",
    "param.type.regex": "a regular expression",
    "param.types.regex": "regular expressions",
    "param.type.fiscal-year": "a fiscal year such as 平成29年度 or 令和5年度",
    "param.types.fiscal-year": "fiscal years such as 平成29年度 or 令和5年度",
    "param.type.integer": "an integer",
    "param.types.integer": "integers",
    "param.type.integer-from": "an integer of at least {minimum}",
    "param.types.integer-from": "integers of at least {minimum}",
    "param.type.number": "a number",
    "param.types.number": "numbers",
    "param.type.boolean": "true or false",
    "param.types.boolean": "true or false values",
    "param.type.enum": "one of {values}",
    "param.types.enum": "values among {values}",
    "param.type.fieldId": "a field id (purpose, plan, …)",
    "param.types.fieldId": "field ids (purpose, plan, …)",
    "param.type.array": "an array of {items}",
    "param.types.array": "arrays of {items}",
    "param.type.object": "an object with {keys}",
    "param.types.object": "objects with {keys}",
    "param.type.or": "{a} or {b}",
    "param.type.value": "a value",
    "param.types.value": "values",

    "error.empty-file": "The file is empty.",
    "error.sheet-hidden": "Sheet \"{sheet}\" is hidden, so its cell cannot be selected.",
    "error.conflict": "Someone else is editing this workbook at the same time and the changes clashed, again after several tries. Wait a moment, then try again.",
    "error.unsupported-operation": "Excel cannot do this here. A shared workbook of the old kind (Review > Share Workbook) cannot take tables, merged cells or charts: stop sharing it, or co-author it on OneDrive or SharePoint instead, then try again.",
    "error.invalid-operation": "Excel refused this change. Check the workbook's state (protected or hidden sheets, merged cells), then try again.",
    "error.payload-too-large": "The data to pass at once went over Excel on the web's 5 MB limit, so the add-in stopped. Look for a cell with very long text, or run it in Excel on the desktop.",
    "error.excel-busy": "Excel did not answer in time (it is busy). Wait a moment, then try again.",
    "error.file-unavailable": "Excel would not hand over this workbook's file. Save the workbook, close it and open it again, then try again (if it is open read-only or in Protected View, enable editing first).",
    "error.sheet-very-hidden": "Sheet \"{sheet}\" is very hidden (Excel's Unhide menu does not list it), so its cell cannot be selected.",
    "error.sheets-interrupted": "Writing the sheets stopped part way ({sheet}). Run it again to rewrite any sheet left unfinished.",
    "error.not-a-workbook": "This is not an Excel workbook (.xlsx).",
    "error.not-a-workbook.csv": "CSV files cannot be read. Open it in Excel and save it as .xlsx.",
    "error.legacy-xls": "This is a legacy .xls workbook. Open it in Excel and save it as .xlsx.",
    "error.encrypted": "The workbook is password-protected (encrypted) and cannot be read. Remove the password and save it again.",
    "error.corrupt": "The file is damaged or was not saved completely. Check the original file.",
    "error.corrupt-part": "Part of the file ({sheet}) is damaged and cannot be read. Open it in Excel and save it again, or check the original file.",
    "error.too-complex": "Reading stopped because the workbook's structure is too large ({sheet}). Remove unneeded sheets or formatting and save it again.",
    "error.timeout": "Reading did not finish in time and was stopped.",
    "error.ods": "This is an OpenDocument spreadsheet (.ods). Open it in LibreOffice Calc or Excel and save it as Excel 2007-365 (.xlsx).",
    "error.xlsb": "This is an Excel binary workbook (.xlsb). Open it in Excel and save it as an Excel Workbook (.xlsx).",
    "error.strict-ooxml":
      "This workbook is saved as a Strict Open XML Spreadsheet. It can be checked, but nothing can be written into it in that format (summary sheets, fixes, input aids). Open it in Excel, save it as an Excel Workbook (*.xlsx), then try again. Nothing was changed.",
    "error.numbers": "This is an Apple Numbers document. In Numbers choose Export To → Excel and save it as .xlsx.",
    "error.too-large": "The file is too large (the limit is {limit} MB).",
    "error.no-worksheets": "The workbook has no worksheets.",
    "error.no-recognised-sheet": "No sheet could be recognised as a survey sheet ({count} sheets checked).",
    "error.not-found": "File not found.",
    "error.unreadable": "The file cannot be read ({reason}).",
    "error.empty-folder": "The folder contains no .xlsx files.",
    "error.protected-sheet": "Sheet \"{sheet}\" is protected and cannot be changed. Unprotect it (Review > Unprotect Sheet), then try again.",
    "error.protected-workbook":
      "The workbook's structure is protected (Review > Protect Workbook), so the add-in cannot add its sheets (change log, settings, summaries). Turn off Protect Workbook, then try again; if it has a password you do not know, ask the workbook's owner. Nothing was changed.",
    "error.write-interrupted": "Writing stopped part way. These cells were changed: {cells}; each is recorded in the 変更履歴 (change log) sheet. No other cell changed. Check the workbook again, then fix the rest.",
    "error.write-interrupted.none": "Writing stopped part way. No cell was changed. Try again.",
    "error.write-unconfirmed":
      "Writing stopped part way and the add-in could not read back which cells changed. These may have changed: {cells} (they are recorded in the 変更履歴 (change log) sheet). Check those cells, then check the workbook again.",
    "error.cells.more": "{cells} and {count} more",
    "error.cell-edit-mode": "Excel is editing a cell. Finish the edit, then try again.",
    "error.sheet-missing": "Sheet \"{sheet}\" was not found (it may have been deleted).",
    "error.unsupported-host": "This feature needs a newer version of Excel.",
    "error.cancelled": "Cancelled.",
    "error.internal": "An unexpected error occurred ({reason}).",

    "years.fiscalYear": "Fiscal year assessed: {year} ({source})",
    "years.planPeriod": "Plan period: {from}–{to} ({source})",
    "years.planPeriod.profile": "Plan period ({profile}): {from}–{to} ({source})",
    "years.source.user": "as set",
    "years.source.workbook.fiscalYear": "read from the sheet titles",
    "years.source.workbook.planPeriod": "read from the year headers",
    "years.source.profile": "the profile's default",
  },
  summaryEn,
  plansEn,
  aidsEn,
  officeAidsEn,
  seriesEn,
  programEn,
  newPlanEn,
  collectEn,
  collectPaneEn,
  paneEn,
  rolloverEn,
  compareEn,
  cycleEn,
  splitEn,
  distributeEn,
  previousEn,
  matchesEn,
  ruleMessagesEn,
  summaryMessagesEn,
);
