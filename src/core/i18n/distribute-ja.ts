/** Message catalogue, Japanese: 配布 in the pane's 年度 tab and the browser demo (docs/distribution.md). */
export const distributeJa = {
  "pane.distribute.title": "配布",
  "pane.distribute.help": "所管課ごとに、その課の調査票だけを入れたブックを作ります（入力支援つき）。開いているブックは変更しません。",
  "pane.distribute.shared.copy": "複数の課が書かれた取組は、書かれた課すべてに配る（外すと最初の課だけ）",
  "pane.distribute.run": "課ごとのブックを作る",
  "pane.distribute.running": "課ごとのブックを作っています…",
  "pane.distribute.opening": "新しいブックとして開いています: {done} / {total} 課",
  "pane.distribute.cancel": "残りを開かずに止める",
  "pane.distribute.unsupported":
    "この Excel では課ごとのブックを作れません（ExcelApi 1.8 が必要です。Excel 2019 以降または Microsoft 365 で使えます）。ブラウザー版またはコマンド（chosahyo split）で作成できます。",
  "pane.distribute.zipName": "調査票_配布_{count}課.zip",
  "pane.distribute.downloaded": "{count} 課のブックを作り、「{name}」にまとめてダウンロードしました。開いているブックは変更していません。",
  "pane.distribute.opened": "{count} 課のブックを作り、新しいブックとして開きました。開いているブックは変更していません。",
  "pane.distribute.cancelled": "{count} 課のブックを作り、{done} 課を開いたところで止めました。開いていない課: {rest}",
  "pane.distribute.files": "課ごとのブック",
  "pane.distribute.file": "{file}: {count} シート（{sheets}）",
  "demo.newWorkbook.downloadedFiles": "「{name}」をダウンロードしました。元のブックはそのままです。",
} as const;
