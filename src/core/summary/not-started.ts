/**
 * 未着手・中止一覧: every record whose status is △ (未着手) or × (中止): groups, 事業名, 担当課, status, reason, and a
 * "reason missing" flag. When there are none, one row says 該当なし.
 */
import { a1 } from "../model/finding";
import type { SheetSpec } from "../sheet-spec";
import { basisLine, type SummaryContext } from "./context";
import { SheetWriter } from "./layout";

export const NOT_STARTED_SHEET = "未着手・中止一覧";

/** Status codes that mean "not started" or "discontinued". */
export const NOT_STARTED_CODES = ["△", "×"];

export function notStartedSpec(ctx: SummaryContext): SheetSpec {
  const w = new SheetWriter(ctx.lang);
  w.text(0, 0, w.msg("summary.title.notStarted"), "title");
  w.text(1, 0, basisLine(ctx), "basis");
  const head = 3;
  const groupName = ctx.profiles.find((p) => p.groups)?.groups?.name[ctx.lang] ?? "";
  const labels = [groupName, w.msg("summary.col.title"), w.msg("summary.col.departments"), w.msg("summary.col.subItem"), w.msg("summary.col.status"), w.msg("summary.col.reason"), w.msg("summary.col.reasonMissing")];
  w.header(head, labels);
  const hits = ctx.records.filter((r) => r.role === "records" && r.codes.status?.parsed.code && NOT_STARTED_CODES.includes(r.codes.status.parsed.code));
  hits.forEach((r, i) => {
    const row = head + 1 + i;
    const reason = r.texts.reason?.text.trim();
    w.text(row, 0, r.group?.text, "cell");
    w.text(row, 1, r.title?.text, "link", { sheet: r.sheet, cell: a1(r.codes.status!.cell) });
    w.text(row, 2, r.departments?.list.departments.map((d) => d.name).join("・"), "cell");
    w.text(row, 3, undefined, "cell");
    w.text(row, 4, r.codes.status!.parsed.code, "center");
    w.text(row, 5, reason, "cell");
    w.text(row, 6, reason ? undefined : w.msg("summary.reasonMissing"), "center");
  });
  if (hits.length === 0) w.text(head + 1, 0, w.msg("summary.none"), "cell");
  else w.tables.push({ name: "chosahyo_not_started", range: { top: head, left: 0, bottom: head + hits.length, right: labels.length - 1 } });
  return w.spec(NOT_STARTED_SHEET, { columnWidths: [20, 36, 24, 16, 9, 40, 10], headerRows: { top: head, bottom: head } });
}
