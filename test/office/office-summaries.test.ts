/**
 * @jest-environment node
 *
 * Summary sheets generated through the Office adapter on the strict fake (all summary sheets in ≤ 4 syncs;
 * formula injection), compared with what the ExcelJS adapter writes for the same workbook.
 */
import ExcelJS from "exceljs";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { WorkbookSnapshot } from "../../src/core/model/grid";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { buildSummaries } from "../../src/core/summary";
import { type SheetSpec, text } from "../../src/core/sheet-spec";
import { validateWorkbook } from "../../src/core/validate";
import { OfficeWorkbook } from "../../src/workbook/office/office-workbook";
import { columnWidthPoints } from "../../src/workbook/office/render";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { exceljsBook, oracle } from "../helpers/exceljs-book";
import { type FakeBook, type FakeCell, type FakeSheet, RESPONSE_LIMIT } from "../fakes/excel-fake";
import { ROOT } from "../helpers/grid";
import { injectedSample, INJECTIONS } from "../helpers/injected-sample";
import { rigFromXlsx, syncsOf } from "./office-helpers";

const SEED = path.join(ROOT, "seeds", "kodaira-h29.xlsx");
const AT = new Date(2026, 10, 22, 9, 30);
const SUMMARY_NAMES = ["評価一覧 (2)", "評価集計", "指標達成状況", "検証結果"];

/**
 * What each sample can summarise: 評価 sheets need ratings or status codes, 指標達成状況 needs indicators, and
 * 未着手・中止一覧 needs a status set with 未着手/中止 codes. The 推進プログラム table has none of these.
 */
const SEED_SUMMARIES: Record<string, string[]> = {
  "kodaira-h29.xlsx": ["評価一覧", "評価集計", "指標達成状況", "検証結果"],
  "kodaira-h29-list-as-printed.xlsx": ["評価一覧", "評価集計", "指標達成状況", "検証結果"],
  "musashino-h29.xlsx": ["評価一覧", "評価集計", "未着手・中止一覧", "検証結果"],
  "mitaka-2021.xlsx": ["指標達成状況", "検証結果"],
  "kodaira-program-r6.xlsx": ["検証結果"],
};

function summariesOf(snapshot: WorkbookSnapshot): SheetSpec[] {
  const rep = validateWorkbook(snapshot, { profiles: BUILT_IN_PROFILES });
  return buildSummaries({ records: rep.records, findings: rep.findings, fiscalYear: rep.fiscalYear, profiles: BUILT_IN_PROFILES, generatedAt: AT });
}

