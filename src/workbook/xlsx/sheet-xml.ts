/**
 * Renders a SheetSpec as a SpreadsheetML worksheet part (and its table parts), with the same features as the
 * ExcelJS renderer (render.ts). Pure string work: it runs in the browser too.
 *
 * Text is written as an inline string, never as a formula: `=HYPERLINK(…)`, `+1`, `@SUM(A1)` stay text.
 */
import { absoluteA1, quoteSheetName, rangeToA1, toA1 } from "../../core/model/address";
import type { CellRange } from "../../core/model/address";
import type { CellStyle, SheetSpec, SpecCell, SpecValue } from "../../core/sheet-spec";
import { freeTableName, tableColumnNames } from "../table-names";
import type { StylesAmender } from "./styles-xml";
import { attr, plainText, xstringAttr, xstringText } from "./xml-text";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_DECL = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

export interface RenderedTable {
  readonly id: number;
  readonly name: string;
  readonly ref: string;
  readonly relId: string;
  readonly xml: string;
}

export interface RenderedSheet {
  /** The worksheet part. */
  readonly xml: string;
  /** Table parts the caller adds (the sheet XML already has <tableParts> naming relId). */
  readonly tables: readonly RenderedTable[];
  /** e.g. "$1:$3", for the caller to store as _xlnm.Print_Titles (localSheetId). */
  readonly printTitles?: string;
  /** With `tablesAsFilter`: the sheet's filter, e.g. "$A$5:$G$40", for the caller to store as _xlnm._FilterDatabase. */
  readonly filter?: string;
}

export interface RenderSheetOptions {
  /** Table names and defined names already in the workbook (compared case-insensitively). */
  readonly takenTableNames: readonly string[];
  /** First free table id in the workbook. */
  readonly nextTableId: number;
  readonly tabSelected?: boolean;
  /**
   * A legacy shared workbook (共有ブック) holds no tables: Excel refuses to share a workbook that has one. The first
   * table becomes the sheet's filter on the same cells instead, which a shared workbook may have.
   */
  readonly tablesAsFilter?: boolean;
}

interface OutCell {
  readonly row: number;
  readonly col: number;
  value: SpecValue;
  style?: CellStyle;
  link?: SpecCell["link"];
}

