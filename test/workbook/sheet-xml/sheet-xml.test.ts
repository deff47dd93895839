/**
 * @jest-environment node
 *
 * renderSheetXml: a SheetSpec written as worksheet XML, opened in ExcelJS (an independent reader) as a user's file.
 */
import * as XLSX from "@e965/xlsx";
import ExcelJS from "exceljs";
import { formula, num, text, type SheetSpec, type SpecCell } from "../../../src/core/sheet-spec";
import { renderSheetXml } from "../../../src/workbook/xlsx/sheet-xml";
import { StylesAmender } from "../../../src/workbook/xlsx/styles-xml";
import { miniPackage } from "./mini-package";

export const INJECTIONS = ['=HYPERLINK("http://x","y")', "+1", "-1", "@SUM(A1)", "=cmd|' /C calc'!A0"];
/** Text a careless writer would corrupt: XML specials, controls, escapes that look like ST_Xstring, astral chars. */
export const TRICKY = ["a & b < c > d \"e\" 'f'", "tab\there\nline2\r\nline3", "bell\u0007 nul\u0000 esc\u001b", "_x0041_ stays", "_x005F_x0041_", "lone \ud800 high", "𠮷野家 😀", "  spaces  ", "\ufffe\uffff"];

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

function cellText(cell: ExcelJS.Cell): string | undefined {
  const v = cell.value as unknown;
  if (typeof v === "string") return v;
  if (v && typeof v === "object" && "richText" in v) return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join("");
  if (v && typeof v === "object" && "text" in v) return String((v as { text: unknown }).text);
  return undefined;
}

const STYLES = {
  title: { bold: true, fontSize: 14 },
  header: { bold: true, fill: "#DDEBF7", border: "thin", wrap: true, hAlign: "center", vAlign: "middle" },
  number: { border: "thin", hAlign: "right", vAlign: "top", numberFormat: "#,##0" },
  percent: { border: "thin", numberFormat: "0.0%" },
  progress: { border: "thin", numberFormat: '[>2]">200%";[<-1]"<-100%";0.0%' },
  link: { fontColor: "#0563C1", border: "thin" },
} as const;

function fullSpec(): SheetSpec {
  const cells: SpecCell[] = [
    { row: 0, col: 0, value: text("評価集計"), style: "title" },
    { row: 1, col: 0, value: text("対象: 2017年度") },
    { row: 2, col: 0, value: text("方針"), style: "header" },
    { row: 2, col: 1, value: text("S"), style: "header" },
    { row: 2, col: 2, value: text("S"), style: "header" }, // repeated header → S_2
    { row: 2, col: 3, value: text(""), style: "header" }, // empty header → 列4
    { row: 3, col: 0, value: text("地域協働"), style: "link", link: { sheet: "No.1 'x'", cell: "F8" } },
    { row: 3, col: 1, value: num(1), style: "number" },
    { row: 3, col: 2, value: num(0.1 + 0.2), style: "percent" },
    { row: 3, col: 3, value: formula("=SUM(B4:C4)", 1.3), style: "number" },
    { row: 4, col: 0, value: text("計"), style: "header" },
    { row: 4, col: 1, value: { t: "bool", v: true } },
    { row: 4, col: 2, value: formula("B4&\"x\"", "1x") },
    { row: 4, col: 3, value: num(Number.NaN) },
    { row: 6, col: 0, value: text("見出し"), style: "header" }, // merged over A7:C8
    ...INJECTIONS.map((v, i) => ({ row: 10 + i, col: 0, value: text(v) })),
    ...TRICKY.map((v, i) => ({ row: 20 + i, col: 0, value: text(v) })),
    { row: 30, col: 1, value: num(-1234567.891), style: "progress" },
    { row: 30, col: 2, value: num(1e-7) },
  ];
  return {
    name: "評価集計",
    cells,
    styles: STYLES,
    merges: [{ top: 6, left: 0, bottom: 7, right: 2 }],
    columnWidths: [30, 8, 8, 12.5],
    rowHeights: { 0: 24, 40: 30 },
    freeze: { rows: 3, cols: 1 },
    validations: [{ range: { top: 3, left: 4, bottom: 5, right: 4 }, list: ["S", "A", "B & <C>", '"q"'], errorTitle: "評価", error: "S/A/B から選ぶ", prompt: "評価を選ぶ" }],
    tabColor: "#70AD47",
    tables: [{ name: "Summary", range: { top: 2, left: 0, bottom: 4, right: 3 } }],
    print: { orientation: "landscape", paper: "A4", fitToWidth: true, repeatRows: { top: 0, bottom: 2 }, footer: "&A &P / &N" },
    charts: [{ kind: "stacked-bar", title: "t", categories: { top: 3, left: 0, bottom: 4, right: 0 }, series: [], anchor: { top: 0, left: 6, bottom: 10, right: 12 }, unsupportedNote: "（グラフは描けません）" }],
    basisCell: { row: 1, col: 0 },
  };
}

