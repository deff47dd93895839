/**
 * @jest-environment node
 *
 * Every workbook a command writes, from the sample workbooks, keeps the element, row and cell order of ECMA-376's
 * schema, with column ranges and merges apart (test/helpers/schema-order.ts), no style index past its list
 * (test/helpers/style-indexes.ts), and a package that holds together: content types, relationships, shared-string
 * indexes, sheet and table names (test/helpers/package-integrity.ts). Excel repairs a workbook that breaks them and LibreOffice does not say, so the
 * LibreOffice round trips elsewhere cannot catch it. Every part of every workbook written is checked.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strFromU8 } from "fflate";
import { cli } from "./helpers/cli";
import { ROOT } from "./helpers/grid";
import { readPackage } from "./helpers/package-diff";
import { integrityProblems } from "./helpers/package-integrity";
import { schemaOrderProblems } from "./helpers/schema-order";
import { styleIndexProblems } from "./helpers/style-indexes";

jest.setTimeout(240_000);

const seed = (name: string) => path.join(ROOT, "seeds", name);
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "chosahyo-order-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const workbooks = (at: string): string[] =>
  statSync(at).isDirectory() ? readdirSync(at).flatMap((f) => workbooks(path.join(at, f))) : /\.xls[xm]$/.test(at) ? [at] : [];

/** Every XML part of every workbook under `at` that breaks the order, a style index past its list, or the package's integrity, by file. */
function problems(at: string): string[] {
  return workbooks(at).flatMap((file) => {
    const pkg = readPackage(new Uint8Array(readFileSync(file)));
    const found = [...[...pkg].flatMap(([part, bytes]) => (part.endsWith(".xml") ? schemaOrderProblems(part, strFromU8(bytes)) : [])), ...styleIndexProblems(pkg), ...integrityProblems(pkg)];
    return found.map((p) => `${path.relative(dir, file)} ${p}`);
  });
}

test("集計・年度更新・入力支援・配布・回収・前年度比較・新しい計画・フォルダーのまとめで書き出すブックは、Excel が直さずに開く順序を保つ", async () => {
  const out = (name: string) => path.join(dir, name);
  const runs: [string, readonly string[]][] = [
    ["summarize 小平", ["summarize", seed("kodaira-h29.xlsx"), "-o", out("sum-kodaira.xlsx")]],
    ["summarize 武蔵野", ["summarize", seed("musashino-h29.xlsx"), "-o", out("sum-musashino.xlsx")]],
    ["summarize 三鷹", ["summarize", seed("mitaka-2021.xlsx"), "-o", out("sum-mitaka.xlsx")]],
    ["rollover --protect", ["rollover", seed("kodaira-h29.xlsx"), "-o", out("roll-kodaira.xlsx"), "--protect"]],
    ["rollover 武蔵野", ["rollover", seed("musashino-h29.xlsx"), "-o", out("roll-musashino.xlsx")]],
    ["aids --protect", ["aids", seed("musashino-h29.xlsx"), "-o", out("aids-musashino.xlsx"), "--protect"]],
    ["split", ["split", seed("kodaira-h29.xlsx"), "-o", out("split-kodaira")]],
    ["split 武蔵野", ["split", seed("musashino-h29.xlsx"), "-o", out("split-musashino")]],
    ["collect", ["collect", seed("musashino-h29.xlsx"), out("split-musashino"), "-o", out("collect-musashino.xlsx")]],
    ["compare", ["compare", seed("kodaira-h29.xlsx"), out("roll-kodaira.xlsx"), "-o", out("compare-kodaira.xlsx")]],
    ["new-plan", ["new-plan", seed("kodaira-h29-list-as-printed.xlsx"), "-o", out("new-plan.xlsx")]],
    ["summarize a folder", ["summarize", out("split-kodaira"), "-o", out("folder-summary.xlsx")]],
  ];
  for (const [what, argv] of runs) {
    const run = await cli(argv);
    expect([what, run.code < 2, run.stderr]).toEqual([what, true, run.stderr]);
  }
  // Each wrote what it should: the files named, and a department's workbook per 所管課 in each split folder.
  const written = workbooks(dir).map((f) => path.relative(dir, f));
  for (const [, argv] of runs) {
    const target = path.relative(dir, argv[argv.indexOf("-o") + 1]);
    expect(written.some((f) => f === target || f.startsWith(`${target}${path.sep}`))).toBe(true);
  }
  expect(problems(dir)).toEqual([]);
});
