/** REASON-UNEXPECTED's messages: its name in the pane's rule filter (`ruleName.REASON-UNEXPECTED`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.REASON-UNEXPECTED": "不要な理由",
    "rule.REASON-UNEXPECTED": "「未着手・中止の理由」が記入されていますが、実施状況はすべて ◎（完了）か ○（実施中）です。実施状況が正しいか確認し、正しければ理由の欄を空欄にしてください。",
  },
  en: {
    "ruleName.REASON-UNEXPECTED": "unexpected reason",
    "rule.REASON-UNEXPECTED": "A reason for not starting or stopping (\"未着手・中止の理由\") is given, but every status is ◎ (completed) or ○ (in progress). Check the status; if it is right, clear the reason.",
  },
});
