/**
 * @jest-environment node
 *
 * `chosahyo aids`: the workbook with input aids written to a new file, what was set printed per sheet, the input
 * never written, bad arguments and workbooks with nothing to set refused with one line and exit code 2.
 */
import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cli, type Run } from "./helpers/cli";
import { ROOT } from "./helpers/grid";
import { readSheetAids } from "./helpers/input-aids-read";

const KODAIRA = path.join(ROOT, "seeds", "kodaira-h29.xlsx");
let dir: string;
/** The 小平 sample with --protect, run once: the seed before, the run, its output. */
let kodaira: { before: { bytes: Buffer; mtime: number }; run: Run; out: string };

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "chosahyo-aids-"));
  const before = { bytes: readFileSync(KODAIRA), mtime: statSync(KODAIRA).mtimeMs };
  const out = path.join(dir, "入力支援.xlsx");
  kodaira = { before, run: await cli(["aids", KODAIRA, "-o", out, "--protect"]), out };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("新しいファイルに入力支援を設定し、シートごとに何をしたかを表示する。元のファイルは変えない", () => {
  const { before, run, out } = kodaira;
  expect(run.code).toBe(0);
  expect(run.stderr).toBe("");
  const lines = run.stdout.trim().split("\n");
  expect(lines[0]).toBe(`${out} に書き出しました（入力支援を設定したシート: 59）。`);
  expect(lines).toContain("  評価一覧: 入力規則 2 か所・必須の空欄 0 か所・シート保護");
  expect(lines).toContain("  No.1: 入力規則 5 か所・必須の空欄 0 か所・シート保護");
  expect(lines).toContain("  No.2-1: 入力規則 5 か所・必須の空欄 1 か所・シート保護");
  expect(lines[lines.length - 1]).toContain("[校閲] → [シート保護の解除]");
  expect(readFileSync(KODAIRA).equals(before.bytes)).toBe(true);
  expect(statSync(KODAIRA).mtimeMs).toBe(before.mtime);
  const no1 = readSheetAids(readFileSync(out), "No.1");
  expect(no1.validations.find((v) => v.sqref === "F12")).toMatchObject({ type: "list", errorStyle: "warning" });
  expect(no1.protection?.sheet).toBe("1");
});

test("--protect なしでは保護しない。--lang en なら英語で表示し、英語のメッセージを書く", async () => {
  const out = path.join(dir, "en.xlsx");
  const run = await cli(["aids", KODAIRA, "-o", out, "--lang", "en"]);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain("  No.1: 5 validations, 0 empty required cells\n");
  expect(run.stdout).not.toContain("Unprotect");
  const no1 = readSheetAids(readFileSync(out), "No.1");
  expect(no1.protection).toBeUndefined();
  expect(no1.validations.find((v) => v.sqref === "F12")?.prompt).toMatch(/^S: ahead of the year's plan\n/);
});

test("書き出し先が読み込むファイルと同じなら、書き込まずに終了コード2", async () => {
  const copy = path.join(dir, "copy.xlsx");
  writeFileSync(copy, readFileSync(KODAIRA));
  const mtime = statSync(copy).mtimeMs;
  const run = await cli(["aids", copy, "-o", copy]);
  expect(run.code).toBe(2);
  expect(run.stderr.trim().split("\n")).toHaveLength(1);
  expect(run.stderr).toContain("上書きしません");
  expect(statSync(copy).mtimeMs).toBe(mtime);
});

test("パスワードのない保護（前の --protect）は付け直して元の保護に戻し、パスワード付きのシートは飛ばして名前を挙げる", async () => {
  // No.1 locked with a password by someone; every other sheet as the earlier --protect left it.
  const { unzipSync, zipSync, strToU8, strFromU8 } = await import("fflate");
  const files = unzipSync(new Uint8Array(readFileSync(kodaira.out)));
  const rid = /<sheet [^>]*name="No\.1"[^>]*r:id="(rId\d+)"/.exec(strFromU8(files["xl/workbook.xml"]))![1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="/?(?:xl/)?([^"]+)"`).exec(strFromU8(files["xl/_rels/workbook.xml.rels"]))![1];
  const part = `xl/${target}`;
  files[part] = strToU8(strFromU8(files[part]).replace("<sheetProtection ", '<sheetProtection password="CC3D" '));
  const input = path.join(dir, "locked.xlsx");
  writeFileSync(input, zipSync(files));
  const out = path.join(dir, "again.xlsx");
  const run = await cli(["aids", input, "-o", out]);
  expect(run.code).toBe(0);
  expect(run.stderr).toBe("保護されているシートには設定していません: No.1（保護を解除してから、もう一度実行してください）\n");
  const again = new Uint8Array(readFileSync(out));
  const before = new Uint8Array(readFileSync(kodaira.out));
  // No.2 took the aids again and is protected as it was; No.1 kept its password and was not touched.
  expect(readSheetAids(again, "No.2").protection).toEqual(readSheetAids(before, "No.2").protection);
  expect(readSheetAids(again, "No.2").validations.length).toBeGreaterThan(0);
  expect(readSheetAids(again, "No.1").protection?.password).toBe("CC3D");
});

