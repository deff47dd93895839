/**
 * @jest-environment node
 *
 * Telling what a file is before reading it (src/workbook/xlsx/sniff.ts): each kind of file that is not an .xlsx
 * gets the WorkbookError whose catalogue message tells the user what to do. Real files from other projects'
 * test suites (test/fixtures/reader/README.md) beside hand-made ones.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsx-workbook";
import { encryptedXlsxFixture, legacyXlsFixture } from "../../helpers/cfb";
import { buildXlsx, errorOf } from "./build";

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, "../../fixtures/reader", name)));
const load = (bytes: Uint8Array, name: string) => errorOf(() => XlsxWorkbook.load(bytes, name));

describe("files that are not .xlsx packages", () => {
  test("a legacy .xls (an OLE container with a Workbook stream)", async () => {
    expect(await load(legacyXlsFixture(), "old.xls")).toMatchObject({ code: "legacy-xls" });
    expect(await load(fixture("sheetjs__minimal_112.xls"), "minimal.xls")).toMatchObject({ code: "legacy-xls" });
    // Whatever it is called.
    expect(await load(legacyXlsFixture(), "renamed.xlsx")).toMatchObject({ code: "legacy-xls" });
  });

  test("a password-protected .xlsx (an OLE container with EncryptionInfo and EncryptedPackage)", async () => {
    expect(await load(encryptedXlsxFixture(), "secret.xlsx")).toMatchObject({ code: "encrypted" });
    expect(await load(fixture("excelize__test_encryptAES.xlsx"), "encryptAES.xlsx")).toMatchObject({ code: "encrypted" });
  });

  test("an OpenDocument spreadsheet (.ods), real and hand-made", async () => {
    expect(await load(fixture("sheetjs__1904_1900.ods"), "1900.ods")).toMatchObject({ code: "ods" });
    const ods = zipSync({
      mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }],
      "content.xml": strToU8(`<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>`),
      "META-INF/manifest.xml": strToU8(`<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>`),
    });
    expect(await load(ods, "renamed.xlsx")).toMatchObject({ code: "ods" });
  });

  test("an Excel binary workbook (.xlsb)", async () => {
    expect(await load(fixture("sheetjs__1904_1900.xlsb"), "1900.xlsb")).toMatchObject({ code: "xlsb" });
  });

  test("an Apple Numbers document", async () => {
    const numbers = zipSync({
      "Index/Document.iwa": new Uint8Array([0, 1, 2, 3]),
      "Index/Metadata.iwa": new Uint8Array([0, 1]),
      "Metadata/Properties.plist": strToU8("bplist00"),
      "preview.jpg": new Uint8Array([0xff, 0xd8, 0xff]),
    });
    expect(await load(numbers, "家計簿.numbers")).toMatchObject({ code: "numbers" });
  });

  test("CSV and other text", async () => {
    expect(await load(fixture("sheetjs__Attendance.csv"), "Attendance.csv")).toEqual({ code: "not-a-workbook", detail: "csv" });
    expect(await load(strToU8("所管課,評価\n総務課,A\n"), "回答.csv")).toEqual({ code: "not-a-workbook", detail: "csv" });
    expect(await load(strToU8("hello"), "memo.txt")).toMatchObject({ code: "not-a-workbook" });
    expect((await load(strToU8("hello"), "memo.txt")).detail).not.toBe("csv");
  });

  test("an empty file", async () => {
    expect(await load(new Uint8Array(0), "empty.xlsx")).toMatchObject({ code: "empty-file" });
  });

  test("an empty zip, and a zip of unrelated files, are refused without a crash", async () => {
    const empty = new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
    expect(["corrupt", "not-a-workbook"]).toContain((await load(empty, "empty.xlsx")).code);
    expect(["corrupt", "not-a-workbook"]).toContain((await load(zipSync({}), "empty.xlsx")).code);
    expect(await load(zipSync({ "photo.jpg": new Uint8Array([0xff, 0xd8]), "notes.txt": strToU8("x") }), "photos.xlsx")).toMatchObject({ code: "not-a-workbook" });
  });

  test("a Word document renamed .xlsx is not a workbook", async () => {
    const docx = zipSync({
      "[Content_Types].xml": strToU8(
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
      ),
      "_rels/.rels": strToU8(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
      ),
      "word/document.xml": strToU8(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>`),
    });
    expect(await load(docx, "報告.xlsx")).toMatchObject({ code: "not-a-workbook" });
  });

  test("a workbook with no worksheets at all (only a chart sheet)", async () => {
    expect(await load(buildXlsx({ sheets: [{ name: "グラフ", kind: "chartsheet" }] }), "chart.xlsx")).toMatchObject({ code: "no-worksheets" });
  });

  test("an .xlsx with neither workbook relationship nor workbook part is corrupt", async () => {
    const bytes = buildXlsx({ sheets: [{ name: "S" }], extra: { "xl/workbook.xml": undefined } });
    expect(await load(bytes, "t.xlsx")).toMatchObject({ code: "corrupt" });
  });

  test("a real .xlsx passes the same checks", async () => {
    const book = await XlsxWorkbook.load(buildXlsx({ sheets: [{ name: "S" }] }), "ok.xlsx");
    expect(book.sheetNames()).toEqual(["S"]);
  });
});
