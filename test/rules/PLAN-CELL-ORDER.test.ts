/**
 * @jest-environment node
 *
 * PLAN-CELL-ORDER (plan-cell-order.ts) on a 武蔵野 取組状況: in a 年次計画 row (B6:E6), `→` in the first year (it
 * continues a cell that is not there) and a planned cell after `—` (nothing planned) are errors at the cell concerned,
 * naming the years as the headers write them.
 */
import { check, type MusashinoPlan, musashinoSheet } from "./harness";

const RULE = "PLAN-CELL-ORDER";

const plan = (cells: MusashinoPlan["cells"]) => check("musashino-torikumi", musashinoSheet([{ plans: [{ cells, status: "○" }] }]));

describe("指摘しない", () => {
  test.each([
    ["→ で続く行", ["検討", "実施", "→", "→"]],
    ["— で終わる行", ["検討", "実施", "—", "—"]],
    ["HTML の残った <p>—</p> で終わる行", ["検討", "実施", "<p>—</p>", "—"]],
    ["空欄の後の計画（— ではない）", ["検討", null, "実施", "→"]],
  ])("%s", (_, cells) => {
    expect(plan(cells).of(RULE)).toEqual([]);
  });
});

describe("指摘する", () => {
  test("最初の年度 B6 が → ならエラー、年度を示す", () => {
    const r = plan(["→", "実施", "→", "→"]);
    expect(r.of(RULE)).toEqual([
      expect.objectContaining({
        severity: "error",
        cell: "B6",
        ja: "年次計画の最初の年度（平成29年度）が「→」になっています。「→」は左の年度の取組を続けるという意味です。最初の年度には取組の内容を記入してください。",
      }),
    ]);
  });

  test("— の後の計画は、最初に計画されたセル D6 に、— の年度と計画を示す", () => {
    const r = plan(["検討", "—", "→", "実施"]);
    expect(r.cells(RULE)).toEqual(["D6"]);
    expect(r.of(RULE)[0].ja).toBe("平成30年度は「—」（計画なし）ですが、その後の平成31年度に「→」が計画されています。「—」は取組を終えた後の年度に使います。年次計画を確認してください。");
  });

  test("両方あれば2件", () => {
    expect(plan(["→", "—", "—", "再開"]).cells(RULE)).toEqual(["B6", "E6"]);
  });
});
