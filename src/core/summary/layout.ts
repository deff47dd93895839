/** The look every generated sheet shares (docs/summaries.md): title, basis line, header fill, borders, print setup. */
import { t, type Lang, type MessageKey, type MessageParams } from "../i18n";
import { toA1 } from "../model/address";
import type { CellRange } from "../model/address";
import type { CellStyle, ChartSpec, PrintSpec, SheetSpec, SpecCell, SpecValue, TableSpec } from "../sheet-spec";

export const SUMMARY_STYLES: Readonly<Record<string, CellStyle>> = {
  title: { bold: true, fontSize: 14 },
  basis: { fontColor: "#404040", fontSize: 9 },
  note: { fontColor: "#404040", fontSize: 9, wrap: false },
  header: { bold: true, fill: "#DDEBF7", border: "thin", wrap: true, hAlign: "center", vAlign: "middle" },
  cell: { border: "thin", wrap: true, vAlign: "top" },
  center: { border: "thin", hAlign: "center", vAlign: "top" },
  number: { border: "thin", hAlign: "right", vAlign: "top", numberFormat: "#,##0" },
  decimal: { border: "thin", hAlign: "right", vAlign: "top", numberFormat: "#,##0.##" },
  percent: { border: "thin", hAlign: "right", vAlign: "top", numberFormat: "0.0%" },
  // Progress is stored as computed; the display is clamped (docs/values.md: −6,269% is a meaningless figure).
  progress: { border: "thin", hAlign: "right", vAlign: "top", numberFormat: '[>2]">200%";[<-1]"<-100%";0.0%' },
  total: { bold: true, border: "thin", fill: "#F2F2F2", hAlign: "right", numberFormat: "#,##0" },
  totalLabel: { bold: true, border: "thin", fill: "#F2F2F2" },
  totalPercent: { bold: true, border: "thin", fill: "#F2F2F2", hAlign: "right", numberFormat: "0.0%" },
  link: { border: "thin", wrap: true, vAlign: "top", fontColor: "#0563C1" },
  section: { bold: true },
};

export type StyleKey = keyof typeof SUMMARY_STYLES & string;

export class SheetWriter {
  readonly cells: SpecCell[] = [];
  readonly merges: CellRange[] = [];
  readonly tables: TableSpec[] = [];
  readonly charts: ChartSpec[] = [];

  constructor(readonly lang: Lang) {}

  msg(key: MessageKey, params?: MessageParams): string {
    return t(this.lang, key, params);
  }

  put(row: number, col: number, value: SpecValue, style?: StyleKey, link?: SpecCell["link"]): void {
    this.cells.push({ row, col, value, ...(style ? { style } : {}), ...(link ? { link } : {}) });
  }

  text(row: number, col: number, v: string | undefined, style?: StyleKey, link?: SpecCell["link"]): void {
    this.put(row, col, v === undefined || v === "" ? { t: "empty" } : { t: "text", v }, style, link);
  }

  num(row: number, col: number, v: number | undefined, style: StyleKey = "number"): void {
    if (v === undefined || !Number.isFinite(v)) return this.put(row, col, { t: "empty" }, style);
    // Excel shows a whole number in "#,##0.##" with a bare point (3.): one whole at two decimals takes "#,##0".
    this.put(row, col, { t: "number", v }, style === "decimal" && Number.isInteger(Math.round(v * 100) / 100) ? "number" : style);
  }

  formula(row: number, col: number, f: string, cached: number, style: StyleKey): void {
    this.put(row, col, { t: "formula", f, cached }, style);
  }

  header(row: number, labels: readonly string[], startCol = 0): void {
    labels.forEach((l, i) => this.text(row, startCol + i, l, "header"));
  }

  spec(name: string, extra: Partial<SheetSpec> & { columnWidths: readonly number[]; headerRows: { top: number; bottom: number } }): SheetSpec {
    const print: PrintSpec = { orientation: "landscape", paper: "A4", fitToWidth: true, repeatRows: extra.headerRows, footer: this.msg("summary.footer") };
    const rest: Partial<SheetSpec> = { ...extra };
    delete (rest as { headerRows?: unknown }).headerRows;
    return {
      name,
      cells: this.cells,
      styles: SUMMARY_STYLES,
      merges: this.merges,
      tables: this.tables,
      charts: this.charts,
      print,
      freeze: { rows: extra.headerRows.bottom + 1, cols: 0 },
      basisCell: { row: 1, col: 0 },
      ...rest,
    };
  }
}

export function a1(row: number, col: number): string {
  return toA1(row, col);
}
