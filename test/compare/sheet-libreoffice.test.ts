/**
 * @jest-environment node
 *
 * 前年度比較 opened by LibreOffice, an independent client: the totals by 方針 and by department are formulas that it
 * recomputes to the same counts (every cached result spoiled first), texts that look like formulas stay text and are
 * counted as text, and page 1 renders (test/.out/前年度比較-page1.png, for a person to look at; docs/images/compare-kodaira.png
 * is that page).
 */
import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ItemRow, RatingComparison, YearComparison } from "../../src/core/compare/types";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { buildSummaries } from "../../src/core/summary";
import { COMPARE_SHEET } from "../../src/core/summary/compare-sheet";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { cli } from "../helpers/cli";
import { ROOT } from "../helpers/grid";
import { convert, CSV_ALL_SHEETS, darkShare, libreOfficeAvailable, libreOfficeProfile, readCsv, tool } from "../helpers/libreoffice";
import { AT } from "../summary/helpers";
import { kodairaNextYear } from "./next-year";

jest.setTimeout(240_000);

const available = libreOfficeAvailable({ poppler: true });
const suite = available ? describe : describe.skip;

const OUT = path.join(ROOT, "test", ".out");
const EVIL_GROUP = '=HYPERLINK("http://x","a")';
const EVIL_TITLE = '=HYPERLINK("http://example.com","click")';

let work: string;
let profile: string;

/** Replaces every formula's cached result with 0 and saves a copy: only a recalculation brings the counts back. */
async function spoiled(file: string, sheet: string): Promise<{ file: string; formulas: number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  let formulas = 0;
  wb.getWorksheet(sheet)!.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.formula) {
        cell.value = { formula: cell.formula, result: 0 } as ExcelJS.CellFormulaValue;
        formulas++;
      }
    }),
  );
  const out = path.join(work, `stale-${path.basename(file)}`);
  writeFileSync(out, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  return { file: out, formulas };
}

/** The sheet as LibreOffice computes it, as CSV rows. */
function recalculated(file: string, dir: string): string[][] {
  const csv = convert(file, CSV_ALL_SHEETS, path.join(work, dir), profile).find((f) => f.endsWith(`-${COMPARE_SHEET}.csv`));
  if (!csv) throw new Error("no CSV of 前年度比較");
  return readCsv(csv);
}

/** The rows of a totals table under its header (first column `label`), up to its total row. */
function totalsBelow(rows: string[][], label: string, last: string): string[][] {
  const head = rows.findIndex((r) => r[0] === label && r[1] === "↑ 上がった");
  const end = rows.findIndex((r, i) => i > head && r[0] === last);
  return rows.slice(head + 1, end + 1).map((r) => r.slice(0, 6));
}

