/**
 * 未着手・中止一覧: every 年次計画 row whose status is △ (未着手) or × (中止) (a record without plan rows: its status):
 * 基本方針, 項, 細目, 事業名, 担当課, the row's sub-item, status, reason, and a "reason missing" flag. When there are none,
 * one row says 該当なし.
 */
import { a1 } from "../model/finding";
import type { CodeRead, SurveyRecord } from "../model/record";
import { reasonText } from "../rules/reason-required";
import type { SheetSpec } from "../sheet-spec";
import { basisLine, type SummaryContext, type SummarySheetKind } from "./context";
import { SheetWriter } from "./layout";

export const NOT_STARTED_SHEET = "未着手・中止一覧";

/** Status codes that mean "not started" or "discontinued". */
export const NOT_STARTED_CODES = ["△", "×"];

/** Every 年次計画 row with △ or × (武蔵野), or the record's own status when it has no plan rows. */
export function notStartedRows(records: readonly SurveyRecord[]): { record: SurveyRecord; status: CodeRead; subItem?: string }[] {
  const out: { record: SurveyRecord; status: CodeRead; subItem?: string }[] = [];
  const hit = (c: CodeRead | undefined): c is CodeRead => !!c?.parsed.code && NOT_STARTED_CODES.includes(c.parsed.code);
  for (const r of records) {
    if (r.role !== "records") continue;
    if (r.plans?.length) {
      for (const p of r.plans) if (hit(p.status)) out.push({ record: r, status: p.status, subItem: p.subItem?.text });
    } else if (hit(r.codes.status)) out.push({ record: r, status: r.codes.status });
  }
  return out;
}

export function notStartedSpec(ctx: SummaryContext): SheetSpec {
  const w = new SheetWriter(ctx.lang);
  w.text(0, 0, w.msg("summary.title.notStarted"), "title");
  w.text(1, 0, basisLine(ctx), "basis");
  const head = 3;
  const groupName = ctx.profiles.find((p) => p.groups)?.groups?.name[ctx.lang] ?? "";
  const labels = [
    groupName,
    w.msg("summary.notStarted.col.section"),
    w.msg("summary.notStarted.col.subsection"),
    w.msg("summary.notStarted.col.title"),
    w.msg("summary.notStarted.col.departments"),
    w.msg("summary.notStarted.col.planItem"),
    w.msg("summary.col.status"),
    w.msg("summary.col.reason"),
    w.msg("summary.col.reasonMissing"),
  ];
  w.header(head, labels);
  const hits = notStartedRows(ctx.records);
  hits.forEach(({ record: r, status, subItem }, i) => {
    const row = head + 1 + i;
    const reason = r.texts.reason?.text.trim();
    const missing = !reasonText(r); // empty, or only `—`
    w.text(row, 0, r.group?.text, "cell");
    w.text(row, 1, r.section?.text, "cell");
    w.text(row, 2, r.subsection?.text, "cell");
    w.text(row, 3, r.title?.text, "link", { sheet: r.sheet, cell: a1(status.cell) });
    w.text(row, 4, r.departments?.list.departments.map((d) => d.name).join("・"), "cell");
    w.text(row, 5, subItem, "cell");
    w.text(row, 6, status.parsed.code, "center");
    w.text(row, 7, reason, "cell");
    w.text(row, 8, missing ? w.msg("summary.reasonMissing") : undefined, "center");
  });
  if (hits.length === 0) w.text(head + 1, 0, w.msg("summary.none"), "cell");
  else w.tables.push({ name: "chosahyo_not_started", range: { top: head, left: 0, bottom: head + hits.length, right: labels.length - 1 } });
  return w.spec(NOT_STARTED_SHEET, { columnWidths: [20, 20, 20, 36, 24, 20, 9, 40, 10], headerRows: { top: head, bottom: head } });
}

/** Made where a profile reads a status (実施状況), whose 未着手 and 中止 it lists. */
export const notStarted: SummarySheetKind = {
  id: "notStarted", order: 40,
  sheetName: NOT_STARTED_SHEET,
  isAvailable: (ctx) => ctx.profiles.some((p) => p.layouts.some((l) => (l.shape === "form" ? l.fields : l.columns).some((f) => f.id === "status"))),
  build: notStartedSpec,
};
