/** TEXT-UNCHANGED's messages: its name in the pane's rule filter (`ruleName.TEXT-UNCHANGED`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.TEXT-UNCHANGED": "前年度と同じ文章",
    "rule.TEXT-UNCHANGED": "{field}が前年度（{last}）と同じです。今年度の内容を記入してください。",
    "rule.TEXT-UNCHANGED.similar": "{field}が前年度（{last}）とほぼ同じです（類似度 {percent}%）。今年度の内容になっているか確認してください。",
  },
  en: {
    "ruleName.TEXT-UNCHANGED": "text same as last year",
    "rule.TEXT-UNCHANGED": "{field} is the same as last year's ({last}). Write this year's.",
    "rule.TEXT-UNCHANGED.similar": "{field} is nearly the same as last year's ({last}; {percent}% alike). Check that it says this year's.",
  },
});
