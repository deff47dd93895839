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

function collectTextCells(rec: SurveyRecord): { field: string; read: TextRead }[] {
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
  for (const [k, v] of Object.entries(rec.texts)) add(k, v);
  if (rec.departments) add("departments", { text: String(rec.departments.raw ?? ""), raw: rec.departments.raw, cell: rec.departments.cell });
  for (const [k, c] of Object.entries(rec.codes) as [string, CodeRead][]) {
    add(k, { text: String(c.raw ?? ""), raw: c.raw, cell: c.cell });
    if (c.comment && c.commentCell && (c.commentCell.row !== c.cell.row || c.commentCell.col !== c.cell.col)) {
      add(`${k}Comment`, { text: c.comment, raw: c.comment, cell: c.commentCell });
    }
  }
  for (const ind of rec.indicators) {
    add("indicator", ind.label);
    for (const col of ["baseline", "target", "actual"] as const) {
      const v = ind[col];
      if (v) add(col, { text: typeof v.raw === "string" ? v.raw : v.text, raw: v.raw, cell: v.cell });
    }
  }
  for (const t of rec.tasks) {
    if (t.text) add("task", { text: t.text, raw: t.text, cell: t.cell });
    for (const y of t.years) add("schedule", { text: y.text, raw: y.text, cell: y.cell });
  }
  for (const p of rec.plans ?? []) {
    add("plans", p.subItem);
    for (const c of p.cells) if (c.text) add("plans", { text: c.text, raw: c.raw, cell: c.cell });
    if (p.status) add("status", { text: String(p.status.raw ?? ""), raw: p.status.raw, cell: p.status.cell });
  }
  return out;
}

/**
 * Every code a record was read from, with its field: each 年次計画 row's 実施状況 (武蔵野), not only the one the record
 * keeps as its status; a cell is listed once.
 */
export function codeCells(rec: SurveyRecord): readonly { field: string; read: CodeRead }[] {
  const out: { field: string; read: CodeRead }[] = [];
  const seen = new Set<string>();
  const add = (field: string, read: CodeRead) => {
    const k = `${read.cell.row}:${read.cell.col}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ field, read });
  };
  for (const p of rec.plans ?? []) if (p.status) add("status", p.status);
  for (const [field, c] of Object.entries(rec.codes) as [string, CodeRead][]) add(field, c);
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
