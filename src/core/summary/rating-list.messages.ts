/** ratingList's messages: the sheet's title (`summary.title.ratingList`), what the pane says it holds, and its own texts. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "summary.title.ratingList": "評価一覧",
    "pane.summaries.sheet.ratingList": "取組ごとに、方針・所管課・1次評価・2次評価・最終の評価・指標の数を並べた一覧です。",
  },
  en: {
    "summary.title.ratingList": "Rating list",
    "pane.summaries.sheet.ratingList": "Rating list: one row per item, with its group, departments, 1st and 2nd evaluation, final rating and number of indicators.",
  },
});
