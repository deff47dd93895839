/**
 * @jest-environment node
 *
 * `chosahyo collect`: the preview a user reads before anything is written, --dry-run writing nothing, the merged
 * master written to -o, and the master and returned files never written.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SUBMISSIONS_KEY } from "../src/core/cycle/types";
import { Package } from "../src/workbook/xlsx/package";
import { XlsxWorkbook } from "../src/workbook/xlsx/xlsx-workbook";
import { cli } from "./helpers/cli";
import { ROOT } from "./helpers/grid";
import { arrayOverInput, musashinoMaster, SHEET } from "./cycle/musashino-fixtures";
import { cellMap, DEPARTMENTS, departmentFile, differingCells, inputCellsOf, masterBytes, seedRecords } from "./cycle/collect-fixtures";

let dir: string;
let masterPath: string;
let returnedDir: string;
let eval1: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "collect-"));
  const master = await masterBytes();
  masterPath = path.join(dir, "master.xlsx");
  writeFileSync(masterPath, master);
  returnedDir = path.join(dir, "returned");
  mkdirSync(returnedDir);
  eval1 = inputCellsOf(await seedRecords(), "No.1").eval1;
  const d = DEPARTMENTS.市民協働;
  writeFileSync(path.join(returnedDir, "市民協働.xlsx"), await departmentFile(master, d.sheets, d.department, { edits: [{ sheet: "No.1", cell: eval1, value: "S" }] }));
  const p = DEPARTMENTS.政策課;
  writeFileSync(path.join(returnedDir, "政策課.xlsx"), await departmentFile(master, p.sheets, p.department, { edits: [{ sheet: "No.3", cell: "C11", value: "担当課" }] }));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("--dry-run prints each file's preview and writes nothing", async () => {
  const before = readFileSync(masterPath);
  const out = path.join(dir, "dry.xlsx");
  const r = await cli(["collect", masterPath, returnedDir, "--dry-run", "-o", out]);
  expect(r.stderr).toBe("");
  expect(r.stdout).toContain("市民協働.xlsx\n  課: 市民協働・男女参画推進課\n  シート: No.1\n  変更された入力欄: 1 セル\n");
  expect(r.stdout).toContain("  置き換えるシート: No.1\n");
  expect(r.stdout).toContain("政策課.xlsx\n  課: 政策課\n");
  expect(r.stdout).toContain("    No.3!C11: 入力欄ではないセルが配布時と変わっています（配布時: （空欄） → 返送: 「担当課」）。");
  expect(r.stdout).toContain("  様式が変わっているため、このファイルは取り込みません。");
  expect(r.stdout).toContain("確認のみ（--dry-run）: 何も書き出していません。");
  expect(r.code).toBe(1); // one file held back
  expect(existsSync(out)).toBe(false);
  expect(readFileSync(masterPath).equals(before)).toBe(true);
});

test("without --dry-run: the merged master is written to -o with the one cell taken in; the inputs are unchanged", async () => {
  const before = readFileSync(masterPath);
  const returnedBefore = readFileSync(path.join(returnedDir, "市民協働.xlsx"));
  const out = path.join(dir, "merged.xlsx");
  const r = await cli(["collect", masterPath, returnedDir, "-o", out, "--lang", "en"]);
  expect(r.stdout).toContain("  Sheets to replace: No.1\n");
  expect(r.stdout).toContain(`Wrote ${out} (1 sheets replaced, 1 input cells).`);
  const merged = new Uint8Array(readFileSync(out));
  expect(differingCells(await cellMap(new Uint8Array(before)), await cellMap(merged))).toEqual([`No.1!${eval1}`]);
  const state = JSON.parse((await (await XlsxWorkbook.load(merged, "m.xlsx")).readSettings())[SUBMISSIONS_KEY]) as { received: { department: string }[] };
  expect(state.received.map((s) => s.department)).toEqual(["市民協働・男女参画推進課"]);
  expect(readFileSync(masterPath).equals(before)).toBe(true);
  expect(readFileSync(path.join(returnedDir, "市民協働.xlsx")).equals(returnedBefore)).toBe(true);
});

test("a file named itself and again through its folder is read once: taken in, not refused as a second file of its department", async () => {
  const file = path.join(returnedDir, "市民協働.xlsx");
  const r = await cli(["collect", masterPath, file, returnedDir, "--dry-run"]);
  expect(r.stdout.match(/^市民協働\.xlsx$/gm)).toHaveLength(1);
  expect(r.stdout).not.toContain("今回すでに取り込んでいます");
  expect(r.stdout).toContain("  置き換えるシート: No.1\n");
  const v = await cli(["validate", file, path.join(returnedDir, ".", "市民協働.xlsx"), returnedDir, "--json"]);
  expect((JSON.parse(v.stdout) as { files: { path: string }[] }).files.map((f) => path.basename(f.path))).toEqual(["市民協働.xlsx", "政策課.xlsx"]);
});

test("-o naming the master is refused, and -o is required without --dry-run", async () => {
  const same = await cli(["collect", masterPath, returnedDir, "-o", masterPath]);
  expect(same.code).toBe(2);
  expect(same.stdout).toBe("");
  const none = await cli(["collect", masterPath, returnedDir]);
  expect(none.code).toBe(2);
  expect(none.stderr).toBe("取り込み後のブックの書き出し先を -o で指定してください（内容の確認だけなら --dry-run）。\n");
});

test("a cell inside an array formula's result is not written, and the last line names it", async () => {
  const { master, returned, cell } = await arrayOverInput((await musashinoMaster()).bytes, "防災課");
  const sub = mkdtempSync(path.join(dir, "array-"));
  const m = path.join(sub, "master.xlsx");
  const r = path.join(sub, "防災課.xlsx");
  writeFileSync(m, master);
  writeFileSync(r, returned);
  const out = path.join(sub, "merged.xlsx");
  const run = await cli(["collect", m, r, "-o", out]);
  expect(run.stderr).toBe("");
  expect(run.stdout).toContain(`${out} に書き出しました（置き換えたシート 0 枚、入力欄 0 セル）。\n次のセルは配列数式の計算結果の一部のため、書き込みませんでした: ${SHEET}!${cell}\n`);
  expect(differingCells(await cellMap(master), await cellMap(new Uint8Array(readFileSync(out))))).toEqual([]);
});

test("a held file says how to accept it; with --accept-form-changes only its input cell comes in, and the run exits 0", async () => {
  const sub = mkdtempSync(path.join(dir, "accept-"));
  const master = new Uint8Array(readFileSync(masterPath));
  const p = DEPARTMENTS.政策課;
  const c = inputCellsOf(await seedRecords(), "No.3");
  writeFileSync(path.join(sub, "政策課.xlsx"), await departmentFile(master, p.sheets, p.department, { edits: [{ sheet: "No.3", cell: "C11", value: "担当課" }, { sheet: "No.3", cell: c.eval1, value: "A" }] }));
  const out = path.join(dir, "accepted.xlsx");

  const held = await cli(["collect", masterPath, sub, "--dry-run"]);
  expect(held.code).toBe(1);
  expect(held.stdout).toContain("様式が変わったファイルも、--accept-form-changes を付けると（そのファイルだけなら --accept-form-changes=ファイル名）、様式の変更は取り込まずに入力欄だけを取り込めます。\n");

  const r = await cli(["collect", masterPath, sub, "--accept-form-changes", "-o", out]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("    No.3!C11: 入力欄ではないセルが配布時と変わっています");
  expect(r.stdout).toContain("  入力欄だけを書き込むシート: No.3（1 セル）\n");
  expect(r.stdout).not.toContain("--accept-form-changes を付けると");
  const after = await cellMap(new Uint8Array(readFileSync(out)));
  expect(differingCells(await cellMap(master), after)).toEqual([`No.3!${c.eval1}`]);
  expect(after.get("No.3!C11")).not.toBe("担当課");
});

test("--accept-form-changes=name accepts only the file named; a name that is not a returned file stops the run before anything is written", async () => {
  const sub = mkdtempSync(path.join(dir, "accept-named-"));
  const master = new Uint8Array(readFileSync(masterPath));
  const records = await seedRecords();
  const p = DEPARTMENTS.政策課;
  const a = DEPARTMENTS.市民協働;
  const c3 = inputCellsOf(records, "No.3");
  const c1 = inputCellsOf(records, "No.1");
  writeFileSync(path.join(sub, "政策課.xlsx"), await departmentFile(master, p.sheets, p.department, { edits: [{ sheet: "No.3", cell: "C11", value: "担当課" }, { sheet: "No.3", cell: c3.eval1, value: "A" }] }));
  writeFileSync(path.join(sub, "市民協働.xlsx"), await departmentFile(master, a.sheets, a.department, { edits: [{ sheet: "No.1", cell: "C11", value: "担当課" }, { sheet: "No.1", cell: c1.eval1, value: "A" }] }));
  const out = path.join(dir, "accepted-named.xlsx");

  // A folder typed with the name is dropped: the name is the file's own, as the preview shows it.
  const r = await cli(["collect", masterPath, sub, `--accept-form-changes=${path.join("戻り", "政策課.xlsx")}`, "-o", out]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(1); // 市民協働.xlsx is still held
  expect(r.stdout).toContain("  入力欄だけを書き込むシート: No.3（1 セル）\n");
  expect(r.stdout).toContain("  様式が変わっているため、このファイルは取り込みません。");
  expect(differingCells(await cellMap(master), await cellMap(new Uint8Array(readFileSync(out))))).toEqual([`No.3!${c3.eval1}`]);

  const wrong = path.join(dir, "accepted-wrong.xlsx");
  const slip = await cli(["collect", masterPath, sub, "--accept-form-changes=政策.xlsx", "-o", wrong]);
  expect(slip.code).toBe(2);
  expect(slip.stderr).toContain("--accept-form-changes に指定したファイルが、戻ってきたファイルの中にありません: 政策.xlsx");
  expect(slip.stdout).toBe("");
  expect(existsSync(wrong)).toBe(false);
});

test("the annual cycle on a protected master: aids --protect, split, a department fills in, collect takes it in (exit 0)", async () => {
  const sub = mkdtempSync(path.join(dir, "protected-"));
  const guarded = path.join(sub, "master.xlsx");
  expect((await cli(["aids", masterPath, "--protect", "-o", guarded])).code).toBe(0);
  const out = path.join(sub, "out");
  const split = await cli(["split", guarded, "-o", out]);
  expect(split.code).toBe(0);
  // The master's own protection (no password) does not keep the aids off the departments' copies.
  expect(split.stdout + split.stderr).not.toContain("保護されているため入力支援を付けなかった");
  const back = path.join(sub, "back");
  mkdirSync(back);
  const c = inputCellsOf(await seedRecords(), "No.3");
  const dept = await XlsxWorkbook.load(new Uint8Array(readFileSync(path.join(out, "政策課.xlsx"))), "政策課.xlsx");
  expect(dept.sheetGrid("No.3")!.protected).toBe(true);
  dept.setCells([{ sheet: "No.3", cell: c.eval1, value: "S" }], { intoUnlocked: true });
  writeFileSync(path.join(back, "政策課.xlsx"), await dept.toBytes());
  const merged = path.join(sub, "merged.xlsx");
  const r = await cli(["collect", guarded, back, "-o", merged]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("  置き換えるシート: No.3\n");
  const before = new Uint8Array(readFileSync(guarded));
  const after = new Uint8Array(readFileSync(merged));
  expect(differingCells(await cellMap(before), await cellMap(after))).toEqual([`No.3!${c.eval1}`]);
  expect((await XlsxWorkbook.load(after, "m.xlsx")).sheetGrid("No.3")!.protected).toBe(true);
});

// A returned file that opens but cannot be read was checked only when the plan was made, and its error was printed
// with the master's path: 「master.xlsx: ワークシートがありません。」 about the department's file.
test("a returned file that opens but cannot be read is named as itself; the others are taken in, and the master is not blamed", async () => {
  const folder = path.join(dir, "one-damaged");
  mkdirSync(folder);
  writeFileSync(path.join(folder, "市民協働.xlsx"), readFileSync(path.join(returnedDir, "市民協働.xlsx")));
  const p = DEPARTMENTS.政策課;
  const pkg = Package.open(await departmentFile(await masterBytes(), p.sheets, p.department));
  for (const part of pkg.names().filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) pkg.remove(part);
  writeFileSync(path.join(folder, "政策課.xlsx"), pkg.toBytes());
  const out = path.join(dir, "one-damaged.xlsx");
  const r = await cli(["collect", masterPath, folder, "-o", out]);
  expect(r.stdout).toMatch(/政策課\.xlsx\n {2}読み込めません: ファイルの一部（No\.\d+: xl\/worksheets\/sheet\d+\.xml）が壊れていて読めません。/);
  expect(r.stderr).not.toContain(masterPath);
  expect(r.stdout).toContain(`${out} に書き出しました（置き換えたシート 1 枚、入力欄 1 セル）。`);
  expect(r.code).toBe(2); // a file could not be read
});

// A returned sheet the lenient reader reads but the copy cannot follow: planned as a replacement, the copy then
// failed while the master was being changed, and the message named the master: 「master.xlsx: ファイルの一部
// （xl/worksheets/sheet1.xml）が壊れていて…」, a part of the department's file.
// A start tag cut (<pageMargins … without its />) was worse: the copy stepped over it, and the merged master was
// written with a sheet that is not XML, which Excel offers to repair.
test.each([
  ["end-tag-gone", (xml: string) => xml.replace(/<\/worksheet>\s*$/, "")],
  ["start-tag-cut", (xml: string) => xml.replace(/<pageMargins[^>]*\/>/, (tag) => tag.slice(0, -2))],
])("a returned sheet that reads but cannot be copied (%s): that file is named with its damaged part before the plan; the others are taken in", async (what, cut) => {
  const folder = path.join(dir, `cannot-copy ${what}`);
  mkdirSync(folder);
  writeFileSync(path.join(folder, "市民協働.xlsx"), readFileSync(path.join(returnedDir, "市民協働.xlsx")));
  const p = DEPARTMENTS.政策課;
  const input = inputCellsOf(await seedRecords(), "No.3").eval1;
  const pkg = Package.open(await departmentFile(await masterBytes(), p.sheets, p.department, { edits: [{ sheet: "No.3", cell: input, value: "A" }] }));
  const part = pkg.names().find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
  const damaged = cut(pkg.text(part)!);
  expect(damaged).not.toBe(pkg.text(part));
  pkg.set(part, damaged);
  writeFileSync(path.join(folder, "政策課.xlsx"), pkg.toBytes());
  const out = path.join(dir, `cannot-copy ${what}.xlsx`);
  const r = await cli(["collect", masterPath, folder, "-o", out]);
  expect(r.stdout).toContain(`政策課.xlsx\n  読み込めません: ファイルの一部（${part}）が壊れていて読めません。`);
  expect(r.stderr).toBe("");
  expect(r.stdout).toContain(`${out} に書き出しました（置き換えたシート 1 枚、入力欄 1 セル）。`);
  expect(differingCells(await cellMap(readFileSync(masterPath)), await cellMap(readFileSync(out)))).toEqual([`No.1!${eval1}`]);
  expect(r.code).toBe(2);
});

/** A new folder holding 市民協働's return, with 1次評価 of No.1 set to S. */
async function returnedFolder(name: string): Promise<string> {
  const folder = path.join(dir, name);
  mkdirSync(folder);
  const d = DEPARTMENTS.市民協働;
  writeFileSync(path.join(folder, "市民協働.xlsx"), await departmentFile(new Uint8Array(readFileSync(masterPath)), d.sheets, d.department, { edits: [{ sheet: "No.1", cell: eval1, value: "S" }] }));
  return folder;
}