test("記号の欄も必須の欄もないブック（三鷹の目標指標だけ）には設定せず、書き出さない", async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path.join(ROOT, "seeds", "mitaka-2021.xlsx")) as unknown as ArrayBuffer);
  wb.removeWorksheet(wb.getWorksheet("アクションプラン")!.id);
  const file = path.join(dir, "shihyo.xlsx");
  writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  const out = path.join(dir, "shihyo-out.xlsx");
  const run = await cli(["aids", file, "-o", out]);
  expect(run.code).toBe(2);
  expect(run.stderr.trim()).toBe("入力支援を設定できるシートがありません（記号や必須の欄を読み取れた調査票がありません）。ファイルは書き出していません。");
  expect(existsSync(out)).toBe(false);
});

test("引数の誤りは1行で伝えて終了コード2", async () => {
  const cases: [string[], string][] = [
    [["aids", KODAIRA], "書き出し先を -o で指定してください"],
    [["aids", "-o", path.join(dir, "x.xlsx")], "入力支援を設定するファイルを1つ指定してください。"],
    [["aids", KODAIRA, "-o", path.join(dir, "x.xlsx"), "--json"], "不明なオプションです: --json"],
    [["aids", KODAIRA, "-o", path.join(dir, "x.xlsx"), "--stage", "途中"], "--stage には"],
    [["aids", path.join(dir, "ない.xlsx"), "-o", path.join(dir, "x.xlsx")], "ファイルが見つかりません"],
  ];
  for (const [argv, message] of cases) {
    const run = await cli(argv);
    expect([argv.join(" "), run.code]).toEqual([argv.join(" "), 2]);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain(message);
  }
  expect(existsSync(path.join(dir, "x.xlsx"))).toBe(false);
});

test("ヘルプの各コマンドの行は、1行目の chosahyo の下にそろう（使い方 は全角で2桁ずつ）", async () => {
  for (const [lang, prefix, indent] of [["ja", "使い方: ", 8], ["en", "Usage: ", 7]] as const) {
    const lines = (await cli(["--help", "--lang", lang])).stdout.split("\n");
    expect(lines[0].startsWith(`${prefix}chosahyo validate `)).toBe(true);
    const commands = lines.slice(1).filter((l) => /^\s*chosahyo (summarize|rollover|new-plan|aids|split|collect|compare) /.test(l));
    expect(commands.map((l) => l.match(/chosahyo (\S+)/)![1])).toEqual(["summarize", "rollover", "new-plan", "aids", "split", "collect", "compare"]);
    for (const l of commands) expect([l.slice(0, 30), l.indexOf("chosahyo")]).toEqual([l.slice(0, 30), indent]);
  }
  // A command's own page starts at the margin.
  expect((await cli(["aids", "--help"])).stdout.startsWith("chosahyo aids ")).toBe(true);
});

test("ヘルプに aids の使い方が載る", async () => {
  const all = await cli(["--help"]);
  expect(all.stdout).toContain("chosahyo aids <ファイル.xlsx> -o <書き出し先.xlsx> [--protect]");
  const own = await cli(["aids", "--help", "--lang", "en"]);
  expect(own.code).toBe(0);
  expect(own.stdout).toContain("chosahyo aids <file.xlsx> -o <out.xlsx> [--protect]");
});
