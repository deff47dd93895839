/** SCHEDULE-VOCABULARY's messages: its name in the pane's rule filter (`ruleName.SCHEDULE-VOCABULARY`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.SCHEDULE-VOCABULARY": "登録外の工程の語",
    "rule.SCHEDULE-VOCABULARY": "年度スケジュール（{year}）の「{token}」は工程の語として登録されていません。{codes} のいずれかを「・」でつないで入力してください。",
  },
  en: {
    "ruleName.SCHEDULE-VOCABULARY": "unknown schedule word",
    "rule.SCHEDULE-VOCABULARY": "\"{token}\" in the schedule ({year}) is not a known phase word. Use one or more of {codes}, joined by \"・\".",
  },
});
