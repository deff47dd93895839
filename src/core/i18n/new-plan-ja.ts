/** Message catalogue, Japanese: a new plan's blank workbook from its item list (`chosahyo new-plan`, docs/new-plan.md). Merged into ja.ts. */
export const newPlanJa = {
  "newPlan.column.fiscalEffect": "財政効果",
  "newPlan.columns.required": "「方針」「No.」「取組項目」「所管課」「目的・ねらい」",
  "newPlan.where.row": "{row}行目",
  "newPlan.where.sheetRow": "シート「{sheet}」の{row}行目",

  "newPlan.problem.no-header": "一覧の見出しの行が見つかりません。先頭の行に{columns}の見出しを書いてください（「財政効果」は任意です）。",
  "newPlan.problem.no-header-sheet": "シート「{sheet}」に一覧の見出しの行が見つかりません。{columns}の見出しを書いてください（「財政効果」は任意です）。",
  "newPlan.problem.no-list-sheet": "どのシートにも項目の一覧が見つかりません。{columns}の見出しの行がある表か、評価一覧のシートを入れてください。",
  "newPlan.problem.missing-column": "{where}の見出しに「{column}」の列がありません。見出しが {labels} のどれかの列を加えてください。",
  "newPlan.problem.duplicate-column": "{where}の見出しに「{column}」の列が2つあります（{first}列と{second}列）。一方だけにしてください。",
  "newPlan.problem.empty-id": "{where}（{cell}）の No. が空です。",
  "newPlan.problem.bad-id": "{where}（{cell}）の No.「{id}」は項目番号として読めません。1、12、2-1 のように数字で書いてください。",
  "newPlan.problem.duplicate-id": "{where}（{cell}）の No. {id} は {first}行目と同じです。No. は項目ごとに別の番号にしてください。",
  "newPlan.problem.empty-title": "{where}（{cell}）の取組項目が空です。",
  "newPlan.problem.repost-unknown": "{where}（{cell}）の【No.{of}の再掲】について、No.{of} の項目が一覧にありません。",
  "newPlan.problem.no-items": "一覧の見出しの下に項目の行がありません。",
  "newPlan.problem.too-many": "項目が {count} 件あります。一度に作れる調査票は {max} 件までです。一覧を分けてください。",
  "newPlan.problem.unclosed-quote": "{row}行目で始まる引用符（\"）が閉じられていません。CSV の \" の対応を確かめてください。",
  "newPlan.problem.title-unreadable": "表題「{title}」は調査票の表題として読み取れません。「…調査票（{year}年度末）」の形にしてください。",

  "cli.newPlan.reposts": "再掲の項目（{ids}）は評価一覧にだけ載せ、調査票は作っていません（元の項目の調査票に記入します）。",
} as const;
