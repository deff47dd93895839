/**
 * @jest-environment node
 *
 * 未着手・中止一覧 (src/core/summary/not-started.ts): every 年次計画 row with △ (未着手) or × (中止), with its reason and
 * whether the reason is missing. The 武蔵野 sample has none (test/musashino/summary.test.ts keeps its golden rows);
 * here a small 取組状況.
 */
import { check, musashinoSheet } from "../rules/harness";
import { specTable, summarySpecs } from "./helpers";

const PLAN = ["検討", "実施", "→", "→"];

describe("未着手・中止一覧", () => {
  test("△ の事業1件と理由は1行になり、その理由を書く。○ の事業は載らない。事業名は実施状況のセルへリンクする", () => {
    const c = check(
      "musashino-torikumi",
      musashinoSheet([
        { name: "事業A", plans: [{ cells: PLAN, status: "△" }], reason: "予算が確保できなかったため" },
        { name: "事業B", departments: "財政課", plans: [{ cells: PLAN, status: "○" }] },
      ]),
    );
    const t = specTable(summarySpecs(c.report).get("未着手・中止一覧")!, "基本方針");
    expect(t.header).toEqual(["基本方針", "項", "細目", "事業名", "担当課", "年次計画の項目", "実施状況", "未着手・中止の理由", "理由の記入"]);
    expect(t.rows.map((r) => r.slice(3))).toEqual([["事業A", "企画調整課", null, "△", "予算が確保できなかったため", null]]);
    // 事業A's status is B7 (musashinoProject: one plan, status at row 7).
    expect(t.links[0][3]).toBe("取組状況!B7");
  });

  test("× で理由のない事業は「記入なし」、どちらもなければ「該当なし」の1行", () => {
    const none = check("musashino-torikumi", musashinoSheet([{ name: "事業A", plans: [{ cells: PLAN, status: "○" }] }]));
    expect(specTable(summarySpecs(none.report).get("未着手・中止一覧")!, "基本方針").rows.map((r) => r[0])).toEqual(["該当なし"]);
    const stopped = check("musashino-torikumi", musashinoSheet([{ name: "事業A", plans: [{ cells: PLAN, status: "×" }] }]));
    const t = specTable(summarySpecs(stopped.report).get("未着手・中止一覧")!, "基本方針");
    expect(t.rows.map((r) => r.slice(3))).toEqual([["事業A", "企画調整課", null, "×", null, "記入なし"]]);
  });
});
