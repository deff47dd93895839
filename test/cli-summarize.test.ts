/**
 * @jest-environment node
 *
 * `chosahyo summarize`: one workbook plus its summaries into a new file, or a folder of submissions consolidated.
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cli, type Run } from "./helpers/cli";
import { lockStructure } from "./helpers/package-diff";
import { ROOT } from "./helpers/grid";
import { DISTRIBUTION_MARKER_KEY, SUBMISSIONS_KEY } from "../src/core/cycle/types";
import { XlsxWorkbook } from "../src/workbook/xlsx/xlsx-workbook";

const SEED = path.join(ROOT, "seeds", "kodaira-h29.xlsx");
let dir: string;
/** The sample summarised once, for the first test and the last: the seed as it was before, the run, its output. */
let kodaira: { before: { bytes: Buffer; mtime: number }; run: Run; out: string };

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "chosahyo-summarize-"));
  const before = { bytes: readFileSync(SEED), mtime: statSync(SEED).mtimeMs };
  const out = path.join(dir, "集計.xlsx");
  kodaira = { before, run: await cli(["summarize", SEED, "-o", out]), out };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return wb;
}

/** The 計 row of the first table of 評価集計, as numbers. */
function totals(wb: ExcelJS.Workbook): number[] {
  const ws = wb.getWorksheet("評価集計")!;
  let out: number[] = [];
  ws.eachRow((row) => {
    if (out.length === 0 && row.getCell(1).value === "計") out = [2, 3, 4, 5, 6].map((c) => Number(row.getCell(c).result ?? row.getCell(c).value));
  });
  return out;
}

test("1冊のブックに集計シートを加えて新しいファイルに書き、元のファイルは変えない", async () => {
  const { before, run, out } = kodaira;
  expect(run.code).toBe(0);
  expect(run.stdout).toContain("評価集計");
  expect(run.stdout).toContain("評価一覧 (2)"); // the sample's own 評価一覧 is a user sheet, left alone
  expect(readFileSync(SEED).equals(before.bytes)).toBe(true);
  expect(statSync(SEED).mtimeMs).toBe(before.mtime);
  const wb = await open(out);
  expect(totals(wb)).toEqual([2, 29, 10, 0, 41]);
  expect(wb.worksheets.filter((w) => w.state === "visible")).toHaveLength(59 + 4);
});

