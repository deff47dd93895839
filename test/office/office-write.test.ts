/**
 * @jest-environment node
 *
 * OfficeWorkbook's writes through the strict fake: fixes in one sync with their 変更履歴 rows, stale edits refused,
 * generated sheets that never touch a user's sheet and keep user text as text, settings shared with the ExcelJS
 * adapter.
 */
import type { LoggedEdit } from "../../src/core/changelog";
import { formula, num, type SheetSpec, text } from "../../src/core/sheet-spec";
import { OfficeWorkbook } from "../../src/workbook/office/office-workbook";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { exceljsBook, exceljsBytes, oracle } from "../helpers/exceljs-book";
import { FakeBook, type FakeSheet, RESPONSE_LIMIT } from "../fakes/excel-fake";
import { rig, rigFromXlsx, syncsOf } from "./office-helpers";

const AT = new Date(2026, 10, 22, 14, 5, 9);
const TIME = "2026-11-22 14:05:09";

/** A survey sheet whose column F holds 20 full-width ratings to fix. */
function surveyBook(): FakeBook {
  const book = new FakeBook();
  const ws = book.addSheet("No.1");
  ws.put(0, 0, "調査票");
  for (let i = 0; i < 20; i++) ws.put(i + 1, 5, "Ａ");
  book.addSheet("No.2").put(0, 0, "調査票").put(7, 5, "ｂ");
  return book;
}

const fixes = (n: number): LoggedEdit[] =>
  Array.from({ length: n }, (_, i) => ({ sheet: "No.1", cell: `F${i + 2}`, before: "Ａ", after: "A", ruleId: "CODE-VARIANT" }));

function rowsOf(sheet: FakeSheet, from: number, to: number): (string | number | boolean)[][] {
  const out: (string | number | boolean)[][] = [];
  for (let r = from; r <= to; r++) out.push(["A", "B", "C", "D", "E", "F"].map((c) => sheet.valueAt(`${c}${r}`)));
  return out;
}

function snapshotOf(sheet: FakeSheet): unknown {
  return { cells: [...sheet.cells.entries()].map(([k, c]) => [k, { ...c }]), merges: [...sheet.merges], name: sheet.name, protected: sheet.protected };
}

