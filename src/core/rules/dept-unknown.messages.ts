/** DEPT-UNKNOWN's messages: its name in the pane's rule filter (`ruleName.DEPT-UNKNOWN`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.DEPT-UNKNOWN": "不明な課名",
    "rule.DEPT-UNKNOWN": "{field}「{names}」が{master}にありません。課名を確認してください。",
  },
  en: {
    "ruleName.DEPT-UNKNOWN": "unknown department",
    "rule.DEPT-UNKNOWN": "Department \"{names}\" is not in {master}. Check the name.",
  },
});
