/** RATING-DROPPED's messages: its name in the pane's rule filter (`ruleName.RATING-DROPPED`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.RATING-DROPPED": "前年度より下がった評価",
    "rule.RATING-DROPPED": "{field}が前年度の {last}（{place}）から {now} に {steps} 段階下がりました。",
    "rule.RATING-DROPPED.lowest": "{field}が前年度の {last}（{place}）から最も低い {now} に {steps} 段階下がりました。",
  },
  en: {
    "ruleName.RATING-DROPPED": "rating lower than last year",
    "rule.RATING-DROPPED": "{field} went down {steps} step(s), from last year's {last} ({place}) to {now}.",
    "rule.RATING-DROPPED.lowest": "{field} went down {steps} step(s), from last year's {last} ({place}) to the lowest, {now}.",
  },
});