describe("renderSheetXml を ExcelJS で開く", () => {
  let ws: ExcelJS.Worksheet;
  let wb: ExcelJS.Workbook;
  let xml: string;
  let sheetjs: XLSX.WorkSheet;

  beforeAll(async () => {
    const pkg = miniPackage([fullSpec()], undefined, ["summary"]);
    xml = pkg.rendered[0].xml;
    wb = await open(pkg.bytes);
    ws = wb.getWorksheet("評価集計")!;
    sheetjs = XLSX.read(pkg.bytes, { type: "array" }).Sheets["評価集計"];
  });

  test("注入文字列は数式ではなく、書いたとおりの文字列", () => {
    INJECTIONS.forEach((v, i) => {
      const cell = ws.getCell(11 + i, 1);
      expect(cell.formula).toBeFalsy();
      expect(cell.value).toBe(v);
    });
  });

  test("XML の特殊文字・制御文字・_xHHHH_ に見える文字列も元どおりに読める", () => {
    // SheetJS decodes ST_Xstring (_xHHHH_) in inline strings (ExcelJS does not), but folds CR LF to LF.
    TRICKY.forEach((v, i) => expect([i, sheetjs[`A${21 + i}`].v]).toEqual([i, v.replace(/\r\n/g, "\n")]));
    // Text that needs no _xHHHH_ reads back exactly in ExcelJS, CR included.
    for (const i of [0, 1, 6, 7]) expect(cellText(ws.getCell(21 + i, 1))).toBe(TRICKY[i]);
  });

  test("数値・真偽値・数式（計算済みの値つき）・NaN", () => {
    expect(ws.getCell("B4").value).toBe(1);
    expect(ws.getCell("C4").value).toBe(0.1 + 0.2); // full precision
    expect(ws.getCell("D4").formula).toBe("SUM(B4:C4)");
    expect(ws.getCell("D4").result).toBe(1.3);
    expect(ws.getCell("B5").value).toBe(true);
    expect(ws.getCell("C5").formula).toBe('B4&"x"');
    expect(ws.getCell("C5").result).toBe("1x");
    expect(ws.getCell("D5").value).toBe("NaN");
    expect(ws.getCell("B31").value).toBe(-1234567.891);
    expect(ws.getCell("C31").value).toBe(1e-7);
  });

  test("書式: 太字・サイズ・色・塗り・折り返し・配置・罫線・表示形式", () => {
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 14 });
    const h = ws.getCell("B3");
    expect(h.font.bold).toBe(true);
    expect(h.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } });
    expect(h.alignment).toMatchObject({ wrapText: true, horizontal: "center", vertical: "middle" });
    for (const side of ["top", "left", "bottom", "right"] as const) expect(h.border[side]).toMatchObject({ style: "thin", color: { argb: "FF808080" } });
    expect(ws.getCell("B4").numFmt).toBe("#,##0");
    expect(ws.getCell("C4").numFmt).toBe("0.0%");
    expect(ws.getCell("B31").numFmt).toBe('[>2]">200%";[<-1]"<-100%";0.0%');
    expect(ws.getCell("A4").font.color).toEqual({ argb: "FF0563C1" });
    expect(ws.getCell("B4").alignment).toMatchObject({ horizontal: "right", vertical: "top" });
  });

  test("結合: 範囲と、結合の全セルに左上の書式（罫線が閉じる）", () => {
    expect(ws.getCell("A7").value).toBe("見出し");
    expect(ws.getCell("C8").isMerged).toBe(true);
    expect(ws.getCell("C8").master.address).toBe("A7");
    expect((ws.model as unknown as { merges: string[] }).merges).toEqual(["A7:C8"]);
    // ExcelJS hands a merged cell its master's style; the XML must carry it on every cell for other readers.
    for (const a of ["B7", "C7", "A8", "B8", "C8"]) expect(xml).toMatch(new RegExp(`<c r="${a}" s="(\\d+)"/>`));
    const s = /<c r="A7" s="(\d+)"/.exec(xml)![1];
    expect(xml).toContain(`<c r="C8" s="${s}"/>`);
  });

  test("入力規則: リスト・エラーメッセージ・入力時メッセージ", () => {
    for (const a of ["E4", "E5", "E6"]) {
      expect(ws.getCell(a).dataValidation).toMatchObject({
        type: "list",
        allowBlank: true,
        formulae: ['"S,A,B & <C>,""q"""'],
        showErrorMessage: true,
        errorTitle: "評価",
        error: "S/A/B から選ぶ",
        showInputMessage: true,
        prompt: "評価を選ぶ",
      });
    }
    expect(ws.getCell("E7").dataValidation).toBeFalsy();
  });

  test("内部リンク: ブック内のシートのセルへ", () => {
    // ExcelJS reads only relationship hyperlinks; SheetJS reads the internal `location` one, as Excel does.
    expect(ws.getCell("A4").value).toBe("地域協働");
    expect(sheetjs["A4"].l?.Target).toBe("#'No.1 ''x'''!F8");
    expect(xml).toContain(`<hyperlink ref="A4" location="'No.1 ''x'''!F8" display="地域協働"/>`);
  });

  test("ウィンドウ枠の固定・列幅・行の高さ・見出しの色", () => {
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 3, topLeftCell: "B4" });
    expect([1, 2, 3, 4].map((c) => ws.getColumn(c).width)).toEqual([30, 8, 8, 12.5]);
    expect(ws.getRow(1).height).toBe(24);
    expect(ws.getRow(41).height).toBe(30);
    expect(ws.properties.tabColor).toEqual({ argb: "FF70AD47" });
  });

  test("テーブル: 空きの名前、見出しのセルは列名と同じ、フィルター、縞模様", () => {
    const table = ws.getTable("Summary_2") as unknown as { table: { ref: string; tableRef?: string; columns: { name: string }[]; style: { theme: string; showRowStripes: boolean } } };
    expect(table).toBeDefined();
    const t = table.table;
    expect(t.tableRef ?? t.ref).toBe("A3:D5");
    expect(t.columns.map((c) => c.name)).toEqual(["方針", "S", "S_2", "列4"]);
    expect(t.style).toMatchObject({ theme: "TableStyleLight9", showRowStripes: true });
    expect(["A3", "B3", "C3", "D3"].map((a) => ws.getCell(a).value)).toEqual(["方針", "S", "S_2", "列4"]);
  });

  test("印刷: A4 横・幅1ページ・見出し行の繰り返し・フッター", () => {
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:3" });
    expect(ws.headerFooter.oddFooter).toBe("&A &P / &N");
  });

  test("グラフは描かず、根拠の行にその旨を書き足す", () => {
    expect(ws.getCell("A2").value).toBe("対象: 2017年度（グラフは描けません）");
  });

  test("選択中のシート、寸法", () => {
    expect(xml).toContain(`<sheetView tabSelected="1" workbookViewId="0">`);
    expect(xml).toContain(`<dimension ref="A1:D31"/>`);
  });
});

