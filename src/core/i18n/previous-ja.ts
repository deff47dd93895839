/** Message catalogue, Japanese: the pane's 前年度比較 section (年度 tab) and the status line after a check (docs/compare.md). */
export const previousJa = {
  "pane.previous.title": "前年度と比べる",
  "pane.previous.help":
    "前年度の調査票のブック（.xlsx）を選ぶと、その調査票のシートを頭に「前年度_」を付けた非表示のシートとしてこのブックに写し、次の [検証] から前年度と比べた指摘（前年度と同じ文章、評価の低下、指標の悪化、なくなった取組、前年度の課題の引継ぎ）を加えます。ファイルはこのパソコンの中で読み、どこにも送りません。",
  "pane.previous.choose": "前年度のブックを選ぶ…",
  "pane.previous.file": "前年度のブック",
  "pane.previous.reading": "前年度のブックを読んでいます…",
  "pane.previous.sheetsHelp": "前年度のシートを自分でこのブックにコピーしたときは、シート名の頭に「前年度_」を付けると（例: 前年度_No.1）、それを前年度として使えます。",
  "pane.previous.useSheets": "「前年度_」のシート {count} 枚を前年度として使う",
  "pane.previous.setFile": "前年度: {file}（{year}、シート {sheets} 枚）",
  "pane.previous.setSheets": "前年度: このブックの「前年度_」のシート {sheets} 枚",
  "pane.previous.yearUnknown": "年度不明",
  "pane.previous.clear": "前年度の設定を解除する",
  "pane.previous.kept": "{file} の調査票のシート {sheets} 枚を「前年度_」の非表示シートとして写しました。[検証] を押すと前年度と比べます。",
  "pane.previous.pointed": "「前年度_」のシート {sheets} 枚を前年度として使います。[検証] を押すと前年度と比べます。",
  "pane.previous.cleared": "前年度の設定を解除しました。",
  "pane.previous.noSurvey": "{file} には調査票のシートが見つかりません。前年度の調査票のブックを選んでください。",
  "pane.previous.refused": "前年度と比べられません。{reason}",
  "pane.previous.needsExcel2021":
    "前年度のブックを写すには、Excel 2021 以降か Microsoft 365 の Excel（Web 版を含む）が必要です。この Excel では、前年度のシートをこのブックにコピーしてシート名の頭に「前年度_」を付け、[検証] のあと「前年度_」のシートを前年度として使ってください。",
  "pane.previous.unavailable": "ここでは前年度のブックを写せません。前年度のシートをこのブックにコピーしてシート名の頭に「前年度_」を付ければ、前年度として使えます。",
  "pane.previous.compared": "前年度（{year}、シート {sheets} 枚）と比べました。前年度と比べた指摘: {count} 件。",
  "pane.previous.missing": "前年度のシートのうち、このブックにないもの: {sheets}",
} as const;
