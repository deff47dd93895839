/** Message catalogue, Japanese: notes on indicator series across years (the 指標達成状況). Merged into ja.ts. */
export const seriesJa = {
  // ---- 指標達成状況 notes for the Mitaka tables
  "series.note.baselineFrom": "現状値として{header}の値を使用",
  "series.note.actualFrom": "実績値として{header}の値を使用（最新の欄に数値なし）",
  "series.note.inner": "括弧内の値",
} as const;
