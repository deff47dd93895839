/** Message catalogue, Japanese: words of the program format that its rules and summaries put into their messages. Merged into ja.ts. */
export const programJa = {
  // ---- field names of the 推進プログラム (used inside messages)
  "field.planNext": "次年度の当初予定・設定目標",

  // ---- words used inside those messages
  "program.total": "計{total}",
  "program.schedule": "年度スケジュール（{year}）",
  "program.each": "「各」を含むため合計を出せません",
} as const;
