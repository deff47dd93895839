/**
 * Reads one record from a form-shaped sheet (docs/formats.md): each field is found by its label, and its
 * value lies below the label (header layouts) or right of it (label-left layouts).
 */
import { type CellValue, cellText, isCellError, isEmptyCell } from "../model/cell";
import type {
  CellPos,
  CodeRead,
  HeadingRead,
  PlanCell,
  PlanRow,
  DepartmentsRead,
  Indicator,
  IndicatorPeriods,
  IndicatorValueRead,
  ScheduleYearCell,
  SurveyRecord,
  Task,
  TextRead,
  YearHeader,
} from "../model/record";
import { parseCode } from "../values/codes";
import { parseDepartments } from "../values/departments";
import { splitMarkedSegments } from "../values/number/circled-segments";
import { parseValue } from "../values/number/parse-value";
import { stripHtml } from "../values/text";
import { findFiscalYears, parseFiscalYear } from "../values/wareki";
import type { DateRef, MarkedSegment } from "../values/types";
import { type Hits, type LabelHits, RegionHits } from "./compiled";
import { cachedNormalize, type LabelCandidate } from "./labels";
import { headingText, matchHeading, normalizeItemId, parseItemHeading, parseTitleCell } from "./headings";
import type {
  CodeField,
  FormLayout,
  PlanBlocksField,
  IndicatorRowsField,
  ScheduleRowsField,
} from "./types";

/** Empty cells between a label and its value are skipped, up to 3 cells. */
const MAX_SKIP = 3;

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

  for (const field of layout.fields) {
    const hit = hits.first(field.label);
    if (!hit) continue;
    present.add(field.id);
    labelsRead[field.id] = hit.text;
    labelCells[field.id] = { row: hit.row, col: hit.col };
    switch (field.type) {
      case "text": {
        const v = valueNear(hits, hit, field.at);
        if (!v.read) emptyCells[field.id] = v.emptyAt;
        else if (field.id === "title") rec.title = { ...v.read, text: v.read.text.trim() };
        else if (field.id === "purpose") rec.purpose = v.read;
        else if (field.id === "group") rec.group = v.read;
        else if (field.id === "id") rec.id = { ...v.read, text: normalizeItemId(v.read.text) };
        else texts[field.id] = v.read;
        break;
      }
      case "department-list": {
        const v = valueNear(hits, hit, field.at);
        if (v.read) rec.departments = { list: parseDepartments(v.read.text), raw: v.read.raw, cell: v.read.cell } satisfies DepartmentsRead;
        else emptyCells[field.id] = v.emptyAt;
        break;
      }
      case "item-heading": {
        const v = valueNear(hits, hit, field.at);
        if (!v.read) {
          emptyCells[field.id] = v.emptyAt;
          break;
        }
        const h = parseItemHeading(v.read.text, field.purposeMarker);
        const at = v.read.cell;
        if (h.id !== undefined) rec.id = { text: h.id, raw: v.read.raw, cell: at };
        if (h.title !== undefined) rec.title = { text: h.title, raw: v.read.raw, cell: at };
        if (h.purpose !== undefined) rec.purpose = { text: h.purpose, raw: v.read.raw, cell: at };
        break;
      }
      case "title": {
        const v = valueNear(hits, hit, field.at);
        if (!v.read) {
          emptyCells[field.id] = v.emptyAt;
          break;
        }
        const t = parseTitleCell(v.read.text);
        rec.title = { text: t.title, raw: v.read.raw, cell: v.read.cell };
        rec.tags = t.tags;
        if (t.repostOf) rec.repostOf = t.repostOf;
        break;
      }
      case "code": {
        const c = readCode(hits, hit, field);
        if (c.read) codes[field.id] = c.read;
        else emptyCells[field.id] = c.emptyAt;
        break;
      }
      case "indicator-rows": {
        const r = readIndicators(hits, field);
        rec.indicators = r.indicators;
        rec.periods = r.periods;
        break;
      }
      case "schedule-rows": {
        const s = readSchedule(hits, field);
        rec.tasks = s.tasks;
        rec.yearHeaders = s.headers;
        break;
      }
      case "year-values":
        rec.yearlyResults = readYearValues(hits, field.label);
        break;
      case "plan-blocks":
        rec.plans = readPlans(hits, field);
        if (rec.plans.length) {
          const status = planStatus(rec.plans, hits.compiled.profile.codeSets[field.codeSet]?.codes.map((c) => c.code) ?? []);
          if (status) codes.status = status;
        }
        break;
      case "fiscal-year": {
        const fy = headerInfo(hit.text).title;
        if (fy !== undefined) rec.fiscalYear = { value: fy, cell: { row: hit.row, col: hit.col }, text: hit.text };
        break;
      }
    }
  }
  rec.texts = texts;
  rec.codes = codes;
  rec.present = present;
  rec.emptyCells = emptyCells;
  rec.labelsRead = labelsRead;
  rec.labelCells = labelCells;
  return rec;
}

