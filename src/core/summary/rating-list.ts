/** 評価一覧: one row per item, with group, No., title, tags, departments, ratings, final rating, indicator count, link. */
import { a1 } from "../model/finding";
import type { SheetSpec } from "../sheet-spec";
import { basisLine, type SummaryContext, type SummarySheetKind } from "./context";
import { hasCodedItems } from "./crosstab";
import type { SummaryItem } from "./items";
import { SheetWriter } from "./layout";

export const RATING_LIST_SHEET = "評価一覧";

function departmentsText(item: SummaryItem): string {
  return item.departments.map((d) => (d.note ? `${d.name}(${d.note})` : d.name)).join("、");
}

export function ratingListSpec(ctx: SummaryContext): SheetSpec {
  const w = new SheetWriter(ctx.lang);
  const groupName = ctx.profiles.find((p) => p.groups)?.groups?.name[ctx.lang] ?? "";
  const hasEval = ctx.items.some((i) => i.eval1 !== undefined || i.eval2 !== undefined || i.record?.present.has("eval1"));
  const hasStatus = ctx.items.some((i) => i.status !== undefined || i.record?.present.has("status"));
  const columns: { label: string; width: number; value: (i: SummaryItem) => string | number | undefined; style?: "center" | "number" }[] = [
    { label: groupName, width: 20, value: (i) => i.group },
    { label: w.msg("summary.col.no"), width: 7, value: (i) => i.id, style: "center" },
    { label: w.msg("summary.col.title"), width: 36, value: (i) => i.title },
    { label: w.msg("summary.col.tags"), width: 14, value: (i) => i.tags.join("・") },
    { label: w.msg("summary.col.departments"), width: 26, value: departmentsText },
  ];
  if (hasEval) {
    columns.push({ label: w.msg("summary.col.eval1"), width: 8, value: (i) => i.eval1, style: "center" });
    columns.push({ label: w.msg("summary.col.eval2"), width: 8, value: (i) => i.eval2, style: "center" });
  }
  if (hasStatus) columns.push({ label: w.msg("summary.col.status"), width: 8, value: (i) => i.status, style: "center" });
  columns.push({ label: w.msg("summary.col.final"), width: 8, value: (i) => i.final, style: "center" });
  columns.push({ label: w.msg("summary.col.indicatorCount"), width: 7, value: (i) => (i.record ? i.indicatorCount : undefined), style: "number" });
  columns.push({ label: w.msg("summary.col.repost"), width: 14, value: (i) => (i.repostOf ? w.msg("summary.repostOf", { id: i.repostOf }) : undefined) });
  columns.push({ label: w.msg("summary.col.sheet"), width: 12, value: (i) => i.record?.sheet });
  if (ctx.showFiles) columns.push({ label: w.msg("summary.col.file"), width: 20, value: (i) => i.file });

  w.text(0, 0, w.msg("summary.title.ratingList"), "title");
  w.text(1, 0, basisLine(ctx), "basis");
  const head = 3;
  w.header(
    head,
    columns.map((c) => c.label),
  );
  // A repost links to its original's sheet.
  const originals = new Map(ctx.items.filter((i) => i.record && i.id).map((i) => [`${i.file ?? ""}\u0000${i.profileId}\u0000${i.id}`, i] as const));
  ctx.items.forEach((item, n) => {
    const row = head + 1 + n;
    const target = item.repostOf ? originals.get(`${item.file ?? ""}\u0000${item.profileId}\u0000${item.repostOf}`) : item;
    const link = target?.record && target.link ? { sheet: target.link.sheet, cell: a1(target.link.cell) } : undefined;
    columns.forEach((c, col) => {
      const v = c.value(item);
      if (typeof v === "number") w.num(row, col, v, "number");
      else if (col === 2 && link) w.text(row, col, v, "link", link); // the title is the link back to the record
      else w.text(row, col, v, c.style === "center" ? "center" : "cell");
    });
  });
  const last = head + Math.max(ctx.items.length, 1);
  if (ctx.items.length === 0) w.text(head + 1, 0, w.msg("summary.none"), "cell");
  else w.tables.push({ name: "chosahyo_ratings", range: { top: head, left: 0, bottom: last, right: columns.length - 1 } });
  return w.spec(RATING_LIST_SHEET, { columnWidths: columns.map((c) => c.width), headerRows: { top: head, bottom: head } });
}

export const ratingList: SummarySheetKind = { id: "ratingList", order: 10, sheetName: RATING_LIST_SHEET, isAvailable: hasCodedItems, build: ratingListSpec };
