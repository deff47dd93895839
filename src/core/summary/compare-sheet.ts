/**
 * 前年度比較 (docs/compare.md, docs/summaries.md): from last year's workbook against this one (core/compare), one row per
 * item with its rating or status both years and an arrow, its indicators both years and their trend, whether each
 * text is last year's, the item's change and the year-over-year findings on it; then how many items went up, stayed
 * or went down, by group (COUNTIFS over the rows, with a chart) and by department (an item counts for each it lists).
 */
import { itemLabel } from "../compare/describe";
import { lastPlace, YEAR_OVER_YEAR_RULES } from "../compare/previous";
import type { ItemRow, RatingComparison, YearComparison } from "../compare/types";
import { absoluteA1 } from "../model/address";
import type { Finding } from "../model/finding";
import type { CellStyle, SheetSpec } from "../sheet-spec";
import { basisLine, fiscalYearText, type SummaryContext, type SummarySheetKind } from "./context";
import { DEPARTMENT_WILDCARDS } from "./items";
import { a1, SheetWriter, SUMMARY_STYLES } from "./layout";
import { normalizeForCompare } from "../values/text";

export const COMPARE_SHEET = "前年度比較";

/** The highlights the sheet adds to the shared look: a drop to look at, a text copied from last year. */
const COMPARE_STYLES: Readonly<Record<string, CellStyle>> = {
  alert: { border: "thin", wrap: true, vAlign: "top", fill: "#FFC7CE", fontColor: "#9C0006" },
  alertCenter: { border: "thin", hAlign: "center", vAlign: "top", fill: "#FFC7CE", fontColor: "#9C0006", bold: true },
  caution: { border: "thin", wrap: true, vAlign: "top", fill: "#FFEB9C", fontColor: "#9C5700" },
};

/**
 * The arrow of a rating's change; the totals count these very texts (COUNTIFS), so every row has one. Each is the same
 * after NFKC: Japanese Excel may take a full-width "－" in a formula typed through `values` as "-", and count nothing.
 */
export const ARROWS = { up: "↑", same: "→", down: "↓", none: "—" } as const;
type Arrow = keyof typeof ARROWS;

/** Department names are joined with this in a cell, and the department totals look for a name between two of them. */
const DEPARTMENT_SEPARATOR = "、";

/**
 * The rating a row is judged by: the latest evaluation both years have (2次, else 1次, else 実施状況), else the latest
 * either year has. One per row, so that a row is up, same or down exactly once in the totals.
 */
export function comparedRating(row: ItemRow): RatingComparison | undefined {
  const order = ["eval2", "eval1", "status"] as const;
  const of = order.map((f) => row.ratings.find((r) => r.field === f)).filter((r): r is RatingComparison => !!r);
  return of.find((r) => r.last !== undefined && r.this !== undefined) ?? of.find((r) => r.last !== undefined || r.this !== undefined);
}

export function arrowOf(r: RatingComparison | undefined): Arrow {
  return r?.change === "up" || r?.change === "same" || r?.change === "down" ? r.change : "none";
}

/** The year-over-year findings on a row: at one of this year's cells the comparison names, or for an item gone, ITEM-DROPPED naming it. */
export function rowFindings(row: ItemRow, findings: readonly Finding[]): Finding[] {
  const yoy = findings.filter((f) => YEAR_OVER_YEAR_RULES.includes(f.ruleId));
  const now = row.this;
  if (now) {
    const cells = new Set([...row.ratings, ...row.texts, ...row.indicators, ...row.carry].map((x) => x.thisCell).filter((c): c is string => !!c));
    return yoy.filter((f) => f.ruleId !== "ITEM-DROPPED" && f.sheet === now.sheet && cells.has(f.cell) && (f.recordId === undefined || now.id === undefined || f.recordId === now.id));
  }
  const gone = row.last;
  if (!gone) return [];
  const place = lastPlace(gone, gone.cell);
  return yoy.filter((f) => f.ruleId === "ITEM-DROPPED" && (gone.id === undefined || f.recordId === gone.id) && f.message.ja.includes(place));
}

interface Count {
  readonly label: string;
  readonly counts: Record<Arrow, number>;
}

const zero = (): Record<Arrow, number> => ({ up: 0, same: 0, down: 0, none: 0 });
const ARROW_KEYS: readonly Arrow[] = ["up", "same", "down", "none"];

