/** LIST-MISSING-RECORD's messages: its name in the pane's rule filter (`ruleName.LIST-MISSING-RECORD`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.LIST-MISSING-RECORD": "一覧と調査票の対応なし",
    "rule.LIST-MISSING-RECORD.row": "{list}のNo.{id}に対応する調査票シートがありません。",
    "rule.LIST-MISSING-RECORD.record": "調査票 No.{id} が{list}にありません。",
  },
  en: {
    "ruleName.LIST-MISSING-RECORD": "list row or sheet missing",
    "rule.LIST-MISSING-RECORD.row": "{list} has No.{id}, but there is no survey sheet for it.",
    "rule.LIST-MISSING-RECORD.record": "Survey sheet No.{id} is missing from {list}.",
  },
});
