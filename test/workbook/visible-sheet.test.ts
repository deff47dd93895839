/**
 * @jest-environment node
 *
 * A new workbook made of copied sheets (a department's copy from 配布, a folder summary) opens on a visible sheet,
 * as Excel keeps one: a hidden 調査票 copied first is not the active tab, and a copy holding only hidden sheets shows
 * the first of them (a workbook without a visible sheet is one Excel repairs).
 */
import { strFromU8 } from "fflate";
import { text } from "../../src/core/sheet-spec";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { removeSheetAt, showingVisibleSheet } from "../../src/workbook/xlsx/workbook-xml";
import { readPackage } from "../helpers/package-diff";

async function source(): Promise<XlsxWorkbook> {
  const book = XlsxWorkbook.create();
  const sheet = (name: string) => ({ name, cells: [{ row: 0, col: 0, value: text(name) }], styles: {}, merges: [] });
  await book.writeOwnedSheets([sheet("No.1"), sheet("No.2")]);
  return book;
}

const workbookXml = async (book: XlsxWorkbook) => strFromU8(readPackage(await book.toBytes()).get("xl/workbook.xml")!);
const states = (xml: string) => [...xml.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*>/g)].map((m) => `${m[1]}:${/state="(\w+)"/.exec(m[0])?.[1] ?? "visible"}`);
const activeTab = (xml: string) => Number(/activeTab="(\d+)"/.exec(xml)?.[1] ?? 0);

test("非表示のシートが先頭に写っても、開いたときのシートは最初の表示されたシート", async () => {
  const from = await source();
  const copy = XlsxWorkbook.create();
  copy.importSheet(from, "No.1", "No.1", "hidden");
  copy.importSheet(from, "No.2");
  const xml = await workbookXml(copy);
  expect(states(xml)).toEqual(["No.1:hidden", "No.2:visible"]);
  expect(activeTab(xml)).toBe(1);
});

test("写したシートがすべて非表示なら、最初のシートを表示にする（設定の完全に非表示のシートはそのまま）", async () => {
  const from = await source();
  const copy = XlsxWorkbook.create();
  copy.importSheet(from, "No.1", "No.1", "hidden");
  await copy.writeSettings({ stage: "提出前" });
  const xml = await workbookXml(copy);
  expect(states(xml)).toEqual(["No.1:visible", "_chosahyo:veryHidden"]);
  expect(activeTab(xml)).toBe(0);
});

test("直すところのない workbook.xml はそのまま", () => {
  const xml = `<workbook><bookViews><workbookView activeTab="1"/></bookViews><sheets><sheet name="a" sheetId="1" r:id="rId1"/><sheet name="b" sheetId="2" r:id="rId2"/></sheets></workbook>`;
  expect(showingVisibleSheet(xml)).toBe(xml);
  const hidden = xml.replace('name="b" sheetId="2"', 'name="b" state="hidden" sheetId="2"').replace('activeTab="1"', 'activeTab="1" firstSheet="1"');
  expect(showingVisibleSheet(hidden)).toContain('<workbookView activeTab="0" firstSheet="0"/>');
});

test("シートを消して firstSheet より後ろがなくなっても、firstSheet と activeTab は残ったシートを指す", () => {
  const xml = `<workbook><bookViews><workbookView firstSheet="2" activeTab="2"/></bookViews><sheets><sheet name="a" sheetId="1" r:id="rId1"/><sheet name="b" sheetId="2" r:id="rId2"/><sheet name="c" sheetId="3" r:id="rId3"/></sheets></workbook>`;
  expect(removeSheetAt(xml, 2)).toContain('<workbookView firstSheet="0" activeTab="0"/>');
  expect(removeSheetAt(xml, 0)).toContain('<workbookView firstSheet="1" activeTab="1"/>');
});
