/**
 * Turns the extracted 三鷹市 自治体経営白書2021 data (seeds/data/mitaka) into inputs for the sample sheets: the 34 施策
 * tables of 第1章第2節 under their 8 部, the 総合戦略 数値目標 and KPI tables, and the 82 アクションプラン items under
 * their 13 体系. Cells are taken as the source writes them, so the real oddities stay: spaced year headers and values
 * (M-L368, 384, 559, 740), `(平成28年)` data periods, `同左`, `—`/`-`, note rows, the id variants (`3 - (12)`, `5-2)`,
 * `10- (3)`), 22 bare `主要` and one `【主要】`, the label variants (`概 要`, `<p>概要</p>`, `令和2年度の 取組状況等`,
 * `令和 2 年度の取組状況等`) and the HTML residue. What the PDF conversion broke is mended: words split where a line
 * wrapped, `m ³`, and the characters cut at the end of a long cell.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

export type CellInput = string | number | null;

export interface IndicatorJson {
  dataset: "chapter1" | "sougou_senryaku";
  section: string;
  part: string;
  part_heading_raw: string | null;
  measure: string;
  department: string | null;
  indicator: string;
  unit: string | null;
  values: Record<"平成22年度" | "平成26年度" | "平成30年度" | "令和2年度", string | null>;
  target: string;
  direction: string;
  target_comparator: string;
  direction_ambiguous: boolean;
  progress: {
    meets_target: boolean | null;
    worse_than_baseline: boolean | null;
    achievement_rate: number | null;
    baseline_column: string;
    baseline_value: number | null;
    latest_column: string;
    latest_value: number | null;
    target_value: number | null;
  };
  table_footnotes: { line: number; text: string }[];
  line: number;
  part_line: number;
  measure_line: number;
  header_lines: number[];
  header_raw: string[];
}

export interface ActionJson {
  system: string;
  system_no: number;
  system_line: number;
  id: string;
  raw_id: string;
  id_format: string;
  line: number;
  major: boolean;
  major_marker_raw: string | null;
  title: string;
  departments: string[];
  overview_line: number;
  overview_label_raw: string;
  status_line: number;
  status_label_raw: string;
  separator_lines?: number[] | null;
  html_wrapped_id: boolean;
}

export function dataDir(): string {
  return path.join(__dirname, "..", "..", "seeds", "data", "mitaka");
}

export function mitakaIndicators(): IndicatorJson[] {
  return JSON.parse(readFileSync(path.join(dataDir(), "indicators.json"), "utf8")) as IndicatorJson[];
}

export function mitakaActions(): ActionJson[] {
  return JSON.parse(readFileSync(path.join(dataDir(), "actions.json"), "utf8")) as ActionJson[];
}

let sourceCache: string[] | undefined;

/** The text extraction of the 白書, one entry per line (line 1 is index 0). */
function source(): string[] {
  sourceCache ??= readFileSync(path.join(dataDir(), "002-hakusho-2021.txt"), "utf8").split("\n");
  return sourceCache;
}

function line(n: number): string {
  return source()[n - 1] ?? "";
}

/** The tab-separated cells of a source line, trimmed; U+FFFD left where the extraction cut a long cell is dropped. */
function cells(n: number): string[] {
  return line(n)
    .split("\t")
    .map((c) => c.replace(/\uFFFD+/g, "").trim());
}

/** A value as Excel holds it: a bare figure (`24,582`) is a number; everything else is text as written. */
export function cellValue(v: string | null): CellInput {
  if (v === null || v === "") return null;
  const t = v.replace(/m ³/g, "m³");
  if (/^\d{1,3}(,\d{3})*(\.\d+)?$|^\d+(\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ""));
  return t;
}

// ---------------------------------------------------------------- 第1章第2節: 施策 tables

export interface IndicatorRowInput {
  readonly name: string;
  /** 計画策定時 平成22年度, 達成値 平成26年度 / 平成30年度 / 令和2年度. */
  readonly values: readonly [CellInput, CellInput, CellInput, CellInput];
  readonly target: CellInput;
  readonly unit: string | null;
  /** The source line, to pair a record with its row of the extracted data. */
  readonly line: number;
}

export interface MeasureInput {
  /** `第1 国際化の推進 [主な担当課] 企画部企画経営課` */
  readonly heading: string;
  readonly no: string;
  readonly name: string;
  readonly department: string;
  /** The two header rows as written: `| 計画策定時 | 達成値 | | | 目標値` and `| 平成22年度 | … | 令和4(2022) 年度`. */
  readonly header1: readonly string[];
  readonly header2: readonly string[];
  readonly rows: readonly IndicatorRowInput[];
  /** `(注) …` lines under the table. */
  readonly notes: readonly string[];
}

export interface PartInput {
  /** `第1部 世界に開かれた平和・人権のまちをつくる` as printed (第3部 keeps its missing う, M-L323). */
  readonly heading: string;
  readonly measures: readonly MeasureInput[];
}

function headerCells(raw: string, width: number): string[] {
  const c = raw.split("\t").map((x) => x.trim());
  while (c.length < width) c.push("");
  return c.slice(0, width);
}

