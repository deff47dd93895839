/**
 * @jest-environment node
 *
 * `chosahyo new-plan`: the sample item list into a new workbook, the list never written, bad input refused in words.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "../../src/cli/args";
import { runNewPlan } from "../../src/cli/new-plan";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { validateWorkbook } from "../../src/core/validate";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { cli, collector } from "../helpers/cli";
import { ROOT } from "../helpers/grid";
import { readSheetAids } from "../helpers/input-aids-read";

const SAMPLE = path.join(ROOT, "seeds", "data", "kodaira", "plan-items.csv");
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "chosahyo-new-plan-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function sheetsOf(file: string) {
  const book = await XlsxWorkbook.load(readFileSync(file));
  return { book, report: validateWorkbook(await book.readAll(), { profiles: BUILT_IN_PROFILES }) };
}

test("the sample list: exit 0, a new workbook the checker reads as 41 調査票 and the 評価一覧, the list unchanged", async () => {
  const list = path.join(dir, "items.csv");
  copyFileSync(SAMPLE, list);
  const before = { bytes: readFileSync(list), mtime: statSync(list).mtimeMs };
  const out = path.join(dir, "調査票.xlsx");
  const run = await cli(["new-plan", list, "-o", out, "--plan-period", "2017-2020", "--plan-name", "第3次行財政再構築"]);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  expect(run.stdout.split("\n").slice(0, 3)).toEqual([
    "一覧: items.csv（43 項目）",
    `${out} に評価一覧と調査票 41 枚を書き出しました（計画期間 平成29年度〜令和2年度）。`,
    "再掲の項目（No.29、No.41）は評価一覧にだけ載せ、調査票は作っていません（元の項目の調査票に記入します）。",
  ]);
  expect(readFileSync(list).equals(before.bytes)).toBe(true);
  expect(statSync(list).mtimeMs).toBe(before.mtime);
  const { book, report } = await sheetsOf(out);
  expect(book.sheetNames()).toHaveLength(42 + 1); // and 変更履歴, where the input aids are recorded
  expect(report.sheets.filter((s) => s.status === "recognised")).toHaveLength(42);
  expect(new Set(report.findings.map((f) => f.ruleId))).toEqual(new Set(["REQUIRED-MISSING"]));
  // The 調査票 and the 評価一覧 are the user's: only the log is the add-in's own, so a check reads every other sheet.
  expect(await book.ownedSheets()).toEqual(["変更履歴"]);
});

test("an .xlsx list and a Shift_JIS CSV; without --plan-period, the four years from this fiscal year, and it says so", async () => {
  const out = path.join(dir, "from-xlsx.xlsx");
  const run = await cli(["new-plan", path.join(ROOT, "seeds", "kodaira-h29.xlsx"), "-o", out, "--lang", "en"]);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^No plan period was given, so it is the four years from this fiscal year \(FY\d{4} to FY\d{4}\)/);
  expect(run.stdout).toContain("List: kodaira-h29.xlsx sheet \"評価一覧\" (43 items)");
  expect((await sheetsOf(out)).book.sheetNames()).toHaveLength(42 + 1);

  const sjis = path.join(dir, "sjis.xlsx");
  const args = parseArgs(["new-plan", path.join(ROOT, "test", "fixtures", "new-plan", "plan-items-sjis.csv"), "-o", sjis]);
  if (args.command !== "new-plan") throw new Error(args.command);
  const stdout = collector();
  const code = await runNewPlan(args, BUILT_IN_PROFILES, { stdout: stdout.stream, stderr: collector().stream }, { today: new Date(2027, 3, 1) });
  expect(code).toBe(0);
  expect(stdout.text()).toContain("今年度から4年間（令和9年度〜令和12年度）");
  const { book } = await sheetsOf(sjis);
  expect(book.sheetNames()).toEqual(["評価一覧", "No.1", "No.2", "No.3", "No.4", "変更履歴"]);
  expect(book.sheetGrid("No.4")!.rows[0][0]).toBe("進捗状況調査票（令和9年度末）");
});

test("input aids by default: the S/A/B list on each rating, the empty required cells coloured, recorded in 変更履歴", async () => {
  const out = path.join(dir, "aids.xlsx");
  const run = await cli(["new-plan", SAMPLE, "-o", out, "--plan-period", "2017-2020"]);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/入力支援を 42 シートに設定しました（入力規則 \d+、未記入の色付け \d+）。/);
  const no1 = readSheetAids(readFileSync(out), "No.1");
  // The blank 調査票's rating cells are F10 (1次評価) and G10 (2次評価): a list each, with a warning, never a stop.
  expect(no1.validations.filter((v) => v.type === "list").map((v) => [v.sqref, v.formula1, v.errorStyle])).toEqual([
    ["F10", '"S,A,B"', "warning"],
    ["G10", '"S,A,B"', "warning"],
  ]);
  // 取組実績(D) (D10) and 1次評価 (F10) are required and empty: highlighted until filled.
  const coloured = no1.conditionals.flatMap((c) => c.sqref.split(" "));
  for (const cell of ["D10", "F10"]) expect([cell, coloured.some((r) => r.split(":")[0] === cell)]).toEqual([cell, true]);
  expect(no1.protection).toBeUndefined();
  const list = readSheetAids(readFileSync(out), "評価一覧");
  expect(list.validations.filter((v) => v.type === "list").map((v) => v.formula1)).toContain('"S,A,B"');
  // The aids are the add-in's doing, so they are logged; the log is the one sheet it owns, and the check leaves it out.
  const { book, report } = await sheetsOf(out);
  expect(book.sheetNames().at(-1)).toBe("変更履歴");
  expect(await book.ownedSheets()).toEqual(["変更履歴"]);
  expect(report.sheets.filter((s) => s.status === "recognised")).toHaveLength(42);
});

test("--protect leaves only the input cells editable; --no-aids sets none and logs nothing", async () => {
  const protectedOut = path.join(dir, "protected.xlsx");
  expect((await cli(["new-plan", SAMPLE, "-o", protectedOut, "--plan-period", "2017-2020", "--protect"])).code).toBe(0);
  const no1 = readSheetAids(readFileSync(protectedOut), "No.1");
  expect(no1.protection?.sheet).toBe("1");
  for (const cell of ["F10", "G10", "D10", "H10"]) expect([cell, no1.locked(cell)]).toEqual([cell, false]);
  for (const cell of ["A1", "A5", "C10"]) expect([cell, no1.locked(cell)]).toEqual([cell, true]);

  const bare = path.join(dir, "bare.xlsx");
  const run = await cli(["new-plan", SAMPLE, "-o", bare, "--plan-period", "2017-2020", "--no-aids"]);
  expect(run.code).toBe(0);
  expect(run.stdout).not.toContain("入力支援");
  const { book } = await sheetsOf(bare);
  expect(book.sheetNames()).toHaveLength(42);
  expect(await book.ownedSheets()).toEqual([]);
  // The template's own list on the two ratings is all there is.
  expect(readSheetAids(readFileSync(bare), "No.1").validations.map((v) => v.sqref)).toEqual(["F10:G10"]);
});

test("a list with problems: exit 1, each problem on its row, nothing written", async () => {
  const list = path.join(dir, "bad.csv");
  writeFileSync(list, "\uFEFF方針,No.,取組項目,所管課,目的・ねらい\r\n地域,1,協働,政策課,目的\r\n地域,1,広報,秘書広報課,目的\r\n");
  const out = path.join(dir, "bad.xlsx");
  const run = await cli(["new-plan", list, "-o", out]);
  expect(run.code).toBe(1);
  expect(run.stderr).toBe(`${list} から調査票を作れません。次の点を直してください:\n  ・3行目（B3）の No. 1 は 2行目と同じです。No. は項目ごとに別の番号にしてください。\n`);
  expect(existsSync(out)).toBe(false);
});

test("refused in words, exit 2, nothing written: output over the input, no -o, a missing file, a file that is not a list, another profile", async () => {
  const list = path.join(dir, "same.csv");
  copyFileSync(SAMPLE, list);
  const bytes = readFileSync(list);
  const same = await cli(["new-plan", list, "-o", path.join(dir, ".", "same.csv")]);
  expect([same.code, same.stderr]).toEqual([2, expect.stringContaining("は読み込むファイルと同じです")]);
  const sameXlsx = path.join(dir, "same.xlsx");
  copyFileSync(path.join(ROOT, "seeds", "kodaira-h29.xlsx"), sameXlsx);
  const before = readFileSync(sameXlsx);
  expect((await cli(["new-plan", sameXlsx, "-o", sameXlsx])).code).toBe(2);
  expect(readFileSync(sameXlsx).equals(before)).toBe(true);
  expect(readFileSync(list).equals(bytes)).toBe(true);

  expect(await cli(["new-plan", list])).toMatchObject({ code: 2, stderr: "書き出すファイルを -o で指定してください（例: -o 調査票.xlsx）。\n" });
  expect(await cli(["new-plan", list, "-o", path.join(dir, "x.csv")])).toMatchObject({ code: 2, stderr: expect.stringContaining("は .xlsx にしてください") });
  expect(await cli(["new-plan", path.join(dir, "none.csv"), "-o", path.join(dir, "n.xlsx")])).toMatchObject({ code: 2, stderr: `${path.join(dir, "none.csv")}: ファイルが見つかりません。\n` });
  expect(await cli(["new-plan", list, "-o", path.join(dir, "p.xlsx"), "--plan-period", "そのうち"])).toMatchObject({ code: 2, stderr: expect.stringContaining("--plan-period には計画期間を") });

  const binary = path.join(dir, "binary.csv");
  writeFileSync(binary, Uint8Array.of(0x81, 0x20, 0xff, 0xfe, 0x00, 0x80));
  expect(await cli(["new-plan", binary, "-o", path.join(dir, "b.xlsx")])).toMatchObject({ code: 2, stderr: expect.stringContaining("UTF-8 としても Shift_JIS としても読めません") });
  const notXlsx = path.join(dir, "fake.xlsx");
  writeFileSync(notXlsx, "方針,No.\n");
  const fake = await cli(["new-plan", notXlsx, "-o", path.join(dir, "f.xlsx")]);
  expect(fake.code).toBe(2);
  expect(fake.stderr).not.toMatch(/at |Error/);

  const profile = path.join(dir, "city.json");
  writeFileSync(profile, readFileSync(path.join(ROOT, "docs", "examples", "example-city-chosahyo.json")));
  expect(await cli(["new-plan", list, "-o", path.join(dir, "c.xlsx"), "--profile", profile])).toMatchObject({
    code: 2,
    stderr: expect.stringContaining("new-plan が作れるのは kodaira-chosahyo の様式だけです"),
  });
  for (const f of ["n.xlsx", "p.xlsx", "b.xlsx", "f.xlsx", "c.xlsx"]) expect(existsSync(path.join(dir, f))).toBe(false);
});

test("--help shows the command's usage", async () => {
  const run = await cli(["new-plan", "--help"]);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain("chosahyo new-plan <一覧.csv または 一覧.xlsx> -o <書き出し先.xlsx>");
});
