/**
 * @jest-environment node
 *
 * LibreOffice, an independent client, opens a new plan's blank workbook, input aids and all: it shows the 調査票 as
 * written (its own CSV export of the sheets), prints each on one page, and the copy it saves as .xlsx is still read by
 * the checker as the canonical layout.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { validateWorkbook } from "../../src/core/validate";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { cli } from "../helpers/cli";
import { ROOT } from "../helpers/grid";
import { convert, CSV_ALL_SHEETS, libreOfficeAvailable, hasPoppler, libreOfficeProfile, readCsv, tool } from "../helpers/libreoffice";

jest.setTimeout(240_000);

const available = libreOfficeAvailable();
const suite = available ? describe : describe.skip;

let work: string;
let profile: string;
let output: string;

suite("LibreOffice で新しい計画のブックを開く", () => {
  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), "chosahyo-new-plan-lo-"));
    profile = libreOfficeProfile();
    output = path.join(work, "new-plan.xlsx");
    const run = await cli(["new-plan", path.join(ROOT, "seeds", "data", "kodaira", "plan-items.csv"), "-o", output, "--plan-period", "2017-2020", "--plan-name", "第3次行財政再構築"]);
    if (run.code !== 0) throw new Error(run.stderr);
  });

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  });

  test("LibreOffice shows every sheet, the 調査票 and the 評価一覧 with their titles and headers", () => {
    const csvs = convert(output, CSV_ALL_SHEETS, path.join(work, "csv"), profile);
    const sheet = (name: string) => readCsv(csvs.find((f) => f.endsWith(`-${name}.csv`))!);
    // Besides 変更履歴 (where the input aids are recorded) and the add-in's hidden settings sheet:
    expect(csvs.filter((f) => /-(評価一覧|No\.\d+)\.csv$/.test(f))).toHaveLength(42);
    const no1 = sheet("No.1");
    expect(no1[0][0]).toBe("第3次行財政再構築進捗状況調査票（平成29年度末）");
    expect(no1[3].slice(5, 10)).toEqual(["実施内容", "平成29年度", "平成30年度", "平成31年度", "平成32年度"]);
    expect(no1[4][0]).toBe("No.1 協働推進体制の充実\n<目的・ねらい>\n市民活動を支援し、協働推進体制の充実を図る。");
    const list = sheet("評価一覧");
    expect(list[2].slice(0, 4)).toEqual(["項目(方針)", "No.", "取組項目", "主な推進担当課"]);
    expect(list.filter((r) => /^\d+$/.test(r[1] ?? ""))).toHaveLength(43);
  });

  (hasPoppler() ? test : test.skip)("printed, the 評価一覧 and each 調査票 take one page, all columns on it", () => {
    const [pdf] = convert(output, "pdf", path.join(work, "pdf"), profile);
    const pages = tool("pdftotext", ["-layout", pdf, "-"]).split("\f");
    // The 評価一覧 first, all 43 rows on its page; then each 調査票 on a page of its own, its last column on it too.
    expect(pages[0]).toContain("29年度末評価");
    expect(pages[0]).toContain("広域連携の推進");
    const surveys = pages.filter((p) => p.includes("進捗状況調査票（平成29年度末）"));
    expect(surveys).toHaveLength(41);
    expect(surveys.map((p) => /No\.(\d+) /.exec(p)?.[1])).toEqual(Array.from({ length: 43 }, (_, i) => String(i + 1)).filter((n) => n !== "29" && n !== "41"));
    for (const p of surveys) {
      expect(p).toContain("平成32年度");
      expect(p).toContain("来年度に向けての課題と今後の取組(A)");
    }
  });

  test("saved again by LibreOffice, the workbook is still 41 調査票 and the 評価一覧 to the checker", async () => {
    const [copy] = convert(output, "xlsx:Calc MS Excel 2007 XML", path.join(work, "xlsx"), profile);
    const book = await XlsxWorkbook.load(readFileSync(copy));
    const report = validateWorkbook(await book.readAll(), { profiles: BUILT_IN_PROFILES });
    const recognised = report.sheets.filter((s) => s.status === "recognised");
    expect(recognised.filter((s) => s.layoutId === "survey")).toHaveLength(41);
    expect(recognised.filter((s) => s.layoutId === "list").map((s) => s.records)).toEqual([43]);
    expect(new Set(report.findings.map((f) => f.ruleId))).toEqual(new Set(["REQUIRED-MISSING"]));
  });
});
