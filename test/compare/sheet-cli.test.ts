/**
 * @jest-environment node
 *
 * `chosahyo compare <last> <this> -o out.xlsx` and `chosahyo summarize <this> --previous <last> -o out.xlsx` on 小平's
 * sample and its built next year: the output is this year's workbook with 前年度比較 added (and for summarize the other
 * summaries), every sheet of the input unchanged, and neither input written; an output over an input, a refused pair
 * and a folder with --previous are refused in words.
 */
import ExcelJS from "exceljs";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { cli } from "../helpers/cli";
import { allowedForOwnedSheets, checkAmendedParts, diffPackages, unexpectedDifferences } from "../helpers/package-diff";
import { kodairaPairOnDisk } from "./next-year";

jest.setTimeout(240_000);

let work: string;
let h29: string;
let h30: string;
let remove: () => void;
beforeAll(async () => {
  ({ work, h29, h30, remove } = await kodairaPairOnDisk("chosahyo-compare-sheet-"));
});
afterAll(() => remove());

const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");

/** What writing the output did to the input's package beyond adding the add-in's sheets: nothing, or each difference. */
function beyondOwnedSheets(input: string, output: string): string[] {
  const before = new Uint8Array(readFileSync(input));
  const after = new Uint8Array(readFileSync(output));
  return [...unexpectedDifferences(diffPackages(before, after), allowedForOwnedSheets()), ...checkAmendedParts(before, after)];
}

async function reopen(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return wb;
}

/** The 前年度比較 sheet's item rows as reopened: No., 増減, 取組の変化. */
function rowsOf(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  for (let r = 6; ws.getCell(r, 1).value; r++) out.push(`${ws.getCell(r, 2).value ?? ""} ${ws.getCell(r, 9).value} ${ws.getCell(r, 5).value}`);
  return out;
}

test("compare -o: 今年度のブックに前年度比較を加えて書き出す。入力のシートはどれも変わらず、入力ファイルにも書き込まない", async () => {
  const before = [sha(h29), sha(h30)];
  const out = path.join(work, "compare.xlsx");
  const r = await cli(["compare", h29, h30, "-o", out]);
  expect([r.code, r.stderr]).toEqual([0, ""]);
  const lines = r.stdout.trimEnd().split("\n");
  expect(lines[0]).toBe("■ 前年度比較: 平成29年度 → 平成30年度");
  expect(lines.slice(-2)).toEqual([`■ ${out} に書き出しました（1 シート）`, "  前年度比較"]);
  expect([sha(h29), sha(h30)]).toEqual(before);
  expect(beyondOwnedSheets(h30, out)).toEqual([]);

  const input = await XlsxWorkbook.load(readFileSync(h30));
  const written = await XlsxWorkbook.load(readFileSync(out));
  const names = (await written.readAll()).sheets.map((s) => s.name);
  expect(names).toEqual([...(await input.readAll()).sheets.map((s) => s.name), "前年度比較"]);
  expect(await written.ownedSheets()).toEqual(["前年度比較"]);

  const ws = (await reopen(out)).getWorksheet("前年度比較")!;
  expect(ws.getCell("A1").value).toBe("前年度比較");
  const rows = rowsOf(ws);
  expect(rows).toHaveLength(58);
  expect(rows.filter((x) => !x.endsWith("→ 継続") && !x.endsWith("— 継続"))).toEqual(["1 ↑ 継続", "3 ↑ 継続", "5 ↓ 継続", "7 ↓ 継続", "41 → 番号変更", "28 ↓ 継続", "40 — 前年度のみ"]);
  expect(Object.keys((ws as unknown as { tables: Record<string, unknown> }).tables)).toEqual(["chosahyo_compare"]);
});

test("compare --json -o: 標準出力は JSON だけ、書き出しの報告は標準エラーに", async () => {
  const out = path.join(work, "compare-json.xlsx");
  const r = await cli(["compare", h29, h30, "--json", "-o", out]);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout).totals.renumbered).toBe(1);
  expect(r.stderr).toBe(`■ ${out} に書き出しました（1 シート）\n  前年度比較\n`);
  expect(existsSync(out)).toBe(true);
});

test("compare -o に入力のファイルを指定すると断り、どちらのファイルも変わらない", async () => {
  const before = [sha(h29), sha(h30)];
  for (const target of [h29, h30]) {
    const r = await cli(["compare", h29, h30, "-o", target]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`書き出し先 ${target} は読み込むファイルと同じです。元のファイルは上書きしません。別の名前を指定してください。\n`);
  }
  expect([sha(h29), sha(h30)]).toEqual(before);
});

test("summarize --previous: ほかの集計シートに前年度比較が加わり、検証結果に前年度と比べた指摘が入る。入力のシートは変わらない", async () => {
  const before = [sha(h29), sha(h30)];
  const out = path.join(work, "summary.xlsx");
  const r = await cli(["summarize", h30, "--previous", h29, "-o", out]);
  expect([r.code, r.stderr]).toEqual([0, ""]);
  expect(r.stdout.split("\n").filter((l) => l.startsWith("  "))).toEqual([
    "  評価一覧 (2)（同じ名前の利用者のシート「評価一覧」があるため、この名前で作成しました）",
    "  評価集計",
    "  指標達成状況",
    "  前年度比較",
    "  検証結果",
  ]);
  expect([sha(h29), sha(h30)]).toEqual(before);
  expect(beyondOwnedSheets(h30, out)).toEqual([]);
  const wb = await reopen(out);
  expect(rowsOf(wb.getWorksheet("前年度比較")!)).toHaveLength(58);
  const rules: string[] = [];
  wb.getWorksheet("検証結果")!.eachRow((row) => rules.push(String(row.getCell(2).value)));
  expect(["ITEM-DROPPED", "RATING-DROPPED", "TEXT-UNCHANGED", "IND-REGRESSED", "PLAN-CARRYOVER-MISSING"].map((id) => rules.filter((x) => x === id).length)).toEqual([1, 6, 1, 1, 1]);

  // Without --previous, the same command makes no 前年度比較.
  const plain = path.join(work, "plain.xlsx");
  const p = await cli(["summarize", h30, "-o", plain]);
  expect(p.code).toBe(0);
  expect(p.stdout).not.toContain("前年度比較");
});

test("summarize --previous で年度が逆のときは、理由を示して何も書き出さない", async () => {
  const out = path.join(work, "swapped.xlsx");
  const r = await cli(["summarize", h29, "--previous", h30, "-o", out]);
  expect(r.code).toBe(1);
  expect(r.stderr).toBe(
    `前年度のブック ${h30} とは比較しません: 前年度として指定したブックが平成30年度、今年度として指定したブックが平成29年度です。前年度のブックを先に、今年度のブックを後に指定してください。\n`,
  );
  expect(existsSync(out)).toBe(false);
});

test("summarize --previous はフォルダーの集計には使えない。前年度のブックを書き出し先にもできない", async () => {
  const dir = path.join(work, "folder");
  mkdirSync(dir, { recursive: true });
  const a = await cli(["summarize", dir, "--previous", h29, "-o", path.join(work, "folder.xlsx")]);
  expect([a.code, a.stderr]).toEqual([2, "--previous は、ブック1つを集計するときに指定できます（フォルダーの集計には使えません）。\n"]);
  const before = sha(h29);
  const b = await cli(["summarize", h30, "--previous", h29, "-o", h29]);
  expect(b.code).toBe(2);
  expect(sha(h29)).toBe(before);
});