describe("修正の適用と変更履歴", () => {
  test("20 件の修正は sync 2 回(確かめる 1 回、書く 1 回)で書き込まれ、変更履歴に 20 行(日時・シート・セル・変更前・変更後・規則)が加わる", async () => {
    const fakeBook = surveyBook();
    const { fake, book } = rig(fakeBook);
    await book.readAll();
    let result: Awaited<ReturnType<OfficeWorkbook["applyEdits"]>> | undefined;
    expect(await syncsOf(fake, async () => (result = await book.applyEdits(fixes(20), AT)))).toBe(2);
    expect(result!.applied.length).toBe(20);
    expect(result!.refused).toEqual([]);

    const ws = fakeBook.sheet("No.1")!;
    for (let i = 0; i < 20; i++) expect(ws.valueAt(`F${i + 2}`)).toBe("A");
    const log = fakeBook.sheet("変更履歴")!;
    expect(rowsOf(log, 1, 3)).toEqual([
      ["日時", "シート", "セル", "変更前", "変更後", "規則"],
      [TIME, "No.1", "F2", "Ａ", "A", "CODE-VARIANT"],
      [TIME, "No.1", "F3", "Ａ", "A", "CODE-VARIANT"],
    ]);
    expect(rowsOf(log, 21, 22)).toEqual([
      [TIME, "No.1", "F21", "Ａ", "A", "CODE-VARIANT"],
      ["", "", "", "", "", ""],
    ]);
    // Every log cell is text: the time did not turn into a date serial (an apostrophe, not "@", keeps it text).
    expect(log.at("A2")).toMatchObject({ type: "String", numberFormat: "General" });
    expect(await book.ownedSheets()).toEqual(["変更履歴"]);
    // The log is a visible sheet after the user's ones; the settings sheet stays last.
    expect(fakeBook.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["No.1", "Visible"],
      ["No.2", "Visible"],
      ["変更履歴", "Visible"],
      ["_chosahyo", "VeryHidden"],
    ]);
  });

  test("次の修正は変更履歴の最後の行の下に加わる(これも sync 2 回)", async () => {
    const fakeBook = surveyBook();
    const { fake, book } = rig(fakeBook);
    await book.readAll();
    await book.applyEdits(fixes(3), AT);
    const next: LoggedEdit = { sheet: "No.2", cell: "F8", before: "ｂ", after: "B", ruleId: "CODE-VARIANT" };
    expect(await syncsOf(fake, () => book.applyEdits([next], AT))).toBe(2);
    expect(rowsOf(fakeBook.sheet("変更履歴")!, 4, 6)).toEqual([
      [TIME, "No.1", "F4", "Ａ", "A", "CODE-VARIANT"],
      [TIME, "No.2", "F8", "ｂ", "B", "CODE-VARIANT"],
      ["", "", "", "", "", ""],
    ]);
  });

  test("確認の後に利用者が変えたセルへの修正は断り、セルは利用者の値(数式も)のまま、変更履歴にも残さない", async () => {
    const fakeBook = surveyBook();
    const { fake, book } = rig(fakeBook);
    await book.readAll();
    // Since the check, the user typed ｂ into F3 and a formula into F4.
    fakeBook.sheet("No.1")!.put(2, 5, "ｂ");
    Object.assign(fakeBook.sheet("No.1")!.ensure(3, 5), { formula: "=1+1", value: 2, type: "Double" });
    let result: Awaited<ReturnType<OfficeWorkbook["applyEdits"]>> | undefined;
    // One sync to look at the cells (F3 and F4 are refused there, never written), one to write F2 and F5.
    expect(await syncsOf(fake, async () => (result = await book.applyEdits(fixes(4), AT)))).toBe(2);
    expect(result!.applied.map((e) => e.cell)).toEqual(["F2", "F5"]);
    expect(result!.refused.map((e) => e.cell)).toEqual(["F3", "F4"]);
    const ws = fakeBook.sheet("No.1")!;
    expect(ws.at("F3")).toMatchObject({ value: "ｂ", type: "String", numberFormat: "General" });
    expect(ws.at("F4")).toMatchObject({ formula: "=1+1", numberFormat: "General" });
    expect(ws.valueAt("F2")).toBe("A");
    expect(rowsOf(fakeBook.sheet("変更履歴")!, 2, 5)).toEqual([
      [TIME, "No.1", "F2", "Ａ", "A", "CODE-VARIANT"],
      [TIME, "No.1", "F5", "Ａ", "A", "CODE-VARIANT"],
      ["", "", "", "", "", ""],
      ["", "", "", "", "", ""],
    ]);
  });

  test("数値への修正(NUMBER-AS-TEXT)は数値として、= で始まる修正後の文字列は文字列として書く", async () => {
    const fakeBook = new FakeBook();
    fakeBook.addSheet("No.1").put(0, 0, "1,777", "@").put(1, 0, "旧");
    const { book } = rig(fakeBook);
    await book.applyEdits(
      [
        { sheet: "No.1", cell: "A1", before: "1,777", after: 1777, ruleId: "NUMBER-AS-TEXT" },
        { sheet: "No.1", cell: "A2", before: "旧", after: "=cmd|' /C calc'!A0", ruleId: "TEXT-HTML" },
      ],
      AT,
    );
    const ws = fakeBook.sheet("No.1")!;
    expect(ws.at("A1")).toMatchObject({ value: 1777, type: "Double" });
    expect(ws.at("A2")).toMatchObject({ value: "=cmd|' /C calc'!A0", type: "String", formula: undefined });
    expect(rowsOf(fakeBook.sheet("変更履歴")!, 3, 3)).toEqual([[TIME, "No.1", "A2", "旧", "=cmd|' /C calc'!A0", "TEXT-HTML"]]);
  });

  test("ExcelJS アダプターが作った変更履歴に続けて書き、Office アダプターが書いた変更履歴と設定は ExcelJS アダプターが読める", async () => {
    const xlsx = await exceljsBook((wb) => {
      const ws = wb.addWorksheet("No.1");
      ws.getCell("F8").value = "Ａ";
      ws.getCell("G8").value = "ｂ";
    });
    await xlsx.applyEdits([{ sheet: "No.1", cell: "F8", before: "Ａ", after: "A", ruleId: "CODE-VARIANT" }], AT);
    const { book, fake } = await rigFromXlsx(await xlsx.toBytes());
    expect(await book.ownedSheets()).toEqual(["変更履歴"]);
    await book.applyEdits([{ sheet: "No.1", cell: "G8", before: "ｂ", after: "B", ruleId: "CODE-VARIANT" }], AT);

    const bytes = await fake.book.toXlsx();
    const back = await XlsxWorkbook.load(bytes);
    const log = (await oracle(bytes)).getWorksheet("変更履歴")!;
    expect([1, 2, 3].map((r) => [1, 2, 3, 4, 5, 6].map((c) => log.getCell(r, c).value))).toEqual([
      ["日時", "シート", "セル", "変更前", "変更後", "規則"],
      [TIME, "No.1", "F8", "Ａ", "A", "CODE-VARIANT"],
      [TIME, "No.1", "G8", "ｂ", "B", "CODE-VARIANT"],
    ]);
    expect(await back.ownedSheets()).toEqual(["変更履歴"]);
    expect((await oracle(bytes)).getWorksheet("No.1")!.getCell("G8").value).toBe("B");
  });
});

