import type { seriesJa } from "./series-ja";

/** Message catalogue, English: notes on indicator series across years (the 指標達成状況). Typed against series-ja.ts. */
export const seriesEn: Record<keyof typeof seriesJa, string> = {
  "series.note.baselineFrom": "Baseline taken from {header}",
  "series.note.actualFrom": "Actual taken from {header} (no figure in the latest column)",
  "series.note.inner": "Figure in parentheses",
};
