/**
 * @jest-environment node
 *
 * copySheetXml (folder mode: a submitted sheet copied into a new package) checked against ExcelJS as the oracle:
 * the copy reads back with the source's values, formulas (shared ones expanded as ExcelJS translates them), merges,
 * widths, heights, validations, print setup and cell formats; LibreOffice opens it and shows what it shows for the
 * source. Sources: seeds/kodaira-h29.xlsx (59 sheets written by ExcelJS), the same saved by LibreOffice, and a
 * workbook from Apache POI's test data with shared formulas (copy-sheet/README.md).
 */
import { DOMParser, type Element as XElement } from "@xmldom/xmldom";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { readSheetEntries, relKind, SharedStrings, workbookPart } from "../../src/workbook/xlsx/book";
import { translateFormulaExact } from "../../src/core/formula/refs";
import { copySheetXml } from "../../src/workbook/xlsx/copy-sheet";
import { Package } from "../../src/workbook/xlsx/package";
import { StylesAmender } from "../../src/workbook/xlsx/styles-xml";
import { ROOT } from "../helpers/grid";
import { convert, CSV_ALL_SHEETS, libreOfficeAvailable, libreOfficeProfile, readCsv } from "../helpers/libreoffice";

jest.setTimeout(300_000);

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

const lo = libreOfficeAvailable();

// ---- packages ----

interface SourceBook {
  readonly sheets: { name: string; xml: string }[];
  readonly sharedString: (i: number) => string;
  readonly stylesXml: string | undefined;
}

