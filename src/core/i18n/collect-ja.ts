/** Message catalogue, Japanese: 回収 (`chosahyo collect`, docs/distribution.md), its preview, refusals and 変更履歴 rows. Merged into ja.ts. */
export const collectJa = {
  "cli.collect.usage":
    "      chosahyo collect <元のブック.xlsx> <返送ファイルまたはフォルダ>... -o <取り込み後.xlsx> [--dry-run] [--profile …] [--lang ja|en]\n" +
    "  配布した各課のブックを元のブックに取り込みます（回収）。入力欄だけが変わったシートを置き換え、変更履歴と提出状況に記録します。様式が変わったファイルや、別の元のブック・古い版・他の課のシートを含むファイルは取り込みません。--dry-run は取り込みの内容を表示するだけで、何も書き出しません。元のブックと返送ファイルは変更しません。",
  "cli.collect.no-master": "元のブックと、返送されたファイル（またはフォルダ）を指定してください。",
  "cli.collect.no-output": "取り込み後のブックの書き出し先を -o で指定してください（内容の確認だけなら --dry-run）。",
  "cli.collect.unreadable-master": "元のブック {path} を読み込めません: {message}",
  "cli.collect.file": "{file}",
  "cli.collect.department": "  課: {department}",
  "cli.collect.sheets": "  シート: {sheets}",
  "cli.collect.cells": "  変更された入力欄: {count} セル",
  "cli.collect.findings": "  指摘: エラー {error} 件、警告 {warning} 件、情報 {info} 件",
  "cli.collect.finding": "    {sheet}!{cell}: {message}",
  "cli.collect.replace": "  置き換えるシート: {sheets}",
  "cli.collect.unchanged": "  元のブックと同じです（置き換えるシートはありません）。",
  "cli.collect.held": "  様式が変わっているため、このファイルは取り込みません。様式を元に戻して返送してもらってください。",
  "cli.collect.refused": "  取り込みません: {reason}",
  "cli.collect.none": "（なし）",
  "cli.collect.dry-run": "確認のみ（--dry-run）: 何も書き出していません。",
  "cli.collect.written": "{path} に書き出しました（置き換えたシート {sheets} 枚、入力欄 {cells} セル）。",
  "cli.collect.nothing": "取り込むファイルがないため、何も書き出していません。",
  "cli.collect.read-error": "  読み込めません: {message}",

  "collect.refusal.not-returned": "配布したブックではありません（配布の印がなく、元のブックと同じ名前で同じ項目のシートもありません）。",
  "collect.refusal.other-master": "別の元のブックから配布されたファイルです。",
  "collect.refusal.older": "すでに取り込んだ版（保存 {taken}）より古いファイルです（保存 {savedAt}）。",
  "collect.refusal.other-department": "シート「{sheet}」は {department} に配布したシートです。",
  "collect.refusal.same-department": "同じ課のファイル {file} を今回すでに取り込んでいます。",

  "collect.log.after": "回収で置き換え（{department}、{file}）。変更された入力欄: {cells}",
} as const;
