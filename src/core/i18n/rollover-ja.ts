/** Message catalogue, Japanese: 年度更新 (rollover) in the CLI, the pane and the demo. Merged into ja.ts. */
export const rolloverJa = {
  "rollover.year": "{wareki}年度",
  "rollover.refusal.nothing-to-roll": "年度更新できる調査票がありません。読み取れた様式（{profiles}）には年度更新の設定がありません（docs/rollover.md）。",
  "rollover.refusal.nothing-recognised": "年度更新できる調査票がありません。調査票として読み取れたシートがありません。",
  "rollover.refusal.no-fiscal-year": "対象年度が読み取れません。調査票の表題に年度（例: （平成29年度末））を書くか、対象年度を指定してください。",
  "rollover.refusal.past-plan-end": "{from}の次は{to}ですが、計画期間（{period}）を過ぎています。計画の最終年度からは年度更新できません。次の計画の調査票は「新しい計画」で作成してください。",
  "rollover.done": "{from}の調査票から{to}の調査票を作りました。",
  "rollover.counts": "変更したセル {total}（年度の表記 {year}、(A)→(P) など引き継ぎ {carry}、年度実績への転記 {yearValue}、消去 {clear}）",
  "rollover.ended": "終了した取組: {items}",
  "rollover.dropped": "次年度のブックから除いたシート: {sheets}",
  "rollover.endedKept": "終了した取組の行は残しています。不要なら行を削除してください: {cells}",
  "rollover.notRolled": "年度更新の設定がない様式のシート（そのまま写しました）: {sheets}",
  "rollover.formulas": "数式のセルは変更していません: {cells}",
  "rollover.aids": "入力支援を {sheets} シートに設定しました（入力規則 {validations}、未記入の色付け {highlights}）。",
  "rollover.aids.protected": "入力支援を {sheets} シートに設定しました（入力規則 {validations}、未記入の色付け {highlights}）。{protected} シートを保護しました（パスワードなし。[校閲] → [シート保護の解除] で解除できます）。",
  "rollover.list.separator": "、",
  "rollover.previousKept": "前年度比較の前年度を {year} に進めました: 更新前のシート {sheets} 枚を「前年度_」の非表示シートとして残しました（それまでの前年度のシートは削除）。",

} as const;
