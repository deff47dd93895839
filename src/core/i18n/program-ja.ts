/** Message catalogue, Japanese: messages of the program format's rules and summaries. Merged into ja.ts. */
export const programJa = {
  // ---- field names of the 推進プログラム (used inside messages)
  "field.planNext": "次年度の当初予定・設定目標",

  // ---- rules on the 推進プログラム (ids of their own: docs/rules.md)
  "rule.ENDED-BUT-SCHEDULED":
    "この取組は題名に「{note}」とあり終了していますが、{field}に記入があります。終了した取組は取組実績だけを記入します。{field}を空欄にするか、取組を続ける場合は題名の終了の記載を見直してください。",
  "rule.SCHEDULE-VOCABULARY":
    "年度スケジュール（{year}）の「{token}」は工程の語として登録されていません。{codes} のいずれかを「・」でつないで入力してください。",
  "rule.GOAL-BASELINE-MISSING":
    "{field}の数値目標「{goal}」に基準となる現状の値が書かれていないため、進み具合を測れません。「(令和3年4月1日現在:0%)」のように、基準日と値を目標の後に書き添えてください。",
  "rule.GOAL-STATUS-MISMATCH":
    "{field}の（前年度末の状況）「{status}」が、{resultField}の同じ取組の記載「{figures}」（{total}）と合いません。どちらの数値が正しいか確認してください。",
  "rule.REF-MISSING":
    "{field}で「No.{ref}」の取組を参照していますが、No.{ref} の行がありません。番号が正しいか確認し、正しければ No.{ref} の行を追加してください。",

  // ---- words used inside those messages
  "program.total": "計{total}",
  "program.schedule": "年度スケジュール（{year}）",
  "program.each": "「各」を含むため合計を出せません",
} as const;