test("書き出し先が読み込むファイルと同じなら、書き込まずに終了コード2", async () => {
  const copy = path.join(dir, "copy.xlsx");
  writeFileSync(copy, readFileSync(SEED));
  const mtime = statSync(copy).mtimeMs;
  for (const target of [copy, path.join(dir, ".", "..", path.basename(dir), "copy.xlsx")]) {
    const run = await cli(["summarize", copy, "-o", target]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("上書きしません");
  }
  expect(statSync(copy).mtimeMs).toBe(mtime);
  expect(readFileSync(copy).equals(readFileSync(SEED))).toBe(true);
});

/** A copy of the sample whose item numbers are shifted: roots for which `shift` returns a number are renumbered. */
async function renumbered(shift: (root: number) => number | undefined): Promise<Uint8Array> {
  const wb = await open(SEED);
  for (const ws of wb.worksheets) {
    if (ws.name === "評価一覧") {
      ws.eachRow((row, r) => {
        if (r < 5) return;
        const no = row.getCell(2);
        const n = shift(Number(no.value));
        if (n !== undefined) no.value = n;
        const title = row.getCell(3);
        title.value = String(title.value ?? "").replace(/【No\.(\d+)の再掲】/, (m, k) => `【No.${shift(Number(k)) ?? k}の再掲】`);
      });
      continue;
    }
    const cell = ws.getCell("A5");
    cell.value = String(cell.value).replace(/^No\.(\d+)/, (m, k) => `No.${shift(Number(k)) ?? k}`);
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

test("フォルダーの3冊を1冊にまとめると件数は3冊の合計になり、番号の重複を報告する", async () => {
  const folder = path.join(dir, "提出");
  mkdirSync(folder);
  writeFileSync(path.join(folder, "A課.xlsx"), readFileSync(SEED));
  // B: items 1–10 renumbered 101–110, so 11–43 (and their sub-sheets) duplicate A's. C: every item +200.
  writeFileSync(path.join(folder, "B課.xlsx"), await renumbered((n) => (n <= 10 ? n + 100 : undefined)));
  writeFileSync(path.join(folder, "C課.xlsx"), await renumbered((n) => n + 200));
  const out = path.join(dir, "まとめ.xlsx");
  const run = await cli(["summarize", folder, "-o", out]);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain("読み込んだブック: 3");
  const wb = await open(out);
  // Three copies of 2/29/10 (reposts excluded).
  expect(totals(wb)).toEqual([6, 87, 30, 0, 123]);
  // Every record sheet was copied (58 × 3), each under a free name, plus the summaries.
  const visible = wb.worksheets.filter((w) => w.state === "visible").map((w) => w.name);
  expect(visible.filter((n) => /^No\./.test(n))).toHaveLength(58 * 3);
  expect(visible).toContain("No.24 (2)");
  // 評価一覧: 43 rows from each file, with the file name.
  const list = wb.getWorksheet("評価一覧")!;
  const header = list.getRow(4).values as unknown[];
  const fileCol = header.indexOf("ファイル");
  expect(fileCol).toBeGreaterThan(0);
  const files: string[] = [];
  list.eachRow((row, r) => {
    if (r > 4) files.push(String(row.getCell(fileCol).value));
  });
  expect(files.filter((f) => f === "A課.xlsx")).toHaveLength(43);
  expect(files.filter((f) => f === "B課.xlsx")).toHaveLength(43);
  expect(files.filter((f) => f === "C課.xlsx")).toHaveLength(43);
  // Duplicates: A's and B's items 11–43 (main sheets and their sub-sheets), both kept and both reported.
  const results = wb.getWorksheet("検証結果")!;
  const dup: string[] = [];
  results.eachRow((row) => {
    if (row.getCell(2).value === "ID-DUPLICATE") dup.push(`${row.getCell(3).value} ${row.getCell(5).value}`);
  });
  expect(dup).toContain("No.24 24");
  expect(dup).toContain("No.24 (2) 24");
  expect(dup.some((d) => / (1|101|201|224)$/.test(d))).toBe(false);
  // 58 sheets minus those of items 1–10 (No.1 … No.10 with 2-x and 4-x parts: 10 + 8 + 2 = 20) = 38, in A and in B.
  expect(dup).toHaveLength(38 * 2);
});

/** The seed with its sheets renamed in workbook.xml, as a department that typed them with the IME on (LibreOffice allows ？ in a name). */
function renamedSheets(rename: (name: string) => string): Uint8Array {
  const files = unzipSync(readFileSync(SEED));
  const xml = strFromU8(files["xl/workbook.xml"]);
  files["xl/workbook.xml"] = strToU8(xml.replace(/(<sheet\b[^>]*\bname=")([^"]*)"/g, (_m, lead: string, name: string) => `${lead}${rename(name)}"`));
  return zipSync(files);
}

test("別の課のシート名が全角で同じ (No.24 と Ｎｏ．２４) でも、まとめたブックに Excel が同じとみなす名前や使えない文字は並ばない", async () => {
  const folder = path.join(dir, "全角");
  mkdirSync(folder);
  writeFileSync(path.join(folder, "A課.xlsx"), readFileSync(SEED));
  const wide = (name: string) => name.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  writeFileSync(path.join(folder, "B課.xlsx"), renamedSheets((name) => (name === "No.5" ? "No.5？重点" : wide(name))));
  const out = path.join(dir, "全角まとめ.xlsx");
  const run = await cli(["summarize", folder, "-o", out]);
  expect(run.code).toBe(0);
  const names = (await XlsxWorkbook.load(readFileSync(out), out)).sheetNames();
  // Excel compares names without case or width: no two may fold to one.
  const key = (n: string) => n.normalize("NFKC").toLowerCase();
  const clashes = names.filter((n, i) => names.findIndex((m) => key(m) === key(n)) !== i);
  expect(clashes).toEqual([]);
  expect(names.filter((n) => /[／＼￥？＊：［］]/.test(n))).toEqual([]);
  // Every record sheet of both files was copied: B's under (2) names, B's No.5 with _ for ？.
  expect(names).toContain("Ｎｏ．２４ (2)");
  expect(names).toContain("No.5_重点");
  expect(names.filter((n) => /^no\.\d/.test(key(n)))).toHaveLength(58 * 2);
  const wb = await open(out);
  expect(totals(wb)).toEqual([4, 58, 20, 0, 82]);
  // Findings name B's copies as the output calls them.
  const dup: string[] = [];
  wb.getWorksheet("検証結果")!.eachRow((row) => {
    if (row.getCell(2).value === "ID-DUPLICATE") dup.push(`${row.getCell(3).value} ${row.getCell(5).value}`);
  });
  expect(dup).toEqual(expect.arrayContaining(["No.24 24", "Ｎｏ．２４ (2) 24", "No.5_重点 5"]));
});

test("回収で取り込んだ元のブックがフォルダーにあっても読まず (各課の項目を二重に数えない)、それだけを指定すれば集計する", async () => {
  const folder = path.join(dir, "提出と元のブック");
  mkdirSync(folder);
  writeFileSync(path.join(folder, "A課.xlsx"), readFileSync(SEED));
  // The master after 回収: the seed with a record of submissions in its settings.
  const master = await XlsxWorkbook.load(readFileSync(SEED), "master.xlsx");
  const state = { version: 1, masterId: "m", expected: [{ department: "政策課", sheets: ["No.3"] }], received: [] };
  await master.writeSettings({ [SUBMISSIONS_KEY]: JSON.stringify(state) });
  const masterFile = path.join(folder, "取り込み後.xlsx");
  writeFileSync(masterFile, await master.toBytes());
  const run = await cli(["summarize", folder, "-o", path.join(dir, "提出と元のブック-集計.xlsx"), "--lang", "en"]);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(`${masterFile}: a master workbook that 回収 took the returns into, not a submission; not read (name it on its own to summarise it).\n`);
  expect(run.stdout).toContain("Workbooks read: 1 (58 records)");
  const alone = await cli(["summarize", masterFile, "-o", path.join(dir, "元のブック-集計.xlsx")]);
  expect(alone.code).toBe(0);
  expect(totals(await open(path.join(dir, "元のブック-集計.xlsx")))).toEqual(totals(await open(kodaira.out)));
  // validate on the folder passes it over too; named, it is checked.
  const checked = await cli(["validate", folder, "--json"]);
  expect(JSON.parse(checked.stdout).skipped).toEqual([{ path: masterFile, reason: "collected-master" }]);
  expect(JSON.parse(checked.stdout).files.map((f: { path: string }) => path.basename(f.path))).toEqual(["A課.xlsx"]);
  expect((await cli(["validate", folder])).stdout).toContain(`${masterFile}: 回収で各課の返送を取り込んだ元のブックです。提出されたブックと重なるため、チェックしませんでした（このファイルだけを指定すればチェックします）。\n`);
  expect(JSON.parse((await cli(["validate", masterFile, "--json"])).stdout).files).toHaveLength(1);
});

test("配布した元のブックの控えが返送のフォルダーにあっても読まない。印のない課のブックは読む。元のブックだけを指定すれば集計する", async () => {
  const folder = path.join(dir, "配布と控え");
  expect((await cli(["split", SEED, "-o", folder])).code).toBe(0);
  const returns = readdirSync(folder).sort();
  // A department's workbook that lost its marker (its settings cleared) is still a submission.
  const unmarked = path.join(folder, returns[0]);
  const book = await XlsxWorkbook.load(readFileSync(unmarked), unmarked);
  await book.writeSettings({ [DISTRIBUTION_MARKER_KEY]: "" });
  writeFileSync(unmarked, await book.toBytes());
  const backup = path.join(folder, "元のブックの控え.xlsx");
  writeFileSync(backup, readFileSync(SEED));

  const run = await cli(["summarize", folder, "-o", path.join(dir, "配布と控え-集計.xlsx")]);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain(`${backup}: 配布の元のブック（またはその写し）です。提出されたブックではないため、読み込みませんでした（このブックだけを指定すれば集計します）。\n`);
  expect(run.stdout).toContain(`読み込んだブック: ${returns.length}（記録 58 件）`);
  // Every item once: the same 評価集計 and the same count of errors as the sample's own (no number reported twice).
  const wb = await open(path.join(dir, "配布と控え-集計.xlsx"));
  expect(totals(wb)).toEqual(totals(await open(kodaira.out)));
  const errorsLine = (out: string) => out.trim().split("\n").pop();
  expect(errorsLine(run.stdout)).toBe(errorsLine(kodaira.run.stdout));

  // On the pool's threads (which get the returns' 配布 ids with each file) and in this process alike.
  const checked = await cli(["validate", folder, "--json", "--lang", "en", "--jobs", "2"]);
  expect(await cli(["validate", folder, "--json", "--lang", "en", "--jobs", "1"])).toEqual(checked);
  const report = JSON.parse(checked.stdout);
  expect(report.skipped).toEqual([{ path: backup, reason: "master-copy" }]);
  expect(report.files.map((f: { path: string }) => path.basename(f.path)).sort()).toEqual(returns);
  expect((await cli(["validate", folder, "--lang", "en"])).stdout).toContain(`${backup}: the master workbook the returns were distributed from (or a copy of it); it repeats the departments' returns, so it was not checked (name it on its own to check it).\n`);
  // With last year's workbook given too (validate --previous), the same.
  const withPrevious = JSON.parse((await cli(["validate", folder, "--previous", SEED, "--json"])).stdout);
  expect(withPrevious.skipped).toEqual([{ path: backup, reason: "master-copy" }]);
  expect(withPrevious.files).toHaveLength(returns.length);
  // Named, the master is read like any workbook.
  expect(JSON.parse((await cli(["validate", backup, "--json"])).stdout).files).toHaveLength(1);
});

test("まとめたブックをそのフォルダーに書いてから同じフォルダーをもう一度まとめても、まとめたブックは読まず件数は二重にならない", async () => {
  const folder = path.join(dir, "提出2");
  mkdirSync(folder);
  writeFileSync(path.join(folder, "A課.xlsx"), readFileSync(SEED));
  writeFileSync(path.join(folder, "C課.xlsx"), await renumbered((n) => n + 200));
  const first = await cli(["summarize", folder, "-o", path.join(folder, "まとめ.xlsx")]);
  expect(first.code).toBe(0);
  expect(first.stdout).toContain("読み込んだブック: 2（記録 116 件）");
  const again = path.join(dir, "まとめ2.xlsx");
  const run = await cli(["summarize", folder, "-o", again]);
  expect(run.code).toBe(0);
  expect(run.stderr).toBe("");
  expect(run.stdout.split("\n").slice(0, 2)).toEqual([
    `${path.join(folder, "まとめ.xlsx")}: 調査票チェッカーが 2 ファイルを集計したブックです。提出されたブックではないため、読み込みませんでした。`,
    "読み込んだブック: 2（記録 116 件）",
  ]);
  const wb = await open(again);
  expect(totals(wb)).toEqual([4, 58, 20, 0, 82]);
  expect(wb.worksheets.filter((w) => /^No\./.test(w.name))).toHaveLength(58 * 2);
  // validate on the folder skips it too, saying so: the totals and the exit code are the submissions' alone.
  const subs = await cli(["validate", path.join(folder, "A課.xlsx"), path.join(folder, "C課.xlsx"), "--json"]);
  const checked = await cli(["validate", folder, "--json"]);
  expect(checked.code).toBe(subs.code);
  const report = JSON.parse(checked.stdout);
  expect(report.files).toEqual(JSON.parse(subs.stdout).files);
  expect(report.skipped).toEqual([{ path: path.join(folder, "まとめ.xlsx"), reason: "consolidated", files: 2 }]);
  const human = await cli(["validate", folder, "--lang", "en"]);
  expect(human.stdout).toContain(`${path.join(folder, "まとめ.xlsx")}: a workbook chosahyo consolidated from 2 files; it repeats the submissions, so it was not checked (name it on its own to check it).\n`);
  expect(human.stdout).toMatch(/^2 files: /m);
  // With last year's workbook given (--previous), the same.
  const withPrevious = await cli(["validate", folder, "--previous", SEED, "--json"]);
  expect(JSON.parse(withPrevious.stdout).files.map((f: { path: string }) => path.basename(f.path))).toEqual(["A課.xlsx", "C課.xlsx"]);
  expect(JSON.parse(withPrevious.stdout).skipped).toEqual(report.skipped);
  // Named as well as listed, it is checked (asked for by name).
  const named = JSON.parse((await cli(["validate", folder, path.join(folder, "まとめ.xlsx"), "--json"])).stdout);
  expect([named.skipped, named.files.length]).toEqual([undefined, 3]);
  // Named on its own, it is checked like any workbook: its findings are the submissions' again.
  const alone = JSON.parse((await cli(["validate", path.join(folder, "まとめ.xlsx"), "--json"])).stdout);
  expect(alone.skipped).toBeUndefined();
  expect(alone.files[0].findings.length).toBeGreaterThan(0);
  // A folder holding only the consolidation: nothing to summarise, said so, nothing written.
  const only = path.join(dir, "まとめだけ");
  mkdirSync(only);
  writeFileSync(path.join(only, "まとめ.xlsx"), readFileSync(path.join(folder, "まとめ.xlsx")));
  const none = await cli(["summarize", only, "-o", path.join(dir, "まとめ3.xlsx"), "--lang", "en"]);
  expect(none.code).toBe(2);
  expect(none.stderr).toBe("No submitted workbook to summarise, so nothing was written.\n");
  expect(() => statSync(path.join(dir, "まとめ3.xlsx"))).toThrow();
  // validate on it checks nothing, and says so rather than exit 0 as for a clean folder.
  const unchecked = await cli(["validate", only, "--lang", "en"]);
  expect(unchecked.code).toBe(2);
  expect(unchecked.stderr).toBe("No submitted workbook to check (only consolidated workbooks or masters that collect took returns into).\n");
  expect(unchecked.stdout).toContain("a workbook chosahyo consolidated from 2 files");
});

test("マクロ入りのブック (.xlsm) から .xlsx へは書かず、拡張子を .xlsm にするよう言う (Excel は .xlsx の名前では開かない)", async () => {
  const xlsm = path.join(ROOT, "test", "fixtures", "preserve", "kodaira-full.xlsm");
  const out = path.join(dir, "集計-マクロ.xlsx");
  const run = await cli(["summarize", xlsm, "-o", out]);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(".xlsm");
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(() => statSync(out)).toThrow();
});

test("集計シートを加えたブックを検証しても指摘は元のブックと同じ (集計シートは調査票として読まない)", async () => {
  for (const seed of ["kodaira-h29.xlsx", "mitaka-2021.xlsx", "musashino-h29.xlsx"]) {
    const input = path.join(ROOT, "seeds", seed);
    // The 小平 sample was summarised in beforeAll; the others are summarised here.
    const out = input === SEED ? kodaira.out : path.join(dir, `集計済み-${seed}`);
    expect((input === SEED ? kodaira.run : await cli(["summarize", input, "-o", out])).code).toBe(0);
    const before = JSON.parse((await cli(["validate", input, "--json"])).stdout).files[0];
    const after = JSON.parse((await cli(["validate", out, "--json"])).stdout).files[0];
    expect(after.findings).toEqual(before.findings);
    // The generated sheets are listed, read as no profile; every other sheet is read as before.
    type Sheet = { name: string; profile: string | null };
    expect(after.sheets.slice(0, before.sheets.length)).toEqual(before.sheets);
    expect(after.sheets.slice(before.sheets.length).map((s: Sheet) => s.profile)).toEqual(after.sheets.slice(before.sheets.length).map(() => null));
  }
});

test("ブックの構成が保護されていると、集計シートを加えず、その理由を言葉で言って終了コード2（ファイルは書かない）", async () => {
  const input = path.join(dir, "構成保護.xlsx");
  writeFileSync(input, lockStructure(new Uint8Array(readFileSync(SEED))));
  const before = readFileSync(input);
  const out = path.join(dir, "構成保護-集計.xlsx");
  const run = await cli(["summarize", input, "-o", out]);
  expect(run.code).toBe(2);
  expect(run.stderr).toBe(`${input}: ブックの構成が保護されている（[校閲] タブの [ブックの保護]）ため、このアドインのシート（変更履歴・設定・集計）を追加できません。[ブックの保護] をオフにしてから、もう一度実行してください。パスワードが分からないときは、ブックの作成者に確認してください。何も変更していません。\n`);
  expect(() => statSync(out)).toThrow();
  expect(readFileSync(input).equals(before)).toBe(true);
});

test("フォルダーのまとめ: 他のシートを指す数式は値で写す（同じ名前の別のブックのシートを指さない）。自分のシートを指す数式は新しい名前を指す", async () => {
  const wb = await open(SEED);
  const ws = wb.getWorksheet("No.15")!;
  ws.getCell("L5").value = { formula: "'No.16'!A5", result: String(wb.getWorksheet("No.16")!.getCell("A5").value) };
  ws.getCell("L6").value = { formula: "'No.15'!A5", result: String(ws.getCell("A5").value) };
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const folder = path.join(dir, "参照");
  mkdirSync(folder);
  writeFileSync(path.join(folder, "A課.xlsx"), bytes);
  writeFileSync(path.join(folder, "B課.xlsx"), bytes);
  const out = path.join(dir, "参照まとめ.xlsx");
  expect((await cli(["summarize", folder, "-o", out])).code).toBe(0);
  const result = await open(out);
  for (const name of ["No.15", "No.15 (2)"]) {
    const sheet = result.getWorksheet(name)!;
    expect(sheet.getCell("L5").formula).toBeUndefined();
    expect(sheet.getCell("L5").value).toBe(String(wb.getWorksheet("No.16")!.getCell("A5").value));
    expect(sheet.getCell("L6").formula).toBe(name === "No.15" ? "'No.15'!A5" : "'No.15 (2)'!A5");
  }
});
