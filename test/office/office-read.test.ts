/**
 * @jest-environment node
 *
 * OfficeWorkbook.readAll through the strict fake: a constant number of syncs whatever the sheet count, no response
 * over Excel on the web's 5 MB, and the same grids as the ExcelJS adapter for hidden sheets, merged cells, errors,
 * dates, percentages and huge used ranges.
 */
import type ExcelJS from "exceljs";
import type { SheetGrid } from "../../src/core/model/grid";
import { MAX_COLS, MAX_ROWS } from "../../src/core/model/grid";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { surveySheetSpec } from "../../src/core/template/kodaira-chosahyo";
import { validateWorkbook } from "../../src/core/validate";
import { checkRequirements } from "../../src/workbook/office/requirements";
import { specsToXlsx } from "../../scripts/lib/exceljs-render";
import { exceljsBook } from "../helpers/exceljs-book";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { generateSurveyWorkbook, surveyInputs } from "../../scripts/bench/generate";
import { FakeBook, RESPONSE_LIMIT, SHEET_COLS, SHEET_ROWS } from "../fakes/excel-fake";
import { rig, rigFromXlsx, syncsOf, xlsxWith } from "./office-helpers";

async function oneSurveySheet(): Promise<Uint8Array> {
  return specsToXlsx([surveySheetSpec(surveyInputs(1)[0])]);
}

/** Grids compared with merges in a stable order. */
const norm = (g: SheetGrid) => ({ ...g, merges: [...g.merges].sort((a, b) => a.top - b.top || a.left - b.left) });

async function bothAdapters(bytes: Uint8Array) {
  const viaXlsx = await (await XlsxWorkbook.load(bytes)).readAll();
  const r = await rigFromXlsx(bytes);
  const viaOffice = await r.book.readAll();
  return { viaXlsx, viaOffice, ...r };
}

