/**
 * SCHEDULE-VOCABULARY: a word in a schedule cell that is not in the code set its `schedule` column names. The column
 * takes phase words from that set (実施, 検討, 試行的実施 …), several joined by `・`, and `→` / `—`. A word outside the
 * set is reported once per cell, at the profile's severity (the 推進プログラム makes it a warning). Its own id rather
 * than CODE-INVALID's, so that one id is one rule. The 小平 推進プログラム sample passes: every word of the source is in
 * the vocabulary (実施 23, 検討 7, 検証 4, 見直し 3, 段階的実施 2 …).
 */
import { listText } from "../i18n";
import type { Finding } from "../model/finding";
import { finding } from "./helpers";
import type { RecordRule } from "./types";

/** Words are separated by blanks, `・` and `、`; arrows and dashes (continue / nothing planned) are not words. */
const SEPARATORS = /[\s・･、,]+/;
const PLACEHOLDER = /^[→⇒\-—―－−~〜～]+$/;

export function scheduleWords(text: string): string[] {
  return text
    .split(SEPARATORS)
    .map((w) => w.trim())
    .filter((w) => w && !PLACEHOLDER.test(w));
}

export const scheduleVocabulary: RecordRule = {
  id: "SCHEDULE-VOCABULARY",
  scope: "record",
  defaultSeverity: "error",
  check(rec, env) {
    const out: Finding[] = [];
    const layout = env.profile.layouts.find((l) => l.id === rec.layoutId);
    if (layout?.shape !== "table") return out;
    const column = layout.columns.find((c) => c.type === "schedule" && c.codeSet);
    const set = column?.codeSet ? env.profile.codeSets[column.codeSet] : undefined;
    if (!set) return out;
    const known = new Set([...set.codes.map((c) => c.code), ...Object.keys(set.variants ?? {})]);
    const codes = listText(set.codes.map((c) => c.code));
    for (const task of rec.tasks) {
      for (const y of task.years) {
        const header = rec.yearHeaders.find((h) => h.fiscalYear === y.fiscalYear)?.text ?? String(y.fiscalYear);
        for (const token of new Set(scheduleWords(y.text))) {
          if (known.has(token)) continue;
          out.push(finding("SCHEDULE-VOCABULARY", env.severity, rec, y.cell, "rule.SCHEDULE-VOCABULARY", { year: header, token, codes }));
        }
      }
    }
    return out;
  },
};
