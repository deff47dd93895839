/**
 * @jest-environment node
 *
 * 回収 on the 小平 調査票 (seeds/kodaira-h29.xlsx): departments' returned workbooks (made by collect-fixtures.ts as
 * 配布 would) are compared with the master, and only what the departments wrote in the input cells reaches it.
 */
import { planCollect, readMarker } from "../../src/core/cycle/collect";
import { validateWorkbook } from "../../src/core/validate";
import { checkBook } from "../../src/workbook/xlsx/collect";
import { splitBook } from "../../src/workbook/xlsx/split";
import { SUBMISSIONS_KEY, type SubmissionsState } from "../../src/core/cycle/types";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { applyCollect, planCollectBooks, type ReturnedWorkbook } from "../../src/workbook/xlsx/collect";
import { readSheetEntries, workbookPart } from "../../src/workbook/xlsx/book";
import { Package } from "../../src/workbook/xlsx/package";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { readPackage } from "../helpers/package-diff";
import { cellMap, DEPARTMENTS, departmentFile, differingCells, inputCellsOf, masterBytes, SEED, seedRecords } from "./collect-fixtures";

const profiles = BUILT_IN_PROFILES;
const AT = new Date("2026-12-01T09:00:00Z");

async function returned(files: readonly { file: string; bytes: Uint8Array }[]): Promise<ReturnedWorkbook[]> {
  return Promise.all(files.map(async (f) => ({ file: f.file, book: await XlsxWorkbook.load(f.bytes, f.file) })));
}

/** Plans and applies a collection on a fresh copy of `master`; the merged bytes, the plan and what changed. */
async function collect(master: Uint8Array, files: readonly { file: string; bytes: Uint8Array }[]) {
  const book = await XlsxWorkbook.load(master, "master.xlsx");
  const books = await returned(files);
  const plan = await planCollectBooks(book, books, profiles, AT);
  const result = await applyCollect(book, plan, books, "ja", AT);
  return { plan, result, bytes: await book.toBytes(), book };
}

async function stateOf(bytes: Uint8Array): Promise<SubmissionsState> {
  const book = await XlsxWorkbook.load(bytes, "x.xlsx");
  return JSON.parse((await book.readSettings())[SUBMISSIONS_KEY]) as SubmissionsState;
}

/** The worksheet parts of a package, decompressed, by name. */
function worksheetParts(bytes: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, data] of readPackage(bytes)) if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) out.set(name, Buffer.from(data).toString("utf8"));
  return out;
}

let master: Uint8Array;
let records: Awaited<ReturnType<typeof seedRecords>>;
beforeAll(async () => {
  master = await masterBytes();
  records = await seedRecords();
});

const dept = (key: keyof typeof DEPARTMENTS, options?: Parameters<typeof departmentFile>[3]) => departmentFile(master, DEPARTMENTS[key].sheets, DEPARTMENTS[key].department, options);

