/**
 * ENDED-BUT-SCHEDULED: an item whose title says it has ended (`※令和4年度までをもって終了`) with a column that plans
 * work (主な取組の方向性, 取組項目 and the schedule, the 令和5・6年度 plans) filled in; an ended item has results only.
 * One finding per filled cell. Its own id, not DONE-BUT-SCHEDULED's (◎ with later work), so that one id is one rule.
 * The 小平 推進プログラム sample passes: its ended items 21, 26 and 28 (K-L47, 58, 63) leave those columns empty.
 * The ◎ (完了) case of the 武蔵野 plan rows is done-but-scheduled.ts; this rule only looks at ended items.
 *
 * Parameter `endedFields`: the field ids that must be empty on an ended item (default purpose, tasks, plan, planNext).
 */
import { both } from "../i18n";
import { cellText, isEmptyCell } from "../model/cell";
import type { Finding } from "../model/finding";
import type { TextRead } from "../model/record";
import { fieldLabel } from "./field-label";
import { finding } from "./helpers";
import { declareParams, FIELD_ID_LIST, readParams } from "./params";
import type { RecordRule } from "./types";

export const ENDED_BUT_SCHEDULED_PARAMS = declareParams<{ endedFields: readonly string[] }>({
  endedFields: {
    schema: FIELD_ID_LIST,
    default: ["purpose", "tasks", "plan", "planNext"],
    description: "The fields an ended item (※…終了) must leave empty; each filled one is reported.",
  },
});
const ENDED_NOTE = /※[^※]*(?:終了|廃止)\s*$/;

export const endedButScheduled: RecordRule = {
  id: "ENDED-BUT-SCHEDULED",
  scope: "record",
  defaultSeverity: "warning",
  params: ENDED_BUT_SCHEDULED_PARAMS,
  check(rec, env) {
    const out: Finding[] = [];
    if (!rec.ended) return out;
    const fields = readParams(ENDED_BUT_SCHEDULED_PARAMS, env.setting).endedFields;
    const note = ENDED_NOTE.exec(cellText(rec.title?.raw ?? null))?.[0].trim() ?? "終了";
    const report = (field: string, read: { cell: TextRead["cell"] }, name = fieldLabel(env.profile, rec, field)) =>
      out.push(finding("ENDED-BUT-SCHEDULED", env.severity, rec, read.cell, "rule.ENDED-BUT-SCHEDULED", { note, field: name }));
    for (const field of fields) {
      if (field === "tasks") {
        for (const task of rec.tasks) {
          if (task.text.trim()) report(field, task);
          for (const y of task.years) {
            const header = rec.yearHeaders.find((h) => h.fiscalYear === y.fiscalYear)?.text ?? String(y.fiscalYear);
            report(field, y, both("program.schedule", { year: header }));
          }
        }
        continue;
      }
      const read = field === "purpose" ? rec.purpose : rec.texts[field as keyof typeof rec.texts];
      if (read && !isEmptyCell(read.raw)) report(field, read);
    }
    return out;
  },
};
