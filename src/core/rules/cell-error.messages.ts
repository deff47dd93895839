/** CELL-ERROR's messages: its name in the pane's rule filter (`ruleName.CELL-ERROR`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.CELL-ERROR": "エラー値",
    "rule.CELL-ERROR": "{field}のセルがエラー値（{error}）になっています。数式や参照先を確認してください。",
  },
  en: {
    "ruleName.CELL-ERROR": "error value",
    "rule.CELL-ERROR": "The {field} cell shows the error value {error}. Check its formula or reference.",
  },
});
