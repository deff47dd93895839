/** crosstab's messages: the sheet's title (`summary.title.crosstab`), what the pane says it holds, and its own texts. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "summary.title.crosstab": "評価集計",
    "pane.summaries.sheet.crosstab": "方針ごと・所管課ごとに評価の件数と割合を数えた表と、積み上げ棒グラフです。",
  },
  en: {
    "summary.title.crosstab": "Ratings by group",
    "pane.summaries.sheet.crosstab": "Ratings by group: the count and share of each rating by group and by department, and a stacked bar chart.",
  },
});