describe("collecting returned workbooks into the master", () => {
  test("the fixture's department file carries the marker as 配布 writes it", async () => {
    const book = await XlsxWorkbook.load(await dept("政策課"), "f.xlsx");
    expect(book.sheetNames()).toEqual(["No.3", "No.9", "No.11"]);
    expect(readMarker(await book.readSettings())).toMatchObject({ masterId: "m-kodaira-h29", department: "政策課" });
  });

  test("unchanged files: 0 cells changed, no sheet replaced, every worksheet part of the master as it was; the three departments are recorded", async () => {
    const files = await Promise.all((["市民協働", "政策課", "指導課"] as const).map(async (k) => ({ file: `${k}.xlsx`, bytes: await dept(k) })));
    const { plan, result, bytes } = await collect(master, files);
    expect(plan.files.map((f) => [f.department, f.cellsChanged, f.held, f.refusal])).toEqual([
      ["市民協働・男女参画推進課", 0, false, undefined],
      ["政策課", 0, false, undefined],
      ["指導課", 0, false, undefined],
    ]);
    expect(plan.files.flatMap((f) => f.findings.filter((x) => x.ruleId === "FORM-CHANGED"))).toEqual([]);
    expect(result.sheetsReplaced).toBe(0);
    expect(differingCells(await cellMap(master), await cellMap(bytes))).toEqual([]);
    expect(worksheetPartsWithoutSettings(bytes)).toEqual(worksheetPartsWithoutSettings(master));
    expect((await stateOf(bytes)).received.map((s) => [s.department, s.sheets, s.cellsChanged])).toEqual([
      ["市民協働・男女参画推進課", ["No.1"], 0],
      ["政策課", ["No.3", "No.9", "No.11"], 0],
      ["指導課", ["No.4", "No.4-1"], 0],
    ]);
  });

  test("1次評価 and 取組実績 written in three departments' files: exactly those cells change in the master, logged per sheet, and three submissions recorded", async () => {
    const edited: { key: keyof typeof DEPARTMENTS; sheet: string }[] = [
      { key: "市民協働", sheet: "No.1" },
      { key: "政策課", sheet: "No.9" },
      { key: "指導課", sheet: "No.4-1" },
    ];
    const expectedCells: string[] = [];
    const files = await Promise.all(
      edited.map(async ({ key, sheet }) => {
        const c = inputCellsOf(records, sheet);
        expectedCells.push(`${sheet}!${c.eval1}`, `${sheet}!${c.result}`);
        const bytes = await dept(key, { edits: [{ sheet, cell: c.eval1, value: "S" }, { sheet, cell: c.result, value: `${sheet} の取組実績（回収テスト）` }] });
        return { file: `${key}.xlsx`, bytes };
      }),
    );
    const { plan, result, bytes } = await collect(master, files);
    expect(plan.files.map((f) => [f.cellsChanged, f.sheets.filter((s) => s.replace).map((s) => s.sheet)])).toEqual([
      [2, ["No.1"]],
      [2, ["No.9"]],
      [2, ["No.4-1"]],
    ]);
    expect(result).toEqual({ sheetsReplaced: 3, cellsChanged: 6, changed: true });
    const after = await cellMap(bytes);
    expect(differingCells(await cellMap(master), after)).toEqual(expectedCells.sort());
    expect(after.get(`No.9!${inputCellsOf(records, "No.9").eval1}`)).toBe("S");
    // The master keeps its sheet order and names; the log sheet is added at the end.
    const merged = await XlsxWorkbook.load(bytes, "m.xlsx");
    const original = await XlsxWorkbook.load(master, "o.xlsx");
    expect(merged.sheetNames()).toEqual([...original.sheetNames(), "変更履歴"]);
    // The replaced sheets keep the master's merged areas, and the merged workbook reads as the master did.
    for (const { sheet } of edited) expect(merged.sheetGrid(sheet)!.merges).toEqual(original.sheetGrid(sheet)!.merges);
    const reread = validateWorkbook(await merged.readAll(), { profiles });
    const first = validateWorkbook(await original.readAll(), { profiles });
    expect(reread.records.map((r) => [r.sheet, r.id?.text])).toEqual(first.records.map((r) => [r.sheet, r.id?.text]));
    const log = merged.sheetGrid("変更履歴")!;
    const logRows = log.rows.slice(1).map((r) => [r[1], r[2], String(r[4])]);
    expect(logRows.map((r) => r[0])).toEqual(["No.1", "No.9", "No.4-1"]);
    expect(logRows[0][2]).toContain("市民協働・男女参画推進課");
    expect(logRows[0][2]).toContain(inputCellsOf(records, "No.1").eval1);
    expect((await stateOf(bytes)).received.map((s) => [s.department, s.cellsChanged])).toEqual([
      ["市民協働・男女参画推進課", 2],
      ["政策課", 2],
      ["指導課", 2],
    ]);
  });

  test("a replaced sheet keeps the master's codeName (the name its VBA module goes by in an .xlsm)", async () => {
    // The master's No.1 as Excel writes a sheet with a code module; the department's copy comes back without it.
    const pkg = Package.open(master);
    const part = readSheetEntries(pkg, workbookPart(pkg)).find((e) => e.name === "No.1")!.part!;
    const xml = pkg.text(part)!;
    const withCode = /<sheetPr\b/.test(xml) ? xml.replace(/<sheetPr\b/, '<sheetPr codeName="Sheet1"') : xml.replace(/(<worksheet\b[^>]*>)/, '$1<sheetPr codeName="Sheet1"/>');
    pkg.set(part, withCode);
    const coded = pkg.toBytes();
    const c = inputCellsOf(records, "No.1");
    const file = { file: "市民協働.xlsx", bytes: await departmentFile(coded, DEPARTMENTS["市民協働"].sheets, DEPARTMENTS["市民協働"].department, { edits: [{ sheet: "No.1", cell: c.eval1, value: "S" }] }) };
    const { result, bytes } = await collect(coded, [file]);
    expect(result.sheetsReplaced).toBe(1);
    const out = Package.open(bytes);
    const after = out.text(readSheetEntries(out, workbookPart(out)).find((e) => e.name === "No.1")!.part!)!;
    expect(/<sheetPr\b[^>]*>/.exec(after)?.[0]).toContain('codeName="Sheet1"');
    expect(after.match(/<sheetPr\b/g)).toHaveLength(1);
  });

  test("collecting the same file twice: the second time nothing changes (every part's bytes equal)", async () => {
    const c = inputCellsOf(records, "No.5");
    const file = { file: "公園課.xlsx", bytes: await dept("公園課", { edits: [{ sheet: "No.5", cell: c.eval1, value: "S" }], savedAt: "2026-11-20T10:00:00Z" }) };
    const first = await collect(master, [file]);
    expect(first.result.sheetsReplaced).toBe(1);
    const second = await collect(first.bytes, [file]);
    expect(second.plan.files[0]).toMatchObject({ cellsChanged: 0, held: false });
    expect(second.plan.stateChanged).toBe(false);
    expect(second.result.changed).toBe(false);
    const a = readPackage(first.bytes);
    const b = readPackage(second.bytes);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [name, data] of a) expect([name, Buffer.from(b.get(name)!).equals(Buffer.from(data))]).toEqual([name, true]);
  });

  test("a master edited since 配布 keeps the edits outside the returned sheets", async () => {
    const edited = await XlsxWorkbook.load(master, "m.xlsx");
    edited.setCells([{ sheet: "No.2", cell: "H12", value: "本部のメモ" }]);
    const editedMaster = await edited.toBytes();
    const c = inputCellsOf(records, "No.1");
    const { bytes } = await collect(editedMaster, [{ file: "a.xlsx", bytes: await dept("市民協働", { edits: [{ sheet: "No.1", cell: c.eval1, value: "A" }] }) }]);
    const after = await cellMap(bytes);
    expect(after.get("No.2!H12")).toBe("本部のメモ");
    expect(differingCells(await cellMap(editedMaster), after)).toEqual([`No.1!${c.eval1}`]);
  });
});

