/** `item-heading`: `No.{id} {title} <目的・ねらい> ・{purpose}` in one cell. */
import { parseItemHeading } from "../headings";
import type { ItemHeadingField } from "../types";
import { valueNear } from "./cells";
import type { FormFieldType } from "./field-reader";

export const itemHeadingField: FormFieldType<ItemHeadingField> = {
  keys: ["at", "purposeMarker"],
  requires: [],
  read(field, { hits, hit, rec, emptyCells }) {
    const v = valueNear(hits, hit, field.at);
    if (!v.read) {
      emptyCells[field.id] = v.emptyAt;
      return;
    }
    const h = parseItemHeading(v.read.text, field.purposeMarker);
    const at = v.read.cell;
    if (h.id !== undefined) rec.id = { text: h.id, raw: v.read.raw, cell: at };
    if (h.title !== undefined) rec.title = { text: h.title, raw: v.read.raw, cell: at };
    if (h.purpose !== undefined) rec.purpose = { text: h.purpose, raw: v.read.raw, cell: at };
  },
};
