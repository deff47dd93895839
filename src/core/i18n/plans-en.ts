import type { plansJa } from "./plans-ja";

/** Message catalogue, English: words the 年次計画 and 実施状況 rules put into their messages, and the 未着手・中止一覧. Typed against plans-ja.ts. */
export const plansEn: Record<keyof typeof plansJa, string> = {
  "field.plans": "annual plan (年次計画)",

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