/** `$A$6:$A$64`: a column of the item rows, fixed so the formula reads the same in every totals row. */
function column(col: number, first: number, last: number): string {
  return absoluteA1(`${a1(first, col)}:${a1(last, col)}`);
}

/** A formula's string literal. */
const literal = (s: string) => `"${s.replace(/"/g, '""')}"`;

export function compareSpec(ctx: SummaryContext): SheetSpec {
  const w = new SheetWriter(ctx.lang);
  const c = ctx.comparison as YearComparison;
  const lang = ctx.lang;
  const noGroup = w.msg("summary.noGroup");
  const groupName = ctx.profiles.find((p) => p.groups)?.groups?.name[lang] ?? w.msg("summary.compare.col.group");

  w.text(0, 0, w.msg("summary.title.compare"), "title");
  w.text(1, 0, basisLine(ctx), "basis");
  w.text(2, 0, w.msg("summary.compare.years", { last: fiscalYearText(c.lastYear, lang), this: fiscalYearText(c.thisYear, lang) }), "basis");
  w.text(3, 0, w.msg("summary.compare.legend"), "note");

  // The texts compared, one column each, by their label (取組実績(D), 課題と今後の取組(A), 取組状況).
  const textLabels = [...new Set(c.items.flatMap((r) => r.texts.map((x) => x.label[lang])))];
  const labels = [
    groupName,
    w.msg("summary.col.no"),
    w.msg("summary.col.title"),
    w.msg("summary.col.departments"),
    w.msg("summary.compare.col.change"),
    w.msg("summary.compare.col.rating"),
    w.msg("summary.compare.col.ratingLast"),
    w.msg("summary.compare.col.ratingThis"),
    w.msg("summary.compare.col.arrow"),
    w.msg("summary.col.indicator"),
    w.msg("summary.compare.col.indicatorLast"),
    w.msg("summary.compare.col.indicatorThis"),
    w.msg("summary.compare.col.trend"),
    ...textLabels,
    w.msg("summary.compare.col.findings"),
    w.msg("summary.col.note"),
  ];
  const GROUP = 0;
  const DEPARTMENTS = 3;
  const ARROW = 8;
  const head = 4;
  w.header(head, labels);
  // Header rows of two lines: a renderer does not grow a row for wrapped text by itself.
  const heights: Record<number, number> = { [head]: 30 };

  const byGroup = new Map<string, Record<Arrow, number>>();
  const byDepartment = new Map<string, Record<Arrow, number>>();
  c.items.forEach((row, n) => {
    const r = head + 1 + n;
    const ref = (row.this ?? row.last)!;
    const group = ref.group ?? noGroup;
    const rating = comparedRating(row);
    const arrow = arrowOf(rating);
    const counts = byGroup.get(group) ?? zero();
    counts[arrow]++;
    byGroup.set(group, counts);
    const departments = [...new Set(ref.departments.filter((d) => d.trim() !== ""))];
    for (const d of departments) {
      const dc = byDepartment.get(d) ?? zero();
      dc[arrow]++;
      byDepartment.set(d, dc);
    }

    w.text(r, 0, group, "cell");
    w.text(r, 1, ref.id, "center");
    const linked = row.this && (!ctx.linkableSheets || ctx.linkableSheets.has(row.this.sheet));
    if (linked) w.text(r, 2, ref.name, "link", { sheet: row.this!.sheet, cell: row.this!.cell });
    else w.text(r, 2, ref.name, "cell");
    w.text(r, 3, departments.join(DEPARTMENT_SEPARATOR), "cell");
    const change = row.change === "continued" && row.renumbered ? "renumbered" : row.change;
    w.text(r, 4, w.msg(`summary.compare.change.${change}`), "center");

    const highlight = rating?.highlight ?? false;
    w.text(r, 5, rating?.label[lang], "center");
    w.text(r, 6, rating?.last, "center");
    w.text(r, 7, rating?.this, highlight ? "alertCenter" : "center");
    w.text(r, ARROW, ARROWS[arrow], highlight ? "alertCenter" : "center");

    const lines = (f: (i: ItemRow["indicators"][number]) => string) => row.indicators.map(f).join("\n") || undefined;
    const regressed = row.indicators.some((i) => i.regressed);
    w.text(r, 9, lines((i) => i.name), "cell");
    w.text(r, 10, lines((i) => i.last?.text ?? ARROWS.none), "cell");
    w.text(r, 11, lines((i) => i.this?.text ?? ARROWS.none), regressed ? "alert" : "cell");
    w.text(r, 12, lines((i) => w.msg(`summary.compare.trend.${i.trend}`) + (i.regressed ? w.msg("summary.compare.trend.regressed") : "")), regressed ? "alert" : "cell");

    textLabels.forEach((label, k) => {
      const x = row.texts.find((t) => t.label[lang] === label);
      const copied = !!x && !x.short && (x.verdict === "identical" || x.verdict === "similar");
      const verdict = x ? w.msg(`summary.compare.verdict.${x.verdict}`, { percent: Math.round(x.similarity * 100) }) : undefined;
      w.text(r, 13 + k, verdict, copied ? "caution" : "cell");
    });
    const after = 13 + textLabels.length;
    w.text(r, after, rowFindings(row, ctx.findings).map((f) => `${f.ruleId}: ${f.message[lang]}`).join("\n") || undefined, "cell");
    w.text(r, after + 1, notes(row, lang, w).join("\n") || undefined, "cell");
  });

  const first = head + 1;
  const last = head + Math.max(c.items.length, 1);
  if (c.items.length === 0) {
    w.text(first, 0, w.msg("summary.none"), "cell");
    return w.spec(COMPARE_SHEET, { columnWidths: widths(textLabels.length), headerRows: { top: head, bottom: head }, styles: { ...SUMMARY_STYLES, ...COMPARE_STYLES }, rowHeights: heights });
  }
  w.tables.push({ name: "chosahyo_compare", range: { top: head, left: 0, bottom: last, right: labels.length - 1 } });

  // The profile's order of groups, else where each group's rows stand (the median row: a renumbered item's sheet
  // sitting among another group's does not move its group up).
  const groups = c.profiles.flatMap((id) => ctx.profiles.find((p) => p.id === id)?.groups?.order ?? []).filter((g) => byGroup.has(g));
  const rowsOf = new Map<string, number[]>();
  c.items.forEach((row, i) => {
    const g = (row.this ?? row.last)!.group ?? noGroup;
    rowsOf.set(g, [...(rowsOf.get(g) ?? []), i]);
  });
  const median = (g: string) => {
    const at = rowsOf.get(g)!;
    return at[Math.floor((at.length - 1) / 2)];
  };
  groups.push(...[...byGroup.keys()].filter((g) => !groups.includes(g)).sort((a, b) => median(a) - median(b)));
  const arrows = column(ARROW, first, last);

  // By group: COUNTIFS over the rows' group and arrow ("=" before the label, so a label starting "=" or ">" is text).
  let top = last + 2;
  w.text(top, 0, w.msg("summary.compare.byGroup", { group: groupName }), "section");
  const groupRows = groups.map((g) => ({ label: g, counts: byGroup.get(g)! }));
  const grp = column(GROUP, first, last);
  heights[top + 1] = 30;
  const t1 = totals(w, top + 1, groupName, groupRows, w.msg("summary.col.total"), (row, arrow) => `COUNTIFS(${grp},"="&${a1(row, 0)},${arrows},${literal(ARROWS[arrow])})`);
  w.charts.push({
    kind: "stacked-bar",
    title: w.msg("summary.compare.byGroup", { group: groupName }),
    categories: { top: t1.firstRow, left: 0, bottom: t1.lastRow, right: 0 },
    series: (["up", "same", "down"] as const).map((a, k) => ({ name: w.msg(`summary.compare.series.${a}`), values: { top: t1.firstRow, left: 1 + k, bottom: t1.lastRow, right: 1 + k } })),
    anchor: { top, left: 7, bottom: top + 16, right: 13 },
    unsupportedNote: w.msg("summary.chartUnsupported"),
  });

  // By department: a cell may list several, so a name is found between separators (FIND: no wildcards, exact case).
  top = t1.end + 3;
  w.text(top, 0, w.msg("summary.compare.byDepartment"), "section");
  // Named departments first, most items first; 各課, 全課 and the like after them, as 評価集計 lists them.
  const wildcard = new Set(DEPARTMENT_WILDCARDS.map(normalizeForCompare));
  const isWildcard = (d: string) => wildcard.has(normalizeForCompare(d));
  const departmentRows = [...byDepartment]
    .map(([label, counts]) => ({ label, counts }))
    .sort((a, b) => Number(isWildcard(a.label)) - Number(isWildcard(b.label)) || total(b.counts) - total(a.counts) || a.label.localeCompare(b.label, "ja"));
  const depts = column(DEPARTMENTS, first, last);
  heights[top + 1] = 30;
  const sep = literal(DEPARTMENT_SEPARATOR);
  totals(w, top + 1, w.msg("summary.col.department"), departmentRows, w.msg("summary.col.departmentTotal"), (row, arrow) =>
    `SUMPRODUCT(ISNUMBER(FIND(${sep}&${a1(row, 0)}&${sep},${sep}&${depts}&${sep}))*(${arrows}=${literal(ARROWS[arrow])}))`,
  );

  return w.spec(COMPARE_SHEET, { columnWidths: widths(textLabels.length), headerRows: { top: head, bottom: head }, styles: { ...SUMMARY_STYLES, ...COMPARE_STYLES }, rowHeights: heights });
}

