/** `year-values`: one value below each of several year headers (`平成29年度実績` …). */
import type { ScheduleYearCell } from "../../model/record";
import type { Hits } from "../compiled";
import type { YearValuesField } from "../types";
import { valueNear } from "./cells";
import type { FormFieldType } from "./field-reader";
import { headerInfo } from "./year-headers";

export const yearValuesField: FormFieldType<YearValuesField> = {
  keys: [],
  requires: [],
  read(field, { hits, rec }) {
    rec.yearlyResults = readYearValues(hits, field.label);
  },
};

function readYearValues(hits: Hits, key: string): ScheduleYearCell[] {
  const out: ScheduleYearCell[] = [];
  for (const h of hits.all(key)) {
    const fy = headerInfo(h.text).fy;
    if (!fy) continue;
    const v = valueNear(hits, h, "below");
    out.push({ fiscalYear: fy.fiscalYear, text: v.read?.text ?? "", cell: v.read?.cell ?? v.emptyAt });
  }
  return out;
}
