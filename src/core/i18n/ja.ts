/**
 * The message catalogue, Japanese (the default). Every user-visible string lives here or in en.ts.
 * Placeholders are written {name}. Keys are grouped by where the text appears.
 */
export const ja = {
  "app.name": "調査票チェッカー",
  "app.tagline": "調査票の記入漏れ・評価記号・指標値を提出前に確認し、集計シートを作成します。",
} as const;

export type MessageKey = keyof typeof ja;
