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
  "pane.collect.running": "取り込んでいます…",
  "pane.collect.nothing": "取り込めるファイルがありません。",
  "pane.collect.done": "{count} 件のファイルを取り込みました（置き換えたシート {sheets} 枚、変わったセル {cells}）: {files}",
  "pane.collect.next": "取り込んだ内容は［検証］で確かめてください。［集計］では提出状況を作れます。",
  "pane.collect.notTaken": "取り込まなかったファイル: {files}",
  "pane.collect.notInExcel": "このバージョンの Excel アドインでは回収はできません。ブラウザー版（demo.html）でブックを開くか、コマンドラインの chosahyo collect で取り込めます。",
} as const;
