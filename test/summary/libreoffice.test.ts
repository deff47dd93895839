/**
 * @jest-environment node
 *
 * LibreOffice, an independent client, opens the workbook with the generated sheets: page 1 of 評価集計 renders
 * (test/.out/評価集計-page1.png, for a person to look at), and the totals are formulas that it recomputes.
 */
import ExcelJS from "exceljs";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { buildSummaries } from "../../src/core/summary";
import { validateWorkbook } from "../../src/core/validate";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { ROOT } from "../helpers/grid";
import { convert, CSV_ALL_SHEETS, darkShare, libreOfficeAvailable, libreOfficeProfile, readCsv, tool } from "../helpers/libreoffice";

jest.setTimeout(240_000);

const available = libreOfficeAvailable({ poppler: true });
const suite = available ? describe : describe.skip;

const OUT = path.join(ROOT, "test", ".out");
let work: string;
let profile: string;
let output: string;

suite("LibreOffice で開く", () => {
  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), "chosahyo-lo-test-"));
    profile = libreOfficeProfile();
    const book = await XlsxWorkbook.load(readFileSync(path.join(ROOT, "seeds", "kodaira-h29.xlsx")));
    const rep = validateWorkbook(await book.readAll(), { profiles: BUILT_IN_PROFILES });
    for (const s of buildSummaries({ records: rep.records, findings: rep.findings, fiscalYear: rep.fiscalYear, profiles: BUILT_IN_PROFILES, generatedAt: new Date() })) {
      await book.writeOwnedSheet(s);
    }
    output = path.join(work, "summary.xlsx");
    writeFileSync(output, await book.toBytes());
  });

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  });

  test("LibreOffice で開いて PDF にでき、評価集計の1ページ目が空白でない画像になる", () => {
    const [pdf] = convert(output, "pdf", path.join(work, "pdf"), profile);
    expect(pdf.endsWith(".pdf")).toBe(true);
    // Each sheet starts a page; find the one whose text starts with the 評価集計 title.
    const pages = tool("pdftotext", ["-layout", pdf, "-"]).split("\f");
    const page = pages.findIndex((p) => p.trimStart().startsWith("評価集計"));
    expect(page).toBeGreaterThanOrEqual(0);
    expect(pages[page]).toContain("地域協働の推進");
    const n = String(page + 1);
    tool("pdftoppm", ["-f", n, "-l", n, "-gray", "-r", "30", pdf, path.join(work, "page")]);
    const pgm = readdirPgm(work);
    const dark = darkShare(pgm);
    expect(dark).toBeGreaterThan(0.002); // text and borders are there…
    expect(dark).toBeLessThan(0.6); // …and it is not a black page either
    mkdirSync(OUT, { recursive: true });
    tool("pdftoppm", ["-f", n, "-l", n, "-png", "-r", "80", "-singlefile", pdf, path.join(OUT, "評価集計-page1")]);
  });

  test("評価集計の合計は数式で、LibreOffice が計算し直しても同じ数になる", async () => {
    // Spoil every cached result: only a recalculation can bring the right numbers back.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(output) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("評価集計")!;
    let formulas = 0;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.formula) {
          cell.value = { formula: cell.formula, result: 0 } as ExcelJS.CellFormulaValue;
          formulas++;
        }
      }),
    );
    expect(formulas).toBeGreaterThan(20);
    const stale = path.join(work, "stale.xlsx");
    writeFileSync(stale, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const csvs = convert(stale, CSV_ALL_SHEETS, path.join(work, "csv"), profile);
    const csv = csvs.find((f) => f.endsWith("-評価集計.csv"));
    expect(csv).toBeDefined();
    const rows = readCsv(csv!);
    const row = (label: string) => rows.find((r) => r[0] === label)?.slice(1, 6).map(Number);
    expect(row("地域協働の推進")).toEqual([1, 4, 2, 0, 7]);
    expect(row("財政基盤の強化")).toEqual([1, 8, 4, 0, 13]);
    expect(row("計")).toEqual([2, 29, 10, 0, 41]);
    const share = rows.find((r) => r[0] === "割合")!.slice(1, 4).map((v) => parseFloat(v) / (v.endsWith("%") ? 100 : 1));
    expect(share.map((v) => Math.round(v * 1000))).toEqual([49, 707, 244]);
  });

});

function readdirPgm(dir: string): string {
  const f = readdirSync(dir).find((x) => x.startsWith("page") && x.endsWith(".pgm"));
  if (!f) throw new Error("pdftoppm wrote no page");
  return path.join(dir, f);
}
