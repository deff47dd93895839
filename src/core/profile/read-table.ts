/**
 * Reads the rows of a table-shaped sheet (評価一覧, 目次, 三鷹 目標指標, 小平 推進プログラム): a header band names
 * the columns and each row below it is a record. The band may repeat (one per 施策 block); heading rows above the
 * rows set their group; a group column filled only on a group's first row is carried down.
 */
import { cellText, isEmptyCell } from "../model/cell";
import type { CellPos, IndicatorValueRead, SurveyRecord, TextRead, YearHeader } from "../model/record";
import { findFiscalYears, parseFiscalYear } from "../values/wareki";
import { extractGoals, type Goal } from "../indicators/goals";
import type { LabelHits } from "./compiled";
import type { LabelCandidate } from "./labels";
import { applyHeadings, emptyRecord, headingRows, headingsAt, type MutableRecord } from "./read-form";
import { type ColumnCell, type RowReading, TABLE_COLUMN_TYPES } from "./table-columns";
import type { FieldId, TableColumn, TableLayout } from "./types";

interface ColumnPos {
  readonly spec: TableColumn;
  readonly col: number;
  /** For an indicator series: each column with the header text and fiscal year it has. */
  readonly series?: readonly { readonly col: number; readonly header: string; readonly fiscalYear?: number }[];
  /** For a schedule: the year header cells to the right of the task header. */
  readonly years?: readonly YearHeader[];
  /** The header as written. */
  readonly header?: string;
}

interface Band {
  readonly top: number;
  readonly bottom: number;
  readonly columns: readonly ColumnPos[];
  /** The header cells of the band that name a fiscal year (三鷹: 平成22年度 … 令和4(2022)年度), for ERA-MISMATCH. */
  readonly years?: readonly YearHeader[];
}

/** Label cells of a header band that name a fiscal year, left to right. */
function bandYears(hits: LabelHits, top: number, bottom: number): YearHeader[] {
  const out: YearHeader[] = [];
  for (const c of hits.index.candidates) {
    if (c.row < top || c.row > bottom || !hits.isLabelText(c.norm)) continue;
    const fy = fiscalYearOf(c.text);
    if (fy !== undefined) out.push({ fiscalYear: fy, text: c.text, cell: { row: c.row, col: c.col } });
  }
  return out;
}

function fiscalYearOf(text: string): number | undefined {
  return findFiscalYears(text)[0]?.fiscalYear;
}

function nearest(hits: readonly LabelCandidate[], row: number, range: number): LabelCandidate | undefined {
  let best: LabelCandidate | undefined;
  for (const h of hits) {
    if (h.row < row - range || h.row > row + range) continue;
    if (!best || Math.abs(h.row - row) < Math.abs(best.row - row)) best = h;
  }
  return best;
}

