/**
 * @jest-environment node
 *
 * 配布's plan on the 小平 sample (seeds/kodaira-h29.xlsx): which sheets go to which department, the shared items
 * listed for the office, the list sheet kept, the master's id, and the 武蔵野 取組状況 (several records on one
 * sheet) split by rows. And the form hash: the input cells may change, the form may not.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { formHash, inputAreas } from "../../src/core/cycle/form-hash";
import { deriveMasterId, planSplit, type SplitPlan, storedMasterId } from "../../src/core/cycle/split";
import type { SheetGrid, WorkbookSnapshot } from "../../src/core/model/grid";
import type { SurveyRecord } from "../../src/core/model/record";
import { BUILT_IN_PROFILES, builtInProfile } from "../../src/core/profiles";
import { validateWorkbook, type ValidationReport } from "../../src/core/validate";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { kodairaSeed, ROOT } from "../helpers/grid";

let snap: WorkbookSnapshot;
let report: ValidationReport;
beforeAll(async () => {
  snap = await kodairaSeed();
  report = validateWorkbook(snap, { profiles: BUILT_IN_PROFILES });
});

const ok = (p: ReturnType<typeof planSplit>): SplitPlan => {
  if (!p.ok) throw new Error(`refused: ${p.reason}`);
  return p;
};
const sheetsOf = (plan: SplitPlan, dept: string) => plan.files.find((f) => f.department === dept)?.sheets;
const recordOf = (sheet: string) => report.records.find((r) => r.sheet === sheet && r.role === "records")!;

test("主担当課（最初に書かれた課）ごとに、その課のシートを元の順に", () => {
  const plan = ok(planSplit(snap, report, BUILT_IN_PROFILES));
  expect(sheetsOf(plan, "財政課")).toEqual(["No.15", "No.16", "No.17", "No.18", "No.20", "No.25"]);
  expect(sheetsOf(plan, "文化スポーツ課")).toEqual(["No.2", "No.2-1~5", "No.2-1", "No.30", "No.30-1"]);
  expect(sheetsOf(plan, "市民協働・男女参画推進課")).toEqual(["No.1"]);
  // (旧財産管理課) and (旧行政経営課) are notes: one department.
  expect(sheetsOf(plan, "公共施設マネジメント課")).toEqual(["No.28", "No.36", "No.37", "No.40"]);
  expect(plan.files.map((f) => f.department)).not.toContain("各所管課");
  // Every 調査票 goes to exactly one department; the 評価一覧 to none.
  const recordSheets = [...new Set(report.records.filter((r) => r.role === "records").map((r) => r.sheet))];
  const sent = plan.files.flatMap((f) => f.sheets);
  expect([...sent].sort()).toEqual([...recordSheets].sort());
  expect(plan.kept).toEqual(["評価一覧"]);
  // Each file's sheets are the ones whose first department it is.
  for (const f of plan.files) for (const s of f.sheets) expect(recordOf(s).departments!.list.departments[0].name).toBe(f.department);
});

test("複数の課が書かれた取組は一覧に。主担当課と、ほかに書かれた課（各所管課などを含む）", () => {
  const plan = ok(planSplit(snap, report, BUILT_IN_PROFILES));
  const several = [...new Set(report.records.filter((r) => r.role === "records" && (r.departments?.list.departments.length ?? 0) > 1).map((r) => r.sheet))];
  expect(plan.shared.map((s) => s.sheet)).toEqual(several);
  expect(plan.shared[0]).toEqual({ sheet: "No.1", item: "No.1 協働推進体制の充実", lead: "市民協働・男女参画推進課", others: ["政策課", "各所管課"], sentTo: ["市民協働・男女参画推進課"] });
  expect(plan.shared.find((s) => s.sheet === "No.13")).toMatchObject({ lead: "市民課", others: ["政策課", "全課"] });
});

test("--shared copy: 書かれた課すべてに。各所管課などには送らない", () => {
  const plan = ok(planSplit(snap, report, BUILT_IN_PROFILES, { shared: "copy" }));
  for (const d of ["子育て支援課", "保育課", "道路課", "図書館"]) expect(sheetsOf(plan, d)).toContain("No.38");
  expect(plan.shared.find((s) => s.sheet === "No.38")?.sentTo).toEqual(["子育て支援課", "保育課", "道路課", "図書館"]);
  expect(plan.shared.find((s) => s.sheet === "No.1")?.sentTo).toEqual(["市民協働・男女参画推進課", "政策課"]);
  expect(sheetsOf(plan, "政策課")).toEqual(expect.arrayContaining(["No.1", "No.3", "No.13", "No.14", "No.15", "No.36"]));
  // 契約検査課 and 施設整備課 are only ever named second: with copy they get a file.
  expect(sheetsOf(plan, "契約検査課")).toEqual(["No.36"]);
});

test("各所管課だけの取組: lead では配布先なし（決めてもらう）、copy では全部の課に", () => {
  const wildOnly = (r: SurveyRecord): SurveyRecord =>
    r.sheet === "No.5" && r.role === "records" ? { ...r, departments: { ...r.departments!, list: { departments: [{ name: "各所管課" }], andOthers: false, wildcards: ["各所管課"] } } } : r;
  const changed = { ...report, records: report.records.map(wildOnly) };
  const lead = ok(planSplit(snap, changed, BUILT_IN_PROFILES));
  expect(lead.shared.find((s) => s.sheet === "No.5")).toEqual({ sheet: "No.5", item: "No.5 " + recordOf("No.5").title!.text, others: ["各所管課"], sentTo: [] });
  expect(lead.files.flatMap((f) => f.sheets)).not.toContain("No.5");
  const copy = ok(planSplit(snap, changed, BUILT_IN_PROFILES, { shared: "copy" }));
  for (const f of copy.files) expect(f.sheets).toContain("No.5");
  expect(copy.shared.find((s) => s.sheet === "No.5")?.sentTo).toHaveLength(copy.files.length);
});

test("マスターの id: 保存されたものがあればそれ、なければシートの名前と様式から毎回同じものを", () => {
  const a = ok(planSplit(snap, report, BUILT_IN_PROFILES));
  const b = ok(planSplit(snap, report, BUILT_IN_PROFILES));
  expect(a.masterId).toMatch(/^[0-9a-f]{16}$/);
  expect(b.masterId).toBe(a.masterId);
  const sheets = snap.sheets.filter((g) => a.formHashes[g.name]).map((g) => ({ name: g.name, formHash: a.formHashes[g.name] }));
  expect(a.masterId).toBe(deriveMasterId(sheets));
  expect(deriveMasterId([...sheets.slice(1), sheets[0]])).not.toBe(a.masterId);
  const stored = ok(planSplit({ ...snap, settings: { distribution: JSON.stringify({ masterId: "m-123" }) } }, report, BUILT_IN_PROFILES));
  expect(stored.masterId).toBe("m-123");
  expect(storedMasterId({ distribution: "plain-id" })).toBe("plain-id");
  expect(storedMasterId({ distribution: "{broken" })).toBeUndefined();
  expect(ok(planSplit(snap, report, BUILT_IN_PROFILES, { masterId: "given" })).masterId).toBe("given");
});

test("武蔵野の取組状況（1シートに複数の取組）は行ごとに分ける: 課ごとに、見出し行と自分の取組の行", async () => {
  const book = await XlsxWorkbook.load(readFileSync(path.join(ROOT, "seeds", "musashino-h29.xlsx")));
  const s = await book.readAll();
  const plan = ok(planSplit(s, validateWorkbook(s, { profiles: BUILT_IN_PROFILES }), BUILT_IN_PROFILES));
  expect(plan.files.every((f) => f.sheets.length === 1 && f.sheets[0] === "取組状況" && f.rows!["取組状況"][0].from === 1)).toBe(true);
  // Rows are disjoint past the headings: in "lead" mode no record's rows go to two departments.
  const owners = new Map<number, string[]>();
  for (const f of plan.files) for (const r of f.rows!["取組状況"]) for (let i = Math.max(r.from, 8); i <= r.to; i++) owners.set(i, [...(owners.get(i) ?? []), f.department]);
  expect([...owners.values()].some((d) => d.length > 1)).toBe(true); // heading rows are shared…
  const grid = s.sheets.find((g) => g.name === "取組状況")!;
  const label = (i: number) => String(grid.rows[i - 1]?.[0] ?? "");
  expect([...owners].filter(([i, d]) => d.length > 1 && label(i) === "事業名")).toEqual([]); // …records are not
});

// ---- form hash ----

/** The grid with some cells set (absolute 0-based places). */
function withCells(grid: SheetGrid, cells: readonly { row: number; col: number; value: string }[]): SheetGrid {
  const rows = grid.rows.map((r) => [...r]);
  for (const c of cells) {
    const r = c.row - grid.top;
    while (rows.length <= r) rows.push([]);
    rows[r][c.col - grid.left] = c.value;
  }
  return { ...grid, rows };
}

