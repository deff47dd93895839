/**
 * The formulas of a worksheet part inside the reading window, for 回収's form comparison (docs/distribution.md):
 * each cell's formula as Excel's `Range.formulas` shows it, so a file and an open workbook compare alike. A shared
 * formula's cells get the anchor's formula moved to them (translateFormula); an array formula counts at its anchor.
 */
import { normalizeFormula, translateFormula } from "../../core/formula/refs";
import { MAX_COLS, MAX_ROWS } from "../../core/model/grid";
import { parseRef, rowIndexOf } from "./read-sheet";
import { attr, elementPrefix, findTag, tagAt, unescapeXml } from "./xml";

/** Formulas keyed "row,col" (absolute, 0-based), normalised (normalizeFormula). */
export function readSheetFormulas(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  const p = elementPrefix(xml, "worksheet") || elementPrefix(xml, "sheetData");
  const dataAt = findTag(xml, `${p}sheetData`, 0);
  if (dataAt < 0 || tagAt(xml, dataAt).selfClosing || !xml.includes(`<${p}f`, dataAt)) return out;
  const dataEnd = xml.indexOf(`</${p}sheetData>`, dataAt);
  const stop = dataEnd < 0 ? xml.length : dataEnd;
  const shared = new Map<string, { row: number; col: number; formula: string }>(); // si → anchor
  let i = dataAt + 1;
  let rowIndex = -1;
  for (;;) {
    i = findTag(xml, `${p}row`, i, stop);
    if (i < 0) break;
    const row = tagAt(xml, i);
    rowIndex = rowIndexOf(attr(row.tag, "r"), rowIndex);
    if (rowIndex >= MAX_ROWS) break;
    if (row.selfClosing) {
      i = row.end;
      continue;
    }
    const rowEnd = xml.indexOf(`</${p}row>`, row.end);
    const rowStop = rowEnd < 0 ? stop : rowEnd;
    let j = row.end;
    let colIndex = -1;
    for (;;) {
      j = findTag(xml, `${p}c`, j, rowStop);
      if (j < 0) break;
      const c = tagAt(xml, j);
      const ref = attr(c.tag, "r");
      const pos = ref ? parseRef(ref) : undefined;
      colIndex = pos ? pos.col : colIndex + 1;
      const at = { row: pos ? pos.row : rowIndex, col: colIndex };
      if (c.selfClosing) {
        j = c.end;
        continue;
      }
      const cEnd = xml.indexOf(`</${p}c>`, c.end);
      const cStop = cEnd < 0 ? rowStop : cEnd;
      j = cStop;
      if (colIndex >= MAX_COLS) continue;
      const fAt = findTag(xml, `${p}f`, c.end, cStop);
      if (fAt < 0) continue;
      const f = tagAt(xml, fAt);
      const text = f.selfClosing ? "" : unescapeXml(xml.slice(f.end, Math.max(f.end, xml.indexOf(`</${p}f>`, f.end))));
      const si = attr(f.tag, "si");
      let formula = text;
      if (attr(f.tag, "t") === "shared" && si !== undefined) {
        const anchor = shared.get(si);
        if (text && (!anchor || attr(f.tag, "ref"))) shared.set(si, { row: at.row, col: at.col, formula: text });
        else if (anchor) formula = translateFormula(anchor.formula, at.row - anchor.row, at.col - anchor.col);
      }
      if (formula) out.set(`${at.row},${at.col}`, normalizeFormula(formula));
    }
    i = rowStop;
  }
  return out;
}

