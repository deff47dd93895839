/** REPOST-MISMATCH's messages: its name in the pane's rule filter (`ruleName.REPOST-MISMATCH`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.REPOST-MISMATCH": "再掲の不一致",
    "rule.REPOST-MISMATCH": "No.{original}の再掲ですが、{field}（{value}）が元の項目（{originalValue}）と異なります。",
  },
  en: {
    "ruleName.REPOST-MISMATCH": "repost differs",
    "rule.REPOST-MISMATCH": "This repost of No.{original} gives {field} {value}, but the original gives {originalValue}.",
  },
});
