/**
 * @jest-environment node
 *
 * OpenDocument spreadsheets, read for checking only by our own reader (src/workbook/xlsx/ods.ts; docs/file-layer.md,
 * "Other formats"). The fixtures are LibreOffice's .ods of an .xlsx (scripts/fixtures/ods.mjs): each reads as its
 * .xlsx does, cell for cell and merge for merge, and `validate` finds the same findings at the same cells. Repeats
 * are expanded only inside the window; a command that writes refuses an .ods and writes nothing; an .ods with a
 * password is told so.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { t as cliT } from "../../src/cli/i18n";
import { MAX_ROWS } from "../../src/core/model/grid";
import { t } from "../../src/core/i18n";
import { MAX_ODS_CELLS, readOds } from "../../src/workbook/xlsx/ods";
import { readOtherFormat } from "../../src/workbook/xlsx/other-formats";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { cli } from "../helpers/cli";
import { ROOT } from "../helpers/grid";
import { snapshotDifferences, validateFindings } from "../helpers/snapshot-diff";

const FIXTURES = path.join(ROOT, "test", "fixtures", "ods");
const KINDS_XLSX = path.join(FIXTURES, "kinds.xlsx");
const KINDS_ODS = path.join(FIXTURES, "kinds.ods");
const SEED = path.join(ROOT, "seeds", "kodaira-h29.xlsx");
const ODS = path.join(FIXTURES, "kodaira-h29.ods");
const bytes = (file: string) => new Uint8Array(readFileSync(file));
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "chosahyo-ods-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const readXlsx = async (file: string) => (await XlsxWorkbook.load(bytes(file), path.basename(file))).readAll();

test("every kind of value reads from the .ods as from the .xlsx LibreOffice saved it from", async () => {
  const ods = await readOds(bytes(KINDS_ODS)).readAll();
  expect(snapshotDifferences(await readXlsx(KINDS_XLSX), ods)).toEqual([]);
  // And as a user sees them, so that a fault both readers shared would not pass.
  const [values, hidden] = ods.sheets;
  expect(values.rows[0].slice(0, 5)).toEqual(["文字列", 42, new Date(Date.UTC(2019, 3, 1)), true, { error: "#DIV/0!" }]);
  expect(values.rows[1].slice(0, 5)).toEqual(["改行の\nある文字列", -3.25, new Date(Date.UTC(1899, 11, 30, 12)), false, { error: "#N/A" }]);
  // Two spaces kept (<text:s/>), the percentage's format, a date with its time, a formula's result, and the cell's own
  // text without its comment (課長のメモ).
  expect(values.rows[2].slice(0, 6)).toEqual(["空白が  二つ", 0.855, new Date(Date.UTC(2020, 2, 31, 9, 30)), null, 84, "メモのあるセル"]);
  expect(values.numberFormats?.get("2,1")).toBe("0.0%");
  expect(values.numberFormats?.get("4,1")).toBe("0%");
  expect(values.rows[3][0]).toBe("  先頭に空白");
  expect(values.rows[4][0]).toBe("太字と普通");
  expect(values.rows[5][0]).toBe("=で始まる文字列");
  // A value repeated along a row (F1:I1) and down rows (A10:B14).
  expect(values.rows[0].slice(5, 9)).toEqual(["A", "A", "A", "A"]);
  expect(values.rows.slice(9, 14).map((r) => r.slice(0, 2))).toEqual(Array(5).fill(["同じ行", "同じ行"]));
  expect(values.merges).toEqual([{ top: 7, left: 0, bottom: 8, right: 2 }]);
  // BZ1 and A2500 lie outside the window: not read, but the sheet says it was trimmed.
  expect(values.rows.length).toBe(14);
  expect(values.trimmed).toEqual({ rows: 2500, cols: 78 });
  expect([hidden.name, hidden.visibility, hidden.rows]).toEqual(["非表示", "hidden", [["隠れたシート"]]]);
});

describe("the 小平 sample as LibreOffice saves it as .ods", () => {
  test("the same sheets, cells, merged areas and number formats as the .xlsx", async () => {
    const ods = await readOds(bytes(ODS)).readAll();
    expect(ods.sheets).toHaveLength(59);
    expect(snapshotDifferences(await readXlsx(SEED), ods)).toEqual([]);
    // The merges SheetJS loses: down rows 5–7 of No.2.
    expect(ods.sheets.find((s) => s.name === "No.2")!.merges.filter((m) => m.top === 4 && m.bottom === 6).length).toBeGreaterThan(0);
  });

  test("validate: the same findings at the same cells, and the report says it was checked as an .ods", async () => {
    const fromXlsx = await validateFindings(SEED);
    expect(fromXlsx.length).toBeGreaterThan(100);
    expect(await validateFindings(ODS)).toEqual(fromXlsx);
    const human = await cli(["validate", ODS, "--lang", "en"]);
    expect(human.stdout.split("\n").slice(0, 2)).toEqual([`■ ${ODS}`, cliT("en", "cli.file.ods")]);
  });

  test("a command that writes refuses an .ods, says to save it as .xlsx, and writes nothing", async () => {
    const before = sha(ODS);
    const out = path.join(dir, "summary.xlsx");
    const run = await cli(["summarize", ODS, "-o", out]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(`${ODS}: ${t("ja", "error.ods")}`);
    expect(existsSync(out)).toBe(false);
    // 前年度比較 reads last year's .ods; this year's, which -o writes from, must be an .xlsx.
    const compared = await cli(["compare", ODS, SEED, "--json"]);
    expect(JSON.parse(compared.stdout).refusal).toMatchObject({ kind: "not-later" });
    const written = await cli(["compare", SEED, ODS, "-o", path.join(dir, "compare.xlsx")]);
    expect(written.code).toBe(2);
    expect(written.stderr.trim()).toBe(`${ODS}: ${t("ja", "error.ods")}`);
    expect(existsSync(path.join(dir, "compare.xlsx"))).toBe(false);
    expect(sha(ODS)).toBe(before);
  });
});

/** An .ods package around `body` (the spreadsheet's tables), with the namespace prefixes given. */
function odsOf(body: string, prefixes = { office: "office", table: "table", text: "text" }, manifestExtra = ""): Uint8Array {
  const { office: o, table: tb, text: tx } = prefixes;
  const content =
    `<?xml version="1.0" encoding="UTF-8"?><${o}:document-content xmlns:${o}="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ` +
    `xmlns:${tb}="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:${tx}="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ` +
    `${o}:version="1.3"><${o}:body><${o}:spreadsheet>${body}</${o}:spreadsheet></${o}:body></${o}:document-content>`;
  const manifest =
    `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">` +
    `<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>` +
    `<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">${manifestExtra}</manifest:file-entry></manifest:manifest>`;
  return zipSync({
    mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }],
    "content.xml": strToU8(content),
    "META-INF/manifest.xml": strToU8(manifest),
  });
}

