/**
 * @jest-environment node
 *
 * A cell whose text is partly formatted (a word in red or bold) or carries furigana keeps it when its sheet is
 * copied into another workbook (配布's copies, 回収 back into the master, a folder's summary, 前年度). Before, every
 * copy wrote the shared string's plain text, and 回収 then wrote the flattened cell back into the master without a
 * word. ExcelJS and LibreOffice are the independent readers of the runs.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { SharedStrings } from "../../src/workbook/xlsx/book";
import { checkBook } from "../../src/workbook/xlsx/collect";
import { Package } from "../../src/workbook/xlsx/package";
import { splitBook } from "../../src/workbook/xlsx/split";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { exceljsBytes, oracle } from "../helpers/exceljs-book";
import { convert, libreOfficeAvailable, libreOfficeProfile } from "../helpers/libreoffice";
import { sheetParts } from "../helpers/package-diff";

jest.setTimeout(120_000);

const RED = "FFFF0000";
const RUNS: ExcelJS.RichText[] = [{ text: "目標値を" }, { font: { bold: true, color: { argb: RED } }, text: "未達成" }, { text: "の理由" }];
const FURIGANA = `<si><t>行政改革</t><rPh sb="0" eb="2"><t>ギョウセイ</t></rPh><rPh sb="2" eb="4"><t>カイカク</t></rPh><phoneticPr fontId="1" type="noConversion"/></si>`;

/** Replaces one entry's text in a package (the writers cannot make the part the test needs). */
function patch(bytes: Uint8Array, name: string, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  files[name] = strToU8(edit(strFromU8(files[name])));
  return zipSync(files);
}

/** The sample 調査票 workbook with, on No.1, a partly red and bold text (Z2) and a text with furigana (Z3). */
async function master(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path.join(__dirname, "..", "..", "seeds", "kodaira-h29.xlsx")) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("No.1")!;
  ws.getCell("Z2").value = { richText: RUNS };
  ws.getCell("Z3").value = "行政改革";
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return patch(bytes, "xl/sharedStrings.xml", (xml) => {
    const plain = xml.replace(/<si><t>行政改革<\/t><\/si>/, FURIGANA);
    if (plain === xml) throw new Error("the furigana string was not where ExcelJS writes it");
    return plain;
  });
}

/** The runs of a cell as ExcelJS reads them: text, bold and colour of each. */
async function runsAt(bytes: Uint8Array, sheet: string, cell: string) {
  const value = (await oracle(bytes)).getWorksheet(sheet)!.getCell(cell).value as ExcelJS.CellRichTextValue;
  return value.richText?.map((r) => ({ text: r.text, bold: !!r.font?.bold, color: r.font?.color?.argb }));
}

const EXPECTED_RUNS = [
  { text: "目標値を", bold: false, color: undefined },
  { text: "未達成", bold: true, color: RED },
  { text: "の理由", bold: false, color: undefined },
];

function cellXml(bytes: Uint8Array, sheet: string, ref: string): string {
  const xml = Package.open(bytes).text(sheetParts(bytes).get(sheet)!)!;
  return new RegExp(`<c r="${ref}"[^>]*>.*?</c>`).exec(xml)?.[0] ?? "";
}

async function textAt(bytes: Uint8Array, sheet: string, row: number, col: number) {
  const snap = await (await XlsxWorkbook.load(bytes)).readAll();
  return snap.sheets.find((s) => s.name === sheet)!.rows[row - 1]?.[col - 1];
}

async function departmentCopy(masterBytes: Uint8Array): Promise<Uint8Array> {
  const book = await XlsxWorkbook.load(masterBytes, "master.xlsx");
  const split = await splitBook(book, (await checkBook(book, BUILT_IN_PROFILES)).report, { profiles: BUILT_IN_PROFILES, aids: false });
  if (!split.ok) throw new Error("split refused");
  return split.books.find((b) => b.sheets.includes("No.1"))!.bytes;
}

