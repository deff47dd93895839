/** TEXT-INVISIBLE's messages: its name in the pane's rule filter (`ruleName.TEXT-INVISIBLE`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.TEXT-INVISIBLE": "見えない文字・前後の空白",
    "rule.TEXT-INVISIBLE": "{field}に{what}が含まれています。照合や集計で別の値として扱われるおそれがあります。",
    "fix.TEXT-INVISIBLE": "見えない文字と前後の空白を取り除く",
  },
  en: {
    "ruleName.TEXT-INVISIBLE": "invisible characters or edge spaces",
    "rule.TEXT-INVISIBLE": "{field} contains {what}. It may not match when compared or counted.",
    "fix.TEXT-INVISIBLE": "Remove invisible characters and leading/trailing spaces",
  },
});
