/** Message catalogue, Japanese: the pane's 回収 section (年度 tab). The preview's own lines are cli.collect.* (collect-ja.ts). */
export const collectPaneJa = {
  "pane.collect.title": "回収",
  "pane.collect.help": "各課から戻ってきた調査票のファイル（.xlsx）を選ぶと、取り込む前に何が変わるかを示します。取り込むと、このブックの該当シートを各課のシートで置き換え、変更履歴に記録します。",
  "pane.collect.choose": "戻ってきたファイルを選ぶ…",
  "pane.collect.file": "戻ってきたファイル",
  "pane.collect.checking": "ファイルを確かめています…",
  "pane.collect.preview": "取り込む前の確認です。まだ何も書いていません。",
  "pane.collect.confirm": "取り込む",
  "pane.collect.cancel": "取り消す",
  "pane.collect.accept": "様式の変更は取り込まず、入力欄だけ取り込む",
  "pane.collect.unaccept": "様式の変更を認めない（このファイルは取り込まない）",
  "pane.collect.running": "取り込んでいます…",
  "pane.collect.nothing": "取り込めるファイルがありません。",
  "pane.collect.done": "{count} 件のファイルを取り込みました（置き換えたシート {sheets} 枚、変わったセル {cells}）: {files}",
  "pane.collect.next": "取り込んだ内容は [検証] で確かめてください。[集計] では提出状況を作れます。",
  "pane.collect.formulaCells": "次のセルは数式（動的配列を含む）の計算結果のため、書き込みませんでした: {cells}",
  "pane.collect.notTaken": "取り込まなかったファイル: {files}",
  "pane.collect.unavailable": "ここでは回収はできません。ブラウザー版（demo.html）でブックを開くか、コマンドラインの chosahyo collect で取り込めます。",
  // ---- Excel
  "pane.collect.needsExcel2021":
    "戻ってきたファイルを取り込むには、Excel 2021 以降か Microsoft 365 の Excel（Web 版を含む）が必要です。この Excel では取り込めません。ブラウザー版（demo.html）でブックを開くか、コマンドラインの chosahyo collect なら取り込めます。",
  "pane.collect.interrupted":
    "取り込みが {file} のところで止まりました。取り込んだファイル: {taken}。まだ取り込んでいないファイル: {left}。同じファイルを選んでもう一度取り込むと、残りを取り込みます（取り込み済みのファイルは変わりません）。",
  "pane.collect.unconfirmed":
    "{file} を書き込む途中で止まり、どこまで書けたかを確かめられませんでした。取り込んだファイル: {taken}。名前が「回収前_」で始まるシートがあれば、それは置き換える前の元のシートです。ブックを確かめてから、同じファイルを選んでもう一度取り込んでください。",
  "pane.collect.webInsert": "Web 版の Excel は、コメント・グラフ・ピボットテーブル・スライサーのあるシートを取り込めません。このファイルは Windows か Mac の Excel で取り込むか、ブラウザー版（demo.html）で取り込んでください。",
  "pane.collect.webTooLarge": "このファイルは、Web 版の Excel に一度に渡せる大きさ（5 MB）を超えています。Windows か Mac の Excel で取り込むか、ブラウザー版（demo.html）で取り込んでください。",
  "pane.collect.none": "なし",
} as const;
