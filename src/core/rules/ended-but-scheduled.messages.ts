/** ENDED-BUT-SCHEDULED's messages: its name in the pane's rule filter (`ruleName.ENDED-BUT-SCHEDULED`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.ENDED-BUT-SCHEDULED": "終了した取組の予定",
    "rule.ENDED-BUT-SCHEDULED": "この取組は題名に「{note}」とあり終了していますが、{field}に記入があります。終了した取組は取組実績だけを記入します。{field}を空欄にするか、取組を続ける場合は題名の終了の記載を見直してください。",
  },
  en: {
    "ruleName.ENDED-BUT-SCHEDULED": "ended item still planned",
    "rule.ENDED-BUT-SCHEDULED": "This item has ended (its title says \"{note}\"), yet {field} is filled in. An ended item has results only. Empty {field}, or, if the item goes on, correct the note in its title.",
  },
});
