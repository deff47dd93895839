import type { seriesJa } from "./series-ja";

/** Message catalogue, English: indicator series and era/year pairs. Typed against series-ja.ts. */
export const seriesEn: Record<keyof typeof seriesJa, string> = {
  "rule.IND-DIRECTION-INFERRED":
    "Indicator \"{indicator}\": the target ({target}) says neither 以上 (at least) nor 以下 (at most), so it was judged as \"{direction}\", inferred from the baseline ({baseline}). If that is wrong, add 以上 or 以下 to the target (in the one-row-per-indicator sheet, the 目標の型 column also sets it).",
  "rule.IND-DIRECTION-INFERRED.noBaseline":
    "Indicator \"{indicator}\": the target ({target}) says neither 以上 (at least) nor 以下 (at most), and there is no baseline to compare it with, so it was judged as \"{direction}\". If that is wrong, add 以上 or 以下 to the target.",
  "rule.ERA-MISMATCH.pair":
    "\"{text}\": the Japanese era year and the western year disagree ({era} {eraYear} is {western}). Check which is right and correct the cell.",
  "rule.ERA-MISMATCH.zero": "\"{text}\": there is no year 0 of {era} (its first year is 元年). Check the year.",

  "series.note.baselineFrom": "Baseline taken from {header}",
  "series.note.actualFrom": "Actual taken from {header} (no figure in the latest column)",
  "series.note.inner": "Figure in parentheses",
};
