/** submissions's messages: the sheet's title (`summary.title.submissions`), what the pane says it holds, and its own texts. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "summary.title.submissions": "提出状況",
    "pane.summaries.sheet.submissions": "配布した所管課ごとの提出の有無（回収日時・ファイル）、指摘の件数と変更セル数です。未提出の所管課を先頭に示します。",
    "summary.submissions.missing": "未提出の所管課：{count}（配布 {of} 課のうち）",
    "summary.submissions.allIn": "すべての所管課から提出されています。",
    "summary.submissions.noneExpected": "配布した所管課はありません。",
    "summary.submissions.col.sheets": "対象シート",
    "summary.submissions.col.received": "提出",
    "summary.submissions.col.collectedAt": "回収日時",
    "summary.submissions.col.errors": "エラー",
    "summary.submissions.col.warnings": "警告",
    "summary.submissions.col.info": "情報",
    "summary.submissions.col.cellsChanged": "変更セル数",
    "summary.submissions.yes": "済",
    "summary.submissions.no": "未",
    "summary.submissions.totalReceived": "済 {received} ／ 未 {missing}",
  },
  en: {
    "summary.title.submissions": "Submissions",
    "pane.summaries.sheet.submissions": "Submissions: for each department sent a workbook, whether it came back (when, which file), its findings and the cells it changed; the departments still to submit first.",
    "summary.submissions.missing": "Still to submit: {count} (of {of} departments sent a workbook)",
    "summary.submissions.allIn": "Every department has submitted.",
    "summary.submissions.noneExpected": "No department was sent a workbook.",
    "summary.submissions.col.sheets": "Sheets",
    "summary.submissions.col.received": "Submitted",
    "summary.submissions.col.collectedAt": "Collected at",
    "summary.submissions.col.errors": "Errors",
    "summary.submissions.col.warnings": "Warnings",
    "summary.submissions.col.info": "Info",
    "summary.submissions.col.cellsChanged": "Cells changed",
    "summary.submissions.yes": "yes",
    "summary.submissions.no": "no",
    "summary.submissions.totalReceived": "yes {received} / no {missing}",
  },
});