describe("sync の回数と応答の大きさ", () => {
  test("1・58・500 シートのブックを同じ回数(3 回以下)の sync で読み、検証できる", async () => {
    const counts: number[] = [];
    for (const bytes of [await oneSurveySheet(), await generateSurveyWorkbook(57), await generateSurveyWorkbook(499)]) {
      const { fake, book } = await rigFromXlsx(bytes);
      let snapshot: Awaited<ReturnType<typeof book.readAll>> | undefined;
      counts.push(await syncsOf(fake, async () => (snapshot = await book.readAll())));
      const report = validateWorkbook(snapshot!, { profiles: BUILT_IN_PROFILES });
      expect(report.sheets.filter((s) => s.status === "recognised").length).toBe(snapshot!.sheets.length);
      expect(fake.maxResponseBytes).toBeLessThanOrEqual(RESPONSE_LIMIT);
      expect(fake.syncs.every((s) => !s.error)).toBe(true);
    }
    // 1, 58 and 500 sheets: list, used ranges, one chunk of values.
    expect(counts).toEqual([3, 3, 3]);
  });

  test("5 MB を超える量は行のかたまりに分けて読み、かたまり 1 つにつき sync 1 回。どの応答も 5 MB 以下", async () => {
    const fakeBook = new FakeBook();
    fakeBook.addSheet("評価一覧").put(0, 0, "No.").put(1, 0, 1);
    for (const name of ["大量1", "大量2"]) {
      const ws = fakeBook.addSheet(name);
      for (let r = 0; r < MAX_ROWS; r++) for (let c = 0; c < MAX_COLS; c++) ws.put(r, c, `テキスト${r}-${c}`);
    }
    const { fake, book } = rig(fakeBook);
    const progress: string[] = [];
    const snapshot = await book.readAll({ onProgress: (p) => progress.push(`${p.done} / ${p.total}`) });

    const stats = book.lastRead!;
    expect(stats.chunks).toBeGreaterThanOrEqual(4); // two sheets of ~5 MB each, in pieces under the 4 MB budget
    expect(stats.retries).toBe(0);
    expect(fake.syncCount).toBe(2 + stats.chunks);
    expect(fake.maxResponseBytes).toBeLessThanOrEqual(RESPONSE_LIMIT);
    // Every cell arrived, in place.
    const big = snapshot.sheets[2];
    expect(big.rows.length).toBe(MAX_ROWS);
    expect(big.rows[MAX_ROWS - 1][MAX_COLS - 1]).toBe(`テキスト${MAX_ROWS - 1}-${MAX_COLS - 1}`);
    expect(big.rows[1456][7]).toBe("テキスト1456-7");
    // Progress between chunks, counted in sheets.
    expect(progress.length).toBe(stats.chunks);
    expect(progress[progress.length - 1]).toBe("3 / 3");
  });

  test("Excel が大きすぎると断った応答は半分に分けて読み直し、値は欠けない", async () => {
    const fakeBook = new FakeBook();
    const ws = fakeBook.addSheet("大量");
    for (let r = 0; r < 1000; r++) for (let c = 0; c < 20; c++) ws.put(r, c, `長めのテキスト${r}-${c}`);
    const { fake, book } = rig(fakeBook, { responseLimit: 300_000 });
    const snapshot = await book.readAll();
    expect(book.lastRead!.retries).toBeGreaterThan(0);
    expect(snapshot.sheets[0].rows[999][19]).toBe("長めのテキスト999-19");
    expect(snapshot.sheets[0].rows.flat().filter((v) => v !== null).length).toBe(20_000);
    expect(fake.syncs.filter((s) => !s.error).every((s) => s.responseBytes <= 300_000)).toBe(true);
  });

  test("古い Excel on the web が大きすぎる応答を GeneralException とだけ言っても、半分に分けて読み直し、その後のかたまりは小さくする", async () => {
    const fakeBook = new FakeBook();
    for (const name of ["大量1", "大量2", "大量3"]) {
      const ws = fakeBook.addSheet(name);
      for (let r = 0; r < 1000; r++) for (let c = 0; c < 20; c++) ws.put(r, c, `長めのテキスト${name}${r}-${c}`);
    }
    const { fake, book } = rig(fakeBook, { responseLimit: 300_000, oversizedAs: "GeneralException" });
    const snapshot = await book.readAll();
    expect(snapshot.sheets.map((s) => s.rows.flat().filter((v) => v !== null).length)).toEqual([20_000, 20_000, 20_000]);
    expect(snapshot.sheets[2].rows[999][19]).toBe("長めのテキスト大量3999-19");
    // Refused while the budget was too big; once it is small enough, never again.
    const refused = fake.syncs.filter((s) => s.error === "GeneralException").length;
    expect(refused).toBeGreaterThan(0);
    expect(book.lastRead!.retries).toBe(refused);
    const lastRefusal = fake.syncs.map((s) => s.error).lastIndexOf("GeneralException");
    expect(fake.syncs.slice(lastRefusal + 1).filter((s) => !s.error).length).toBeGreaterThan(3);
    // A later read starts with the smaller budget.
    fake.reset();
    await book.readAll();
    expect(fake.syncs.filter((s) => s.error).length).toBe(0);
  });

  test("読み込みはかたまりの間で中止でき、WorkbookError(cancelled) になる", async () => {
    const fakeBook = new FakeBook();
    for (const name of ["大量1", "大量2"]) {
      const ws = fakeBook.addSheet(name);
      for (let r = 0; r < MAX_ROWS; r++) for (let c = 0; c < 40; c++) ws.put(r, c, `テキスト${r}-${c}`);
    }
    const { book } = rig(fakeBook);
    let chunks = 0;
    const read = book.readAll({ onProgress: () => chunks++, isCancelled: () => chunks >= 1 });
    await expect(read).rejects.toMatchObject({ name: "WorkbookError", code: "cancelled" });
    expect(chunks).toBe(1);
  });
});

