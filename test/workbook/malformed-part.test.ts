/**
 * @jest-environment node
 *
 * A worksheet part the reader reads leniently but the amending code cannot follow (here No.1's part cut before
 * `</worksheet>`, as a file saved part way might be): a change to it is refused as that part being damaged, named,
 * with nothing written, never as an internal error. Found by mutating the sample workbooks: `chosahyo aids` said
 * 「予期しないエラーが発生しました（worksheet: unterminated tag）」.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { planInputAids } from "../../src/core/input-aids/plan";
import { validateWorkbook } from "../../src/core/validate";
import { Package } from "../../src/workbook/xlsx/package";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { cli } from "../helpers/cli";
import { ROOT } from "../helpers/grid";

const NO1_PART = "xl/worksheets/sheet2.xml"; // No.1 in the 小平 sample

function brokenSample(): Uint8Array {
  const pkg = Package.open(new Uint8Array(readFileSync(path.join(ROOT, "seeds", "kodaira-h29.xlsx"))));
  const xml = pkg.text(NO1_PART)!;
  expect(xml).toContain("<mergeCell ");
  pkg.set(NO1_PART, xml.slice(0, xml.lastIndexOf("</worksheet>") - 40));
  return pkg.toBytes();
}

test("the sheet is still read and checked; input aids on it are refused as xl/worksheets/sheet2.xml damaged, and nothing changes", async () => {
  const bytes = brokenSample();
  const book = await XlsxWorkbook.load(bytes, "broken.xlsx");
  const snapshot = await book.readAll();
  const report = validateWorkbook(snapshot, { profiles: BUILT_IN_PROFILES });
  expect(report.sheets.find((s) => s.name === "No.1")?.status).toBe("recognised");
  const { aids } = planInputAids(snapshot, report, BUILT_IN_PROFILES, { protect: true });
  const before = book.sheetNames();
  await expect(book.applyInputAids(aids)).rejects.toMatchObject({ code: "corrupt-part", detail: NO1_PART });
  expect(book.sheetNames()).toEqual(before); // no 変更履歴 added
  expect(Package.open(await book.toBytes()).text(NO1_PART)).toBe(Package.open(bytes).text(NO1_PART));
});

test("copying the sheet (配布, folder mode) is refused the same way", async () => {
  const from = await XlsxWorkbook.load(brokenSample(), "broken.xlsx");
  const to = XlsxWorkbook.create();
  expect(() => to.importSheet(from, "No.1")).toThrow(expect.objectContaining({ code: "corrupt-part", detail: NO1_PART }));
});

test("chosahyo aids says which part is damaged in one line, exits 2, and writes no output", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "chosahyo-malformed-"));
  try {
    const input = path.join(dir, "broken.xlsx");
    writeFileSync(input, brokenSample());
    const out = path.join(dir, "out.xlsx");
    const run = await cli(["aids", input, "-o", out, "--protect"]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(`${input}: ファイルの一部（${NO1_PART}）が壊れていて読めません。Excel で開いて保存し直すか、元のファイルを確認してください。`);
    expect(existsSync(out)).toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// A workbook.xml cut short inside <sheets> lists the sheets before the cut, and they are read. Adding 変更履歴 put
// `</sheets>` after the new sheets, before the user's: the written file listed only the add-in's two sheets.
test("a workbook part cut inside <sheets>: its sheets are read, and a change that adds a sheet is refused as workbook.xml damaged", async () => {
  const pkg = Package.open(new Uint8Array(readFileSync(path.join(ROOT, "seeds", "kodaira-h29.xlsx"))));
  const wb = pkg.text("xl/workbook.xml")!;
  const cut = wb.indexOf('<sheet sheetId="28"');
  expect(cut).toBeGreaterThan(0);
  pkg.set("xl/workbook.xml", wb.slice(0, cut + 5));
  const book = await XlsxWorkbook.load(pkg.toBytes(), "cut.xlsx");
  const snapshot = await book.readAll();
  expect(snapshot.sheets.length).toBe(27);
  const report = validateWorkbook(snapshot, { profiles: BUILT_IN_PROFILES });
  const { aids } = planInputAids(snapshot, report, BUILT_IN_PROFILES, {});
  const no1 = Package.open(await book.toBytes()).text(NO1_PART);
  await expect(book.applyInputAids(aids)).rejects.toMatchObject({ code: "corrupt-part", detail: "workbook.xml" });
  expect(book.sheetNames()).toHaveLength(27);
  expect(Package.open(await book.toBytes()).text(NO1_PART)).toBe(no1); // refused before any sheet took its aids
});

test("回収: replacing sheets from a returned file whose second sheet is damaged changes none of the master's parts", async () => {
  const master = await XlsxWorkbook.load(new Uint8Array(readFileSync(path.join(ROOT, "seeds", "kodaira-h29.xlsx"))), "master.xlsx");
  const from = await XlsxWorkbook.load(brokenSample(), "政策課.xlsx");
  const before = Package.open(await master.toBytes());
  await expect(master.replaceSheets(from, ["No.2", "No.1"], [])).rejects.toMatchObject({ code: "corrupt-part", detail: NO1_PART });
  const after = Package.open(await master.toBytes());
  expect(after.names().sort()).toEqual(before.names().sort());
  for (const name of before.names().filter((n) => n.endsWith(".xml"))) expect(after.text(name)).toBe(before.text(name));
});

// A part the amending code changes but whose damage lies where reading did not look (here workbook.xml without its
// </workbook>): the commands wrote it out still broken, and Excel offered to repair the file. Every changed part is
// now checked before the package is zipped (well-formed.ts), and the command refuses in words with nothing written.
test.each([
  ["summarize", (input: string, out: string) => ["summarize", input, "-o", out]],
  ["aids", (input: string, out: string) => ["aids", input, "-o", out]],
  ["compare", (input: string, out: string) => ["compare", path.join(ROOT, "seeds", "kodaira-h29.xlsx"), input, "-o", out]],
  ["rollover", (input: string, out: string) => ["rollover", input, "-o", out]],
])("chosahyo %s on a workbook.xml never closed: exit 2, xl/workbook.xml named under the input's path, no output", async (command, argv) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "chosahyo-unclosed-workbook-"));
  try {
    // compare needs this year's workbook after last year's: the sample rolled over.
    let source = path.join(ROOT, "seeds", "kodaira-h29.xlsx");
    if (command === "compare") {
      source = path.join(dir, "rolled.xlsx");
      expect((await cli(["rollover", path.join(ROOT, "seeds", "kodaira-h29.xlsx"), "-o", source])).code).toBe(0);
    }
    const pkg = Package.open(new Uint8Array(readFileSync(source)));
    const wb = pkg.text("xl/workbook.xml")!;
    expect(wb).toContain("</workbook>");
    pkg.set("xl/workbook.xml", wb.replace("</workbook>", ""));
    const input = path.join(dir, "this-year.xlsx");
    writeFileSync(input, pkg.toBytes());
    const out = path.join(dir, "out.xlsx");
    const run = await cli(argv(input, out));
    expect(run.stderr.trim()).toBe(`${input}: ファイルの一部（xl/workbook.xml）が壊れていて読めません。Excel で開いて保存し直すか、元のファイルを確認してください。`);
    expect(run.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
