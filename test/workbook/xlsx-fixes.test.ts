/**
 * @jest-environment node
 *
 * Fixes through the .xlsx adapter (issue 12, the file half): a cell holding a formula is never written (item 2);
 * text is written as an inline string, which a file never takes for a formula or a number, in the cell's own style
 * (item 3, already so: these tests keep it so); a workbook whose structure is locked (ブックの保護) gets the same
 * refusal as in Excel when a sheet would have to be added, and nothing changes (item 4).
 */
import ExcelJS from "exceljs";
import type { LoggedEdit } from "../../src/core/changelog";
import { parseA1 } from "../../src/core/model/address";
import { text } from "../../src/core/sheet-spec";
import { Package } from "../../src/workbook/xlsx/package";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { exceljsBytes, oracle } from "../helpers/exceljs-book";
import { lockStructure } from "../helpers/package-diff";

const AT = new Date(2026, 10, 22, 14, 5, 9);
const fix = (cell: string, before = "Ａ", after: string | number = "A"): LoggedEdit => ({ sheet: "No.1", cell, before, after, ruleId: "CODE-VARIANT" });

/** The XML of the sheet part holding `sheet` (the first worksheet part for No.1 in these books). */
function sheetXml(bytes: Uint8Array, part = "xl/worksheets/sheet1.xml"): string {
  return Package.open(bytes).text(part)!;
}

function cellXml(xml: string, ref: string): string {
  return new RegExp(`<c r="${ref}"[^>]*?(/>|>.*?</c>)`).exec(xml)?.[0] ?? "";
}

describe("数式のセル (item 2)", () => {
  test("数式・共有数式・配列数式のセルは、結果が変更前と同じでも書かずに数式のセルとして返す。ほかは直す", async () => {
    const bytes = await exceljsBytes((wb) => {
      const ws = wb.addWorksheet("No.1");
      ws.getCell("F2").value = "Ａ";
      ws.getCell("F3").value = { formula: 'IF(TRUE,"Ａ")', result: "Ａ" };
      ws.getCell("G3").value = { formula: 'IF(TRUE,"Ａ")', result: "Ａ" };
      ws.getCell("G4").value = { sharedFormula: "G3", result: "Ａ" } as unknown as ExcelJS.CellValue;
      // An array formula: H3 carries only the cached value, the formula is H2's `ref`.
      (ws as unknown as { fillFormula(range: string, f: string, results: string[], shareType: string): void }).fillFormula("H2:H3", 'IF(TRUE,"Ａ")', ["Ａ", "Ａ"], "array");
      ws.getCell("I2").value = { formula: 'TEXT(1777,"#,##0")', result: "1,777" };
    });
    const book = await XlsxWorkbook.load(bytes);
    const before = sheetXml(bytes);
    const edits = [fix("F2"), fix("F3"), fix("G4"), fix("H2"), fix("H3"), { ...fix("I2", "1,777", 1777), ruleId: "NUMBER-AS-TEXT" as const }];
    const result = await book.applyEdits(edits, AT);
    expect(result.applied.map((e) => e.cell)).toEqual(["F2"]);
    expect(result.formulas.map((e) => e.cell)).toEqual(["F3", "G4", "H2", "H3", "I2"]);
    expect(result.refused).toEqual([]);
    const after = await book.toBytes();
    const xml = sheetXml(after);
    for (const ref of ["F3", "G3", "G4", "H2", "H3", "I2"]) expect([ref, cellXml(xml, ref)]).toEqual([ref, cellXml(before, ref)]);
    const ws = (await oracle(after)).getWorksheet("No.1")!;
    expect(ws.getCell("F2").value).toBe("A");
    expect(ws.getCell("F3").formula).toBe('IF(TRUE,"Ａ")');
    const log = (await oracle(after)).getWorksheet("変更履歴")!;
    expect([log.getCell("C2").value, log.getCell("C3").value]).toEqual(["F2", null]);
  });
});

