/**
 * @jest-environment node
 *
 * 年度更新 of the 小平 sample (seeds/kodaira-h29.xlsx, 平成29年度末): the changed cells of next year's workbook, by
 * address, read back from the written file as a user would open it; every other cell stays as it was; the
 * 平成→令和 change; the plan's last year refused; ended items left out on request.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { cellText } from "../../src/core/model/cell";
import { toA1 } from "../../src/core/model/address";
import type { SheetGrid, WorkbookSnapshot } from "../../src/core/model/grid";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { describeRefusal } from "../../src/core/rollover/describe";
import { validateWorkbook } from "../../src/core/validate";
import { rollWorkbook } from "../../src/workbook/xlsx/roll";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { ROOT } from "../helpers/grid";

jest.setTimeout(60_000);

const SAMPLE = readFileSync(path.join(ROOT, "seeds", "kodaira-h29.xlsx"));
const opts = { profiles: BUILT_IN_PROFILES, aids: false as const };

async function open(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  return (await XlsxWorkbook.load(bytes)).readAll();
}

/** Every non-empty cell of a sheet, by address. */
function cells(grid: SheetGrid): Map<string, string> {
  const out = new Map<string, string>();
  grid.rows.forEach((row, r) => row.forEach((v, c) => cellText(v) !== "" && out.set(toA1(grid.top + r, grid.left + c), cellText(v))));
  return out;
}

/** The cells whose text differs between two versions of a sheet: address → [before, after]. */
function changed(before: SheetGrid, after: SheetGrid): Map<string, [string, string]> {
  const a = cells(before);
  const b = cells(after);
  const out = new Map<string, [string, string]>();
  for (const k of new Set([...a.keys(), ...b.keys()])) if ((a.get(k) ?? "") !== (b.get(k) ?? "")) out.set(k, [a.get(k) ?? "", b.get(k) ?? ""]);
  return out;
}

const sheet = (s: WorkbookSnapshot, name: string) => s.sheets.find((g) => g.name === name)!;

let before: WorkbookSnapshot;
let after: WorkbookSnapshot;
let rolledBytes: Uint8Array;
let planned: readonly { sheet: string; cell: string }[];

beforeAll(async () => {
  before = await open(SAMPLE);
  const r = await rollWorkbook(SAMPLE, "kodaira-h29.xlsx", opts);
  if (!r.ok) throw new Error(describeRefusal(r.refusal).ja);
  rolledBytes = r.bytes;
  planned = r.plan.changes;
  after = await open(r.bytes);
});

describe("平成29年度末 → 平成30年度末: No.1 の調査票で変わるセル", () => {
  test("変わるのはこの 10 セルだけ", () => {
    expect([...changed(sheet(before, "No.1"), sheet(after, "No.1")).keys()].sort()).toEqual(["A1", "A11", "A12", "A16", "D12", "E3", "E5", "F12", "G12", "H12"]);
  });

  test("表題・下半期値の時点・当初予定(P) の見出しが1年進む", () => {
    const d = changed(sheet(before, "No.1"), sheet(after, "No.1"));
    expect(d.get("A1")).toEqual(["第3次行財政再構築進捗状況調査票（平成29年度末）", "第3次行財政再構築進捗状況調査票（平成30年度末）"]);
    expect(d.get("E3")).toEqual(["下半期値\n平成30年3月末", "下半期値\n平成31年3月末"]);
    expect(d.get("A11")).toEqual(["平成29年度 当初予定(P)", "平成30年度 当初予定(P)"]);
  });

  test("(A) が次年度の (P) になり、(A)・取組実績(D)・1次評価・2次評価は空になる", () => {
    const b = cells(sheet(before, "No.1"));
    const a = cells(sheet(after, "No.1"));
    expect(a.get("A12")).toBe(b.get("H12"));
    for (const cell of ["H12", "D12", "F12", "G12"]) expect([cell, a.get(cell)]).toEqual([cell, undefined]);
    expect([b.get("F12"), b.get("G12")]).toEqual(["B", "B"]);
  });

  test("下半期値は平成29年度実績の欄へ移り、下半期値の欄は空になる", () => {
    const b = cells(sheet(before, "No.1"));
    const a = cells(sheet(after, "No.1"));
    expect(b.get("A15")).toBe("平成29年度実績");
    expect(a.get("A16")).toBe(b.get("E5"));
    expect(a.get("E5")).toBeUndefined();
  });

  test("現状値・目標値・工程表・取組項目・所管課はそのまま", () => {
    const b = cells(sheet(before, "No.1"));
    const a = cells(sheet(after, "No.1"));
    for (const cell of ["A5", "B5", "C5", "D5", "F5", "F6", "C12", "C3", "G4", "J4"]) expect([cell, a.get(cell)]).toEqual([cell, b.get(cell)]);
  });
});

