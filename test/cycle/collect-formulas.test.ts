/**
 * @jest-environment node
 *
 * 回収 compares formulas as well as values: a fixed cell whose formula was changed (or typed over with its own value)
 * is a change of the form even when it shows the same thing (docs/distribution.md). The formulas are read from the
 * worksheet part as Excel's Range.formulas shows them, shared formulas expanded to each cell.
 */
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { applyCollect, planCollectBooks } from "../../src/workbook/xlsx/collect";
import { Package } from "../../src/workbook/xlsx/package";
import { readSheetFormulas } from "../../src/workbook/xlsx/read-formulas";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { DEPARTMENTS, departmentFile, masterBytes } from "./collect-fixtures";

const AT = new Date("2026-12-01T09:00:00Z");
const sheetXml = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

describe("readSheetFormulas", () => {
  it("reads plain, shared and array formulas at their cells, without = and _xlfn.", () => {
    const xml = sheetXml(
      `<row r="2"><c r="B2"><f>SUM(A1:A3)</f><v>6</v></c><c r="C2"><f t="shared" ref="C2:C4" si="0">A2*$B$1</f><v>1</v></c></row>` +
        `<row r="3"><c r="C3"><f t="shared" si="0"/><v>2</v></c><c r="D3"><f>_xlfn.XLOOKUP(A3,E:E,F:F)</f><v>0</v></c></row>` +
        `<row r="4"><c r="C4"><f t="shared" si="0"/><v>3</v></c><c r="E4" t="str"><f t="array" ref="E4:E5">A1:A2&amp;"x"</f><v>1x</v></c></row>`,
    );
    expect(readSheetFormulas(xml)).toEqual(
      new Map([
        ["1,1", "SUM(A1:A3)"],
        ["1,2", "A2*$B$1"],
        ["2,2", "A3*$B$1"],
        ["2,3", "XLOOKUP(A3,E:E,F:F)"],
        ["3,2", "A4*$B$1"],
        ["3,4", 'A1:A2&"x"'],
      ]),
    );
  });

  it("gives nothing for a sheet without formulas, and does not look past the reading window", () => {
    expect(readSheetFormulas(sheetXml(`<row r="1"><c r="A1"><v>1</v></c></row>`)).size).toBe(0);
    expect(readSheetFormulas(sheetXml(`<row r="2001"><c r="A2001"><f>1+1</f><v>2</v></c></row>`)).size).toBe(0);
  });
});

/** A department's returned file whose cell `cell` of `sheet` was rewritten as `cellXml` (the <c> element). */
function withCell(bytes: Uint8Array, sheet: string, cell: string, make: (style: string) => string): Uint8Array {
  const pkg = Package.open(bytes);
  const wb = pkg.text("xl/workbook.xml")!;
  const relId = new RegExp(`<sheet [^>]*name="${sheet.replace(".", "\\.")}"[^>]*r:id="([^"]+)"`).exec(wb)![1];
  const target = pkg.rels("xl/workbook.xml").find((r) => r.id === relId)!.target;
  const part = target.replace(/^\//, "");
  const xml = pkg.text(part)!;
  const m = new RegExp(`<c r="${cell}"([^>]*?)(/>|>.*?</c>)`).exec(xml)!;
  const style = /s="(\d+)"/.exec(m[1])?.[1] ?? "0";
  pkg.set(part, xml.replace(m[0], make(style)));
  return pkg.toBytes();
}

describe("a returned 調査票 whose fixed cell now holds a formula giving the same text", () => {
  it("is FORM-CHANGED at that cell, naming the formula, and the file is held back", async () => {
    const master = await masterBytes();
    const d = DEPARTMENTS["市民協働"];
    const file = withCell(await departmentFile(master, d.sheets, d.department), "No.1", "C11", (s) => `<c r="C11" s="${s}" t="str"><f>"所管"&amp;"課"</f><v>所管課</v></c>`);
    const book = await XlsxWorkbook.load(master, "master.xlsx");
    const returned = [{ file: "a.xlsx", book: await XlsxWorkbook.load(file, "a.xlsx") }];
    const plan = await planCollectBooks(book, returned, BUILT_IN_PROFILES, AT);
    const form = plan.files[0].findings.filter((f) => f.ruleId === "FORM-CHANGED");
    expect(form.map((f) => [f.sheet, f.cell, f.message.ja])).toEqual([
      ["No.1", "C11", '入力欄ではないセルの数式が配布時と変わっています（配布時: （数式なし） → 返送: ="所管"&"課"）。値が同じでも、数式は様式の一部です。'],
    ]);
    expect(plan.files[0].held).toBe(true);
    expect((await applyCollect(book, plan, returned, "ja", AT)).changed).toBe(false);
  });

  it("the same formula as the master's is no change", async () => {
    const master = withCell(await masterBytes(), "No.1", "C11", (s) => `<c r="C11" s="${s}" t="str"><f>"所管"&amp;"課"</f><v>所管課</v></c>`);
    const d = DEPARTMENTS["市民協働"];
    const book = await XlsxWorkbook.load(master, "master.xlsx");
    const returned = [{ file: "a.xlsx", book: await XlsxWorkbook.load(await departmentFile(master, d.sheets, d.department), "a.xlsx") }];
    const plan = await planCollectBooks(book, returned, BUILT_IN_PROFILES, AT);
    expect(plan.files[0].findings.filter((f) => f.ruleId === "FORM-CHANGED")).toEqual([]);
    expect(plan.files[0].held).toBe(false);
  });
});
