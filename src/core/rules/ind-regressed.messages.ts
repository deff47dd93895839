/** IND-REGRESSED's messages: its name in the pane's rule filter (`ruleName.IND-REGRESSED`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.IND-REGRESSED": "前年度は達成した指標",
    "rule.IND-REGRESSED": "指標「{name}」は前年度に目標を達成していました（{last}、{place}）が、今年度は未達成です（{now}）。",
  },
  en: {
    "ruleName.IND-REGRESSED": "indicator met last year",
    "rule.IND-REGRESSED": "The indicator \"{name}\" met its target last year ({last}, {place}) but does not this year ({now}).",
  },
});