describe("renderSheetXml の細部", () => {
  const base: SheetSpec = { name: "S", cells: [], styles: {}, merges: [] };

  test("空のシートも正しい XML（dimension A1、sheetData 空）", async () => {
    const { rendered, bytes } = miniPackage([base]);
    expect(rendered[0].xml).toContain(`<dimension ref="A1"/>`);
    expect(rendered[0].xml).toContain(`<sheetData/>`);
    expect(rendered[0].tables).toEqual([]);
    expect(rendered[0].printTitles).toBeUndefined();
    const wb = await open(bytes);
    expect(wb.getWorksheet("S")!.rowCount).toBe(0);
  });

  test("書式のない空セルは書かない、書式のある空セルは書く", () => {
    const styles = new StylesAmender(undefined);
    const r = renderSheetXml({ ...base, cells: [{ row: 0, col: 0, value: { t: "empty" } }, { row: 0, col: 1, value: { t: "empty" }, style: "b" }], styles: { b: { bold: true } } }, styles, { takenTableNames: [], nextTableId: 1 });
    expect(r.xml).not.toContain(`r="A1"`);
    expect(r.xml).toMatch(/<c r="B1" s="[1-9]\d*"\/>/);
  });

  test("行だけの固定、列だけの固定", () => {
    const styles = new StylesAmender(undefined);
    const rows = renderSheetXml({ ...base, freeze: { rows: 2, cols: 0 } }, styles, { takenTableNames: [], nextTableId: 1 }).xml;
    expect(rows).toContain(`<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>`);
    const cols = renderSheetXml({ ...base, freeze: { rows: 0, cols: 1 } }, styles, { takenTableNames: [], nextTableId: 1 }).xml;
    expect(cols).toContain(`<pane xSplit="1" topLeftCell="B1" activePane="topRight" state="frozen"/>`);
  });

  test("テーブルの id は nextTableId から、名前は予約済みと重ならない（大文字小文字を区別しない）", () => {
    const styles = new StylesAmender(undefined);
    const spec: SheetSpec = {
      ...base,
      cells: [{ row: 0, col: 0, value: text("a") }, { row: 0, col: 3, value: num(2017) }],
      tables: [
        { name: "T", range: { top: 0, left: 0, bottom: 2, right: 1 } },
        { name: "t", range: { top: 0, left: 3, bottom: 0, right: 3 } },
      ],
    };
    const r = renderSheetXml(spec, styles, { takenTableNames: ["T"], nextTableId: 7 });
    expect(r.tables.map((t) => [t.id, t.name, t.ref, t.relId])).toEqual([
      [7, "T_2", "A1:B3", "rId1"],
      [8, "t_3", "D1:D2", "rId2"], // a header-only table gets an empty data row
    ]);
    expect(r.tables[0].xml).toContain(`<tableColumns count="2"><tableColumn id="1" name="a"/><tableColumn id="2" name="列2"/></tableColumns>`);
    expect(r.xml).toContain(`<c r="D1" t="inlineStr"><is><t xml:space="preserve">2017</t></is></c>`);
    expect(r.xml).toContain(`<tableParts count="2"><tablePart r:id="rId1"/><tablePart r:id="rId2"/></tableParts>`);
  });

  test("要素は CT_Worksheet の順", () => {
    const { rendered } = miniPackage([fullSpec()]);
    const order = ["sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "mergeCells", "dataValidations", "hyperlinks", "pageMargins", "pageSetup", "headerFooter", "tableParts"];
    const at = order.map((name) => rendered[0].xml.indexOf(`<${name}`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});
