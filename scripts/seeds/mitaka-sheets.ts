/**
 * The 三鷹市 sample sheets as sheet specs (docs/formats.md): `目標指標` (施策 tables under 部 headings), `総合戦略`
 * (数値目標 and KPI tables), `アクションプラン` (stacked 3-row items under 体系 headings), and the flat one-row-per-indicator
 * variant `目標指標一覧`. The reader finds everything by label, so these are one arrangement among the many it accepts.
 */
import type { CellRange } from "../../src/core/model/address";
import type { SheetSpec, SpecCell, SpecValue } from "../../src/core/sheet-spec";
import type { CellInput, PartInput, SougouInput, SougouTableInput, SystemInput } from "./mitaka";

const STYLES = {
  title: { bold: true, fontSize: 14, vAlign: "middle" },
  heading: { bold: true, fontSize: 12, vAlign: "middle" },
  caption: { bold: true },
  header: { bold: true, fill: "#DDEBF7", border: "thin", wrap: true, hAlign: "center", vAlign: "middle" },
  body: { border: "thin", wrap: true, vAlign: "top" },
  value: { border: "thin", hAlign: "right", vAlign: "top" },
  number: { border: "thin", hAlign: "right", vAlign: "top", numberFormat: "#,##0" },
  note: { fontSize: 9 },
} as const;

type StyleKey = keyof typeof STYLES;

function valueOf(v: CellInput): SpecValue {
  if (v === null || v === "") return { t: "empty" };
  if (typeof v === "number") return { t: "number", v };
  return { t: "text", v };
}

class Sheet {
  readonly cells: SpecCell[] = [];
  readonly merges: CellRange[] = [];
  row = 0;

  put(row: number, col: number, v: CellInput, style: StyleKey, span = 1): void {
    if (v === null || v === "") {
      if (style === "header" || style === "body" || style === "value") this.cells.push({ row, col, value: { t: "empty" }, style });
    } else this.cells.push({ row, col, value: valueOf(v), style: typeof v === "number" && style === "value" ? "number" : style });
    if (span > 1) this.merges.push({ top: row, left: col, bottom: row, right: col + span - 1 });
  }

  /** A row with one cell, merged across `span` columns when asked (heading rows; never a row the table reads). */
  line(text: string, style: StyleKey, span = 1): void {
    this.put(this.row++, 0, text, style, span);
  }

  blank(): void {
    this.row++;
  }

  spec(name: string, columnWidths: number[]): SheetSpec {
    return { name, cells: this.cells, merges: this.merges, styles: STYLES, columnWidths, print: { orientation: "landscape", paper: "A4", fitToWidth: true } };
  }
}

export const SHIHYO_SHEET = "目標指標";
export const SOUGOU_SHEET = "総合戦略";
export const ACTIONS_SHEET = "アクションプラン";
export const FLAT_SHEET = "目標指標一覧";

/** 第1章第2節: each 施策 is a heading, a caption, a two-row header with 達成値 over three columns, its rows, its notes. */
export function shihyoBlocksSheet(parts: readonly PartInput[], name = SHIHYO_SHEET): SheetSpec {
  const s = new Sheet();
  s.line("第2節 各施策の進捗状況 令和2年度", "title", 6);
  s.blank();
  for (const part of parts) {
    s.line(part.heading, "heading", 6);
    s.blank();
    for (const m of part.measures) {
      s.line(m.heading, "heading", 6);
      s.line("(1) 目標指標の達成状況", "caption");
      m.header1.forEach((h, c) => s.put(s.row, c, h, "header", c === 2 ? 3 : 1));
      s.row++;
      m.header2.forEach((h, c) => s.put(s.row, c, h, "header"));
      s.row++;
      for (const r of m.rows) {
        s.put(s.row, 0, r.name, "body");
        r.values.forEach((v, i) => s.put(s.row, 1 + i, v, "value"));
        s.put(s.row, 5, r.target, "value");
        s.row++;
      }
      for (const n of m.notes) s.line(n, "note");
      s.blank();
    }
  }
  return s.spec(name, [44, 16, 18, 18, 18, 22]);
}

export interface FlatOptions {
  /** 目標の型 per source line (以上 / 以下 / 維持 / 帯 / 定性); blank where not given, and the reader infers it. */
  readonly targetTypes?: Readonly<Record<number, string>>;
  /** Write 部 on the first row of each 部 only (the reader carries it down). */
  readonly partOnFirstRowOnly?: boolean;
}

