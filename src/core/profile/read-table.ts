/**
 * Reads the rows of a table-shaped sheet (評価一覧, 目次 …): a header band names the columns and each
 * row below it is a record. A group column filled only on a group's first row is carried down.
 */
import { cellText, isEmptyCell } from "../model/cell";
import type { CellPos, CodeRead, SurveyRecord, TextRead } from "../model/record";
import { parseCode } from "../values/codes";
import { parseDepartments } from "../values/departments";
import type { LabelHits } from "./compiled";
import { normalizeRecordId, parseTitleCell } from "./headings";
import { emptyRecord } from "./read-form";
import type { TableLayout } from "./types";

export function readTableRecords(hits: LabelHits, layout: TableLayout): SurveyRecord[] {
  const view = hits.index.view;
  const cols = layout.columns
    .map((c) => ({ spec: c, hit: hits.first(c.label) }))
    .filter((c): c is { spec: (typeof layout.columns)[number]; hit: NonNullable<ReturnType<LabelHits["first"]>> } => !!c.hit);
  if (cols.length === 0) return [];
  const headerBottom = Math.max(...cols.map((c) => c.hit.extent.bottom));
  const missing = layout.recognition.required.filter((k) => !hits.has(k));
  const keyCols = cols.filter((c) => c.spec.id === "id" || c.spec.id === "title");

  const out: SurveyRecord[] = [];
  let group: TextRead | undefined;
  for (let r = headerBottom + 1; r <= view.bottom; r++) {
    const rec = emptyRecord(hits.compiled.profile.id, layout.id, layout.role, view.name);
    rec.row = r;
    rec.missingLabels = missing;
    const present = new Set<string>();
    const emptyCells: Record<string, CellPos> = {};
    const codes: Record<string, CodeRead> = {};
    const texts: Record<string, TextRead> = {};
    const hasKey = keyCols.some((c) => !view.isEmpty(r, c.hit.col));
    for (const { spec, hit } of cols) {
      const a = view.anchor(r, hit.col);
      // A cell merged down from the row above belongs to that row's record, except for a group cell.
      const raw = a.row === r || spec.carryDown ? view.raw(a.row, a.col) : null;
      present.add(spec.id);
      if (spec.carryDown) {
        if (!isEmptyCell(raw)) group = { text: cellText(raw).trim(), raw, cell: a };
        continue;
      }
      if (isEmptyCell(raw)) {
        emptyCells[spec.id] = { row: r, col: hit.col };
        continue;
      }
      const read: TextRead = { text: cellText(raw), raw, cell: a };
      switch (spec.type) {
        case "id":
          rec.id = { ...read, text: normalizeRecordId(read.text.replace(/^No\.?/i, "")) };
          break;
        case "title": {
          const t = parseTitleCell(read.text);
          rec.title = { ...read, text: t.title };
          rec.tags = t.tags;
          if (t.repostOf) rec.repostOf = t.repostOf;
          break;
        }
        case "department-list":
          rec.departments = { list: parseDepartments(read.text), raw, cell: a };
          break;
        case "code":
          codes[spec.id] = { parsed: parseCode(raw, hits.compiled.profile.codeSets[spec.codeSet ?? ""]), raw, cell: a };
          break;
        case "text":
          if (spec.id === "purpose") rec.purpose = read;
          else if (spec.id === "group") group = read;
          else texts[spec.id] = read;
          break;
      }
    }
    if (!hasKey) continue; // a blank or group-only row, not a record
    if (group) rec.group = group;
    rec.present = present;
    rec.emptyCells = emptyCells;
    rec.codes = codes;
    rec.texts = texts;
    out.push(rec);
  }
  return out;
}
