/** Message catalogue, Japanese: 回収 (`chosahyo collect`, docs/distribution.md), its preview, refusals and 変更履歴 rows. Merged into ja.ts. */
export const collectJa = {
  "cli.collect.file": "{file}",
  "cli.collect.department": "  課: {department}",
  "cli.collect.sheets": "  シート: {sheets}",
  "cli.collect.cells": "  変更された入力欄: {count} セル",
  "cli.collect.findings": "  指摘: エラー {error} 件、警告 {warning} 件、情報 {info} 件",
  "cli.collect.finding": "    {sheet}!{cell}: {message}",
  "cli.collect.write-rows": "  行ごとに書き込む入力欄: {sheet}（{count} セル）",
  "cli.collect.replace": "  置き換えるシート: {sheets}",
  "cli.collect.unchanged": "  元のブックと同じです（置き換えるシートはありません）。",
  "cli.collect.held": "  様式が変わっているため、このファイルは取り込みません。様式を元に戻して返送してもらってください。",
  "cli.collect.accepted": "  様式の変更を認めました。様式の変更は取り込まず、変わった入力欄だけを元のブックの様式に書き込みます。",
  "cli.collect.write-inputs": "  入力欄だけを書き込むシート: {sheet}（{count} セル）",
  "cli.collect.accept-hint": "様式が変わったファイルも、--accept-form-changes を付けると（そのファイルだけなら --accept-form-changes=ファイル名）、様式の変更は取り込まずに入力欄だけを取り込めます。",
  "cli.collect.refused": "  取り込みません: {reason}",
  "cli.collect.none": "（なし）",
  "cli.collect.read-error": "  読み込めません: {message}",

  "collect.refusal.not-returned": "配布したブックではありません（配布の印がなく、元のブックと同じ名前で同じ項目のシートもありません）。",
  "collect.refusal.other-master": "別の元のブックから配布されたファイルです。",
  "collect.refusal.older": "すでに取り込んだ版（保存 {taken}）より古いファイルです（保存 {savedAt}）。",
  "collect.refusal.other-department": "シート「{sheet}」は {department} に配布したシートです。",
  "collect.refusal.same-department": "同じ課のファイル {file} を今回すでに取り込んでいます。",
  "collect.refusal.consolidated": "調査票チェッカーが {count} ファイルを集計したブックです。返送されたブックではありません。",

  "collect.log.after": "回収で置き換え（{department}、{file}）。変更された入力欄: {cells}",
  "collect.log.after-inputs": "回収で入力欄だけ書き込み（{department}、{file}。様式の変更は取り込んでいません）。変更された入力欄: {cells}",
} as const;
