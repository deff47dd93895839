/** IND-WORSE-THAN-BASELINE's messages: its name in the pane's rule filter (`ruleName.IND-WORSE-THAN-BASELINE`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.IND-WORSE-THAN-BASELINE": "現状値より悪化",
    "rule.IND-WORSE-THAN-BASELINE": "指標「{indicator}」の{period}が現状値より悪化しています（現状値 → {period}: {details}）。",
  },
  en: {
    "ruleName.IND-WORSE-THAN-BASELINE": "worse than baseline",
    "rule.IND-WORSE-THAN-BASELINE": "Indicator \"{indicator}\": {period} is worse than the baseline (baseline → {period}: {details}).",
  },
});
