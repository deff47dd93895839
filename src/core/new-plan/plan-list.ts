/**
 * A new plan's item list (docs/new-plan.md): one row per item with its 方針, No., 取組項目, 所管課, 目的・ねらい and,
 * optionally, 財政効果. It is read from rows of text (a CSV, or a plain list sheet) by header label, the labels being
 * the profile's own (its 評価一覧 columns, and its 調査票's 所管課), or from a 評価一覧 the profile recognises, through
 * the reader's list records. Every problem is collected with the row and column it is at, so the clerk can fix the
 * list in one pass.
 */
import { both, label, type LocalizedText, type MessageKey, type MessageParams } from "../i18n";
import { columnLetters, toA1 } from "../model/address";
import { cellText } from "../model/cell";
import type { SheetGrid, WorkbookSnapshot } from "../model/grid";
import type { SurveyRecord } from "../model/record";
import { normalizeItemId, parseTitleCell } from "../profile/headings";
import { compileLabel, type CompiledLabel, matchesLabel } from "../profile/labels";
import { readSheet } from "../profile/recognize";
import type { FieldId, LabelSpec, Profile } from "../profile/types";
import { normalizeLabel } from "../values/text";
import { parseCsv } from "./csv";

/** One item of the plan: what its 調査票 and its 評価一覧 row are made from. */
export interface PlanItem {
  /** 1-based row of the list it was read from, for messages. */
  readonly row: number;
  /** Its 方針, carried down from the row above when the cell is empty. */
  readonly group: string;
  /** `1`, `12`, `2-1`: the sheet is `No.{id}`. */
  readonly id: string;
  readonly title: string;
  /** `新規`, `フォローアップ`: written as 【tags】 before the title in the 評価一覧. */
  readonly tags: readonly string[];
  /** Set on a row marked `【No.15の再掲】`: it repeats item 15 and gets no 調査票 of its own. */
  readonly repostOf?: string;
  readonly departments: string;
  readonly purpose: string;
  /** As written; empty when the list has no 財政効果 column or the cell is empty. */
  readonly fiscalEffect: string;
}

export interface PlanListProblem {
  readonly key: MessageKey;
  readonly params: MessageParams;
}

export type PlanListResult =
  | { readonly ok: true; readonly items: readonly PlanItem[]; readonly source: ListSource }
  | { readonly ok: false; readonly problems: readonly PlanListProblem[] };

/** More items than this is not one plan: likely the wrong file, and a workbook too large to hand round. */
export const MAX_PLAN_ITEMS = 300;

/** The header is looked for in the first rows only, so a title or a note above it is allowed. */
const HEADER_SEARCH_ROWS = 30;

type PlanColumn = "group" | "id" | "title" | "departments" | "purpose" | "fiscalEffect";

const REQUIRED: readonly PlanColumn[] = ["group", "id", "title", "departments", "purpose"];

const FISCAL_EFFECT_LABEL: LabelSpec = { text: ["財政効果", "財政効果*"] };

const COLUMN_NAME: Record<PlanColumn, MessageKey> = {
  group: "field.group",
  id: "field.id",
  title: "field.title",
  departments: "field.departments",
  purpose: "field.purpose",
  fiscalEffect: "newPlan.column.fiscalEffect",
};

interface ColumnLabels {
  /** Matched in order: a header matching the first label wins over one matching the second. */
  readonly labels: readonly CompiledLabel[];
  readonly texts: readonly string[];
}

/** Where the list is: a CSV (rows only) or a sheet of a workbook. */
export interface ListSource {
  readonly sheet?: string;
}

function listLayout(profile: Profile) {
  const layout = profile.layouts.find((l) => l.role === "list" && l.shape === "table");
  return layout?.shape === "table" ? layout : undefined;
}

function surveyLayout(profile: Profile) {
  const layout = profile.layouts.find((l) => l.role === "records" && l.shape === "form");
  return layout?.shape === "form" ? layout : undefined;
}

/**
 * The header labels of each column: the profile's 評価一覧 labels for its columns, and for 所管課 also the 調査票's
 * (a list typed for a new plan says 所管課 where the 評価一覧 says 主な推進担当課).
 */
function columnLabels(profile: Profile): Record<PlanColumn, ColumnLabels> {
  const list = listLayout(profile);
  const survey = surveyLayout(profile);
  const specs = (id: FieldId): LabelSpec[] => {
    const out: LabelSpec[] = [];
    const col = list?.columns.find((c) => c.id === id);
    if (col?.label && list?.labels[col.label]) out.push(list.labels[col.label]);
    if (id === "departments") {
      const field = survey?.fields.find((f) => f.id === "departments");
      if (field && "label" in field && field.label && survey?.labels[field.label]) out.push(survey.labels[field.label]);
    }
    return out;
  };
  const of = (key: string, list: LabelSpec[]): ColumnLabels => ({ labels: list.map((s) => compileLabel(key, s)), texts: [...new Set(list.flatMap((s) => s.text))] });
  return {
    group: of("group", specs("group")),
    id: of("id", specs("id")),
    title: of("title", specs("title")),
    departments: of("departments", specs("departments")),
    purpose: of("purpose", specs("purpose")),
    fiscalEffect: of("fiscalEffect", [FISCAL_EFFECT_LABEL]),
  };
}

