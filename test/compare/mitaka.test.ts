/**
 * @jest-environment node
 *
 * 前年度比較 on 三鷹's 目標指標 (mitaka-shihyo), whose years are columns: last year's workbook has the latest 達成値
 * column still empty (next-year.ts), this year's is the sample. Each indicator's latest measured column is its actual,
 * so last year's is the 平成30年度 column and this year's the 令和2年度 one, compared in the indicator's direction.
 */
import { compareYears } from "../../src/core/compare/compare";
import type { YearComparison } from "../../src/core/compare/types";
import { MITAKA_SHIHYO, mitakaYears, validated, type Year } from "./next-year";

jest.setTimeout(120_000);

let last: Year;
let next: Year;
let comparison: YearComparison;
beforeAll(async () => {
  ({ last, next } = await mitakaYears());
  const r = compareYears(last.report, next.report, MITAKA_SHIHYO);
  if (!r.ok) throw new Error(`refused: ${r.refusal.kind}`);
  comparison = r.comparison;
});

test("84 指標がすべて名前で対になり、改善 34・同じ 16・悪化 33（うち達成→未達成 2）", () => {
  expect(comparison.totals.items).toEqual({ continued: 84, added: 0, removed: 0, ended: 0, restarted: 0, split: 0, merged: 0 });
  expect(comparison.totals.indicators).toEqual({ better: 34, same: 16, worse: 33, regressed: 2 });
  expect(new Set(comparison.items.map((r) => r.matchedBy))).toEqual(new Set(["title"]));
});

test("前年度は平成30年度の列、今年度は令和2年度の列を比べる（列の見出しを添えて）", () => {
  const row = comparison.items.find((r) => r.this?.name === "英語版ホームページのアクセス件数")!;
  expect(row.indicators).toEqual([
    expect.objectContaining({
      last: expect.objectContaining({ text: "293,478件", from: "平成30年度 (中期)" }),
      this: expect.objectContaining({ text: "202,850件", from: "令和2(2020) 年度" }),
      trend: "worse",
    }),
  ]);
});

test("前年度は目標を達成し今年度は未達成の指標: 2表の「農家の直接販売所数」、IND-REGRESSED はその今年度のセルに", async () => {
  const regressed = comparison.items.flatMap((r) => r.indicators.filter((i) => i.regressed).map((i) => [r.this!.sheet, i.name, i.last?.text, i.this?.text, i.thisCell]));
  expect(regressed).toEqual([
    ["目標指標", "農家の直接販売所数", "150か所", "147か所", "E37"],
    ["総合戦略", "農家の直接販売所数", "150 か所", "147 か所", "D42"],
  ]);
  const checked = await validated(next.bytes, { profiles: MITAKA_SHIHYO, previous: last.report });
  expect(checked.report.findings.filter((f) => ["IND-REGRESSED", "ITEM-DROPPED", "TEXT-UNCHANGED", "RATING-DROPPED"].includes(f.ruleId)).map((f) => `${f.ruleId} ${f.sheet}!${f.cell}`)).toEqual([
    "IND-REGRESSED 目標指標!E37",
    "IND-REGRESSED 総合戦略!D42",
  ]);
});
