/**
 * ENDED-BUT-SCHEDULED, an item that has ended (analysis e4 K5): the title says `※令和4年度までをもって終了`, so the
 * row has results only, yet a column that plans work (主な取組の方向性, 取組項目 and the schedule, the 令和5・6年度
 * plans) is filled in. rules.md has no id for this; it is not DONE-BUT-SCHEDULED's (◎ with later work), so that one id
 * is one rule. One finding per filled cell. The 小平 推進プログラム seed passes (21, 26, 28: K-L47, 58, 63).
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
import type { RecordRule } from "./types";

const DEFAULT_FIELDS = ["purpose", "tasks", "plan", "planNext"];
const ENDED_NOTE = /※[^※]*(?:終了|廃止)\s*$/;

export const endedButScheduled: RecordRule = {
  id: "ENDED-BUT-SCHEDULED",
  scope: "record",
  defaultSeverity: "warning",
  check(rec, env) {
    const out: Finding[] = [];
    if (!rec.ended) return out;
    const param = env.setting.params?.endedFields;
    const fields = Array.isArray(param) ? param.filter((x): x is string => typeof x === "string") : DEFAULT_FIELDS;
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
