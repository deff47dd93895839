/** EVAL-COMMENT-MISSING's messages: its name in the pane's rule filter (`ruleName.EVAL-COMMENT-MISSING`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.EVAL-COMMENT-MISSING": "評価の理由の未記入",
    "rule.EVAL-COMMENT-MISSING": "評価が「{code}」ですが、その理由（コメント）が記入されていません。{code}評価とした理由を記入してください。",
  },
  en: {
    "ruleName.EVAL-COMMENT-MISSING": "rating without a comment",
    "rule.EVAL-COMMENT-MISSING": "The rating is {code} but no reason (comment) is given. Explain the {code} rating in a comment.",
  },
});