function argb(hex: string): string {
  return "FF" + hex.replace(/^#/, "").toUpperCase();
}

/** A number as xsd:double text, full precision. */
function numberText(n: number): string {
  return Object.is(n, -0) ? "0" : String(n);
}

function cellXml(c: OutCell, s: number): string {
  const ref = toA1(c.row, c.col);
  const sAttr = s ? ` s="${s}"` : "";
  const v = c.value;
  switch (v.t) {
    case "text":
      return `<c r="${ref}"${sAttr} t="inlineStr"><is><t xml:space="preserve">${xstringText(v.v)}</t></is></c>`;
    case "number":
      // NaN and ±Infinity have no place in <v>: they are written as the text a reader would show.
      return Number.isFinite(v.v)
        ? `<c r="${ref}"${sAttr}><v>${numberText(v.v)}</v></c>`
        : `<c r="${ref}"${sAttr} t="inlineStr"><is><t>${String(v.v)}</t></is></c>`;
    case "bool":
      return `<c r="${ref}"${sAttr} t="b"><v>${v.v ? 1 : 0}</v></c>`;
    case "formula": {
      const f = `<f>${plainText(v.f.replace(/^=/, ""))}</f>`;
      if (typeof v.cached === "string") return `<c r="${ref}"${sAttr} t="str">${f}<v>${xstringText(v.cached)}</v></c>`;
      if (typeof v.cached === "number" && Number.isFinite(v.cached)) return `<c r="${ref}"${sAttr}>${f}<v>${numberText(v.cached)}</v></c>`;
      return `<c r="${ref}"${sAttr}>${f}</c>`;
    }
    case "empty":
      return s ? `<c r="${ref}"${sAttr}/>` : "";
  }
}

/** A header cell's text, as a table column name is taken from it (as render.ts reads it back from ExcelJS). */
function labelOf(v: SpecValue | undefined): string {
  if (!v) return "";
  if (v.t === "text" || v.t === "number" || v.t === "bool") return String(v.v);
  return "";
}

/** A list formula: `"a,b,c"`, with `"` doubled inside the literal. */
function listFormula(list: readonly string[]): string {
  return `"${list.join(",").replace(/"/g, '""')}"`;
}

export function renderSheetXml(spec: SheetSpec, styles: StylesAmender, opts: RenderSheetOptions): RenderedSheet {
  // The cells as written: a later cell at the same address wins, as it would on a worksheet.
  const cells = new Map<string, OutCell>();
  const key = (r: number, c: number) => `${r},${c}`;
  const styleOf = (name: string | undefined) => (name ? spec.styles[name] : undefined);
  for (const c of spec.cells) {
    cells.set(key(c.row, c.col), { row: c.row, col: c.col, value: c.value, style: styleOf(c.style), link: c.link });
  }
  const cellAt = (r: number, c: number): OutCell => {
    let cell = cells.get(key(r, c));
    if (!cell) cells.set(key(r, c), (cell = { row: r, col: c, value: { t: "empty" } }));
    return cell;
  };

  // No chart is drawn here: say so where the sheet states its basis, rather than dropping the chart silently.
  if (spec.charts?.length && spec.basisCell) {
    const cell = cellAt(spec.basisCell.row, spec.basisCell.col);
    const current = cell.value.t === "text" ? cell.value.v : "";
    cell.value = { t: "text", v: current + spec.charts[0].unsupportedNote };
  }

  // Every cell of a merge styled like its top-left, so borders close around merged areas.
  for (const m of spec.merges) {
    const anchor = spec.cells.find((c) => c.row === m.top && c.col === m.left);
    const st = styleOf(anchor?.style);
    if (!st) continue;
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) cellAt(r, c).style = st;
  }

  // Tables: header cells hold exactly the column names (Excel requires text headers equal to the names).
  const tables: RenderedTable[] = [];
  const taken = [...opts.takenTableNames];
  const first = spec.tables?.[0];
  const filter = opts.tablesAsFilter && first ? rangeToA1(first.range) : undefined;
  for (const t of opts.tablesAsFilter ? [] : (spec.tables ?? [])) {
    const { top, left, right } = t.range;
    // A table needs a data row below its header: an empty one when the spec has none (as Excel adds one).
    const bottom = Math.max(t.range.bottom, top + 1);
    const labels: string[] = [];
    for (let c = left; c <= right; c++) labels.push(labelOf(cells.get(key(top, c))?.value));
    const names = tableColumnNames(labels);
    names.forEach((name, i) => {
      const cell = cellAt(top, left + i);
      if (!(cell.value.t === "text" && cell.value.v === name)) cell.value = { t: "text", v: name };
    });
    const name = freeTableName(t.name, taken);
    taken.push(name);
    const id = opts.nextTableId + tables.length;
    const ref = rangeToA1({ top, left, bottom, right });
    const xml =
      XML_DECL +
      `<table xmlns="${MAIN_NS}" id="${id}" name="${attr(name)}" displayName="${attr(name)}" ref="${ref}" totalsRowShown="0">` +
      `<autoFilter ref="${ref}"/>` +
      `<tableColumns count="${names.length}">${names.map((n, i) => `<tableColumn id="${i + 1}" name="${xstringAttr(n)}"/>`).join("")}</tableColumns>` +
      `<tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
      `</table>`;
    tables.push({ id, name, ref, relId: `rId${tables.length + 1}`, xml });
  }

  // Rows ascending, cells ascending; a row with a custom height is written even when it holds no cell.
  const rows = new Map<number, OutCell[]>();
  for (const c of cells.values()) {
    if (c.value.t === "empty" && !c.style) continue;
    let row = rows.get(c.row);
    if (!row) rows.set(c.row, (row = []));
    row.push(c);
  }
  const heights = new Map<number, number>();
  for (const [r, h] of Object.entries(spec.rowHeights ?? {})) {
    heights.set(Number(r), h);
    if (!rows.has(Number(r))) rows.set(Number(r), []);
  }
  const rowNumbers = [...rows.keys()].sort((a, b) => a - b);
  const sheetData: string[] = [];
  let extent: CellRange | undefined;
  for (const r of rowNumbers) {
    const row = rows.get(r)!.sort((a, b) => a.col - b.col);
    const h = heights.get(r);
    const parts: string[] = [];
    for (const c of row) {
      parts.push(cellXml(c, c.style ? styles.xf(c.style) : 0));
      extent = extent
        ? { top: Math.min(extent.top, c.row), left: Math.min(extent.left, c.col), bottom: Math.max(extent.bottom, c.row), right: Math.max(extent.right, c.col) }
        : { top: c.row, left: c.col, bottom: c.row, right: c.col };
    }
    const hAttr = h !== undefined ? ` ht="${numberText(h)}" customHeight="1"` : "";
    sheetData.push(parts.length ? `<row r="${r + 1}"${hAttr}>${parts.join("")}</row>` : `<row r="${r + 1}"${hAttr}/>`);
  }

  const out: string[] = [XML_DECL, `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`];

  const print = spec.print;
  if (spec.tabColor || print?.fitToWidth) {
    out.push(
      `<sheetPr>${spec.tabColor ? `<tabColor rgb="${argb(spec.tabColor)}"/>` : ""}${print?.fitToWidth ? `<pageSetUpPr fitToPage="1"/>` : ""}</sheetPr>`,
    );
  }
  out.push(`<dimension ref="${extent ? rangeToA1(extent) : "A1"}"/>`);

  const tab = opts.tabSelected ? ` tabSelected="1"` : "";
  const fr = spec.freeze && (spec.freeze.rows > 0 || spec.freeze.cols > 0) ? spec.freeze : undefined;
  if (fr) {
    const topLeft = toA1(fr.rows, fr.cols);
    const pane = fr.rows > 0 && fr.cols > 0 ? "bottomRight" : fr.rows > 0 ? "bottomLeft" : "topRight";
    const split = `${fr.cols > 0 ? ` xSplit="${fr.cols}"` : ""}${fr.rows > 0 ? ` ySplit="${fr.rows}"` : ""}`;
    out.push(
      `<sheetViews><sheetView${tab} workbookViewId="0">` +
        `<pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
        `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>` +
        `</sheetView></sheetViews>`,
    );
  } else out.push(`<sheetViews><sheetView${tab} workbookViewId="0"/></sheetViews>`);
  out.push(`<sheetFormatPr defaultRowHeight="15"/>`);

  const widths = spec.columnWidths ?? [];
  if (widths.length) {
    const cols: string[] = [];
    for (let i = 0; i < widths.length; ) {
      let j = i;
      while (j + 1 < widths.length && widths[j + 1] === widths[i]) j++;
      if (Number.isFinite(widths[i]) && widths[i] >= 0) cols.push(`<col min="${i + 1}" max="${j + 1}" width="${numberText(widths[i])}" customWidth="1"/>`);
      i = j + 1;
    }
    if (cols.length) out.push(`<cols>${cols.join("")}</cols>`);
  }

  out.push(sheetData.length ? `<sheetData>${sheetData.join("")}</sheetData>` : `<sheetData/>`);
  if (filter) out.push(`<autoFilter ref="${filter}"/>`);

  if (spec.merges.length) {
    out.push(`<mergeCells count="${spec.merges.length}">${spec.merges.map((m) => `<mergeCell ref="${rangeToA1(m)}"/>`).join("")}</mergeCells>`);
  }

  const validations = spec.validations ?? [];
  if (validations.length) {
    const dvs = validations.map((v) => {
      const a = [
        `type="list"`,
        `allowBlank="1"`,
        v.prompt ? `showInputMessage="1"` : "",
        `showErrorMessage="1"`,
        v.errorTitle ? `errorTitle="${xstringAttr(v.errorTitle)}"` : "",
        v.error ? `error="${xstringAttr(v.error)}"` : "",
        v.prompt ? `prompt="${xstringAttr(v.prompt)}"` : "",
        `sqref="${rangeToA1(v.range)}"`,
      ].filter(Boolean);
      return `<dataValidation ${a.join(" ")}><formula1>${plainText(listFormula(v.list))}</formula1></dataValidation>`;
    });
    out.push(`<dataValidations count="${dvs.length}">${dvs.join("")}</dataValidations>`);
  }

  const links = [...cells.values()]
    .filter((c) => c.link && c.value.t === "text")
    .sort((a, b) => a.row - b.row || a.col - b.col)
    .map((c) => {
      const location = `${quoteSheetName(c.link!.sheet)}!${c.link!.cell}`;
      const display = c.value.t === "text" ? c.value.v : "";
      return `<hyperlink ref="${toA1(c.row, c.col)}" location="${attr(location)}" display="${xstringAttr(display)}"/>`;
    });
  if (links.length) out.push(`<hyperlinks>${links.join("")}</hyperlinks>`);

  out.push(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`);
  if (print) {
    const fit = print.fitToWidth ? ` fitToWidth="1" fitToHeight="0"` : "";
    out.push(`<pageSetup paperSize="9"${fit} orientation="${print.orientation}"/>`);
    if (print.footer) out.push(`<headerFooter><oddFooter>${xstringText(print.footer)}</oddFooter></headerFooter>`);
  }

  if (tables.length) {
    out.push(`<tableParts count="${tables.length}">${tables.map((t) => `<tablePart r:id="${t.relId}"/>`).join("")}</tableParts>`);
  }
  out.push(`</worksheet>`);

  const printTitles = print?.repeatRows ? `$${print.repeatRows.top + 1}:$${print.repeatRows.bottom + 1}` : undefined;
  return { xml: out.join(""), tables, ...(printTitles ? { printTitles } : {}), ...(filter ? { filter: absoluteA1(filter) } : {}) };
}
