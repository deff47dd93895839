/**
 * @jest-environment node
 *
 * 年度更新 sets the input aids on next year's sheets by default (docs/input-aids.md): the rating cells that were just
 * cleared get the S/A/B list with a warning alert, the empty required cells are highlighted, 変更履歴 records it; with
 * protection asked, only input cells stay editable. `aids: false` leaves them off.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { rollWorkbook } from "../../src/workbook/xlsx/roll";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { ROOT } from "../helpers/grid";
import { readSheetAids } from "../helpers/input-aids-read";
import { protectedCopy } from "../cycle/collect-fixtures";

jest.setTimeout(60_000);

const SAMPLE = readFileSync(path.join(ROOT, "seeds", "kodaira-h29.xlsx"));

test("既定では No.1 の1次評価・2次評価（F12・G12）に S/A/B の一覧（警告）が付き、空の必須欄が色付けされ、変更履歴に残る", async () => {
  const r = await rollWorkbook(SAMPLE, "k.xlsx", { profiles: BUILT_IN_PROFILES, at: new Date(2018, 3, 1, 9, 0, 0) });
  if (!r.ok) throw new Error("refused");
  const aids = readSheetAids(r.bytes, "No.1");
  const lists = aids.validations.filter((v) => v.type === "list");
  // The template's own F12:G12 list is replaced by one per rating, each with its own input message.
  expect(lists.map((v) => [v.sqref, v.formula1, v.errorStyle])).toEqual([
    ["F12", '"S,A,B"', "warning"],
    ["G12", '"S,A,B"', "warning"],
  ]);
  expect(lists[0].prompt).toContain("S");
  // The ratings were cleared by the rollover, so they are required and empty: highlighted until filled.
  expect(aids.conditionals.some((c) => c.sqref.split(" ").some((s) => /F12/.test(s)))).toBe(true);
  expect(aids.protection).toBeUndefined();
  expect(r.aids?.sheets.find((s) => s.sheet === "No.1")).toEqual(expect.objectContaining({ validations: expect.any(Number), protected: false }));
  const log = (await (await XlsxWorkbook.load(r.bytes)).readAll()).sheets.find((s) => s.name === "変更履歴");
  expect(log?.rows.some((row) => row[1] === "No.1" && String(row[0]).startsWith("2018-04-01 09:00:00"))).toBe(true);
});

test("保護を選ぶと、入力欄（評価・(D)・(A)・下半期値）だけが編集でき、ほかは鍵がかかる", async () => {
  const r = await rollWorkbook(SAMPLE, "k.xlsx", { profiles: BUILT_IN_PROFILES, aids: { protect: true } });
  if (!r.ok) throw new Error("refused");
  const aids = readSheetAids(r.bytes, "No.1");
  expect(aids.protection?.sheet).toBe("1");
  expect(aids.protection?.password).toBeUndefined();
  for (const cell of ["F12", "G12", "D12", "H12", "E5", "A16"]) expect([cell, aids.locked(cell)]).toEqual([cell, false]);
  for (const cell of ["A1", "B5", "C5", "D5", "F5"]) expect([cell, aids.locked(cell)]).toEqual([cell, true]);
});

test("aids: false なら入力規則も変更履歴も付けない", async () => {
  const r = await rollWorkbook(SAMPLE, "k.xlsx", { profiles: BUILT_IN_PROFILES, aids: false });
  if (!r.ok) throw new Error("refused");
  expect(readSheetAids(r.bytes, "No.1").validations.filter((v) => v.type === "list").length).toBe(1);
  expect(r.aids).toBeUndefined();
  const names = (await (await XlsxWorkbook.load(r.bytes)).readAll()).sheets.map((s) => s.name);
  expect(names).not.toContain("変更履歴");
});

test("入力補助で保護したブック（aids --protect）も年度更新でき、入力補助が付き直り、保護は元のまま残る", async () => {
  const guarded = await protectedCopy(new Uint8Array(SAMPLE));
  expect(readSheetAids(guarded, "No.1").protection?.sheet).toBe("1");
  for (const protect of [false, true]) {
    const r = await rollWorkbook(guarded, "k.xlsx", { profiles: BUILT_IN_PROFILES, aids: { protect } });
    if (!r.ok) throw new Error("refused");
    const aids = readSheetAids(r.bytes, "No.1");
    expect([protect, aids.protection?.sheet]).toEqual([protect, "1"]);
    expect(aids.validations.filter((v) => v.type === "list").map((v) => v.sqref)).toEqual(["F12", "G12"]);
    for (const cell of ["F12", "G12", "D12"]) expect([cell, aids.locked(cell)]).toEqual([cell, false]);
    expect(aids.locked("A1")).toBe(true);
  }
});