function openSource(bytes: Uint8Array): SourceBook {
  const pkg = Package.open(bytes);
  const wb = workbookPart(pkg);
  const strings = SharedStrings.of(pkg, wb);
  const stylesRel = pkg.rels(wb).find((r) => relKind(r) === "styles");
  const sheets = readSheetEntries(pkg, wb)
    .filter((e) => e.kind === "worksheet" && e.part)
    .map((e) => ({ name: e.name, xml: pkg.text(e.part!)! }));
  return { sheets, sharedString: (i) => strings.get(i), stylesXml: stylesRel ? pkg.text(stylesRel.target) : undefined };
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A minimal package around copied worksheet parts (fflate; no product writer involved). */
function targetPackage(sheets: readonly { name: string; xml: string }[], stylesXml: string): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const overrides: string[] = [];
  const entries: string[] = [];
  const rels: string[] = [];
  sheets.forEach((s, i) => {
    const n = i + 1;
    files[`xl/worksheets/sheet${n}.xml`] = strToU8(s.xml);
    overrides.push(`<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
    entries.push(`<sheet name="${esc(s.name)}" sheetId="${n}" r:id="rId${n}"/>`);
    rels.push(`<Relationship Id="rId${n}" Type="${REL}/worksheet" Target="worksheets/sheet${n}.xml"/>`);
  });
  rels.push(`<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/>`);
  files["xl/styles.xml"] = strToU8(stylesXml);
  files["[Content_Types].xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${overrides.join("")}</Types>`,
  );
  files["_rels/.rels"] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  files["xl/workbook.xml"] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>${entries.join("")}</sheets></workbook>`);
  files["xl/_rels/workbook.xml.rels"] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${rels.join("")}</Relationships>`);
  return zipSync(files);
}

/** Every worksheet of `src` copied into a new package whose styles start as `targetStyles` (undefined: none). */
function copyAll(src: SourceBook, targetStyles?: string): { bytes: Uint8Array; copies: { name: string; xml: string; dropped: string[] }[] } {
  const styles = new StylesAmender(targetStyles);
  const copies = src.sheets.map((s) => ({ name: s.name, ...copySheetXml({ xml: s.xml, sharedString: src.sharedString, stylesXml: src.stylesXml }, styles) }));
  return { bytes: targetPackage(copies, styles.toXml()), copies };
}

async function exceljs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

function parseXml(xml: string): XElement {
  const doc = new DOMParser({
    onError: (level, msg) => {
      if (level !== "warning") throw new Error(msg);
    },
  }).parseFromString(xml, "text/xml");
  return doc.documentElement as unknown as XElement;
}

function kids(el: XElement): XElement[] {
  const out: XElement[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as unknown as XElement);
  return out;
}

// ---- what a user sees, through ExcelJS ----

const VT = ExcelJS.ValueType;

function plain(v: unknown): unknown {
  if (v && typeof v === "object" && Array.isArray((v as { richText?: unknown }).richText)) return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join("");
  return v;
}

/** A cell as a user sees it: its value (or formula and result), and its format. */
function cellView(cell: ExcelJS.Cell): { value: unknown; style: unknown } {
  const value = cell.type === VT.Formula ? { formula: cell.formula, result: plain(cell.result) } : cell.type === VT.Merge ? "(merged)" : plain(cell.value);
  const st = cell.style ?? {};
  // "General" as a custom code (LibreOffice writes one) and the built-in General are the same format.
  const numFmt = st.numFmt === "General" ? undefined : st.numFmt;
  return { value, style: JSON.parse(JSON.stringify({ font: st.font, fill: st.fill, border: st.border, numFmt, alignment: st.alignment, protection: st.protection })) };
}

interface SheetView {
  cells: Record<string, { value: unknown; style: unknown }>;
  merges: string[];
  widths: (number | undefined)[];
  heights: Record<number, number | undefined>;
  hiddenRows: number[];
  validations: unknown;
  pageSetup: unknown;
  margins: unknown;
  views: unknown;
  conditional: unknown;
  properties: unknown;
}

function sheetView(ws: ExcelJS.Worksheet, styledOnly: Set<string> | undefined): SheetView {
  const cells: SheetView["cells"] = {};
  const heights: SheetView["heights"] = {};
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.height) heights[r] = row.height;
    if (row.hidden) hiddenRows.push(r);
    row.eachCell({ includeEmpty: true }, (cell) => {
      const v = cellView(cell);
      // A cell without a format of its own shows the workbook's default one, which differs between books.
      cells[cell.address] = styledOnly && !styledOnly.has(cell.address) ? { value: v.value, style: "(default)" } : v;
    });
  });
  const model = ws.model as unknown as { merges: string[] };
  const setup = { ...ws.pageSetup } as Record<string, unknown>;
  delete setup.margins;
  return {
    cells,
    merges: [...model.merges].sort(),
    widths: (ws.columns ?? []).map((c) => c.width),
    heights,
    hiddenRows,
    validations: JSON.parse(JSON.stringify((ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model)),
    pageSetup: JSON.parse(JSON.stringify(setup)),
    margins: JSON.parse(JSON.stringify(ws.pageSetup.margins ?? null)),
    views: JSON.parse(JSON.stringify(ws.views ?? [])),
    conditional: JSON.parse(JSON.stringify((ws as unknown as { conditionalFormattings: unknown }).conditionalFormattings ?? [])),
    properties: JSON.parse(JSON.stringify(ws.properties)),
  };
}

/** Addresses of the cells that carry a non-default format (`s` other than 0) in a worksheet part. */
function styledCells(xml: string): Set<string> {
  const out = new Set<string>();
  for (const m of xml.matchAll(/<(?:\w+:)?c\s[^>]*>/g)) {
    const r = /\sr="([A-Z]+\d+)"/.exec(m[0]);
    const s = /\ss="(\d+)"/.exec(m[0]);
    if (r && s && s[1] !== "0") out.add(r[1]);
  }
  return out;
}