test("様式のハッシュ: 入力欄（実績・評価・コメント・来年度・下半期値・年度実績）を変えても同じ", () => {
  const grid = snap.sheets.find((g) => g.name === "No.15")!;
  const recs = [recordOf("No.15")];
  const profile = builtInProfile("kodaira-chosahyo");
  const before = formHash(grid, recs, profile);
  const rec = recs[0];
  const inputs = [rec.texts.result?.cell ?? rec.emptyCells.result, rec.codes.eval1?.cell ?? rec.emptyCells.eval1, rec.texts.next?.cell ?? rec.emptyCells.next, rec.indicators[0]?.actual?.cell ?? rec.indicators[0]?.actualCell].filter((c) => !!c);
  expect(inputs.length).toBe(4);
  const eval1 = (rec.codes.eval1?.cell ?? rec.emptyCells.eval1)!;
  const filled = withCells(grid, [...inputs.map((c) => ({ ...c!, value: "部署の記入" })), { row: eval1.row + 1, col: eval1.col, value: "コメント" }]);
  expect(formHash(filled, recs, profile)).toBe(before);
  expect(inputAreas(grid, recs, profile).length).toBeGreaterThanOrEqual(inputs.length);
});

test("様式のハッシュ: 見出し・取組名・結合が変わると変わる", () => {
  const grid = snap.sheets.find((g) => g.name === "No.15")!;
  const recs = [recordOf("No.15")];
  const before = formHash(grid, recs);
  const title = recs[0].title!.cell;
  expect(formHash(withCells(grid, [{ ...title, value: "No.15 別の取組" }]), recs)).not.toBe(before);
  expect(formHash(withCells(grid, [{ row: 0, col: 0, value: "別の表題" }]), recs)).not.toBe(before);
  expect(formHash({ ...grid, merges: grid.merges.slice(1) }, recs)).not.toBe(before);
  // Another sheet's form differs from this one's.
  expect(formHash(snap.sheets.find((g) => g.name === "No.16")!, [recordOf("No.16")])).not.toBe(before);
});
