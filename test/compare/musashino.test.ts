/**
 * @jest-environment node
 *
 * 前年度比較 on 武蔵野's sample (平成29年度) and the next year the test builds from it (next-year.ts): 実施状況 compared in
 * the order ◎ > ○ > △ > × (◎ 完了 and × 中止 mark an item ended, by the profile's compare.ended), a 取組状況 copied, a
 * title reworded (さらなる → 更なる), a project replaced. Projects have no number: they pair by title. 武蔵野's sheets
 * have no indicators, so none are compared.
 */
import { compareYears } from "../../src/core/compare/compare";
import type { YearComparison } from "../../src/core/compare/types";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { musashinoNextYear, validated, type Year } from "./next-year";

jest.setTimeout(120_000);

let last: Year;
let next: Year;
let comparison: YearComparison;
beforeAll(async () => {
  ({ last, next } = await musashinoNextYear());
  const r = compareYears(last.report, next.report, BUILT_IN_PROFILES);
  if (!r.ok) throw new Error(`refused: ${r.refusal.kind}`);
  comparison = r.comparison;
});

const ENDED_BOTH_YEARS = [
  "被災者生活再建支援体制の向上",
  "コンビニエンスストアでの証明書交付",
  "子育て情報発信ウェブサイトの構築",
  "学校用ホームページ更新システムの導入",
  "公民連携による武蔵境駅北口市有地の活用（武蔵境市政センターの移転）",
  "電話交換業務の委託化",
  "保育サービスと費用負担のあり方の検討",
  "武蔵野公会堂駐車場の有料化",
  "(公財) 武蔵野市福祉公社と(社福) 武蔵野市民社会福祉協議会との統合の準備",
  "障害者福祉センターの指定管理者制度導入",
  "図書館の運営形態の検討",
  "情報セキュリティ対策の強化",
];

test("件数: 79事業のうち 63 が続き、12 は両年度とも ◎（終了）、2 が今年度 ◎・× で終了、1 が ◎ から再開、1 件が入れ替わった", () => {
  expect([comparison.lastYear, comparison.thisYear]).toEqual([2017, 2018]);
  expect(comparison.totals).toEqual({
    items: { continued: 63, added: 1, removed: 1, ended: 14, restarted: 1, split: 0, merged: 0 },
    renumbered: 0,
    ratings: [{ field: "status", up: 1, same: 73, down: 4 }],
    indicators: { better: 0, same: 0, worse: 0, regressed: 0 },
    texts: { identical: 1, similar: 0, new: 77 },
  });
  expect(comparison.items.filter((r) => r.change === "ended" && r.ratings[0]?.change === "same").map((r) => r.this?.name)).toEqual(ENDED_BOTH_YEARS);
});

test("変化のあった行がちょうど期待どおり", () => {
  const notable = comparison.items
    .filter((r) => !(r.change === "ended" && r.ratings[0]?.change === "same"))
    .filter((r) => r.change !== "continued" || r.ratings.some((x) => x.change !== "same") || r.texts.some((x) => x.verdict !== "new") || r.last?.name !== r.this?.name)
    .map((r) => [r.change, r.matchedBy ?? null, (r.this ?? r.last)!.name, ...r.ratings.map((x) => `${x.last}→${x.this} ${x.change} ${x.thisCell}${x.highlight ? " !" : ""}`), ...r.texts.filter((x) => x.verdict !== "new").map((x) => `${x.field} ${x.verdict}`)]);
  expect(notable).toEqual([
    ["ended", "title", "自治体運営に関する基本的なルールの条例化検討", "○→◎ up B14"],
    ["continued", "title", "新しい時代の市民参加のあり方の追究", "○→△ down B24"],
    ["restarted", "title", "男女共同参画の推進", "◎→○ down B34"],
    ["ended", "title", "共助を主体とした子育て支援体制の構築", "○→× down B57 !"],
    ["continued", "title", "在宅医療・介護連携推進事業の更なる展開", "○→○ same B66"],
    ["continued", "title", "自主防災組織の設立促進と活動支援", "○→△ down B103"],
    ["continued", "title", "市民参加のもとで進める良好な生活環境づくり", "○→○ same B112", "result identical"],
    ["added", null, "行政手続のオンライン化の推進"],
    ["removed", null, "近隣自治体等との連携の検討"],
  ]);
  const reworded = comparison.items.find((r) => r.this?.name === "在宅医療・介護連携推進事業の更なる展開")!;
  expect(reworded.last?.name).toBe("在宅医療・介護連携推進事業のさらなる展開");
});

test("前年度のブックを与えた検証: 指摘がちょうどこれだけ（取組状況のシート、なくなった事業は目次に）", async () => {
  const checked = await validated(next.bytes, { previous: last.report });
  const mine = ["TEXT-UNCHANGED", "RATING-DROPPED", "IND-REGRESSED", "ITEM-DROPPED", "PLAN-CARRYOVER-MISSING"];
  expect(checked.report.findings.filter((f) => mine.includes(f.ruleId)).map((f) => `${f.ruleId} ${f.severity} ${f.sheet}!${f.cell}`)).toEqual([
    "ITEM-DROPPED warning 目次!A1",
    "TEXT-UNCHANGED warning 取組状況!B113",
    "RATING-DROPPED info 取組状況!B24",
    "RATING-DROPPED info 取組状況!B34",
    "RATING-DROPPED info 取組状況!B57",
    "RATING-DROPPED info 取組状況!B103",
  ]);
  expect(checked.report.findings.find((f) => f.ruleId === "ITEM-DROPPED")?.message.ja).toBe(
    "前年度の「近隣自治体等との連携の検討」（取組状況!B200）が今年度のブックにありません。終了・統合したなら前年度の調査票にその旨が必要です。続いているなら調査票を加えてください。",
  );
});
