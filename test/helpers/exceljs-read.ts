/** ExcelJS worksheets → the core's SheetGrid: values, merges, percent formats, bounded as docs/formats.md says. */
import type ExcelJS from "exceljs";
import type { CellRange } from "../../src/core/model/address";
import type { CellValue } from "../../src/core/model/cell";
import { gridFromCells, MAX_COLS, MAX_ROWS, type SheetGrid, type SheetVisibility, type FilledCell } from "../../src/core/model/grid";

// ExcelJS.ValueType, inlined so this module needs no runtime import of exceljs.
const VT = { Null: 0, Merge: 1, Number: 2, String: 3, Date: 4, Hyperlink: 5, Formula: 6, SharedString: 7, RichText: 8, Boolean: 9, Error: 10 };

interface RichTextValue {
  richText: { text: string }[];
}

function richText(v: unknown): string | undefined {
  if (v && typeof v === "object" && Array.isArray((v as RichTextValue).richText)) {
    return (v as RichTextValue).richText.map((r) => r.text ?? "").join("");
  }
  return undefined;
}

/** One cell's value as the core wants it. Merge continuation cells read as empty. */
export function toCellValue(cell: ExcelJS.Cell): CellValue {
  const v = cell.value as unknown;
  switch (cell.type as number) {
    case VT.Null:
    case VT.Merge:
      return null;
    case VT.Number:
    case VT.String:
    case VT.Boolean:
      return v as number | string | boolean;
    case VT.Date:
      return v as Date;
    case VT.SharedString:
      return typeof v === "string" ? v : (richText(v) ?? String(v ?? ""));
    case VT.RichText:
      return richText(v) ?? "";
    case VT.Hyperlink: {
      const h = v as { text?: unknown };
      return typeof h.text === "string" ? h.text : (richText(h.text) ?? "");
    }
    case VT.Error:
      return { error: String((v as { error?: string }).error ?? "#VALUE!") };
    case VT.Formula: {
      // cell.result, not cell.value.result: ExcelJS's value getter drops a falsy cached result (0, "", false).
      const r = (cell as unknown as { result?: unknown }).result ?? (v as { result?: unknown }).result;
      if (r === undefined || r === null) return null;
      if (typeof r === "object" && !(r instanceof Date)) {
        if ("error" in (r as object)) return { error: String((r as { error: string }).error) };
        return richText(r) ?? null;
      }
      return r as number | string | boolean | Date;
    }
    default:
      return typeof v === "string" || typeof v === "number" ? v : null;
  }
}

interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function mergesOf(ws: ExcelJS.Worksheet): CellRange[] {
  // ExcelJS keeps merges in _merges (1-based ranges); the public model getter would rebuild every row.
  const internal = (ws as unknown as { _merges?: Record<string, { model?: MergeRange } & MergeRange> })._merges;
  const out: CellRange[] = [];
  if (!internal) return out;
  for (const m of Object.values(internal)) {
    const r = m.model ?? m;
    out.push({ top: r.top - 1, left: r.left - 1, bottom: r.bottom - 1, right: r.right - 1 });
  }
  return out;
}

export function sheetVisibility(ws: ExcelJS.Worksheet): SheetVisibility {
  const s = ws.state as string;
  return s === "hidden" ? "hidden" : s === "veryHidden" ? "veryHidden" : "visible";
}

/** Reads one worksheet, trimmed to the cells that hold values and capped at MAX_ROWS × MAX_COLS. */
export function readWorksheet(ws: ExcelJS.Worksheet): SheetGrid {
  const cells: FilledCell[] = [];
  let usedRows = 0;
  let usedCols = 0;
  ws.eachRow((row, rowNumber) => {
    if (rowNumber > usedRows) usedRows = rowNumber;
    row.eachCell((cell, colNumber) => {
      if (colNumber > usedCols) usedCols = colNumber;
      const v = toCellValue(cell);
      if (v === null || v === "") return;
      const r = rowNumber - 1;
      const c = colNumber - 1;
      if (r >= MAX_ROWS || c >= MAX_COLS) return;
      const nf = typeof v === "number" ? cell.numFmt : undefined;
      cells.push({ r, c, v, fmt: nf && nf !== "General" ? nf : undefined });
    });
  });
  const dims = ws.dimensions as unknown as { bottom?: number; right?: number } | undefined;
  const declared = { rows: Math.max(usedRows, dims?.bottom ?? 0), cols: Math.max(usedCols, dims?.right ?? 0) };
  // Merges reaching beyond the last value still shape the layout (a merged label's extent).
  return gridFromCells({ name: ws.name, visibility: sheetVisibility(ws), protected: isProtected(ws) }, cells, mergesOf(ws), declared);
}

function isProtected(ws: ExcelJS.Worksheet): boolean {
  const p = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
  return !!p && p.sheet === true;
}