test("数式を書くと (回収で部署が入力欄に打った数式)、数式と表示していた値がそのまま読め、セルの書式は残る。TRUE/FALSE とエラー値はその型で書く", async () => {
  const bytes = await exceljsBytes((wb) => {
    const ws = wb.addWorksheet("No.1");
    for (const ref of ["B2", "B3", "B4", "B5", "B6"]) {
      ws.getCell(ref).value = "前";
      ws.getCell(ref).numFmt = "0.0";
    }
  });
  const book = await XlsxWorkbook.load(bytes);
  const written = book.setCells([
    { sheet: "No.1", cell: "B2", value: { formula: "A2*2", cached: 4 } },
    { sheet: "No.1", cell: "B3", value: { formula: 'A3&"<済>"', cached: 'x "<済>" & y' } },
    { sheet: "No.1", cell: "B4", value: { formula: "A4>1", cached: true } },
    { sheet: "No.1", cell: "B5", value: { formula: "1/0", cached: { error: "#DIV/0!" } } },
    { sheet: "No.1", cell: "B6", value: { formula: "NOW()", cached: null } },
    // Typed values of their own types, as a clerk types them.
    { sheet: "No.1", cell: "C2", value: false },
    { sheet: "No.1", cell: "C3", value: { error: "#N/A" } },
  ]);
  expect(written).toEqual({ written: 7, formulas: [] });
  const after = await book.toBytes();
  const ws = (await oracle(after)).getWorksheet("No.1")!;
  const cell = (ref: string) => ({ formula: ws.getCell(ref).formula, result: ws.getCell(ref).result, numFmt: ws.getCell(ref).numFmt });
  expect(cell("B2")).toEqual({ formula: "A2*2", result: 4, numFmt: "0.0" });
  expect(cell("B3")).toEqual({ formula: 'A3&"<済>"', result: 'x "<済>" & y', numFmt: "0.0" });
  expect(cell("B4")).toEqual({ formula: "A4>1", result: true, numFmt: "0.0" });
  expect(cell("B5")).toEqual({ formula: "1/0", result: { error: "#DIV/0!" }, numFmt: "0.0" });
  expect(cell("B6")).toMatchObject({ formula: "NOW()", numFmt: "0.0" });
  expect([ws.getCell("C2").value, ws.getCell("C3").value]).toEqual([false, { error: "#N/A" }]);
  // Our reader: the value each showed, and the formula.
  const again = await XlsxWorkbook.load(after);
  const grid = again.sheetGrid("No.1")!;
  expect([1, 2, 3, 4].map((r) => grid.rows[r - grid.top][1 - grid.left])).toEqual([4, 'x "<済>" & y', true, { error: "#DIV/0!" }]);
  expect(again.sheetFormulas("No.1")?.get("1,1")).toBe("A2*2");
});

describe("文字列のまま、セルの書式のまま (item 3)", () => {
  test("数式・数値・日付に見える文字列や長い文字列への修正は、セルの書式(スタイル)を保った inline string になり、Excel でも文字列として読まれる", async () => {
    const long = "取組の内容".repeat(60);
    const afters = ["=abc", "0012", "+1", "2026/4/1", "TRUE", long];
    const bytes = await exceljsBytes((wb) => {
      const ws = wb.addWorksheet("No.1");
      afters.forEach((_, i) => {
        ws.getCell(2 + i, 2).value = "旧";
        ws.getCell(2 + i, 2).numFmt = "#,##0";
      });
    });
    const book = await XlsxWorkbook.load(bytes);
    const styleOf = (xml: string, ref: string) => /\ss="(\d+)"/.exec(cellXml(xml, ref))?.[1];
    const before = sheetXml(bytes);
    await book.applyEdits(
      afters.map((after, i) => fix(`B${2 + i}`, "旧", after)),
      AT,
    );
    const after = await book.toBytes();
    const xml = sheetXml(after);
    for (let i = 0; i < afters.length; i++) {
      const ref = `B${2 + i}`;
      expect(cellXml(xml, ref)).toContain('t="inlineStr"');
      expect(cellXml(xml, ref)).not.toContain("<f");
      expect(styleOf(xml, ref)).toBe(styleOf(before, ref));
    }
    const wb = await oracle(after);
    expect(afters.map((_, i) => wb.getWorksheet("No.1")!.getCell(2 + i, 2).value)).toEqual(afters);
    expect(wb.getWorksheet("No.1")!.getCell("B2").numFmt).toBe("#,##0");
    // The log holds the same texts as text.
    expect(afters.map((_, i) => wb.getWorksheet("変更履歴")!.getCell(2 + i, 5).value)).toEqual(afters);
  });

  test("アドインのシートの文字列は inline string で、表示形式 \"@\" は付かない(長い文字列が ######## にならない)", async () => {
    const bytes = await exceljsBytes((wb) => void wb.addWorksheet("No.1").getCell("A1").value);
    const book = await XlsxWorkbook.load(bytes);
    const long = "課題と今後の取組".repeat(40);
    await book.writeOwnedSheet({ name: "検証結果", cells: ["=SUM(A1)", "0012", long].map((v, i) => ({ row: i, col: 0, value: text(v) })), styles: {}, merges: [] });
    const out = await book.toBytes();
    const wb = await oracle(out);
    const ws = wb.getWorksheet("検証結果")!;
    expect([1, 2, 3].map((r) => [ws.getCell(r, 1).value, ws.getCell(r, 1).numFmt ?? "General"])).toEqual([
      ["=SUM(A1)", "General"],
      ["0012", "General"],
      [long, "General"],
    ]);
  });
});