/** The seed, plus a user's own sheet named 評価集計 when asked. */
async function seedBytes(userCrosstab = false): Promise<Uint8Array> {
  const bytes = new Uint8Array(readFileSync(SEED));
  if (!userCrosstab) return bytes;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const mine = wb.addWorksheet("評価集計");
  mine.getCell("B2").value = "利用者が作った表";
  mine.getCell("B3").value = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue;
  mine.mergeCells("B5:C6");
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Summaries through the ExcelJS adapter, reopened from the saved file. */
async function viaExcelJS(bytes: Uint8Array): Promise<{ names: string[]; reopened: ExcelJS.Workbook; saved: Uint8Array }> {
  const book = await XlsxWorkbook.load(bytes);
  const written = await book.writeOwnedSheets(summariesOf(await book.readAll()));
  const saved = await book.toBytes();
  const reopened = new ExcelJS.Workbook();
  await reopened.xlsx.load(saved as unknown as ArrayBuffer);
  return { names: written.map((w) => w.name), reopened, saved };
}

function snapshotOf(sheet: FakeSheet): unknown {
  return JSON.parse(JSON.stringify({ cells: [...sheet.cells.entries()], merges: sheet.merges, name: sheet.name, tables: sheet.tables, charts: sheet.charts }));
}

function cellsOf(sheet: FakeSheet): { r: number; c: number; cell: FakeCell }[] {
  return [...sheet.cells.entries()].map(([k, cell]) => ({ r: Math.floor(k / 16384), c: k % 16384, cell }));
}

describe("集計シートをまとめて書く (Office アダプター、厳格な偽物)", () => {
  test("見本の集計シート 4 枚は readAll の後 sync 3 回(準備・内容・枠の固定と印刷設定)、新しいインスタンスでも 4 回(≤ 4)で、どの要求も 5 MB 未満", async () => {
    const { fake, book } = await rigFromXlsx(await seedBytes());
    const specs = summariesOf(await book.readAll());
    expect(specs.map((s) => s.name)).toEqual(["評価一覧", "評価集計", "指標達成状況", "検証結果"]);
    expect(specs.reduce((n, s) => n + s.cells.length, 0)).toBeGreaterThan(2000);
    const progress: [number, number][] = [];
    let names: string[] = [];
    const syncs = await syncsOf(fake, async () => {
      names = (await book.writeOwnedSheets(specs, { onProgress: (d, t) => progress.push([d, t]) })).map((r) => r.name);
    });
    expect(syncs).toBe(3);
    expect(names).toEqual(SUMMARY_NAMES);
    expect(progress[progress.length - 1]).toEqual([4, 4]);
    expect(fake.syncs.every((s) => s.requestBytes < RESPONSE_LIMIT && s.responseBytes < RESPONSE_LIMIT)).toBe(true);

    // A fresh instance (the pane reopened) first reads the sheet list and the settings: one sync more.
    const fresh = new OfficeWorkbook(fake.run, { isSetSupported: fake.isSetSupported });
    let again: Awaited<ReturnType<OfficeWorkbook["writeOwnedSheets"]>> = [];
    expect(await syncsOf(fake, async () => (again = await fresh.writeOwnedSheets(specs)))).toBe(4);
    expect(again.map((r) => [r.name, r.replaced])).toEqual(SUMMARY_NAMES.map((n) => [n, true]));
  });

  test("評価集計のセル(値・数式・数値の書式)と結合・列幅は ExcelJS アダプターが書くものと同じ。基準の行だけが違い、グラフの注記がない", async () => {
    const bytes = await seedBytes();
    const { fake, book } = await rigFromXlsx(bytes);
    await book.writeOwnedSheets(summariesOf(await book.readAll()));
    const viaOffice = fake.book.sheet("評価集計")!;
    const { reopened } = await viaExcelJS(bytes);
    const viaXlsx = reopened.getWorksheet("評価集計")!;

    const expected: Record<string, unknown> = {};
    viaXlsx.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        const key = `${r - 1},${c - 1}`;
        if (cell.formula) expected[key] = { formula: `=${cell.formula}`, numberFormat: cell.numFmt || "General" };
        else if (typeof cell.value === "number") expected[key] = { value: cell.value, numberFormat: cell.numFmt || "General" };
        else if (typeof cell.value === "string") expected[key] = { value: cell.value, type: "String" };
      }),
    );
    const actual: Record<string, unknown> = {};
    for (const { r, c, cell } of cellsOf(viaOffice)) {
      const key = `${r},${c}`;
      if (cell.formula) actual[key] = { formula: cell.formula, numberFormat: cell.numberFormat };
      else if (cell.type === "Double") actual[key] = { value: cell.value, numberFormat: cell.numberFormat };
      else if (cell.type === "String") actual[key] = { value: cell.value, type: "String" };
    }
    const basis = "1,0";
    const note = "（グラフ: このファイルの出力では作成していません。Excel のアドインから作成すると表示されます）";
    expect((expected[basis] as { value: string }).value).toBe((actual[basis] as { value: string }).value + note);
    delete expected[basis];
    delete actual[basis];
    expect(Object.keys(actual).length).toBeGreaterThan(200);
    expect(actual).toEqual(expected);
    // The published figures (docs/summaries.md): 計 of 方針 S/A/B = 2/29/10 in the ExcelJS file, and the same formulas here.
    expect(viaOffice.at("F10")?.formula).toBe("=SUM(F5:F9)");
    expect([viaXlsx.getCell("B10").result, viaXlsx.getCell("C10").result, viaXlsx.getCell("D10").result]).toEqual([2, 29, 10]);
    expect(viaOffice.merges).toEqual([]);
    // ExcelJS leaves a width of 9 (its default) out of the file, so only the widths the file has are compared.
    const widths = (viaXlsx.columns ?? []).map((col, i) => [i, col.width] as const).filter(([, w]) => w !== undefined);
    expect(widths.length).toBeGreaterThan(0);
    for (const [i, w] of widths) expect(viaOffice.columnWidths.get(i)).toBe(columnWidthPoints(w!));
    expect([1, 2, 3, 4, 5].map((i) => viaOffice.columnWidths.get(i))).toEqual(new Array(5).fill(columnWidthPoints(9)));
    expect(viaOffice.freeze).toEqual({ rows: 4, cols: 0 });
  });

  test("評価集計に積み上げ横棒グラフ(方針 × S/A/B/未評価、題名つき、表の右)を置き、「作成していません」の注記は書かない", async () => {
    const { fake, book } = await rigFromXlsx(await seedBytes());
    const [, crosstab] = await book.writeOwnedSheets(summariesOf(await book.readAll()));
    expect(crosstab).toEqual({ name: "評価集計", replaced: false });
    const ws = fake.book.sheet("評価集計")!;
    expect(ws.charts).toEqual([
      {
        name: "Chart 1",
        type: "BarStacked",
        seriesBy: "Columns",
        source: { sheet: "評価集計", box: { top: 4, left: 0, bottom: 8, right: 4 } },
        categories: { top: 4, left: 0, bottom: 8, right: 0 },
        series: ["S", "A", "B", "未評価"].map((name, k) => ({ name, values: { top: 4, left: 1 + k, bottom: 8, right: 1 + k } })),
        title: "評価集計（方針）",
        position: { start: "H4", end: "O20" },
      },
    ]);
    // The categories are the 方針 labels.
    expect([4, 5, 6, 7, 8].map((r) => ws.get(r, 0)?.value)).toEqual([
      "地域協働の推進",
      "情報の共有と双方向のコミュニケーション",
      "PDCAサイクルの構築",
      "財政基盤の強化",
      "執行体制の再構築",
    ]);
    expect(String(ws.valueAt("A2"))).toContain("読み取った記録: 58件");
    expect(String(ws.valueAt("A2"))).not.toContain("グラフ");
  });

  test("表(フィルターボタンつき、TableStyleLight9、ブックで一意の名前)と印刷設定(A4 横・1 ページ幅・見出し行の繰り返し・フッター)がある", async () => {
    const { fake, book } = await rigFromXlsx(await seedBytes());
    await book.writeOwnedSheets(summariesOf(await book.readAll()));
    const tables = fake.book.tables().map(({ sheet, table }) => [sheet.name, table.name, table.box, table.style, table.showFilterButton]);
    expect(tables).toEqual([
      ["評価一覧 (2)", "chosahyo_ratings", { top: 3, left: 0, bottom: 46, right: 10 }, "TableStyleLight9", true],
      ["指標達成状況", "chosahyo_indicators", { top: 3, left: 0, bottom: 86, right: 12 }, "TableStyleLight9", true],
      ["検証結果", "chosahyo_findings", { top: 16, left: 0, bottom: 131, right: 6 }, "TableStyleLight9", true],
    ]);
    // The header row is what the spec says (Excel did not rename a column).
    expect([0, 1, 2, 10].map((c) => fake.book.sheet("評価一覧 (2)")!.get(3, c)?.value)).toEqual(["方針", "No.", "取組項目", "シート"]);
    for (const name of SUMMARY_NAMES) {
      expect([name, fake.book.sheet(name)!.pageLayout]).toEqual([
        name,
        {
          orientation: "Landscape",
          paperSize: "A4",
          zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
          printTitleRows: name === "検証結果" ? "$17:$17" : "$4:$4",
          centerFooter: "&A（&P / &N ページ）",
        },
      ]);
    }
    // Links into the records' sheets.
    const list = fake.book.sheet("評価一覧 (2)")!;
    const linked = cellsOf(list).filter(({ cell }) => cell.hyperlink);
    expect(linked.length).toBe(43);
    expect(linked.every(({ cell }) => /^'No\.[^']+'!A5$/.test(cell.hyperlink!.documentReference!) && cell.type === "String")).toBe(true);
  });

  test("ExcelApi 1.9 がないホストでは印刷設定なしで書き、結果の omitted にそう書く(失敗しない)", async () => {
    const bytes = await seedBytes();
    const { fake, book } = await rigFromXlsx(bytes, { apiVersion: "1.8" });
    await book.readAll();
    // Below ExcelApi 1.13 the adapter reads no merged areas (and finds fewer indicators): the specs come from the file.
    const specs = summariesOf(await (await XlsxWorkbook.load(bytes)).readAll());
    let results: Awaited<ReturnType<OfficeWorkbook["writeOwnedSheets"]>> = [];
    expect(await syncsOf(fake, async () => (results = await book.writeOwnedSheets(specs)))).toBe(3);
    expect(results.map((r) => [r.name, r.omitted])).toEqual(SUMMARY_NAMES.map((n) => [n, ["print"]]));
    for (const name of SUMMARY_NAMES) expect(fake.book.sheet(name)!.pageLayout).toEqual({});
    expect(fake.book.sheet("評価集計")!.charts.length).toBe(1);
    expect(fake.book.tables().length).toBe(3);
  });
});