describe("ExcelJS アダプターと同じに読む", () => {
  test("値・エラー値・日付・パーセント・真偽値・リッチテキスト・数式の結果", async () => {
    const bytes = await xlsxWith((wb) => {
      const ws = wb.addWorksheet("調査票");
      ws.getCell("B2").value = "所管課";
      ws.getCell("C2").value = 0.962;
      ws.getCell("C2").numFmt = "0.0%";
      ws.getCell("D2").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
      ws.getCell("E2").value = { richText: [{ text: "1" }, { text: "万人以上", font: { bold: true } }] };
      ws.getCell("F2").value = { formula: "1+1", result: 2 };
      ws.getCell("G2").value = new Date(Date.UTC(2018, 3, 1));
      ws.getCell("G2").numFmt = "yyyy/m/d";
      ws.getCell("H2").value = true;
      ws.getCell("I2").value = 1234;
      ws.getCell("I2").numFmt = "#,##0";
      ws.getCell("J2").value = "#REF!"; // text that looks like an error
    });
    const { viaXlsx, viaOffice } = await bothAdapters(bytes);
    expect(viaOffice.sheets.map(norm)).toEqual(viaXlsx.sheets.map(norm));
    const g = viaOffice.sheets[0];
    expect(g.rows[0]).toEqual(["所管課", 0.962, { error: "#REF!" }, "1万人以上", 2, new Date(Date.UTC(2018, 3, 1)), true, 1234, "#REF!"]);
    expect(g.numberFormats?.get("1,2")).toBe("0.0%");
  });

  test("結合セルだらけのシート(Excel が一度に数えない 512 を超える結合): 帯に分けて読み、結合範囲はすべて伝わり、結合の 2 つ目以降のセルは空になる", async () => {
    const bytes = await xlsxWith((wb) => {
      const ws = wb.addWorksheet("結合だらけ");
      for (let r = 1; r <= 200; r++) {
        for (let c = 1; c <= 20; c += 2) {
          ws.getCell(r, c).value = `${r}-${c}`;
          ws.mergeCells(r, c, r, c + 1);
        }
      }
      ws.getCell("A202").value = "縦";
      ws.mergeCells("A202:A210");
    });
    const { viaXlsx, viaOffice, fake, book } = await bothAdapters(bytes);
    expect(viaOffice.sheets.map(norm)).toEqual(viaXlsx.sheets.map(norm));
    expect(viaOffice.sheets[0].merges.length).toBe(2001);
    expect(book.lastRead?.mergesBanded).toBe(true);
    expect(viaOffice.sheets[0].rows[0].slice(0, 3)).toEqual(["1-1", null, "1-3"]);
    // The refused count costs one sync; the bands of ≤ 1,024 cells are counted with the values, and the areas of those
    // that hold some are read through areas.items in one sync more (RangeAreas.address gives top-left cells only).
    expect(fake.syncs.map((s) => s.error)).toEqual([undefined, "GeneralException", undefined, undefined, undefined]);
    expect(fake.maxResponseBytes).toBeLessThanOrEqual(RESPONSE_LIMIT);
  });

  test("512 を超える結合に Excel が null を返しても「結合なし」とは取らず、帯に分けて読み直す(大きいシートだけ)。結合はすべて伝わる", async () => {
    const bytes = await xlsxWith((wb) => {
      const ws = wb.addWorksheet("結合だらけ");
      for (let r = 1; r <= 200; r++) {
        for (let c = 1; c <= 20; c += 2) {
          ws.getCell(r, c).value = `${r}-${c}`;
          ws.mergeCells(r, c, r, c + 1);
        }
      }
      const small = wb.addWorksheet("小さい");
      small.getCell("A1").value = "結合なし";
    });
    const { book } = await rigFromXlsx(bytes, { mergeLimitAs: "null" });
    const snapshot = await book.readAll();
    expect(snapshot.sheets.map((s) => s.merges.length)).toEqual([2000, 0]);
    expect(snapshot.sheets[0].rows[0].slice(0, 3)).toEqual(["1-1", null, "1-3"]);
    expect(book.lastRead?.mergesBanded).toBe(true);
  });

  test("非表示・完全非表示のシートも状態つきで並び、設定シート _chosahyo は並ばない", async () => {
    const xlsx = await exceljsBook((wb) => {
      wb.addWorksheet("見える").getCell("A1").value = "x";
      wb.addWorksheet("隠す", { state: "hidden" }).getCell("A1").value = "y";
      wb.addWorksheet("完全に隠す", { state: "veryHidden" }).getCell("A1").value = "z";
    });
    await xlsx.writeSettings({ stage: "本部評価後" });
    const { viaXlsx, viaOffice } = await bothAdapters(await xlsx.toBytes());
    expect(viaOffice.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["見える", "visible"],
      ["隠す", "hidden"],
      ["完全に隠す", "veryHidden"],
    ]);
    expect(viaOffice.settings).toEqual({ stage: "本部評価後" });
    expect(viaOffice.sheets.map(norm)).toEqual(viaXlsx.sheets.map(norm));
  });

  test("上限を超える値のある大きな使用範囲は、値のある範囲と上限で切り詰め、そのことを伝える", async () => {
    const bytes = await xlsxWith((wb) => {
      const ws = wb.addWorksheet("広い");
      ws.getCell("A1").value = "見出し";
      ws.getCell(MAX_ROWS + 500, 3).value = "遠くの値";
      ws.getCell(2, MAX_COLS + 5).value = "右の値";
    });
    const { viaXlsx, viaOffice } = await bothAdapters(bytes);
    const g = viaOffice.sheets[0];
    expect(g.trimmed).toEqual({ rows: MAX_ROWS + 500, cols: MAX_COLS + 5 });
    expect(norm(g)).toEqual(norm(viaXlsx.sheets[0]));
  });

  test("列全体に書式を付けた A1:XFD1048576 の使用範囲でも、読むのは値のある範囲だけで、切り詰めたことを伝える", async () => {
    const fakeBook = new FakeBook();
    const ws = fakeBook.addSheet("書式だらけ").put(0, 0, "見出し").put(9, 4, 12);
    ws.formatted = { top: 0, left: 0, bottom: SHEET_ROWS - 1, right: SHEET_COLS - 1 };
    const { fake, book } = rig(fakeBook);
    const g = (await book.readAll()).sheets[0];
    expect(g.trimmed).toEqual({ rows: SHEET_ROWS, cols: SHEET_COLS });
    expect(g.rows.length).toBe(10);
    expect(g.rows[9][4]).toBe(12);
    expect(fake.maxResponseBytes).toBeLessThan(10_000);
  });

  test("保護されたシートも読み、保護されていることを伝える", async () => {
    const fakeBook = new FakeBook();
    fakeBook.addSheet("保護").put(0, 0, "x").protected = true;
    fakeBook.addSheet("普通").put(0, 0, "y");
    const { book } = rig(fakeBook);
    expect((await book.readAll()).sheets.map((s) => [s.name, s.protected])).toEqual([
      ["保護", true],
      ["普通", false],
    ]);
  });

  test("結合範囲を読めないホスト(ExcelApi 1.13 未満)でも読め、結合なしで読んだことを伝える", async () => {
    const bytes = await xlsxWith((wb) => {
      const ws = wb.addWorksheet("結合");
      ws.getCell("B4").value = "結合";
      ws.mergeCells("B4:D5");
    });
    const { fake, book } = await rigFromXlsx(bytes, { apiVersion: "1.12" });
    const snapshot = await book.readAll();
    expect(snapshot.limitations).toEqual({ mergedAreas: false });
    expect(snapshot.sheets[0].merges).toEqual([]);
    expect(snapshot.sheets[0].rows).toEqual([["結合"]]);
    expect(fake.syncCount).toBe(3);
    expect(checkRequirements(fake.isSetSupported).missing.map((m) => m.feature)).toEqual(["mergedAreas"]);
  });
});
