/** REASON-REQUIRED's messages: its name in the pane's rule filter (`ruleName.REASON-REQUIRED`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.REASON-REQUIRED": "理由の未記入",
    "rule.REASON-REQUIRED": "実施状況が {statuses} ですが、「未着手・中止の理由」が記入されていません。未着手のまま、または中止とした理由を記入してください。",
  },
  en: {
    "ruleName.REASON-REQUIRED": "reason missing",
    "rule.REASON-REQUIRED": "The status is {statuses}, but the reason (\"未着手・中止の理由\") is empty. Write why the work has not started or was stopped.",
  },
});
