/** PLAN-CARRYOVER-MISSING's messages: its name in the pane's rule filter (`ruleName.PLAN-CARRYOVER-MISSING`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.PLAN-CARRYOVER-MISSING": "前年度の今後の取組の反映漏れ",
    "rule.PLAN-CARRYOVER-MISSING": "前年度の{from}（{place}）が今年度の{to}に反映されていません。前年度に書いた今後の取組を確認してください。",
  },
  en: {
    "ruleName.PLAN-CARRYOVER-MISSING": "last year's next steps not carried over",
    "rule.PLAN-CARRYOVER-MISSING": "Last year's {from} ({place}) is not reflected in this year's {to}. Check what last year's sheet planned for this year.",
  },
});
