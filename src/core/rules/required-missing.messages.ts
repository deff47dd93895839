/** REQUIRED-MISSING's messages: its name in the pane's rule filter (`ruleName.REQUIRED-MISSING`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.REQUIRED-MISSING": "必須項目の未記入",
    "rule.REQUIRED-MISSING": "{field}が入力されていません。提出前に入力してください。",
    "rule.REQUIRED-MISSING.final": "{field}が入力されていません（本部評価後の段階では必須です）。",
  },
  en: {
    "ruleName.REQUIRED-MISSING": "required field missing",
    "rule.REQUIRED-MISSING": "{field} is empty. Fill it in before submitting.",
    "rule.REQUIRED-MISSING.final": "{field} is empty (required once the headquarters evaluation is done).",
  },
});