test("a consolidation (summarize of the returned folder) left in that folder is passed over with a line; named, it is refused, never taken as a department's file", async () => {
  const folder = await returnedFolder("returned-with-summary");
  const p = DEPARTMENTS.政策課;
  writeFileSync(path.join(folder, "政策課.xlsx"), await departmentFile(new Uint8Array(readFileSync(masterPath)), p.sheets, p.department));
  // Sorted first (あ before 市 and 政): read before the departments' own files, it would have taken 市民協働's place.
  const summary = path.join(folder, "あまとめ.xlsx");
  expect((await cli(["summarize", folder, "-o", summary])).code).toBe(0);

  const r = await cli(["collect", masterPath, folder, "--dry-run"]);
  expect(r.stdout.startsWith(`${summary}: 調査票チェッカーが 2 ファイルを集計したブックです。返送されたブックではありません。フォルダーにあったため、取り込みの対象から外しました。\n\n`)).toBe(true);
  expect(r.stdout).toContain("市民協働.xlsx\n  課: 市民協働・男女参画推進課\n  シート: No.1\n  変更された入力欄: 1 セル\n");
  expect(r.stdout).not.toContain("今回すでに取り込んでいます");
  expect(r.code).toBe(0);

  const named = await cli(["collect", masterPath, summary, path.join(folder, "市民協働.xlsx"), "--dry-run", "--lang", "en"]);
  expect(named.stdout).toContain("あまとめ.xlsx\n  Not taken in: A workbook chosahyo consolidated from 2 files, not a returned one.\n");
  expect(named.stdout).toContain("  Sheets to replace: No.1\n");
  expect(named.code).toBe(1);
});

