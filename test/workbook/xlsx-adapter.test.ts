/**
 * @jest-environment node
 *
 * The .xlsx adapter of the workbook port: what it reads, and what it refuses to overwrite. Inputs are written by
 * ExcelJS (another writer), and ExcelJS reads back what the adapter wrote.
 */
import ExcelJS from "exceljs";
import { MAX_COLS, MAX_ROWS } from "../../src/core/model/grid";
import { text } from "../../src/core/sheet-spec";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { exceljsBook as bookWith, oracle } from "../helpers/exceljs-book";

describe("reading", () => {
  test("値・エラー値・パーセント書式・リッチテキスト・数式の結果・結合セルを読む", async () => {
    const book = await bookWith((wb) => {
      const ws = wb.addWorksheet("調査票");
      ws.getCell("B2").value = "所管課";
      ws.getCell("C2").value = 0.962;
      ws.getCell("C2").numFmt = "0.0%";
      ws.getCell("D2").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
      ws.getCell("E2").value = { richText: [{ text: "1" }, { text: "万人以上", font: { bold: true } }] };
      ws.getCell("F2").value = { formula: "1+1", result: 2 };
      ws.getCell("B4").value = "結合";
      ws.mergeCells("B4:D5");
    });
    const snap = await book.readAll();
    const g = snap.sheets[0];
    expect(g.top).toBe(1);
    expect(g.left).toBe(1);
    const at = (r: number, c: number) => g.rows[r - g.top]?.[c - g.left] ?? null;
    expect(at(1, 1)).toBe("所管課");
    expect(at(1, 2)).toBe(0.962);
    expect(g.numberFormats?.get("1,2")).toBe("0.0%");
    expect(at(1, 3)).toEqual({ error: "#REF!" });
    expect(at(1, 4)).toBe("1万人以上");
    expect(at(1, 5)).toBe(2);
    // The merged area's value is its top-left cell; the other cells of the merge read as empty.
    expect(at(3, 1)).toBe("結合");
    expect(at(3, 2)).toBeNull();
    expect(g.merges).toContainEqual({ top: 3, left: 1, bottom: 4, right: 3 });
  });

  test("非表示・完全非表示のシートも読み、その状態を伝える", async () => {
    const book = await bookWith((wb) => {
      wb.addWorksheet("見える").getCell("A1").value = "x";
      wb.addWorksheet("隠す", { state: "hidden" }).getCell("A1").value = "y";
      wb.addWorksheet("完全に隠す", { state: "veryHidden" }).getCell("A1").value = "z";
    });
    const snap = await book.readAll();
    expect(snap.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["見える", "visible"],
      ["隠す", "hidden"],
      ["完全に隠す", "veryHidden"],
    ]);
  });

  test("大きすぎる使用範囲は値のある範囲と上限で切り詰め、そのことを伝える", async () => {
    const book = await bookWith((wb) => {
      const ws = wb.addWorksheet("広い");
      ws.getCell("A1").value = "見出し";
      ws.getCell(MAX_ROWS + 500, 3).value = "遠くの値";
      ws.getCell(2, MAX_COLS + 5).value = "右の値";
    });
    const g = (await book.readAll()).sheets[0];
    expect(g.rows.length).toBeLessThanOrEqual(MAX_ROWS);
    expect(Math.max(...g.rows.map((r) => r.length))).toBeLessThanOrEqual(MAX_COLS);
    expect(g.trimmed).toEqual({ rows: MAX_ROWS + 500, cols: MAX_COLS + 5 });
  });
});

