/** TEXT-HTML's messages: its name in the pane's rule filter (`ruleName.TEXT-HTML`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.TEXT-HTML": "HTMLタグの残り",
    "rule.TEXT-HTML": "{field}にHTMLのタグ（{tags}）が残っています。タグを取り除き、改行に置き換えられます。",
    "fix.TEXT-HTML": "HTMLタグを取り除き、段落を改行にする",
  },
  en: {
    "ruleName.TEXT-HTML": "HTML residue",
    "rule.TEXT-HTML": "{field} contains HTML residue ({tags}). It can be removed, turning paragraphs into line breaks.",
    "fix.TEXT-HTML": "Remove the HTML tags, keeping paragraphs as line breaks",
  },
});
