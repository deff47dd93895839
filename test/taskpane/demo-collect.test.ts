/**
 * 回収 in the browser demo's workbook host (book-host.ts, the code its Web Worker runs): collectInto on the seed
 * seeds/kodaira-h29.xlsx with a department's workbook from splitBook, every message passed through structuredClone
 * as a worker's would be. The dry run writes nothing and gives the CLI's preview lines; taking in changes the
 * open workbook's cells exactly where the department wrote, and a refused or unreadable file changes nothing.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { structuredHost } from "../helpers/demo-host";
import type { CollectOutcome, ReturnedFile } from "../../src/workbook/collect-port";
import { checkBook } from "../../src/workbook/xlsx/collect";
import { Package } from "../../src/workbook/xlsx/package";
import { splitBook } from "../../src/workbook/xlsx/split";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { cellMap, differingCells, inputCellsOf, SEED, seedRecords } from "../cycle/collect-fixtures";
import { ROOT } from "../helpers/grid";

// The demo's built-in sample is a webpack asset; these tests open the seed's bytes instead.
jest.mock("../../seeds/kodaira-h29.xlsx", () => "", { virtual: true });

const profiles = BUILT_IN_PROFILES;
const seed = () => new Uint8Array(readFileSync(SEED));

const host = structuredHost;

async function policyFile(): Promise<{ file: ReturnedFile; cell: string; value: string }> {
  const book = await XlsxWorkbook.load(seed(), "kodaira-h29.xlsx");
  const split = await splitBook(book, (await checkBook(book, profiles)).report, { profiles });
  if (!split.ok) throw new Error("split refused");
  const b = split.books.find((x) => x.department === "政策課")!;
  const sheet = b.sheets[0];
  const cell = inputCellsOf(await seedRecords(), sheet).result;
  const dep = await XlsxWorkbook.load(b.bytes, "政策課.xlsx");
  const value = "政策課 の実績（回収のテスト）";
  dep.setCells([{ sheet, cell, value }]);
  return { file: { name: "政策課.xlsx", bytes: await dep.toBytes() }, cell: `${sheet}!${cell}`, value };
}

test("確認だけでは何も書かず、取り込むと開いているブックのそのセルだけが変わる", async () => {
  const call = host();
  await call("open", { bytes: seed(), name: "kodaira-h29.xlsx" });
  const { file, cell, value } = await policyFile();

  const preview = (await call("collectInto", [file], { profiles, dryRun: true, lang: "ja" })) as CollectOutcome;
  expect(preview.plan.files.map((f) => [f.file, f.department, f.cellsChanged, f.refusal, f.held])).toEqual([["政策課.xlsx", "政策課", 1, undefined, false]]);
  expect(preview.preview[0].lines.ja).toContain("  課: 政策課");
  expect(preview.preview[0].lines.ja).toContain("  変更された入力欄: 1 セル");
  expect(preview.preview[0].lines.en.length).toBe(preview.preview[0].lines.ja.length);
  expect(preview.written).toBeUndefined();
  expect(differingCells(await cellMap(seed()), await cellMap((await call("toBytes")) as Uint8Array))).toEqual([]);

  const done = (await call("collectInto", [file], { profiles, dryRun: false, lang: "ja", at: new Date("2026-12-01T00:00:00Z") })) as CollectOutcome;
  expect(done.written).toEqual({ sheetsReplaced: 1, cellsChanged: 1, changed: true });
  const after = (await call("toBytes")) as Uint8Array;
  expect(differingCells(await cellMap(seed()), await cellMap(after))).toEqual([cell]);
  expect((await cellMap(after)).get(cell)).toBe(value);
  expect(await call("sheetNames")).toContain("変更履歴");
});

test("別のブックは理由つきで断り、ブックでないファイルは読めない理由を示し、何も書かない", async () => {
  const call = host();
  await call("open", { bytes: seed(), name: "kodaira-h29.xlsx" });
  const files: ReturnedFile[] = [
    { name: "三鷹.xlsx", bytes: new Uint8Array(readFileSync(path.join(ROOT, "seeds", "mitaka-2021.xlsx"))) },
    { name: "メモ.xlsx", bytes: new TextEncoder().encode("これはブックではありません") },
  ];
  const out = (await call("collectInto", files, { profiles, dryRun: false, lang: "ja" })) as CollectOutcome;
  expect(out.plan.files.map((f) => [f.file, f.refusal?.code])).toEqual([["三鷹.xlsx", "not-returned"]]);
  expect(out.preview[0].lines.ja.join("\n")).toContain("取り込みません: 配布したブックではありません");
  expect(out.unreadable.map((u) => [u.file, u.code])).toEqual([["メモ.xlsx", "not-a-workbook"]]);
  expect(out.written).toEqual({ sheetsReplaced: 0, cellsChanged: 0, changed: false });
  expect(differingCells(await cellMap(seed()), await cellMap((await call("toBytes")) as Uint8Array))).toEqual([]);
});

// A returned sheet the lenient reader reads but the copy cannot follow (its part cut before </worksheet>): the plan
// said it would replace the master's sheet, and the copy then failed inside the open workbook, with the error
// thrown from collectInto. It is now named as unreadable, by its part, before any plan is made.
test("読めても写せないシートを含むファイルは、壊れている部分を示して読めないファイルとし、何も書かない", async () => {
  const call = host();
  await call("open", { bytes: seed(), name: "kodaira-h29.xlsx" });
  const { file } = await policyFile();
  const pkg = Package.open(file.bytes);
  const part = pkg.names().find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
  pkg.set(part, pkg.text(part)!.replace(/<\/worksheet>\s*$/, ""));
  const damaged: ReturnedFile = { name: "政策課.xlsx", bytes: pkg.toBytes() };
  const out = (await call("collectInto", [damaged], { profiles, dryRun: false, lang: "ja" })) as CollectOutcome;
  expect(out.unreadable).toEqual([{ file: "政策課.xlsx", code: "corrupt-part", detail: part }]);
  expect(out.plan.files).toEqual([]);
  expect(differingCells(await cellMap(seed()), await cellMap((await call("toBytes")) as Uint8Array))).toEqual([]);
  expect(await call("sheetNames")).not.toContain("変更履歴");
});
