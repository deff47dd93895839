/**
 * @jest-environment node
 *
 * 回収 by rows on the 武蔵野 取組状況 (seeds/musashino-h29.xlsx): the departments' workbooks 配布 wrote hold some rows
 * of one sheet; what they write in their input cells goes back into the master's rows, and nothing else does.
 */
import { readFileSync } from "node:fs";
import { readMarker } from "../../src/core/cycle/collect";
import { parseA1 } from "../../src/core/model/address";
import { SUBMISSIONS_KEY, type SubmissionsState } from "../../src/core/cycle/types";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { submissionRows } from "../../src/core/summary/submissions";
import { applyCollect, planCollectBooks, type ReturnedWorkbook } from "../../src/workbook/xlsx/collect";
import { Package } from "../../src/workbook/xlsx/package";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { readPackage } from "../helpers/package-diff";
import { cellMap, differingCells, SEED as KODAIRA, withSavedAt } from "./collect-fixtures";
import { arrayOverInput, cellRe, inputCellsOf, musashinoMaster, SHEET, sheetPartNamed, splitMaster, styleOf, withPart } from "./musashino-fixtures";

const AT = new Date("2026-12-01T09:00:00Z");

let master: Uint8Array;
let departments: string[];
let files: Map<string, Uint8Array>;
beforeAll(async () => {
  ({ bytes: master, departments } = await musashinoMaster());
  const split = await splitMaster(master);
  files = new Map(split.books.map((b) => [b.department, b.bytes]));
});

async function collect(inputs: readonly { file: string; bytes: Uint8Array }[], into: Uint8Array = master, accept?: ReadonlySet<string>) {
  const book = await XlsxWorkbook.load(into, "master.xlsx");
  const returned: ReturnedWorkbook[] = await Promise.all(inputs.map(async (f) => ({ file: f.file, book: await XlsxWorkbook.load(f.bytes, f.file) })));
  const plan = await planCollectBooks(book, returned, BUILT_IN_PROFILES, AT, accept);
  const result = await applyCollect(book, plan, returned, "ja", AT);
  return { plan, result, bytes: await book.toBytes() };
}

async function stateOf(bytes: Uint8Array): Promise<SubmissionsState> {
  return JSON.parse((await (await XlsxWorkbook.load(bytes, "x.xlsx")).readSettings())[SUBMISSIONS_KEY]) as SubmissionsState;
}

/** The worksheet parts of a package, by name (the settings sheet aside: the record of submissions changes). */
function userSheetParts(bytes: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, data] of readPackage(bytes)) {
    const xml = Buffer.from(data).toString("utf8");
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name) && !xml.includes("submissions")) out.set(name, xml);
  }
  return out;
}

/** The user's worksheet parts that differ between two packages (or are in one only). */
function changedSheetParts(a: Uint8Array, b: Uint8Array): string[] {
  const x = userSheetParts(a);
  const y = userSheetParts(b);
  return [...new Set([...x.keys(), ...y.keys()])].filter((k) => x.get(k) !== y.get(k)).sort();
}

/** A department's file with some of its cells set (copy's A1), optionally saved at a time. */
async function edited(department: string, cells: readonly { cell: string; value: string }[], savedAt?: string): Promise<Uint8Array> {
  const book = await XlsxWorkbook.load(files.get(department)!, "d.xlsx");
  book.setCells(cells.map((c) => ({ sheet: SHEET, ...c })));
  const bytes = await book.toBytes();
  return savedAt ? withSavedAt(bytes, savedAt) : bytes;
}

const sheetPartOf = (pkg: Package) => pkg.names().find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && pkg.text(n)!.includes("事業名"))!;

