/** Message catalogue, Japanese: the 年次計画 and 実施状況 rules (YEAR-HEADER, PLAN-CELL-ORDER, REASON-*, DONE-BUT-SCHEDULED) and the 未着手・中止一覧. Merged into ja.ts. */
export const plansJa = {
  // ---- field names of the 取組状況 (used inside messages)
  "field.plans": "年次計画",

  // ---- rules of the 取組状況 (record rules, docs/rules.md)
  "rule.REASON-REQUIRED":
    "実施状況が {statuses} ですが、「未着手・中止の理由」が記入されていません。未着手のまま、または中止とした理由を記入してください。",
  "rule.REASON-UNEXPECTED":
    "「未着手・中止の理由」が記入されていますが、実施状況はすべて ◎（完了）か ○（実施中）です。実施状況が正しいか確認し、正しければ理由の欄を空欄にしてください。",
  "rule.DONE-BUT-SCHEDULED.continuing":
    "実施状況は ◎（完了）ですが、以降の年度も運用・継続が計画されています（{later}）。今年度分の完了という意味であれば問題ありません。事業全体が完了した場合は、以降の年度を「—」にしてください。",
  "rule.DONE-BUT-SCHEDULED.milestones":
    "実施状況は ◎（完了）ですが、以降の年度に新たな取組が計画されています（{later}）。事業全体が完了したのか確認し、取組が続く場合は実施状況を ○（実施中）にするか、年次計画を見直してください。",
  "rule.PLAN-CELL-ORDER.arrowFirst":
    "年次計画の最初の年度（{year}）が「→」になっています。「→」は左の年度の取組を続けるという意味です。最初の年度には取組の内容を記入してください。",
  "rule.PLAN-CELL-ORDER.afterDash":
    "{dashYear}は「—」（計画なし）ですが、その後の{year}に「{value}」が計画されています。「—」は取組を終えた後の年度に使います。年次計画を確認してください。",
  "rule.YEAR-HEADER.order":
    "年度の見出し「{header}」が、左の列（{previous}）より後の年度になっていません。年度は左から古い順に、重複なく並べてください。",
  "rule.YEAR-HEADER.duplicate": "年度の見出し「{header}」が、左の列（{previous}）と同じ年度です。各年度の列は1つにしてください。",
  "rule.YEAR-HEADER.notation":
    "年度の見出し「{header}」の書き方が、同じ行のほかの見出し（「{usual}」など）と揃っていません。西暦か和暦のどちらかに揃えてください。",
  "rule.YEAR-HEADER.outside": "年度の見出し「{header}」が計画期間（{period}）に含まれていません。見出しの年度を確認してください。",
  "rule.YEAR-HEADER.missing": "年度の見出しに {years} がありません。{span}の年度をすべて、左から順に見出しに入れてください。",
  "rule.LIST-MISMATCH.departmentNotes":
    "{list}の担当課「{listValue}」とシート「{sheet}」の担当課「{recordValue}」で、注記の付け方が異なります（{names}）。どちらが正しいか確認してください。",

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
