/**
 * The 変更履歴 rows for input aids: one per sheet and kind of aid (a list per distinct code list), the cells in the
 * セル column as Excel's Name Box takes them (`F12,G12`), what was set in 変更後. Both adapters log these rows.
 */
import type { LoggedEdit } from "../changelog";
import { t, type Lang } from "../i18n";
import { type CellRange, rangeToA1 } from "../model/address";
import type { SheetInputAids } from "./types";

function cells(ranges: readonly CellRange[]): string {
  return ranges.map(rangeToA1).join(",");
}

export function inputAidsLog(aids: readonly SheetInputAids[], lang: Lang = "ja"): LoggedEdit[] {
  const out: LoggedEdit[] = [];
  const row = (sheet: string, ranges: readonly CellRange[], after: string): LoggedEdit => ({ sheet, cell: cells(ranges), before: "", after });
  for (const s of aids) {
    const lists = new Map<string, { codes: readonly string[]; ranges: CellRange[] }>();
    const prompts = { titles: [] as string[], ranges: [] as CellRange[] };
    for (const v of s.validations) {
      if (v.list) {
        const key = v.list.join("\u0000");
        const l = lists.get(key);
        if (l) l.ranges.push(v.range);
        else lists.set(key, { codes: v.list, ranges: [v.range] });
      } else if (v.prompt) {
        prompts.ranges.push(v.range);
        if (v.promptTitle && !prompts.titles.includes(v.promptTitle)) prompts.titles.push(v.promptTitle);
      }
    }
    for (const l of lists.values()) out.push(row(s.sheet, l.ranges, t(lang, "aids.log.list", { codes: l.codes.join(t(lang, "aids.log.codes.separator")) })));
    if (prompts.ranges.length) out.push(row(s.sheet, prompts.ranges, t(lang, "aids.log.prompt", { fields: prompts.titles.join(t(lang, "aids.log.fields.separator")) })));
    if (s.highlights.length) out.push(row(s.sheet, s.highlights.map((h) => h.range), t(lang, "aids.log.highlight")));
    if (s.unlocked?.length) out.push(row(s.sheet, s.unlocked, t(lang, "aids.log.protect")));
  }
  return out;
}