describe("files that are not taken in: each says why, and the master is not changed", () => {
  async function unchanged(files: { file: string; bytes: Uint8Array }[]) {
    const r = await collect(master, files);
    expect(r.result.changed).toBe(false);
    expect(worksheetParts(r.bytes)).toEqual(worksheetParts(master));
    return r.plan.files[0];
  }

  test("a changed label: FORM-CHANGED at the label's cell, the file held back", async () => {
    const f = await unchanged([{ file: "a.xlsx", bytes: await dept("市民協働", { edits: [{ sheet: "No.1", cell: "C11", value: "担当課" }] }) }]);
    expect(f.held).toBe(true);
    const form = f.findings.filter((x) => x.ruleId === "FORM-CHANGED");
    expect(form.map((x) => [x.sheet, x.cell, x.severity])).toEqual([["No.1", "C11", "warning"]]);
    expect(form[0].message.ja).toBe("入力欄ではないセルが配布時と変わっています（配布時: 「所管課」 → 返送: 「担当課」）。様式の見出しや固定の欄は変えずに返送するよう依頼してください。");
  });

  test("a row inserted into a returned 調査票: one FORM-CHANGED at the row, the file held back", async () => {
    const book = await XlsxWorkbook.load(master, "m.xlsx");
    const m = await checkBook(book, profiles);
    const dept1 = await checkBook(await XlsxWorkbook.load(await dept("市民協働"), "a.xlsx"), profiles);
    const sheets = dept1.snapshot.sheets.map((g) => {
      if (g.name !== "No.1") return g;
      const rows = g.rows.map((r) => [...r]);
      rows.splice(6 - g.top, 0, new Array(rows[0].length).fill(null));
      rows[6 - g.top][5] = "追加した行";
      const shift = (x: { top: number; bottom: number; left: number; right: number }) => (x.top >= 6 ? { ...x, top: x.top + 1, bottom: x.bottom + 1 } : x);
      return { ...g, rows, merges: g.merges.map(shift) };
    });
    const snapshot = { ...dept1.snapshot, sheets };
    const plan = planCollect(m, [{ file: "a.xlsx", snapshot, report: validateWorkbook(snapshot, { profiles }) }], { profiles, now: AT.toISOString() });
    expect(plan.files[0].held).toBe(true);
    expect(plan.files[0].findings.filter((x) => x.ruleId === "FORM-CHANGED").map((x) => [x.sheet, x.cell, x.message.ja])).toEqual([
      ["No.1", "A7", "7 行目から 1 行が挿入されています。行を挿入すると様式の位置がずれるため、このシートは取り込みません。"],
    ]);
    expect(plan.stateChanged).toBe(false);
  });

  test("a renamed sheet: the distributed sheet missing and an added one, both FORM-CHANGED at A1", async () => {
    const f = await unchanged([{ file: "a.xlsx", bytes: await dept("市民協働", { rename: { "No.1": "No.1（回答）" } }) }]);
    expect(f.held).toBe(true);
    expect(f.findings.filter((x) => x.ruleId === "FORM-CHANGED").map((x) => [x.sheet, x.cell, x.message.en])).toEqual([
      ["No.1（回答）", "A1", 'The sheet "No.1（回答）" is not in the master workbook (a renamed or added sheet). It is not taken in.'],
      ["No.1", "A1", 'The distributed sheet "No.1" is not in the returned file (renamed or deleted).'],
    ]);
  });

  test("a foreign workbook (another city's) is not a returned workbook", async () => {
    const { readFileSync } = await import("node:fs");
    const f = await unchanged([{ file: "mitaka.xlsx", bytes: new Uint8Array(readFileSync(`${__dirname}/../../seeds/mitaka-2021.xlsx`)) }]);
    expect(f.refusal).toEqual({ code: "not-returned" });
  });

  test("a file of another master", async () => {
    const f = await unchanged([{ file: "a.xlsx", bytes: await dept("市民協働", { masterId: "m-other" }) }]);
    expect(f.refusal).toEqual({ code: "other-master" });
  });

  test("a file whose marker claims another department's sheet", async () => {
    const f = await unchanged([{ file: "a.xlsx", bytes: await departmentFile(master, ["No.1"], "政策課") }]);
    expect(f.refusal).toEqual({ code: "other-department", sheet: "No.1", department: "市民協働・男女参画推進課" });
  });

  test("a second file of the same department in one run: the first is taken in, the second refused", async () => {
    const c = inputCellsOf(records, "No.5");
    const a = await dept("公園課", { edits: [{ sheet: "No.5", cell: c.eval1, value: "S" }] });
    const b = await dept("公園課", { edits: [{ sheet: "No.5", cell: c.eval1, value: "B" }] });
    const r = await collect(master, [
      { file: "first.xlsx", bytes: a },
      { file: "second.xlsx", bytes: b },
    ]);
    expect(r.plan.files.map((f) => f.refusal)).toEqual([undefined, { code: "same-department", file: "first.xlsx" }]);
    expect((await cellMap(r.bytes)).get(`No.5!${c.eval1}`)).toBe("S");
  });

  test("an older copy than the one taken in, by its saved time", async () => {
    const c = inputCellsOf(records, "No.5");
    const newer = await collect(master, [{ file: "new.xlsx", bytes: await dept("公園課", { edits: [{ sheet: "No.5", cell: c.eval1, value: "S" }], savedAt: "2026-11-20T10:00:00Z" }) }]);
    const old = await dept("公園課", { edits: [{ sheet: "No.5", cell: c.eval1, value: "B" }], savedAt: "2026-11-10T10:00:00Z" });
    const again = await collect(newer.bytes, [{ file: "old.xlsx", bytes: old }]);
    expect(newer.result.sheetsReplaced).toBe(1);
    expect(again.plan.files[0].refusal).toEqual({ code: "older", savedAt: "2026-11-10T10:00:00Z", taken: "2026-11-20T10:00:00Z" });
    expect(again.result.changed).toBe(false);
    expect((await cellMap(again.bytes)).get(`No.5!${c.eval1}`)).toBe("S");
  });

  test("a file without a marker is matched by its sheet names and record ids, and its department by the master's record", async () => {
    const c = inputCellsOf(records, "No.3");
    const { plan } = await collect(master, [{ file: "b.xlsx", bytes: await dept("政策課", { noMarker: true, edits: [{ sheet: "No.3", cell: c.eval1, value: "A" }] }) }]);
    expect(plan.files[0]).toMatchObject({ department: "政策課", cellsChanged: 1, held: false });
    expect(plan.files[0].refusal).toBeUndefined();
  });
});

