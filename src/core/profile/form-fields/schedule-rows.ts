/** `schedule-rows`: a task column and one column per fiscal-year header; the record's `tasks`. */
import { cellText, isEmptyCell } from "../../model/cell";
import type { ScheduleYearCell, Task, YearHeader } from "../../model/record";
import type { Hits } from "../compiled";
import type { ScheduleRowsField } from "../types";
import { textRead } from "./cells";
import type { FormFieldType } from "./field-reader";
import { headerInfo } from "./year-headers";

export const scheduleRowsField: FormFieldType<ScheduleRowsField> = {
  keys: ["years"],
  requires: ["years"],
  read(field, { hits, rec }) {
    const s = readSchedule(hits, field);
    rec.tasks = s.tasks;
    rec.yearHeaders = s.headers;
  },
};

function readSchedule(hits: Hits, f: ScheduleRowsField): { tasks: Task[]; headers: YearHeader[] } {
  const view = hits.index.view;
  const th = hits.first(f.label);
  if (!th) return { tasks: [], headers: [] };
  // Year headers of this schedule sit in the task label's header row.
  const yearHits = hits.all(f.years).filter((h) => h.row === th.row && h.col > th.col);
  const headers: YearHeader[] = [];
  for (const h of yearHits) {
    const fy = headerInfo(h.text).fy;
    if (fy) headers.push({ fiscalYear: fy.fiscalYear, text: h.text, cell: { row: h.row, col: h.col } });
  }
  const bottom = Math.max(th.extent.bottom, ...yearHits.map((h) => h.extent.bottom));
  const end = Math.min(hits.nextLabelRowAfter(bottom), view.bottom + 1);
  const tasks: Task[] = [];
  for (let r = bottom + 1; r < end; r++) {
    const taskRead = view.anchor(r, th.col).row === r ? textRead(hits, r, th.col) : undefined;
    const years: ScheduleYearCell[] = [];
    for (let k = 0; k < headers.length; k++) {
      const h = headers[k];
      const a = view.anchor(r, h.cell.col);
      if (a.row !== r || a.col !== h.cell.col) continue;
      const raw = view.raw(a.row, a.col);
      if (isEmptyCell(raw)) continue;
      years.push({ fiscalYear: h.fiscalYear, text: cellText(raw), cell: a });
    }
    if (!taskRead && years.length === 0) continue;
    tasks.push({ text: taskRead?.text ?? "", cell: taskRead?.cell ?? { row: r, col: th.col }, years });
  }
  return { tasks, headers };
}