const INJECTION = ['=HYPERLINK("http://x","y")', "+1", "-1", "@SUM(A1)", "=cmd|' /C calc'!A0"];

describe("自分のシートを書く", () => {
  test("利用者の文字列は数式にならず文字列として書かれ(数式・数値に見えるものは先頭のアポストロフィで。書式 \"@\" は使わない)、そのまま読み戻せる", async () => {
    const fakeBook = new FakeBook();
    fakeBook.addSheet("No.1").put(0, 0, "x");
    const { fake, book } = rig(fakeBook);
    const spec: SheetSpec = {
      name: "検証結果",
      cells: [
        ...INJECTION.map((v, i) => ({ row: i, col: 0, value: text(v) })),
        { row: 0, col: 1, value: num(3) },
        { row: 1, col: 1, value: formula("SUM(B1:B1)", 3) },
      ],
      styles: {},
      merges: [],
    };
    await book.writeOwnedSheet(spec);
    const ws = fakeBook.sheet("検証結果")!;
    for (let i = 0; i < INJECTION.length; i++) {
      expect(ws.get(i, 0)).toMatchObject({ value: INJECTION[i], type: "String", numberFormat: "General", formula: undefined, quotePrefix: true });
    }
    expect(ws.at("B1")).toMatchObject({ value: 3, type: "Double" });
    expect(ws.at("B2")?.formula).toBe("=SUM(B1:B1)");
    const ops = fake.operations.filter((o) => o.includes("検証結果!"));
    expect(ops.findIndex((o) => o.startsWith("numberFormat"))).toBeLessThan(ops.findIndex((o) => o.startsWith("values")));
    const read = (await book.readAll()).sheets.find((s) => s.name === "検証結果")!;
    expect(read.rows.map((r) => r[0])).toEqual(INJECTION);
  });

  test("利用者のシートと同じ名前なら別名 (2) で作り、利用者のシートには触れない。作り直すと置き換わり (3) はできない", async () => {
    const fakeBook = new FakeBook();
    fakeBook.addSheet("評価集計").put(0, 0, "利用者が作った表");
    fakeBook.sheet("評価集計")!.merges.push({ top: 2, left: 0, bottom: 3, right: 1 });
    const before = snapshotOf(fakeBook.sheet("評価集計")!);
    const { book, fake } = rig(fakeBook);
    const spec: SheetSpec = { name: "評価集計", cells: [{ row: 0, col: 0, value: text("1回目") }], styles: {}, merges: [] };
    expect(await book.writeOwnedSheet(spec)).toEqual({ name: "評価集計 (2)", requestedName: "評価集計", replaced: false });
    const again = await book.writeOwnedSheet({ ...spec, cells: [{ row: 0, col: 0, value: text("2回目") }] });
    expect(again).toEqual({ name: "評価集計 (2)", requestedName: "評価集計", replaced: true });
    expect(snapshotOf(fakeBook.sheet("評価集計")!)).toEqual(before);
    expect(fakeBook.sheets.map((s) => s.name)).toEqual(["評価集計", "評価集計 (2)", "_chosahyo"]);
    expect(fakeBook.sheet("評価集計 (2)")!.valueAt("A1")).toBe("2回目");
    // Ownership survives: a new instance (the task pane reopened) and the ExcelJS adapter both see it.
    expect(await new OfficeWorkbook(fake.run).ownedSheets()).toEqual(["評価集計 (2)"]);
    expect(await (await XlsxWorkbook.load(await fakeBook.toXlsx())).ownedSheets()).toEqual(["評価集計 (2)"]);
  });

  test("作り直したシートは同じ位置に残り、設定は失われない", async () => {
    const fakeBook = new FakeBook();
    fakeBook.addSheet("前").put(0, 0, 1);
    fakeBook.addSheet("後").put(0, 0, 2);
    const { book } = rig(fakeBook);
    await book.writeSettings({ stage: "本部評価後" });
    await book.writeOwnedSheet({ name: "検証結果", cells: [{ row: 0, col: 0, value: text("1回目") }], styles: {}, merges: [] });
    fakeBook.sheets.splice(2, 0, fakeBook.sheets.splice(0, 1)[0]); // the user moves 前 after 検証結果
    const fresh = new OfficeWorkbook(rig(fakeBook).fake.run);
    await fresh.writeOwnedSheet({ name: "検証結果", cells: [{ row: 0, col: 0, value: text("2回目") }], styles: {}, merges: [] });
    expect(fakeBook.sheets.map((s) => s.name)).toEqual(["後", "検証結果", "前", "_chosahyo"]);
    expect(await fresh.readSettings()).toEqual({ stage: "本部評価後", owned: JSON.stringify([{ sheet: "検証結果", base: "検証結果" }]) });
    expect((await fresh.readAll()).sheets.map((s) => s.name)).toEqual(["後", "検証結果", "前"]);
  });

  test("sync は所有状態をまだ知らない新しいインスタンスでも新しいシートは 2 回、書き直しは 3 回(前の表とグラフを探す)、readAll の後なら 1 回と 2 回", async () => {
    const fakeBook = surveyBook();
    const { fake } = rig(fakeBook);
    const spec: SheetSpec = { name: "検証結果", cells: [{ row: 0, col: 0, value: text("x") }], styles: {}, merges: [] };
    const fresh = () => new OfficeWorkbook(fake.run, { isSetSupported: fake.isSetSupported });
    expect(await syncsOf(fake, () => fresh().writeOwnedSheet(spec))).toBe(2);
    expect(await syncsOf(fake, () => fresh().writeOwnedSheet(spec))).toBe(3);
    const book = fresh();
    await book.readAll();
    expect(await syncsOf(fake, () => book.writeOwnedSheet(spec))).toBe(2);
    expect(await syncsOf(fake, () => book.writeOwnedSheet({ ...spec, name: "別のシート" }))).toBe(1);
    expect(await syncsOf(fake, () => book.selectCell("No.1", "F8"))).toBe(1);
    expect(fakeBook.active?.name).toBe("No.1");
    expect(fakeBook.selection).toEqual({ sheet: "No.1", address: "F8" });
  });

  test("書式・結合・列幅・行の高さ・ウィンドウ枠の固定・入力規則・リンク・見出しの色を描く", async () => {
    const fakeBook = surveyBook();
    const { book } = rig(fakeBook);
    const spec: SheetSpec = {
      name: "評価集計",
      cells: [
        { row: 0, col: 0, value: text("見出し"), style: "head" },
        { row: 0, col: 2, value: text("右"), style: "head" },
        { row: 1, col: 0, value: text("No.1"), link: { sheet: "No.1", cell: "F8" } },
        { row: 1, col: 1, value: num(0.5), style: "pct" },
        { row: 1, col: 2, value: text("S") },
      ],
      styles: {
        head: { bold: true, fill: "#DDEBF7", fontColor: "#1F3864", border: "thin", hAlign: "center", vAlign: "middle", wrap: true },
        pct: { numberFormat: "0.0%" },
      },
      merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
      columnWidths: [20, 20, 8],
      rowHeights: { 0: 30 },
      freeze: { rows: 1, cols: 1 },
      validations: [{ range: { top: 1, left: 2, bottom: 5, right: 2 }, list: ["S", "A", "B"], errorTitle: "評価", error: "S・A・B から選ぶ" }],
      tabColor: "#70AD47",
    };
    await book.writeOwnedSheet(spec);
    const ws = fakeBook.sheet("評価集計")!;
    expect(ws.at("A1")?.format).toMatchObject({ bold: true, fill: "#DDEBF7", fontColor: "#1F3864", hAlign: "Center", vAlign: "Center", wrap: true });
    // The merged area is styled like its top-left cell, so the border closes around it.
    expect(ws.at("B1")?.format?.borders).toMatchObject({ top: { style: "Continuous", weight: "Thin" }, right: { style: "Continuous" } });
    expect(ws.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]);
    expect(ws.at("B2")).toMatchObject({ value: 0.5, numberFormat: "0.0%" });
    expect([0, 1, 2].map((c) => ws.columnWidths.get(c))).toEqual([108.75, 108.75, 45.75]);
    expect(ws.rowHeights.get(0)).toBe(30);
    expect(ws.freeze).toEqual({ rows: 1, cols: 1 });
    expect(ws.validations).toEqual([
      {
        box: { top: 1, left: 2, bottom: 5, right: 2 },
        ignoreBlanks: true,
        rule: { list: { inCellDropDown: true, source: "S,A,B" } },
        errorAlert: { showAlert: true, style: "Stop", title: "評価", message: "S・A・B から選ぶ" },
      },
    ]);
    expect(ws.at("A2")).toMatchObject({ value: "No.1", type: "String", hyperlink: { documentReference: "'No.1'!F8", textToDisplay: "No.1" } });
    expect(ws.tabColor).toBe("#70AD47");
  });

  test("入力規則を使えないホスト(ExcelApi 1.8 未満)では入力規則なしで書く", async () => {
    const fakeBook = surveyBook();
    const { book } = rig(fakeBook, { apiVersion: "1.7" });
    const spec: SheetSpec = {
      name: "評価集計",
      cells: [{ row: 0, col: 0, value: text("S") }],
      styles: {},
      merges: [],
      validations: [{ range: { top: 0, left: 0, bottom: 3, right: 0 }, list: ["S", "A", "B"] }],
    };
    await book.writeOwnedSheet(spec);
    expect(fakeBook.sheet("評価集計")!.validations).toEqual([]);
    expect(fakeBook.sheet("評価集計")!.valueAt("A1")).toBe("S");
  });

  test("要求が大きいシートは行のかたまりに分けて書き、どの要求も上限内", async () => {
    const fakeBook = surveyBook();
    const { fake, book } = rig(fakeBook, { requestBudget: 200_000 });
    const cells = Array.from({ length: 3000 }, (_, r) => [0, 1, 2, 3].map((c) => ({ row: r, col: c, value: text(`所見 ${r}-${c} 指標の実績値が目標値を下回っています`) }))).flat();
    await book.readAll();
    const syncs = await syncsOf(fake, () => book.writeOwnedSheet({ name: "検証結果", cells, styles: {}, merges: [] }));
    expect(syncs).toBeGreaterThan(2);
    expect(fake.syncs.every((s) => s.requestBytes <= 400_000 && s.requestBytes < RESPONSE_LIMIT)).toBe(true);
    const ws = fakeBook.sheet("検証結果")!;
    expect(ws.valueAt("D3000")).toBe("所見 2999-3 指標の実績値が目標値を下回っています");
    expect(ws.at("D3000")).toMatchObject({ type: "String", numberFormat: "General" });
  });
});

