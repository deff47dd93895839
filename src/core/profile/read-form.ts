/**
 * Reads one record from a form-shaped sheet (docs/formats.md): each field is found by its label, and its
 * value lies below the label (header layouts) or right of it (label-left layouts). Each field type has its reader
 * in ./form-fields/.
 */
import { isEmptyCell } from "../model/cell";
import type { CellPos, CodeRead, HeadingRead, SurveyRecord, TextRead } from "../model/record";
import { parseDepartments } from "../values/departments";
import { stripHtml } from "../values/text";
import { type Hits, type LabelHits, RegionHits } from "./compiled";
import { textRead } from "./form-fields/cells";
import { readFormField } from "./form-fields";
import { headerInfo } from "./form-fields/year-headers";
import { headingText, matchHeading, normalizeItemId, parseTitleCell, takeTitleMarks } from "./headings";
import type { FormLayout } from "./types";

export type MutableRecord = {
  -readonly [K in keyof SurveyRecord]: SurveyRecord[K];
};

export function emptyRecord(profileId: string, layoutId: string, role: "records" | "list", sheet: string): MutableRecord {
  return {
    profileId,
    layoutId,
    role,
    sheet,
    tags: [],
    texts: {},
    codes: {},
    indicators: [],
    periods: {},
    tasks: [],
    yearHeaders: [],
    yearlyResults: [],
    missingLabels: [],
    present: new Set<string>(),
    emptyCells: {},
  };
}

export function readFormRecord(hits: Hits, layout: FormLayout): SurveyRecord {
  const view = hits.index.view;
  const rec = emptyRecord(hits.compiled.profile.id, layout.id, layout.role, view.name);
  const present = new Set<string>();
  const emptyCells: Record<string, CellPos> = {};
  const texts: Record<string, TextRead> = {};
  const codes: Record<string, CodeRead> = {};
  const labelsRead: Record<string, string> = {};
  const labelCells: Record<string, CellPos> = {};
  rec.missingLabels = layout.recognition.required.filter((k) => !hits.has(k));

  // Indexed: once per field, record and sheet, mostly before V8 optimises it.
  const fields = layout.fields;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    const hit = hits.first(field.label);
    if (!hit) continue;
    present.add(field.id);
    labelsRead[field.id] = hit.text;
    labelCells[field.id] = { row: hit.row, col: hit.col };
    readFormField(field, { hits, hit, rec, texts, codes, emptyCells });
  }
  rec.texts = texts;
  rec.codes = codes;
  rec.present = present;
  rec.emptyCells = emptyCells;
  rec.labelsRead = labelsRead;
  rec.labelCells = labelCells;
  return rec;
}

// ---------------------------------------------------------------- stacked records and headings

interface HeadingRow {
  readonly row: number;
  readonly read: HeadingRead;
  readonly departments?: string;
}

/** Rows holding a single non-empty cell that matches one of the layout's heading patterns. */
export function headingRows(hits: Hits, specs: FormLayout["headings"]): HeadingRow[] {
  if (!specs?.length) return [];
  const view = hits.index.view;
  const g = view.grid;
  const out: HeadingRow[] = [];
  for (let i = 0; i < g.rows.length; i++) {
    const row = g.rows[i];
    let only = -1;
    let count = 0;
    for (let j = 0; j < row.length; j++) {
      if (!isEmptyCell(row[j])) {
        count++;
        only = j;
        if (count > 1) break;
      }
    }
    if (count !== 1) continue;
    const v = row[only];
    if (typeof v !== "string") continue;
    const m = matchHeading(specs, v);
    if (!m) continue;
    out.push({
      row: g.top + i,
      read: { level: m.spec.level, field: m.spec.field, no: m.no, title: m.title, text: m.text, cell: { row: g.top + i, col: g.left + only } },
      departments: m.departments,
    });
  }
  return out;
}

/** The headings in force at a row: the last one of each level above it, deeper levels reset by shallower ones. */
export function headingsAt(rows: readonly HeadingRow[], row: number): HeadingRow[] {
  const byLevel: (HeadingRow | undefined)[] = [];
  for (const h of rows) {
    if (h.row >= row) break;
    byLevel[h.read.level] = h;
    for (let l = h.read.level + 1; l < byLevel.length; l++) byLevel[l] = undefined;
  }
  return byLevel.filter((h): h is HeadingRow => !!h);
}

