/**
 * CODE-VARIANT: a variant of a valid code (`Ａ`, `a`, `A評価`, `〇`, `x`, spaces around it), every 年次計画 row's status
 * included; the fix normalises it.
 */
import { both } from "../i18n";
import { cellText } from "../model/cell";
import { a1 } from "../model/finding";
import { fieldLabel } from "./field-label";
import { codeCells, finding } from "./helpers";
import type { RecordRule } from "./types";

export const codeVariant: RecordRule = {
  id: "CODE-VARIANT",
  scope: "record",
  defaultSeverity: "warning",
  check(rec, env) {
    const out = [];
    const cells = codeCells(rec);
    for (let i = 0; i < cells.length; i++) {
      const { field, read: c } = cells[i];
      if (c.parsed.status !== "variant" || !c.parsed.code || c.parsed.fixedText === undefined) continue;
      const before = cellText(c.raw);
      const shown = before.trim().length > 12 ? before.trim().slice(0, 12) + "…" : before.trim();
      out.push(
        finding(
          "CODE-VARIANT",
          env.severity,
          rec,
          c.cell,
          "rule.CODE-VARIANT",
          { value: shown, code: c.parsed.code, field: fieldLabel(env.profile, rec, field) },
          {
            description: both("fix.CODE-VARIANT", { value: shown, code: c.parsed.code }),
            edits: [{ sheet: rec.sheet, cell: a1(c.cell), before, after: c.parsed.fixedText }],
          },
        ),
      );
    }
    return out;
  },
};
