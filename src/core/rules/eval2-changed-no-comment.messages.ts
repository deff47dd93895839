/** EVAL2-CHANGED-NO-COMMENT's messages: its name in the pane's rule filter (`ruleName.EVAL2-CHANGED-NO-COMMENT`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.EVAL2-CHANGED-NO-COMMENT": "2次評価の変更理由",
    "rule.EVAL2-CHANGED-NO-COMMENT": "{eval2Field}（{eval2}）が{eval1Field}（{eval1}）と異なりますが、{eval2Field}のコメントがありません。変更の理由を記入してください。",
  },
  en: {
    "ruleName.EVAL2-CHANGED-NO-COMMENT": "2nd evaluation changed without a comment",
    "rule.EVAL2-CHANGED-NO-COMMENT": "The 2nd evaluation ({eval2}) differs from the 1st ({eval1}) but has no comment. Explain the change.",
  },
});
