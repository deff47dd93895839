/**
 * @jest-environment node
 *
 * Summary sheets generated from seeds/kodaira-h29.xlsx, checked in the saved file as a user would open it.
 */
import ExcelJS from "exceljs";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { buildSummaries } from "../../src/core/summary";
import { validateWorkbook } from "../../src/core/validate";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { readFileSync } from "node:fs";
import path from "node:path";
import { linkAt } from "../helpers/exceljs-book";
import { ROOT } from "../helpers/grid";

const SEED = path.join(ROOT, "seeds", "kodaira-h29.xlsx");
const AT = new Date(2026, 10, 22, 9, 30);

async function generate(bytes: Uint8Array, opts: { includeReposts?: boolean } = {}) {
  const book = await XlsxWorkbook.load(bytes);
  const rep = validateWorkbook(await book.readAll(), { profiles: BUILT_IN_PROFILES });
  const specs = buildSummaries({ records: rep.records, findings: rep.findings, fiscalYear: rep.fiscalYear, profiles: BUILT_IN_PROFILES, generatedAt: AT, ...opts });
  const written = await book.writeOwnedSheets(specs);
  const saved = await book.toBytes();
  const reopened = new ExcelJS.Workbook();
  await reopened.xlsx.load(saved as unknown as ArrayBuffer);
  return { written, reopened, saved, report: rep };
}

/** The table under a header cell: rows of [label, ...values] until the first empty label. */
function tableBelow(ws: ExcelJS.Worksheet, headerText: string): { header: string[]; rows: (string | number)[][]; formulas: (string | undefined)[][]; headerRow: number } {
  let headerRow = 0;
  ws.eachRow((row, r) => {
    if (!headerRow && row.getCell(1).value === headerText) headerRow = r;
  });
  if (!headerRow) throw new Error(`no header ${headerText}`);
  const width = ws.getRow(headerRow).cellCount;
  const header = Array.from({ length: width }, (_, i) => String(ws.getCell(headerRow, i + 1).value ?? ""));
  const rows: (string | number)[][] = [];
  const formulas: (string | undefined)[][] = [];
  for (let r = headerRow + 1; ws.getCell(r, 1).value; r++) {
    const vals: (string | number)[] = [];
    const fs: (string | undefined)[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(r, c);
      fs.push(cell.formula || undefined);
      const v = cell.value as unknown;
      vals.push(cell.formula ? (cell.result as number) : (v as string | number));
    }
    rows.push(vals);
    formulas.push(fs);
  }
  return { header, rows, formulas, headerRow };
}

describe("評価集計 (docs/summaries.md の表を再現する)", () => {
  test("方針別の S/A/B と計が公表の表と一致し、計は数式である（再掲を除く 41 項目）", async () => {
    const { reopened } = await generate(readFileSync(SEED));
    const ws = reopened.getWorksheet("評価集計")!;
    const t = tableBelow(ws, "方針");
    expect(t.header).toEqual(["方針", "S", "A", "B", "未評価", "計"]);
    const byLabel = Object.fromEntries(t.rows.map((r) => [r[0], r.slice(1)]));
    // docs/summaries.md: 小平 調査票, 評価集計 by 方針, reposts 29 and 41 excluded.
    expect(byLabel["地域協働の推進"]).toEqual([1, 4, 2, 0, 7]);
    expect(byLabel["情報の共有と双方向のコミュニケーション"]).toEqual([0, 1, 2, 0, 3]);
    expect(byLabel["PDCAサイクルの構築"]).toEqual([0, 4, 2, 0, 6]);
    expect(byLabel["財政基盤の強化"]).toEqual([1, 8, 4, 0, 13]);
    expect(byLabel["執行体制の再構築"]).toEqual([0, 12, 0, 0, 12]);
    expect(byLabel["計"]).toEqual([2, 29, 10, 0, 41]);
    expect(t.rows.map((r) => r[0])).toEqual(["地域協働の推進", "情報の共有と双方向のコミュニケーション", "PDCAサイクルの構築", "財政基盤の強化", "執行体制の再構築", "計", "割合"]);
    // Row totals and column totals are live formulas over the sheet's own cells.
    const totalRow = t.rows.findIndex((r) => r[0] === "計");
    t.rows.slice(0, totalRow).forEach((_, i) => expect(t.formulas[i][5]).toMatch(/^SUM\(B\d+:E\d+\)$/));
    expect(t.formulas[totalRow].slice(1)).toEqual(["SUM(B5:B9)", "SUM(C5:C9)", "SUM(D5:D9)", "SUM(E5:E9)", "SUM(F5:F9)"]);
    // Shares: 2/41, 29/41, 10/41.
    const share = t.rows[totalRow + 1];
    expect(share.slice(1, 4).map((v) => Math.round((v as number) * 1000) / 1000)).toEqual([0.049, 0.707, 0.244]);
    expect(ws.getCell("A1").value).toBe("評価集計");
    expect(String(ws.getCell("A2").value)).toContain("2017年度（平成29年度）");
    expect(String(ws.getCell("A2").value)).toContain("読み取った記録: 58件");
    expect(String(ws.getCell("A2").value)).toContain("エラーの指摘: 4件");
    // The chart cannot be drawn by the file renderer: the basis line says so.
    expect(String(ws.getCell("A2").value)).toContain("グラフ");
  });

  test("再掲を含めると 3 / 30 / 10 = 43 になる", async () => {
    const { reopened } = await generate(readFileSync(SEED), { includeReposts: true });
    const t = tableBelow(reopened.getWorksheet("評価集計")!, "方針");
    expect(t.rows.find((r) => r[0] === "計")!.slice(1)).toEqual([3, 30, 10, 0, 43]);
    expect(t.rows.find((r) => r[0] === "財政基盤の強化")!.slice(1)).toEqual([1, 9, 4, 0, 14]);
    expect(t.rows.find((r) => r[0] === "執行体制の再構築")!.slice(1)).toEqual([1, 12, 0, 0, 13]);
  });

  test("所管課別の表では各所管課・全課を別の行に分けて数える", async () => {
    const { reopened } = await generate(readFileSync(SEED));
    const t = tableBelow(reopened.getWorksheet("評価集計")!, "所管課");
    const labels = t.rows.map((r) => String(r[0]));
    const unspecified = labels.filter((l) => l.endsWith("（課を特定しない記載）"));
    expect(unspecified).toEqual(["各所管課（課を特定しない記載）", "施設所管課（課を特定しない記載）", "全課（課を特定しない記載）"]);
    // They come after every named department, just before the total.
    expect(labels.slice(-4, -1)).toEqual(unspecified);
    expect(labels[labels.length - 1]).toBe("延べ計");
    // 政策課 is listed on 10 main sheets (not counting reposts).
    expect(t.rows.find((r) => r[0] === "政策課")!.slice(-1)).toEqual([10]);
  });
});

