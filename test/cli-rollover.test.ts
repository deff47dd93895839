/**
 * @jest-environment node
 *
 * `chosahyo rollover <file> -o <out.xlsx> [--drop-ended]`: writes next year's workbook, never touches the input, says
 * what it did; refuses in words (exit 1) what cannot roll, and writes nothing then. LibreOffice, an independent
 * client, opens the rolled workbook and shows the moved year.
 */
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "./helpers/grid";
import { cli } from "./helpers/cli";
import { convert, CSV_ALL_SHEETS, hasLibreOffice, libreOfficeProfile, readCsv } from "./helpers/libreoffice";
import { DISTRIBUTION_MARKER_KEY, SUBMISSIONS_KEY } from "../src/core/cycle/types";
import { XlsxWorkbook } from "../src/workbook/xlsx/xlsx-workbook";

jest.setTimeout(240_000);

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), "chosahyo-rollover-"));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");

test("小平の見本: 平成30年度の調査票を書き出し、変えたセルの数を言う。入力は1バイトも変わらない", async () => {
  const input = path.join(work, "h29.xlsx");
  copyFileSync(path.join(ROOT, "seeds", "kodaira-h29.xlsx"), input);
  const before = sha(input);
  const out = path.join(work, "h30.xlsx");
  const r = await cli(["rollover", input, "-o", out, "--no-aids"]);
  expect([r.code, r.stderr]).toEqual([0, ""]);
  expect(r.stdout.split("\n").slice(0, 3)).toEqual([
    `■ ${out} に書き出しました。元のファイルは変更していません。`,
    "  平成29年度の調査票から平成30年度の調査票を作りました。",
    "  変更したセル 712（年度の表記 176、(A)→(P) など引き継ぎ 53、年度実績への転記 57、消去 426）",
  ]);
  expect(sha(input)).toBe(before);
  expect(existsSync(out)).toBe(true);
  const again = await cli(["validate", out]);
  expect(again.stdout).toContain("対象年度: 平成30年度");
});

test("既定では入力支援を付け、その数を言う。--protect で保護も", async () => {
  const out = path.join(work, "h30.xlsx");
  const r = await cli(["rollover", path.join(ROOT, "seeds", "kodaira-h29.xlsx"), "-o", out]);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/入力支援を 5\d シートに設定しました（入力規則 \d+、未記入の色付け \d+）。\n$/);
  const p = await cli(["rollover", path.join(ROOT, "seeds", "kodaira-h29.xlsx"), "-o", path.join(work, "p.xlsx"), "--protect"]);
  expect(p.stdout).toContain("シートを保護しました（パスワードなし。[校閲] → [シート保護の解除] で解除できます）。");
  expect((await cli(["validate", path.join(ROOT, "seeds", "kodaira-h29.xlsx"), "--protect"])).code).toBe(2);
});

test("英語でも", async () => {
  const r = await cli(["rollover", path.join(ROOT, "seeds", "musashino-h29.xlsx"), "-o", path.join(work, "m.xlsx"), "--lang", "en"]);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain("Made the FY2018 sheets from the FY2017 sheets.");
});

test("年度更新の設定がない様式は断り（終了コード 1）、何も書かない", async () => {
  const out = path.join(work, "x.xlsx");
  const r = await cli(["rollover", path.join(ROOT, "seeds", "mitaka-2021.xlsx"), "-o", out]);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain("年度更新できる調査票がありません");
  expect(existsSync(out)).toBe(false);
});

test("計画の最終年度は、計画期間を名指しして断る", async () => {
  const out = path.join(work, "x.xlsx");
  const r = await cli(["rollover", path.join(ROOT, "seeds", "kodaira-h29.xlsx"), "-o", out, "--fiscal-year", "平成32", "--plan-period", "平成29〜32"]);
  expect(r.code).toBe(1);
  expect(r.stderr.trim()).toBe(
    "令和2年度の次は令和3年度ですが、計画期間（平成29年度〜令和2年度）を過ぎています。計画の最終年度からは年度更新できません。次の計画の調査票は「新しい計画」で作成してください。",
  );
  expect(existsSync(out)).toBe(false);
});

test("出力先が入力と同じ、-o がない、ファイルが2つ、--drop-ended をほかのコマンドに: 断る", async () => {
  const input = path.join(ROOT, "seeds", "kodaira-h29.xlsx");
  expect((await cli(["rollover", input, "-o", input])).code).toBe(2);
  expect((await cli(["rollover", input])).stderr).toContain("書き出すファイル");
  expect((await cli(["rollover", input, input, "-o", path.join(work, "o.xlsx")])).stderr.trim()).toBe("rollover には、ブックを1つ指定してください。");
  expect((await cli(["validate", input, "--drop-ended"])).code).toBe(2);
});

test("ないファイルは言葉で断る", async () => {
  const r = await cli(["rollover", path.join(work, "missing.xlsx"), "-o", path.join(work, "o.xlsx")]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("missing.xlsx");
  expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
});

const lo = hasLibreOffice() ? test : test.skip;
lo("LibreOffice で開くと、No.1 の表題は平成30年度末、評価は空", async () => {
  const out = path.join(work, "h30.xlsx");
  expect((await cli(["rollover", path.join(ROOT, "seeds", "kodaira-h29.xlsx"), "-o", out])).code).toBe(0);
  const profile = libreOfficeProfile();
  try {
    const [csv] = convert(out, CSV_ALL_SHEETS, path.join(work, "csv"), profile).filter((f) => f.includes("No.1") || f.endsWith("-No.1.csv"));
    const rows = readCsv(csv);
    expect(rows[0][0]).toBe("第3次行財政再構築進捗状況調査票（平成30年度末）");
    expect(rows[10][0]).toBe("平成30年度 当初予定(P)");
    expect([rows[11][5], rows[11][6]]).toEqual(["", ""]);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test("1年のサイクルの後の年度更新: 配布・回収の記録は次年度に持ち越さず、次年度の配布と回収がそのまま通る", async () => {
  const master = path.join(work, "h29.xlsx");
  copyFileSync(path.join(ROOT, "seeds", "kodaira-h29.xlsx"), master);
  const sent = path.join(work, "h29-配布");
  expect((await cli(["split", master, "-o", sent])).code).toBe(0);
  const merged = path.join(work, "h29-回収後.xlsx");
  expect((await cli(["collect", master, sent, "-o", merged])).code).toBe(0);
  expect((await cli(["summarize", merged, "-o", path.join(work, "h29-集計.xlsx")])).stdout).toContain("提出状況");

  const next = path.join(work, "h30.xlsx");
  expect((await cli(["rollover", merged, "-o", next])).code).toBe(0);
  // Next year's workbook has no record of this year's returns: no 提出状況 until next year's 回収.
  expect((await cli(["summarize", next, "-o", path.join(work, "h30-集計.xlsx")])).stdout).not.toContain("提出状況");
  // Cleared, not left behind as empty rows of the settings sheet.
  const settings = await (await XlsxWorkbook.load(readFileSync(next), next)).readSettings();
  expect(Object.keys(settings).filter((k) => k === SUBMISSIONS_KEY || k === DISTRIBUTION_MARKER_KEY)).toEqual([]);
  expect(Object.values(settings)).not.toContain("");
  const nextSent = path.join(work, "h30-配布");
  expect((await cli(["split", next, "-o", nextSent])).code).toBe(0);
  const back = await cli(["collect", next, nextSent, "--dry-run"]);
  expect(back.stdout).not.toContain("取り込みません");
  expect(back.code).toBe(0);
});
