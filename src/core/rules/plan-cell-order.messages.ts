/** PLAN-CELL-ORDER's messages: its name in the pane's rule filter (`ruleName.PLAN-CELL-ORDER`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.PLAN-CELL-ORDER": "工程表の順序",
    "rule.PLAN-CELL-ORDER.arrowFirst": "年次計画の最初の年度（{year}）が「→」になっています。「→」は左の年度の取組を続けるという意味です。最初の年度には取組の内容を記入してください。",
    "rule.PLAN-CELL-ORDER.afterDash": "{dashYear}は「—」（計画なし）ですが、その後の{year}に「{value}」が計画されています。「—」は取組を終えた後の年度に使います。年次計画を確認してください。",
  },
  en: {
    "ruleName.PLAN-CELL-ORDER": "schedule order",
    "rule.PLAN-CELL-ORDER.arrowFirst": "The first year of the plan ({year}) is \"→\", which means \"continue the year on the left\". Write the work planned for the first year.",
    "rule.PLAN-CELL-ORDER.afterDash": "{dashYear} is \"—\" (nothing planned), but the later {year} plans \"{value}\". Use \"—\" only for the years after the work has ended; check the plan.",
  },
});
