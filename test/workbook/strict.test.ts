/**
 * @jest-environment node
 *
 * A workbook saved as Strict Open XML is read and checked like any other, but never written into: the parts the
 * adapter writes (sheets, tables, relationships) are Transitional, and a package mixing the two is one Excel may
 * refuse or repair. Each change refuses it by name with nothing changed; `chosahyo summarize` says so under the
 * file's path. A sheet copied out of a Strict workbook into a Transitional one (folder mode, 回収, 前年度) declares
 * Transitional's namespaces. Found by running the writers on the corpus: a fix in apache/poi's sample.strict.xlsx
 * added a 変更履歴 part in Transitional's namespace, with a Transitional relationship, beside Strict ones.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { validateWorkbook } from "../../src/core/validate";
import { splitBook } from "../../src/workbook/xlsx/split";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { cli } from "../helpers/cli";
import { ROOT } from "../helpers/grid";
import { convert, CSV_ALL_SHEETS, libreOfficeAvailable, libreOfficeProfile, readCsv } from "../helpers/libreoffice";
import { asStrict } from "../helpers/strict";

jest.setTimeout(240_000);

/** Written by Excel as "Strict Open XML Spreadsheet" (apache/poi), and its Transitional twin. */
const EXCEL_STRICT = path.join(ROOT, "test", "fixtures", "reader", "poi__test-data_spreadsheet_sample.strict.xlsx");
const TWIN = path.join(ROOT, "test", "fixtures", "reader", "poi__test-data_spreadsheet_sample.xlsx");
const KODAIRA = path.join(ROOT, "seeds", "kodaira-h29.xlsx");
const STRICT_MESSAGE =
  "このブックは「Strict Open XML スプレッドシート」形式で保存されています。この形式のままでは検証だけができ、集計シートの作成・修正・入力支援などの書き込みはできません。Excel で開いて「Excel ブック (*.xlsx)」形式で保存し直してから、もう一度実行してください。何も変更していません。";

const read = (file: string) => new Uint8Array(readFileSync(file));
/** Every entry of a package as text, by name. */
const entries = (bytes: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));

const work = mkdtempSync(path.join(os.tmpdir(), "chosahyo-strict-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("a Strict workbook is checked, not written into", () => {
  const strict = asStrict(read(KODAIRA));

  test("the helper's copy is Strict as Excel writes it, and reads and checks exactly like the Transitional original", async () => {
    const book = await XlsxWorkbook.load(strict, "strict.xlsx");
    expect(book.isStrict()).toBe(true);
    expect((await XlsxWorkbook.load(read(EXCEL_STRICT))).isStrict()).toBe(true);
    expect((await XlsxWorkbook.load(read(KODAIRA))).isStrict()).toBe(false);
    const original = validateWorkbook(await (await XlsxWorkbook.load(read(KODAIRA))).readAll(), { profiles: BUILT_IN_PROFILES });
    const report = validateWorkbook(await book.readAll(), { profiles: BUILT_IN_PROFILES });
    expect(report.records.length).toBeGreaterThan(40);
    expect(report.findings.map((f) => `${f.sheet}!${f.cell} ${f.ruleId}`)).toEqual(original.findings.map((f) => `${f.sheet}!${f.cell} ${f.ruleId}`));
  });

  const WRITES: Record<string, (book: XlsxWorkbook, other: XlsxWorkbook) => unknown> = {
    "summary sheets": (b) => b.writeOwnedSheets([{ name: "集計", cells: [], styles: {}, merges: [] }]),
    "a fix": (b) => b.applyEdits([{ sheet: "No.1", cell: "A1", before: "", after: "x" }]),
    settings: (b) => b.writeSettings({ stage: "提出前" }),
    "cells (年度更新)": (b) => b.setCells([{ sheet: "No.1", cell: "A1", value: "x" }]),
    "cells with a log (回収)": (b) => b.setCellsLogged([{ sheet: "No.1", cell: "A1", value: "x" }], []),
    "sheets removed": (b) => b.removeSheets(["No.2"]),
    "input aids": (b) => b.applyInputAids([{ sheet: "No.1", validations: [], highlights: [] }]),
    "a sheet copied in": (b, other) => b.importSheet(other, "No.1", "写し"),
    "sheets replaced (回収)": (b, other) => b.replaceSheets(other, ["No.1"], []),
    "a new plan's sheets": (b) => b.addUserSheets([{ name: "新", cells: [], styles: {}, merges: [] }]),
  };

  test.each(Object.keys(WRITES))("%s: refused as strict-ooxml, and the package is as it came", async (name) => {
    const book = await XlsxWorkbook.load(strict, "strict.xlsx");
    const other = await XlsxWorkbook.load(read(KODAIRA));
    await expect(Promise.resolve().then(() => WRITES[name](book, other))).rejects.toMatchObject({ code: "strict-ooxml" });
    expect(entries(await book.toBytes())).toEqual(entries(strict));
  });

  test("配布 of a Strict master is refused (its drawings and comments would go into the copies as they are)", async () => {
    const book = await XlsxWorkbook.load(strict, "strict.xlsx");
    const report = validateWorkbook(await book.readAll(), { profiles: BUILT_IN_PROFILES });
    await expect(splitBook(book, report, { profiles: BUILT_IN_PROFILES, aids: false })).rejects.toMatchObject({ code: "strict-ooxml" });
  });

  test("chosahyo validate checks it; summarize and aids say why they cannot write, under its path, exit 2, and write nothing", async () => {
    const input = path.join(work, "strict.xlsx");
    writeFileSync(input, strict);
    const checked = await cli(["validate", input]);
    expect(checked.code).toBe(1); // the sample has errors to find
    expect(checked.stderr).toBe("");
    for (const command of ["summarize", "aids"]) {
      const out = path.join(work, `${command}.xlsx`);
      const run = await cli([command, input, "-o", out]);
      expect(run.code).toBe(2);
      expect(run.stderr.trim()).toBe(`${input}: ${STRICT_MESSAGE}`);
      expect(existsSync(out)).toBe(false);
    }
    expect(new Uint8Array(readFileSync(input))).toEqual(strict);
  });
});