const total = (c: Record<Arrow, number>) => ARROW_KEYS.reduce((n, k) => n + c[k], 0);

function widths(texts: number): number[] {
  return [18, 8, 30, 18, 10, 9, 8, 8, 6, 24, 12, 12, 12, ...new Array<number>(texts).fill(11), 48, 24];
}

/** Renumbered, retitled, split from or merged with: what the change column's one word does not say. */
function notes(row: ItemRow, lang: SummaryContext["lang"], w: SheetWriter): string[] {
  const out: string[] = [];
  const label = (refs: readonly (ItemRow["last"] | undefined)[]) => refs.filter((r) => !!r).map((r) => itemLabel(r!)[lang]).join(w.msg("compare.row.separator"));
  if (row.change === "split" && row.last) out.push(w.msg("compare.change.split", { from: label([row.last]) }));
  if (row.change === "merged") out.push(w.msg("compare.change.merged", { from: label([row.last, ...(row.partners ?? [])]) }));
  if (row.renumbered && row.last?.id && row.this?.id) out.push(w.msg("compare.renumbered", { last: row.last.id, this: row.this.id }));
  if (row.last && row.this && row.last.name !== row.this.name) out.push(w.msg("compare.retitled", { last: row.last.name }));
  return out;
}

/** A totals table: one row per label with its counts as live formulas, their sum, and a total row of SUMs. */
function totals(
  w: SheetWriter,
  top: number,
  firstHeader: string,
  rows: readonly Count[],
  totalLabel: string,
  count: (row: number, arrow: Arrow) => string,
): { firstRow: number; lastRow: number; end: number } {
  w.header(top, [firstHeader, ...ARROW_KEYS.map((a) => w.msg(`summary.compare.col.${a}`)), w.msg("summary.col.total")]);
  const sumCol = ARROW_KEYS.length + 1;
  rows.forEach((x, i) => {
    const row = top + 1 + i;
    w.text(row, 0, x.label, "cell");
    ARROW_KEYS.forEach((a, k) => w.formula(row, 1 + k, count(row, a), x.counts[a], "number"));
    w.formula(row, sumCol, `SUM(${a1(row, 1)}:${a1(row, ARROW_KEYS.length)})`, total(x.counts), "total");
  });
  const firstRow = top + 1;
  const lastRow = top + rows.length;
  const end = lastRow + 1;
  w.text(end, 0, totalLabel, "totalLabel");
  for (let k = 0; k <= ARROW_KEYS.length; k++) {
    const col = 1 + k;
    const cached = k < ARROW_KEYS.length ? rows.reduce((n, x) => n + x.counts[ARROW_KEYS[k]], 0) : rows.reduce((n, x) => n + total(x.counts), 0);
    w.formula(end, col, rows.length ? `SUM(${a1(firstRow, col)}:${a1(lastRow, col)})` : "0", cached, "total");
  }
  return { firstRow, lastRow, end };
}

/** Made only when last year's workbook is given and the comparison was not refused. */
export const compareSheet: SummarySheetKind = {
  id: "compare",
  order: 45,
  sheetName: COMPARE_SHEET,
  isAvailable: (ctx) => ctx.comparison !== undefined,
  build: compareSpec,
};