async function expectSameAsSource(srcBytes: Uint8Array, src: SourceBook, bytes: Uint8Array): Promise<void> {
  const [a, b] = await Promise.all([exceljs(srcBytes), exceljs(bytes)]);
  expect(b.worksheets.map((w) => w.name)).toEqual(src.sheets.map((s) => s.name));
  let formulas = 0;
  let styled = 0;
  for (const s of src.sheets) {
    const styledOnly = styledCells(s.xml);
    const want = sheetView(a.getWorksheet(s.name)!, styledOnly);
    const got = sheetView(b.getWorksheet(s.name)!, styledOnly);
    // tabSelected is dropped on purpose (only the first sheet of the new book is selected).
    for (const v of [want.views, got.views] as { tabSelected?: unknown }[][]) for (const x of v) delete x.tabSelected;
    expect([s.name, got]).toEqual([s.name, want]);
    formulas += Object.values(want.cells).filter((c) => c.value && typeof c.value === "object" && "formula" in c.value).length;
    styled += styledOnly.size;
  }
  expect(styled).toBeGreaterThan(0);
  if (src.sheets.some((s) => /<(\w+:)?f[\s>]/.test(s.xml))) expect(formulas).toBeGreaterThan(0);
}

// ---- the sources ----

const SEED = path.join(ROOT, "seeds", "kodaira-h29.xlsx");
const SHARED = path.join(__dirname, "copy-sheet", "shared-formulas.xlsx");

describe("translateFormulaExact: 共有数式を各セルの式に展開する", () => {
  test.each([
    ["CONCATENATE(B2,$E2, \" \", $F$24)", 1, 1, "CONCATENATE(C3,$E3, \" \", $F$24)"],
    ["SUM(A:A)+SUM($B:C)+SUM(2:$3)", 2, 1, "SUM(B:B)+SUM($B:D)+SUM(4:$3)"],
    ["Sheet2!A1+'My Sheet'!B$2+'it''s'!C3", 1, 0, "Sheet2!A2+'My Sheet'!B$2+'it''s'!C4"],
    ['"A1"&LOG10(A1)&ATAN2(B1,C1)', 3, 0, '"A1"&LOG10(A4)&ATAN2(B4,C4)'],
    ["IF(#REF!>0,A1:B2,#N/A)", 0, 2, "IF(#REF!>0,C1:D2,#N/A)"],
    ["_xlfn.CONCAT(A1,売上1,ZZZZ1)*1E+5", 1, 1, "_xlfn.CONCAT(B2,売上1,ZZZZ1)*1E+5"],
    ["A1\n+ B1", 1, 0, "A2\n+ B2"],
  ])("%s を (%i 行, %i 列) ずらすと %s", (f, dr, dc, want) => {
    expect(translateFormulaExact(f, dr, dc)).toBe(want);
  });

  test.each([["Table1[Col]"], ["[1]Sheet1!A1"], ["'[2]Other book'!A1"], ["SUM(Table1[[#This Row],[A]])"], ["A1048576"], ['"unterminated']])(
    "%s は安全にずらせない（undefined）",
    (f) => {
      expect(translateFormulaExact(f, 1, 0)).toBeUndefined();
    },
  );

  test("ExcelJS の共有数式の展開と一致する（相対・絶対・複合参照）", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { slideFormula } = require("exceljs/lib/utils/shared-formula") as { slideFormula: (f: string, from: string, to: string) => string };
    const f = "SUM($A1:B$2)*C3+$D$4-Sheet2!E5";
    for (const [to, dr, dc] of [["B2", 1, 1], ["F9", 8, 5], ["A30", 29, 0]] as const) expect(translateFormulaExact(f, dr, dc)).toBe(slideFormula(f, "A1", to));
  });
});

