/** `fiscal-year`: the 対象年度 read from a label cell itself (the sheet title): the single year it names. */
import type { FiscalYearField } from "../types";
import type { FormFieldType } from "./field-reader";
import { headerInfo } from "./year-headers";

export const fiscalYearField: FormFieldType<FiscalYearField> = {
  keys: [],
  requires: [],
  read(_field, { hit, rec }) {
    const fy = headerInfo(hit.text).title;
    if (fy !== undefined) rec.fiscalYear = { value: fy, cell: { row: hit.row, col: hit.col }, text: hit.text };
  },
};
