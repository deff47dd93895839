/** TEXT-INVISIBLE: zero-width characters anywhere, or leading/trailing spaces in a code or a name; the fix trims. */
import { both, label } from "../i18n";
import { cellText } from "../model/cell";
import { a1, type Finding } from "../model/finding";
import { findInvisible, trimInvisible } from "../values/text";
import { fieldLabel } from "./field-label";
import { finding, textCells } from "./helpers";
import type { RecordRule } from "./types";

/** Fields whose edges matter: names and ids are compared, so a trailing space makes them differ. */
const NAME_FIELDS = new Set(["id", "title", "departments", "group"]);

export const textInvisible: RecordRule = {
  id: "TEXT-INVISIBLE",
  scope: "record",
  defaultSeverity: "warning",
  check(rec, env) {
    const out: Finding[] = [];
    const cells = textCells(rec);
    for (let i = 0; i < cells.length; i++) {
      const { field, read } = cells[i];
      if (typeof read.raw !== "string") continue;
      const inv = findInvisible(read.raw);
      const edge = inv.leadingOrTrailingSpace && NAME_FIELDS.has(field);
      if (!inv.zeroWidth && !edge) continue;
      const before = cellText(read.raw);
      const after = inv.zeroWidth ? trimInvisible(before).replace(/[\u200B-\u200D\u2060\uFEFF]/g, "") : trimInvisible(before);
      if (after === before) continue;
      out.push(
        finding(
          "TEXT-INVISIBLE",
          env.severity,
          rec,
          read.cell,
          "rule.TEXT-INVISIBLE",
          { field: fieldLabel(env.profile, rec, field), what: inv.zeroWidth ? label("what.zeroWidth") : label("what.edgeSpace") },
          { description: both("fix.TEXT-INVISIBLE"), edits: [{ sheet: rec.sheet, cell: a1(read.cell), before, after }] },
        ),
      );
    }
    return out;
  },
};