function findBands(hits: LabelHits, layout: TableLayout): Band[] {
  const view = hits.index.view;
  const anchorKey = layout.recognition.required[0];
  const anchors = hits.all(anchorKey);
  const bands: Band[] = [];
  for (const anchor of layout.repeatHeader ? anchors : anchors.slice(0, 1)) {
    const placed = new Map<FieldId, ColumnPos>();
    let top = anchor.row;
    let bottom = anchor.extent.bottom;
    const labelled = layout.columns.filter((c) => c.label);
    // Labels written alike ({FY}年度当初予定 for this year's plan and next year's) take their cells left to right, in
    // the order of the profile's columns. Labels written differently may share a cell (三鷹's 戦略策定時 heads both
    // the baseline and the start of the series).
    const taken = new Map<string, Set<string>>();
    for (const spec of labelled) {
      const alike = JSON.stringify(layout.labels[spec.label!]?.text);
      const cells = taken.get(alike) ?? new Set<string>();
      taken.set(alike, cells);
      const all = hits.all(spec.label!).filter((x) => !cells.has(`${x.row},${x.col}`));
      const h = nearest(all, anchor.row, 1);
      if (!h) continue;
      cells.add(`${h.row},${h.col}`);
      top = Math.min(top, h.row);
      bottom = Math.max(bottom, h.extent.bottom);
      if (spec.type === "indicator-series") {
        // Several columns: one merged header over them, or one label repeated along the header row.
        const same = all.filter((x) => x.row === h.row);
        const series =
          h.extent.right > h.col || same.length === 1
            ? Array.from({ length: h.extent.right - h.col + 1 }, (_, i) => ({ col: h.col + i, header: h.text, fiscalYear: fiscalYearOf(h.text) }))
            : same.map((x) => ({ col: x.col, header: x.text, fiscalYear: fiscalYearOf(x.text) }));
        placed.set(spec.id, { spec, col: h.col, series });
      } else if (spec.type === "schedule" && spec.years) {
        // Year headers (R3 … R6, 令和3年度 …) in the task header's row, to its right.
        const years: YearHeader[] = [];
        for (const y of hits.all(spec.years)) {
          if (y.row !== h.row || y.col <= h.col) continue;
          const fy = parseFiscalYear(y.text)?.fiscalYear ?? fiscalYearOf(y.text);
          if (fy !== undefined) years.push({ fiscalYear: fy, text: y.text, cell: { row: y.row, col: y.col } });
          bottom = Math.max(bottom, y.extent.bottom);
        }
        placed.set(spec.id, { spec, col: h.col, years, header: h.text });
      } else placed.set(spec.id, { spec, col: h.col, header: h.text });
    }
    // A sub-header row (fiscal years under the labels) belongs to the band and names the series' years.
    if (layout.subHeader) {
      const subs = hits.all(layout.subHeader).filter((x) => x.row === bottom + 1);
      if (subs.length) {
        bottom += 1;
        const yearAt = new Map(subs.map((x) => [x.col, x] as const));
        for (const [id, pos] of placed) {
          if (!pos.series) continue;
          placed.set(id, {
            ...pos,
            series: pos.series.map((s) => {
              const sub = yearAt.get(s.col);
              return sub ? { col: s.col, header: sub.text, fiscalYear: fiscalYearOf(sub.text) } : s;
            }),
          });
        }
      }
    }
    // A column without a header, or whose header this band lacks (the item column under a 項目 that spans two), sits
    // next to another.
    for (const spec of layout.columns) {
      if (placed.has(spec.id) || !spec.relativeTo) continue;
      const base = placed.get(spec.relativeTo);
      const col = base ? base.col + (spec.offset ?? 0) : -1;
      if (!base || (spec.label && [...placed.values()].some((p) => p.col === col))) continue;
      placed.set(spec.id, { spec, col });
    }
    if (placed.size) bands.push({ top, bottom, columns: [...placed.values()], years: bandYears(hits, top, bottom) });
  }
  bands.sort((a, b) => a.top - b.top);
  void view;
  return bands;
}

