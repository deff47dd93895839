/** IND-RATING-CONFLICT's messages: its name in the pane's rule filter (`ruleName.IND-RATING-CONFLICT`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.IND-RATING-CONFLICT": "評価と指標の食い違い",
    "rule.IND-RATING-CONFLICT.unmet": "評価は「{code}」ですが、指標はいずれも目標に達していません（{details}）。評価の理由をコメントに記入するか、評価を見直してください。",
    "rule.IND-RATING-CONFLICT.met": "評価は「{code}」ですが、指標はいずれも目標を達成しています（{details}）。評価の理由をコメントに記入するか、評価を見直してください。",
  },
  en: {
    "ruleName.IND-RATING-CONFLICT": "rating contradicts indicators",
    "rule.IND-RATING-CONFLICT.unmet": "The rating is {code}, but no indicator reached its target ({details}). Explain the rating in a comment, or review it.",
    "rule.IND-RATING-CONFLICT.met": "The rating is {code}, but every indicator met its target ({details}). Explain the rating in a comment, or review it.",
  },
});