describe("a sheet copied out of a Strict workbook", () => {
  test("declares Transitional's namespaces and reads as the source did (Excel's own Strict file)", async () => {
    const from = await XlsxWorkbook.load(read(EXCEL_STRICT));
    const into = XlsxWorkbook.create();
    const names = from.sheetNames().map((s) => into.importSheet(from, s));
    const out = await into.toBytes();
    const parts = entries(out);
    for (const [name, xml] of Object.entries(parts)) expect({ name, strict: xml.includes("purl.oclc.org") }).toEqual({ name, strict: false });
    const source = await from.readAll();
    const copied = await (await XlsxWorkbook.load(out)).readAll();
    expect(copied.sheets.map((s) => ({ name: s.name, rows: s.rows, merges: s.merges }))).toEqual(source.sheets.map((s, i) => ({ name: names[i], rows: s.rows, merges: s.merges })));
  });

  test("a folder with a Strict submission: summarize takes it in, and the output has no Strict part", async () => {
    const dir = path.join(work, "folder");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "kodaira-strict.xlsx"), asStrict(read(KODAIRA)));
    writeFileSync(path.join(dir, "musashino.xlsx"), read(path.join(ROOT, "seeds", "musashino-h29.xlsx")));
    const out = path.join(work, "folder-summary.xlsx");
    const run = await cli(["summarize", dir, "-o", out]);
    expect(run.stderr).not.toContain("Strict");
    expect(run.code).toBeLessThan(2);
    const bytes = new Uint8Array(readFileSync(out));
    for (const [name, xml] of Object.entries(entries(bytes))) expect({ name, strict: xml.includes("purl.oclc.org") }).toEqual({ name, strict: false });
    const book = await XlsxWorkbook.load(bytes);
    const report = validateWorkbook(await book.readAll(), { profiles: BUILT_IN_PROFILES });
    // Every 小平 調査票 of the Strict file is in the summary workbook and recognised again.
    const kodaira = validateWorkbook(await (await XlsxWorkbook.load(read(KODAIRA))).readAll(), { profiles: BUILT_IN_PROFILES });
    expect(report.records.length).toBeGreaterThanOrEqual(kodaira.records.length);
  });

  const lo = libreOfficeAvailable();
  (lo ? test : test.skip)("LibreOffice opens the copy with the values of the Strict file's Transitional twin", () => {
    return (async () => {
      const from = await XlsxWorkbook.load(read(EXCEL_STRICT));
      const into = XlsxWorkbook.create();
      for (const s of from.sheetNames()) into.importSheet(from, s);
      const copy = path.join(work, "copy.xlsx");
      writeFileSync(copy, await into.toBytes());
      const profile = libreOfficeProfile();
      const csv = (file: string, dir: string) => convert(file, CSV_ALL_SHEETS, path.join(work, dir), profile).sort().map((f) => readCsv(f));
      expect(csv(copy, "copy-csv")).toEqual(csv(TWIN, "twin-csv"));
    })();
  });
});