describe("設定", () => {
  test("設定は完全非表示の _chosahyo に文字列で書かれ、新しいインスタンスは sync 1 回で読む", async () => {
    const fakeBook = surveyBook();
    const { fake, book } = rig(fakeBook);
    await book.writeSettings({ stage: "本部評価後", fiscalYear: "2017" });
    const settings = fakeBook.sheet("_chosahyo")!;
    expect(settings.visibility).toBe("VeryHidden");
    expect(fakeBook.sheets[fakeBook.sheets.length - 1]).toBe(settings);
    expect(settings.at("B2")).toMatchObject({ value: "2017", type: "String" });
    const fresh = new OfficeWorkbook(fake.run);
    let read: Readonly<Record<string, string>> = {};
    expect(await syncsOf(fake, async () => (read = await fresh.readSettings()))).toBe(1);
    expect(read).toEqual({ stage: "本部評価後", fiscalYear: "2017" });
    expect(await (await XlsxWorkbook.load(await fakeBook.toXlsx())).readSettings()).toEqual({ stage: "本部評価後", fiscalYear: "2017" });
  });

  test("空の値を書いた設定は行ごと消える（年度更新が回収の記録を消しても空の行が残らない）", async () => {
    const fakeBook = surveyBook();
    const { fake, book } = rig(fakeBook);
    await book.writeSettings({ stage: "本部評価後", submissions: "{}", fiscalYear: "2017" });
    await book.writeSettings({ submissions: "" });
    const settings = fakeBook.sheet("_chosahyo")!;
    expect([settings.valueAt("A1"), settings.valueAt("A2"), settings.valueAt("B2"), settings.valueAt("A3")]).toEqual(["stage", "fiscalYear", "2017", ""]);
    expect(await new OfficeWorkbook(fake.run).readSettings()).toEqual({ stage: "本部評価後", fiscalYear: "2017" });
  });

  test("セルに入りきらない長い設定（百を超える課の回収の記録）は B 列から右のセルに分けて書き、どちらのアダプターも1つの値として読む", async () => {
    const fakeBook = surveyBook();
    const { fake, book } = rig(fakeBook);
    const long = JSON.stringify({ received: Array.from({ length: 2400 }, (_, i) => ({ department: `課${i}🙂`, file: `提出${i}.xlsx` })) });
    expect(long.length).toBeGreaterThan(3 * 32_767);
    await book.writeSettings({ stage: "本部評価後", submissions: long });
    const settings = fakeBook.sheet("_chosahyo")!;
    const pieces = ["B2", "C2", "D2", "E2"].map((a) => String(settings.valueAt(a)));
    expect(pieces.every((p) => p.length <= 32_767)).toBe(true);
    expect(pieces.join("")).toBe(long);
    expect(settings.valueAt("C1")).toBe("");
    const fresh = new OfficeWorkbook(fake.run);
    let read: Readonly<Record<string, string>> = {};
    // B2 is full, so the rest of the row is read: one more sync.
    expect(await syncsOf(fake, async () => (read = await fresh.readSettings()))).toBe(2);
    expect(read).toEqual({ stage: "本部評価後", submissions: long });
    expect(await (await XlsxWorkbook.load(await fakeBook.toXlsx())).readSettings()).toEqual({ stage: "本部評価後", submissions: long });
    // Shorter again: the pieces past it are cleared.
    await fresh.writeSettings({ submissions: "{}" });
    expect(["B2", "C2", "D2"].map((a) => settings.valueAt(a))).toEqual(["{}", "", ""]);
    expect(await new OfficeWorkbook(fake.run).readSettings()).toEqual({ stage: "本部評価後", submissions: "{}" });

    // Written by the .xlsx adapter, read by Excel.
    const xbook = await XlsxWorkbook.load(await exceljsBytes((wb) => void (wb.addWorksheet("No.1").getCell("A1").value = "x")));
    await xbook.writeSettings({ submissions: long });
    const bytes = await xbook.toBytes();
    const ws = (await oracle(bytes)).getWorksheet("_chosahyo")!;
    expect([2, 3, 4, 5].map((c) => String(ws.getRow(1).getCell(c).value ?? "")).join("")).toBe(long);
    expect(await (await XlsxWorkbook.load(bytes)).readSettings()).toEqual({ submissions: long });
    const { book: inExcel } = await rigFromXlsx(bytes);
    expect(await inExcel.readSettings()).toEqual({ submissions: long });
  });

  test("_chosahyo が最後のシートでなくても設定を読む(sync が 1 回増える)", async () => {
    // Written by another writer: the settings sheet sits between two user sheets.
    const bytes = await exceljsBytes((wb) => {
      wb.addWorksheet("No.1").getCell("A1").value = "x";
      const settings = wb.addWorksheet("_chosahyo", { state: "veryHidden" });
      settings.getCell("A1").value = "stage";
      settings.getCell("B1").value = "提出前";
      wb.addWorksheet("後から").getCell("A1").value = "y";
    });
    const { book, fake } = await rigFromXlsx(bytes);
    let read: Readonly<Record<string, string>> = {};
    expect(await syncsOf(fake, async () => (read = await book.readSettings()))).toBe(2);
    expect(read).toEqual({ stage: "提出前" });
  });
});
