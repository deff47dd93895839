/** `code`: a rating or status code, with its comment in the cell below the code or in the same cell. */
import { isEmptyCell } from "../../model/cell";
import type { CellPos, CodeRead, TextRead } from "../../model/record";
import { parseCode } from "../../values/codes";
import type { Hits } from "../compiled";
import type { LabelCandidate } from "../labels";
import type { CodeField } from "../types";
import { besideLabel, firstDataRow, MAX_SKIP, rowIsBlank, textRead, valueNear } from "./cells";
import type { FormFieldType } from "./field-reader";

export const codeField: FormFieldType<CodeField> = {
  keys: ["at", "codeSet", "comment"],
  requires: ["codeSet"],
  read(field, { hits, hit, codes, emptyCells }) {
    const c = readCode(hits, hit, field);
    if (c.read) codes[field.id] = c.read;
    else emptyCells[field.id] = c.emptyAt;
  },
};

function readCode(hits: Hits, hit: LabelCandidate, field: CodeField): { read?: CodeRead; emptyAt: CellPos } {
  const view = hits.index.view;
  const codeSet = hits.compiled.profile.codeSets[field.codeSet];
  if (field.at === "right") {
    const v = valueNear(hits, hit, "right");
    if (!v.read) return { emptyAt: v.emptyAt };
    const parsed = parseCode(v.read.raw, codeSet);
    return { read: { parsed, raw: v.read.raw, cell: v.read.cell, comment: parsed.comment }, emptyAt: v.emptyAt };
  }
  const { first, end } = firstDataRow(hits, hit);
  // A label merged down to the sheet's last row has no cell under it.
  if (!view.contains(first, hit.col)) return { emptyAt: besideLabel(hits, hit, first, hit.col) };
  const cell = view.anchor(first, hit.col);
  const raw = view.raw(cell.row, cell.col);
  // The comment sits in the next non-blank row under the code, within the same block.
  let commentRead: TextRead | undefined;
  let commentAt: CellPos | undefined;
  if (field.comment !== "same-cell") {
    let r = view.extent(first, hit.col).bottom + 1;
    let skipped = 0;
    while (r < end && skipped < MAX_SKIP && rowIsBlank(hits, r)) {
      r++;
      skipped++;
    }
    if (r < end && view.anchor(r, hit.col).row === r) {
      commentRead = textRead(hits, r, hit.col);
      commentAt = { row: r, col: hit.col };
    }
  }
  if (isEmptyCell(raw)) {
    // An empty code with a comment below is still an empty code: REQUIRED-MISSING points at the code cell.
    return { emptyAt: cell };
  }
  const parsed = parseCode(raw, codeSet);
  const inCell = parsed.comment && parsed.comment.trim() ? parsed.comment : undefined;
  return {
    read: {
      parsed,
      raw,
      cell,
      comment: commentRead?.text ?? inCell,
      commentCell: commentRead?.cell ?? (inCell ? cell : undefined),
      commentAt: commentRead?.cell ?? commentAt ?? cell,
    },
    emptyAt: cell,
  };
}
