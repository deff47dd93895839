/**
 * The order ECMA-376's schema gives the children of the SpreadsheetML elements a writer of this project touches, for
 * the tests. Excel refuses (offers to repair) a part whose children are out of the schema's sequence or unknown in
 * its own namespace, while LibreOffice reads it without a word, so a LibreOffice round trip cannot catch it. Only
 * elements of the main namespace are placed; others (mc:AlternateContent, x14ac:…) are left to their own rules.
 * Rows must also come in ascending order, cells in ascending columns within their row, column ranges ascending and
 * apart, and merged ranges apart.
 */
import { DOMParser } from "@xmldom/xmldom";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** Each element's children in their schema order (a name listed once may repeat where the schema allows). */
const SEQUENCES: Record<string, readonly string[]> = {
  worksheet: [
    "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges",
    "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
    "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties",
    "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects",
    "controls", "webPublishItems", "tableParts", "extLst",
  ],
  workbook: [
    "fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets", "functionGroups", "externalReferences",
    "definedNames", "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing",
    "fileRecoveryPr", "webPublishObjects", "extLst",
  ],
  styleSheet: ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"],
  table: ["autoFilter", "sortState", "tableColumns", "tableStyleInfo", "extLst"],
  tableColumn: ["calculatedColumnFormula", "totalsRowFormula", "xmlColumnPr", "extLst"],
  sheetPr: ["tabColor", "outlinePr", "pageSetUpPr"],
  sheetViews: ["sheetView", "extLst"],
  sheetView: ["pane", "selection", "pivotSelection", "extLst"],
  cols: ["col"],
  sheetData: ["row"],
  row: ["c", "extLst"],
  c: ["f", "v", "is", "extLst"],
  is: ["t", "r", "rPh", "phoneticPr"],
  si: ["t", "r", "rPh", "phoneticPr"],
  r: ["rPr", "t"],
  rPh: ["t"],
  mergeCells: ["mergeCell"],
  conditionalFormatting: ["cfRule", "extLst"],
  cfRule: ["formula", "colorScale", "dataBar", "iconSet", "extLst"],
  colorScale: ["cfvo", "color"],
  dataBar: ["cfvo", "color"],
  iconSet: ["cfvo"],
  dataValidations: ["dataValidation"],
  dataValidation: ["formula1", "formula2"],
  hyperlinks: ["hyperlink"],
  headerFooter: ["oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter"],
  autoFilter: ["filterColumn", "sortState", "extLst"],
  tableParts: ["tablePart"],
  sheets: ["sheet"],
  definedNames: ["definedName"],
  bookViews: ["workbookView"],
  numFmts: ["numFmt"],
  fonts: ["font"],
  fills: ["fill"],
  borders: ["border"],
  // Transitional allows start/end beside left/right; Excel writes left, right, top, bottom, diagonal.
  border: ["start", "left", "end", "right", "top", "bottom", "diagonal", "vertical", "horizontal"],
  patternFill: ["fgColor", "bgColor"],
  cellStyleXfs: ["xf"],
  cellXfs: ["xf"],
  xf: ["alignment", "protection", "extLst"],
  cellStyles: ["cellStyle"],
  dxfs: ["dxf"],
  dxf: ["font", "numFmt", "fill", "alignment", "border", "protection", "extLst"],
  tableColumns: ["tableColumn"],
};

interface Node {
  readonly nodeType: number;
  readonly localName: string | null;
  readonly namespaceURI: string | null;
  readonly childNodes: ArrayLike<Node>;
  getAttribute(name: string): string | null;
}

const colNumber = (ref: string) => [...(/^[A-Z]+/.exec(ref)?.[0] ?? "")].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

function rangeBox(ref: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref);
  if (!m) return undefined;
  const [left, top] = [colNumber(m[1]), Number(m[2])];
  return { top, left, bottom: m[4] ? Number(m[4]) : top, right: m[3] ? colNumber(m[3]) : left };
}

/** The places in one XML part where Excel's schema order is broken, one line each (at most `limit`). */
export function schemaOrderProblems(part: string, xml: string, limit = 20): string[] {
  const out: string[] = [];
  const doc = new DOMParser({ onError: () => undefined }).parseFromString(xml, "text/xml") as unknown as { documentElement: Node | null };
  const walk = (el: Node, path: string) => {
    if (out.length >= limit) return;
    const kids = Array.from(el.childNodes).filter((n) => n.nodeType === 1);
    const seq = el.namespaceURI === MAIN ? SEQUENCES[el.localName ?? ""] : undefined;
    if (seq) {
      let at = -1;
      let previous = "";
      for (const k of kids) {
        if (k.namespaceURI !== MAIN) continue;
        const i = seq.indexOf(k.localName ?? "");
        if (i < 0) out.push(`${part}: <${k.localName}> is not a child of <${el.localName}> (${path})`);
        else if (i < at) out.push(`${part}: <${k.localName}> after <${previous}> in <${el.localName}> (${path})`);
        else [at, previous] = [i, k.localName ?? ""];
      }
    }
    if (el.namespaceURI === MAIN && el.localName === "sheetData") {
      let lastRow = 0;
      for (const row of kids) {
        const r = Number(row.getAttribute("r") ?? lastRow + 1);
        if (r <= lastRow) out.push(`${part}: row ${r} after row ${lastRow}`);
        lastRow = r;
        let lastCol = 0;
        for (const c of Array.from(row.childNodes).filter((n) => n.nodeType === 1 && n.localName === "c")) {
          const ref = c.getAttribute("r");
          const col = ref ? colNumber(ref) : lastCol + 1;
          if (ref && Number(/\d+$/.exec(ref)?.[0]) !== r) out.push(`${part}: cell ${ref} in row ${r}`);
          if (col <= lastCol) out.push(`${part}: cell ${ref} after column ${lastCol} in row ${r}`);
          lastCol = col;
        }
      }
    }
    if (el.namespaceURI === MAIN && el.localName === "cols") {
      // Column ranges ascending and apart: Excel repairs a sheet whose <col> ranges overlap.
      let lastMax = 0;
      for (const col of kids) {
        const [min, max] = [Number(col.getAttribute("min")), Number(col.getAttribute("max"))];
        if (!(min >= 1 && max >= min && max <= 16384)) out.push(`${part}: <col min="${min}" max="${max}">`);
        else if (min <= lastMax) out.push(`${part}: <col min="${min}"> overlaps the column range before it (to ${lastMax})`);
        lastMax = Math.max(lastMax, max);
      }
    }
    if (el.namespaceURI === MAIN && el.localName === "mergeCells") {
      // Merged ranges apart: Excel repairs a sheet with two merges over one cell.
      const boxes = kids.map((m) => m.getAttribute("ref") ?? "").map((ref) => ({ ref, box: rangeBox(ref) }));
      for (let i = 0; i < boxes.length && out.length < limit; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i].box, boxes[j].box];
          if (a && b && a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right) out.push(`${part}: merges ${boxes[i].ref} and ${boxes[j].ref} overlap`);
        }
    }
    for (const k of kids) walk(k, `${path}/${k.localName}`);
  };
  if (doc.documentElement) walk(doc.documentElement, doc.documentElement.localName ?? "");
  return out;
}
