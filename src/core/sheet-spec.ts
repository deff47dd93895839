/**
 * A renderer-neutral description of a sheet the add-in writes (docs/summaries.md): typed cells, styles,
 * merges, widths, freeze panes, data validation. The Office and ExcelJS adapters render the same spec.
 */
import type { CellRange } from "./model/address";
import { EXCEL_MAX_CELL_CHARS, fitCellText } from "./values/text";

export type SpecValue =
  | { readonly t: "text"; readonly v: string } // always written as text, never as a formula
  | { readonly t: "number"; readonly v: number }
  | { readonly t: "bool"; readonly v: boolean }
  | { readonly t: "formula"; readonly f: string; readonly cached?: number | string }
  | { readonly t: "empty" };

export interface CellStyle {
  readonly bold?: boolean;
  readonly fontSize?: number;
  readonly fontColor?: string; // "#RRGGBB"
  readonly fill?: string; // "#RRGGBB"
  readonly wrap?: boolean;
  readonly hAlign?: "left" | "center" | "right";
  readonly vAlign?: "top" | "middle" | "bottom";
  readonly border?: "thin";
  readonly numberFormat?: string;
}

export interface SpecCell {
  readonly row: number; // 0-based
  readonly col: number; // 0-based
  readonly value: SpecValue;
  readonly style?: string; // key in SheetSpec.styles
  /** Internal hyperlink to a record's cell. */
  readonly link?: { readonly sheet: string; readonly cell: string };
}

export interface ListValidation {
  readonly range: CellRange;
  readonly list: readonly string[];
  readonly errorTitle?: string;
  readonly error?: string;
  readonly prompt?: string;
}

/** An Excel table (ListObject) over a header row and its data rows, with a filter button on each column. */
export interface TableSpec {
  /** ASCII, unique in the workbook (a renderer adds a suffix when taken). */
  readonly name: string;
  /** Header row first; rows below it are the table's data. */
  readonly range: CellRange;
}

export interface PrintSpec {
  readonly orientation: "landscape" | "portrait";
  readonly paper: "A4";
  /** Fit every column on one page wide (any number of pages tall). */
  readonly fitToWidth: boolean;
  /** Rows repeated at the top of each printed page (0-based, inclusive). */
  readonly repeatRows?: { readonly top: number; readonly bottom: number };
  /** Footer text in Excel's header/footer codes: &A sheet name, &P page, &N pages. */
  readonly footer?: string;
}

/** A stacked bar chart (codes by group). A renderer that cannot draw charts appends `unsupportedNote` to the basis cell. */
export interface ChartSpec {
  readonly kind: "stacked-bar";
  readonly title: string;
  /** Category labels (one column), and one series per column of values. */
  readonly categories: CellRange;
  readonly series: readonly { readonly name: string; readonly values: CellRange }[];
  /** Where to put it. */
  readonly anchor: CellRange;
  readonly unsupportedNote: string;
}

export interface SheetSpec {
  readonly name: string;
  readonly cells: readonly SpecCell[];
  readonly styles: Readonly<Record<string, CellStyle>>;
  readonly merges: readonly CellRange[];
  /** Column widths in characters (Excel's unit), from column A. */
  readonly columnWidths?: readonly number[];
  readonly rowHeights?: Readonly<Record<number, number>>;
  readonly freeze?: { readonly rows: number; readonly cols: number };
  readonly validations?: readonly ListValidation[];
  readonly tabColor?: string;
  readonly tables?: readonly TableSpec[];
  readonly print?: PrintSpec;
  readonly charts?: readonly ChartSpec[];
  /** The cell holding the basis line under the title (対象年度, time, counts); renderers append notes to it. */
  readonly basisCell?: { readonly row: number; readonly col: number };
}

export const text = (v: string): SpecValue => ({ t: "text", v });
export const num = (v: number): SpecValue => ({ t: "number", v });
export const formula = (f: string, cached?: number | string): SpecValue => ({ t: "formula", f, cached });

/** `spec` with every text cell cut to what a cell holds (fitCellText); the same object when none is too long. */
export function fitToCells(spec: SheetSpec): SheetSpec {
  const tooLong = (c: SpecCell) => c.value.t === "text" && c.value.v.length > EXCEL_MAX_CELL_CHARS;
  if (!spec.cells.some(tooLong)) return spec;
  return { ...spec, cells: spec.cells.map((c) => (tooLong(c) && c.value.t === "text" ? { ...c, value: { t: "text", v: fitCellText(c.value.v) } } : c)) };
}
