/**
 * @jest-environment node
 *
 * The 小平 plan's item list (seeds/data/kodaira/plan-items.csv) made into a new plan's blank workbook, pinned: its
 * sheets, the title and headers of the first and last 調査票 by address, the 評価一覧's rows. The workbook is written
 * to .xlsx bytes and read back through the add-in's own reader, which must take it for the canonical layout.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { t } from "../../src/core/i18n";
import { toA1 } from "../../src/core/model/address";
import { cellText } from "../../src/core/model/cell";
import type { SheetGrid } from "../../src/core/model/grid";
import { newPlanSpecs, type NewPlanWorkbook } from "../../src/core/new-plan/build";
import { type PlanItem, readPlanCsv, readPlanWorkbook } from "../../src/core/new-plan/plan-list";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { validateWorkbook, type ValidationReport } from "../../src/core/validate";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { kodairaPlanItemsCsv } from "../../scripts/seeds/kodaira-plan-items";
import { ROOT } from "../helpers/grid";

const PROFILE = BUILT_IN_PROFILES.find((p) => p.id === "kodaira-chosahyo")!;
const CSV = path.join(ROOT, "seeds", "data", "kodaira", "plan-items.csv");
const OPTIONS = { planPeriod: { from: 2017, to: 2020 }, planName: "第3次行財政再構築" };

let items: readonly PlanItem[];
let built: NewPlanWorkbook;
let book: XlsxWorkbook;
let report: ValidationReport;

function cells(grid: SheetGrid): Map<string, string> {
  const out = new Map<string, string>();
  grid.rows.forEach((row, i) => row.forEach((v, j) => v !== null && out.set(toA1(grid.top + i, grid.left + j), cellText(v))));
  return out;
}

beforeAll(async () => {
  const list = readPlanCsv(readFileSync(CSV, "utf8"), PROFILE);
  if (!list.ok) throw new Error(list.problems.map((p) => t("ja", p.key, p.params)).join("\n"));
  items = list.items;
  const r = newPlanSpecs(items, PROFILE, OPTIONS);
  if (!r.ok) throw new Error("not built");
  built = r;
  const out = XlsxWorkbook.create();
  out.addUserSheets(built.specs);
  book = await XlsxWorkbook.load(await out.toBytes());
  report = validateWorkbook(await book.readAll(), { profiles: BUILT_IN_PROFILES });
});

test("the committed CSV is what the seed script makes from items.json (UTF-8 with a BOM, CRLF)", () => {
  const committed = readFileSync(CSV, "utf8");
  expect(committed).toBe(kodairaPlanItemsCsv());
  expect(committed.startsWith("\uFEFF方針,No.,取組項目,所管課,目的・ねらい,財政効果\r\n")).toBe(true);
});

test("sheets: the 評価一覧, then one 調査票 per item in list order; the reposts No.29 and No.41 get none", () => {
  const surveys = Array.from({ length: 43 }, (_, i) => `No.${i + 1}`).filter((n) => n !== "No.29" && n !== "No.41");
  expect(book.sheetNames()).toEqual(["評価一覧", ...surveys]);
  expect(built.reposts.map((r) => `${r.id}→${r.repostOf}`)).toEqual(["29→15", "41→7"]);
});

test("the first and the last 調査票: title, headers and the cells filled from the list, by address; every input blank", () => {
  // Three blank 工程表 rows (5–7) under the item; then P-D-C-A (9–11) and the yearly results (13–14).
  const expectedHeaders = (id: string, title: string, purpose: string, departments: string) => ({
    A1: "第3次行財政再構築進捗状況調査票（平成29年度末）",
    A3: "取り組み項目・内容",
    B3: "指標",
    C3: "現状値 (計画初期値)\n平成29年3月末",
    D3: "目標値",
    E3: "下半期値\n平成30年3月末",
    F3: "工程表",
    F4: "実施内容",
    G4: "平成29年度",
    H4: "平成30年度",
    I4: "平成31年度",
    J4: "平成32年度",
    A5: `No.${id} ${title}\n<目的・ねらい>\n${purpose}`,
    A9: "平成29年度 当初予定(P)",
    C9: "所管課",
    D9: "取組実績(D)",
    F9: "1次評価(C)",
    G9: "2次評価(C)",
    H9: "来年度に向けての課題と今後の取組(A)",
    C10: departments,
    A13: "平成29年度実績",
    C13: "平成30年度実績",
    E13: "平成31年度実績",
    G13: "平成32年度実績",
  });
  // Nothing else is written: indicators, tasks, P, D, ratings, A and the yearly results are the departments' to fill.
  expect(Object.fromEntries(cells(book.sheetGrid("No.1")!))).toEqual(
    expectedHeaders("1", "協働推進体制の充実", "市民活動を支援し、協働推進体制の充実を図る。", "市民協働・男女参画推進課、政策課 他"),
  );
  expect(Object.fromEntries(cells(book.sheetGrid("No.43")!))).toEqual(expectedHeaders("43", "広域連携の推進", "市域を超えた行政課題への効果的かつ効率的な対応を図る。", "政策課"));
});

test("the title and the schedule's headers are those of the sample workbook's No.1, cell for cell", async () => {
  const seed = await XlsxWorkbook.load(readFileSync(path.join(ROOT, "seeds", "kodaira-h29.xlsx")));
  const sample = cells(seed.sheetGrid("No.1")!);
  const mine = cells(book.sheetGrid("No.1")!);
  for (const a of ["A1", "A3", "B3", "D3", "E3", "F3", "F4", "G4", "H4", "I4", "J4"]) expect([a, mine.get(a)]).toEqual([a, sample.get(a)]);
});

test("the 評価一覧: 43 rows under the two-row header, 方針 on each group's first row, no ratings", () => {
  const grid = book.sheetGrid("評価一覧")!;
  const c = cells(grid);
  expect(grid.top + grid.rows.length).toBe(4 + 43);
  expect([1, 3, 4].map((r) => ["A", "B", "C", "D", "E", "F", "G"].map((col) => c.get(`${col}${r}`) ?? ""))).toEqual([
    ["第3次行財政再構築プラン 29年度末評価", "", "", "", "", "", ""],
    ["項目(方針)", "No.", "取組項目", "主な推進担当課", "29年度下半期評価", "", "目的・ねらい"],
    ["", "", "", "", "所管課", "行革本部", ""],
  ]);
  const row = (r: number) => ["A", "B", "C", "D", "E", "F", "G"].map((col) => c.get(`${col}${r}`) ?? "");
  expect(row(5)).toEqual(["地域協働の推進", "1", "協働推進体制の充実", "市民協働・男女参画推進課、政策課 他", "", "", "市民活動を支援し、協働推進体制の充実を図る。"]);
  expect(row(33)).toEqual(["", "29", "【フォローアップ】 スクラップアンドビルドの徹底 【No.15の再掲】", "財政課", "", "", expect.stringMatching(/^限られた財源/)]);
  expect(row(47)).toEqual(["", "43", "【フォローアップ】 広域連携の推進", "政策課", "", "", "市域を超えた行政課題への効果的かつ効率的な対応を図る。"]);
  expect([...c.keys()].filter((a) => /^A\d+$/.test(a) && Number(a.slice(1)) >= 5).map((a) => c.get(a))).toEqual([
    "地域協働の推進",
    "情報の共有と双方向のコミュニケーション",
    "PDCAサイクルの構築",
    "財政基盤の強化",
    "執行体制の再構築",
  ]);
  // No 財政効果 in the list: no column for it.
  expect([...c.keys()].some((a) => a.startsWith("H"))).toBe(false);
});

test("read back by the checker: 41 調査票 and the 評価一覧 recognised, and the only findings are the blank required inputs", () => {
  const recognised = report.sheets.filter((s) => s.status === "recognised");
  expect(recognised).toHaveLength(42);
  expect(recognised.filter((s) => s.layoutId === "survey")).toHaveLength(41);
  expect(recognised.filter((s) => s.layoutId === "list").map((s) => [s.name, s.records])).toEqual([["評価一覧", 43]]);
  expect(report.fiscalYear).toBe(2017);
  expect(report.planPeriods?.map((p) => [p.from, p.to])).toEqual([[2017, 2020]]);
  // The records are the list's items: same numbers, titles, tags, reposts, 方針 and purposes.
  const list = report.records.filter((r) => r.role === "list");
  expect(list.map((r) => [r.id?.text, r.title?.text, r.tags, r.repostOf, r.group?.text, r.purpose?.text])).toEqual(
    items.map((i) => [i.id, i.title, i.tags, i.repostOf, i.group, i.purpose]),
  );
  const surveys = report.records.filter((r) => r.role === "records");
  expect(surveys.map((r) => [r.id?.text, r.title?.text, r.purpose?.text])).toEqual(items.filter((i) => !i.repostOf).map((i) => [i.id, i.title, i.purpose]));
  // Blank inputs only: 1次評価 on every list row and 調査票, 取組実績(D) on every 調査票.
  expect([...new Set(report.findings.map((f) => f.ruleId))]).toEqual(["REQUIRED-MISSING"]);
  const where = (sheet: string) => report.findings.filter((f) => f.sheet === sheet).map((f) => f.cell);
  expect(where("No.1").sort()).toEqual(["D10", "F10"]);
  expect(where("評価一覧")).toEqual(Array.from({ length: 43 }, (_, i) => `E${i + 5}`));
  expect(report.findings).toHaveLength(43 + 41 * 2);
});

test("an earlier plan's workbook gives the same items through its 評価一覧 (as the sample keeps it, and as the city prints it)", async () => {
  for (const file of ["kodaira-h29.xlsx", "kodaira-h29-list-as-printed.xlsx"]) {
    const seed = await XlsxWorkbook.load(readFileSync(path.join(ROOT, "seeds", file)));
    const read = readPlanWorkbook(await seed.readAll(), PROFILE);
    if (!read.ok) throw new Error(read.problems.map((p) => t("ja", p.key, p.params)).join("\n"));
    expect(read.source).toEqual({ sheet: "評価一覧" });
    const strip = (i: PlanItem) => ({ ...i, row: 0 });
    expect([file, read.items.map(strip)]).toEqual([file, items.map(strip)]);
  }
});

test("the plan period sets every year: a 令和 plan, a plan across the change of era, and another plan name", () => {
  const grid = (opts: Parameters<typeof newPlanSpecs>[2]) => {
    const r = newPlanSpecs(items.slice(0, 2), PROFILE, opts);
    if (!r.ok) throw new Error("not built");
    const spec = r.specs[1];
    const at = (a: string) => spec.cells.find((c) => toA1(c.row, c.col) === a)?.value;
    return { at, list: r.specs[0] };
  };
  const reiwa = grid({ planPeriod: { from: 2027, to: 2030 }, planName: "第4次行財政改革" });
  expect(reiwa.at("A1")).toEqual({ t: "text", v: "第4次行財政改革進捗状況調査票（令和9年度末）" });
  expect(["G4", "H4", "I4", "J4"].map((a) => reiwa.at(a))).toEqual(["令和9年度", "令和10年度", "令和11年度", "令和12年度"].map((v) => ({ t: "text", v })));
  expect(reiwa.at("C3")).toEqual({ t: "text", v: "現状値 (計画初期値)\n令和9年3月末" });
  expect(reiwa.at("E3")).toEqual({ t: "text", v: "下半期値\n令和10年3月末" });
  expect(reiwa.list.cells[0].value).toEqual({ t: "text", v: "第4次行財政改革プラン 9年度末評価" });
  // A plan starting in fiscal 2019 is a 令和 plan, but its baseline date, March 2019, was still 平成31.
  const change = grid({ planPeriod: { from: 2019, to: 2021 } });
  expect(change.at("A1")).toEqual({ t: "text", v: "進捗状況調査票（令和元年度末）" });
  expect(change.at("C3")).toEqual({ t: "text", v: "現状値 (計画初期値)\n平成31年3月末" });
  expect(["G4", "H4", "I4", "J4"].map((a) => change.at(a))).toEqual([{ t: "text", v: "令和元年度" }, { t: "text", v: "令和2年度" }, { t: "text", v: "令和3年度" }, undefined]);
});

test("a title pattern of one's own must still read as a 調査票 title", () => {
  const ok = newPlanSpecs(items.slice(0, 1), PROFILE, { ...OPTIONS, titlePattern: "{plan}取組状況調査票（{year}年度末）" });
  expect(ok.ok && ok.specs[1].cells[0].value).toEqual({ t: "text", v: "第3次行財政再構築取組状況調査票（平成29年度末）" });
  const bad = newPlanSpecs(items.slice(0, 1), PROFILE, { ...OPTIONS, titlePattern: "{plan} 進捗管理表" });
  expect(bad.ok ? [] : bad.problems.map((p) => t("ja", p.key, p.params))).toEqual([
    "表題「第3次行財政再構築 進捗管理表」は調査票の表題として読み取れません。「…調査票（平成29年度末）」の形にしてください。",
  ]);
});

test("a 財政効果 in the list goes into the 評価一覧 in its own column, which the reader leaves alone", async () => {
  const withEffect = items.map((i) => (i.id === "20" ? { ...i, fiscalEffect: "約5,000千円" } : i));
  const r = newPlanSpecs(withEffect, PROFILE, OPTIONS);
  if (!r.ok) throw new Error("not built");
  const out = XlsxWorkbook.create();
  out.addUserSheets(r.specs);
  const again = await XlsxWorkbook.load(await out.toBytes());
  const c = cells(again.sheetGrid("評価一覧")!);
  expect([c.get("H3"), c.get("H24"), c.get("H25")]).toEqual(["財政効果", "約5,000千円", undefined]);
  const rep = validateWorkbook(await again.readAll(), { profiles: BUILT_IN_PROFILES });
  expect(rep.findings).toEqual(report.findings);
});
