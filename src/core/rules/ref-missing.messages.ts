/** REF-MISSING's messages: its name in the pane's rule filter (`ruleName.REF-MISSING`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.REF-MISSING": "参照先のない番号",
    "rule.REF-MISSING": "{field}で「No.{ref}」の取組を参照していますが、No.{ref} の行がありません。番号が正しいか確認し、正しければ No.{ref} の行を追加してください。",
  },
  en: {
    "ruleName.REF-MISSING": "reference to a missing item",
    "rule.REF-MISSING": "{field} refers to item No.{ref}, but there is no row No.{ref}. Check the number, and if it is right, add the row No.{ref}.",
  },
});
