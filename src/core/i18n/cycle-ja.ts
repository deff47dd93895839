/** Message catalogue, Japanese: the pane's 年度 tab (年度更新, 入力支援, 新しい計画) and the demo's new-workbook offer. Merged into ja.ts. */
export const cycleJa = {
  "pane.tab.cycle": "年度",
  "pane.cycle.intro": "毎年の流れ（次年度の調査票の準備、入力の支援、新しい計画）をここで行います。開いているブックは変更しません（入力支援を除く）。",
  "pane.cycle.unsupported": "この Excel では新しいブックを作れません（ExcelApi 1.8 が必要です。Excel 2019 以降または Microsoft 365 で使えます）。ブラウザー版またはコマンド（chosahyo rollover）で作成できます。",

  "pane.cycle.rollover.title": "年度更新",
  "pane.cycle.rollover.help": "今年度の調査票から次年度の調査票を新しいブックに作ります。年度の表記を1年進め、(A) を次年度の (P) に引き継ぎ、下半期値を年度実績に移し、取組実績・評価を空にします。",
  "pane.cycle.rollover.dropEnded": "完了・廃止・統合した取組のシートを除く",
  "pane.cycle.rollover.run": "次年度の調査票を作る",
  "pane.cycle.rollover.running": "次年度の調査票を作成中…",
  "pane.cycle.rollover.fileName": "{base}_{year}",
  "pane.cycle.rollover.defaultName": "調査票_{year}",
  "pane.cycle.rollover.aids": "次年度のシートに入力支援を付ける",

  "pane.cycle.aids.title": "入力支援",
  "pane.cycle.aids.help": "このブックの入力欄に、評価の記号の一覧（S/A/B、◎○△× など。意味も表示）、記入の注意（入力時のメッセージ）、未記入の必須欄の色付けを設定し、変更履歴に記録します。値は変更しません。",
  "pane.cycle.aids.protect": "シートを保護し、入力欄だけ編集できるようにする",
  "pane.cycle.aids.unprotect": "保護はパスワードなしです。[校閲] タブの [シート保護の解除] で解除できます。",
  "pane.cycle.aids.run": "入力支援を設定する",
  "pane.cycle.aids.running": "入力支援を設定中…",
  "pane.cycle.aids.none": "入力支援を付ける欄がありません（調査票として読み取れたシートに、記号や必須の欄がありません）。",
  "pane.cycle.aids.skippedProtected": "保護されているシートには設定していません。保護を解除してから、もう一度実行してください: {sheets}",

  "demo.newWorkbook.downloaded": "新しいブック「{name}」をダウンロードしました。元のブックはそのままです。",
  "demo.newWorkbook.open": "ここで開く",
} as const;
