/**
 * @jest-environment node
 *
 .xls and .xlsb, read for checking only (src/workbook/xlsx/other-formats.ts; docs/file-layer.md, "Other formats").
 * The 小平 sample saved by LibreOffice as .xls (scripts/fixtures/other-formats.sh) reads as the .xlsx does, cell for
 * cell, and `validate` finds the same findings at the same cells; a command that writes refuses such a file and
 * writes nothing; a file SheetJS cannot read keeps the refusal that names its format. The .ods reader has its own
 * tests (ods.test.ts).
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { WorkbookSnapshot } from "../../src/core/model/grid";
import { t as cliT } from "../../src/cli/i18n";
import { t } from "../../src/core/i18n";
import { WorkbookError } from "../../src/workbook/port";
import { readOtherFormat } from "../../src/workbook/xlsx/other-formats";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { cli } from "../helpers/cli";
import { ROOT } from "../helpers/grid";
import { snapshotDifferences, validateFindings } from "../helpers/snapshot-diff";

const FIXTURES = path.join(ROOT, "test", "fixtures", "other-formats");
const SEED = path.join(ROOT, "seeds", "kodaira-h29.xlsx");
const XLS = path.join(FIXTURES, "kodaira-h29.xls");
const ODS = path.join(ROOT, "test", "fixtures", "ods", "kodaira-h29.ods");
const bytes = (file: string) => new Uint8Array(readFileSync(file));
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "chosahyo-other-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the 小平 sample as LibreOffice saves it in other formats", () => {
  let xlsx: WorkbookSnapshot;
  beforeAll(async () => {
    xlsx = await (await XlsxWorkbook.load(bytes(SEED), "kodaira-h29.xlsx")).readAll();
  });

  test(".xls: the same sheets, cells, merged areas and number formats as the .xlsx", async () => {
    const xls = await (await readOtherFormat(bytes(XLS), "legacy-xls")).readAll();
    expect(xls.sheets.map((s) => [s.name, s.visibility])).toEqual(xlsx.sheets.map((s) => [s.name, s.visibility]));
    expect(snapshotDifferences(xlsx, xls)).toEqual([]);
  });

  test("validate: the same findings at the same cells from the .xlsx and the .xls", async () => {
    const fromXlsx = await validateFindings(SEED);
    expect(fromXlsx.length).toBeGreaterThan(100);
    expect(await validateFindings(XLS)).toEqual(fromXlsx);
    // The report says it was read for checking only, so that a refusal to summarize it is no surprise.
    const human = await cli(["validate", XLS]);
    expect(human.stdout.split("\n").slice(0, 2)).toEqual([`■ ${XLS}`, cliT("ja", "cli.file.xls")]);
    expect((await cli(["validate", SEED])).stdout).not.toContain(cliT("ja", "cli.file.xls"));
  });

  test("the built command reads an .xls (from SheetJS's own bundle) and an .ods in a folder on its worker threads", () => {
    const folder = path.join(dir, "folder");
    mkdirSync(folder);
    copyFileSync(SEED, path.join(folder, "総務課.xlsx"));
    copyFileSync(XLS, path.join(folder, "企画課.xls"));
    copyFileSync(ODS, path.join(folder, "財政課.ods"));
    const run = spawnSync(process.execPath, [path.join(ROOT, "bin", "chosahyo.js"), "validate", folder, "--json", "--jobs", "2"], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
    expect(run.status).toBe(1);
    const files = (JSON.parse(run.stdout) as { files: { path: string; error: unknown; findings: unknown[] }[] }).files;
    expect(files.map((f) => [path.basename(f.path), f.error])).toEqual([
      ["企画課.xls", null],
      ["財政課.ods", null],
      ["総務課.xlsx", null],
    ]);
    expect(files[0].findings).toHaveLength(files[2].findings.length);
    expect(files[1].findings).toHaveLength(files[2].findings.length);
  });

  test("a command that writes refuses an .xls, says to save it as .xlsx, and writes nothing", async () => {
    const before = sha(XLS);
    const out = path.join(dir, "summary.xlsx");
    const run = await cli(["summarize", XLS, "-o", out]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(`${XLS}: ${t("ja", "error.legacy-xls")}`);
    expect(existsSync(out)).toBe(false);
    const aids = await cli(["aids", XLS, "-o", path.join(dir, "aids.xlsx"), "--lang", "en"]);
    expect(aids.code).toBe(2);
    expect(aids.stderr.trim()).toBe(`${XLS}: ${t("en", "error.legacy-xls")}`);
    expect(existsSync(path.join(dir, "aids.xlsx"))).toBe(false);
    expect(sha(XLS)).toBe(before);
  });

  test("前年度比較 reads last year's .xls; with -o, this year's workbook must be an .xlsx", async () => {
    const run = await cli(["compare", XLS, SEED, "--json"]);
    // The same year twice: refused as such, which means both were read.
    expect(JSON.parse(run.stdout).refusal).toMatchObject({ kind: "not-later" });
    const out = path.join(dir, "compare.xlsx");
    const written = await cli(["compare", SEED, XLS, "-o", out]);
    expect(written.code).toBe(2);
    expect(written.stderr.trim()).toBe(`${XLS}: ${t("ja", "error.legacy-xls")}`);
    expect(existsSync(out)).toBe(false);
  });
});

test("the same dates from an .xls and an .xlsb of one workbook (SheetJS's test files)", async () => {
  const read = async (file: string, format: "legacy-xls" | "xlsb") => (await (await readOtherFormat(bytes(file), format)).readAll()).sheets[0].rows;
  const xls = await read(path.join(FIXTURES, "sheetjs__1904_1900.xls"), "legacy-xls");
  // Serial 11 is shown as 1900-01-11 in a date format: a Date, as the .xlsx reader gives it.
  expect(xls[1][0]).toBe(11);
  expect(xls[1][1]).toBeInstanceOf(Date);
  expect(await read(path.join(ROOT, "test", "fixtures", "reader", "sheetjs__1904_1900.xlsb"), "xlsb")).toEqual(xls);
});

test("a file SheetJS cannot read keeps the refusal that names its format", async () => {
  // An .xls with a password (RC4 CryptoAPI), and bytes SheetJS would read as a sheet of text.
  await expect(readOtherFormat(bytes(path.join(FIXTURES, "sheetjs__password_2002_128_strong.xls")), "legacy-xls")).rejects.toEqual(new WorkbookError("legacy-xls"));
  await expect(readOtherFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]), "legacy-xls")).rejects.toMatchObject({ code: "legacy-xls" });
  const run = await cli(["validate", path.join(FIXTURES, "sheetjs__password_2002_128_strong.xls")]);
  expect(run.code).toBe(2);
  expect(run.stderr.trim()).toBe(`${path.join(FIXTURES, "sheetjs__password_2002_128_strong.xls")}: ${t("ja", "error.legacy-xls")}`);
});

test("what SheetJS prints of its own while reading (its English, not the user's message) is not shown", async () => {
  const printed: unknown[] = [];
  const spies = (["log", "warn", "error"] as const).map((k) => jest.spyOn(console, k).mockImplementation((...args) => void printed.push(args)));
  try {
    await jest.isolateModulesAsync(async () => {
      // SheetJS as it reads an .xlsb whose defined name it cannot parse: it says so on the console, and goes on.
      jest.doMock("@e965/xlsx", () => ({
        read: () => {
          console.error("Could not parse defined name _xlnm.Print_Area");
          return { SheetNames: ["Sheet1"], Sheets: { Sheet1: { "!ref": "A1", "!data": [[{ t: "s", v: "評価" }]] } }, Workbook: {} };
        },
        utils: { decode_range: () => ({ s: { r: 0, c: 0 }, e: { r: 0, c: 0 } }) },
      }));
      const { readOtherFormat: read } = await import("../../src/workbook/xlsx/other-formats");
      const snapshot = await (await read(new Uint8Array([1]), "xlsb")).readAll();
      expect(snapshot.sheets[0].rows).toEqual([["評価"]]);
    });
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  expect(printed).toEqual([]);
});

test("an .xls over 20 MB gets its format's refusal (save it as .xlsx) before SheetJS reads it", async () => {
  const big = path.join(dir, "big.xls");
  writeFileSync(big, new Uint8Array(21 * 1024 * 1024));
  await expect(readOtherFormat(bytes(big), "legacy-xls")).rejects.toMatchObject({ code: "legacy-xls", detail: "too-large" });
});
