/** findings's messages: the sheet's title (`summary.title.findings`), what the pane says it holds, and its own texts. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "summary.title.findings": "検証結果",
    "pane.summaries.sheet.findings": "検証の指摘（重要度・規則・セル・修正候補）を、件数とともに並べた表です。",
    "summary.findings.bySeverity": "重要度別",
    "summary.findings.byRule": "規則別",
    "summary.findings.none": "指摘はありません。",
  },
  en: {
    "summary.title.findings": "Validation results",
    "pane.summaries.sheet.findings": "Validation results: the findings (severity, rule, cell, suggested fix) with their counts.",
    "summary.findings.bySeverity": "By severity",
    "summary.findings.byRule": "By rule",
    "summary.findings.none": "No findings.",
  },
});
