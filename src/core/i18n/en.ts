import type { MessageKey } from "./ja";

/** English catalogue. Typed against ja.ts, so a missing translation fails tsc. */
export const en: Record<MessageKey, string> = {
  "app.name": "Chosahyo Checker",
  "app.tagline": "Checks survey sheets (調査票) for missing entries, rating codes and indicator values before submission, and builds the summary sheets.",
};
