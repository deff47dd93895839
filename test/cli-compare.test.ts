/**
 * @jest-environment node
 *
 * `chosahyo compare <last.xlsx> <this.xlsx> [--json]` and `validate --previous <last.xlsx>` on 小平's sample and the
 * next year built from it (test/compare/next-year.ts): what is printed, the JSON shape (docs/compare.md), the refusals
 * in words, and that neither file is written.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cli } from "./helpers/cli";
import { ROOT } from "./helpers/grid";
import { kodairaPairOnDisk } from "./compare/next-year";

jest.setTimeout(240_000);

let work: string;
let h29: string;
let h30: string;
let remove: () => void;
beforeAll(async () => {
  ({ work, h29, h30, remove } = await kodairaPairOnDisk("chosahyo-compare-"));
});
afterAll(() => remove());

const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");

test("人が読む出力: 年度、件数、変化のあった取組、前年度と比べた指摘。どちらのファイルも変わらない", async () => {
  const before = [sha(h29), sha(h30)];
  const r = await cli(["compare", h29, h30]);
  expect([r.code, r.stderr]).toEqual([0, ""]);
  const lines = r.stdout.trimEnd().split("\n");
  expect(lines.slice(0, 7)).toEqual([
    "■ 前年度比較: 平成29年度 → 平成30年度",
    "取組: 継続 57・新規 0・前年度のみ 1・終了 0・再開 0・分割 0・統合 0（番号が変わったもの 1）",
    "1次評価: 上がった 2・同じ 48・下がった 3",
    "2次評価: 上がった 2・同じ 48・下がった 3",
    "指標: 改善 0・同じ 45・悪化 1（前年度は達成、今年度は未達成 1）",
    "文章: 前年度と同じ 1・ほぼ同じ 0・新しい 103",
    "変化のあった取組:",
  ]);
  expect(lines).toContain("  No.7「観光まちづくりの推進」: 1次評価 S→B ↓2（最低）、2次評価 S→B ↓2（最低）");
  expect(lines).toContain("  No.41「市民参加の更なる推進に係る検討」: 番号 No.9 → No.41");
  expect(lines).toContain("  No.40「指定管理者制度の検証」: 今年度のブックにない");
  expect(lines).toContain("前年度と比べた指摘: 10 件");
  expect(lines).toContain("  警告 No.10!D8 TEXT-UNCHANGED: 取組実績(D)が前年度（No.10!D8）と同じです。今年度の内容を記入してください。");
  expect([sha(h29), sha(h30)]).toEqual(before);
});

test("--json: 形の決まった JSON（docs/compare.md）", async () => {
  const r = await cli(["compare", h29, h30, "--json"]);
  expect(r.code).toBe(0);
  const j = JSON.parse(r.stdout);
  expect(Object.keys(j)).toEqual(["last", "this", "refusal", "profiles", "onlyLast", "onlyThis", "totals", "items", "findings"]);
  expect([j.last, j.this, j.refusal, j.profiles]).toEqual([{ path: h29, fiscalYear: 2017 }, { path: h30, fiscalYear: 2018 }, null, ["kodaira-chosahyo"]]);
  expect(j.items).toHaveLength(58);
  const no7 = j.items.find((x: { this: { id: string } | null }) => x.this?.id === "7");
  expect(no7).toEqual({
    profile: "kodaira-chosahyo",
    change: "continued",
    matchedBy: "id",
    renumbered: false,
    last: { sheet: "No.7", cell: "A5", id: "7", name: "観光まちづくりの推進", group: "地域協働の推進", departments: ["産業振興課"], ended: false },
    this: { sheet: "No.7", cell: "A5", id: "7", name: "観光まちづくりの推進", group: "地域協働の推進", departments: ["産業振興課"], ended: false },
    partners: [],
    ratings: [
      { field: "eval1", label: "1次評価", last: "S", this: "B", lastCell: "F8", thisCell: "F8", change: "down", steps: 2, toLowest: true, highlight: true },
      { field: "eval2", label: "2次評価", last: "S", this: "B", lastCell: "G8", thisCell: "G8", change: "down", steps: 2, toLowest: true, highlight: true },
    ],
    indicators: [
      { name: "アクションプラン50の実施数", last: { text: "36", cell: "E5" }, this: { text: "36", cell: "E5" }, direction: "higher", trend: "same", metLast: true, metNow: true, regressed: false, thisCell: "E5" },
    ],
    texts: [
      expect.objectContaining({ field: "result", label: "取組実績(D)", verdict: "new", short: false, lastCell: "D8", thisCell: "D8" }),
      expect.objectContaining({ field: "next", label: "課題と今後の取組(A)", verdict: "new", short: false, lastCell: "H8", thisCell: "H8" }),
    ],
    carry: [{ from: "next", to: "plan", fromLabel: "課題と今後の取組(A)", toLabel: "当初予定(P)", reflected: true, similarity: 1, lastCell: "H8", thisCell: "A8" }],
  });
  expect(j.items.find((x: { change: string }) => x.change === "removed")).toEqual(expect.objectContaining({ this: null, last: expect.objectContaining({ id: "40" }) }));
  expect(j.findings.map((f: { ruleId: string; sheet: string; cell: string }) => `${f.ruleId} ${f.sheet}!${f.cell}`)).toEqual([
    "ITEM-DROPPED 評価一覧!A1",
    "RATING-DROPPED No.5!F8",
    "RATING-DROPPED No.5!G8",
    "RATING-DROPPED No.7!F8",
    "RATING-DROPPED No.7!G8",
    "TEXT-UNCHANGED No.10!D8",
    "PLAN-CARRYOVER-MISSING No.11!A8",
    "RATING-DROPPED No.28!F8",
    "RATING-DROPPED No.28!G8",
    "IND-REGRESSED No.42!E5",
  ]);
  expect(Object.keys(j.findings[0])).toEqual(["ruleId", "severity", "sheet", "cell", "recordId", "message"]);
  const en = JSON.parse((await cli(["compare", h29, h30, "--json", "--lang", "en"])).stdout);
  expect(en.items.find((x: { this: { id: string } | null }) => x.this?.id === "7").ratings[0].label).toBe("1st evaluation");
});

test("validate --previous: いつもの検証に前年度と比べた指摘が加わる（--json でも）", async () => {
  const alone = JSON.parse((await cli(["validate", h30, "--json"])).stdout);
  const withPrevious = JSON.parse((await cli(["validate", h30, "--json", "--previous", h29])).stdout);
  const yoy = ["ITEM-DROPPED", "RATING-DROPPED", "TEXT-UNCHANGED", "PLAN-CARRYOVER-MISSING", "IND-REGRESSED"];
  type F = { ruleId: string };
  expect(alone.files[0].findings.filter((f: F) => yoy.includes(f.ruleId))).toEqual([]);
  expect(withPrevious.files[0].findings.filter((f: F) => yoy.includes(f.ruleId))).toHaveLength(10);
  expect(withPrevious.files[0].findings.filter((f: F) => !yoy.includes(f.ruleId))).toEqual(alone.files[0].findings);
  const human = await cli(["validate", h30, "--previous", h29]);
  expect(human.stdout).toContain("TEXT-UNCHANGED: 取組実績(D)が前年度（No.10!D8）と同じです。");
});

test("断る: 様式の違うブック（終了コード 1、理由を言う）、順序が逆、ファイルが2つでない、読めない前年度", async () => {
  const musashino = path.join(ROOT, "seeds", "musashino-h29.xlsx");
  const other = await cli(["compare", h29, musashino]);
  expect([other.code, other.stdout, other.stderr.trim()]).toEqual([
    1,
    "",
    "前年度のブック（kodaira-chosahyo）と今年度のブック（musashino-torikumi）は様式が違うため、比較できません。",
  ]);
  const json = JSON.parse((await cli(["compare", h29, musashino, "--json"])).stdout);
  expect([json.refusal.kind, json.items, json.totals]).toEqual(["different-profiles", [], null]);
  const swapped = await cli(["compare", h30, h29, "--lang", "en"]);
  expect([swapped.code, swapped.stderr.trim()]).toEqual([
    1,
    "The workbook given as last year's is FY2018 and the one given as this year's is FY2017. Give last year's workbook first and this year's second.",
  ]);
  const one = await cli(["compare", h29]);
  expect([one.code, one.stderr.trim()]).toEqual([2, "compare には、前年度のブックと今年度のブックをこの順に指定してください: chosahyo compare <前年度.xlsx> <今年度.xlsx>"]);
  expect((await cli(["compare", h29, h30, "--drop-ended"])).code).toBe(2); // an option compare does not take
  const missing = await cli(["validate", h30, "--previous", path.join(work, "none.xlsx")]);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain("none.xlsx");
  const refused = await cli(["validate", musashino, "--previous", h29]);
  expect(refused.stderr).toContain(`前年度のブック ${h29} とは比較しません: 前年度のブック（kodaira-chosahyo）と今年度のブック（musashino-torikumi）は様式が違うため、比較できません。`);
});

test("--help に compare の使い方がある", async () => {
  expect((await cli(["--help"])).stdout).toContain("chosahyo compare <前年度.xlsx> <今年度.xlsx>");
});

test("前年度との対応をペインで訂正したブック（設定 compareMatches）は、CLI の compare と validate --previous でも訂正どおりに比べる", async () => {
  const { XlsxWorkbook } = await import("../src/workbook/xlsx/xlsx-workbook");
  const { COMPARE_MATCHES_KEY, serializeMatchCorrections, withCorrection } = await import("../src/core/compare/matches");
  // This year's No.41 (last year's No.9, renumbered) paired by hand with last year's No.40, as the pane stores it.
  const book = await XlsxWorkbook.load(readFileSync(h30), "h30.xlsx");
  await book.writeSettings({ [COMPARE_MATCHES_KEY]: serializeMatchCorrections(withCorrection(undefined, { this: { sheet: "No.9", id: "41" }, last: { sheet: "No.40", id: "40" } })) });
  const corrected = path.join(work, "h30-corrected.xlsx");
  writeFileSync(corrected, await book.toBytes());

  const j = JSON.parse((await cli(["compare", h29, corrected, "--json"])).stdout);
  const no41 = j.items.find((x: { this: { id: string } | null }) => x.this?.id === "41");
  expect([no41.last.id, no41.matchedBy]).toEqual(["40", "user"]);
  expect(j.items.filter((x: { change: string }) => x.change === "removed").map((x: { last: { id: string } }) => x.last.id)).toEqual(["9"]);
  const dropped = (findings: { ruleId: string; message: string }[]) => findings.filter((f) => f.ruleId === "ITEM-DROPPED").map((f) => f.message);
  expect(dropped(j.findings)).toEqual([expect.stringContaining("No.9")]);

  const v = JSON.parse((await cli(["validate", corrected, "--previous", h29, "--json"])).stdout);
  expect(dropped(v.files[0].findings)).toEqual([expect.stringContaining("No.9")]);
});

test("ペインで前年度を写したブック（非表示の 前年度_ シートと設定 previousYear）: CLI も前年度のシートを今年度の検証から外し、前年度として比べる; summarize は前年度比較を作る", async () => {
  const { XlsxWorkbook } = await import("../src/workbook/xlsx/xlsx-workbook");
  const { keepPreviousYearInBook } = await import("../src/workbook/xlsx/previous-year");
  const last = await XlsxWorkbook.load(readFileSync(h29), "h29.xlsx");
  const book = await XlsxWorkbook.load(readFileSync(h30), "h30.xlsx");
  await keepPreviousYearInBook(book, { name: "kodaira-h29.xlsx", bytes: new Uint8Array(readFileSync(h29)) }, { sheets: last.sheetNames(), fiscalYear: 2017 });
  const kept = path.join(work, "h30-with-h29.xlsx");
  writeFileSync(kept, await book.toBytes());

  // The same findings as validate --previous on the two files, and no 前年度_ sheet among this year's.
  const withKept = JSON.parse((await cli(["validate", kept, "--json"])).stdout).files[0];
  const withFlag = JSON.parse((await cli(["validate", h30, "--previous", h29, "--json"])).stdout).files[0];
  expect(withKept.sheets.map((s: { name: string }) => s.name)).toEqual(withFlag.sheets.map((s: { name: string }) => s.name));
  const key = (f: { ruleId: string; sheet: string; cell: string }) => `${f.ruleId} ${f.sheet}!${f.cell}`;
  expect(withKept.findings.map(key).sort()).toEqual(withFlag.findings.map(key).sort());
  expect(withKept.findings.some((f: { ruleId: string }) => f.ruleId === "ITEM-DROPPED")).toBe(true);

  const out = path.join(work, "summaries-kept.xlsx");
  const s = await cli(["summarize", kept, "-o", out]);
  expect(s.code).toBeLessThan(2);
  expect((await XlsxWorkbook.load(readFileSync(out), "out.xlsx")).sheetNames()).toContain("前年度比較");
});
