import { both, type MessageKey, type MessageParams } from "../i18n";
import { a1, type Finding, type Fix, type RuleId, type Severity } from "../model/finding";
import type { CellPos, CodeRead, SurveyRecord, TextRead } from "../model/record";

export function finding(
  ruleId: RuleId,
  severity: Severity,
  rec: SurveyRecord,
  cell: CellPos | string,
  key: MessageKey,
  params?: MessageParams,
  fix?: Fix,
): Finding {
  return {
    ruleId,
    severity,
    sheet: rec.sheet,
    cell: typeof cell === "string" ? cell : a1(cell),
    recordId: rec.id?.text,
    message: both(key, params),
    ...(fix ? { fix } : {}),
  };
}

export type TextField = "plan" | "result" | "next" | "reason" | "page";

// Four cell rules walk the same cells of each record: collect them once.
const textCellsMemo = new WeakMap<SurveyRecord, readonly { field: string; read: TextRead }[]>();

/** Every text a record was read from, with the field it belongs to (for the cell-level rules). */
export function textCells(rec: SurveyRecord): readonly { field: string; read: TextRead }[] {
  let cached = textCellsMemo.get(rec);
  if (!cached) {
    cached = collectTextCells(rec);
    textCellsMemo.set(rec, cached);
  }
  return cached;
}

const INDICATOR_VALUES = ["baseline", "target", "actual"] as const;

function collectTextCells(rec: SurveyRecord): { field: string; read: TextRead }[] {
  // Indexed loops: this runs once per record, before V8 has optimised it, where `for … of` allocates per step.
  const out: { field: string; read: TextRead }[] = [];
  const seen = new Set<number>();
  const add = (field: string, read: TextRead | undefined) => {
    if (!read) return;
    const k = read.cell.row * 16384 + read.cell.col;
    if (seen.has(k)) return; // several fields can come from one cell (No. + title + purpose)
    seen.add(k);
    out.push({ field, read });
  };
  add("title", rec.title);
  add("purpose", rec.purpose);
  add("id", rec.id);
  add("group", rec.group);
  const textKeys = Object.keys(rec.texts) as (keyof SurveyRecord["texts"])[];
  for (let i = 0; i < textKeys.length; i++) add(textKeys[i], rec.texts[textKeys[i]]);
  if (rec.departments) add("departments", { text: String(rec.departments.raw ?? ""), raw: rec.departments.raw, cell: rec.departments.cell });
  const codeKeys = Object.keys(rec.codes) as (keyof SurveyRecord["codes"])[];
  for (let i = 0; i < codeKeys.length; i++) {
    const k = codeKeys[i];
    const c = rec.codes[k] as CodeRead;
    add(k, { text: String(c.raw ?? ""), raw: c.raw, cell: c.cell });
    if (c.comment && c.commentCell && (c.commentCell.row !== c.cell.row || c.commentCell.col !== c.cell.col)) {
      add(`${k}Comment`, { text: c.comment, raw: c.comment, cell: c.commentCell });
    }
  }
  const indicators = rec.indicators;
  for (let i = 0; i < indicators.length; i++) {
    const ind = indicators[i];
    add("indicator", ind.label);
    for (let j = 0; j < INDICATOR_VALUES.length; j++) {
      const col = INDICATOR_VALUES[j];
      const v = ind[col];
      if (v) add(col, { text: typeof v.raw === "string" ? v.raw : v.text, raw: v.raw, cell: v.cell });
    }
  }
  const tasks = rec.tasks;
  for (let i = 0; i < tasks.length; i++) {
    const t = tasks[i];
    if (t.text) add("task", { text: t.text, raw: t.text, cell: t.cell });
    for (let j = 0; j < t.years.length; j++) add("schedule", { text: t.years[j].text, raw: t.years[j].text, cell: t.years[j].cell });
  }
  const plans = rec.plans ?? [];
  for (let i = 0; i < plans.length; i++) {
    const p = plans[i];
    add("plans", p.subItem);
    for (let j = 0; j < p.cells.length; j++) {
      const c = p.cells[j];
      if (c.text) add("plans", { text: c.text, raw: c.raw, cell: c.cell });
    }
    if (p.status) add("status", { text: String(p.status.raw ?? ""), raw: p.status.raw, cell: p.status.cell });
  }
  return out;
}

/**
 * Every code a record was read from, with its field: each 年次計画 row's 実施状況 (武蔵野), not only the one the record
 * keeps as its status; a cell is listed once.
 */
export function codeCells(rec: SurveyRecord): readonly { field: string; read: CodeRead }[] {
  let cached = codeCellsMemo.get(rec);
  if (!cached) {
    cached = collectCodeCells(rec);
    codeCellsMemo.set(rec, cached);
  }
  return cached;
}

/** Several rules ask for a record's codes, as for its texts (textCells). */
const codeCellsMemo = new WeakMap<SurveyRecord, readonly { field: string; read: CodeRead }[]>();

function collectCodeCells(rec: SurveyRecord): { field: string; read: CodeRead }[] {
  const out: { field: string; read: CodeRead }[] = [];
  const seen = new Set<string>();
  const add = (field: string, read: CodeRead) => {
    const k = `${read.cell.row}:${read.cell.col}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ field, read });
  };
  const plans = rec.plans ?? [];
  for (let i = 0; i < plans.length; i++) if (plans[i].status) add("status", plans[i].status!);
  const fields = Object.keys(rec.codes) as (keyof SurveyRecord["codes"])[];
  for (let i = 0; i < fields.length; i++) add(fields[i], rec.codes[fields[i]] as CodeRead);
  return out;
}

/** The comment that goes with a rating: the cell below it, or the text after the code in the same cell. */
export function commentOf(c: CodeRead | undefined): string {
  return (c?.comment ?? "").trim();
}

/** Short form of long cell text for a message. */
export function clip(s: string, max = 30): string {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
