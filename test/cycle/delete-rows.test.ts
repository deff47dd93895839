/**
 * @jest-environment node
 *
 * 配布 by rows on the package (src/workbook/xlsx/delete-rows.ts): a department's copy loses the rows it does not get,
 * as Excel deletes rows. Checked on a small workbook written here and read back through the adapter.
 */
import { deleteRowsXml, deleteSheetRows } from "../../src/workbook/xlsx/delete-rows";
import { Package } from "../../src/workbook/xlsx/package";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { toA1 } from "../../src/core/model/address";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A sheet of 12 rows: A = "rN", B = a formula on A of the same row, plus what a 調査票 carries beside its cells. */
function sheetXml(): string {
  const rows: string[] = [];
  for (let r = 1; r <= 12; r++) {
    rows.push(`<row r="${r}" ht="${10 + r}" customHeight="1"><c r="A${r}" t="inlineStr"><is><t>r${r}</t></is></c><c r="B${r}"><f>LEN(A${r})&amp;"x"</f><v>0</v></c></row>`);
  }
  rows.push(`<row r="13"><c r="C13"><f>SUM(B2:B11)+A5+$A$12+'Other sheet'!A5</f><v>0</v></c></row>`);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><dimension ref="A1:C13"/>` +
    `<sheetViews><sheetView workbookViewId="0"><selection activeCell="A5" sqref="A5"/></sheetView></sheetViews>` +
    `<sheetData>${rows.join("")}</sheetData>` +
    `<mergeCells count="3"><mergeCell ref="C1:D2"/><mergeCell ref="C4:D6"/><mergeCell ref="C8:D9"/></mergeCells>` +
    `<conditionalFormatting sqref="A4:A9"><cfRule type="expression" priority="1"><formula>A4=&quot;x&quot;</formula></cfRule></conditionalFormatting>` +
    `<conditionalFormatting sqref="E5"><cfRule type="expression" priority="2"><formula>TRUE</formula></cfRule></conditionalFormatting>` +
    `<dataValidations count="2"><dataValidation type="list" sqref="B4:B9 E10"><formula1>$A$1:$A$3</formula1></dataValidation><dataValidation type="list" sqref="F5"><formula1>"a,b"</formula1></dataValidation></dataValidations>` +
    `<hyperlinks><hyperlink ref="A10" location="'S'!A11" display="go"/><hyperlink ref="A5" location="'S'!A1"/></hyperlinks>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<rowBreaks count="2" manualBreakCount="2"><brk id="5" max="16383" man="1"/><brk id="10" max="16383" man="1"/></rowBreaks>` +
    `</worksheet>`
  );
}

// Master rows kept: 1-3 (headings), 7-9 (one record), 10-13 and on (another record and the notes); 4-6 go.
const KEEP = [
  { from: 1, to: 3 },
  { from: 7, to: 13 },
];

describe("deleting rows from a worksheet part", () => {
  const out = deleteRowsXml(sheetXml(), "S", KEEP, 12);

  test("rows and cells move up, with their heights; the deleted rows are gone", () => {
    const rows = [...out.matchAll(/<row r="(\d+)" ht="(\d+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(rows).toEqual([
      [1, 11],
      [2, 12],
      [3, 13],
      [4, 17],
      [5, 18],
      [6, 19],
      [7, 20],
      [8, 21],
      [9, 22],
    ]);
    expect(out).toContain('<c r="A4" t="inlineStr"><is><t>r7</t>');
    expect(out).not.toContain("<t>r4</t>");
    expect(out).toContain('<row r="10"><c r="C10">');
    expect(out).toContain('<dimension ref="A1:C10"/>');
  });

  test("formulas follow their cells; a reference into a deleted row is #REF!, a range shrinks; other sheets' references stay", () => {
    expect(out).toContain('<c r="B4"><f>LEN(A4)&amp;&quot;x&quot;</f>');
    expect(out).toContain("<f>SUM(B2:B8)+#REF!+$A$9+'Other sheet'!A5</f>");
  });

  test("merges shrink or go; validations, conditional formats and hyperlinks move or go; page breaks stay after the row above them", () => {
    expect(out).toContain('<mergeCells count="2"><mergeCell ref="C1:D2"/><mergeCell ref="C5:D6"/></mergeCells>');
    expect(out).toContain('<conditionalFormatting sqref="A4:A6"><cfRule type="expression" priority="1"><formula>A4=&quot;x&quot;</formula>');
    expect(out).not.toContain('sqref="E5"');
    expect(out).toContain('<dataValidations count="1"><dataValidation type="list" sqref="B4:B6 E7"><formula1>$A$1:$A$3</formula1>');
    expect(out).not.toContain('sqref="F5"');
    expect(out).toContain(`<hyperlinks><hyperlink ref="A7" location="'S'!A8" display="go"/></hyperlinks>`);
    expect(out).toContain('<rowBreaks count="2" manualBreakCount="2"><brk id="3" max="16383" man="1"/><brk id="7" max="16383" man="1"/></rowBreaks>');
    expect(out).toContain('<selection activeCell="A4" sqref="A4"/>');
  });

  test("protected ranges and ignored errors all in deleted rows leave no empty list (the schema wants one item; Excel repairs an empty one)", () => {
    const xml = sheetXml().replace(
      "<pageMargins",
      '<protectedRanges><protectedRange name="p" sqref="A5"/></protectedRanges><pageMargins',
    ).replace("</worksheet>", '<ignoredErrors><ignoredError sqref="B4:B6" numberStoredAsText="1"/></ignoredErrors></worksheet>');
    const cut = deleteRowsXml(xml, "S", KEEP, 12);
    expect(cut).not.toMatch(/<protectedRanges|<ignoredErrors/);
    const kept = deleteRowsXml(xml.replace('name="p" sqref="A5"', 'name="p" sqref="A5 A8"'), "S", KEEP, 12);
    expect(kept).toContain('<protectedRanges><protectedRange name="p" sqref="A5"/></protectedRanges>');
  });

  test("in a package: the sheet reopens with the kept rows; print titles, drawing anchors and notes move; another sheet's formula follows", async () => {
    const book = XlsxWorkbook.create();
    await book.writeSettings({ k: "v" }); // a settings sheet, so the package has more than one worksheet
    const pkg = Package.open(await book.toBytes());
    const sheetPart = "xl/worksheets/sheetS.xml";
    pkg.set(sheetPart, sheetXml().replace("</worksheet>", '<drawing r:id="rIdD"/><legacyDrawing r:id="rIdV"/></worksheet>'));
    pkg.setContentType(sheetPart, "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
    const relId = pkg.addRel("xl/workbook.xml", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", sheetPart);
    let wb = pkg.text("xl/workbook.xml")!;
    wb = wb.replace("<sheets>", `<sheets><sheet name="S" sheetId="9" r:id="${relId}"/>`);
    wb = wb.replace("</workbook>", `<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'S'!$1:$3</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">'S'!$A$1:$D$12</definedName></definedNames></workbook>`);
    pkg.set("xl/workbook.xml", wb.replace("<calcPr", "<calcPr").replace(/(<\/sheets>)(<calcPr[^>]*\/>)(<definedNames>.*<\/definedNames>)/, "$1$3$2"));
    const drawing = `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing">` + [[7, 8], [4, 5], [5, 7]].map(([a, b]) => `<xdr:twoCellAnchor><xdr:from><xdr:col>2</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a}</xdr:row><xdr:rowOff>10</xdr:rowOff></xdr:from><xdr:to><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${b}</xdr:row><xdr:rowOff>20</xdr:rowOff></xdr:to><xdr:sp/><xdr:clientData/></xdr:twoCellAnchor>`).join("") + `</xdr:wsDr>`;
    pkg.set("xl/drawings/drawing1.xml", drawing);
    pkg.addRel(sheetPart, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing", "xl/drawings/drawing1.xml");
    pkg.set("xl/comments1.xml", `<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>a</author></authors><commentList><comment ref="B5" authorId="0"><text><t>gone</t></text></comment><comment ref="B9" authorId="0"><text><t>kept</t></text></comment></commentList></comments>`);
    pkg.addRel(sheetPart, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments", "xl/comments1.xml");
    pkg.set("xl/drawings/vmlDrawing1.vml", `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape id="a"><x:ClientData ObjectType="Note"><x:Anchor>2, 15, 4, 2, 4, 15, 8, 2</x:Anchor><x:Row>4</x:Row><x:Column>1</x:Column></x:ClientData></v:shape><v:shape id="b"><x:ClientData ObjectType="Note"><x:Anchor>2, 15, 8, 2, 4, 15, 12, 2</x:Anchor><x:Row>8</x:Row><x:Column>1</x:Column></x:ClientData></v:shape></xml>`);
    pkg.addRel(sheetPart, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing", "xl/drawings/vmlDrawing1.vml");
    const other = [...pkg.rels("xl/workbook.xml")].find((r) => r.target !== sheetPart && /worksheet$/.test(r.type))!.target;
    pkg.set(other, pkg.text(other)!.replace("</sheetData>", `<row r="40"><c r="A40"><f>'S'!A8+S!A5</f><v>0</v></c></row></sheetData>`));

    deleteSheetRows(pkg, "S", KEEP, 12);

    const names = pkg.text("xl/workbook.xml")!;
    expect(names).toContain(`'S'!$1:$3</definedName>`);
    expect(names).toContain(`'S'!$A$1:$D$9</definedName>`);
    const anchors = [...pkg.text("xl/drawings/drawing1.xml")!.matchAll(/<xdr:row>(\d+)<\/xdr:row><xdr:rowOff>(\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    // Rows 7-8 (0-based) move up by 3; the shape on rows 4-5 goes; the one across 5-7 starts at the first row kept.
    expect(anchors).toEqual([
      [4, 10],
      [5, 20],
      [3, 0],
      [4, 20],
    ]);
    expect(pkg.text("xl/comments1.xml")).toContain('<comment ref="B6" authorId="0"><text><t>kept</t>');
    expect(pkg.text("xl/comments1.xml")).not.toContain("gone");
    const vml = pkg.text("xl/drawings/vmlDrawing1.vml")!;
    expect(vml).not.toContain('id="a"');
    expect(vml).toContain("<x:Anchor>2, 15, 5, 2, 4, 15, 9, 2</x:Anchor><x:Row>5</x:Row>");
    expect(pkg.text(other)).toContain("<f>'S'!A5+S!#REF!</f>");

    const back = await XlsxWorkbook.load(pkg.toBytes(), "s.xlsx");
    const g = back.sheetGrid("S")!;
    const col = (c: number) => g.rows.map((row, i) => [toA1(g.top + i, c), row[c - g.left]]).filter(([, v]) => v !== null && v !== undefined && v !== "");
    expect(col(0).map(([, v]) => v)).toEqual(["r1", "r2", "r3", "r7", "r8", "r9", "r10", "r11", "r12"]);
    expect(g.merges).toEqual([
      { top: 0, left: 2, bottom: 1, right: 3 },
      { top: 4, left: 2, bottom: 5, right: 3 },
    ]);
  });
});
