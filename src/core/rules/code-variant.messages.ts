/** CODE-VARIANT's messages: its name in the pane's rule filter (`ruleName.CODE-VARIANT`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.CODE-VARIANT": "記号の表記ゆれ",
    "rule.CODE-VARIANT": "{field}の「{value}」は「{code}」と書くのが正しい形です。修正候補を適用できます。",
    "fix.CODE-VARIANT": "「{value}」を「{code}」に直す",
  },
  en: {
    "ruleName.CODE-VARIANT": "code variant",
    "rule.CODE-VARIANT": "{field} \"{value}\" should be written \"{code}\". A fix is available.",
    "fix.CODE-VARIANT": "Change \"{value}\" to \"{code}\"",
  },
});
