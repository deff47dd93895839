/**
 * @jest-environment node
 *
 * 年度更新 of the other samples: the 小平 list as printed (the title and the period header repeated on each printed
 * page move on, the ratings are cleared), the 推進プログラム (next year's plan becomes this year's), and the 三鷹
 * formats that cannot roll, refused by name; a workbook whose structure is protected is refused with nothing written.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { describeRefusal } from "../../src/core/rollover/describe";
import { WorkbookError } from "../../src/workbook/port";
import { rollWorkbook } from "../../src/workbook/xlsx/roll";
import { ROOT } from "../helpers/grid";
import { readPackage } from "../helpers/package-diff";

jest.setTimeout(60_000);

const seed = (name: string) => readFileSync(path.join(ROOT, "seeds", name));
const opts = { profiles: BUILT_IN_PROFILES, aids: false as const };

test("印刷どおりの評価一覧: 表題 A11 と各ページの評価の見出し D13・D45 が進み、ほかは評価の消去だけ（全体で 713 セル）", async () => {
  const r = await rollWorkbook(seed("kodaira-h29-list-as-printed.xlsx"), "p.xlsx", opts);
  if (!r.ok) throw new Error("refused");
  const list = r.plan.changes.filter((c) => c.sheet === "評価一覧");
  expect(list.filter((c) => c.kind === "year").map((c) => [c.cell, c.before, c.after])).toEqual([
    ["A11", "第3次行財政再構築プラン 29年度末評価", "第3次行財政再構築プラン 30年度末評価"],
    ["D13", "29年度下半期評価", "30年度下半期評価"],
    ["D45", "29年度下半期評価", "30年度下半期評価"],
  ]);
  expect(list.filter((c) => c.kind !== "year").every((c) => c.kind === "clear" && /^[SAB]$/.test(c.before) && c.after === null)).toBe(true);
  expect(list.length).toBe(89);
  expect(r.plan.changes.length).toBe(713);
});

test("推進プログラム（表題に年度がない）: 今年度の当初予定の見出しから令和5年度と読み、実績・今年度・来年度の見出しが進み、来年度の予定が今年度へ移り、来年度は空になる", async () => {
  const r = await rollWorkbook(seed("kodaira-program-r6.xlsx"), "p.xlsx", opts);
  if (!r.ok) throw new Error("refused");
  expect([r.plan.fromYear, r.plan.toYear]).toEqual([2023, 2024]);
  expect(r.plan.changes.filter((c) => c.kind === "year").map((c) => [c.cell, c.after])).toEqual([
    ["I5", "令和5年度までの取組実績"],
    ["J5", "令和6年度当初予定・設定目標\n(前年度末の状況)"],
    ["K5", "令和7年度当初予定・設定目標\n(前年度末の状況)"],
  ]);
  // Each item's 令和6年度 plan (column K) becomes its plan for the year (J); K is emptied for the 令和7年度 plan.
  const byCell = new Map(r.plan.changes.map((c) => [c.cell, c] as const));
  const carried = r.plan.changes.filter((c) => c.kind === "carry");
  expect(carried.length).toBe(14);
  for (const c of carried) expect([c.cell, c.after]).toEqual([c.cell, byCell.get(`K${c.cell.slice(1)}`)?.before]);
  expect(r.plan.changes.filter((c) => c.kind === "clear").every((c) => c.cell.startsWith("K") && c.after === null)).toBe(true);
  // The items that ended (※…終了) are listed, their rows kept.
  expect(r.plan.ended.map((e) => e.id)).toEqual(["21", "26", "28"]);
});

test.each([["mitaka-2021.xlsx", "mitaka-shihyo, mitaka-actionplan"]])("%s は年度更新の設定がない様式として断る", async (file, profiles) => {
  const r = await rollWorkbook(seed(file), file, opts);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(describeRefusal(r.refusal).ja).toBe(`年度更新できる調査票がありません。読み取れた様式（${profiles}）には年度更新の設定がありません（docs/rollover.md）。`);
});

test("ブックの保護（シート構成のロック）があると、入力支援の変更履歴も終了した取組の除外もできないので protected-workbook", async () => {
  const pkg = readPackage(seed("kodaira-h29.xlsx"));
  const wb = new TextDecoder().decode(pkg.get("xl/workbook.xml")).replace(/(<bookViews>|<sheets>)/, '<workbookProtection lockStructure="1"/>$1');
  const { zipSync, strToU8 } = await import("fflate");
  const files: Record<string, Uint8Array> = {};
  for (const [k, v] of pkg) files[k] = k === "xl/workbook.xml" ? strToU8(wb) : v;
  await expect(rollWorkbook(zipSync(files), "locked.xlsx", { profiles: BUILT_IN_PROFILES })).rejects.toEqual(new WorkbookError("protected-workbook"));
});
