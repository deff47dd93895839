/** TEXT-HTML: HTML residue in a cell (`<p>`, `<ul style=…>`); the fix strips it, keeping line breaks. */
import { both } from "../i18n";
import { cellText } from "../model/cell";
import { a1, type Finding } from "../model/finding";
import { hasHtmlResidue, stripHtml } from "../values/text";
import { fieldLabel } from "./field-label";
import { finding, textCells } from "./helpers";
import type { RecordRule } from "./types";

const TAG_NAME = /<\/?([a-z]+)/gi;

export const textHtml: RecordRule = {
  id: "TEXT-HTML",
  scope: "record",
  defaultSeverity: "warning",
  check(rec, env) {
    const out: Finding[] = [];
    const cells = textCells(rec);
    for (let i = 0; i < cells.length; i++) {
      const { field, read } = cells[i];
      if (typeof read.raw !== "string" || !hasHtmlResidue(read.raw)) continue;
      const tags = [...new Set([...read.raw.matchAll(TAG_NAME)].map((m) => `<${m[1].toLowerCase()}>`))].slice(0, 3).join(" ");
      const before = cellText(read.raw);
      out.push(
        finding(
          "TEXT-HTML",
          env.severity,
          rec,
          read.cell,
          "rule.TEXT-HTML",
          { field: fieldLabel(env.profile, rec, field), tags },
          { description: both("fix.TEXT-HTML"), edits: [{ sheet: rec.sheet, cell: a1(read.cell), before, after: stripHtml(before) }] },
        ),
      );
    }
    return out;
  },
};