test("the master's own output or a copy of it left in the returned folder is passed over, never taken as the first department it names", async () => {
  const folder = await returnedFolder("returned-with-master-copies");
  const master = new Uint8Array(readFileSync(masterPath));
  // A backup copy of the master, and (after a first run) the merged master written into the folder, both sorted first.
  writeFileSync(path.join(folder, "あ元のブックの控え.xlsx"), master);
  const first = await cli(["collect", masterPath, folder, "-o", path.join(folder, "あ取り込み後.xlsx")]);
  expect(first.stdout).toContain(`${path.join(folder, "あ元のブックの控え.xlsx")}: 元のブック（またはその写し）です。返送されたブックではありません。フォルダーにあったため、取り込みの対象から外しました。\n`);
  expect(first.code).toBe(0);

  const again = await cli(["collect", masterPath, folder, "--dry-run", "--lang", "en"]);
  for (const copy of ["あ元のブックの控え.xlsx", "あ取り込み後.xlsx"]) {
    expect(again.stdout).toContain(`${path.join(folder, copy)}: The master workbook (or a copy of it), not a returned one. Found in the folder, so left out of the collection.\n`);
  }
  expect(again.stdout).toContain("市民協働.xlsx\n  Department: 市民協働・男女参画推進課\n");
  expect(again.stdout).toContain("  Sheets to replace: No.1\n");
  expect(again.code).toBe(0);
  // Named, it is refused like any file that is not a return.
  const named = await cli(["collect", masterPath, path.join(folder, "あ元のブックの控え.xlsx"), "--dry-run", "--lang", "en"]);
  expect(named.stdout).toContain("あ元のブックの控え.xlsx\n  Not taken in: The master workbook (or a copy of it), not a returned one.\n");
  expect(named.code).toBe(1);
});