test("a row repeated to the end of the sheet is expanded only inside the window, and the sheet says it was trimmed", async () => {
  // One row of values repeated 1,048,576 times, with cells repeated across all 16,384 columns: 17 billion cells declared.
  const body =
    `<table:table table:name="全行"><table:table-row table:number-rows-repeated="1048576">` +
    `<table:table-cell office:value-type="string" table:number-columns-repeated="16384"><text:p>同じ</text:p></table:table-cell>` +
    `</table:table-row></table:table>`;
  const started = process.hrtime.bigint();
  const [sheet] = (await readOds(odsOf(body)).readAll()).sheets;
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  expect(sheet.rows).toHaveLength(MAX_ROWS);
  expect(sheet.rows[MAX_ROWS - 1]).toHaveLength(60);
  expect(sheet.rows[MAX_ROWS - 1][59]).toBe("同じ");
  expect(sheet.trimmed).toEqual({ rows: 1_048_576, cols: 16_384 });
  // Bounded by the window, not by the declared cells (a loose bound: this is no timing test, only a guard against
  // expanding the repeats).
  expect(ms).toBeLessThan(5_000);
});

test("a small file of many such sheets is refused as too complex before it fills the memory", async () => {
  // 40 sheets of one row of values repeated everywhere: 4.8 million cells in the windows, from a file of a kilobyte.
  const sheet = (i: number) =>
    `<table:table table:name="S${i}"><table:table-row table:number-rows-repeated="1048576">` +
    `<table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="16384"><text:p>1</text:p></table:table-cell>` +
    `</table:table-row></table:table>`;
  const bytes = odsOf(Array.from({ length: 40 }, (_, i) => sheet(i)).join(""));
  expect(bytes.length).toBeLessThan(2_000);
  await expect(readOds(bytes).readAll()).rejects.toMatchObject({ code: "too-complex", detail: `S${Math.floor(MAX_ODS_CELLS / (MAX_ROWS * 60))}: > ${MAX_ODS_CELLS} cells` });
  const file = path.join(dir, "many.ods");
  writeFileSync(file, bytes);
  const run = await cli(["validate", file]);
  expect(run.code).toBe(2);
  expect(run.stderr.trim()).toBe(`${file}: ${t("ja", "error.too-complex", { sheet: `S33: > ${MAX_ODS_CELLS} cells` })}`);
});