test("配布: the department's copy keeps the red, bold word and the furigana, and reads as the same text", async () => {
  const source = await master();
  expect(await runsAt(source, "No.1", "Z2")).toEqual(EXPECTED_RUNS);
  const copy = await departmentCopy(source);
  expect(await runsAt(copy, "No.1", "Z2")).toEqual(EXPECTED_RUNS);
  const furigana = cellXml(copy, "No.1", "Z3");
  expect(furigana).toContain(`<rPh sb="0" eb="2"><t>ギョウセイ</t></rPh>`);
  expect(furigana).toContain(`<phoneticPr fontId="1" type="noConversion"/>`);
  // The checker reads the cell's text, never its furigana.
  expect(await textAt(copy, "No.1", 2, 26)).toBe("目標値を未達成の理由");
  expect(await textAt(copy, "No.1", 3, 26)).toBe("行政改革");
});

test("回収: the returned copy's formatted text goes back into the master with its runs", async () => {
  const source = await master();
  const copy = await departmentCopy(source);
  const into = await XlsxWorkbook.load(source, "master.xlsx");
  await into.replaceSheets(await XlsxWorkbook.load(copy, "dept.xlsx"), ["No.1"], []);
  const collected = await into.toBytes();
  expect(await runsAt(collected, "No.1", "Z2")).toEqual(EXPECTED_RUNS);
  expect(cellXml(collected, "No.1", "Z3")).toContain("<t>カイカク</t>");
});

test("a folder's summary (a sheet imported into a new workbook) keeps the runs too", async () => {
  const from = await XlsxWorkbook.load(await master(), "master.xlsx");
  const into = await XlsxWorkbook.load(await exceljsBytes((wb) => void wb.addWorksheet("表紙")));
  const name = into.importSheet(from, "No.1", "写し");
  expect(await runsAt(await into.toBytes(), name, "Z2")).toEqual(EXPECTED_RUNS);
});

describe("the shared string as <is> content", () => {
  const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const sst = (p: string, body: string) => `<${p}sst xmlns${p ? ":" + p.slice(0, -1) : ""}="${MAIN}">${body}</${p}sst>`;

  test("takes the sheet's prefix, whatever the string table's", () => {
    const strings = new SharedStrings(sst("x:", `<x:si><x:t>無</x:t></x:si><x:si><x:r><x:rPr><x:b/></x:rPr><x:t>太字</x:t></x:r><x:r><x:t>と標準</x:t></x:r></x:si>`));
    expect(strings.rich(0, "")).toBeUndefined(); // plain: written as text, as before
    expect(strings.rich(1, "")).toBe(`<r><rPr><b/></rPr><t>太字</t></r><r><t>と標準</t></r>`);
    expect(strings.rich(1, "s:")).toBe(`<s:r><s:rPr><s:b/></s:rPr><s:t>太字</s:t></s:r><s:r><s:t>と標準</s:t></s:r>`);
    expect(strings.get(1)).toBe("太字と標準");
    const spaced = new SharedStrings(sst("", `<si><r><rPr><b/></rPr><t xml:space="preserve"> 前後 </t></r></si>`));
    expect(spaced.rich(0, "x:")).toBe(`<x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve"> 前後 </x:t></x:r>`);
  });

  test("anything but runs and furigana leaves the text plain rather than carry XML the copy cannot vouch for", () => {
    const strings = new SharedStrings(
      sst("", `<si><r><t>a</t></r><!-- note --></si><si><r><t><![CDATA[<b>]]></t></r></si><si><r><o:x xmlns:o="urn:o"/><t>b</t></r></si><si/><si><r><rPr><b></rPr><t>c&nbsp;</t></r></si>`),
    );
    expect([0, 1, 2, 3, 4, 5].map((i) => strings.rich(i, ""))).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(strings.get(0)).toBe("a");
  });
});

const lo = libreOfficeAvailable();
(lo ? test : test.skip)("LibreOffice reads the copy's inline runs: saved again by it, the red word is still red", () => {
  return (async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "chosahyo-rich-"));
    try {
      const file = path.join(dir, "dept.xlsx");
      writeFileSync(file, await departmentCopy(await master()));
      const [saved] = convert(file, "xlsx:Calc MS Excel 2007 XML", path.join(dir, "lo"), libreOfficeProfile());
      const runs = await runsAt(new Uint8Array(readFileSync(saved)), "No.1", "Z2");
      expect(runs?.map((r) => r.text).join("")).toBe("目標値を未達成の理由");
      expect(runs?.find((r) => r.text === "未達成")).toMatchObject({ bold: true, color: RED });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  })();
});
