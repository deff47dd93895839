/** Message catalogue, Japanese: words the 年次計画 and 実施状況 rules put into their messages, and the 未着手・中止一覧. Merged into ja.ts. */
export const plansJa = {
  // ---- field names of the 取組状況 (used inside messages)
  "field.plans": "年次計画",

  // ---- words used inside those messages
  "plans.status.item": "{code}（{meaning}）",
  "plans.status.itemOf": "{code}（{meaning}・{subItem}）",
  "plans.year": "{year}",
  "plans.later": "{year}「{value}」",
  "plans.period": "{from}〜{to}",
  "plans.list.separator": "、",

  // ---- the 取組状況 template (written into generated sheets)
  "template.status.errorTitle": "実施状況",
  "template.status.error": "◎・○・△・× のいずれかを選んでください。",
  "template.status.prompt": "◎ 完了 / ○ 実施中 / △ 未着手 / × 中止",

  // ---- summaries (docs/summaries.md: 評価集計 by plan row; 未着手・中止一覧)
  "summary.planRows.section": "年次計画の行ごとの実施状況（1つの事業に年次計画が複数ある場合は、行ごとに数えています）",
  "summary.planRows.header": "{group}（年次計画の行）",
  "summary.notStarted.col.section": "項",
  "summary.notStarted.col.subsection": "細目",
  "summary.notStarted.col.title": "事業名",
  "summary.notStarted.col.departments": "担当課",
  "summary.notStarted.col.planItem": "年次計画の項目",
} as const;
