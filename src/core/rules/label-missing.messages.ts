/** LABEL-MISSING's messages: its name in the pane's rule filter (`ruleName.LABEL-MISSING`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.LABEL-MISSING": "見出しの欠落",
    "rule.LABEL-MISSING": "{layout}の見出し「{label}」が見つからないため、この欄を読み取れません。様式の見出しを確認してください。",
  },
  en: {
    "ruleName.LABEL-MISSING": "label missing",
    "rule.LABEL-MISSING": "The {layout} heading \"{label}\" is missing, so this field cannot be read. Check the sheet's headings.",
  },
});