// ---------------------------------------------------------------- single values

interface Near {
  read?: TextRead;
  emptyAt: CellPos;
}

function rowIsBlank(hits: Hits, row: number): boolean {
  return hits.index.view.isBlankRow(row);
}

/** The first row of values under a label: skips up to MAX_SKIP blank rows, never crosses a label row. */
function firstDataRow(hits: Hits, hit: LabelCandidate): { first: number; end: number } {
  const start = hit.extent.bottom + 1;
  const end = Math.min(hits.nextLabelRowAfter(hit.extent.bottom), hits.index.view.bottom + 1);
  let first = start;
  let skipped = 0;
  while (first < end && skipped < MAX_SKIP && rowIsBlank(hits, first)) {
    first++;
    skipped++;
  }
  if (first >= end) first = start;
  return { first, end: Math.max(end, start + 1) };
}

function textRead(hits: Hits, row: number, col: number): TextRead | undefined {
  const view = hits.index.view;
  const a = view.anchor(row, col);
  const raw = view.raw(a.row, a.col);
  if (isEmptyCell(raw)) return undefined;
  return { text: cellText(raw), raw, cell: a };
}

function valueNear(hits: Hits, hit: LabelCandidate, at: "below" | "right"): Near {
  const view = hits.index.view;
  if (at === "below") {
    const { first, end } = firstDataRow(hits, hit);
    const emptyAt = view.anchor(first, hit.col);
    for (let r = first; r < end; r++) {
      const a = view.anchor(r, hit.col);
      if (a.row !== r && r !== first) continue; // inside a merge already seen
      const t = textRead(hits, r, hit.col);
      if (t) return { read: t, emptyAt };
    }
    return { emptyAt };
  }
  // right of the label, skipping a few empty cells; a label cell ends the search.
  const row = hit.row;
  let col = hit.extent.right + 1;
  const emptyAt = view.anchor(row, col);
  for (let skipped = 0; skipped <= MAX_SKIP && col <= view.right; ) {
    const a = view.anchor(row, col);
    const raw = view.raw(a.row, a.col);
    if (!isEmptyCell(raw)) {
      if (typeof raw === "string" && hits.isLabelText(cachedNormalize(raw))) break;
      return { read: { text: cellText(raw), raw, cell: a }, emptyAt };
    }
    col = view.extent(row, col).right + 1;
    skipped++;
  }
  return { emptyAt };
}

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

// ---------------------------------------------------------------- indicators

const WAREKI_MONTH = /(平成|令和|昭和|H|R)\s*(\d{1,2}|元)\s*年\s*(\d{1,2})\s*月/;

// Header texts (年度 columns, 現状値…平成29年3月末) recur on every sheet of a workbook: parse each once.
const headerMemo = new Map<string, { fy: ReturnType<typeof parseFiscalYear>; date: DateRef | undefined; title: number | undefined }>();

