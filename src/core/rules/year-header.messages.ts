/** YEAR-HEADER's messages: its name in the pane's rule filter (`ruleName.YEAR-HEADER`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.YEAR-HEADER": "年度の見出し",
    "rule.YEAR-HEADER.order": "年度の見出し「{header}」が、左の列（{previous}）より後の年度になっていません。年度は左から古い順に、重複なく並べてください。",
    "rule.YEAR-HEADER.duplicate": "年度の見出し「{header}」が、左の列（{previous}）と同じ年度です。各年度の列は1つにしてください。",
    "rule.YEAR-HEADER.notation": "年度の見出し「{header}」の書き方が、同じ行のほかの見出し（「{usual}」など）と揃っていません。西暦か和暦のどちらかに揃えてください。",
    "rule.YEAR-HEADER.outside": "年度の見出し「{header}」が計画期間（{period}）に含まれていません。見出しの年度を確認してください。",
    "rule.YEAR-HEADER.missing": "年度の見出しに {years} がありません。{span}の年度をすべて、左から順に見出しに入れてください。",
  },
  en: {
    "ruleName.YEAR-HEADER": "year headers",
    "rule.YEAR-HEADER.order": "The year header \"{header}\" does not come after the column on its left ({previous}). Put the years in order from left to right, each once.",
    "rule.YEAR-HEADER.duplicate": "The year header \"{header}\" repeats the year of the column on its left ({previous}). Give each year one column.",
    "rule.YEAR-HEADER.notation": "The year header \"{header}\" is written differently from the other headers in its row (such as \"{usual}\"). Write them all in the Western calendar or all in the Japanese era.",
    "rule.YEAR-HEADER.outside": "The year header \"{header}\" is outside the plan period ({period}). Check the year.",
    "rule.YEAR-HEADER.missing": "The year headers lack {years}. Give every year of {span} a column, in order from left to right.",
  },
});