describe.each(readdirSync(path.join(ROOT, "seeds")).filter((f) => f.toLowerCase().endsWith(".xlsx")))("見本 %s", (file) => {
  test("作れる集計シートをすべて、新しいインスタンスでも sync 4 回以内で書き、ExcelJS アダプターと同じ名前になる", async () => {
    const bytes = new Uint8Array(readFileSync(path.join(ROOT, "seeds", file)));
    const { fake, book } = await rigFromXlsx(bytes);
    const specs = summariesOf(await book.readAll());
    expect(specs.map((s) => s.name)).toEqual(SEED_SUMMARIES[file]);
    const fresh = new OfficeWorkbook(fake.run, { isSetSupported: fake.isSetSupported });
    let names: string[] = [];
    const syncs = await syncsOf(fake, async () => (names = (await fresh.writeOwnedSheets(specs)).map((r) => r.name)));
    expect(syncs).toBeLessThanOrEqual(4);
    expect(fake.syncs.slice(-syncs).every((s) => s.requestBytes < RESPONSE_LIMIT && s.responseBytes < RESPONSE_LIMIT)).toBe(true);
    expect(names).toEqual((await viaExcelJS(bytes)).names);
    for (const name of names) expect(fake.book.sheet(name)!.pageLayout.orientation).toBe("Landscape");
  });
});