describe("StylesAmender.importXf / importDxf", () => {
  const seedStyles = () => openSource(readFileSync(SEED)).stylesXml!;

  test("同じ書式は一度だけ足され、同じ元からの二度目は同じ番号、既存のレコードはそのまま", () => {
    const src = seedStyles();
    const amender = new StylesAmender(undefined);
    const first = [1, 2, 3, 1, 0].map((i) => amender.importXf(src, i));
    expect(first[3]).toBe(first[0]);
    expect(new Set(first.slice(0, 3)).size).toBe(3);
    // Another copy of the same styles.xml (a second submission from the same template) maps to the same records.
    const again = [1, 2, 3].map((i) => amender.importXf((" " + src).slice(1), i));
    expect(again).toEqual(first.slice(0, 3));
    const out = amender.toXml();
    parseXml(out);
    const xfs = /<cellXfs count="(\d+)">/.exec(out)!;
    expect(Number(xfs[1])).toBe(1 + new Set(first).size);
  });

  test("接頭辞 x: の styles.xml から接頭辞なしへ（AlternateContent に包まれたフォントも）", () => {
    const src = readFileSync(path.join(__dirname, "sheet-xml", "styles", "poi-style-alternate-content-styles.xml"), "utf8");
    const amender = new StylesAmender(undefined);
    const n = (src.match(/<x:xf /g) ?? []).length;
    const ids = Array.from({ length: Math.min(n, 40) }, (_, i) => amender.importXf(src, i));
    const out = amender.toXml();
    const root = parseXml(out);
    expect(out).not.toMatch(/<x:|hs:/);
    const fonts = kids(kids(root).find((k) => k.localName === "fonts")!);
    const cellXfs = kids(kids(root).find((k) => k.localName === "cellXfs")!);
    for (const id of ids) {
      const xf = cellXfs[id];
      expect(Number(xf.getAttribute("fontId"))).toBeLessThan(fonts.length);
      for (const k of kids(xf)) expect(k.namespaceURI).toBe(MAIN);
    }
  });

  test("条件付き書式の dxf は写し、表示形式は写し先の番号で", () => {
    const src = `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="170" formatCode="0.0&quot;件&quot;"/></numFmts><dxfs count="2"><dxf><font><b/></font></dxf><dxf><numFmt numFmtId="170" formatCode="0.0&quot;件&quot;"/><fill><patternFill><bgColor rgb="FFFF0000"/></patternFill></fill><extLst><ext uri="{x}"/></extLst></dxf></dxfs></styleSheet>`;
    const amender = new StylesAmender(undefined);
    expect(amender.importDxf(src, 1)).toBe(0);
    expect(amender.importDxf(src, 0)).toBe(1);
    expect(amender.importDxf(src, 7)).toBeUndefined();
    const out = amender.toXml();
    parseXml(out);
    expect(out).toContain(`<dxfs count="2"><dxf><numFmt numFmtId="164" formatCode="0.0&quot;件&quot;"/><fill>`);
    expect(out).toContain(`<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0&quot;件&quot;"/></numFmts>`);
    expect(out).not.toContain("extLst");
  });
});

describe("copySheetXml: 写したシートは ExcelJS で元と同じに見える", () => {
  test("seeds/kodaira-h29.xlsx の 59 シートを新しいブックへ", async () => {
    const bytes = readFileSync(SEED);
    const src = openSource(bytes);
    expect(src.sheets.length).toBe(59);
    const out = copyAll(src);
    for (const c of out.copies) expect([c.name, c.dropped]).toEqual([c.name, []]);
    await expectSameAsSource(bytes, src, out.bytes);
  });

  test("既に書式のあるブックへ写しても（別の見本の styles.xml）", async () => {
    const bytes = readFileSync(SEED);
    const src = openSource(bytes);
    const other = openSource(readFileSync(path.join(ROOT, "seeds", "mitaka-2021.xlsx"))).stylesXml;
    await expectSameAsSource(bytes, src, copyAll(src, other).bytes);
  });

  test("共有数式は各セルの式になり（$ 付きは動かない）、値と書式も元どおり", async () => {
    const bytes = readFileSync(SHARED);
    const src = openSource(bytes);
    const out = copyAll(src);
    const xml = out.copies[0].xml;
    expect(xml).not.toContain('t="shared"');
    expect(xml).toContain("<f>CONCATENATE(C3,$E3, &quot; &quot;, $F$24)</f>");
    expect(out.copies[0].dropped).toEqual([]);
    await expectSameAsSource(bytes, src, out.bytes);
  });
});

// ---- a handmade sheet with everything that must go or change ----

