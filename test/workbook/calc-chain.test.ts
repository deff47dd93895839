/**
 * @jest-environment node
 *
 * Excel keeps a list of the workbook's formula cells (xl/calcChain.xml) when it saves. A generated sheet written
 * again with its formulas in other places (評価集計 after the 方針 or 所管課 changed) leaves entries naming cells
 * that hold no formula any more, and Excel then repairs the file ("Removed Records: Formula from
 * /xl/calcChain.xml"). The list goes with such a rewrite, as it goes when sheets are removed; Excel rebuilds it.
 */
import { strFromU8, strToU8, zipSync } from "fflate";
import { formula, num, type SheetSpec, text } from "../../src/core/sheet-spec";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { readPackage } from "../helpers/package-diff";

/** A total under `rows` figures, as 評価集計 writes one. */
function totals(rows: number): SheetSpec {
  const cells = [{ row: 0, col: 0, value: text("方針") }, { row: 0, col: 1, value: text("件数") }];
  for (let r = 1; r <= rows; r++) cells.push({ row: r, col: 0, value: text(`方針${r}`) }, { row: r, col: 1, value: num(r) });
  cells.push({ row: rows + 1, col: 0, value: text("計") }, { row: rows + 1, col: 1, value: formula(`SUM(B2:B${rows + 1})`) });
  return { name: "評価集計", cells, styles: {}, merges: [] };
}

/** The package as Excel saves it: a calcChain naming every formula cell of every sheet (by the sheet's sheetId). */
function savedByExcel(bytes: Uint8Array): Uint8Array {
  const pkg = readPackage(bytes);
  const workbook = strFromU8(pkg.get("xl/workbook.xml")!);
  const rels = strFromU8(pkg.get("xl/_rels/workbook.xml.rels")!);
  const entries: string[] = [];
  for (const m of workbook.matchAll(/<sheet [^>]*sheetId="(\d+)"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(rels)!;
    const part = `xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, "")}`;
    for (const c of strFromU8(pkg.get(part)!).matchAll(/<c r="([A-Z]+\d+)"[^>]*>(?:(?!<\/c>).)*<f>/gs)) entries.push(`<c r="${c[1]}" i="${m[1]}"/>`);
  }
  pkg.set("xl/calcChain.xml", strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${entries.join("")}</calcChain>`));
  pkg.set("xl/_rels/workbook.xml.rels", strToU8(rels.replace("</Relationships>", `<Relationship Id="rIdCalc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>`)));
  const types = strFromU8(pkg.get("[Content_Types].xml")!);
  pkg.set("[Content_Types].xml", strToU8(types.replace("</Types>", `<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>`)));
  return zipSync(Object.fromEntries(pkg));
}

async function summarised(): Promise<Uint8Array> {
  const book = XlsxWorkbook.create();
  await book.writeOwnedSheets([{ name: "No.1", cells: [{ row: 0, col: 0, value: text("取組") }], styles: {}, merges: [] }, totals(5)]);
  return savedByExcel(await book.toBytes());
}

test("集計シートを作り直して式の場所が変わると、calcChain.xml は消え（Excel が作り直す）、参照も型の宣言も残らない", async () => {
  const saved = await summarised();
  expect(strFromU8(readPackage(saved).get("xl/calcChain.xml")!)).toContain('<c r="B7"');
  const book = await XlsxWorkbook.load(saved, "saved.xlsx");
  await book.writeOwnedSheets([totals(3)]);
  const out = readPackage(await book.toBytes());
  expect(out.has("xl/calcChain.xml")).toBe(false);
  expect(strFromU8(out.get("xl/_rels/workbook.xml.rels")!)).not.toContain("calcChain");
  expect(strFromU8(out.get("[Content_Types].xml")!)).not.toContain("calcChain");
});

test("式のない自分のシート（設定など）を書き直しても、calcChain.xml はそのまま", async () => {
  const saved = await summarised();
  const book = await XlsxWorkbook.load(saved, "saved.xlsx");
  await book.writeSettings({ stage: "提出前" });
  await book.writeSettings({ stage: "本部評価後" });
  const out = readPackage(await book.toBytes());
  expect(strFromU8(out.get("xl/calcChain.xml")!)).toBe(strFromU8(readPackage(saved).get("xl/calcChain.xml")!));
});