describe("数式の注入 (Office アダプター)", () => {
  test("セルの =HYPERLINK(…)・+1・-1・@SUM(A1)・=cmd|… は、どの集計シートでも文字列(先頭のアポストロフィ、リンクの文字は書式 \"@\")で、数式にならず、そのまま読み戻せる", async () => {
    const { fake, book } = await rigFromXlsx(await injectedSample());
    const written = (await book.writeOwnedSheets(summariesOf(await book.readAll()))).map((r) => r.name);
    expect(written).toEqual(SUMMARY_NAMES);
    const seen = new Map<string, Set<string>>();
    for (const name of written) {
      for (const { cell } of cellsOf(fake.book.sheet(name)!)) {
        if (cell.formula) expect(cell.formula).toMatch(/^=(SUM\([A-Z]+\d+:[A-Z]+\d+\)|IF\([A-Z]+\d+=0,0,[A-Z]+\d+\/[A-Z]+\d+\))$/);
        if (typeof cell.value !== "string" || !INJECTIONS.includes(cell.value)) continue;
        expect(cell).toMatchObject({ type: "String", formula: undefined });
        expect(cell.quotePrefix === true || cell.numberFormat === "@").toBe(true);
        if (!seen.has(cell.value)) seen.set(cell.value, new Set());
        seen.get(cell.value)!.add(name);
      }
    }
    expect(INJECTIONS.filter((s) => !seen.has(s))).toEqual([]);
    expect(seen.get(INJECTIONS[0])).toEqual(new Set(["評価一覧 (2)", "指標達成状況"]));
    expect(seen.get("+1")).toContain("評価集計");
    expect(seen.get("@SUM(A1)")).toContain("指標達成状況");

    // The formats went in before the values, range by range, in the same batch.
    for (const name of written) {
      const ops = fake.operations.filter((o) => o.includes(`${name}'!`) || o.includes(` ${name}!`));
      const values = ops.map((o, i) => [o, i] as const).filter(([o]) => o.startsWith("values "));
      expect(values.length).toBeGreaterThan(0);
      for (const [op, i] of values) expect(ops.slice(0, i)).toContain(op.replace(/^values /, "numberFormat "));
    }

    // Read back through the adapter: the same strings.
    const back = await book.readAll();
    const texts = new Set(back.sheets.filter((s) => written.includes(s.name)).flatMap((s) => s.rows.flat()).filter((v): v is string => typeof v === "string"));
    expect(INJECTIONS.filter((s) => !texts.has(s))).toEqual([]);
  });
});

