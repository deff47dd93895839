/** NUMBER-AS-TEXT's messages: its name in the pane's rule filter (`ruleName.NUMBER-AS-TEXT`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.NUMBER-AS-TEXT": "文字列の数値",
    "rule.NUMBER-AS-TEXT": "{field}の「{value}」が文字列として入力されています。数値に変換できます。",
    "fix.NUMBER-AS-TEXT": "「{value}」を数値に変換する",
  },
  en: {
    "ruleName.NUMBER-AS-TEXT": "number stored as text",
    "rule.NUMBER-AS-TEXT": "{field} \"{value}\" is a number stored as text. It can be converted to a number.",
    "fix.NUMBER-AS-TEXT": "Convert \"{value}\" to a number",
  },
});
