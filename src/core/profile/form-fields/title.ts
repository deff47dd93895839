/** `title`: the title text, its 【tags】, a repost note such as 【No.15の再掲】, and the profile's title marks. */
import { parseTitleCell, takeTitleMarks } from "../headings";
import type { TitleField } from "../types";
import { valueNear } from "./cells";
import type { FormFieldType } from "./field-reader";

export const titleField: FormFieldType<TitleField> = {
  keys: ["at"],
  requires: [],
  read(field, { hits, hit, rec, emptyCells }) {
    const v = valueNear(hits, hit, field.at);
    if (!v.read) {
      emptyCells[field.id] = v.emptyAt;
      return;
    }
    const t = takeTitleMarks(parseTitleCell(v.read.text), hits.compiled.profile.titleMarks ?? []);
    rec.title = { text: t.title, raw: v.read.raw, cell: v.read.cell };
    rec.tags = t.tags;
    if (t.marks.length) rec.marks = t.marks;
    if (t.repostOf) rec.repostOf = t.repostOf;
  },
};