const HANDMADE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetPr codeName="Sheet1"><tabColor rgb="FFFF0000"/><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:C4"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/><pivotSelection r:id="rId9"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="1" width="20" style="1" customWidth="1"/></cols><sheetData>
<row r="1" s="1" customFormat="1" ht="30" customHeight="1"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" s="1"/></row>
<row r="2"><c r="A2"><f>Table1[[#This Row],[x]]</f><v>5</v></c><c r="B2" t="str"><f>[1]Other!A1</f><v>外部 &amp; 値</v></c><c r="C2" cm="1"><f t="array" ref="C2">SUM(A1:A2*2)</f><v>10</v></c></row>
<row r="3" hidden="1"><c r="A3"><f t="shared" ref="A3:B4" si="0">A1+$B$1</f><v>1</v></c><c r="B3"><f t="shared" si="0"/><v>2</v></c><c r="C3" t="s"><v>2</v></c></row>
<row r="4"><c r="A4"><f t="shared" si="0"/><v>3</v></c><c r="B4"><f t="shared" si="0"/><v>4</v></c><c r="C4" t="inlineStr"><is><t>そのまま</t></is></c></row>
</sheetData><sheetProtection sheet="1" objects="1"/><mergeCells count="1"><mergeCell ref="B1:C1"/></mergeCells><conditionalFormatting sqref="A3:B4"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>2</formula></cfRule></conditionalFormatting><dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="C3 C5:C1048576"><formula1>"S,A,B"</formula1></dataValidation></dataValidations><hyperlinks><hyperlink ref="A1" r:id="rId1"/><hyperlink ref="B1" location="'Sheet 2'!A1" display="中へ"/></hyperlinks><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" r:id="rId2"/><headerFooter><oddFooter>&amp;P / &amp;N</oddFooter></headerFooter><drawing r:id="rId3"/><legacyDrawing r:id="rId4"/><tableParts count="1"><tablePart r:id="rId5"/></tableParts><extLst><ext uri="{A8765BA9-456A-4dab-B4F3-ACF838C121DE}"><x14:slicerList xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicer r:id="rId6"/></x14:slicerList></ext></extLst></worksheet>`;
const HANDMADE_STYLES = `<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="11"/><name val="ＭＳ Ｐゴシック"/><charset val="128"/></font><font><b/><sz val="14"/><name val="ＭＳ Ｐゴシック"/><charset val="128"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" applyFont="1"><alignment horizontal="center"/><protection locked="0"/></xf></cellXfs><dxfs count="1"><dxf><font><color rgb="FFFF0000"/></font></dxf></dxfs></styleSheet>`;
const STRINGS = ["見出し", "  前後に空白  ", "S"];

describe("copySheetXml: 関係を要る要素は落とし、落としたものを名指す", () => {
  const copy = () => {
    const styles = new StylesAmender(undefined);
    const r = copySheetXml({ xml: HANDMADE, sharedString: (i) => STRINGS[i], stylesXml: HANDMADE_STYLES }, styles);
    return { ...r, styles: styles.toXml() };
  };

  test("出力は整形式で、要素は CT_Worksheet の順、関係 ID は一つも残らない", () => {
    const { xml, dropped } = copy();
    const root = parseXml(xml);
    expect(kids(root).map((k) => k.localName)).toEqual([
      "sheetPr",
      "dimension",
      "sheetViews",
      "sheetFormatPr",
      "cols",
      "sheetData",
      "sheetProtection",
      "mergeCells",
      "conditionalFormatting",
      "dataValidations",
      "hyperlinks",
      "pageMargins",
      "pageSetup",
      "headerFooter",
    ]);
    expect(xml).not.toMatch(/r:id=|codeName|tabSelected|pivotSelection|\scm=|t="s"|t="shared"/);
    expect(dropped).toEqual(["formula A2", "formula B2", "cm", "hyperlink", "drawing", "legacyDrawing", "tableParts", "extLst"]);
  });

  test("ExcelJS で開くと、値・式・書式・結合・入力規則・内部リンク・印刷設定が見える", async () => {
    const { xml, styles } = copy();
    const wb = await exceljs(targetPackage([{ name: "写し", xml }], styles));
    const ws = wb.getWorksheet("写し")!;
    expect(ws.getCell("A1").value).toBe("見出し");
    expect(ws.getCell("B1").value).toBe("  前後に空白  ");
    expect(ws.getCell("C3").value).toBe("S");
    expect(ws.getCell("C4").value).toBe("そのまま");
    // Formulas that need the source's table or external link keep their values.
    expect(ws.getCell("A2").value).toBe(5);
    expect(ws.getCell("B2").value).toBe("外部 & 値");
    expect(ws.getCell("C2").formula).toBe("SUM(A1:A2*2)");
    expect([ws.getCell("A3").formula, ws.getCell("B3").formula, ws.getCell("A4").formula, ws.getCell("B4").formula]).toEqual(["A1+$B$1", "B1+$B$1", "A2+$B$1", "B2+$B$1"]);
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 14, name: "ＭＳ Ｐゴシック" });
    expect(ws.getCell("A1").alignment).toMatchObject({ horizontal: "center" });
    expect(ws.getCell("A1").protection).toMatchObject({ locked: false });
    // A cell without s shows the source's default font, not the new book's Calibri.
    expect(ws.getCell("B1").font).toMatchObject({ size: 11, name: "ＭＳ Ｐゴシック" });
    expect(ws.getColumn(1).width).toBe(20);
    expect(ws.getRow(1).height).toBe(30);
    expect(ws.getRow(3).hidden).toBe(true);
    expect((ws.model as unknown as { merges: string[] }).merges).toEqual(["B1:C1"]);
    expect(ws.getCell("C3").dataValidation).toMatchObject({ type: "list", formulae: ['"S,A,B"'] });
    expect(ws.getCell("B1").value).not.toHaveProperty("hyperlink");
    expect(xml).toContain(`<hyperlink ref="B1" location="'Sheet 2'!A1" display="中へ"/>`);
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: true });
    expect(ws.properties.tabColor).toEqual({ argb: "FFFF0000" });
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const cf = (ws as unknown as { conditionalFormattings: { rules: { style: unknown }[] }[] }).conditionalFormattings;
    expect(cf[0].rules[0].style).toMatchObject({ font: { color: { argb: "FFFF0000" } } });
  });

  test("styles.xml が無いブックからは書式なしで写し、条件付き書式は落とす", () => {
    const styles = new StylesAmender(undefined);
    const { xml, dropped } = copySheetXml({ xml: HANDMADE, sharedString: (i) => STRINGS[i], stylesXml: undefined }, styles);
    parseXml(xml);
    expect(xml).not.toMatch(/\ss="|\sstyle="/);
    expect(dropped).toContain("conditionalFormatting");
    expect(styles.changed).toBe(true); // the package had none: the caller adds the part anyway
  });

  test("接頭辞 x: のシートもそのまま読める形で写す", () => {
    const prefixed = HANDMADE.replace(/<(\/?)(?!\?)([A-Za-z]+)([\s>/])/g, "<$1x:$2$3").replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`);
    const styles = new StylesAmender(undefined);
    const { xml } = copySheetXml({ xml: prefixed, sharedString: (i) => STRINGS[i], stylesXml: HANDMADE_STYLES }, styles);
    const root = parseXml(xml);
    expect(kids(root).length).toBe(14);
    expect(xml).toContain(`<x:c r="B1" t="inlineStr"`);
    expect(xml).toContain(`<x:is><x:t xml:space="preserve">  前後に空白  </x:t></x:is>`);
    expect(xml).toContain(`<x:f>B2+$B$1</x:f>`);
  });
});

test("一度の走査で済む: 4 倍の大きさのシートは 4 倍前後の時間（再走査なら 16 倍）", () => {
  const sheet = (rows: number) => {
    const parts = [`<worksheet xmlns="${MAIN}"><sheetData>`];
    for (let r = 1; r <= rows; r++) {
      parts.push(`<row r="${r}"><c r="A${r}" s="1" t="s"><v>0</v></c><c r="B${r}"><v>${r}</v></c>`);
      parts.push(r === 1 ? `<c r="C1"><f t="shared" ref="C1:C${rows}" si="0">B1*2+$B$1</f><v>2</v></c></row>` : `<c r="C${r}"><f t="shared" si="0"/><v>0</v></c></row>`);
    }
    parts.push(`</sheetData><mergeCells count="1"><mergeCell ref="D1:E1"/></mergeCells></worksheet>`);
    return parts.join("");
  };
  // The fastest of several runs: other work on the machine only ever adds time.
  const time = (xml: string, runs: number) => {
    let best = Infinity;
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      copySheetXml({ xml, sharedString: () => "x", stylesXml: HANDMADE_STYLES }, new StylesAmender(undefined));
      best = Math.min(best, performance.now() - start);
    }
    return best;
  };
  const small = sheet(5_000);
  const big = sheet(20_000);
  time(small, 2); // warm up
  const ratio = time(big, 3) / time(small, 6);
  expect(ratio).toBeLessThan(8);
  const { xml } = copySheetXml({ xml: big, sharedString: () => "x", stylesXml: HANDMADE_STYLES }, new StylesAmender(undefined));
  expect(xml.includes(`<c r="C20000" s="2"><f>B20000*2+$B$1</f><v>0</v></c>`)).toBe(true);
});

// ---- LibreOffice ----

(lo ? describe : describe.skip)("LibreOffice", () => {
  let work: string;
  let profile: string;
  beforeAll(() => {
    work = mkdtempSync(path.join(os.tmpdir(), "chosahyo-copysheet-"));
    profile = libreOfficeProfile();
  });
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  });

  /** Every sheet's CSV (values; formulas recalculated by LibreOffice), by sheet name. */
  function csvs(file: string, dir: string): Map<string, string[][]> {
    const base = path.basename(file, ".xlsx");
    return new Map(convert(file, CSV_ALL_SHEETS, path.join(work, dir), profile).map((f) => [path.basename(f, ".csv").slice(base.length + 1), readCsv(f)]));
  }

  test.each([
    ["kodaira-h29", SEED],
    ["shared-formulas", SHARED],
  ])("%s: 写しを開くと、どのシートも元と同じ値（式は計算し直して）", (name, file) => {
    const src = openSource(readFileSync(file));
    const target = path.join(work, `${name}-copy.xlsx`);
    writeFileSync(target, copyAll(src).bytes);
    const source = path.join(work, `${name}.xlsx`);
    copyFileSync(file, source);
    const want = csvs(source, `${name}-src`);
    const got = csvs(target, `${name}-copy`);
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    expect(got.size).toBe(src.sheets.length);
    for (const [sheet, rows] of want) expect([sheet, got.get(sheet)]).toEqual([sheet, rows]);
  });

  test("LibreOffice が保存した kodaira-h29 から写しても ExcelJS で元と同じに見え、LibreOffice で開ける", async () => {
    const [saved] = convert(SEED, "xlsx", path.join(work, "lo-saved"), profile);
    const bytes = new Uint8Array(readFileSync(saved));
    const src = openSource(bytes);
    expect(src.sheets.length).toBe(59);
    const out = copyAll(src);
    await expectSameAsSource(bytes, src, out.bytes);
    const target = path.join(work, "lo-saved-copy.xlsx");
    writeFileSync(target, out.bytes);
    const want = csvs(saved, "lo-saved-src");
    const got = csvs(target, "lo-saved-copy");
    for (const [sheet, rows] of want) expect([sheet, got.get(sheet)]).toEqual([sheet, rows]);
    // The styles part LibreOffice itself wrote is valid XML after our records were appended.
    parseXml(strFromU8(unzipSync(out.bytes, { filter: (f) => f.name === "xl/styles.xml" })["xl/styles.xml"]));
  });
});