describe("writing", () => {
  test("修正は、確認した時点から値が変わっていないセルにだけ適用する", async () => {
    const book = await bookWith((wb) => {
      const ws = wb.addWorksheet("No.1");
      ws.getCell("F8").value = "Ａ";
      ws.getCell("G8").value = "ｂ";
    });
    const at = new Date(2026, 10, 22, 14, 5, 9);
    const result = await book.applyEdits(
      [
        { sheet: "No.1", cell: "F8", before: "Ａ", after: "A", ruleId: "CODE-VARIANT" },
        { sheet: "No.1", cell: "G8", before: "Ｂ", after: "B", ruleId: "CODE-VARIANT" }, // the user typed ｂ since: refused
      ],
      at,
    );
    expect(result.applied.map((e) => e.cell)).toEqual(["F8"]);
    expect(result.refused.map((e) => e.cell)).toEqual(["G8"]);
    const ws = (await oracle(await book.toBytes())).getWorksheet("No.1")!;
    expect(ws.getCell("F8").value).toBe("A");
    expect(ws.getCell("G8").value).toBe("ｂ");
    // 変更履歴 records the applied edit (and only that one), and keeps growing on the next fix.
    await book.applyEdits([{ sheet: "No.1", cell: "G8", before: "ｂ", after: "B", ruleId: "CODE-VARIANT" }], at);
    const reopened = await XlsxWorkbook.load(await book.toBytes());
    const log = (await oracle(await book.toBytes())).getWorksheet("変更履歴")!;
    const rows = [1, 2, 3].map((r) => [1, 2, 3, 4, 5, 6].map((c) => log.getCell(r, c).value));
    expect(rows).toEqual([
      ["日時", "シート", "セル", "変更前", "変更後", "規則"],
      ["2026-11-22 14:05:09", "No.1", "F8", "Ａ", "A", "CODE-VARIANT"],
      ["2026-11-22 14:05:09", "No.1", "G8", "ｂ", "B", "CODE-VARIANT"],
    ]);
    expect(await reopened.ownedSheets()).toContain("変更履歴");
  });

  test("利用者のシートと同じ名前の集計シートは別名で作り、利用者のシートは変えない", async () => {
    const book = await bookWith((wb) => {
      wb.addWorksheet("評価集計").getCell("A1").value = "利用者が作った表";
    });
    const spec = { name: "評価集計", cells: [{ row: 0, col: 0, value: text("=HYPERLINK(\"http://x\",\"y\")") }], styles: {}, merges: [] };
    const first = await book.writeOwnedSheet(spec);
    expect(first).toEqual({ name: "評価集計 (2)", requestedName: "評価集計", replaced: false });
    const second = await book.writeOwnedSheet(spec);
    // Regenerating replaces the sheet generated last time: still one 評価集計 (2), never a (3).
    expect(second).toEqual({ name: "評価集計 (2)", requestedName: "評価集計", replaced: true });
    // Reopen: the user's sheet is intact, the generated text stayed text, and ownership survived the save.
    const reopened = await XlsxWorkbook.load(await book.toBytes());
    const viaExcelJS = await oracle(await book.toBytes());
    expect(viaExcelJS.getWorksheet("評価集計")!.getCell("A1").value).toBe("利用者が作った表");
    expect(viaExcelJS.getWorksheet("評価集計 (2)")!.getCell("A1").value).toBe('=HYPERLINK("http://x","y")');
    expect(viaExcelJS.getWorksheet("評価集計 (2)")!.getCell("A1").formula).toBeUndefined();
    expect(await reopened.ownedSheets()).toEqual(["評価集計 (2)"]);
    expect(viaExcelJS.getWorksheet("評価集計 (3)")).toBeUndefined();
  });

  test("自分で作ったシートは作り直すと置き換わり、同じ位置に残る", async () => {
    const book = await bookWith((wb) => {
      wb.addWorksheet("前").getCell("A1").value = 1;
      wb.addWorksheet("後").getCell("A1").value = 2;
    });
    await book.writeOwnedSheet({ name: "検証結果", cells: [{ row: 0, col: 0, value: text("1回目") }], styles: {}, merges: [] });
    const again = await book.writeOwnedSheet({ name: "検証結果", cells: [{ row: 0, col: 0, value: text("2回目") }], styles: {}, merges: [] });
    expect(again).toEqual({ name: "検証結果", replaced: true });
    const reopened = await XlsxWorkbook.load(await book.toBytes());
    const viaExcelJS = await oracle(await book.toBytes());
    const names = viaExcelJS.worksheets.filter((w) => w.state === "visible").map((w) => w.name);
    expect(names).toEqual(["前", "後", "検証結果"]);
    expect(viaExcelJS.getWorksheet("検証結果")!.getCell("A1").value).toBe("2回目");
    // The settings sheet is not a sheet the user sees or the reader validates.
    expect((await reopened.readAll()).sheets.map((s) => s.name)).toEqual(["前", "後", "検証結果"]);
  });

  test("シート名は Excel と同じく大文字小文字を区別せずに比べる: 利用者の findings があれば Findings (2)、利用者が名前の大小を変えた自分のシートは置き換える", async () => {
    const first = await bookWith((wb) => {
      wb.addWorksheet("findings").getCell("A1").value = "利用者";
    });
    const spec = (v: string) => ({ name: "Findings", cells: [{ row: 0, col: 0, value: text(v) }], styles: {}, merges: [] });
    expect(await first.writeOwnedSheet(spec("1"))).toEqual({ name: "Findings (2)", requestedName: "Findings", replaced: false });
    // In Excel, the user renames it, changing only the case (ExcelJS refuses that rename, so the file is edited).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await first.toBytes()) as unknown as ArrayBuffer);
    (wb.getWorksheet("Findings (2)") as unknown as { _name: string })._name = "FINDINGS (2)";
    const book = await XlsxWorkbook.load(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    expect(await book.ownedSheets()).toEqual(["Findings (2)"]);
    expect(await book.writeOwnedSheet(spec("2"))).toEqual({ name: "Findings (2)", requestedName: "Findings", replaced: true });
    const viaExcelJS = await oracle(await book.toBytes());
    expect(viaExcelJS.worksheets.map((w) => w.name)).toEqual(["findings", "FINDINGS (2)", "_chosahyo"]);
    expect(viaExcelJS.getWorksheet("findings")!.getCell("A1").value).toBe("利用者");
    expect(viaExcelJS.getWorksheet("FINDINGS (2)")!.getCell("A1").value).toBe("2");
  });

  test("writeOwnedSheets はまとめて書き、進み具合を知らせ、所有の記録は 1 回で全部残る", async () => {
    const book = await bookWith((wb) => {
      wb.addWorksheet("評価一覧").getCell("A1").value = "利用者";
    });
    const specs = ["評価一覧", "評価集計", "検証結果"].map((name) => ({ name, cells: [{ row: 0, col: 0, value: text(name) }], styles: {}, merges: [] }));
    const progress: string[] = [];
    const written = await book.writeOwnedSheets(specs, { onProgress: (d, t) => progress.push(`${d}/${t}`) });
    expect(written.map((w) => w.name)).toEqual(["評価一覧 (2)", "評価集計", "検証結果"]);
    expect(progress).toEqual(["1/3", "2/3", "3/3"]);
    expect(await book.ownedSheets()).toEqual(["評価一覧 (2)", "評価集計", "検証結果"]);
    await expect(book.writeOwnedSheets([specs[0], specs[0]])).rejects.toThrow(/twice/);
  });

  test("セルを選んでもファイルは変わらない(選択は表示側のこと)。無いシートは sheet-missing", async () => {
    const book = await bookWith((wb) => {
      wb.addWorksheet("A").getCell("A1").value = 1;
      wb.addWorksheet("No.24").getCell("A1").value = 2;
    });
    const before = await book.toBytes();
    await book.selectCell("No.24", "F8");
    expect(Buffer.from(await book.toBytes()).equals(Buffer.from(before))).toBe(true);
    await expect(book.selectCell("No.99", "A1")).rejects.toMatchObject({ code: "sheet-missing" });
  });
});
