/** `indicator-rows`: indicator rows under four header labels, one per row or ①② packed in one cell. */
import { type CellValue, cellText, isCellError, isEmptyCell } from "../../model/cell";
import type { CellPos, Indicator, IndicatorPeriods, IndicatorValueRead, TextRead } from "../../model/record";
import { splitMarkedSegments } from "../../values/number/circled-segments";
import { parseValue } from "../../values/number/parse-value";
import type { MarkedSegment } from "../../values/types";
import type { Hits } from "../compiled";
import type { LabelCandidate } from "../labels";
import type { IndicatorRowsField } from "../types";
import type { FormFieldType } from "./field-reader";
import { headerDate } from "./year-headers";

export const indicatorRowsField: FormFieldType<IndicatorRowsField> = {
  keys: ["baseline", "target", "actual"],
  requires: ["baseline", "target", "actual"],
  read(field, { hits, rec }) {
    const r = readIndicators(hits, field);
    rec.indicators = r.indicators;
    rec.periods = r.periods;
  },
};

/** An indicator while its row is read: the fields of Indicator, filled in one by one. */
type IndicatorBeingRead = {
  label: TextRead;
  index?: number;
  baseline?: IndicatorValueRead;
  target?: IndicatorValueRead;
  actual?: IndicatorValueRead;
  markerProblems?: NonNullable<Indicator["markerProblems"]>;
  actualCell?: CellPos;
};

function periodName(text: string): string | undefined {
  const m = /(下半期値|上半期値|実績値|達成値)/.exec(text.replace(/\s+/g, ""));
  return m ? m[1] : undefined;
}

interface IndicatorGroup {
  labelCell?: CellPos;
  labelRaw: CellValue;
  rows: number[];
}

