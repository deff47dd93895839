/**
 * Message catalogue, Japanese: the Excel adapter's own words for input aids (入力支援; the rest is in aids-ja.ts) and
 * what it says when this Excel is too old to set them or to open a new workbook. Merged into ja.ts.
 */
export const officeAidsJa = {
  // ---- Excel older than ExcelApi 1.8
  "error.inputAids.needsExcel2019":
    "入力支援（ドロップダウンリスト・入力メッセージ・必須の空欄の色・シートの保護）を設定するには、Excel 2019 以降か Microsoft 365 の Excel が必要です。この Excel では設定できません。",
  "error.newWorkbook.needsExcel2019":
    "新しいブックとして開くには、Excel 2019 以降か Microsoft 365 の Excel が必要です。ブラウザーで使う Web 版（デモ）か、コマンドライン版（chosahyo）なら、同じファイルを作って保存できます。",
};
