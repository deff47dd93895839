/**
 * @jest-environment node
 *
 * A sheet copied into another workbook (配布's department workbooks, folder mode's combined workbook) keeps what it
 * refers to outside itself only where the target can follow it. A 調査票 template's dropdowns usually list a hidden
 * リスト sheet through a defined name (`区分` = `リスト!$A$1:$A$3`): before this, the copy kept `<formula1>区分</formula1>`
 * in a workbook with neither the name nor the sheet, so the dropdown was dead, and a cell formula such as
 * `=リスト!B1` named a sheet the workbook did not have.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { Package } from "../../src/workbook/xlsx/package";
import { allDefinedNames } from "../../src/workbook/xlsx/workbook-xml";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { exceljsBytes, oracle } from "../helpers/exceljs-book";
import { sheetParts } from "../helpers/package-diff";
import { ROOT } from "../helpers/grid";
import { hasLibreOffice, recalculatedSheets } from "../helpers/libreoffice";

/** A master as a 調査票 template is made: two item sheets, a hidden list sheet, names for the lists and a rate. */
async function master(): Promise<Uint8Array> {
  const bytes = await exceljsBytes((wb) => {
    const no1 = wb.addWorksheet("No.1");
    const no2 = wb.addWorksheet("No.2");
    const list = wb.addWorksheet("リスト", { state: "hidden" });
    ["継続", "完了", "新規"].forEach((v, i) => (list.getCell(i + 1, 1).value = v));
    list.getCell("B1").value = "全庁";
    no2.getCell("B2").value = 40;
    no1.getCell("B2").value = 100;
    no1.getCell("B3").value = { formula: "税率*B2", result: 10 };
    no1.getCell("B4").value = { formula: "リスト!B1", result: "全庁" };
    no1.getCell("B5").value = { formula: "'No.2'!B2+B2", result: 140 };
    no1.getCell("B6").value = { formula: "SUM(区分範囲)", result: 0 };
    no1.getCell("C2").dataValidation = { type: "list", allowBlank: true, formulae: ["区分"] };
    no1.getCell("D2").dataValidation = { type: "list", allowBlank: true, formulae: ["リスト!$A$1:$A$3"] };
    no1.getCell("E2").dataValidation = { type: "list", allowBlank: true, formulae: ["OFFSET(リスト!$A$1,0,0,COUNTA(リスト!$A:$A),1)"] };
    no1.getCell("F2").dataValidation = { type: "whole", operator: "lessThan", allowBlank: true, formulae: ["上限"] };
    no1.addConditionalFormatting({ ref: "B2:B3", rules: [{ type: "expression", priority: 1, formulae: ["B2>上限"], style: { font: { bold: true } } }] });
    no1.addConditionalFormatting({ ref: "B5", rules: [{ type: "expression", priority: 2, formulae: ["B5=リスト!$B$1"], style: { font: { italic: true } } }] });
    wb.definedNames.add("リスト!$A$1:$A$3", "区分");
    wb.definedNames.add("リスト!$A$1:$A$3", "区分範囲");
  });
  // Names that are not ranges (a rate, a limit), which ExcelJS does not write: added to workbook.xml as Excel has them.
  const pkg = Package.open(bytes);
  const wbXml = pkg.text("xl/workbook.xml")!;
  pkg.set("xl/workbook.xml", wbXml.replace("</definedNames>", `<definedName name="税率">0.1</definedName><definedName name="上限">税率*1000</definedName></definedNames>`));
  return pkg.toBytes();
}