function where(source: ListSource, row: number): LocalizedText {
  return source.sheet === undefined ? both("newPlan.where.row", { row }) : both("newPlan.where.sheetRow", { sheet: source.sheet, row });
}

interface HeaderMatch {
  readonly row: number;
  readonly cols: Partial<Record<PlanColumn, number>>;
  readonly problems: PlanListProblem[];
}

/** Which columns a row names, by label; a column named twice at the same rank is a problem. */
function matchHeader(cells: readonly string[], row: number, labels: Record<PlanColumn, ColumnLabels>, source: ListSource, left: number): HeaderMatch {
  const cols: Partial<Record<PlanColumn, number>> = {};
  const problems: PlanListProblem[] = [];
  const norms = cells.map((c) => normalizeLabel(c));
  for (const key of Object.keys(labels) as PlanColumn[]) {
    for (const l of labels[key].labels) {
      const at = norms.flatMap((n, i) => (n && matchesLabel(l, n) ? [i] : []));
      if (at.length === 0) continue;
      if (at.length > 1) {
        problems.push({
          key: "newPlan.problem.duplicate-column",
          params: { where: where(source, row), column: label(COLUMN_NAME[key]), first: columnLetters(left + at[0]), second: columnLetters(left + at[1]) },
        });
      }
      cols[key] = at[0];
      break;
    }
  }
  return { row, cols, problems };
}

/**
 * Items from rows of text (`rows[i]` is row `top + i + 1` of the list, its first cell in column `left`): the header is
 * the first row naming every required column; the rows below it are items, blank rows skipped.
 */
function readPlanRows(rows: readonly (readonly string[])[], profile: Profile, source: ListSource = {}, top = 0, left = 0): PlanListResult {
  const labels = columnLabels(profile);
  let header: HeaderMatch | undefined;
  let best: HeaderMatch | undefined;
  const count = (m: HeaderMatch) => REQUIRED.filter((c) => m.cols[c] !== undefined).length;
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const m = matchHeader(rows[i], top + i + 1, labels, source, left);
    if (count(m) === REQUIRED.length) {
      header = m;
      break;
    }
    if (count(m) >= 2 && (!best || count(m) > count(best))) best = m;
  }
  if (!header) {
    if (!best) return { ok: false, problems: [{ key: source.sheet === undefined ? "newPlan.problem.no-header" : "newPlan.problem.no-header-sheet", params: { sheet: source.sheet ?? "", columns: both("newPlan.columns.required") } }] };
    const missing = REQUIRED.filter((c) => best!.cols[c] === undefined);
    return {
      ok: false,
      problems: [
        ...best.problems,
        ...missing.map((c) => ({ key: "newPlan.problem.missing-column" as const, params: { where: where(source, best!.row), column: label(COLUMN_NAME[c]), labels: labels[c].texts.join(" / ") } })),
      ],
    };
  }
  if (header.problems.length) return { ok: false, problems: header.problems };
  const h = header;
  const cell = (r: readonly string[], c: PlanColumn) => (h.cols[c] === undefined ? "" : (r[h.cols[c]!] ?? "").trim());
  const headerNorms = rows[h.row - top - 1].map((c) => normalizeLabel(c));
  const raw: RawItem[] = [];
  for (let i = h.row - top; i < rows.length; i++) {
    const r = rows[i];
    if (r.every((c) => c.trim() === "")) continue;
    // A list printed over pages repeats its header: not an item.
    if (r.every((c, j) => normalizeLabel(c) === (headerNorms[j] ?? ""))) continue;
    const row = top + i + 1;
    const at = (c: PlanColumn) => toA1(row - 1, left + (h.cols[c] ?? 0));
    raw.push({ row, group: cell(r, "group"), id: cell(r, "id"), titleCell: cell(r, "title"), departments: cell(r, "departments"), purpose: cell(r, "purpose"), fiscalEffect: cell(r, "fiscalEffect"), idCell: at("id"), titleAt: at("title") });
  }
  return checkItems(raw, source);
}

interface RawItem {
  readonly row: number;
  readonly group: string;
  readonly id: string;
  /** The 取組項目 cell as written, with its 【tags】 and 【No.15の再掲】. */
  readonly titleCell: string;
  readonly departments: string;
  readonly purpose: string;
  readonly fiscalEffect: string;
  readonly idCell: string;
  readonly titleAt: string;
  /** Set when the reader already took tags and the repost mark out of the title (a 評価一覧's records). */
  readonly parsed?: { readonly title: string; readonly tags: readonly string[]; readonly repostOf?: string };
}

/** An item number the 調査票's `No.{id}` heading reads back: `12`, `2-1`. */
const ITEM_ID_RE = /^\d{1,6}(?:-\d{1,6})?$/;

