/** 前年度比較 in words, both languages: the refusal, the totals and the items that changed (the CLI; later the pane). */
import { both, type LocalizedText, type MessageParam } from "../i18n";
import { yearText } from "../rollover/describe";
import type { YearSpan } from "../plan-period";
import type { CompareRefusal, ItemRef, ItemRow, YearComparison } from "./types";

function span(p: YearSpan): MessageParam {
  const from = yearText(p.from);
  const to = yearText(p.to);
  return { ja: `${from.ja}〜${to.ja}`, en: `${from.en}–${to.en}` };
}

export function describeCompareRefusal(r: CompareRefusal): LocalizedText {
  switch (r.kind) {
    case "no-records":
      return both("compare.refusal.no-records", { side: both(r.side === "last" ? "compare.side.last" : "compare.side.this") });
    case "different-profiles":
      return both("compare.refusal.different-profiles", { last: r.last.join(", "), this: r.this.join(", ") });
    case "not-later":
      return both("compare.refusal.not-later", { last: yearText(r.lastYear), this: yearText(r.thisYear) });
    case "different-plans":
      return both("compare.refusal.different-plans", { last: span(r.last), this: span(r.this) });
    case "no-common-items":
      return both("compare.refusal.no-common-items", { last: r.last, this: r.this });
  }
}

const year = (fy: number | undefined): MessageParam => (fy === undefined ? both("compare.year.unknown") : yearText(fy));

/** `No.12「…」`, or `「…」` for an item without a number. */
export function itemLabel(ref: ItemRef): LocalizedText {
  const no = ref.id ? `No.${ref.id}` : "";
  return { ja: `${no}「${ref.name}」`, en: `${no ? no + " " : ""}"${ref.name}"` };
}

function join(parts: readonly LocalizedText[]): LocalizedText {
  const sep = both("compare.row.separator");
  return { ja: parts.map((p) => p.ja).join(sep.ja), en: parts.map((p) => p.en).join(sep.en) };
}

/** What changed for one item, as short phrases; none for an item that went on as it was. */
export function rowChanges(row: ItemRow): LocalizedText[] {
  const out: LocalizedText[] = [];
  const partners = (refs: readonly ItemRef[] | undefined, self: ItemRef | undefined) => join([self, ...(refs ?? [])].filter((r): r is ItemRef => !!r).map(itemLabel));
  if (row.change === "split") out.push(both("compare.change.split", { from: itemLabel(row.last!) }));
  else if (row.change === "merged") out.push(both("compare.change.merged", { from: partners(row.partners, row.last) }));
  else if (row.change !== "continued") out.push(both(`compare.change.${row.change}`));
  if (row.renumbered && row.last?.id && row.this?.id) out.push(both("compare.renumbered", { last: row.last.id, this: row.this.id }));
  if (row.last && row.this && row.matchedBy !== "title" && row.last.name !== row.this.name) out.push(both("compare.retitled", { last: row.last.name }));
  for (const r of row.ratings) {
    const p = { field: r.label, last: r.last ?? "", this: r.this ?? "", steps: r.steps };
    if (r.change === "up") out.push(both("compare.rating.up", p));
    else if (r.change === "down") out.push(both(r.toLowest ? "compare.rating.downLowest" : "compare.rating.down", p));
  }
  for (const i of row.indicators) {
    const p = { name: i.name, last: i.last?.text ?? "", this: i.this?.text ?? "" };
    if (i.regressed) out.push(both("compare.indicator.regressed", p));
    else if (i.trend === "better" || i.trend === "worse") out.push(both(`compare.indicator.${i.trend}`, p));
  }
  for (const x of row.texts) {
    if (x.short) continue;
    if (x.verdict === "identical") out.push(both("compare.text.identical", { field: x.label }));
    else if (x.verdict === "similar") out.push(both("compare.text.similar", { field: x.label, percent: Math.round(x.similarity * 100) }));
  }
  for (const c of row.carry) if (!c.reflected) out.push(both("compare.carry.missing", { from: c.fromLabel, to: c.toLabel }));
  return out;
}

/** The comparison as the CLI prints it: the years, the counts, then one line per item that changed. */
export function describeComparison(c: YearComparison): LocalizedText[] {
  const t = c.totals;
  const lines: LocalizedText[] = [
    both("compare.title", { last: year(c.lastYear), this: year(c.thisYear) }),
    both("compare.items", { ...t.items, renumbered: t.renumbered }),
  ];
  const labels = new Map(c.items.flatMap((r) => r.ratings.map((x) => [x.field, x.label] as const)));
  for (const r of t.ratings) lines.push(both("compare.ratings", { field: labels.get(r.field as "eval1") ?? r.field, up: r.up, same: r.same, down: r.down }));
  if (c.items.some((r) => r.indicators.length)) lines.push(both("compare.indicators", t.indicators));
  if (c.items.some((r) => r.texts.length)) lines.push(both("compare.texts", t.texts));
  if (c.onlyLast.length || c.onlyThis.length) lines.push(both("compare.only", { profiles: [...c.onlyLast, ...c.onlyThis].join(", ") }));
  const changed = c.items.map((row) => ({ row, parts: rowChanges(row) })).filter((x) => x.parts.length > 0);
  lines.push(both(changed.length ? "compare.changes" : "compare.changes.none"));
  for (const { row, parts } of changed) lines.push(both("compare.row", { item: itemLabel((row.this ?? row.last)!), parts: join(parts) }));
  return lines;
}
