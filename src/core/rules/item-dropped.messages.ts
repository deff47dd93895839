/** ITEM-DROPPED's messages: its name in the pane's rule filter (`ruleName.ITEM-DROPPED`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.ITEM-DROPPED": "前年度からなくなった取組",
    "rule.ITEM-DROPPED": "前年度の{item}（{place}）が今年度のブックにありません。終了・統合したなら前年度の調査票にその旨が必要です。続いているなら調査票を加えてください。",
  },
  en: {
    "ruleName.ITEM-DROPPED": "item missing since last year",
    "rule.ITEM-DROPPED": "Last year's {item} ({place}) is not in this year's workbook. If it ended or was merged, last year's sheet should say so; if it goes on, add its sheet.",
  },
});
