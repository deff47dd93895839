/** IND-NO-MEASUREMENT's messages: its name in the pane's rule filter (`ruleName.IND-NO-MEASUREMENT`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.IND-NO-MEASUREMENT": "実績値のない評価",
    "rule.IND-NO-MEASUREMENT": "指標「{indicator}」の{period}が{value}のまま、評価（{code}）が入力されています。実績値を記入するか、測定できなかった理由をコメントに記入してください。",
  },
  en: {
    "ruleName.IND-NO-MEASUREMENT": "rating without a measurement",
    "rule.IND-NO-MEASUREMENT": "Indicator \"{indicator}\": {period} is {value}, yet a rating ({code}) is given. Enter the actual value, or say in a comment why it could not be measured.",
  },
});