describe("評価一覧・指標達成状況・検証結果", () => {
  test("評価一覧は再掲を含む 43 行で、各行の取組項目は元のシートのセルへリンクする", async () => {
    const { reopened, written, saved } = await generate(readFileSync(SEED));
    // The seed's own 評価一覧 is a user sheet: the generated one takes a free name and the user's is untouched.
    expect(written[0]).toEqual({ name: "評価一覧 (2)", requestedName: "評価一覧", replaced: false });
    const ws = reopened.getWorksheet("評価一覧 (2)")!;
    const t = tableBelow(ws, "方針");
    expect(t.rows).toHaveLength(43);
    const repost = t.rows.find((r) => r[1] === "29")!;
    expect(repost[9]).toBe("No.15の再掲");
    const no24 = t.rows.findIndex((r) => r[1] === "24");
    const link = linkAt(saved, "評価一覧 (2)", t.headerRow + 1 + no24, 3);
    expect(link.hyperlink).toBe("#'No.24'!A5");
    expect(link.text).toBe("介護保険料の収納率向上 対策の実施");
    expect(Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables)).toEqual(["chosahyo_ratings"]);
    expect(ws.pageSetup.orientation).toBe("landscape");
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.printTitlesRow).toBe("4:4");
    expect(ws.headerFooter.oddFooter).toContain("&A");
  });

  test("指標達成状況: No.24 は未達、No.6 は期限前、No.35 は判定不可", async () => {
    const { reopened } = await generate(readFileSync(SEED));
    const t = tableBelow(reopened.getWorksheet("指標達成状況")!, "No.");
    const rows = (no: string) => t.rows.filter((r) => r[0] === no);
    expect(rows("24").map((r) => r[9])).toEqual(["未達", "未達", "未達"]);
    expect(rows("24").map((r) => r[11])).toEqual(["現年分", "滞繰分", "全体"]);
    expect(rows("6")[0][9]).toBe("期限前");
    expect(rows("35")[0][9]).toBe("判定不可");
    // No.28: 1千万円/年 against 29,509,646円, both in 円 after conversion.
    expect(rows("28")[0].slice(3, 8)).toEqual([10000000, 10000000, null, 29509646, "円"]);
  });

  test("検証結果: 重要度別・規則別の件数と、セルへのリンクつきの指摘一覧", async () => {
    const { reopened, report, saved } = await generate(readFileSync(SEED));
    const ws = reopened.getWorksheet("検証結果")!;
    const counts = tableBelow(ws, "重要度");
    expect(counts.rows.slice(0, 3).map((r) => [r[0], r[1]])).toEqual([
      ["エラー", 4],
      ["警告", 96],
      ["情報", 15],
    ]);
    let head = 0;
    ws.eachRow((row, r) => {
      if (row.getCell(1).value === "重要度" && row.getCell(2).value === "規則") head = r;
    });
    expect(head).toBeGreaterThan(0);
    const first = linkAt(saved, "検証結果", head + 1, 4);
    expect(first.hyperlink).toBe(`#'${report.findings[0].sheet}'!${report.findings[0].cell}`);
    expect(ws.getCell(head + report.findings.length, 1).value).toBeTruthy();
    expect(ws.getCell(head + report.findings.length + 1, 1).value).toBeNull();
  });
});

describe("作り直しと利用者のシート", () => {
  test("2回作っても集計シートは1組だけで、利用者の「評価集計」シートは変わらない", async () => {
    const src = new ExcelJS.Workbook();
    await src.xlsx.load(readFileSync(SEED) as unknown as ArrayBuffer);
    const mine = src.addWorksheet("評価集計");
    mine.getCell("B2").value = "利用者が作った表";
    mine.getCell("B3").value = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue;
    const bytes = new Uint8Array((await src.xlsx.writeBuffer()) as ArrayBuffer);
    const first = await generate(bytes);
    const second = await generate(first.saved);
    const names = second.reopened.worksheets.filter((w) => w.state === "visible").map((w) => w.name);
    expect(names.filter((n) => n.startsWith("評価集計"))).toEqual(["評価集計", "評価集計 (2)"]);
    expect(names.filter((n) => n.startsWith("評価一覧"))).toEqual(["評価一覧", "評価一覧 (2)"]);
    expect(names.filter((n) => n === "指標達成状況" || n === "検証結果")).toEqual(["指標達成状況", "検証結果"]);
    const user = second.reopened.getWorksheet("評価集計")!;
    expect(user.getCell("B2").value).toBe("利用者が作った表");
    expect(user.getCell("B3").formula).toBe("1+1");
    expect(user.actualRowCount).toBe(2);
  });
});
