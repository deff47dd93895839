/** CELL-ERROR: `#REF!`, `#DIV/0!`, `#N/A`, `#VALUE!` and other error values in a field. */
import { isCellError } from "../model/cell";
import { fieldLabel } from "./field-label";
import { finding, textCells } from "./helpers";
import type { RecordRule } from "./types";

export const cellError: RecordRule = {
  id: "CELL-ERROR",
  scope: "record",
  defaultSeverity: "error",
  check(rec, env) {
    const out = [];
    const cells = textCells(rec);
    for (let i = 0; i < cells.length; i++) {
      const { field, read } = cells[i];
      if (!isCellError(read.raw)) continue;
      out.push(finding("CELL-ERROR", env.severity, rec, read.cell, "rule.CELL-ERROR", { field: fieldLabel(env.profile, rec, field), error: read.raw.error }));
    }
    return out;
  },
};
