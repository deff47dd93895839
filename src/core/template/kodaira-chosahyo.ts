/**
 * The canonical 小平市 調査票 layout (docs/formats.md) as sheet specs: one survey sheet per item, and the
 * 評価一覧 list. The reader finds fields by label, so this layout is one of many it accepts; it is the one
 * the add-in writes, with the rating letter and its comment in separate cells and a list validation on the letter.
 */
import { t } from "../i18n";
import type { CellRange } from "../model/address";
import type { ListValidation, SheetSpec, SpecCell, SpecValue } from "../sheet-spec";

export interface IndicatorRowInput {
  readonly label: string;
  readonly baseline: string | number | null;
  readonly target: string | number | null;
  readonly actual: string | number | null;
}

export interface TaskInput {
  readonly text: string;
  /** One entry per year column; null for an empty cell. */
  readonly years: readonly (string | null)[];
}

export interface RatingInput {
  readonly rating: string | null;
  readonly comment: string | null;
}

export interface SurveySheetInput {
  readonly sheetName: string;
  /** `第3次行財政再構築進捗状況調査票（平成29年度末）` */
  readonly title: string;
  readonly id: string;
  readonly itemTitle: string;
  readonly purpose: string | null;
  readonly headers: {
    /** `現状値 (計画初期値)\n平成29年3月末` */
    readonly baseline: string;
    /** `下半期値\n平成30年3月末` */
    readonly actual: string;
    /** `平成29年度` … one per schedule column */
    readonly years: readonly string[];
    /** `平成29年度 当初予定(P)` */
    readonly plan: string;
    /** `平成29年度実績` … */
    readonly yearlyResults: readonly string[];
  };
  /** Several indicators either packed ①② in one cell per column (packed) or one per row. */
  readonly indicators: readonly IndicatorRowInput[];
  readonly packed: boolean;
  readonly tasks: readonly TaskInput[];
  readonly plan: string | null;
  readonly departments: string;
  readonly result: string | null;
  readonly eval1: RatingInput;
  readonly eval2: RatingInput;
  readonly next: string | null;
}

export const RATING_LIST = ["S", "A", "B"] as const;

const STYLES = {
  title: { bold: true, fontSize: 14, hAlign: "left", vAlign: "middle" },
  header: { bold: true, fill: "#DDEBF7", border: "thin", wrap: true, hAlign: "center", vAlign: "middle" },
  body: { border: "thin", wrap: true, vAlign: "top" },
  rating: { border: "thin", hAlign: "center", vAlign: "middle", bold: true, fontSize: 14 },
} as const;

function valueOf(v: string | number | null): SpecValue {
  if (v === null || v === "") return { t: "empty" };
  if (typeof v === "number") return { t: "number", v };
  return { t: "text", v };
}

class SpecBuilder {
  readonly cells: SpecCell[] = [];
  readonly merges: CellRange[] = [];
  readonly validations: ListValidation[] = [];

  put(row: number, col: number, v: string | number | null, style: keyof typeof STYLES, merge?: { rows?: number; cols?: number }): void {
    this.cells.push({ row, col, value: valueOf(v), style });
    const rows = merge?.rows ?? 1;
    const cols = merge?.cols ?? 1;
    if (rows > 1 || cols > 1) this.merges.push({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 });
  }
}

