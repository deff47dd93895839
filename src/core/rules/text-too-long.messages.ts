/** TEXT-TOO-LONG's messages: its name in the pane's rule filter (`ruleName.TEXT-TOO-LONG`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.TEXT-TOO-LONG": "文字数の超過",
    "rule.TEXT-TOO-LONG": "{field}が{length}文字あり、上限の{max}文字を超えています。内容を短くしてください。",
  },
  en: {
    "ruleName.TEXT-TOO-LONG": "text too long",
    "rule.TEXT-TOO-LONG": "{field} has {length} characters, over the limit of {max}. Shorten it.",
  },
});
