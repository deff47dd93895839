/**
 * @jest-environment node
 *
 * `chosahyo validate` says how many records each sheet gave, and a sheet recognised but read short is an error of
 * its own (READ-EMPTY), in the text report and in --json: a 目次 listing 3 projects, a 取組状況 that reads 2 of them,
 * and a second 取組状況 whose 事業名 headings are worded otherwise, so that it reads none.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { specsToXlsx } from "../scripts/lib/exceljs-render";
import type { SheetGrid } from "../src/core/model/grid";
import type { SheetSpec, SpecCell } from "../src/core/sheet-spec";
import { cli, type Run } from "./helpers/cli";
import { musashinoSheet, setCell, sheet } from "./rules/harness";

/** A grid as a sheet spec, to write it to a real .xlsx. */
function gridSpec(g: SheetGrid): SheetSpec {
  const cells: SpecCell[] = [];
  g.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v === "string") cells.push({ row: g.top + r, col: g.left + c, value: { t: "text", v } });
      else if (typeof v === "number") cells.push({ row: g.top + r, col: g.left + c, value: { t: "number", v } });
    }),
  );
  return { name: g.name, cells, styles: {}, merges: g.merges };
}

/** 取組状況 with the 事業名 heading of the given projects written 事業の名称. */
function renamed(grid: SheetGrid, which: readonly number[]): SheetGrid {
  const starts = grid.rows.flatMap((r, i) => (r[0] === "事業名" ? [i] : []));
  return setCell(grid, Object.fromEntries(which.map((k) => [`A${starts[k] + 1}`, "事業の名称"])));
}

let dir: string;
let file: string;
let ja: Run;
let en: Run;
let json: Run;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "chosahyo-read-counts-"));
  file = path.join(dir, "short.xlsx");
  const toc = sheet("目次", [
    ["目次"],
    [],
    ["事業名", "担当課", "頁"],
    ["事業A", "企画調整課", 1],
    ["事業B", "企画調整課", 2],
    ["事業C", "企画調整課", 3],
  ]);
  const short = renamed(musashinoSheet([{ name: "事業A" }, { name: "事業B" }, { name: "事業C" }]), [1]);
  const none = renamed(musashinoSheet([{ name: "事業D" }], "取組状況2"), [0]);
  writeFileSync(file, await specsToXlsx([toc, short, none].map(gridSpec)));
  ja = await cli(["validate", file]);
  en = await cli(["validate", file, "--lang", "en"]);
  json = await cli(["validate", file, "--json"]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The line under a sheet's line: what was read from it. */
function countsUnder(out: string, sheetLine: string): string {
  const lines = out.split("\n");
  const i = lines.findIndex((l) => l.startsWith(`  ${sheetLine}  …`));
  expect(i).toBeGreaterThan(-1);
  return lines[i + 1].trim();
}

test("the text report gives each sheet its count: the 目次's 3 rows, 2 records, and 0 for the sheet read empty, each on its own line", () => {
  expect(countsUnder(ja.stdout, "目次")).toBe("一覧 3 行");
  expect(countsUnder(ja.stdout, "取組状況")).toMatch(/^2 件（/);
  expect(countsUnder(ja.stdout, "取組状況2")).toMatch(/^0 件/);
  expect(countsUnder(en.stdout, "取組状況2")).toMatch(/^0 records/);
});

test("each short sheet has one READ-EMPTY error in the findings, and the exit code is 1", () => {
  expect(ja.code).toBe(1);
  const lines = ja.stdout.split("\n").filter((l) => l.includes("READ-EMPTY"));
  expect(lines).toEqual([
    expect.stringMatching(/^ {4}エラー A1 READ-EMPTY: このシートから読み取れた項目は 2 件で、目次に載っている 3 件より少なくなっています。/),
    expect.stringMatching(/^ {4}エラー A2 READ-EMPTY: 武蔵野市 アクションプラン取組状況（取組状況）として認識しましたが、項目を1件も読み取れませんでした。.*見つからなかった見出し: 「事業名」。/),
  ]);
});

test("--json gives each sheet's records and the READ-EMPTY findings at their sheets and cells", () => {
  const doc = JSON.parse(json.stdout) as { files: { sheets: { name: string; records: number }[]; findings: { ruleId: string; sheet: string; cell: string; severity: string }[] }[] };
  expect(doc.files[0].sheets.map((s) => [s.name, s.records])).toEqual([
    ["目次", 3],
    ["取組状況", 2],
    ["取組状況2", 0],
  ]);
  expect(doc.files[0].findings.filter((f) => f.ruleId === "READ-EMPTY").map((f) => `${f.severity} ${f.sheet}!${f.cell}`)).toEqual(["error 取組状況!A1", "error 取組状況2!A2"]);
});