describe("ブックの保護 (item 4)", () => {
  test("構成が保護されたブックでは、変更履歴を作る修正を protected-workbook で断り、何も変えない", async () => {
    const bytes = lockStructure(
      await exceljsBytes((wb) => {
        wb.addWorksheet("No.1").getCell("F2").value = "Ａ";
      }),
    );
    const book = await XlsxWorkbook.load(bytes);
    await expect(book.applyEdits([fix("F2")], AT)).rejects.toMatchObject({ name: "WorkbookError", code: "protected-workbook" });
    const out = await book.toBytes();
    expect(sheetXml(out)).toBe(sheetXml(bytes));
    expect(book.sheetNames()).toEqual(["No.1"]);
  });

  test("構成が保護されたブックでは、集計シートの作成も設定の保存も断る。変更履歴と設定がもうあれば修正はできる", async () => {
    const open = await XlsxWorkbook.load(
      await exceljsBytes((wb) => {
        const ws = wb.addWorksheet("No.1");
        ws.getCell("F2").value = "Ａ";
        ws.getCell("F3").value = "Ａ";
      }),
    );
    await open.applyEdits([fix("F2")], AT);
    const locked = await XlsxWorkbook.load(lockStructure(await open.toBytes()));
    expect((await locked.applyEdits([fix("F3")], AT)).applied.length).toBe(1);
    await expect(locked.writeOwnedSheet({ name: "評価集計", cells: [{ row: 0, col: 0, value: text("x") }], styles: {}, merges: [] })).rejects.toMatchObject({
      code: "protected-workbook",
    });
    expect(locked.sheetNames()).toEqual(["No.1", "変更履歴"]);

    const fresh = await XlsxWorkbook.load(lockStructure(await exceljsBytes((wb) => void wb.addWorksheet("No.1"))));
    await expect(fresh.writeSettings({ fiscalYear: "2026" })).rejects.toMatchObject({ code: "protected-workbook" });
    expect(await fresh.readSettings()).toEqual({});
  });
});

describe("入力補助で保護したシート（パスワードなし、入力セルだけロックなし）", () => {
  test("ロックのない入力セルへの修正は書き、ロックされたセルへの修正は protected-sheet で断って何も変えない", async () => {
    const { masterBytes, protectedCopy, inputCellsOf, seedRecords } = await import("../cycle/collect-fixtures");
    const eval1 = inputCellsOf(await seedRecords(), "No.1").eval1;
    const prepared = await XlsxWorkbook.load(await protectedCopy(await masterBytes()), "p.xlsx");
    prepared.setCells([{ sheet: "No.1", cell: eval1, value: "Ｓ" }], { intoUnlocked: true });
    const book = await XlsxWorkbook.load(await prepared.toBytes(), "p.xlsx");
    expect(book.sheetGrid("No.1")!.protected).toBe(true);

    const grid = book.sheetGrid("No.1")!;
    const c11 = String(grid.rows[10 - grid.top]?.[2 - grid.left] ?? "");
    const before = await book.toBytes();
    await expect(book.applyEdits([{ sheet: "No.1", cell: "C11", before: c11, after: "担当課", ruleId: "CODE-VARIANT" }], AT)).rejects.toMatchObject({ code: "protected-sheet", sheet: "No.1" });
    expect(Buffer.from(await book.toBytes()).equals(Buffer.from(before))).toBe(true);

    const r = await book.applyEdits([{ sheet: "No.1", cell: eval1, before: "Ｓ", after: "S", ruleId: "CODE-VARIANT" }], AT);
    expect(r.applied.map((e) => e.cell)).toEqual([eval1]);
    const after = await XlsxWorkbook.load(await book.toBytes(), "a.xlsx");
    const g = after.sheetGrid("No.1")!;
    expect(g.protected).toBe(true);
    const at = parseA1(eval1)!;
    expect(g.rows[at.row - g.top][at.col - g.left]).toBe("S");
  });
});

describe("設定", () => {
  test("空の値を書いた設定は行ごと消え、残りは詰めて書かれる（ExcelJS で開いて確かめる）", async () => {
    const book = await XlsxWorkbook.load(await exceljsBytes((wb) => void wb.addWorksheet("No.1")));
    await book.writeSettings({ stage: "本部評価後", submissions: "{}", distribution: "{}", fiscalYear: "2017" });
    await book.writeSettings({ submissions: "", distribution: "" });
    const bytes = await book.toBytes();
    expect(await (await XlsxWorkbook.load(bytes)).readSettings()).toEqual({ stage: "本部評価後", fiscalYear: "2017" });
    const ws = (await oracle(bytes)).getWorksheet("_chosahyo")!;
    expect(ws.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1))).toEqual([
      ["stage", "本部評価後"],
      ["fiscalYear", "2017"],
    ]);
  });
});