describe("作り直しと利用者のシート (Office アダプター)", () => {
  test("2 回作っても集計シートは 1 組だけ、同じ位置・同じ表の名前で、利用者の「評価集計」シートは変わらない", async () => {
    const { fake, book } = await rigFromXlsx(await seedBytes(true));
    const user = snapshotOf(fake.book.sheet("評価集計")!);
    const specs = summariesOf(await book.readAll());
    const first = await book.writeOwnedSheets(specs);
    const order = fake.book.sheets.map((s) => s.name);
    // A new instance (the pane reopened) regenerates.
    const second = await new OfficeWorkbook(fake.run, { isSetSupported: fake.isSetSupported }).writeOwnedSheets(specs);
    expect(first.map((r) => [r.name, r.requestedName, r.replaced])).toEqual([
      ["評価一覧 (2)", "評価一覧", false],
      ["評価集計 (2)", "評価集計", false],
      ["指標達成状況", undefined, false],
      ["検証結果", undefined, false],
    ]);
    expect(second.map((r) => [r.name, r.replaced])).toEqual(first.map((r) => [r.name, true]));
    expect(fake.book.sheets.map((s) => s.name)).toEqual(order);
    expect(order.slice(-6)).toEqual(["評価集計", "評価一覧 (2)", "評価集計 (2)", "指標達成状況", "検証結果", "_chosahyo"]);
    expect(snapshotOf(fake.book.sheet("評価集計")!)).toEqual(user);
    expect(fake.book.sheet("評価集計")!.at("B3")?.formula).toBe("=1+1");
    expect(fake.book.tables().map((t) => t.table.name)).toEqual(["chosahyo_ratings", "chosahyo_indicators", "chosahyo_findings"]);
    expect(fake.book.sheet("評価集計 (2)")!.charts.length).toBe(1);
    expect(await book.ownedSheets()).toEqual(["評価一覧 (2)", "評価集計 (2)", "指標達成状況", "検証結果"]);
    // The ExcelJS adapter reads the ownership the Office adapter wrote, and replaces the same sheets.
    const xlsx = await XlsxWorkbook.load(await fake.book.toXlsx());
    expect(await xlsx.ownedSheets()).toEqual(["評価一覧 (2)", "評価集計 (2)", "指標達成状況", "検証結果"]);
    expect((await xlsx.writeOwnedSheets(specs)).map((r) => [r.name, r.replaced])).toEqual(first.map((r) => [r.name, true]));
  });

  test("利用者の表や名前が同じ名前を持つときは _2 をつけ、利用者の表には触れない", async () => {
    const { fake, book } = await rigFromXlsx(await seedBytes());
    const mine = fake.book.addSheet("利用者の表");
    mine.put(0, 0, "見出し").put(1, 0, 1);
    mine.tables.push({ name: "Chosahyo_Findings", box: { top: 0, left: 0, bottom: 1, right: 0 }, style: "TableStyleMedium2", showFilterButton: true, showHeaders: true });
    fake.book.names.push("chosahyo_indicators");
    await book.writeOwnedSheets(summariesOf(await book.readAll()));
    expect(fake.book.tables().map(({ sheet, table }) => [sheet.name, table.name])).toEqual([
      ["利用者の表", "Chosahyo_Findings"],
      ["評価一覧 (2)", "chosahyo_ratings"],
      ["指標達成状況", "chosahyo_indicators_2"],
      ["検証結果", "chosahyo_findings_2"],
    ]);
  });

  test("値を書くバッチがセル編集中で断られると、追加した空のシートを途中のシートとして伝え、それは自分のもので、次の実行は (2) にせず書き直す", async () => {
    const { fake, book } = await rigFromXlsx(await seedBytes());
    const specs = summariesOf(await book.readAll());
    const at = fake.syncCount;
    fake.beforeSync = (n) => {
      fake.cellEditMode = n >= at + 2;
    };
    await expect(book.writeOwnedSheets(specs)).rejects.toMatchObject({
      name: "WorkbookError",
      code: "sheets-interrupted",
      reason: { code: "cell-edit-mode" },
      progress: { written: [], partial: SUMMARY_NAMES, unconfirmed: false },
    });
    fake.beforeSync = undefined;
    fake.cellEditMode = false;
    expect(fake.book.sheet("評価集計")!.cells.size).toBe(0);
    const again = await book.writeOwnedSheets(specs);
    expect(again.map((r) => [r.name, r.replaced])).toEqual(SUMMARY_NAMES.map((n) => [n, true]));
    expect(fake.book.sheets.filter((s) => s.name.startsWith("評価集計")).map((s) => s.name)).toEqual(["評価集計"]);
    expect(fake.book.sheet("評価集計")!.valueAt("A1")).toBe("評価集計");
  });

  test("大きな出力は 4 MB ごとの要求に分かれ(sync が増える)、表は見出しの行が書かれた後に加わる", async () => {
    const { fake, book } = await rigFromXlsx(await seedBytes(), { requestBudget: 40_000 });
    const specs = summariesOf(await book.readAll());
    const syncs = await syncsOf(fake, () => book.writeOwnedSheets(specs));
    expect(syncs).toBeGreaterThan(3);
    expect(fake.syncs.slice(-syncs).every((s) => s.requestBytes <= 80_000)).toBe(true);
    expect(fake.book.tables().map((t) => t.table.name)).toEqual(["chosahyo_ratings", "chosahyo_indicators", "chosahyo_findings"]);
    expect(fake.book.sheet("検証結果")!.get(16, 0)?.value).toBe("重要度");
    expect(fake.book.sheet("検証結果")!.get(131, 0)?.value).toBeTruthy();
  });
});

