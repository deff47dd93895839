/**
 * 提出状況 (docs/distribution.md): from the master's SubmissionsState, the departments still to submit on top, then one
 * row per department: the sheets 配布 sent it, whether 回収 has taken its workbook in (when, from which file), the
 * findings of that workbook by severity and the cells it changed, with a total row. Regenerated on each 回収.
 */
import { logTime } from "../changelog";
import type { Submission, SubmissionsState } from "../cycle/types";
import type { SheetSpec } from "../sheet-spec";
import { basisLine, type SummaryContext, type SummarySheetKind } from "./context";
import { a1, SheetWriter } from "./layout";

export const SUBMISSIONS_SHEET = "提出状況";

/** Above this many departments still to submit, the header is not frozen: the frozen rows would fill the screen. */
const FREEZE_LIMIT = 15;

export interface SubmissionRow {
  readonly department: string;
  readonly sheets: readonly string[];
  readonly submission?: Submission;
}

/** Every department 配布 wrote for, in its order, then any department 回収 took in without it; each with its latest submission. */
export function submissionRows(state: SubmissionsState): SubmissionRow[] {
  const latest = new Map<string, Submission>();
  for (const s of state.received) latest.set(s.department, s);
  const sheets = new Map<string, string[]>();
  for (const e of state.expected) {
    const known = sheets.get(e.department) ?? [];
    sheets.set(e.department, [...known, ...e.sheets.filter((s) => !known.includes(s))]);
  }
  for (const d of latest.keys()) if (!sheets.has(d)) sheets.set(d, []);
  return [...sheets].map(([department, list]) => ({ department, sheets: list, submission: latest.get(department) }));
}

/** The ISO time as the other sheets show times (local, to the minute); text that is not a time is shown as it is. */
function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : logTime(d).slice(0, 16);
}

export function submissionsSpec(ctx: SummaryContext): SheetSpec {
  const w = new SheetWriter(ctx.lang);
  const rows = ctx.submissions ? submissionRows(ctx.submissions) : [];
  const missing = rows.filter((r) => !r.submission);
  const sep = ctx.lang === "ja" ? "、" : ", ";
  w.text(0, 0, w.msg("summary.title.submissions"), "title");
  w.text(1, 0, basisLine(ctx), "basis");

  // The departments still to submit, first: what a user acts on.
  w.text(3, 0, w.msg("summary.submissions.missing", { count: missing.length, of: rows.length }), "section");
  missing.forEach((r, i) => {
    w.text(4 + i, 0, r.department, "cell");
    w.text(4 + i, 1, r.sheets.join(sep), "cell");
  });
  if (missing.length === 0) w.text(4, 0, w.msg(rows.length ? "summary.submissions.allIn" : "summary.submissions.noneExpected"), "cell");

  const head = 4 + Math.max(missing.length, 1) + 1;
  const labels = [
    w.msg("summary.col.department"),
    w.msg("summary.submissions.col.sheets"),
    w.msg("summary.submissions.col.received"),
    w.msg("summary.submissions.col.collectedAt"),
    w.msg("summary.col.file"),
    w.msg("summary.submissions.col.errors"),
    w.msg("summary.submissions.col.warnings"),
    w.msg("summary.submissions.col.info"),
    w.msg("summary.submissions.col.cellsChanged"),
  ];
  w.header(head, labels);
  rows.forEach((r, i) => {
    const row = head + 1 + i;
    const s = r.submission;
    w.text(row, 0, r.department, "cell");
    w.text(row, 1, r.sheets.join(sep), "cell");
    w.text(row, 2, w.msg(s ? "summary.submissions.yes" : "summary.submissions.no"), "center");
    w.text(row, 3, s ? when(s.collectedAt) : undefined, "center");
    w.text(row, 4, s?.file, "cell");
    w.num(row, 5, s?.findings.error);
    w.num(row, 6, s?.findings.warning);
    w.num(row, 7, s?.findings.info);
    w.num(row, 8, s?.cellsChanged);
  });

  const total = head + 1 + rows.length;
  const first = head + 1;
  const last = total - 1;
  w.text(total, 0, w.msg("summary.col.total"), "totalLabel");
  w.text(total, 1, undefined, "totalLabel");
  w.text(total, 2, w.msg("summary.submissions.totalReceived", { received: rows.length - missing.length, missing: missing.length }), "totalLabel");
  w.text(total, 3, undefined, "totalLabel");
  w.text(total, 4, undefined, "totalLabel");
  const sums: ((s: Submission) => number)[] = [(s) => s.findings.error, (s) => s.findings.warning, (s) => s.findings.info, (s) => s.cellsChanged];
  sums.forEach((of, i) => {
    const col = 5 + i;
    const cached = rows.reduce((n, r) => n + (r.submission ? of(r.submission) : 0), 0);
    w.formula(total, col, rows.length ? `SUM(${a1(first, col)}:${a1(last, col)})` : "0", cached, "total");
  });
  if (rows.length) w.tables.push({ name: "chosahyo_submissions", range: { top: head, left: 0, bottom: last, right: labels.length - 1 } });

  const spec = w.spec(SUBMISSIONS_SHEET, { columnWidths: [20, 30, 8, 17, 36, 8, 8, 8, 11], headerRows: { top: head, bottom: head } });
  return missing.length > FREEZE_LIMIT ? { ...spec, freeze: undefined } : spec;
}

/** Made only in a master that has distributed (its settings hold a SubmissionsState). */
export const submissions: SummarySheetKind = {
  id: "submissions",
  order: 60,
  sheetName: SUBMISSIONS_SHEET,
  isAvailable: (ctx) => ctx.submissions !== undefined,
  build: submissionsSpec,
};