test("配布 leaves the master as it is, so 回収 records what 配布 expected from the returned files' markers: 提出状況 names the departments still to return, and a shared sheet's other departments (--shared copy) are not refused", async () => {
  const seed = path.join(ROOT, "seeds", "kodaira-h29.xlsx");
  const work = path.join(dir, "expected");
  mkdirSync(work);
  const sent = path.join(work, "sent");
  expect((await cli(["split", seed, "-o", sent])).code).toBe(0);
  const back = path.join(work, "back");
  mkdirSync(back);
  for (const f of ["財政課.xlsx", "政策課.xlsx", "職員課.xlsx"]) writeFileSync(path.join(back, f), readFileSync(path.join(sent, f)));
  const merged = path.join(work, "merged.xlsx");
  expect((await cli(["collect", seed, back, "-o", merged])).code).toBe(0);
  const state = JSON.parse((await (await XlsxWorkbook.load(new Uint8Array(readFileSync(merged)), "m.xlsx")).readSettings())[SUBMISSIONS_KEY]) as { expected: { department: string; sheets: string[] }[]; received: unknown[] };
  expect([state.expected.length, state.received.length]).toEqual([27, 3]);
  expect(state.expected.find((e) => e.department === "財政課")?.sheets).toEqual(["No.15", "No.16", "No.17", "No.18", "No.20", "No.25"]);
  const summary = path.join(work, "summary.xlsx");
  expect((await cli(["summarize", merged, "-o", summary])).code).toBe(0);
  const rows = (await XlsxWorkbook.load(new Uint8Array(readFileSync(summary)), "s.xlsx")).sheetGrid("提出状況")!.rows.map((r) => String(r[0] ?? ""));
  expect(rows).toContain("未提出の所管課：24（配布 27 課のうち）");

  // --shared copy: No.1 goes to 市民協働 and to 政策課; 政策課's copy holds it and is taken in, not refused as 市民協働's sheet.
  const copies = path.join(work, "copies");
  expect((await cli(["split", seed, "-o", copies, "--shared", "copy"])).code).toBe(0);
  const both = path.join(work, "both");
  mkdirSync(both);
  for (const f of ["市民協働・男女参画推進課.xlsx", "政策課.xlsx"]) writeFileSync(path.join(both, f), readFileSync(path.join(copies, f)));
  const r = await cli(["collect", seed, both, "--dry-run"]);
  expect(r.stdout).not.toContain("取り込みません");
  expect(r.stdout).toMatch(/政策課\.xlsx\n {2}課: 政策課\n {2}シート: No\.1, /);
  expect(r.code).toBe(0);
});
