/** `text`: a single value; title, purpose, group and id have their own places on the record, the rest go to `texts`. */
import { normalizeItemId } from "../headings";
import type { TextField } from "../types";
import { valueNear } from "./cells";
import type { FormFieldType } from "./field-reader";

export const textField: FormFieldType<TextField> = {
  keys: ["at"],
  requires: [],
  read(field, { hits, hit, rec, texts, emptyCells }) {
    const v = valueNear(hits, hit, field.at);
    if (!v.read) emptyCells[field.id] = v.emptyAt;
    else if (field.id === "title") rec.title = { ...v.read, text: v.read.text.trim() };
    else if (field.id === "purpose") rec.purpose = v.read;
    else if (field.id === "group") rec.group = v.read;
    else if (field.id === "id") rec.id = { ...v.read, text: normalizeItemId(v.read.text) };
    else texts[field.id] = v.read;
  },
};
