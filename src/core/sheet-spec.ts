/**
 * A renderer-neutral description of a sheet the add-in writes (summaries.md): typed cells, styles,
 * merges, widths, freeze panes, data validation. The Office and ExcelJS adapters render the same spec.
 */
import type { CellRange } from "./model/address";

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
}

export const text = (v: string): SpecValue => ({ t: "text", v });
export const num = (v: number): SpecValue => ({ t: "number", v });