/** The one-row-per-indicator variant: `部 | 施策 | 主な担当課 | 指標名 | 単位 | 計画策定時 | 達成値… | 目標値 | 目標の型 | 注記`. */
export function shihyoFlatSheet(parts: readonly PartInput[], opts: FlatOptions = {}, name = FLAT_SHEET): SheetSpec {
  const s = new Sheet();
  s.line("目標指標の達成状況（令和2年度）", "title", 12);
  s.blank();
  const h1 = ["部", "施策", "主な担当課", "指標名", "単位", "計画策定時", "達成値", "", "", "目標値", "目標の型", "注記"];
  const h2 = ["", "", "", "", "", "平成22年度", "平成26年度(前期)", "平成30年度(中期)", "令和2(2020)年度", "令和4(2022)年度", "", ""];
  h1.forEach((h, c) => s.put(s.row, c, h, "header", c === 6 ? 3 : 1));
  s.row++;
  h2.forEach((h, c) => s.put(s.row, c, h, "header"));
  s.row++;
  for (const part of parts) {
    part.measures.forEach((m, mi) => {
      m.rows.forEach((r, ri) => {
        const first = mi === 0 && ri === 0;
        s.put(s.row, 0, opts.partOnFirstRowOnly && !first ? null : part.heading, "body");
        s.put(s.row, 1, `第${m.no} ${m.name}`, "body");
        s.put(s.row, 2, m.department, "body");
        s.put(s.row, 3, r.name, "body");
        s.put(s.row, 4, r.unit, "body");
        r.values.forEach((v, i) => s.put(s.row, 5 + i, v, "value"));
        s.put(s.row, 9, r.target, "value");
        s.put(s.row, 10, opts.targetTypes?.[r.line] ?? null, "body");
        s.put(s.row, 11, null, "body");
        s.row++;
      });
    });
  }
  return s.spec(name, [30, 26, 22, 40, 8, 14, 16, 16, 16, 18, 10, 20]);
}

function sougouTable(s: Sheet, t: SougouTableInput): void {
  s.line(t.heading, "heading");
  if (t.title) s.line(t.title, "caption");
  t.header.forEach((h, c) => s.put(s.row, c, h, "header"));
  s.row++;
  for (const r of t.rows) {
    s.put(s.row, 0, r.name, "body");
    r.values.forEach((v, i) => s.put(s.row, 1 + i, v, "value"));
    s.put(s.row, 1 + r.values.length, r.target, "value");
    s.row++;
  }
  for (const n of t.notes) s.line(n, "note");
  s.blank();
}

/** 第1章第3節: the 3 数値目標 tables (one row each) and the 3 KPI tables (4 + 4 + 5 rows). */
export function sougouSheet(input: SougouInput, name = SOUGOU_SHEET): SheetSpec {
  const s = new Sheet();
  s.line("第3節 三鷹市まち・ひと・しごと創生総合戦略について", "title", 5);
  s.blank();
  s.line("(2) 基本目標及び数値目標", "heading");
  s.blank();
  for (const t of input.goals) sougouTable(s, t);
  s.line("2 各施策の進捗状況 令和 2 年度", "heading");
  s.line("(2) 重要業績評価指標 (KPI) の進捗状況", "heading");
  s.blank();
  for (const t of input.kpis) sougouTable(s, t);
  return s.spec(name, [44, 20, 22, 20, 20]);
}

/** 第2章第2節: `{id} | [主要] {title} | {担当部}` / `概要 | …` / `令和2年度の取組状況等 | …` under `体系{N} {name}`. */
export function actionPlanSheet(systems: readonly SystemInput[], name = ACTIONS_SHEET): SheetSpec {
  const s = new Sheet();
  s.line("第2節 各体系の主な取り組み状況について", "title", 3);
  s.line("なお、基本計画（第2次改定）の主要事業については、個別課題のタイトルの前に【主要】と表記しています。", "note");
  s.blank();
  for (const sys of systems) {
    s.line(sys.heading, "heading", 3);
    s.blank();
    for (const it of sys.items) {
      it.head.forEach((v, c) => s.put(s.row, c, v, "body"));
      s.row++;
      s.put(s.row, 0, it.overview[0], "body");
      s.put(s.row, 1, it.overview[1], "body", 2);
      s.row++;
      if (it.split) s.blank();
      s.put(s.row, 0, it.status[0], "body");
      s.put(s.row, 1, it.status[1], "body", 2);
      s.row++;
      s.blank();
    }
  }
  return s.spec(name, [14, 90, 24]);
}

/** The three sheets of seeds/mitaka-2021.xlsx, in order. */
export function mitakaSheets(parts: readonly PartInput[], sougou: SougouInput, systems: readonly SystemInput[]): SheetSpec[] {
  return [shihyoBlocksSheet(parts), sougouSheet(sougou), actionPlanSheet(systems)];
}
