/** PARENT-CHILD's messages: its name in the pane's rule filter (`ruleName.PARENT-CHILD`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.PARENT-CHILD": "内訳シートとの不一致",
    "rule.PARENT-CHILD.rating": "評価（{code}）が内訳シートの評価の範囲（{range}）から外れていますが、コメントがありません。理由を記入してください。",
    "rule.PARENT-CHILD.departments": "{field}が内訳シートの{field}の合計と一致しません（不足: {missing}／余分: {extra}）。",
    "rule.PARENT-CHILD.value": "{column}の「{label}」（{value}）が{parentSheet}の値（{parentValue}）と異なります。",
    "rule.PARENT-CHILD.unrated": "{parentSheet}は評価済みですが、この内訳シートには評価がありません。",
  },
  en: {
    "ruleName.PARENT-CHILD": "parent and sub-sheets disagree",
    "rule.PARENT-CHILD.rating": "The rating ({code}) is outside the range of its sub-sheets' ratings ({range}) and has no comment. Explain it.",
    "rule.PARENT-CHILD.departments": "The departments do not match those of the sub-sheets (missing: {missing} / extra: {extra}).",
    "rule.PARENT-CHILD.value": "{column} \"{label}\" ({value}) differs from {parentSheet} ({parentValue}).",
    "rule.PARENT-CHILD.unrated": "{parentSheet} is rated, but this sub-sheet has no rating.",
  },
});