/** Worksheet parts other than the add-in's settings sheet (the record of submissions lives there). */
function worksheetPartsWithoutSettings(bytes: Uint8Array): Map<string, string> {
  const parts = worksheetParts(bytes);
  for (const [name, xml] of parts) if (xml.includes(SUBMISSIONS_KEY)) parts.delete(name);
  return parts;
}

describe("after 配布 by chosahyo split (the master stores no id: both derive it from its forms)", () => {
  test("departments' workbooks from splitBook, two of them filled in, come back into the seed: exactly the cells written change", async () => {
    const { readFileSync } = await import("node:fs");
    const seed = new Uint8Array(readFileSync(SEED));
    const masterBook = await XlsxWorkbook.load(seed, "kodaira-h29.xlsx");
    const split = await splitBook(masterBook, (await checkBook(masterBook, profiles)).report, { profiles, at: new Date("2026-11-01T00:00:00Z") });
    if (!split.ok) throw new Error("split refused");
    const picked = split.books.filter((b) => b.department === "政策課" || b.department === "水と緑と公園課");
    expect(picked.map((b) => b.sheets[0])).toEqual(["No.3", "No.5"]);
    const written: string[] = [];
    const files = await Promise.all(
      picked.map(async (b) => {
        const book = await XlsxWorkbook.load(b.bytes, `${b.department}.xlsx`);
        const sheet = b.sheets[0];
        const c = inputCellsOf(records, sheet);
        book.setCells([{ sheet, cell: c.result, value: `${b.department} の実績` }]);
        written.push(`${sheet}!${c.result}`);
        return { file: `${b.department}.xlsx`, bytes: await book.toBytes() };
      }),
    );
    const other = { file: "他の課.xlsx", bytes: split.books.find((b) => b.department === "指導課")!.bytes };
    const { plan, bytes } = await collect(seed, [...files, other]);
    expect(plan.files.map((f) => [f.department, f.cellsChanged, f.held, f.refusal])).toEqual([
      ["政策課", 1, false, undefined],
      ["水と緑と公園課", 1, false, undefined],
      ["指導課", 0, false, undefined],
    ]);
    expect(differingCells(await cellMap(seed), await cellMap(bytes))).toEqual(written.sort());
    const state = await stateOf(bytes);
    expect(state.masterId).toBe(split.plan.masterId);
    expect(state.received.map((s) => s.department)).toEqual(["政策課", "水と緑と公園課", "指導課"]);
  });
});

