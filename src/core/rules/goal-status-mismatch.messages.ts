/** GOAL-STATUS-MISMATCH's messages: its name in the pane's rule filter (`ruleName.GOAL-STATUS-MISMATCH`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.GOAL-STATUS-MISMATCH": "前年度末の状況と実績の不一致",
    "rule.GOAL-STATUS-MISMATCH": "{field}の（前年度末の状況）「{status}」が、{resultField}の同じ取組の記載「{figures}」（{total}）と合いません。どちらの数値が正しいか確認してください。",
  },
  en: {
    "ruleName.GOAL-STATUS-MISMATCH": "year-end status disagrees with results",
    "rule.GOAL-STATUS-MISMATCH": "The previous year-end status \"{status}\" in {field} does not match the figures for the same work in {resultField}: \"{figures}\" ({total}). Check which figure is right.",
  },
});