describe("回収 of the 武蔵野 取組状況, returned by rows", () => {
  test("配布 wrote one workbook per department, each holding 取組状況 only, with its rows in the marker", async () => {
    expect(departments.length).toBeGreaterThan(20);
    for (const [department, bytes] of files) {
      const book = await XlsxWorkbook.load(bytes, "d.xlsx");
      expect(book.sheetNames()).toEqual([SHEET]);
      const marker = readMarker(await book.readSettings())!;
      expect(marker.department).toBe(department);
      expect(marker.sheets).toEqual([expect.objectContaining({ name: SHEET, rows: expect.any(Array) })]);
    }
  });

  test("every file returned unchanged: the master comes back equal, cell by cell and part by part; every department is recorded", async () => {
    const all = [...files].map(([d, bytes]) => ({ file: `${d}.xlsx`, bytes }));
    const { plan, result, bytes } = await collect(all);
    expect(plan.files.filter((f) => f.refusal || f.held).map((f) => [f.file, f.refusal, f.findings.filter((x) => x.ruleId === "FORM-CHANGED").map((x) => `${x.cell} ${x.message.ja}`)])).toEqual([]);
    expect(plan.files.map((f) => f.cellsChanged)).toEqual(all.map(() => 0));
    expect(result.cellsChanged).toBe(0);
    expect(differingCells(await cellMap(master), await cellMap(bytes))).toEqual([]);
    expect(changedSheetParts(master, bytes)).toEqual([]);
    expect((await stateOf(bytes)).received.map((s) => s.department)).toEqual(departments);
  });

  test("three departments write their input cells: exactly those cells change in the master, each in its own rows; 提出状況 shows 3 of N", async () => {
    const picked = ["防災課", "市民課", "人事課"];
    const expected: string[] = [];
    const returned: { file: string; bytes: Uint8Array }[] = [];
    for (const d of picked) {
      const cells = (await inputCellsOf(files.get(d)!)).slice(0, 2);
      expect(cells.map((c) => c.field)).toEqual(["result", "reason"]);
      returned.push({ file: `${d}.xlsx`, bytes: await edited(d, cells.map((c, i) => ({ cell: c.copy, value: `${d}の記入${i}` }))) });
      expected.push(...cells.map((c) => `${SHEET}!${c.master}`));
    }
    const { plan, result, bytes } = await collect(returned);
    expect(plan.files.map((f) => [f.department, f.cellsChanged, f.held, f.refusal])).toEqual(picked.map((d) => [d, 2, false, undefined]));
    expect(plan.files.flatMap((f) => f.sheets.map((s) => s.replace))).toEqual([false, false, false]);
    expect(result).toMatchObject({ sheetsReplaced: 0, cellsChanged: 6 });
    const after = await cellMap(bytes);
    expect(differingCells(await cellMap(master), after)).toEqual([...expected].sort());
    for (const d of picked) expect([...after.values()].filter((v) => v.startsWith(`${d}の記入`)).length).toBe(2);
    const rows = submissionRows(await stateOf(bytes));
    expect(rows.length).toBe(departments.length);
    expect(rows.filter((r) => r.submission).map((r) => [r.department, r.submission!.cellsChanged])).toEqual(picked.map((d) => [d, 2]).sort((a, b) => departments.indexOf(a[0] as string) - departments.indexOf(b[0] as string)));
    // One 変更履歴 row per department's sheet, naming the master cells written.
    const log = (await XlsxWorkbook.load(bytes, "x.xlsx")).sheetGrid("変更履歴")!;
    const logged = log.rows.map((r) => r.map((v) => String(v ?? "")).join("|")).filter((r) => r.includes(SHEET));
    expect(logged.length).toBe(3);
    for (const d of picked) expect(logged.some((r) => r.includes(d))).toBe(true);
  });

  test("a changed label, an inserted row, a renamed sheet: FORM-CHANGED, and nothing of the file is written", async () => {
    const d = "防災課";
    const input = (await inputCellsOf(files.get(d)!))[0];
    const base = await edited(d, [{ cell: input.copy, value: "記入" }]);
    const label = withPart(base, sheetPartOf, (xml) => xml.replace("<t>担当課</t>", "<t>担当部署</t>").replace(/<t([^>]*)>担当課<\/t>/, "<t$1>担当部署</t>"));
    const inserted = withPart(base, sheetPartOf, (xml) =>
      xml
        .replace(/(<(?:row|c) r=")([A-Z]*)(\d+)"/g, (_m, a: string, col: string, r: string) => `${a}${col}${Number(r) >= 10 ? Number(r) + 1 : Number(r)}"`)
        .replace(/<mergeCell ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g, (_m, c1: string, r1: string, c2: string, r2: string) => `<mergeCell ref="${c1}${Number(r1) >= 10 ? Number(r1) + 1 : r1}:${c2}${Number(r2) >= 10 ? Number(r2) + 1 : r2}"`),
    );
    const renamed = withPart(base, () => "xl/workbook.xml", (xml) => xml.replace(`name="${SHEET}"`, `name="${SHEET} (2)"`));
    for (const [file, bytes, cell, words] of [
      ["label.xlsx", label, undefined, "入力欄ではないセルが配布時と変わっています（配布時: 「担当課」 → 返送: 「担当部署」）"],
      ["inserted.xlsx", inserted, "A10", "10 行目から 1 行が挿入されています"],
      ["renamed.xlsx", renamed, "A1", `シート「${SHEET} (2)」は元のブックにありません`],
    ] as const) {
      const { plan, result, bytes: out } = await collect([{ file, bytes }]);
      const f = plan.files[0];
      expect([file, f.held, f.refusal]).toEqual([file, true, undefined]);
      const form = f.findings.filter((x) => x.ruleId === "FORM-CHANGED");
      expect(form.length).toBeGreaterThan(0);
      expect(form.every((x) => x.severity === "warning")).toBe(true);
      if (cell) expect(form[0].cell).toBe(cell);
      expect(form.map((x) => x.message.ja).join("\n")).toContain(words);
      expect(result.cellsChanged).toBe(0);
      expect(differingCells(await cellMap(master), await cellMap(out))).toEqual([]);
      expect(changedSheetParts(master, out)).toEqual([]);
    }
    // The office accepts the changed label and the inserted row: only the input cell comes in, at the master's cell.
    for (const [file, bytes] of [
      ["label.xlsx", label],
      ["inserted.xlsx", inserted],
    ] as const) {
      const { plan, result, bytes: out } = await collect([{ file, bytes }], master, new Set([file]));
      expect([file, plan.files[0].held, plan.files[0].formAccepted]).toEqual([file, false, true]);
      expect(result).toMatchObject({ sheetsReplaced: 0, cellsChanged: 1 });
      const after = await cellMap(out);
      expect(differingCells(await cellMap(master), after)).toEqual([`${SHEET}!${input.master}`]);
      expect(after.get(`${SHEET}!${input.master}`)).toBe("記入");
    }
  });

  test("an input cell that held a formula when distributed: recalculated, it is no change; typed over, the file waits and the formula stays", async () => {
    const d = "防災課";
    const [result, reason] = await inputCellsOf(files.get(d)!);
    expect([result.field, reason.field]).toEqual(["result", "reason"]);
    // In the master, the result cell computes from the reason cell below it.
    const formulaCell = (a1: string, ref: string, value: string) => (xml: string) =>
      xml.replace(cellRe(a1), `<c r="${a1}" s="${styleOf(xml, a1)}" t="str"><f>${ref}&amp;""</f><v>${value}</v></c>`);
    const withFormula = withPart(master, sheetPartNamed(SHEET), formulaCell(result.master, reason.master, ""));
    const split = await splitMaster(withFormula);
    const copy = split.books.find((b) => b.department === d)!.bytes;
    const copyRef = reason.copy;

    // Recalculated: the department wrote the reason; the formula beside it shows it. Only the reason is taken in.
    const book = await XlsxWorkbook.load(copy, "d.xlsx");
    book.setCells([{ sheet: SHEET, cell: reason.copy, value: "予算不足" }]);
    const recalculated = withPart(await book.toBytes(), sheetPartNamed(SHEET), formulaCell(result.copy, copyRef, "予算不足"));
    const taken = await collect([{ file: "recalc.xlsx", bytes: recalculated }], withFormula);
    expect(taken.plan.files[0].findings.filter((f) => f.ruleId === "FORM-CHANGED")).toEqual([]);
    expect(taken.plan.files[0].sheets.map((s) => [s.changedCells, s.writes?.map((w) => w.cell)])).toEqual([[[reason.master], [reason.master]]]);
    expect(taken.result.cellsChanged).toBe(1);
    expect(differingCells(await cellMap(withFormula), await cellMap(taken.bytes))).toEqual([`${SHEET}!${reason.master}`]);
    const log = (await XlsxWorkbook.load(taken.bytes, "x.xlsx")).sheetGrid("変更履歴")!;
    expect(log.rows.filter((r) => r.includes(SHEET)).map((r) => r[2])).toEqual([reason.master]);

    // Typed over: FORM-CHANGED at the cell, naming the formula; nothing of the file is written.
    const typed = withPart(copy, sheetPartNamed(SHEET), (xml) => xml.replace(cellRe(result.copy), `<c r="${result.copy}" s="${styleOf(xml, result.copy)}" t="inlineStr"><is><t>実施済み</t></is></c>`));
    const held = await collect([{ file: "typed.xlsx", bytes: typed }], withFormula);
    expect(held.plan.files[0].held).toBe(true);
    expect(held.plan.files[0].findings.filter((f) => f.ruleId === "FORM-CHANGED").map((f) => [f.cell, f.message.ja])).toEqual([
      [result.copy, `入力欄ですが、配布時は数式のセルでした（配布時: =${copyRef}&"" → 返送: 「実施済み」）。数式は様式の一部のため、上書きして取り込むことはしません。数式を残して返送するよう依頼するか、元のブックのこのセルを見直してください。`],
    ]);
    expect(held.result.cellsChanged).toBe(0);
    expect(differingCells(await cellMap(withFormula), await cellMap(held.bytes))).toEqual([]);
  });

  test("a formula the department typed into an input cell goes into the master as a formula on the master's row, with the value it showed", async () => {
    const d = "防災課";
    const [result, reason] = await inputCellsOf(files.get(d)!);
    const book = await XlsxWorkbook.load(files.get(d)!, "d.xlsx");
    book.setCells([{ sheet: SHEET, cell: reason.copy, value: "予算不足" }]);
    const typed = withPart(await book.toBytes(), sheetPartNamed(SHEET), (xml) =>
      xml.replace(cellRe(result.copy), `<c r="${result.copy}" s="${styleOf(xml, result.copy)}" t="str"><f>${reason.copy}&amp;"のため未実施"</f><v>予算不足のため未実施</v></c>`),
    );
    expect(reason.copy).not.toBe(reason.master); // the copy's rows are not the master's: the reference has to move
    const { plan, result: out, bytes } = await collect([{ file: "typed-formula.xlsx", bytes: typed }]);
    expect(plan.files[0].held).toBe(false);
    expect(out).toMatchObject({ cellsChanged: 2 });
    const after = await XlsxWorkbook.load(bytes, "x.xlsx");
    const at = (a1: string) => parseA1(a1)!;
    const r = at(result.master);
    expect(after.sheetFormulas(SHEET)?.get(`${r.row},${r.col}`)).toBe(`${reason.master}&"のため未実施"`);
    const grid = after.sheetGrid(SHEET)!;
    const shown = (a1: string) => {
      const p = at(a1);
      return grid.rows[p.row - grid.top]?.[p.col - grid.left];
    };
    expect([shown(result.master), shown(reason.master)]).toEqual(["予算不足のため未実施", "予算不足"]);
    expect(differingCells(await cellMap(master), await cellMap(bytes))).toEqual([`${SHEET}!${result.master}`, `${SHEET}!${reason.master}`].sort());
  });

  test("text the department partly formatted goes into the master's row with its runs, from the copy's own row", async () => {
    const d = "防災課";
    const [, reason] = await inputCellsOf(files.get(d)!);
    const book = await XlsxWorkbook.load(files.get(d)!, "d.xlsx");
    const runs = `<r><t>予算</t></r><r><rPr><color rgb="FFFF0000"/></rPr><t>不足</t></r>`;
    book.setCells([{ sheet: SHEET, cell: reason.copy, value: { text: "予算不足", runs } }]);
    expect(reason.copy).not.toBe(reason.master);
    const { bytes } = await collect([{ file: "rich.xlsx", bytes: await book.toBytes() }]);
    const pkg = Package.open(bytes);
    expect(cellRe(reason.master).exec(pkg.text(sheetPartNamed(SHEET)(pkg))!)?.[0]).toContain(`t="inlineStr"><is>${runs}</is>`);
    expect(differingCells(await cellMap(master), await cellMap(bytes))).toEqual([`${SHEET}!${reason.master}`]);
  });

  test("an input cell inside an array formula's result: not written, not logged, not counted, and named", async () => {
    const { master: withArray, returned: typed, cell } = await arrayOverInput(master, "防災課");
    const { plan, result: out, bytes } = await collect([{ file: "array.xlsx", bytes: typed }], withArray);
    expect(plan.files[0].sheets.map((s) => s.changedCells)).toEqual([[cell]]);
    expect(out).toMatchObject({ cellsChanged: 0, formulaCells: [`${SHEET}!${cell}`] });
    // 提出状況 counts what went in: the department is recorded, with no cell changed.
    expect((await stateOf(bytes)).received.map((s) => [s.department, s.cellsChanged])).toEqual([["防災課", 0]]);
    expect(differingCells(await cellMap(withArray), await cellMap(bytes))).toEqual([]);
    expect((await XlsxWorkbook.load(bytes, "x.xlsx")).sheetGrid("変更履歴")?.rows.filter((r) => r.includes(SHEET)) ?? []).toEqual([]);
  });

  test("a foreign workbook, a file of another master, rows of another department, an older copy: refused, nothing written", async () => {
    const d = "防災課";
    const input = (await inputCellsOf(files.get(d)!))[0];
    const mine = await edited(d, [{ cell: input.copy, value: "記入" }], "2026-11-20T10:00:00Z");
    const foreign = new Uint8Array(readFileSync(KODAIRA));
    const book = await XlsxWorkbook.load(mine, "x.xlsx");
    const marker = readMarker(await book.readSettings())!;
    await book.writeSettings({ distribution: JSON.stringify({ ...marker, masterId: "another-master" }) });
    const otherMaster = await book.toBytes();
    // The marker claims 市民課's rows for 防災課.
    const other = readMarker(await (await XlsxWorkbook.load(files.get("市民課")!, "y.xlsx")).readSettings())!;
    const claim = await XlsxWorkbook.load(mine, "x.xlsx");
    await claim.writeSettings({ distribution: JSON.stringify({ ...marker, sheets: other.sheets }) });
    const claimed = await claim.toBytes();
    for (const [file, bytes, code] of [
      ["foreign.xlsx", foreign, "not-returned"],
      ["other-master.xlsx", otherMaster, "other-master"],
      ["claimed.xlsx", claimed, "other-department"],
    ] as const) {
      const { plan, result, bytes: out } = await collect([{ file, bytes }]);
      expect([file, plan.files[0].refusal?.code]).toEqual([file, code]);
      expect(result.cellsChanged).toBe(0);
      expect(differingCells(await cellMap(master), await cellMap(out))).toEqual([]);
    }
    const refusal = (await collect([{ file: "claimed.xlsx", bytes: claimed }])).plan.files[0].refusal;
    expect(refusal).toEqual({ code: "other-department", sheet: SHEET, department: "市民課" });
    // Taken in once (saved 20 Nov); then a copy saved earlier is older.
    const first = await collect([{ file: "new.xlsx", bytes: mine }]);
    expect(first.result.cellsChanged).toBe(1);
    const older = await edited(d, [{ cell: input.copy, value: "古い記入" }], "2026-11-10T10:00:00Z");
    const second = await collect([{ file: "old.xlsx", bytes: older }], first.bytes);
    expect(second.plan.files[0].refusal).toEqual({ code: "older", savedAt: "2026-11-10T10:00:00Z", taken: "2026-11-20T10:00:00Z" });
    expect(differingCells(await cellMap(first.bytes), await cellMap(second.bytes))).toEqual([]);
  });
});

// Found by running 回収 on damaged masters: with its shared strings gone, the master's 取組状況 reads as no record at
// all beside a marker that says it was split by rows, and planning stopped with "Cannot read properties of
// undefined (reading 'top')". A sheet with no record has no rows to tell apart; the returned file's changed form is
// said in words and nothing is taken in.
test("a master whose list sheet no longer reads as records (its shared strings gone): the plan is made, the file is held, nothing is written", async () => {
  const pkg = Package.open(master);
  const strings = pkg.names().find((n) => /sharedStrings\.xml$/i.test(n))!;
  pkg.remove(strings);
  const damaged = pkg.toBytes();
  const d = departments[0];
  const { plan, result } = await collect([{ file: `${d}.xlsx`, bytes: files.get(d)! }], damaged);
  expect(plan.files).toHaveLength(1);
  expect(plan.files[0].held || plan.files[0].refusal !== undefined).toBe(true);
  expect(result.changed).toBe(false);
});