describe("評価一覧: 表題と評価の見出しが進み、評価は空、取組はそのまま", () => {
  test("変わるのは A1・E3 と、評価の入った所管課・行革本部の欄だけ", () => {
    const d = changed(sheet(before, "評価一覧"), sheet(after, "評価一覧"));
    expect(d.get("A1")).toEqual(["第3次行財政再構築プラン 29年度末評価", "第3次行財政再構築プラン 30年度末評価"]);
    expect(d.get("E3")).toEqual(["29年度下半期評価", "30年度下半期評価"]);
    const ratings = [...d.entries()].filter(([k]) => k !== "A1" && k !== "E3");
    expect(ratings.every(([k, [b, a]]) => /^[EF]\d+$/.test(k) && /^[SAB]$/.test(b) && a === "")).toBe(true);
    // 43 items, each rated by 所管課 and 行革本部 except where the sample leaves it blank.
    const rated = [...cells(sheet(before, "評価一覧")).entries()].filter(([k, v]) => /^[EF]\d+$/.test(k) && Number(k.slice(1)) > 4 && /^[SAB]$/.test(v));
    expect(ratings.length).toBe(rated.length);
  });
});

describe("次年度のブックを読み直すと", () => {
  test("対象年度は平成30年度、シートは同じ 59 枚、評価は一つも残らない", () => {
    const rep = validateWorkbook(after, opts);
    expect(rep.fiscalYear).toBe(2018);
    expect(after.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
    expect(rep.records.filter((r) => r.codes.eval1?.raw || r.codes.eval2?.raw)).toEqual([]);
    expect(rep.findings.filter((f) => f.ruleId === "YEAR-HEADER" || f.ruleId === "FY-INCONSISTENT")).toEqual([]);
  });

  test("変わったセルは計画が挙げたセルとちょうど同じ（58 枚の調査票と評価一覧で 712 セル）", () => {
    const seen: string[] = [];
    for (const g of before.sheets) for (const k of changed(g, sheet(after, g.name)).keys()) seen.push(`${g.name}!${k}`);
    expect(seen.sort()).toEqual(planned.map((c) => `${c.sheet}!${c.cell}`).sort());
    expect(seen.length).toBe(712);
  });
});

describe("平成から令和へ", () => {
  test("2回目で令和元年度末、3回目で令和2年度末、4回目は計画期間（平成29〜平成32年度）を過ぎるので断る", async () => {
    const r2 = await rollWorkbook(rolledBytes, "h30.xlsx", opts);
    if (!r2.ok) throw new Error("second roll refused");
    const s2 = await open(r2.bytes);
    expect(cells(sheet(s2, "No.1")).get("A1")).toBe("第3次行財政再構築進捗状況調査票（令和元年度末）");
    expect(cells(sheet(s2, "No.1")).get("A11")).toBe("令和元年度 当初予定(P)");
    expect(cells(sheet(s2, "No.1")).get("E3")).toBe("下半期値\n令和2年3月末");
    expect(cells(sheet(s2, "評価一覧")).get("E3")).toBe("令和元年度下半期評価");
    // The 平成30年度実績 cell got the 平成30年度 下半期値 (empty after the first roll, so nothing moved).
    expect(validateWorkbook(s2, opts).fiscalYear).toBe(2019);

    const r3 = await rollWorkbook(r2.bytes, "r1.xlsx", opts);
    if (!r3.ok) throw new Error("third roll refused");
    const s3 = await open(r3.bytes);
    expect(cells(sheet(s3, "No.1")).get("A1")).toBe("第3次行財政再構築進捗状況調査票（令和2年度末）");
    expect(cells(sheet(s3, "評価一覧")).get("E3")).toBe("令和2年度下半期評価");

    const r4 = await rollWorkbook(r3.bytes, "r2.xlsx", opts);
    expect(r4.ok).toBe(false);
    if (r4.ok) return;
    expect(r4.refusal).toEqual({ kind: "past-plan-end", fromYear: 2020, toYear: 2021, period: { from: 2017, to: 2020 } });
    expect(describeRefusal(r4.refusal).ja).toBe(
      "令和2年度の次は令和3年度ですが、計画期間（平成29年度〜令和2年度）を過ぎています。計画の最終年度からは年度更新できません。次の計画の調査票は「新しい計画」で作成してください。",
    );
  });
});
