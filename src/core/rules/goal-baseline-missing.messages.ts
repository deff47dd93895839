/** GOAL-BASELINE-MISSING's messages: its name in the pane's rule filter (`ruleName.GOAL-BASELINE-MISSING`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.GOAL-BASELINE-MISSING": "基準値のない数値目標",
    "rule.GOAL-BASELINE-MISSING": "{field}の数値目標「{goal}」に基準となる現状の値が書かれていないため、進み具合を測れません。「(令和3年4月1日現在:0%)」のように、基準日と値を目標の後に書き添えてください。",
  },
  en: {
    "ruleName.GOAL-BASELINE-MISSING": "numeric goal without a baseline",
    "rule.GOAL-BASELINE-MISSING": "The numeric goal \"{goal}\" in {field} gives no baseline, so its progress cannot be measured. Add the baseline date and value after the goal, as in \"(令和3年4月1日現在:0%)\".",
  },
});
