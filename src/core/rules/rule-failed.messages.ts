/** RULE-FAILED's messages: its name in the pane's rule filter (`ruleName.RULE-FAILED`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.RULE-FAILED": "点検できなかった規則",
    "rule.RULE-FAILED": "規則「{rule}」はこのシートで途中で止まったため、この規則の点検を行えませんでした（{reason}）。ほかの規則の指摘はそのまま有効です。プロファイルのこの規則の設定を確認してください。",
  },
  en: {
    "ruleName.RULE-FAILED": "rule that could not run",
    "rule.RULE-FAILED": "Rule {rule} stopped on this sheet, so this check was not done ({reason}). The other rules' findings stand. Check this rule's settings in the profile.",
  },
});
