/**
 * @jest-environment node
 *
 * YEAR-HEADER (year-header.ts) on a 武蔵野 取組状況: the year headers of a 年次計画 row (B5:E5) must run left to right,
 * each year once, with no year left out between the first and the last. Each problem is an error at the header
 * concerned. Every case here stays inside 平成29〜32年度, so it holds whatever plan period the workbook is checked
 * against (the period's own checks, outside and short of it, are year-header's plan-period tests').
 */
import { check, type MusashinoPlan, musashinoSheet } from "./harness";

const RULE = "YEAR-HEADER";

const row = (headers: MusashinoPlan["headers"], cells: MusashinoPlan["cells"] = ["検討", "実施", "→", "→"]) =>
  check("musashino-torikumi", musashinoSheet([{ plans: [{ cells, status: "○", headers }] }]));

describe("指摘しない", () => {
  test.each([
    ["空白あり", ["平成 29 年度", "平成 30 年度", "平成 31 年度", "平成 32 年度"]],
    ["空白なし", ["平成29年度", "平成30年度", "平成31年度", "平成32年度"]],
    ["範囲の見出し（平成 29～30 年度）", ["平成 29～30 年度", "平成 31 年度", "平成 32 年度", null]],
  ])("%s", (_, headers) => {
    expect(row(headers, ["検討", "実施", "→", null]).of(RULE)).toEqual([]);
  });
});

describe("指摘する", () => {
  test("順序の逆転: 平成30・平成29 の並びは C5（左より前の年度）にエラー", () => {
    const r = row(["平成 30 年度", "平成 29 年度", "平成 31 年度", "平成 32 年度"]);
    expect(r.of(RULE)).toEqual([
      expect.objectContaining({
        severity: "error",
        cell: "C5",
        ja: "年度の見出し「平成 29 年度」が、左の列（平成 30 年度）より後の年度になっていません。年度は左から古い順に、重複なく並べてください。",
      }),
    ]);
  });

  test("重複: 平成30 が2つあれば2つ目の D5 に、欠けた 平成31 はその右 E5 に", () => {
    const r = row(["平成 29 年度", "平成 30 年度", "平成 30 年度", "平成 32 年度"]);
    expect(r.cells(RULE)).toEqual(["D5", "E5"]);
    expect(r.of(RULE)[0].ja).toMatch(/^年度の見出し「平成 30 年度」が、左の列（平成 30 年度）/);
    expect(r.of(RULE)[1].ja).toContain("平成31年度");
    expect(r.of(RULE)[1].ja).toContain("がありません");
  });

  test("欠けた年度: 平成29・30・32 なら、平成31 が入るはずの D5 に", () => {
    const r = row(["平成 29 年度", "平成 30 年度", "平成 32 年度", null], ["検討", "実施", "→", null]);
    expect(r.cells(RULE)).toEqual(["D5"]);
    expect(r.of(RULE)[0].ja).toMatch(/^年度の見出しに .*平成31年度.* がありません。/);
  });

  test("年次計画が2つあれば行ごとに見る: 2つ目の行（B8:E8）だけ", () => {
    const r = check(
      "musashino-torikumi",
      musashinoSheet([
        {
          plans: [
            { cells: ["検討", "実施", "→", "→"], status: "○" },
            { cells: ["検討", "実施", "→", "→"], status: "○", headers: ["平成 29 年度", "平成 31 年度", "平成 30 年度", "平成 32 年度"] },
          ],
        },
      ]),
    );
    expect(r.cells(RULE)).toEqual(["D8"]);
  });
});
