/** ID-DUPLICATE's messages: its name in the pane's rule filter (`ruleName.ID-DUPLICATE`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.ID-DUPLICATE": "番号の重複",
    "rule.ID-DUPLICATE": "No.{id} が重複しています（ほかに {others}）。番号を確認してください。",
    "rule.ID-DUPLICATE.more": "{places} ほか {count} か所",
  },
  en: {
    "ruleName.ID-DUPLICATE": "duplicate number",
    "rule.ID-DUPLICATE": "No.{id} appears more than once (also at {others}). Check the numbering.",
    "rule.ID-DUPLICATE.more": "{places} and {count} more",
  },
});
