/** VALUE-UNPARSEABLE's messages: its name in the pane's rule filter (`ruleName.VALUE-UNPARSEABLE`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.VALUE-UNPARSEABLE": "読み取れない値",
    "rule.VALUE-UNPARSEABLE": "{field}の「{value}」を数値や目標として読み取れません。「1,000人」「95%以上」のように数値と単位で入力してください。",
  },
  en: {
    "ruleName.VALUE-UNPARSEABLE": "unreadable value",
    "rule.VALUE-UNPARSEABLE": "{field} \"{value}\" cannot be read as a number or a target. Write a number with its unit, such as 1,000人 or 95%以上.",
  },
});