/** Column letters of the canonical sheet: A item, B indicator, C baseline, D target, E actual, F task, G.. years. */
export function surveySheetSpec(input: SurveySheetInput): SheetSpec {
  const b = new SpecBuilder();
  const yearCols = input.headers.years.length;
  const lastCol = 5 + yearCols; // F + years
  b.put(0, 0, input.title, "title", { cols: lastCol + 1 });

  // Table 1 header (rows 3-4 in Excel terms)
  const h = 2;
  b.put(h, 0, "取り組み項目・内容", "header", { rows: 2 });
  b.put(h, 1, "指標", "header", { rows: 2 });
  b.put(h, 2, input.headers.baseline, "header", { rows: 2 });
  b.put(h, 3, "目標値", "header", { rows: 2 });
  b.put(h, 4, input.headers.actual, "header", { rows: 2 });
  b.put(h, 5, "工程表", "header", { cols: yearCols + 1 });
  b.put(h + 1, 5, "実施内容", "header");
  input.headers.years.forEach((y, i) => b.put(h + 1, 6 + i, y, "header"));

  // Body rows: as many as the longest of tasks and indicator rows.
  const body = h + 2;
  const indicatorRows = input.packed ? 1 : input.indicators.length;
  const n = Math.max(input.tasks.length, indicatorRows, 1);
  const heading = [`No.${input.id} ${input.itemTitle}`, ...(input.purpose ? ["<目的・ねらい>", input.purpose] : [])].join("\n");
  b.put(body, 0, heading, "body", { rows: n });
  if (input.packed) {
    const join = (k: "label" | "baseline" | "target" | "actual"): string | number | null => {
      const parts = input.indicators.map((i) => i[k]).filter((x): x is string | number => x !== null && x !== "");
      if (parts.length === 0) return null;
      if (parts.length === 1) return parts[0];
      return parts.map(String).join("\n");
    };
    b.put(body, 1, join("label"), "body", { rows: n });
    b.put(body, 2, join("baseline"), "body", { rows: n });
    b.put(body, 3, join("target"), "body", { rows: n });
    b.put(body, 4, join("actual"), "body", { rows: n });
  } else {
    for (let r = 0; r < input.indicators.length; r++) {
      const ind = input.indicators[r];
      const last = r === input.indicators.length - 1 && n > input.indicators.length;
      const span = last ? { rows: n - r } : undefined; // the last indicator fills the remaining rows
      b.put(body + r, 1, ind.label, "body", span);
      b.put(body + r, 2, ind.baseline, "body", span);
      b.put(body + r, 3, ind.target, "body", span);
      b.put(body + r, 4, ind.actual, "body", span);
    }
    if (input.indicators.length === 0) for (let c = 1; c <= 4; c++) b.put(body, c, null, "body", { rows: n });
  }
  for (let r = 0; r < n; r++) {
    const t = input.tasks[r];
    b.put(body + r, 5, t ? t.text || null : null, "body");
    for (let y = 0; y < yearCols; y++) b.put(body + r, 6 + y, t ? (t.years[y] ?? null) : null, "body");
  }

  // Table 2: P-D-C-A, one blank row below table 1.
  const p = body + n + 1;
  b.put(p, 0, input.headers.plan, "header", { cols: 2 });
  b.put(p, 2, "所管課", "header");
  b.put(p, 3, "取組実績(D)", "header", { cols: 2 });
  b.put(p, 5, "1次評価(C)", "header");
  b.put(p, 6, "2次評価(C)", "header");
  b.put(p, 7, "来年度に向けての課題と今後の取組(A)", "header", { cols: Math.max(lastCol - 6, 1) });
  const v = p + 1;
  b.put(v, 0, input.plan, "body", { rows: 2, cols: 2 });
  b.put(v, 2, input.departments, "body", { rows: 2 });
  b.put(v, 3, input.result, "body", { rows: 2, cols: 2 });
  b.put(v, 5, input.eval1.rating, "rating");
  b.put(v, 6, input.eval2.rating, "rating");
  b.put(v, 7, input.next, "body", { rows: 2, cols: Math.max(lastCol - 6, 1) });
  b.put(v + 1, 5, input.eval1.comment, "body");
  b.put(v + 1, 6, input.eval2.comment, "body");
  b.validations.push({
    range: { top: v, left: 5, bottom: v, right: 6 },
    list: RATING_LIST,
    errorTitle: t("ja", "template.rating.errorTitle"),
    error: t("ja", "template.rating.error"),
    prompt: t("ja", "template.rating.prompt"),
  });

  // Table 3: yearly results footer.
  const f = v + 3;
  input.headers.yearlyResults.forEach((label, i) => {
    b.put(f, i * 2, label, "header", { cols: 2 });
    b.put(f + 1, i * 2, null, "body", { cols: 2 });
  });

  return {
    name: input.sheetName,
    cells: b.cells,
    styles: STYLES,
    merges: b.merges,
    columnWidths: [30, 20, 18, 18, 18, 28, ...Array.from({ length: yearCols }, () => 10)],
    validations: b.validations,
  };
}

export interface ListRowInput {
  readonly group: string | null;
  readonly no: number | string;
  readonly title: string;
  readonly departments: string;
  readonly rating1: string | null;
  readonly rating2: string | null;
  readonly purpose: string | null;
}

export interface ListSheetInput {
  readonly sheetName: string;
  /** `第3次行財政再構築プラン 29年度末評価` */
  readonly title: string;
  /** `29年度下半期評価` */
  readonly periodHeader: string;
  readonly rows: readonly ListRowInput[];
}

/** The 評価一覧: 項目(方針) | No. | 取組項目 | 主な推進担当課 | {period}: 所管課 | 行革本部 | 目的・ねらい */
export function listSheetSpec(input: ListSheetInput): SheetSpec {
  const b = new SpecBuilder();
  b.put(0, 0, input.title, "title", { cols: 7 });
  const h = 2;
  b.put(h, 0, "項目(方針)", "header", { rows: 2 });
  b.put(h, 1, "No.", "header", { rows: 2 });
  b.put(h, 2, "取組項目", "header", { rows: 2 });
  b.put(h, 3, "主な推進担当課", "header", { rows: 2 });
  b.put(h, 4, input.periodHeader, "header", { cols: 2 });
  b.put(h + 1, 4, "所管課", "header");
  b.put(h + 1, 5, "行革本部", "header");
  b.put(h, 6, "目的・ねらい", "header", { rows: 2 });
  input.rows.forEach((r, i) => {
    const row = h + 2 + i;
    b.put(row, 0, r.group, "body");
    b.put(row, 1, r.no, "body");
    b.put(row, 2, r.title, "body");
    b.put(row, 3, r.departments, "body");
    b.put(row, 4, r.rating1, "rating");
    b.put(row, 5, r.rating2, "rating");
    b.put(row, 6, r.purpose, "body");
  });
  if (input.rows.length) {
    b.validations.push({
      range: { top: h + 2, left: 4, bottom: h + 1 + input.rows.length, right: 5 },
      list: RATING_LIST,
      errorTitle: t("ja", "template.rating.errorTitle"),
      error: t("ja", "template.rating.error"),
    });
  }
  return {
    name: input.sheetName,
    cells: b.cells,
    styles: STYLES,
    merges: b.merges,
    columnWidths: [22, 6, 36, 28, 9, 9, 48],
    freeze: { rows: 4, cols: 0 },
    validations: b.validations,
  };
}