function readIndicators(hits: Hits, f: IndicatorRowsField): { indicators: Indicator[]; periods: IndicatorPeriods } {
  const view = hits.index.view;
  const lh = hits.first(f.label);
  const bh = hits.first(f.baseline);
  const th = hits.first(f.target);
  const ah = hits.first(f.actual);
  const periods: IndicatorPeriods = {
    baseline: bh ? headerDate(bh.text) : undefined,
    actual: ah ? headerDate(ah.text) : undefined,
    actualName: ah ? periodName(ah.text) : undefined,
  };
  if (!lh) return { indicators: [], periods };
  const headerBottom = Math.max(...[lh, bh, th, ah].filter((h): h is LabelCandidate => !!h).map((h) => h.extent.bottom));
  const start = headerBottom + 1;
  const end = Math.min(hits.nextLabelRowAfter(headerBottom), view.bottom + 1);
  const cols = { baseline: bh?.col, target: th?.col, actual: ah?.col };

  // Group the rows by the label cell that covers them (one indicator per row, or ①② packed in one merged cell).
  const groups: IndicatorGroup[] = [];
  let current: IndicatorGroup | undefined;
  for (let r = start; r < end; r++) {
    const a = view.anchor(r, lh.col);
    const raw = view.raw(a.row, a.col);
    const rowHasValues = [cols.baseline, cols.target, cols.actual].some((c) => c !== undefined && view.anchor(r, c).row === r && !view.isEmpty(r, c));
    if (!isEmptyCell(raw)) {
      if (!current || !current.labelCell || current.labelCell.row !== a.row || current.labelCell.col !== a.col) {
        current = { labelCell: a, labelRaw: raw, rows: [] };
        groups.push(current);
      }
      current.rows.push(r);
    } else if (rowHasValues) {
      current = { labelRaw: null, rows: [r] };
      groups.push(current);
    }
  }

  const indicators: Indicator[] = [];
  for (const g of groups) {
    const labelText = cellText(g.labelRaw);
    const labelSegs = splitMarkedSegments(labelText).filter((s) => s.text.trim().length > 0);
    const packed = labelSegs.filter((s) => s.index !== undefined).length >= 2;
    const valueCells = {
      baseline: firstInRows(hits, g.rows, cols.baseline),
      target: firstInRows(hits, g.rows, cols.target),
      actual: firstInRows(hits, g.rows, cols.actual),
    };
    const labelCell = g.labelCell ?? { row: g.rows[0], col: lh.col };
    // An empty actual still has a place: the actual column on the indicator's first row.
    const actualCell = !valueCells.actual && cols.actual !== undefined ? view.anchor(g.rows[0], cols.actual) : undefined;
    if (!packed) {
      const seg = labelSegs[0];
      const ind: IndicatorBeingRead = { label: { text: seg ? seg.text : labelText, raw: g.labelRaw, cell: labelCell }, index: seg?.index, ...(actualCell ? { actualCell } : {}) };
      const problems: NonNullable<Indicator["markerProblems"]>[number][] = [];
      for (const col of ["baseline", "target", "actual"] as const) {
        const vc = valueCells[col];
        if (!vc) continue;
        const segs = splitMarkedSegments(cellText(vc.raw));
        const marked = segs.filter((s) => s.index !== undefined);
        let text = cellText(vc.raw);
        let useRaw = true;
        if (seg?.index !== undefined && marked.length > 0) {
          const same = marked.find((s) => s.index === seg.index);
          if (same && marked.length === 1) {
            text = same.text;
          } else {
            problems.push({ column: col, cell: vc.cell, labelMarkers: seg.marker ?? "", valueMarkers: marked.map((s) => s.marker).join("") });
            if (same) {
              text = same.text;
              useRaw = false;
            }
          }
        }
        ind[col] = valueRead(hits, vc, text, useRaw, false);
      }
      if (problems.length) ind.markerProblems = problems;
      indicators.push(ind);
      continue;
    }
    // Packed: pair each label segment with the value segment of the same number.
    const labelMarkers = labelSegs.filter((s) => s.index !== undefined);
    const perColumn: Record<"baseline" | "target" | "actual", { segs: MarkedSegment[]; unmarked?: MarkedSegment }> = {
      baseline: { segs: [] },
      target: { segs: [] },
      actual: { segs: [] },
    };
    const problems: NonNullable<Indicator["markerProblems"]>[number][] = [];
    for (const col of ["baseline", "target", "actual"] as const) {
      const vc = valueCells[col];
      if (!vc) continue;
      const segs = splitMarkedSegments(cellText(vc.raw)).filter((s) => s.text.trim().length > 0);
      perColumn[col].segs = segs.filter((s) => s.index !== undefined);
      perColumn[col].unmarked = segs.find((s) => s.index === undefined);
      const want = labelMarkers.map((s) => s.index).join(",");
      const got = perColumn[col].segs.map((s) => s.index).join(",");
      if (want !== got) {
        problems.push({
          column: col,
          cell: vc.cell,
          labelMarkers: labelMarkers.map((s) => s.marker).join(""),
          valueMarkers: perColumn[col].segs.map((s) => s.marker).join(""),
        });
      }
    }
    labelMarkers.forEach((ls, i) => {
      const ind: IndicatorBeingRead = { label: { text: ls.text, raw: g.labelRaw, cell: labelCell }, index: ls.index, ...(actualCell ? { actualCell } : {}) };
      for (const col of ["baseline", "target", "actual"] as const) {
        const vc = valueCells[col];
        if (!vc) continue;
        const pc = perColumn[col];
        const seg = pc.segs.find((s) => s.index === ls.index);
        if (seg) {
          ind[col] = valueRead(hits, vc, seg.text, false, true);
        } else if (pc.unmarked && pc.segs.length === 0) {
          // An unmarked cell: a placeholder stands for every indicator; other text is taken as ①'s.
          const parsed = parseValue(pc.unmarked.text);
          if (parsed.kind === "placeholder" || i === 0) ind[col] = valueRead(hits, vc, pc.unmarked.text, false, true);
        }
      }
      // Report marker problems once, on the first indicator of the cell.
      if (i === 0 && problems.length) ind.markerProblems = problems;
      indicators.push(ind);
    });
  }
  return { indicators, periods };
}

function firstInRows(hits: Hits, rows: readonly number[], col: number | undefined): { raw: CellValue; cell: CellPos } | undefined {
  if (col === undefined) return undefined;
  const view = hits.index.view;
  for (const r of rows) {
    const a = view.anchor(r, col);
    const raw = view.raw(a.row, a.col);
    if (!isEmptyCell(raw)) return { raw, cell: a };
  }
  return undefined;
}

function valueRead(
  hits: Hits,
  vc: { raw: CellValue; cell: CellPos },
  text: string,
  useRaw: boolean,
  packed: boolean,
): IndicatorValueRead {
  const view = hits.index.view;
  const fmt = view.numberFormat(vc.cell.row, vc.cell.col);
  const parsed = useRaw || isCellError(vc.raw) ? parseValue(vc.raw as never, { percentFormat: !!fmt && fmt.includes("%") }) : parseValue(text);
  return { parsed, text, raw: vc.raw, cell: vc.cell, packed };
}