describe("列幅とブックの既定フォント (項目 11)", () => {
  test.each([
    ["Calibri", 11, "Normal", 7],
    ["游ゴシック", 11, "Normal", 8],
    ["ＭＳ Ｐゴシック", 11, "標準", 8],
    ["Meiryo UI", 11, "Normal", 8],
    ["Arial", 10, "Normal", 7],
    ["游ゴシック", 14, "Normal", 10],
  ])("標準フォント %s %d pt (スタイル名 %s) のブックでは、列幅を %d ピクセルの数字で数える", async (font, size, styleName, digit) => {
    const { fake, book } = await rigFromXlsx(await seedBytes());
    fake.book.normalFont = { name: font as string, size: size as number };
    fake.book.normalStyleName = styleName as string;
    const specs = summariesOf(await book.readAll());
    await book.writeOwnedSheets(specs);
    const crosstab = specs.find((x) => x.name === "評価集計")!;
    const ws = fake.book.sheet("評価集計")!;
    crosstab.columnWidths!.forEach((chars, i) => expect([i, ws.columnWidths.get(i)]).toEqual([i, (Math.trunc(chars * (digit as number)) + 5) * 0.75]));
  });
});

describe("スタイルが増えたブック", () => {
  // Copied between offices for years, a workbook can carry tens of thousands of custom styles (標準 2, 標準 3 …).
  test("カスタムのスタイルが 6 万あっても、スタイルの一覧は先頭だけ読み、Web 版の 5 MB の上限を超えずに検証と集計ができる", async () => {
    const { fake, book } = await rigFromXlsx(await seedBytes());
    fake.book.customStyles = 60_000;
    fake.book.normalFont = { name: "游ゴシック", size: 11 };
    const specs = summariesOf(await book.readAll());
    expect((await book.writeOwnedSheets(specs)).map((r) => r.name)).toEqual(SUMMARY_NAMES);
    expect(fake.syncs.filter((x) => x.error)).toEqual([]);
    expect(Math.max(...fake.syncs.map((x) => x.responseBytes))).toBeLessThan(1_000_000);
  });

  test("標準スタイルが先頭の一覧にあれば、そのフォントで列幅を数える", async () => {
    const { fake, book } = await rigFromXlsx(await seedBytes());
    fake.book.customStyles = 500;
    fake.book.normalFont = { name: "游ゴシック", size: 14 };
    const specs = summariesOf(await book.readAll());
    await book.writeOwnedSheets(specs);
    const crosstab = specs.find((x) => x.name === "評価集計")!;
    const ws = fake.book.sheet("評価集計")!;
    crosstab.columnWidths!.forEach((chars, i) => expect([i, ws.columnWidths.get(i)]).toEqual([i, (Math.trunc(chars * 10) + 5) * 0.75]));
  });
});

