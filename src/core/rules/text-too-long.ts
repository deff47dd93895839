/** TEXT-TOO-LONG: over Excel's 32,767 characters, or over a profile's limit for a field. */
import type { Finding } from "../model/finding";
import type { Layout } from "../profile/types";
import { EXCEL_MAX_CELL_CHARS } from "../values/text";
import { fieldLabel } from "./field-label";
import { finding, textCells } from "./helpers";
import type { RecordRule } from "./types";

const NO_LIMITS: ReadonlyMap<string, number> = new Map();
const limitsMemo = new WeakMap<Layout, ReadonlyMap<string, number>>();

/** A form layout's own limits per field (maxLength): the same for every record of the layout, so built once. */
function limitsOf(layout: Layout): ReadonlyMap<string, number> {
  let limits = limitsMemo.get(layout);
  if (!limits) {
    const m = new Map<string, number>();
    if (layout.shape === "form") for (const f of layout.fields) if ("maxLength" in f && f.maxLength) m.set(f.id, f.maxLength);
    limitsMemo.set(layout, (limits = m));
  }
  return limits;
}

export const textTooLong: RecordRule = {
  id: "TEXT-TOO-LONG",
  scope: "record",
  defaultSeverity: "error",
  check(rec, env) {
    const out: Finding[] = [];
    const layout = env.profile.layouts.find((l) => l.id === rec.layoutId);
    const limits = layout ? limitsOf(layout) : NO_LIMITS;
    const cells = textCells(rec);
    for (let i = 0; i < cells.length; i++) {
      const { field, read } = cells[i];
      const max = Math.min(limits.get(field) ?? EXCEL_MAX_CELL_CHARS, EXCEL_MAX_CELL_CHARS);
      if (read.text.length <= max) continue; // code units ≥ characters: nothing to count
      const length = [...read.text].length;
      if (length <= max) continue;
      out.push(finding("TEXT-TOO-LONG", env.severity, rec, read.cell, "rule.TEXT-TOO-LONG", { field: fieldLabel(env.profile, rec, field), length, max }));
    }
    return out;
  },
};