/** Puts a record's headings on it: group, section, subsection, category, and departments from a heading. */
export function applyHeadings(rec: MutableRecord, active: readonly HeadingRow[]): void {
  if (active.length === 0) return;
  rec.headings = active.map((h) => h.read);
  for (const h of active) {
    const read: TextRead = { text: h.read.text, raw: h.read.text, cell: h.read.cell };
    rec[h.read.field] = read;
    if (h.departments && !rec.departments) rec.departments = { list: parseDepartments(h.departments), raw: h.departments, cell: h.read.cell };
  }
}

/** Records that follow each other down one sheet: each starts at a label or at a cell matching a pattern. */
export function readStackedRecords(hits: LabelHits, layout: FormLayout): SurveyRecord[] {
  const view = hits.index.view;
  const start = layout.recordStart;
  const heads = headingRows(hits, layout.headings);
  const marks = hits.compiled.profile.titleMarks ?? [];
  const starts: { row: number; col: number; id?: string; written?: string }[] = [];
  if (start?.label) {
    for (const h of hits.all(start.label)) starts.push({ row: h.row, col: h.col });
  } else if (start?.pattern) {
    const re = new RegExp(start.pattern, "u");
    const g = view.grid;
    for (let i = 0; i < g.rows.length; i++) {
      const row = g.rows[i];
      const j = row.findIndex((v) => !isEmptyCell(v));
      if (j < 0 || typeof row[j] !== "string") continue;
      const text = headingText(row[j] as string);
      const m = re.exec(text);
      if (!m) continue;
      starts.push({ row: g.top + i, col: g.left + j, id: m.groups?.id ? normalizeItemId(m.groups.id) : undefined, written: (row[j] as string).trim() });
    }
  }
  const out: SurveyRecord[] = [];
  starts.forEach((s, i) => {
    const nextStart = i + 1 < starts.length ? starts[i + 1].row : view.bottom + 1;
    const nextHeading = heads.find((h) => h.row > s.row)?.row ?? Number.POSITIVE_INFINITY;
    const bottom = Math.min(nextStart, nextHeading) - 1;
    const rec = readFormRecord(new RegionHits(hits, s.row, bottom), layout) as MutableRecord;
    if (s.id) {
      const a = view.anchor(s.row, s.col);
      rec.id = { text: s.id, raw: view.raw(a.row, a.col), cell: a };
      if (s.written && s.written !== s.id) rec.idWritten = s.written;
    }
    for (const c of start?.cells ?? []) {
      const t = textRead(hits, s.row, s.col + c.offset);
      if (!t) continue;
      if (c.type === "title") {
        // HTML residue around the cell (`<p>主要 …</p>`, 三鷹 3-(3)) hides neither the mark nor the title; TEXT-HTML reports it.
        const parsed = takeTitleMarks(parseTitleCell(stripHtml(t.text)), marks);
        rec.title = { ...t, text: parsed.title };
        rec.tags = [...parsed.tags];
        rec.marks = parsed.marks;
      } else if (c.type === "department-list") rec.departments = { list: parseDepartments(stripHtml(t.text)), raw: t.raw, cell: t.cell };
      else if (c.id === "purpose") rec.purpose = t;
    }
    applyHeadings(rec, headingsAt(heads, s.row));
    if (!rec.fiscalYear) {
      const fy = sheetFiscalYear(hits, layout, s.row);
      if (fy) rec.fiscalYear = fy;
    }
    out.push(rec);
  });
  return out;
}

/**
 * A stacked sheet's title (`取組状況（平成 29 年度末時点）`) sits above the first record, outside every record's
 * rows: its fiscal year is the 対象年度 of each record below it.
 */
function sheetFiscalYear(hits: LabelHits, layout: FormLayout, row: number): SurveyRecord["fiscalYear"] {
  for (const field of layout.fields) {
    if (field.type !== "fiscal-year") continue;
    const above = hits.all(field.label).filter((h) => h.row < row);
    const hit = above[above.length - 1];
    const fy = hit && headerInfo(hit.text).title;
    if (fy !== undefined) return { value: fy, cell: { row: hit.row, col: hit.col }, text: hit.text };
  }
  return undefined;
}
