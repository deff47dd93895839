/** DONE-BUT-SCHEDULED's messages: its name in the pane's rule filter (`ruleName.DONE-BUT-SCHEDULED`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.DONE-BUT-SCHEDULED": "完了後の予定",
    "rule.DONE-BUT-SCHEDULED.continuing": "実施状況は ◎（完了）ですが、以降の年度も運用・継続が計画されています（{later}）。今年度分の完了という意味であれば問題ありません。事業全体が完了した場合は、以降の年度を「—」にしてください。",
    "rule.DONE-BUT-SCHEDULED.milestones": "実施状況は ◎（完了）ですが、以降の年度に新たな取組が計画されています（{later}）。事業全体が完了したのか確認し、取組が続く場合は実施状況を ○（実施中）にするか、年次計画を見直してください。",
  },
  en: {
    "ruleName.DONE-BUT-SCHEDULED": "done but still scheduled",
    "rule.DONE-BUT-SCHEDULED.continuing": "The status is ◎ (completed), but later years still plan operation or continuation ({later}). That is fine if it means this year's part is done; if the whole project is finished, set the later years to \"—\".",
    "rule.DONE-BUT-SCHEDULED.milestones": "The status is ◎ (completed), but later years plan new work ({later}). Check whether the whole project is finished; if the work goes on, set the status to ○ (in progress) or revise the plan.",
  },
});
