/**
 * DONE-BUT-SCHEDULED: a plan row marked ◎ (完了) while a later-year cell still schedules work (anything but `—` or
 * empty). The message tells "operation continues" (the later cells are only `運用` and/or `→`) from "new milestones".
 * On the 武蔵野 sample: 9 of the 13 ◎ rows (#14, 17, 30, 40 continue; #3, 45, 61, 67, 73 plan new work).
 *
 * "Later" is after the year being assessed: the workbook's 対象年度 when known, else the row's first year.
 * Parameter `continuation`: the words that only continue (default `運用`, `→`).
 */
import { both, type LocalizedText, t } from "../i18n";
import type { Finding } from "../model/finding";
import { clip, finding } from "./helpers";
import { cellYear, isPlanned, planText } from "./plan-cell-order";
import { CODE_LIST, declareParams, readParams } from "./params";
import type { RecordRule } from "./types";

const DONE = "◎";
export const DONE_BUT_SCHEDULED_PARAMS = declareParams<{ continuation: readonly string[] }>({
  continuation: {
    schema: CODE_LIST,
    default: ["運用", "→"],
    description: "Plan words that only continue operation: a ◎ row whose later cells hold only these is told apart from one that plans new milestones.",
  },
});

export const doneButScheduled: RecordRule = {
  id: "DONE-BUT-SCHEDULED",
  scope: "record",
  defaultSeverity: "warning",
  params: DONE_BUT_SCHEDULED_PARAMS,
  check(rec, env) {
    const out: Finding[] = [];
    const continuation = new Set(readParams(DONE_BUT_SCHEDULED_PARAMS, env.setting).continuation);
    for (const row of rec.plans ?? []) {
      if (row.status?.parsed.code !== DONE || row.cells.length === 0) continue;
      const assessed = env.fiscalYear ?? row.cells[0].fiscalYear;
      const later: { index: number; text: string }[] = [];
      row.cells.forEach((c, index) => {
        const text = planText(c);
        if (c.fiscalYear > assessed && isPlanned(text)) later.push({ index, text });
      });
      if (later.length === 0) continue;
      const continuing = later.every((l) => continuation.has(l.text));
      const parts = later.map((l) => both("plans.later", { year: cellYear(row, l.index), value: clip(l.text, 24) }));
      const joined: LocalizedText = {
        ja: parts.map((p) => p.ja).join(t("ja", "plans.list.separator")),
        en: parts.map((p) => p.en).join(t("en", "plans.list.separator")),
      };
      out.push(
        finding("DONE-BUT-SCHEDULED", env.severity, rec, row.status.cell, continuing ? "rule.DONE-BUT-SCHEDULED.continuing" : "rule.DONE-BUT-SCHEDULED.milestones", {
          later: joined,
        }),
      );
    }
    return out;
  },
};
