/**
 * 評価集計: group × code, with row and column totals and each code's share; then the same by department (an item
 * counts once for each department it lists; 各課 and 全課 apart); and a stacked bar chart by group.
 * Totals are live formulas over the sheet's own cells, with their computed values cached.
 */
import type { Profile } from "../profile/types";
import type { SheetSpec } from "../sheet-spec";
import { normalizeForCompare } from "../values/text";
import { basisLine, type SummaryContext, type SummarySheetKind } from "./context";
import { DEPARTMENT_WILDCARDS, type SummaryItem } from "./items";
import { a1, SheetWriter } from "./layout";

export const CROSSTAB_SHEET = "評価集計";

export interface CodeColumns {
  readonly codes: readonly string[];
  /** Label for items without a code: 未評価 for ratings, 未記入 for status. */
  readonly blankLabel: string;
}

/** The codes the final rating of a profile's items takes: the code set of its 2次/1次 evaluation or its status. */
export function codeColumns(profile: Profile, w: SheetWriter): CodeColumns | undefined {
  for (const field of ["eval2", "eval1", "status"] as const) {
    for (const l of profile.layouts) {
      const set = l.shape === "form" ? l.fields.find((f) => f.id === field && f.type === "code") : l.columns.find((c) => c.id === field && c.codeSet);
      const id = set && "codeSet" in set ? set.codeSet : undefined;
      const codeSet = id ? profile.codeSets[id] : undefined;
      if (codeSet) return { codes: codeSet.codes.map((c) => c.code), blankLabel: w.msg(field === "status" ? "summary.col.unfilled" : "summary.col.unrated") };
    }
  }
  return undefined;
}

interface Counts {
  readonly label: string;
  readonly counts: number[]; // one per code, then blank
}

function tally(label: string, items: readonly SummaryItem[], codes: readonly string[]): Counts {
  const counts = new Array<number>(codes.length + 1).fill(0);
  for (const it of items) {
    const k = it.final ? codes.indexOf(it.final) : -1;
    counts[k >= 0 ? k : codes.length]++;
  }
  return { label, counts };
}

function hasPlanBlocks(profile: Profile): boolean {
  return profile.layouts.some((l) => l.shape === "form" && l.fields.some((f) => f.type === "plan-blocks"));
}

/** Counts the 年次計画 rows of the items' records by their own status (an item without rows counts by its code). */
function planRowTally(label: string, items: readonly SummaryItem[], codes: readonly string[]): Counts {
  const counts = new Array<number>(codes.length + 1).fill(0);
  for (const it of items) {
    const plans = it.record?.plans ?? [];
    const finals = plans.length ? plans.map((p) => p.status?.parsed.code) : [it.final];
    for (const code of finals) {
      const k = code ? codes.indexOf(code) : -1;
      counts[k >= 0 ? k : codes.length]++;
    }
  }
  return { label, counts };
}

function groupOrder(profile: Profile, items: readonly SummaryItem[], noGroup: string): string[] {
  const order = [...(profile.groups?.order ?? [])];
  for (const it of items) {
    const g = it.group ?? noGroup;
    if (!order.includes(g)) order.push(g);
  }
  return order.filter((g) => items.some((i) => (i.group ?? noGroup) === g) || (profile.groups?.order ?? []).includes(g));
}

/** Writes one table with a total row (SUM formulas) and a share row; returns the rows used. */
function writeTable(w: SheetWriter, top: number, firstHeader: string, rows: readonly Counts[], cc: CodeColumns, totalLabel: string, withShare: boolean): { totalRow: number; end: number; firstRow: number; lastRow: number } {
  const headers = [firstHeader, ...cc.codes, cc.blankLabel, w.msg("summary.col.total")];
  w.header(top, headers);
  const n = cc.codes.length + 1; // code columns incl. blank
  const totalCol = n + 1;
  rows.forEach((r, i) => {
    const row = top + 1 + i;
    w.text(row, 0, r.label, "cell");
    r.counts.forEach((c, k) => w.num(row, 1 + k, c));
    const sum = r.counts.reduce((a, b) => a + b, 0);
    w.formula(row, totalCol, `SUM(${a1(row, 1)}:${a1(row, n)})`, sum, "total");
  });
  const firstRow = top + 1;
  const lastRow = top + rows.length;
  const totalRow = lastRow + 1;
  w.text(totalRow, 0, totalLabel, "totalLabel");
  const colTotals = new Array<number>(n).fill(0);
  for (const r of rows) r.counts.forEach((c, k) => (colTotals[k] += c));
  const grand = colTotals.reduce((a, b) => a + b, 0);
  for (let k = 0; k <= n; k++) {
    const col = 1 + k;
    const cached = k < n ? colTotals[k] : grand;
    w.formula(totalRow, col, rows.length ? `SUM(${a1(firstRow, col)}:${a1(lastRow, col)})` : "0", cached, "total");
  }
  let end = totalRow;
  if (withShare) {
    const shareRow = totalRow + 1;
    w.text(shareRow, 0, w.msg("summary.col.share"), "totalLabel");
    for (let k = 0; k <= n; k++) {
      const col = 1 + k;
      const cached = grand ? (k < n ? colTotals[k] : grand) / grand : 0;
      w.formula(shareRow, col, `IF(${a1(totalRow, totalCol)}=0,0,${a1(totalRow, col)}/${a1(totalRow, totalCol)})`, cached, "totalPercent");
    }
    end = shareRow;
  }
  return { totalRow, end, firstRow, lastRow };
}

