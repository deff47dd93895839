/**
 * The table column types, one registry: a column's `type` (TableColumn in ./types.ts) → how its cell goes into the
 * row's record. A new type is its entry here, its name in TableColumn["type"], and the schema's column `type` enum
 * (check-profile.ts takes the list from here; test/profile-schema.test.ts keeps the schema in step). See
 * docs/profiles.md for what each type reads.
 */
import { type CellValue, cellText, isEmptyCell } from "../model/cell";
import type { CellPos, CodeRead, Indicator, IndicatorValueRead, ScheduleYearCell, TextRead, YearHeader } from "../model/record";
import { parseCode } from "../values/codes";
import { parseDepartments } from "../values/departments";
import { parseValue } from "../values/number/parse-value";
import { normalizeItemId, parseTitleCell, splitLeadingId, takeTitleMarks } from "./headings";
import type { MutableRecord } from "./read-form";
import type { Profile, TableColumn } from "./types";

/** What a row gathers from its cells before it becomes a record (read-table.ts finishes it). */
export interface RowReading {
  readonly rec: MutableRecord;
  readonly profile: Profile;
  readonly codes: Record<string, CodeRead>;
  readonly texts: Record<string, TextRead>;
  readonly emptyCells: Record<string, CellPos>;
  readonly values: { baseline?: IndicatorValueRead; target?: IndicatorValueRead; series?: NonNullable<Indicator["series"]> };
  group?: TextRead;
  indicatorLabel?: TextRead;
  /** A number leading the title (`2 【新規】 協働事業の推進`): the row's id unless an id column gives one. */
  titleId?: { readonly id: TextRead; readonly written: string };
}

/** One column's cell in one row, with what the header band placed for it. */
export interface ColumnCell {
  readonly spec: TableColumn;
  /** The cell's value (null inside a merged area that does not start here) and its anchor. */
  readonly raw: CellValue;
  readonly a: CellPos;
  readonly row: number;
  readonly col: number;
  /** The value and anchor of the cell at another column of this row. */
  cellAt(col: number): { readonly a: CellPos; readonly raw: CellValue };
  numberFormat(cell: CellPos): string | undefined;
  readonly series?: readonly { readonly col: number; readonly header: string; readonly fiscalYear?: number }[];
  readonly years?: readonly YearHeader[];
}

export interface TableColumnType {
  /**
   * For a type whose value spans more columns than its own (a series, a schedule): reads the row, empty cells too, and
   * returns true; false leaves the cell to be read as one.
   */
  readSpan?(cell: ColumnCell, row: RowReading): boolean;
  /** Reads a non-empty cell into the row. */
  read?(cell: ColumnCell, text: TextRead, row: RowReading): void;
}

/** A title note that an item ended (`※令和4年度までをもって終了`). */
const ENDED_RE = /※[^※]*(?:終了|廃止)\s*$/;

export function valueRead(raw: CellValue, cell: CellPos, fmt: string | undefined): IndicatorValueRead {
  return { parsed: parseValue(raw as never, { percentFormat: !!fmt && fmt.includes("%") }), text: cellText(raw), raw, cell, packed: false };
}

export const TABLE_COLUMN_TYPES: { readonly [T in TableColumn["type"]]: TableColumnType } = {
  text: {
    read({ spec }, text, row) {
      if (spec.id === "purpose") row.rec.purpose = text;
      else if (spec.id === "group") row.group = text;
      else if (spec.id === "indicator") row.indicatorLabel = text;
      else row.texts[spec.id] = text;
    },
  },
  code: {
    read({ spec, raw, a }, _text, row) {
      row.codes[spec.id] = { parsed: parseCode(raw, row.profile.codeSets[spec.codeSet ?? ""]), raw, cell: a };
    },
  },
  "department-list": {
    read({ raw, a }, text, row) {
      row.rec.departments = { list: parseDepartments(text.text), raw, cell: a };
    },
  },
  title: {
    read({ spec }, text, row) {
      const lead = spec.idInTitle ? splitLeadingId(text.text) : undefined;
      if (lead) row.titleId = { id: { ...text, text: lead.id }, written: lead.written };
      const t = takeTitleMarks(parseTitleCell(lead ? lead.rest : text.text), row.profile.titleMarks ?? []);
      const ended = ENDED_RE.exec(t.title);
      const title = ended ? t.title.slice(0, ended.index).trim() : t.title;
      const rec = row.rec;
      if (title || !lead) rec.title = { ...text, text: title };
      if (ended) rec.ended = true;
      rec.tags = t.tags;
      if (t.marks.length) rec.marks = t.marks;
      if (t.repostOf) rec.repostOf = t.repostOf;
    },
  },
  id: {
    read(_cell, text, row) {
      row.rec.id = { ...text, text: normalizeItemId(text.text) };
      if (row.rec.id.text !== text.text.trim()) row.rec.idWritten = text.text.trim();
    },
  },
  "indicator-value": {
    read({ spec, raw, a, numberFormat }, _text, row) {
      if (spec.id === "baseline" || spec.id === "target") row.values[spec.id] = valueRead(raw, a, numberFormat(a));
    },
  },
  "indicator-series": {
    readSpan({ series, cellAt, numberFormat }, row) {
      if (!series) return false;
      row.values.series = series
        .map((s) => {
          const c = cellAt(s.col);
          return { fiscalYear: s.fiscalYear, header: s.header, value: valueRead(c.raw, c.a, numberFormat(c.a)) };
        })
        .filter((s) => !isEmptyCell(s.value.raw));
      return true;
    },
  },
  schedule: {
    readSpan({ years, cellAt, raw, a, spec, row: r, col }, row) {
      // One task per row: the 取組項目 cell, with the cell under each year header (the first column of a wider cell).
      const cells: ScheduleYearCell[] = [];
      for (const y of years ?? []) {
        const c = cellAt(y.cell.col);
        if (c.a.col !== y.cell.col || isEmptyCell(c.raw)) continue;
        cells.push({ fiscalYear: y.fiscalYear, text: cellText(c.raw), cell: c.a });
      }
      row.rec.yearHeaders = years ?? [];
      if (!isEmptyCell(raw) || cells.length) row.rec.tasks = [{ text: isEmptyCell(raw) ? "" : cellText(raw), cell: isEmptyCell(raw) ? { row: r, col } : a, years: cells }];
      else row.emptyCells[spec.id] = { row: r, col };
      return true;
    },
  },
};

/** The column types, for the profile check and the schema. */
export const COLUMN_TYPES = Object.keys(TABLE_COLUMN_TYPES) as TableColumn["type"][];
