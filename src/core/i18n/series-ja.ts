/** Message catalogue, Japanese: indicator series across years (achievement notes) and era/year pairs (ERA-MISMATCH, IND-DIRECTION-INFERRED). Merged into ja.ts. */
export const seriesJa = {
  // ---- rules (docs/rules.md)
  "rule.IND-DIRECTION-INFERRED":
    "指標「{indicator}」の目標値（{target}）には「以上」「以下」などの向きが書かれていないため、現状値（{baseline}）との大小から「{direction}」と推定して判定しました。向きが違う場合は、目標値に「以上」「以下」を書き添えてください（1行1指標の様式では「目標の型」欄でも指定できます）。",
  "rule.IND-DIRECTION-INFERRED.noBaseline":
    "指標「{indicator}」の目標値（{target}）には「以上」「以下」などの向きが書かれておらず、比べる現状値もないため、「{direction}」として判定しました。向きが違う場合は、目標値に「以上」「以下」を書き添えてください。",
  "rule.ERA-MISMATCH.pair":
    "「{text}」の和暦と西暦が合っていません（{era}{eraYear}年は{western}年です）。どちらが正しいか確認し、書き直してください。",
  "rule.ERA-MISMATCH.zero": "「{text}」の「{era}0年」という年はありません（{era}の最初の年は元年です）。年を確認してください。",

  // ---- 指標達成状況 notes for the Mitaka tables
  "series.note.baselineFrom": "現状値として{header}の値を使用",
  "series.note.actualFrom": "実績値として{header}の値を使用（最新の欄に数値なし）",
  "series.note.inner": "括弧内の値",
} as const;
