/**
 * @jest-environment node
 *
 * 前年度比較 on 小平's sample (平成29年度) and the next year the test builds from it (next-year.ts: 年度更新, then five
 * ratings changed, one 取組実績 copied, one indicator slipped, one item dropped, one renumbered, one (P) that is not last
 * year's (A)): exactly those rows stand out of the comparison, and exactly those findings come from the rules.
 */
import { compareYears } from "../../src/core/compare/compare";
import type { ItemRow, YearComparison } from "../../src/core/compare/types";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { kodairaNextYear, validated, type Year } from "./next-year";

jest.setTimeout(120_000);

let last: Year;
let next: Year;
let comparison: YearComparison;
beforeAll(async () => {
  ({ last, next } = await kodairaNextYear());
  const r = compareYears(last.report, next.report, BUILT_IN_PROFILES);
  if (!r.ok) throw new Error(`refused: ${r.refusal.kind}`);
  comparison = r.comparison;
});

/** A row as the summary sheet will show it, with only what differs from "went on as it was". */
function outline(r: ItemRow) {
  const ref = r.this ?? r.last!;
  return {
    item: `${ref.id ? `No.${ref.id} ` : ""}${ref.name}`,
    change: r.change,
    ...(r.renumbered ? { renumbered: `${r.last!.id}→${r.this!.id}`, matchedBy: r.matchedBy } : {}),
    ...(r.ratings.some((x) => x.change !== "same")
      ? { ratings: r.ratings.map((x) => `${x.field} ${x.last}→${x.this} ${x.change}${x.steps > 1 ? x.steps : ""}${x.toLowest ? " lowest" : ""}${x.highlight ? " !" : ""}`) }
      : {}),
    ...(r.indicators.some((x) => x.trend !== "same" && x.trend !== "undeterminable")
      ? { indicators: r.indicators.map((x) => `${x.name} ${x.last?.text}→${x.this?.text} ${x.trend}${x.regressed ? " met→unmet" : ""}`) }
      : {}),
    ...(r.texts.some((x) => x.verdict !== "new") ? { texts: r.texts.map((x) => `${x.field} ${x.verdict}`) } : {}),
    ...(r.carry.some((x) => !x.reflected) ? { carry: r.carry.map((x) => `${x.from}→${x.to} ${x.reflected ? "reflected" : "missing"} at ${x.thisCell}`) } : {}),
  };
}

test("年度と件数: 平成29年度 → 平成30年度、58件のうち57件が続き、1件がなくなり、1件の番号が変わった", () => {
  expect([comparison.lastYear, comparison.thisYear, comparison.profiles]).toEqual([2017, 2018, ["kodaira-chosahyo"]]);
  expect(comparison.totals).toEqual({
    items: { continued: 57, added: 0, removed: 1, ended: 0, restarted: 0, split: 0, merged: 0 },
    renumbered: 1,
    ratings: [
      { field: "eval1", up: 2, same: 48, down: 3 },
      { field: "eval2", up: 2, same: 48, down: 3 },
    ],
    indicators: { better: 0, same: 45, worse: 1, regressed: 1 },
    texts: { identical: 1, similar: 0, new: 103 },
  });
});

test("変化のあった行がちょうど期待どおり（ほかの行は評価・指標が同じで文章は新しい）", () => {
  const notable = comparison.items.map(outline).filter((o) => Object.keys(o).length > 2 || o.change !== "continued");
  expect(notable).toEqual([
    { item: "No.1 協働推進体制の充実", change: "continued", ratings: ["eval1 B→A up", "eval2 B→A up"] },
    { item: "No.3 地域コミュニティの推進", change: "continued", ratings: ["eval1 B→S up2", "eval2 B→S up2"] },
    { item: "No.5 アダプト制度の推進", change: "continued", ratings: ["eval1 A→B down lowest !", "eval2 A→B down lowest !"] },
    { item: "No.7 観光まちづくりの推進", change: "continued", ratings: ["eval1 S→B down2 lowest !", "eval2 S→B down2 lowest !"] },
    { item: "No.41 市民参加の更なる推進に係る検討", change: "continued", renumbered: "9→41", matchedBy: "title" },
    { item: "No.10 なるほど出前講座「デリバリーこだい」の推進", change: "continued", texts: ["result identical", "next new"] },
    { item: "No.11 組織目標の管理体制の推進", change: "continued", carry: ["next→plan missing at A8"] },
    { item: "No.28 財産の有効活用の促進", change: "continued", ratings: ["eval1 S→A down", "eval2 S→A down"] },
    { item: "No.42 マイナンバー制度の普及", change: "continued", indicators: ["独自利用事務の 検討実施数 4事務→0事務 worse met→unmet"] },
    { item: "No.40 指定管理者制度の検証", change: "removed" },
  ]);
});

test("番号の変わった No.9 → No.41 は、前年度のシート No.9 と対になり、名称の「さらなる／更なる」の違いを越えて照合される", () => {
  const row = comparison.items.find((r) => r.this?.id === "41")!;
  expect([row.last?.sheet, row.last?.name, row.this?.name, row.matchedBy]).toEqual(["No.9", "市民参加のさらなる推進に係る検討", "市民参加の更なる推進に係る検討", "title"]);
});

test("前年度のブックを与えた検証: 5つの規則の指摘がちょうどこれだけ", async () => {
  const checked = await validated(next.bytes, { previous: last.report });
  const mine = ["TEXT-UNCHANGED", "RATING-DROPPED", "IND-REGRESSED", "ITEM-DROPPED", "PLAN-CARRYOVER-MISSING"];
  expect(checked.report.findings.filter((f) => mine.includes(f.ruleId)).map((f) => `${f.ruleId} ${f.severity} ${f.sheet}!${f.cell}`)).toEqual([
    "ITEM-DROPPED warning 評価一覧!A1",
    "RATING-DROPPED info No.5!F8",
    "RATING-DROPPED info No.5!G8",
    "RATING-DROPPED info No.7!F8",
    "RATING-DROPPED info No.7!G8",
    "TEXT-UNCHANGED warning No.10!D8",
    "PLAN-CARRYOVER-MISSING warning No.11!A8",
    "RATING-DROPPED info No.28!F8",
    "RATING-DROPPED info No.28!G8",
    "IND-REGRESSED info No.42!E5",
  ]);
  // Without last year's workbook the same check has none of them, and its other findings are the same.
  const alone = next.report.findings;
  expect(alone.filter((f) => mine.includes(f.ruleId))).toEqual([]);
  expect(checked.report.findings.filter((f) => !mine.includes(f.ruleId))).toEqual(alone);
});

test("どの取組にも評価一覧の方針が付く（方針ごとの集計のため）。内訳の No.2-1 などは親の No.2 の方針", () => {
  const groups = comparison.items.map((r) => [(r.this ?? r.last)!.id, (r.this ?? r.last)!.group ?? "none"]);
  expect(groups.filter(([, g]) => g === "none")).toEqual([]);
  expect([...new Set(groups.map(([, g]) => g))].sort()).toEqual(["PDCAサイクルの構築", "地域協働の推進", "執行体制の再構築", "情報の共有と双方向のコミュニケーション", "財政基盤の強化"].sort());
  expect(groups.filter(([id]) => id === "2-1" || id === "2")).toEqual([
    ["2", "地域協働の推進"],
    ["2-1", "地域協働の推進"],
  ]);
});

test("結果はそのまま JSON にできる平らなデータ（記録そのものは含まない）", () => {
  expect(JSON.parse(JSON.stringify(comparison))).toEqual(comparison);
});
