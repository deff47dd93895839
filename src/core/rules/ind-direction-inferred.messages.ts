/** IND-DIRECTION-INFERRED's messages: its name in the pane's rule filter (`ruleName.IND-DIRECTION-INFERRED`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.IND-DIRECTION-INFERRED": "指標の向きの推定",
    "rule.IND-DIRECTION-INFERRED": "指標「{indicator}」の目標値（{target}）には「以上」「以下」などの向きが書かれていないため、現状値（{baseline}）との大小から「{direction}」と推定して判定しました。向きが違う場合は、目標値に「以上」「以下」を書き添えてください（1行1指標の様式では「目標の型」欄でも指定できます）。",
    "rule.IND-DIRECTION-INFERRED.noBaseline": "指標「{indicator}」の目標値（{target}）には「以上」「以下」などの向きが書かれておらず、比べる現状値もないため、「{direction}」として判定しました。向きが違う場合は、目標値に「以上」「以下」を書き添えてください。",
  },
  en: {
    "ruleName.IND-DIRECTION-INFERRED": "indicator direction inferred",
    "rule.IND-DIRECTION-INFERRED": "Indicator \"{indicator}\": the target ({target}) says neither 以上 (at least) nor 以下 (at most), so it was judged as \"{direction}\", inferred from the baseline ({baseline}). If that is wrong, add 以上 or 以下 to the target (in the one-row-per-indicator sheet, the 目標の型 column also sets it).",
    "rule.IND-DIRECTION-INFERRED.noBaseline": "Indicator \"{indicator}\": the target ({target}) says neither 以上 (at least) nor 以下 (at most), and there is no baseline to compare it with, so it was judged as \"{direction}\". If that is wrong, add 以上 or 以下 to the target.",
  },
});