test("prefixes other than LibreOffice's, and a formula's error as Excel writes it into an .ods", async () => {
  // Excel saves a formula's error as the value 0 shown as the error's text; an Excel .ods is read as its .xlsx.
  const body =
    `<t:table t:name="S"><t:table-row>` +
    `<t:table-cell o:value-type="float" o:value="0" t:formula="of:=NA()"><x:p>#N/A</x:p></t:table-cell>` +
    `<t:table-cell o:value-type="float" o:value="0"><x:p>#N/A</x:p></t:table-cell>` +
    `<t:table-cell t:number-columns-spanned="2" t:number-rows-spanned="1" o:value-type="string"><x:p>a<x:s x:c="3"/>b</x:p><x:p>c</x:p></t:table-cell>` +
    `<t:covered-table-cell/></t:table-row></t:table>`;
  const [sheet] = (await readOds(odsOf(body, { office: "o", table: "t", text: "x" })).readAll()).sheets;
  // Without a formula the text is only how 0 was shown: the value stays 0.
  expect(sheet.rows).toEqual([[{ error: "#N/A" }, 0, "a   b\nc"]]);
  expect(sheet.merges).toEqual([{ top: 0, left: 2, bottom: 0, right: 3 }]);
});

test("an .ods with a password is told so; one with no sheet, or a damaged content part, gets a message, not a crash", async () => {
  const withPassword = path.join(FIXTURES, "kinds-password.ods");
  expect(() => readOds(bytes(withPassword))).toThrow(expect.objectContaining({ code: "encrypted" }));
  const run = await cli(["validate", withPassword]);
  expect(run.code).toBe(2);
  expect(run.stderr.trim()).toBe(`${withPassword}: ${t("ja", "error.encrypted")}`);
  await expect(readOds(odsOf("")).readAll()).rejects.toMatchObject({ code: "no-worksheets" });
  const noContent = zipSync({ mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet"), "META-INF/manifest.xml": strToU8("<manifest/>") });
  expect(() => readOds(noContent)).toThrow(expect.objectContaining({ code: "corrupt-part", detail: "content.xml" }));
  const file = path.join(dir, "no-content.ods");
  writeFileSync(file, noContent);
  const damaged = await cli(["validate", file, "--lang", "en"]);
  expect(damaged.code).toBe(2);
  expect(damaged.stderr).not.toMatch(/\bat \w+ \(/); // no stack trace
  expect(damaged.stderr).toContain("content.xml");
});

test("a read past its deadline stops with the timeout, between sheets", async () => {
  const book = await readOtherFormat(bytes(KINDS_ODS), "ods");
  await expect(book.readAll({ deadline: Date.now() - 1 })).rejects.toMatchObject({ code: "timeout" });
  expect((await book.readAll()).sheets).toHaveLength(2);
});
