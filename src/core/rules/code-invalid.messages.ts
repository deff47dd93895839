/** CODE-INVALID's messages: its name in the pane's rule filter (`ruleName.CODE-INVALID`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.CODE-INVALID": "使えない記号",
    "rule.CODE-INVALID": "{field}の「{value}」は使えない記号です。{codes} のいずれかを入力してください。",
  },
  en: {
    "ruleName.CODE-INVALID": "invalid code",
    "rule.CODE-INVALID": "\"{value}\" is not a valid {field} code. Enter one of {codes}.",
  },
});
