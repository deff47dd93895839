/**
 * The 小平市 経営方針推進プログラム 進捗状況 sheet (docs/formats.md) as a sheet spec: one programme per row under the
 * 区分 banners and the 方向性 group rows, with the header
 * `No. | 実施プログラム | 主な取組の方向性 | 年度スケジュール: 取組項目 | R3 | R4 | R5 | R6 | 令和4年度までの取組実績 |
 * 令和5年度当初予定・設定目標(前年度末の状況) | 令和6年度当初予定・設定目標(前年度末の状況)` written once (two rows, the
 * schedule header merged over its five columns). The source has no R6 column; the template adds it.
 */
import type { CellRange } from "../../src/core/model/address";
import type { SheetSpec, SpecCell, SpecValue } from "../../src/core/sheet-spec";

export type ProgramRowInput =
  | { readonly kind: "banner" | "group"; readonly text: string }
  | {
      readonly kind: "item";
      /** `①` as text, or `17` as a number, as the source writes it. */
      readonly no: string | number;
      readonly title: string;
      readonly purpose: string | null;
      readonly tasks: string | null;
      /** One per year column (R3 … R6). */
      readonly years: readonly (string | null)[];
      readonly result: string | null;
      readonly plan: string | null;
      readonly planNext: string | null;
    };

export interface ProgramSheetInput {
  readonly sheetName: string;
  readonly title: string;
  readonly subtitle?: string;
  readonly headers: {
    readonly schedule: string;
    readonly years: readonly string[];
    readonly result: string;
    readonly plan: string;
    readonly planNext: string;
  };
  /** Rows above the header (the first banner, as in the source), then the header, then the rest. */
  readonly before: readonly ProgramRowInput[];
  readonly rows: readonly ProgramRowInput[];
}

const STYLES = {
  title: { bold: true, fontSize: 14, hAlign: "left", vAlign: "middle" },
  note: { hAlign: "left", vAlign: "middle" },
  header: { bold: true, fill: "#DDEBF7", border: "thin", wrap: true, hAlign: "center", vAlign: "middle" },
  banner: { bold: true, fill: "#FFF2CC", border: "thin", hAlign: "left", vAlign: "middle" },
  group: { bold: true, fill: "#E2EFDA", border: "thin", hAlign: "left", vAlign: "middle" },
  body: { border: "thin", wrap: true, vAlign: "top" },
  no: { border: "thin", hAlign: "center", vAlign: "top" },
  year: { border: "thin", wrap: true, hAlign: "center", vAlign: "top" },
} as const;

function valueOf(v: string | number | null): SpecValue {
  if (v === null || v === "") return { t: "empty" };
  if (typeof v === "number") return { t: "number", v };
  return { t: "text", v };
}

export function programSheetSpec(input: ProgramSheetInput): SheetSpec {
  const cells: SpecCell[] = [];
  const merges: CellRange[] = [];
  const years = input.headers.years.length;
  const last = 3 + years + 3; // A–C, D + years, then the three text columns
  const put = (row: number, col: number, v: string | number | null, style: keyof typeof STYLES, span?: { rows?: number; cols?: number }) => {
    cells.push({ row, col, value: valueOf(v), style });
    const rows = span?.rows ?? 1;
    const cols = span?.cols ?? 1;
    if (rows > 1 || cols > 1) merges.push({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 });
  };
  let r = 0;
  put(r++, 0, input.title, "title", { cols: last + 1 });
  if (input.subtitle) put(r++, 0, input.subtitle, "note", { cols: last + 1 });
  r++;
  const line = (row: ProgramRowInput) => {
    if (row.kind !== "item") {
      put(r++, 0, row.text, row.kind, { cols: last + 1 });
      return;
    }
    put(r, 0, row.no, "no");
    put(r, 1, row.title, "body");
    put(r, 2, row.purpose, "body");
    put(r, 3, row.tasks, "body");
    for (let y = 0; y < years; y++) put(r, 4 + y, row.years[y] ?? null, "year");
    put(r, 4 + years, row.result, "body");
    put(r, 5 + years, row.plan, "body");
    put(r, 6 + years, row.planNext, "body");
    r++;
  };
  input.before.forEach(line);
  const h = r;
  put(h, 0, "No.", "header", { rows: 2 });
  put(h, 1, "実施プログラム", "header", { rows: 2 });
  put(h, 2, "主な取組の方向性", "header", { rows: 2 });
  put(h, 3, input.headers.schedule, "header", { cols: years + 1 });
  put(h + 1, 3, "取組項目", "header");
  input.headers.years.forEach((y, i) => put(h + 1, 4 + i, y, "header"));
  put(h, 4 + years, input.headers.result, "header", { rows: 2 });
  put(h, 5 + years, input.headers.plan, "header", { rows: 2 });
  put(h, 6 + years, input.headers.planNext, "header", { rows: 2 });
  r = h + 2;
  input.rows.forEach(line);
  return {
    name: input.sheetName,
    cells,
    styles: STYLES,
    merges,
    columnWidths: [6, 24, 40, 28, ...Array.from({ length: years }, () => 10), 48, 48, 48],
    freeze: { rows: h + 2, cols: 2 },
    print: { orientation: "landscape", paper: "A4", fitToWidth: true, repeatRows: { top: h, bottom: h + 1 }, footer: "&A &P / &N" },
  };
}
