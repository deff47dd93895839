/** READ-EMPTY's messages: its name in the pane's rule filter (`ruleName.READ-EMPTY`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.READ-EMPTY": "読み取れた件数の不足",
    "rule.READ-EMPTY.none": "{layout}として認識しましたが、項目を1件も読み取れませんでした。見つかった見出し: {found}。見つからなかった見出し: {missing}。見出しの書き方と並び方を様式と比べてください。",
    "rule.READ-EMPTY.none-list": "{layout}として認識しましたが、一覧の行を1行も読み取れませんでした。見つかった見出し: {found}。見つからなかった見出し: {missing}。見出しの書き方と並び方を様式と比べてください。",
    "rule.READ-EMPTY.fewer": "このシートから読み取れた項目は {count} 件で、{list}に載っている {listed} 件より少なくなっています。見つかった見出し: {found}。見つからなかった見出し: {missing}。見出しの書き方が様式と異なる項目がないか確認してください。",
    "rule.READ-EMPTY.nothing": "なし",
  },
  en: {
    "ruleName.READ-EMPTY": "too few records read",
    "rule.READ-EMPTY.none": "Recognised as {layout}, but no record could be read from it. Headings found: {found}. Headings not found: {missing}. Compare the headings' wording and arrangement with the layout.",
    "rule.READ-EMPTY.none-list": "Recognised as {layout}, but no list row could be read from it. Headings found: {found}. Headings not found: {missing}. Compare the headings' wording and arrangement with the layout.",
    "rule.READ-EMPTY.fewer": "{count} records were read from this sheet, fewer than the {listed} that {list} lists. Headings found: {found}. Headings not found: {missing}. Check for records whose headings are worded differently from the layout.",
    "rule.READ-EMPTY.nothing": "none",
  },
});