/** `bytes` with No.1's worksheet part edited. */
function withNo1(bytes: Uint8Array, edit: (xml: string) => string): Uint8Array {
  const pkg = Package.open(bytes);
  const part = readSheetEntries(pkg, workbookPart(pkg)).find((e) => e.name === "No.1")!.part!;
  pkg.set(part, edit(pkg.text(part)!));
  return pkg.toBytes();
}

/** The department's workbook holding No.1, as splitBook writes it from `masterBytes` (no input aids). */
async function no1Copy(masterBytes: Uint8Array): Promise<XlsxWorkbook> {
  const masterBook = await XlsxWorkbook.load(masterBytes, "master.xlsx");
  const split = await splitBook(masterBook, (await checkBook(masterBook, profiles)).report, { profiles, aids: false, at: new Date("2026-11-01T00:00:00Z") });
  if (!split.ok) throw new Error("split refused");
  return XlsxWorkbook.load(split.books.find((b) => b.sheets.includes("No.1"))!.bytes, "市民協働.xlsx");
}

describe("回収 by cells keeps a department's formatted text", () => {
  test("a sheet written into (its copy holds a formula as a value): the red word and the furigana reach the master's cell", async () => {
    // No.1 points into No.2, which the department does not get: its copy holds the value, so 回収 writes cells.
    const withFormula = withNo1(master, (xml) => xml.replace(/<\/sheetData>/, `<row r="60"><c r="Z60"><f>'No.2'!A1</f><v>0</v></c></row></sheetData>`));
    const book = await no1Copy(withFormula);
    const c = inputCellsOf(records, "No.1");
    const runs = `<r><t>窓口を</t></r><r><rPr><b/><color rgb="FFFF0000"/></rPr><t>一元化</t></r><rPh sb="3" eb="6"><t>イチゲンカ</t></rPh><phoneticPr fontId="1"/>`;
    book.setCells([{ sheet: "No.1", cell: c.result, value: { text: "窓口を一元化", runs } }]);
    const { plan, result, bytes } = await collect(withFormula, [{ file: "市民協働.xlsx", bytes: await book.toBytes() }]);
    expect(plan.files[0].sheets.find((s) => s.sheet === "No.1")).toMatchObject({ replace: false });
    expect(result.sheetsReplaced).toBe(0);
    const out = Package.open(bytes);
    const after = out.text(readSheetEntries(out, workbookPart(out)).find((e) => e.name === "No.1")!.part!)!;
    expect(new RegExp(`<c r="${c.result}"[^>]*t="inlineStr"><is>([^]*?)</is></c>`).exec(after)?.[1]).toBe(runs);
    expect((await cellMap(bytes)).get(`No.1!${c.result}`)).toBe("窓口を一元化");
  });
});

