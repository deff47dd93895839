/** FORM-CHANGED's messages: its name in the pane's rule filter (`ruleName.FORM-CHANGED`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.FORM-CHANGED": "様式の変更（回収）",
    "rule.FORM-CHANGED.cell": "入力欄ではないセルが配布時と変わっています（配布時: {before} → 返送: {after}）。様式の見出しや固定の欄は変えずに返送するよう依頼してください。",
    "rule.FORM-CHANGED.many": "ほかにも入力欄ではないセルが {count} か所、配布時と変わっています。",
    "rule.FORM-CHANGED.merge": "セルの結合が配布時と変わっています（配布時: {before} → 返送: {after}）。",
    "rule.FORM-CHANGED.rows-inserted": "{at} 行目から {count} 行が挿入されています。行を挿入すると様式の位置がずれるため、このシートは取り込みません。",
    "rule.FORM-CHANGED.rows-deleted": "配布時の {at} 行目から {count} 行が削除されています。行を削除すると様式の位置がずれるため、このシートは取り込みません。",
    "rule.FORM-CHANGED.cols-inserted": "{at} 列から {count} 列が挿入されています。列を挿入すると様式の位置がずれるため、このシートは取り込みません。",
    "rule.FORM-CHANGED.cols-deleted": "配布時の {at} 列から {count} 列が削除されています。列を削除すると様式の位置がずれるため、このシートは取り込みません。",
    "rule.FORM-CHANGED.sheet-added": "シート「{sheet}」は元のブックにありません（シート名の変更か追加）。このシートは取り込みません。",
    "rule.FORM-CHANGED.sheet-missing": "配布したシート「{sheet}」が返送されたファイルにありません（シート名の変更か削除）。",
    "rule.FORM-CHANGED.empty": "（空欄）",
    "rule.FORM-CHANGED.none": "（結合なし）",
    "rule.FORM-CHANGED.formula": "入力欄ではないセルの数式が配布時と変わっています（配布時: {before} → 返送: {after}）。値が同じでも、数式は様式の一部です。",
    "rule.FORM-CHANGED.no-formula": "（数式なし）",
    "rule.FORM-CHANGED.input-formula": "入力欄ですが、配布時は数式のセルでした（配布時: {before} → 返送: {after}）。数式は様式の一部のため、上書きして取り込むことはしません。数式を残して返送するよう依頼するか、元のブックのこのセルを見直してください。",
  },
  en: {
    "ruleName.FORM-CHANGED": "form changed (collect)",
    "rule.FORM-CHANGED.cell": "A cell that is not an input cell differs from the distributed form (distributed: {before} → returned: {after}). Ask the department to return the form with its headings and fixed cells unchanged.",
    "rule.FORM-CHANGED.many": "{count} more cells that are not input cells differ from the distributed form.",
    "rule.FORM-CHANGED.merge": "The merged cells differ from the distributed form (distributed: {before} → returned: {after}).",
    "rule.FORM-CHANGED.rows-inserted": "{count} rows were inserted from row {at}. An inserted row moves the form, so this sheet is not taken in.",
    "rule.FORM-CHANGED.rows-deleted": "{count} rows were deleted from row {at} of the distributed form. A deleted row moves the form, so this sheet is not taken in.",
    "rule.FORM-CHANGED.cols-inserted": "{count} columns were inserted from column {at}. An inserted column moves the form, so this sheet is not taken in.",
    "rule.FORM-CHANGED.cols-deleted": "{count} columns were deleted from column {at} of the distributed form. A deleted column moves the form, so this sheet is not taken in.",
    "rule.FORM-CHANGED.sheet-added": "The sheet \"{sheet}\" is not in the master workbook (a renamed or added sheet). It is not taken in.",
    "rule.FORM-CHANGED.sheet-missing": "The distributed sheet \"{sheet}\" is not in the returned file (renamed or deleted).",
    "rule.FORM-CHANGED.empty": "(empty)",
    "rule.FORM-CHANGED.none": "(not merged)",
    "rule.FORM-CHANGED.formula": "The formula of a cell that is not an input cell differs from the distributed form (distributed: {before} → returned: {after}). Even with the same value, the formula is part of the form.",
    "rule.FORM-CHANGED.no-formula": "(no formula)",
    "rule.FORM-CHANGED.input-formula": "An input cell, but it held a formula when distributed (distributed: {before} → returned: {after}). The formula is part of the form, so it is not overwritten to take the value in. Ask the department to return the cell with its formula, or review this cell in the master.",
  },
});