function headerInfo(text: string) {
  let h = headerMemo.get(text);
  if (!h) {
    if (headerMemo.size > 5000) headerMemo.clear();
    // A title names its year once, perhaps after the plan period (`（平成 29～32 年度） 取組状況（平成 29 年度末時点）`).
    const years = findFiscalYears(text);
    h = { fy: parseFiscalYear(text), date: headerDateUncached(text), title: (years.find((y) => y.toFiscalYear === undefined) ?? years[0])?.fiscalYear };
    headerMemo.set(text, h);
  }
  return h;
}

function headerDate(text: string): DateRef | undefined {
  return headerInfo(text).date;
}

function headerDateUncached(text: string): DateRef | undefined {
  const norm = text.normalize("NFKC");
  const m = WAREKI_MONTH.exec(norm);
  if (!m) return undefined;
  const fy = parseFiscalYear(`${m[1]}${m[2]}年度`);
  if (!fy) return undefined;
  // Here the era year names a calendar year (平成30年3月 = March 2018), which has the same number as 平成30年度.
  return { year: fy.fiscalYear, month: Number(m[3]) };
}

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
      const ind: {
        label: TextRead;
        index?: number;
        baseline?: IndicatorValueRead;
        target?: IndicatorValueRead;
        actual?: IndicatorValueRead;
        markerProblems?: NonNullable<Indicator["markerProblems"]>;
        actualCell?: CellPos;
      } = { label: { text: seg ? seg.text : labelText, raw: g.labelRaw, cell: labelCell }, index: seg?.index, ...(actualCell ? { actualCell } : {}) };
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
      const ind: {
        label: TextRead;
        index?: number;
        baseline?: IndicatorValueRead;
        target?: IndicatorValueRead;
        actual?: IndicatorValueRead;
        markerProblems?: NonNullable<Indicator["markerProblems"]>;
        actualCell?: CellPos;
      } = { label: { text: ls.text, raw: g.labelRaw, cell: labelCell }, index: ls.index, ...(actualCell ? { actualCell } : {}) };
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

// ---------------------------------------------------------------- schedule and yearly values

function readSchedule(hits: Hits, f: ScheduleRowsField): { tasks: Task[]; headers: YearHeader[] } {
  const view = hits.index.view;
  const th = hits.first(f.label);
  if (!th) return { tasks: [], headers: [] };
  // Year headers of this schedule sit in the task label's header row.
  const yearHits = hits.all(f.years).filter((h) => h.row === th.row && h.col > th.col);
  const headers: YearHeader[] = [];
  for (const h of yearHits) {
    const fy = headerInfo(h.text).fy;
    if (fy) headers.push({ fiscalYear: fy.fiscalYear, text: h.text, cell: { row: h.row, col: h.col } });
  }
  const bottom = Math.max(th.extent.bottom, ...yearHits.map((h) => h.extent.bottom));
  const end = Math.min(hits.nextLabelRowAfter(bottom), view.bottom + 1);
  const tasks: Task[] = [];
  for (let r = bottom + 1; r < end; r++) {
    const taskRead = view.anchor(r, th.col).row === r ? textRead(hits, r, th.col) : undefined;
    const years: ScheduleYearCell[] = [];
    for (const h of headers) {
      const a = view.anchor(r, h.cell.col);
      if (a.row !== r || a.col !== h.cell.col) continue;
      const raw = view.raw(a.row, a.col);
      if (isEmptyCell(raw)) continue;
      years.push({ fiscalYear: h.fiscalYear, text: cellText(raw), cell: a });
    }
    if (!taskRead && years.length === 0) continue;
    tasks.push({ text: taskRead?.text ?? "", cell: taskRead?.cell ?? { row: r, col: th.col }, years });
  }
  return { tasks, headers };
}

function readYearValues(hits: Hits, key: string): ScheduleYearCell[] {
  const out: ScheduleYearCell[] = [];
  for (const h of hits.all(key)) {
    const fy = headerInfo(h.text).fy;
    if (!fy) continue;
    const v = valueNear(hits, h, "below");
    out.push({ fiscalYear: fy.fiscalYear, text: v.read?.text ?? "", cell: v.read?.cell ?? v.emptyAt });
  }
  return out;
}

// ---------------------------------------------------------------- plan blocks (武蔵野 年次計画)