export function shihyoParts(): PartInput[] {
  const rows = mitakaIndicators().filter((r) => r.dataset === "chapter1");
  const parts: { heading: string; measures: MeasureInput[] }[] = [];
  const measures = new Map<number, MeasureInput & { rows: IndicatorRowInput[]; notes: string[] }>();
  for (const r of rows) {
    let part = parts.find((p) => p.heading === (r.part_heading_raw ?? r.part));
    if (!part) {
      part = { heading: r.part_heading_raw ?? r.part, measures: [] };
      parts.push(part);
    }
    let m = measures.get(r.measure_line);
    if (!m) {
      const heading = line(r.measure_line).trim();
      const no = /^第(\d+(?:-\d+)?)/.exec(heading)?.[1] ?? "";
      m = {
        heading,
        no,
        name: r.measure.replace(/^第\S+\s+/, ""),
        department: r.department ?? "",
        header1: headerCells(r.header_raw[0], 6),
        header2: headerCells(r.header_raw[1], 6),
        rows: [],
        notes: [],
      };
      measures.set(r.measure_line, m);
      part.measures.push(m);
    }
    m.rows.push({
      name: r.indicator,
      values: [cellValue(r.values["平成22年度"]), cellValue(r.values["平成26年度"]), cellValue(r.values["平成30年度"]), cellValue(r.values["令和2年度"])],
      target: cellValue(r.target),
      unit: r.unit,
      line: r.line,
    });
    for (const n of r.table_footnotes) if (!m.notes.includes(n.text)) m.notes.push(n.text);
  }
  return parts;
}

// ---------------------------------------------------------------- 第1章第3節: 総合戦略

export interface SougouTableInput {
  /** `ア 基本目標1`, as printed. */
  readonly heading: string;
  /** The goal's title on the line under the heading (数値目標 only). */
  readonly title?: string;
  readonly header: readonly string[];
  readonly rows: readonly { readonly name: string; readonly values: readonly CellInput[]; readonly target: CellInput; readonly line: number }[];
  readonly notes: readonly string[];
}

export interface SougouInput {
  readonly goals: readonly SougouTableInput[];
  readonly kpis: readonly SougouTableInput[];
}

export function sougouInput(): SougouInput {
  const rows = mitakaIndicators().filter((r) => r.dataset === "sougou_senryaku");
  const tables = new Map<number, SougouTableInput & { rows: SougouTableInput["rows"][number][]; notes: string[] }>();
  const goals: SougouTableInput[] = [];
  const kpis: SougouTableInput[] = [];
  for (const r of rows) {
    const goal = r.section.includes("数値目標");
    let t = tables.get(r.header_lines[0]);
    if (!t) {
      // The 数値目標 title is printed on the line(s) under its heading (M-L771, 783+785, 800); the KPI headings have none.
      const title = goal ? r.measure.replace(/^基本目標\s*\d+\s*/, "") : undefined;
      t = { heading: line(r.measure_line).trim(), title, header: line(r.header_lines[0]).split("\t").map((x) => x.trim()), rows: [], notes: [] };
      tables.set(r.header_lines[0], t);
      (goal ? goals : kpis).push(t);
    }
    const values = goal
      ? [cellValue(r.values["平成26年度"]), cellValue(r.values["平成30年度"])]
      : [cellValue(r.values["平成26年度"]), cellValue(r.values["平成30年度"]), cellValue(r.values["令和2年度"])];
    t.rows.push({ name: r.indicator, values, target: cellValue(r.target), line: r.line });
    for (const n of r.table_footnotes) if (!t.notes.includes(n.text)) t.notes.push(n.text);
  }
  return { goals, kpis };
}

// ---------------------------------------------------------------- 第2章第2節: アクションプラン

export interface ActionItemInput {
  readonly id: string;
  /** The three cells of the item's first row as printed: id, [主要] title, departments. */
  readonly head: readonly [string, string, string];
  readonly overview: readonly [string, string];
  readonly status: readonly [string, string];
  /** A page break split the item's table: a blank row between 概要 and the status row (13 items). */
  readonly split: boolean;
  readonly major: boolean;
}

export interface SystemInput {
  /** `体系1 創造的な自治体経営の推進`, as printed (体系10 keeps 危機管理能力, M-L1224). */
  readonly heading: string;
  readonly items: readonly ActionItemInput[];
}

export function actionPlanInput(): SystemInput[] {
  const out: { heading: string; items: ActionItemInput[] }[] = [];
  for (const a of mitakaActions()) {
    let sys = out.find((s) => s.heading === line(a.system_line).trim());
    if (!sys) {
      sys = { heading: line(a.system_line).trim(), items: [] };
      out.push(sys);
    }
    const head = cells(a.line);
    const ov = cells(a.overview_line);
    const st = cells(a.status_line);
    sys.items.push({
      id: a.id,
      head: [head[0], head[1], head[2] ?? ""],
      overview: [ov[0], ov[1] ?? ""],
      status: [st[0], st[1] ?? ""],
      split: (a.separator_lines?.length ?? 0) > 0,
      major: a.major,
    });
  }
  return out;
}
