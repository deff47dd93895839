/** indicators's messages: the sheet's title (`summary.title.indicators`), what the pane says it holds, and its own texts. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "summary.title.indicators": "指標達成状況",
    "pane.summaries.sheet.indicators": "指標ごとに、現状値・目標値・実績値と、達成・未達の判定を並べた表です。",
  },
  en: {
    "summary.title.indicators": "Indicator achievement",
    "pane.summaries.sheet.indicators": "Indicator achievement: each indicator's baseline, target and actual value, met or not met.",
  },
});
