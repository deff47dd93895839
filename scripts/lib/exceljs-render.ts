/**
 * Renders a SheetSpec onto an ExcelJS worksheet. Text is always written as a string value, never a formula.
 * The sample workbooks in seeds/ and many test workbooks are written this way on purpose: by another writer than
 * the product's own (src/workbook/xlsx/sheet-xml.ts), so the reader is tested on files it did not make.
 */
import ExcelJS from "exceljs";
import { rangeToA1, toA1 } from "../../src/core/model/address";
import type { CellStyle, SheetSpec, SpecValue } from "../../src/core/sheet-spec";
import { freeTableName, tableColumnNames } from "../../src/workbook/table-names";

function argb(hex: string): string {
  return "FF" + hex.replace(/^#/, "").toUpperCase();
}

function applyStyle(cell: ExcelJS.Cell, s: CellStyle): void {
  if (s.bold || s.fontSize || s.fontColor) {
    cell.font = {
      ...(s.bold ? { bold: true } : {}),
      ...(s.fontSize ? { size: s.fontSize } : {}),
      ...(s.fontColor ? { color: { argb: argb(s.fontColor) } } : {}),
    };
  }
  if (s.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  if (s.wrap || s.hAlign || s.vAlign) {
    cell.alignment = {
      ...(s.wrap ? { wrapText: true } : {}),
      ...(s.hAlign ? { horizontal: s.hAlign } : {}),
      ...(s.vAlign ? { vertical: s.vAlign } : {}),
    };
  }
  if (s.border === "thin") {
    const side = { style: "thin" as const, color: { argb: "FF808080" } };
    cell.border = { top: side, left: side, bottom: side, right: side };
  }
  if (s.numberFormat) cell.numFmt = s.numberFormat;
}

function writeValue(cell: ExcelJS.Cell, v: SpecValue): void {
  switch (v.t) {
    case "text":
      // A plain string value is stored as a shared string: `=…` stays text (stack-notes §5).
      cell.value = v.v;
      break;
    case "number":
    case "bool":
      cell.value = v.v;
      break;
    case "formula":
      cell.value = v.cached === undefined ? { formula: v.f } : ({ formula: v.f, result: v.cached } as ExcelJS.CellFormulaValue);
      break;
    case "empty":
      break;
  }
}

export function renderSheetSpec(ws: ExcelJS.Worksheet, spec: SheetSpec): void {
  if (spec.columnWidths) {
    spec.columnWidths.forEach((w, i) => {
      ws.getColumn(i + 1).width = w;
    });
  }
  if (spec.rowHeights) {
    for (const [r, h] of Object.entries(spec.rowHeights)) ws.getRow(Number(r) + 1).height = h;
  }
  for (const c of spec.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    writeValue(cell, c.value);
    const st = c.style ? spec.styles[c.style] : undefined;
    if (st) applyStyle(cell, st);
    if (c.link && c.value.t === "text") {
      cell.value = { text: c.value.v, hyperlink: `#'${c.link.sheet.replace(/'/g, "''")}'!${c.link.cell}` };
    }
  }
  // Style every cell of a merge like its top-left, so borders close around merged areas.
  for (const m of spec.merges) {
    const anchor = spec.cells.find((c) => c.row === m.top && c.col === m.left);
    const st = anchor?.style ? spec.styles[anchor.style] : undefined;
    if (st) {
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) applyStyle(ws.getCell(r + 1, c + 1), st);
    }
    ws.mergeCells(rangeToA1(m));
  }
  for (const v of spec.validations ?? []) {
    for (let r = v.range.top; r <= v.range.bottom; r++) {
      for (let c = v.range.left; c <= v.range.right; c++) {
        ws.getCell(toA1(r, c)).dataValidation = {
          type: "list",
          allowBlank: true,
          formulae: [`"${v.list.join(",")}"`],
          showErrorMessage: true,
          ...(v.errorTitle ? { errorTitle: v.errorTitle } : {}),
          ...(v.error ? { error: v.error } : {}),
          ...(v.prompt ? { showInputMessage: true, prompt: v.prompt } : {}),
        };
      }
    }
  }
  if (spec.freeze) {
    ws.views = [{ state: "frozen", xSplit: spec.freeze.cols, ySplit: spec.freeze.rows }];
  }
  if (spec.tabColor) ws.properties.tabColor = { argb: argb(spec.tabColor) };
  for (const table of spec.tables ?? []) renderTable(ws, spec, table);
  if (spec.print) {
    const p = spec.print;
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9, // A4
      orientation: p.orientation,
      fitToPage: p.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      ...(p.repeatRows ? { printTitlesRow: `${p.repeatRows.top + 1}:${p.repeatRows.bottom + 1}` } : {}),
    };
    if (p.footer) ws.headerFooter = { ...ws.headerFooter, oddFooter: p.footer };
  }
  // ExcelJS cannot draw charts: say so where the sheet states its basis, rather than dropping the chart silently.
  if (spec.charts?.length && spec.basisCell) {
    const cell = ws.getCell(spec.basisCell.row + 1, spec.basisCell.col + 1);
    const current = typeof cell.value === "string" ? cell.value : "";
    cell.value = current + spec.charts[0].unsupportedNote;
  }
}

/** A header cell's text, as a table column name is taken from it. */
function labelOf(cell: ExcelJS.Cell): string {
  const v = cell.value as unknown;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return String(v);
  if (v && typeof v === "object" && "text" in v && typeof (v as { text: unknown }).text === "string") return (v as { text: string }).text;
  return "";
}

/** An Excel table (ListObject) with filter buttons over cells already written; styles are put back after ExcelJS rewrites them. */
function renderTable(ws: ExcelJS.Worksheet, spec: SheetSpec, table: NonNullable<SheetSpec["tables"]>[number]): void {
  const { top, left, bottom, right } = table.range;
  const labels: string[] = [];
  for (let c = left; c <= right; c++) labels.push(labelOf(ws.getCell(top + 1, c + 1)));
  // Header names must be unique and non-empty in a table (the Office renderer writes the same names).
  const columns: ExcelJS.TableColumnProperties[] = tableColumnNames(labels).map((name) => ({ name, filterButton: true }));
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = top + 1; r <= bottom; r++) {
    const row: ExcelJS.CellValue[] = [];
    for (let c = left; c <= right; c++) row.push(ws.getCell(r + 1, c + 1).value);
    rows.push(row);
  }
  const taken = [
    ...ws.workbook.worksheets.flatMap((w) => Object.keys((w as unknown as { tables?: Record<string, unknown> }).tables ?? {})),
    ...((ws.workbook.definedNames as unknown as { model?: { name: string }[] }).model ?? []).map((n) => n.name),
  ];
  const name = freeTableName(table.name, taken);
  ws.addTable({ name, ref: toA1(top, left), headerRow: true, style: { theme: "TableStyleLight9", showRowStripes: true }, columns, rows });
  for (const c of spec.cells) {
    if (c.row < top || c.row > bottom || c.col < left || c.col > right) continue;
    const st = c.style ? spec.styles[c.style] : undefined;
    if (st) applyStyle(ws.getCell(c.row + 1, c.col + 1), st);
  }
}

/** An .xlsx made by ExcelJS from sheet specs, as a user's workbook would be (fixed dates keep files stable). */
export async function specsToXlsx(specs: readonly SheetSpec[], date?: Date): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "chosahyo";
  if (date) {
    wb.created = date;
    wb.modified = date;
  }
  for (const spec of specs) renderSheetSpec(wb.addWorksheet(spec.name), spec);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