suite("LibreOffice で開く前年度比較", () => {
  beforeAll(() => {
    work = mkdtempSync(path.join(os.tmpdir(), "chosahyo-compare-lo-"));
    profile = libreOfficeProfile();
  });
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  });

  test("compare -o の書き出し: 方針別・所管課別の数は数式で、LibreOffice が計算し直しても同じ数になる", async () => {
    const { last, next } = await kodairaNextYear();
    const h29 = path.join(work, "h29.xlsx");
    const h30 = path.join(work, "h30.xlsx");
    writeFileSync(h29, last.bytes);
    writeFileSync(h30, next.bytes);
    const out = path.join(work, "out.xlsx");
    expect((await cli(["compare", h29, h30, "-o", out])).code).toBe(0);
    const stale = await spoiled(out, COMPARE_SHEET);
    expect(stale.formulas).toBeGreaterThan(100);
    const rows = recalculated(stale.file, "csv");
    expect(totalsBelow(rows, "方針", "計")).toEqual([
      ["地域協働の推進", "2", "9", "2", "4", "17"],
      ["情報の共有と双方向のコミュニケーション", "0", "2", "0", "0", "2"],
      ["PDCAサイクルの構築", "0", "6", "0", "0", "6"],
      ["財政基盤の強化", "0", "15", "1", "0", "16"],
      ["執行体制の再構築", "0", "16", "0", "1", "17"],
      ["計", "2", "48", "3", "5", "58"],
    ]);
    const depts = totalsBelow(rows, "所管課", "延べ計");
    const at = (d: string) => depts.find((r) => r[0] === d);
    // 政策課 is also inside 情報政策課: only a name between separators counts.
    expect([at("政策課"), at("情報政策課"), at("公共施設マネジメント課"), at("延べ計")]).toEqual([
      ["政策課", "2", "8", "0", "0", "10"],
      ["情報政策課", "0", "1", "0", "0", "1"],
      ["公共施設マネジメント課", "0", "3", "1", "1", "5"],
      ["延べ計", "5", "85", "3", "6", "99"],
    ]);
  });

  test("数式のように見える文字列は文字列のまま書かれ、そのまま数えられる", async () => {
    const ref = (name: string, group: string, departments: string[]) => ({ sheet: "No.1", cell: "A5", id: "1", name, group, departments, ended: false });
    const rating = (last: string, now: string, change: RatingComparison["change"]): RatingComparison => ({
      field: "eval1",
      label: { ja: "1次評価", en: "1st evaluation" },
      last,
      this: now,
      change,
      steps: change === "same" ? 0 : 1,
      toLowest: false,
      highlight: false,
    });
    const row = (name: string, group: string, departments: string[], r: RatingComparison): ItemRow => ({
      profileId: "kodaira-chosahyo",
      change: "continued",
      matchedBy: "id",
      renumbered: false,
      last: ref(name, group, departments),
      this: ref(name, group, departments),
      ratings: [r],
      indicators: [],
      texts: [],
      carry: [],
    });
    const comparison: YearComparison = {
      lastYear: 2017,
      thisYear: 2018,
      profiles: ["kodaira-chosahyo"],
      onlyLast: [],
      onlyThis: [],
      items: [
        row(EVIL_TITLE, EVIL_GROUP, ["=1+1", "総務課"], rating("B", "A", "up")),
        row("二つ目", EVIL_GROUP, ["総務課"], rating("A", "B", "down")),
        row("三つ目", "+SUM(1)", ["@x"], rating("A", "A", "same")),
      ],
      totals: { items: { continued: 3, added: 0, removed: 0, ended: 0, restarted: 0, split: 0, merged: 0 }, renumbered: 0, ratings: [], indicators: { better: 0, same: 0, worse: 0, regressed: 0 }, texts: { identical: 0, similar: 0, new: 0 } },
    };
    const specs = buildSummaries({ records: [], findings: [], profiles: BUILT_IN_PROFILES, generatedAt: AT, comparison }, [COMPARE_SHEET]);
    const book = XlsxWorkbook.create();
    await book.writeOwnedSheets(specs);
    const file = path.join(work, "evil.xlsx");
    writeFileSync(file, await book.toBytes());

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(COMPARE_SHEET)!;
    expect([ws.getCell("A6").value, ws.getCell("C6").value, ws.getCell("D6").value, ws.getCell("A8").value, ws.getCell("D8").value]).toEqual([EVIL_GROUP, EVIL_TITLE, "=1+1、総務課", "+SUM(1)", "@x"]);

    const rows = recalculated((await spoiled(file, COMPARE_SHEET)).file, "csv-evil");
    expect(rows[5].slice(0, 4)).toEqual([EVIL_GROUP, "1", EVIL_TITLE, "=1+1、総務課"]);
    expect(totalsBelow(rows, "方針", "計")).toEqual([
      [EVIL_GROUP, "1", "0", "1", "0", "2"],
      ["+SUM(1)", "0", "1", "0", "0", "1"],
      ["計", "1", "1", "1", "0", "3"],
    ]);
    expect(totalsBelow(rows, "所管課", "延べ計")).toEqual([
      ["総務課", "1", "0", "1", "0", "2"],
      ["@x", "0", "1", "0", "0", "1"],
      ["=1+1", "1", "0", "0", "0", "1"],
      ["延べ計", "2", "1", "1", "0", "4"],
    ]);
  });

  test("1ページ目が空白でない画像になる（test/.out/前年度比較-page1.png）", async () => {
    const { last, next } = await kodairaNextYear();
    const { compareSheet } = await import("./sheet-helpers");
    const { spec } = await compareSheet({ last, next });
    const book = XlsxWorkbook.create();
    await book.writeOwnedSheets([spec]);
    const file = path.join(work, "page.xlsx");
    writeFileSync(file, await book.toBytes());
    const [pdf] = convert(file, "pdf", path.join(work, "pdf"), profile);
    const pages = tool("pdftotext", ["-layout", pdf, "-"]).split("\f");
    expect(pages[0].trimStart().startsWith("前年度比較")).toBe(true);
    expect(pages[0]).toContain("協働推進体制の充実");
    tool("pdftoppm", ["-f", "1", "-l", "1", "-gray", "-r", "30", pdf, path.join(work, "page")]);
    const pgm = readdirSync(work).find((x) => x.startsWith("page") && x.endsWith(".pgm"))!;
    const dark = darkShare(path.join(work, pgm));
    expect(dark).toBeGreaterThan(0.002);
    expect(dark).toBeLessThan(0.6);
    mkdirSync(OUT, { recursive: true });
    tool("pdftoppm", ["-f", "1", "-l", "1", "-png", "-r", "110", "-singlefile", pdf, path.join(OUT, "前年度比較-page1")]);
  });
});