export function crosstabSpec(ctx: SummaryContext): SheetSpec {
  const w = new SheetWriter(ctx.lang);
  w.text(0, 0, w.msg("summary.title.crosstab"), "title");
  w.text(1, 0, basisLine(ctx), "basis");
  let row = 3;
  let widest = 0;
  for (const profile of ctx.profiles) {
    const all = ctx.items.filter((i) => i.profileId === profile.id);
    const cc = codeColumns(profile, w);
    if (all.length === 0 || !cc) continue;
    const reposts = all.filter((i) => i.repostOf);
    const counted = ctx.includeReposts ? all : all.filter((i) => !i.repostOf);
    const noGroup = w.msg("summary.noGroup");
    const groups = groupOrder(profile, counted, noGroup);
    const byGroup = groups.map((g) => tally(g, counted.filter((i) => (i.group ?? noGroup) === g), cc.codes));
    const groupLabel = profile.groups?.name[ctx.lang] ?? profile.name[ctx.lang];
    const t1 = writeTable(w, row, groupLabel, byGroup, cc, w.msg("summary.col.total"), true);
    widest = Math.max(widest, cc.codes.length + 3);
    let next = t1.end + 2; // a blank row keeps the table a table when Excel or LibreOffice detects its region
    if (reposts.length) {
      const ids = reposts.map((r) => `No.${r.id}`).join("・");
      w.text(next, 0, w.msg(ctx.includeReposts ? "summary.reposts.included" : "summary.reposts.excluded", { ids }), "note");
      next++;
    }
    w.charts.push({
      kind: "stacked-bar",
      title: `${w.msg("summary.title.crosstab")}（${groupLabel}）`,
      categories: { top: t1.firstRow, left: 0, bottom: t1.lastRow, right: 0 },
      series: [...cc.codes, cc.blankLabel].map((name, k) => ({ name, values: { top: t1.firstRow, left: 1 + k, bottom: t1.lastRow, right: 1 + k } })),
      anchor: { top: row, left: cc.codes.length + 4, bottom: row + 16, right: cc.codes.length + 11 },
      unsupportedNote: w.msg("summary.chartUnsupported"),
    });

    // By 年次計画 row (武蔵野): a project with several plan rows counts once per row, by each row's own status.
    if (hasPlanBlocks(profile)) {
      next += 1;
      w.text(next, 0, w.msg("summary.planRows.section"), "section");
      next++;
      const byPlanRow = groups.map((g) => planRowTally(g, counted.filter((i) => (i.group ?? noGroup) === g), cc.codes));
      const t3 = writeTable(w, next, w.msg("summary.planRows.header", { group: groupLabel }), byPlanRow, cc, w.msg("summary.col.total"), false);
      next = t3.end + 2;
    }

    // By department: every listed department counts the item once; 各課/全課 and the like stay apart.
    next += 1;
    w.text(next, 0, w.msg("summary.byDepartment"), "section");
    next++;
    const wild = new Set(DEPARTMENT_WILDCARDS.map(normalizeForCompare));
    const byDept = new Map<string, { label: string; wildcard: boolean; items: SummaryItem[] }>();
    for (const it of counted) {
      const seen = new Set<string>();
      for (const d of it.departments) {
        const k = normalizeForCompare(d.name);
        if (!k || seen.has(k)) continue;
        seen.add(k);
        let e = byDept.get(k);
        if (!e) byDept.set(k, (e = { label: d.name, wildcard: wild.has(k), items: [] }));
        e.items.push(it);
      }
    }
    const entries = [...byDept.values()];
    const specific = entries.filter((e) => !e.wildcard).sort((a, b) => b.items.length - a.items.length || a.label.localeCompare(b.label, "ja"));
    const unspecified = entries.filter((e) => e.wildcard).sort((a, b) => a.label.localeCompare(b.label, "ja"));
    const deptRows = [
      ...specific.map((e) => tally(e.label, e.items, cc.codes)),
      ...unspecified.map((e) => tally(`${e.label}（${w.msg("summary.departments.unspecified")}）`, e.items, cc.codes)),
    ];
    const t2 = writeTable(w, next, w.msg("summary.col.department"), deptRows, cc, w.msg("summary.col.departmentTotal"), false);
    row = t2.end + 3;
  }
  const widths = [30, ...new Array<number>(Math.max(widest - 1, 5)).fill(9)];
  return w.spec(CROSSTAB_SHEET, { columnWidths: widths, headerRows: { top: 3, bottom: 3 } });
}

/** The 評価一覧 and the 評価集計 need a profile whose codes they can count, and items to count. */
export function hasCodedItems(ctx: SummaryContext): boolean {
  const w = new SheetWriter(ctx.lang);
  return ctx.items.length > 0 && ctx.profiles.some((p) => codeColumns(p, w));
}

export const crosstab: SummarySheetKind = { id: "crosstab", order: 20, sheetName: CROSSTAB_SHEET, isAvailable: hasCodedItems, build: crosstabSpec };
