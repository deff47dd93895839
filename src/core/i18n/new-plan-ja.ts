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

  "cli.newPlan.usage":
    "      chosahyo new-plan <一覧.csv または 一覧.xlsx> -o <書き出し先.xlsx> [--plan-period 期間] [--plan-name 計画の名前] [--title 表題] [--no-aids] [--protect] [--profile …] [--lang ja|en]\n" +
    "  計画の項目の一覧（方針、No.、取組項目、所管課、目的・ねらい、財政効果）から、項目ごとの空の調査票と評価一覧のブックを新しく作ります。\n" +
    "  --plan-period: 計画期間（例 令和9〜12、2027-2030。既定は今年度から4年間）。--title: 調査票の表題（{plan} は計画の名前、{year} は初年度。既定 {plan}進捗状況調査票（{year}年度末））\n" +
    "  入力支援（評価の一覧、未記入の色付け）を付けて書き出します。--no-aids: 付けない。--protect: 入力欄以外を保護する（パスワードなし）",
  "cli.newPlan.one-input": "new-plan には項目の一覧のファイルを1つだけ指定してください。",
  "cli.newPlan.no-output": "書き出すファイルを -o で指定してください（例: -o 調査票.xlsx）。",
  "cli.newPlan.input-unreadable": "{path} を読み込めません（{reason}）。",
  "cli.newPlan.input-type": "{path} は CSV（.csv）でも Excel のブック（.xlsx）でもありません。一覧を CSV か .xlsx で保存してください。",
  "cli.newPlan.input-too-large": "{path} は一覧としては大きすぎます（{size} MB、上限 {max} MB）。",
  "cli.newPlan.not-text": "{path} は UTF-8 としても Shift_JIS としても読めません。CSV を「CSV UTF-8」で保存し直してください。",
  "cli.newPlan.output-not-xlsx": "書き出し先 {path} は .xlsx にしてください。",
  "cli.newPlan.problems": "{path} から調査票を作れません。次の点を直してください:",
  "cli.newPlan.problem.line": "  ・{message}",
  "cli.newPlan.problem.more": "  ほか {count} 件",
  "cli.newPlan.no-template": "new-plan が作れるのは {template} の様式だけです。--profile には id が {template} のプロファイルを指定してください（指定されたのは {id}）。",
  "cli.newPlan.period-default": "計画期間が指定されていないため、今年度から4年間（{from}〜{to}）としました。変えるときは --plan-period を指定してください。",
  "cli.newPlan.read-list": "一覧: {source}（{count} 項目）",
  "cli.newPlan.source.sheet": "シート「{sheet}」",
  "cli.newPlan.written": "{path} に評価一覧と調査票 {surveys} 枚を書き出しました（計画期間 {from}〜{to}）。",
  "cli.newPlan.reposts": "再掲の項目（{ids}）は評価一覧にだけ載せ、調査票は作っていません（元の項目の調査票に記入します）。",
} as const;
