/** IND-UNIT-MISMATCH's messages: its name in the pane's rule filter (`ruleName.IND-UNIT-MISMATCH`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.IND-UNIT-MISMATCH": "単位の不一致",
    "rule.IND-UNIT-MISMATCH": "指標「{indicator}」の目標値（{targetUnit}）と{period}（{actualUnit}）の単位が異なり、比較できません。単位をそろえてください。",
    "rule.IND-UNIT-MISMATCH.converted": "指標「{indicator}」の目標値（{targetUnit}）と{period}（{actualUnit}）の単位の書き方が異なります。換算して比較しました。単位をそろえると確実です。",
  },
  en: {
    "ruleName.IND-UNIT-MISMATCH": "unit mismatch",
    "rule.IND-UNIT-MISMATCH": "Indicator \"{indicator}\": the target ({targetUnit}) and {period} ({actualUnit}) are in different units and cannot be compared. Use the same unit.",
    "rule.IND-UNIT-MISMATCH.converted": "Indicator \"{indicator}\": the target ({targetUnit}) and {period} ({actualUnit}) write the unit differently. They were compared after conversion; using the same unit is safer.",
  },
});