function checkItems(raw: readonly RawItem[], source: ListSource): PlanListResult {
  const problems: PlanListProblem[] = [];
  if (raw.length === 0) return { ok: false, problems: [{ key: "newPlan.problem.no-items", params: {} }] };
  if (raw.length > MAX_PLAN_ITEMS) return { ok: false, problems: [{ key: "newPlan.problem.too-many", params: { count: raw.length, max: MAX_PLAN_ITEMS } }] };
  const items: PlanItem[] = [];
  const firstRow = new Map<string, number>();
  let group = "";
  for (const r of raw) {
    const w = where(source, r.row);
    if (r.group) group = r.group;
    const id = r.id ? normalizeItemId(r.id) : "";
    if (!r.id) problems.push({ key: "newPlan.problem.empty-id", params: { where: w, cell: r.idCell } });
    else if (!ITEM_ID_RE.test(id)) problems.push({ key: "newPlan.problem.bad-id", params: { where: w, cell: r.idCell, id: r.id } });
    else if (firstRow.has(id)) problems.push({ key: "newPlan.problem.duplicate-id", params: { where: w, cell: r.idCell, id, first: firstRow.get(id)! } });
    else firstRow.set(id, r.row);
    const t = r.parsed ?? parseTitleCell(r.titleCell);
    if (!t.title) problems.push({ key: "newPlan.problem.empty-title", params: { where: w, cell: r.titleAt } });
    items.push({
      row: r.row,
      group,
      id,
      title: t.title,
      tags: t.tags,
      ...(t.repostOf ? { repostOf: t.repostOf } : {}),
      departments: r.departments,
      purpose: r.purpose,
      fiscalEffect: r.fiscalEffect,
    });
  }
  raw.forEach((r, i) => {
    const of = items[i].repostOf;
    if (of !== undefined && !firstRow.has(of)) problems.push({ key: "newPlan.problem.repost-unknown", params: { where: where(source, r.row), cell: r.titleAt, of } });
  });
  return problems.length ? { ok: false, problems } : { ok: true, items, source };
}

/** A list typed as CSV (already decoded to text). */
export function readPlanCsv(text: string, profile: Profile): PlanListResult {
  const csv = parseCsv(text);
  if (!csv.ok) return { ok: false, problems: [{ key: "newPlan.problem.unclosed-quote", params: { row: csv.unclosedQuoteRow } }] };
  return readPlanRows(csv.rows, profile);
}

/**
 * The item list in a workbook: the first sheet that is either a 評価一覧 the profile's list layout reads with its
 * departments column (an earlier plan's workbook), or a plain list with the CSV's columns. When no sheet reads, the
 * first that looked like a list (a header with some of the columns, or bad rows) gives its problems.
 */
export function readPlanWorkbook(snapshot: WorkbookSnapshot, profile: Profile): PlanListResult {
  const layout = listLayout(profile);
  const departmentsLabel = layout?.columns.find((c) => c.id === "departments")?.label;
  let firstProblems: PlanListResult | undefined;
  for (const grid of snapshot.sheets) {
    const { recognition, records } = readSheet(grid, [profile]);
    const list = recognition.best?.compiled.layout.role === "list" && departmentsLabel !== undefined && recognition.hits?.has(departmentsLabel);
    const read = list && records.length ? readPlanRecords(records) : readPlanSheet(grid, profile);
    if (read.ok) return read;
    if (read.problems[0]?.key !== "newPlan.problem.no-header-sheet") firstProblems ??= read;
  }
  return firstProblems ?? { ok: false, problems: [{ key: "newPlan.problem.no-list-sheet", params: { columns: both("newPlan.columns.required") } }] };
}

/** A plain list sheet (the CSV's columns in a workbook), read as rows of text. */
function readPlanSheet(grid: SheetGrid, profile: Profile): PlanListResult {
  const rows = grid.rows.map((r) => r.map((v) => cellText(v)));
  return readPlanRows(rows, profile, { sheet: grid.name }, grid.top, grid.left);
}

/**
 * The items of a 評価一覧 the profile's list layout read (records with role "list"): its 方針, No., 取組項目 (tags and
 * repost mark already taken out), 主な推進担当課 as written, and 目的・ねらい.
 */
function readPlanRecords(records: readonly SurveyRecord[]): PlanListResult {
  const sheet = records[0]?.sheet;
  const raw: RawItem[] = records.map((rec) => {
    const row = (rec.row ?? rec.id?.cell.row ?? 0) + 1;
    const at = (pos: { row: number; col: number } | undefined) => (pos ? toA1(pos.row, pos.col) : `${row}`);
    return {
      row,
      group: rec.group?.text ?? "",
      id: rec.id?.text ?? "",
      titleCell: rec.title?.text ?? "",
      departments: rec.departments ? cellText(rec.departments.raw).trim() : "",
      purpose: rec.purpose?.text ?? "",
      fiscalEffect: "",
      idCell: at(rec.id?.cell),
      titleAt: at(rec.title?.cell),
      parsed: { title: rec.title?.text ?? "", tags: rec.tags, ...(rec.repostOf ? { repostOf: rec.repostOf } : {}) },
    };
  });
  return checkItems(raw, { sheet });
}
