/**
 * Message catalogue, Japanese: the input aids (入力支援, docs/input-aids.md): the input messages and error alerts
 * written into a user's sheets, the 変更履歴 rows, and the CLI's `aids` command. Merged into ja.ts.
 */
export const aidsJa = {
  // ---- input messages (Excel: title at most 32 characters, text at most 255)
  "aids.code.meaning": "{code}: {meaning}",
  "aids.codes.separator": "・",
  "aids.rule.commentBelow": "{codes} のときは、下のセルに理由（コメント）を記入してください。",
  "aids.rule.commentSameCell": "{codes} のときは、記号に続けて理由（コメント）を記入してください。",
  "aids.rule.changedBelow": "{other}と異なる評価にするときは、下のセルに理由を記入してください。",
  "aids.rule.changedSameCell": "{other}と異なる評価にするときは、記号に続けて理由を記入してください。",
  "aids.rule.reason": "{codes} のときは、{reason}を記入してください。",
  "aids.required": "必須の項目です。",
  "aids.required.final": "本部評価後の段階で必須の項目です。",
  "aids.maxLength": "{max} 文字以内で記入してください。",
  "aids.comment.title": "{field}のコメント",
  "aids.comment.code": "{field}が {codes} のときは、その理由を記入してください。",
  "aids.comment.changed": "{field}を{other}と変えたときは、その理由を記入してください。",
  "aids.reason.when": "{status}が {codes} のときは必ず記入してください。",
  "aids.reason.unexpected": "{codes} のときは空欄のままにします。",
  // ---- the error alert of a list (warning style: the clerk may keep another value on purpose; at most 225 characters)
  "aids.list.error": "{codes} のいずれかを選んでください。意図してほかの値にするときは、そのまま続けられます（検証で指摘されます）。",

  // ---- 変更履歴 rows (the 変更後 column says what was set)
  "aids.log.list": "入力規則（リスト）: {codes}",
  "aids.log.codes.separator": ", ",
  "aids.log.prompt": "入力メッセージ: {fields}",
  "aids.log.fields.separator": "、",
  "aids.log.highlight": "必須の空欄に色（入力すると消えます）",
  "aids.log.protect": "シートの保護（パスワードなし）: 入力セルだけ編集できます",

};
