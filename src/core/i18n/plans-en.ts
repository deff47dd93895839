import type { plansJa } from "./plans-ja";

/** Message catalogue, English: the 年次計画 and 実施状況 rules and the 未着手・中止一覧. Typed against plans-ja.ts. */
export const plansEn: Record<keyof typeof plansJa, string> = {
  "field.plans": "annual plan (年次計画)",

  "rule.REASON-REQUIRED":
    "The status is {statuses}, but the reason (\"未着手・中止の理由\") is empty. Write why the work has not started or was stopped.",
  "rule.REASON-UNEXPECTED":
    "A reason for not starting or stopping (\"未着手・中止の理由\") is given, but every status is ◎ (completed) or ○ (in progress). Check the status; if it is right, clear the reason.",
  "rule.DONE-BUT-SCHEDULED.continuing":
    "The status is ◎ (completed), but later years still plan operation or continuation ({later}). That is fine if it means this year's part is done; if the whole project is finished, set the later years to \"—\".",
  "rule.DONE-BUT-SCHEDULED.milestones":
    "The status is ◎ (completed), but later years plan new work ({later}). Check whether the whole project is finished; if the work goes on, set the status to ○ (in progress) or revise the plan.",
  "rule.PLAN-CELL-ORDER.arrowFirst":
    "The first year of the plan ({year}) is \"→\", which means \"continue the year on the left\". Write the work planned for the first year.",
  "rule.PLAN-CELL-ORDER.afterDash":
    "{dashYear} is \"—\" (nothing planned), but the later {year} plans \"{value}\". Use \"—\" only for the years after the work has ended; check the plan.",
  "rule.YEAR-HEADER.order": "The year header \"{header}\" does not come after the column on its left ({previous}). Put the years in order from left to right, each once.",
  "rule.YEAR-HEADER.duplicate": "The year header \"{header}\" repeats the year of the column on its left ({previous}). Give each year one column.",
  "rule.YEAR-HEADER.notation": "The year header \"{header}\" is written differently from the other headers in its row (such as \"{usual}\"). Write them all in the Western calendar or all in the Japanese era.",
  "rule.YEAR-HEADER.outside": "The year header \"{header}\" is outside the plan period ({period}). Check the year.",
  "rule.YEAR-HEADER.missing": "The year headers lack {years}. Give every year of {span} a column, in order from left to right.",
  "rule.LIST-MISMATCH.departmentNotes":
    "The departments in {list} (\"{listValue}\") and on sheet \"{sheet}\" (\"{recordValue}\") carry different notes ({names}). Check which is right.",

  "plans.status.item": "{code} ({meaning})",
  "plans.status.itemOf": "{code} ({meaning}, \"{subItem}\")",
  "plans.year": "FY{fy}",
  "plans.later": "{year} \"{value}\"",
  "plans.period": "{from} to {to}",
  "plans.list.separator": ", ",

  "template.status.errorTitle": "Status",
  "template.status.error": "Choose one of ◎, ○, △ and ×.",
  "template.status.prompt": "◎ completed / ○ in progress / △ not started / × discontinued",

  "summary.planRows.section": "Status by plan row (a project with several plan rows counts once per row)",
  "summary.planRows.header": "{group} (plan rows)",
  "summary.notStarted.col.section": "Section",
  "summary.notStarted.col.subsection": "Sub-section",
  "summary.notStarted.col.title": "Project",
  "summary.notStarted.col.departments": "Departments",
  "summary.notStarted.col.planItem": "Plan item",
};