describe("XlsxWorkbook.replaceSheets: a sheet replaced in place", () => {
  test("keeps Excel 2010's data bars and sparklines (the sheet's extLst) through 配布 and back", async () => {
    // Before, 配布 carried them into the department's copy, and 回収 then dropped them from the master's sheet.
    const X14 = `xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"`;
    const XM = `xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"`;
    const dataBar =
      `<ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" ${X14}><x14:conditionalFormattings><x14:conditionalFormatting ${XM}>` +
      `<x14:cfRule type="dataBar" id="{00000000-000E-0000-0000-000001000000}"><x14:dataBar minLength="0" maxLength="100"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/><x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule>` +
      `<xm:sqref>Z2:Z9</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext>`;
    const sparklines =
      `<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" ${X14}><x14:sparklineGroups ${XM}><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/>` +
      `<x14:sparklines><x14:sparkline><xm:f>'No.1'!Z2:Z9</xm:f><xm:sqref>Z10</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext>`;
    const withExt = withNo1(master, (xml) => xml.replace(/<\/worksheet>$/, `<extLst>${dataBar}${sparklines}</extLst></worksheet>`));
    const book = await no1Copy(withExt);
    const c = inputCellsOf(records, "No.1");
    book.setCells([{ sheet: "No.1", cell: c.eval1, value: "S" }]);
    const { result, bytes } = await collect(withExt, [{ file: "市民協働.xlsx", bytes: await book.toBytes() }]);
    expect(result.sheetsReplaced).toBe(1);
    const out = Package.open(bytes);
    const after = out.text(readSheetEntries(out, workbookPart(out)).find((e) => e.name === "No.1")!.part!)!;
    expect(after).toContain(`<extLst>${dataBar}${sparklines}</extLst></worksheet>`);
    expect(differingCells(await cellMap(withExt), await cellMap(bytes))).toEqual([`No.1!${c.eval1}`]);

    // With a note on the master's sheet, the pointer to it goes back before the extLst, where the schema has it.
    const { readFileSync } = await import("node:fs");
    const memo = Package.open(new Uint8Array(readFileSync(`${__dirname}/../fixtures/preserve/lo-kodaira-memo-chart.xlsx`)));
    memo.set("xl/worksheets/sheet2.xml", memo.text("xl/worksheets/sheet2.xml")!.replace(/<\/worksheet>\s*$/, `<extLst>${dataBar}</extLst></worksheet>`));
    const memoMaster = await XlsxWorkbook.load(memo.toBytes(), "m.xlsx");
    const back = XlsxWorkbook.create();
    back.importSheet(memoMaster, "No.1");
    await memoMaster.replaceSheets(await XlsxWorkbook.load(await back.toBytes(), "r.xlsx"), ["No.1"], []);
    const replaced = Package.open(await memoMaster.toBytes()).text("xl/worksheets/sheet2.xml")!;
    expect(replaced).toContain(`<legacyDrawing r:id="rId2"/><extLst>${dataBar}</extLst></worksheet>`);
  });

  test("keeps its place, name, comments (note) and every other sheet's part; the cell taken in is there and 変更履歴 has the row", async () => {
    const { readFileSync } = await import("node:fs");
    const fixture = new Uint8Array(readFileSync(`${__dirname}/../fixtures/preserve/lo-kodaira-memo-chart.xlsx`));
    const from = await XlsxWorkbook.load(fixture, "m.xlsx");
    const returnedBook = XlsxWorkbook.create();
    returnedBook.importSheet(from, "No.1");
    const c = inputCellsOf(records, "No.1");
    returnedBook.setCells([{ sheet: "No.1", cell: c.eval1, value: "S" }]);
    const master = await XlsxWorkbook.load(fixture, "m.xlsx");
    await master.replaceSheets(await XlsxWorkbook.load(await returnedBook.toBytes(), "r.xlsx"), ["No.1"], [{ sheet: "No.1", cell: c.eval1, before: "", after: "回収" }], AT);
    const bytes = await master.toBytes();
    const before = readPackage(fixture);
    const after = readPackage(bytes);
    const text = (m: Map<string, Uint8Array>, name: string) => Buffer.from(m.get(name)!).toString("utf8");
    // No.1 is sheet2.xml here: its note (comments + VML) and the pointer to it stay.
    expect(text(after, "xl/worksheets/sheet2.xml")).toContain('<legacyDrawing r:id="rId2"/>');
    for (const part of ["xl/comments2.xml", "xl/drawings/vmlDrawing1.vml", "xl/worksheets/_rels/sheet2.xml.rels", "xl/worksheets/sheet1.xml", "xl/drawings/drawing1.xml", "xl/charts/chart1.xml"]) {
      expect([part, after.has(part) && Buffer.from(after.get(part)!).equals(Buffer.from(before.get(part)!))]).toEqual([part, true]);
    }
    const reread = await XlsxWorkbook.load(bytes, "m.xlsx");
    expect(reread.sheetNames()).toEqual([...from.sheetNames(), "変更履歴"]);
    expect(differingCells(await cellMap(fixture), await cellMap(bytes))).toEqual([`No.1!${c.eval1}`]);
    expect(reread.sheetGrid("変更履歴")!.rows[1].slice(1, 5)).toEqual(["No.1", c.eval1, null, "回収"]);
  });
});