describe("要求の大きさ (ガード)", () => {
  test("Excel on the web が要求を大きすぎると断ったら、要求を小さくして書き直し、以後もその大きさで書く。シートは断られなかった場合と同じ", async () => {
    const { fake, book } = await rigFromXlsx(await seedBytes(), { requestLimit: 60_000 });
    const specs = summariesOf(await book.readAll());
    const names = (await book.writeOwnedSheets(specs)).map((r) => r.name);
    expect(names).toEqual(SUMMARY_NAMES);
    expect(fake.syncs.some((s) => s.error === "RequestPayloadSizeLimitExceeded")).toBe(true);
    expect(fake.syncs.filter((s) => !s.error).every((s) => s.requestBytes <= 60_000)).toBe(true);
    const { fake: clean, book: cleanBook } = await rigFromXlsx(await seedBytes(), { host: "desktop" });
    await cleanBook.writeOwnedSheets(summariesOf(await cleanBook.readAll()));
    for (const name of names) expect([name, snapshotOf(fake.book.sheet(name)!)]).toEqual([name, snapshotOf(clean.book.sheet(name)!)]);
    fake.reset();
    await book.writeOwnedSheets(specs);
    expect(fake.syncs.filter((s) => s.error).length).toBe(0);
  });
});

describe("ExcelJS アダプターとの一致", () => {
  test("同じブック(利用者の「評価集計」つき)から、ExcelJS アダプターの writeOwnedSheets は Office アダプターと同じシート名を返し、作り直しても同じ", async () => {
    const bytes = await seedBytes(true);
    const viaXlsx = await viaExcelJS(bytes);
    const { fake, book } = await rigFromXlsx(bytes);
    const specs = summariesOf(await book.readAll());
    const viaOffice = (await book.writeOwnedSheets(specs)).map((r) => r.name);
    expect(viaXlsx.names).toEqual(viaOffice);
    expect(viaOffice).toEqual(["評価一覧 (2)", "評価集計 (2)", "指標達成状況", "検証結果"]);
    // Sheet order too (ExcelJS keeps the settings sheet last as well).
    const visible = (names: string[]) => names.filter((n) => n !== "_chosahyo");
    expect(visible(viaXlsx.reopened.worksheets.map((w) => w.name))).toEqual(visible(fake.book.sheets.map((s) => s.name)));
    const again = await viaExcelJS(viaXlsx.saved);
    expect(again.names).toEqual((await book.writeOwnedSheets(specs)).map((r) => r.name));
    // Table names agree as well.
    const xlsxTables = again.reopened.worksheets.flatMap((w) => Object.keys((w as unknown as { tables: Record<string, unknown> }).tables));
    expect(xlsxTables).toEqual(fake.book.tables().map((t) => t.table.name));
  });

  test("表の見出しが空や重複でも、両方のアダプターが同じ列名(列3、計_2)を書く", async () => {
    const spec: SheetSpec = {
      name: "一覧",
      cells: [
        { row: 0, col: 0, value: text("計") },
        { row: 0, col: 1, value: text("計") },
        { row: 1, col: 0, value: text("a") },
        { row: 1, col: 2, value: text("c") },
      ],
      styles: {},
      merges: [],
      tables: [{ name: "chosahyo_list", range: { top: 0, left: 0, bottom: 1, right: 2 } }],
    };
    const xlsx = await exceljsBook((wb) => (wb.addWorksheet("No.1").getCell("A1").value = "x"));
    await xlsx.writeOwnedSheets([spec]);
    const reopened = await oracle(await xlsx.toBytes());
    const headerXlsx = [1, 2, 3].map((c) => reopened.getWorksheet("一覧")!.getCell(1, c).value);
    const { fake, book } = await rigFromXlsx(await xlsx.toBytes());
    await book.writeOwnedSheets([spec]);
    const headerOffice = [0, 1, 2].map((c) => fake.book.sheet("一覧")!.get(0, c)?.value);
    expect(headerOffice).toEqual(["計", "計_2", "列3"]);
    expect(headerXlsx).toEqual(headerOffice);
    expect(fake.book.tables().map((t) => t.table.name)).toEqual(["chosahyo_list"]);
  });
});

export type { FakeBook };