function readPlans(hits: Hits, f: PlanBlocksField): PlanRow[] {
  const view = hits.index.view;
  const codeSet = hits.compiled.profile.codeSets[f.codeSet];
  const out: PlanRow[] = [];
  for (const h of hits.all(f.label)) {
    // Year headers sit in the label's row, to its right.
    const yearHits = hits.all(f.years).filter((y) => y.row === h.row && y.col > h.col);
    const headers = yearHits
      .map((y) => ({ y, fy: headerInfo(y.text).fy }))
      .filter((x): x is { y: (typeof yearHits)[number]; fy: NonNullable<ReturnType<typeof parseFiscalYear>> } => !!x.fy)
      .map(({ y, fy }) => ({ fiscalYear: fy.fiscalYear, text: y.text, cell: { row: y.row, col: y.col }, toFiscalYear: fy.toFiscalYear }));
    const firstYearCol = headers.length ? headers[0].cell.col : h.extent.right + 1;
    // The plan row: the next non-blank row under the year headers. Not under the label: a 年次計画 merged down over
    // the plan row would hide it.
    const headerBottom = yearHits.length ? Math.max(...yearHits.map((y) => y.extent.bottom)) : h.extent.bottom;
    let r = headerBottom + 1;
    while (r <= view.bottom && r <= headerBottom + MAX_SKIP && view.isBlankRow(r)) r++;
    const statusHit = hits.all(f.status).find((st) => st.row > headerBottom && st.row <= headerBottom + 1 + MAX_SKIP + 1);
    const valueRow = statusHit && statusHit.row === r ? undefined : r;
    const cells: PlanCell[] = [];
    let subItem: TextRead | undefined;
    if (valueRow !== undefined) {
      for (const hd of headers) {
        const a = view.anchor(valueRow, hd.cell.col);
        const raw = view.raw(a.row, a.col);
        cells.push({ fiscalYear: hd.fiscalYear, toFiscalYear: hd.toFiscalYear, text: isEmptyCell(raw) ? "" : cellText(raw).trim(), raw, cell: a });
      }
      // A sub-item sits before the first year column (its own column, or the label column of the value row).
      for (let c = firstYearCol - 1; c >= h.col; c--) {
        const t = textRead(hits, valueRow, c);
        if (t && !hits.isLabelText(cachedNormalize(t.text))) {
          subItem = t;
          break;
        }
      }
    }
    const statusAt = { row: statusHit ? statusHit.row : (valueRow ?? headerBottom) + 1, col: firstYearCol };
    let status: CodeRead | undefined;
    if (statusHit) {
      const a = view.anchor(statusHit.row, firstYearCol);
      const raw = view.raw(a.row, a.col);
      if (!isEmptyCell(raw)) status = { parsed: parseCode(raw, codeSet), raw, cell: a };
    }
    const statusLabel = statusHit ? { row: statusHit.row, col: statusHit.col } : undefined;
    out.push({ headers, cells, subItem, status, statusAt, ...(statusLabel ? { statusLabel } : {}), labelCell: { row: h.row, col: h.col } });
  }
  return out;
}

/** A record's status: the least advanced of its plan rows (a project is done only when every row is). */
function planStatus(plans: readonly PlanRow[], order: readonly string[]): CodeRead | undefined {
  let worst: CodeRead | undefined;
  for (const p of plans) {
    const c = p.status;
    if (!c?.parsed.code) continue;
    if (!worst || order.indexOf(c.parsed.code) > order.indexOf(worst.parsed.code!)) worst = c;
  }
  return worst;
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
        const parsed = parseTitleCell(stripHtml(t.text));
        // 【主要】 or a bare 主要 followed by a space marks a key item (三鷹 アクションプラン).
        const marks = /^\s*(?:【\s*主要\s*】\s*|主要\s+)/.exec(parsed.title);
        rec.title = { ...t, text: marks ? parsed.title.slice(marks[0].length).trim() : parsed.title };
        rec.tags = [...parsed.tags.filter((x) => x !== "主要")];
        rec.marks = marks || parsed.tags.includes("主要") ? ["主要"] : [];
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