function cellXml(sheetXml: string, ref: string): string {
  const m = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`).exec(sheetXml);
  return m ? m[0] : "";
}

test("a department's copy keeps the names it can follow, lists its dropdowns by value, and keeps unfollowable formulas as values", async () => {
  const source = await XlsxWorkbook.load(await master());
  const book = XlsxWorkbook.create();
  const dropped: string[] = [];
  // The department gets No.1 and No.2, not リスト.
  const others = new Map([
    ["No.1", "No.1"],
    ["No.2", "No.2"],
  ]);
  book.importSheet(source, "No.1", "No.1", undefined, { others, dropped: (p) => dropped.push(...p) });
  book.importSheet(source, "No.2", "No.2", undefined, { others });
  const out = await book.toBytes();
  const pkg = Package.open(out);
  const names = allDefinedNames(pkg.text("xl/workbook.xml")!);
  // 税率 and 上限 (which uses 税率) come along as the workbook's names; 区分 names リスト, which did not.
  expect(names.filter((n) => !n.name.startsWith("_xlnm")).map((n) => [n.name, n.value, n.localSheetId])).toEqual([
    ["税率", "0.1", undefined],
    ["上限", "税率*1000", undefined],
  ]);
  const no1 = pkg.text(sheetParts(out).get("No.1")!)!;
  expect(cellXml(no1, "B3")).toContain("<f>税率*B2</f>");
  expect(cellXml(no1, "B5")).toMatch(/<f>(&apos;|')No\.2(&apos;|')!B2\+B2<\/f>/); // kept as the source wrote it
  // Formulas through リスト keep their last value, as a constant.
  expect(cellXml(no1, "B4")).not.toContain("<f>");
  expect(cellXml(no1, "B4")).toContain("全庁");
  expect(cellXml(no1, "B6")).not.toContain("<f>");
  // The dropdowns whose list was on リスト list its values; the one built with OFFSET cannot, and goes.
  expect(no1).toMatch(/<dataValidation [^>]*sqref="C2"[^>]*><formula1>&quot;継続,完了,新規&quot;<\/formula1>/);
  expect(no1).toMatch(/<dataValidation [^>]*sqref="D2"[^>]*><formula1>&quot;継続,完了,新規&quot;<\/formula1>/);
  expect(no1).not.toMatch(/sqref="E2"/);
  expect(no1).toMatch(/<dataValidation [^>]*sqref="F2"[^>]*><formula1>上限<\/formula1>/);
  expect(no1).toMatch(/<dataValidations count="3">/);
  // The rule on 上限 stays; the one comparing with リスト goes.
  expect(no1).toContain("<formula>B2&gt;上限</formula>");
  expect(no1).not.toContain("リスト");
  expect(dropped.sort()).toEqual(["conditionalFormatting B5", "formula B4", "formula B6", "list C2", "list D2", "validation E2"]);
  // Another reader sees the same: the names, the formulas, the lists.
  const wb = await oracle(out);
  const ws = wb.getWorksheet("No.1")!;
  expect(ws.getCell("B3").formula).toBe("税率*B2");
  expect(ws.getCell("B4").value).toBe("全庁");
  expect(ws.getCell("C2").dataValidation.formulae).toEqual(['"継続,完了,新規"']);
});

test("a sheet the target renamed keeps its references to itself; with no policy a copy keeps formulas as they are", async () => {
  const bytes = await exceljsBytes((wb) => {
    const s = wb.addWorksheet("No.1");
    s.getCell("A1").value = 5;
    s.getCell("A2").value = { formula: "'No.1'!A1*2", result: 10 };
    s.getCell("A3").value = { formula: "No.2!A1", result: 1 };
    wb.addWorksheet("No.2").getCell("A1").value = 1;
  });
  const source = await XlsxWorkbook.load(bytes);
  const book = XlsxWorkbook.create();
  book.importSheet(source, "No.1"); // takes the name No.1
  const second = book.importSheet(source, "No.1", "No.1", undefined, { others: new Map() });
  expect(second).not.toBe("No.1");
  const out = await book.toBytes();
  const parts = sheetParts(out);
  const renamed = Package.open(out).text(parts.get(second)!)!;
  expect(cellXml(renamed, "A2")).toContain(`<f>'${second}'!A1*2</f>`);
  expect(cellXml(renamed, "A3")).not.toContain("<f>");
  const kept = Package.open(out).text(parts.get("No.1")!)!;
  expect(cellXml(kept, "A3")).toContain("<f>No.2!A1</f>");
});

test("a list too long to write, or holding a comma, is not written as values", async () => {
  const bytes = await exceljsBytes((wb) => {
    const s = wb.addWorksheet("No.1");
    const list = wb.addWorksheet("リスト");
    for (let i = 1; i <= 60; i++) list.getCell(i, 1).value = `選択肢その${i}`;
    list.getCell("B1").value = "A,B";
    s.getCell("A1").dataValidation = { type: "list", allowBlank: true, formulae: ["リスト!$A$1:$A$60"] };
    s.getCell("A2").dataValidation = { type: "list", allowBlank: true, formulae: ["リスト!$B$1"] };
  });
  const book = XlsxWorkbook.create();
  const dropped: string[] = [];
  book.importSheet(await XlsxWorkbook.load(bytes), "No.1", "No.1", undefined, { others: new Map(), dropped: (p) => dropped.push(...p) });
  const sheet = Package.open(await book.toBytes()).text(sheetParts(await book.toBytes()).get("No.1")!)!;
  expect(sheet).not.toContain("dataValidation");
  expect(dropped.sort()).toEqual(["validation A1", "validation A2"]);
});

test("two files' names of one name and different meanings: the first is the workbook's, the second belongs to its own copy", async () => {
  const file = async (rate: string) => {
    const bytes = await exceljsBytes((wb) => {
      const s = wb.addWorksheet("No.1");
      s.getCell("A1").value = 100;
      s.getCell("A2").value = { formula: "A1*税率", result: 0 }; // a stale result: LibreOffice below must compute it
    });
    const pkg = Package.open(bytes);
    const wbXml = pkg.text("xl/workbook.xml")!;
    pkg.set("xl/workbook.xml", wbXml.includes("</definedNames>") ? wbXml.replace("</definedNames>", `<definedName name="税率">${rate}</definedName></definedNames>`) : wbXml.replace("</sheets>", `</sheets><definedNames><definedName name="税率">${rate}</definedName></definedNames>`));
    return XlsxWorkbook.load(pkg.toBytes());
  };
  const book = XlsxWorkbook.create();
  const a = book.importSheet(await file("0.1"), "No.1", "No.1", undefined, { others: new Map() });
  const b = book.importSheet(await file("0.08"), "No.1", "No.1", undefined, { others: new Map() });
  const c = book.importSheet(await file("0.1"), "No.1", "No.1", undefined, { others: new Map() });
  const out = await book.toBytes();
  const names = allDefinedNames(Package.open(out).text("xl/workbook.xml")!);
  const order = book.sheetNames();
  expect(names).toEqual([
    { name: "税率", value: "0.1" },
    { name: "税率", value: "0.08", localSheetId: order.indexOf(b) },
  ]);
  expect([a, c]).not.toContain(b);
  if (!hasLibreOffice()) return;
  // An independent reader computes each copy with its own file's rate.
  const sheets = recalculatedSheets(out, "まとめ.xlsx", [a, b, c]);
  expect([a, b, c].map((s) => sheets.get(s)![1][0])).toEqual(["10", "8", "10"]);
});

test("Excel 2010's list validations (extLst) come into the copy's <dataValidations> with their list's values, in schema order", async () => {
  const x14 = (f: string, sqref: string) =>
    `<x14:dataValidation type="list" allowBlank="1" showErrorMessage="1" xr:uid="{0}"><x14:formula1><xm:f>${f}</xm:f></x14:formula1><xm:sqref>${sqref}</xm:sqref></x14:dataValidation>`;
  const ext = (items: string) =>
    `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision"><x14:dataValidations count="2" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">${items}</x14:dataValidations></ext></extLst>`;
  const build = async (withMain: boolean) => {
    const bytes = await exceljsBytes((wb) => {
      const s = wb.addWorksheet("No.1");
      s.getCell("A1").value = "区分";
      if (withMain) s.getCell("A2").dataValidation = { type: "list", allowBlank: true, formulae: ['"S,A,B"'] };
      const list = wb.addWorksheet("リスト");
      ["継続", "完了"].forEach((v, i) => (list.getCell(i + 1, 1).value = v));
    });
    const pkg = Package.open(bytes);
    const part = sheetParts(bytes).get("No.1")!;
    // The second validation lists an OFFSET, which has no values to write: the extLst is then not all taken in.
    pkg.set(part, pkg.text(part)!.replace("</worksheet>", `${ext(x14("リスト!$A$1:$A$2", "B2:B9") + x14("OFFSET(リスト!$A$1,0,0,2,1)", "C2"))}</worksheet>`));
    return XlsxWorkbook.load(pkg.toBytes());
  };
  for (const withMain of [true, false]) {
    const book = XlsxWorkbook.create();
    const dropped: string[] = [];
    book.importSheet(await build(withMain), "No.1", "No.1", undefined, { others: new Map(), dropped: (p) => dropped.push(...p) });
    const out = await book.toBytes();
    const xml = Package.open(out).text(sheetParts(out).get("No.1")!)!;
    const lists = /<dataValidations count="(\d+)">(.*?)<\/dataValidations>/.exec(xml)!;
    expect(lists[1]).toBe(withMain ? "2" : "1");
    expect(lists[2]).toContain(`<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="B2:B9"><formula1>&quot;継続,完了&quot;</formula1></dataValidation>`);
    expect(xml.indexOf("</dataValidations>")).toBeLessThan(xml.indexOf("<pageMargins"));
    expect(xml).not.toContain("extLst");
    expect(dropped.sort()).toEqual(["extLst", "list B2:B9"]);
    const wb = await oracle(out);
    expect(wb.getWorksheet("No.1")!.getCell("B5").dataValidation.formulae).toEqual(['"継続,完了"']);
  }
});

test("Excel 2010's data bars and sparklines (extLst) come into the copy, their formulas pointing at the copy; one pointing at a sheet left behind is left out", async () => {
  const X14 = `xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"`;
  const XM = `xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"`;
  const dataBar =
    `<ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" ${X14}><x14:conditionalFormattings><x14:conditionalFormatting ${XM}>` +
    `<x14:cfRule type="dataBar" id="{00000000-000E-0000-0000-000001000000}"><x14:dataBar minLength="0" maxLength="100"><x14:cfvo type="num"><xm:f>'No.1'!$A$1</xm:f></x14:cfvo><x14:cfvo type="autoMax"/><x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule>` +
    `<xm:sqref>B2:B9</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext>`;
  const sparklines = (source: string) =>
    `<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" ${X14}><x14:sparklineGroups ${XM}><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/>` +
    `<x14:sparklines><x14:sparkline><xm:f>${source}</xm:f><xm:sqref>C1</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext>`;
  const source = async (sparklineSource: string) => {
    const bytes = await exceljsBytes((wb) => {
      const s = wb.addWorksheet("No.1");
      s.getCell("A1").value = 5;
      for (let r = 2; r <= 9; r++) s.getCell(r, 2).value = r * 10;
      wb.addWorksheet("リスト").getCell("A1").value = 1;
    });
    const pkg = Package.open(bytes);
    const part = sheetParts(bytes).get("No.1")!;
    pkg.set(part, pkg.text(part)!.replace("</worksheet>", `<extLst>${dataBar}${sparklines(sparklineSource)}</extLst></worksheet>`));
    return XlsxWorkbook.load(pkg.toBytes());
  };

  // Into a workbook that already has a No.1: the copy gets another name, and its own references follow it.
  const book = XlsxWorkbook.create();
  book.importSheet(await source("'No.1'!B2:B9"), "No.1", "No.1", undefined, { others: new Map() });
  const dropped: string[] = [];
  const name = book.importSheet(await source("'No.1'!B2:B9"), "No.1", "No.1", undefined, { others: new Map(), dropped: (p) => dropped.push(...p) });
  expect(name).not.toBe("No.1");
  const out = await book.toBytes();
  const xml = Package.open(out).text(sheetParts(out).get(name)!)!;
  const ext = xml.slice(xml.indexOf("<extLst>"), xml.indexOf("</extLst>") + "</extLst>".length);
  expect(xml.endsWith(`${ext}</worksheet>`)).toBe(true);
  expect(ext).toContain(`<xm:f>'${name}'!$A$1</xm:f>`);
  expect(ext).toContain(`<xm:f>'${name}'!B2:B9</xm:f>`);
  expect(ext).toContain(`<x14:axisColor rgb="FF000000"/>`);
  expect(dropped).toEqual([]);
  expect((await oracle(out)).getWorksheet(name)!.getCell("B9").value).toBe(90);

  // Sparklines drawn from a sheet the copy does not get are left out, and said so; the data bar comes.
  const alone = XlsxWorkbook.create();
  const left: string[] = [];
  alone.importSheet(await source("リスト!A1:A8"), "No.1", "No.1", undefined, { others: new Map(), dropped: (p) => left.push(...p) });
  const out2 = await alone.toBytes();
  const xml2 = Package.open(out2).text(sheetParts(out2).get("No.1")!)!;
  expect(xml2).toContain("x14:dataBar");
  expect(xml2).not.toContain("sparkline");
  expect(left).toEqual(["extLst"]);
  if (!hasLibreOffice()) return;
  expect(recalculatedSheets(out, "まとめ.xlsx", [name]).get(name)![8][1]).toBe("90");
});

test("a workbook from Apache POI's test data with Excel 2010's conditional formats: the copy holds every one of them", async () => {
  const file = path.join(ROOT, "test", "fixtures", "preserve", "poi-NewStyleConditionalFormattings.xlsx");
  const bytes = new Uint8Array(readFileSync(file));
  const count = (xml: string) => (xml.match(/<x14:cfRule /g) ?? []).length;
  const before = count(Package.open(bytes).text(sheetParts(bytes).get("CF")!)!);
  expect(before).toBeGreaterThan(0);
  const book = XlsxWorkbook.create();
  const dropped: string[] = [];
  book.importSheet(await XlsxWorkbook.load(bytes, file), "CF", "CF", undefined, { others: new Map(), dropped: (p) => dropped.push(...p) });
  const out = await book.toBytes();
  expect(count(Package.open(out).text(sheetParts(out).get("CF")!)!)).toBe(before);
  expect(dropped).toEqual([]);
});