export function readTableRecords(hits: LabelHits, layout: TableLayout): SurveyRecord[] {
  const view = hits.index.view;
  const bands = findBands(hits, layout);
  if (bands.length === 0) return [];
  const heads = headingRows(hits, layout.headings);
  const headRowSet = new Set(heads.map((h) => h.row));
  // A column label found on the sheet but given to another column (one header cell names one column) is missing too.
  const placed = new Set(bands.flatMap((b) => b.columns.map((c) => c.spec.label)));
  const columnLabels = new Set(layout.columns.map((c) => c.label));
  const missing = layout.recognition.required.filter((k) => !hits.has(k) || (columnLabels.has(k) && !placed.has(k)));
  const out: SurveyRecord[] = [];
  bands.forEach((band, bi) => {
    const end = Math.min(bi + 1 < bands.length ? bands[bi + 1].top - 1 : view.bottom, view.bottom);
    const keyCols = band.columns.filter((c) => c.spec.id === "id" || c.spec.id === "title" || c.spec.id === "indicator");
    const required = band.columns.filter((c) => layout.requireAny?.includes(c.spec.id));
    let group: TextRead | undefined;
    for (let r = band.bottom + 1; r <= end; r++) {
      if (headRowSet.has(r) || hits.index.view.isBlankRow(r)) continue;
      // Page headers repeated inside the table are label rows, not records.
      if (hits.nextLabelRowAfter(r - 1) === r) continue;
      const cellAt = (col: number) => {
        const a = view.anchor(r, col);
        // A cell inside an area merged from above or from the left holds no value of its own (a note row `(注) …`
        // merged across a 三鷹 table is not a row of figures).
        return { a, raw: a.row === r && a.col === col ? view.raw(a.row, a.col) : null };
      };
      const hasKey = keyCols.some((c) => !isEmptyCell(cellAt(c.col).raw));
      if (!hasKey && !band.columns.some((c) => c.spec.carryDown && !isEmptyCell(view.value(r, c.col)))) continue;
      if (required.length && !required.some((c) => (c.series ?? [{ col: c.col }]).some((s) => !isEmptyCell(cellAt(s.col).raw)))) continue;
      const rec = emptyRecord(hits.compiled.profile.id, layout.id, layout.role, view.name) as MutableRecord;
      rec.row = r;
      rec.missingLabels = missing;
      if (band.years?.length) rec.yearHeaders = band.years;
      const present = new Set<string>();
      const labelsRead: Record<string, string> = {};
      const row: RowReading = { rec, profile: hits.compiled.profile, codes: {}, texts: {}, emptyCells: {}, values: {}, group };
      const goals: Goal[] = [];
      for (const { spec, col, series, years, header } of band.columns) {
        present.add(spec.id);
        if (header !== undefined) labelsRead[spec.id] = header;
        const { a, raw: own } = cellAt(col);
        const raw = spec.carryDown ? view.raw(a.row, a.col) : own;
        if (spec.carryDown) {
          if (!isEmptyCell(raw)) row.group = { text: cellText(raw).trim(), raw, cell: a };
          continue;
        }
        const type = TABLE_COLUMN_TYPES[spec.type];
        const cell: ColumnCell = { spec, raw, a, row: r, col, cellAt, numberFormat: (p: CellPos) => view.numberFormat(p.row, p.col), series, years };
        if (type.readSpan?.(cell, row)) continue;
        if (isEmptyCell(raw)) {
          row.emptyCells[spec.id] = { row: r, col };
          continue;
        }
        const read: TextRead = { text: cellText(raw), raw, cell: a };
        if (spec.goals) goals.push(...extractGoals(read.text, { cell: a, column: spec.id, header }));
        type.read?.(cell, read, row);
      }
      group = row.group;
      const { titleId, indicatorLabel, values } = row;
      if (titleId && !rec.id) {
        rec.id = titleId.id;
        if (titleId.written !== titleId.id.text) rec.idWritten = titleId.written;
      }
      if (group) rec.group = group;
      if (band.columns.some((c) => c.spec.goals)) rec.goals = goals;
      if (indicatorLabel || values.baseline || values.target || values.series?.length) {
        // The latest filled value of the series is the actual; 同左 takes the value on its left.
        const series = values.series ?? [];
        let actual: IndicatorValueRead | undefined;
        for (let i = series.length - 1; i >= 0 && !actual; i--) {
          const v = series[i].value;
          if (v.parsed.kind === "copy-left") {
            for (let k = i - 1; k >= 0; k--) {
              if (series[k].value.parsed.kind !== "copy-left") {
                actual = { ...series[k].value, cell: v.cell, raw: v.raw };
                break;
              }
            }
          } else actual = v;
        }
        rec.indicators = [
          {
            label: indicatorLabel ?? { text: "", raw: null, cell: { row: r, col: band.columns[0].col } },
            baseline: values.baseline,
            target: values.target,
            actual,
            series,
          },
        ];
      }
      applyHeadings(rec, headingsAt(heads, r));
      rec.present = present;
      rec.emptyCells = row.emptyCells;
      rec.codes = row.codes;
      rec.texts = row.texts;
      rec.labelsRead = labelsRead;
      if (!rec.id && !rec.title && rec.indicators.length === 0) continue;
      out.push(rec);
    }
  });
  return out;
}
