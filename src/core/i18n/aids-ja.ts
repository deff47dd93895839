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

  // ---- CLI: chosahyo aids
  "cli.aids.usage":
    "      chosahyo aids <ファイル.xlsx> -o <書き出し先.xlsx> [--protect] [--lang ja|en] [--stage …] [--profile …]\n" +
    "  記号の欄にリスト（S/A/B、◎○△× など）と入力メッセージを設定し、必須の空欄に色を付けたブックを新しいファイルに書き出します。\n" +
    "  --protect: 入力セル以外を編集できないようにシートを保護します（パスワードなし）。値は変えず、設定したことは「変更履歴」に記録します。",
  "cli.aids.no-input": "入力支援を設定するファイルを1つ指定してください。",
  "cli.aids.no-output": "書き出し先を -o で指定してください（元のファイルは上書きしません）。",
  "cli.aids.written": "{path} に書き出しました（入力支援を設定したシート: {count}）。",
  "cli.aids.sheet": "  {sheet}: 入力規則 {validations} か所・必須の空欄 {highlights} か所{protected}",
  "cli.aids.sheet.protected": "・シート保護",
  "cli.aids.unprotect":
    "シートの保護を外すには、Excel では [校閲] → [シート保護の解除]、LibreOffice Calc では [ツール] → [シートの保護] のチェックを外します（パスワードはありません）。",
  "cli.aids.skipped-protected": "保護されているシートには設定していません: {names}（保護を解除してから、もう一度実行してください）",
  "cli.aids.none": "入力支援を設定できるシートがありません（記号や必須の欄を読み取れた調査票がありません）。ファイルは書き出していません。",
};
