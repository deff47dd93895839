/**
 * @jest-environment node
 *
 * CODE-VARIANT (code-variant.ts): a variant of a valid code (full-width Ａ, lower-case a, A評価, 〇 for ○, spaces) is a
 * warning at its cell, naming the code it stands for, with a fix that writes the code.
 */
import { check, kodairaSurvey, musashinoSheet } from "./harness";

const RULE = "CODE-VARIANT";

describe("小平 調査票の評価", () => {
  test("正しい形の S・A・B は指摘しない", () => {
    for (const rating of ["S", "A", "B"]) expect(check("kodaira-chosahyo", kodairaSurvey({ eval1: { rating, comment: "理由" } })).of(RULE)).toEqual([]);
  });

  test.each([
    ["全角のＡ", "Ａ", "A"],
    ["小文字の a", "a", "A"],
    ["A評価", "A評価", "A"],
    ["前後の空白", " B ", "B"],
  ])("%s は F8 に警告、正しい形を示す", (_, rating, code) => {
    const r = check("kodaira-chosahyo", kodairaSurvey({ eval1: { rating, comment: "理由" } }));
    expect(r.of(RULE)).toEqual([expect.objectContaining({ severity: "warning", cell: "F8" })]);
    expect(r.of(RULE)[0].ja).toBe(`1次評価の「${rating.trim()}」は「${code}」と書くのが正しい形です。修正候補を適用できます。`);
    expect(r.of("CODE-INVALID")).toEqual([]);
  });

  test("修正は評価のセルに正しい記号を書く", () => {
    const r = check("kodaira-chosahyo", kodairaSurvey({ eval2: { rating: "ｓ", comment: "理由" } }));
    const f = r.report.findings.find((x) => x.ruleId === RULE)!;
    expect(f.cell).toBe("G8");
    expect(f.fix?.edits).toEqual([{ sheet: "No.1", cell: "G8", before: "ｓ", after: "S" }]);
  });
});

describe("武蔵野 取組状況の実施状況", () => {
  test("漢数字のゼロ「〇」は ○ の表記ゆれとして B7 に", () => {
    const r = check("musashino-torikumi", musashinoSheet([{ plans: [{ cells: ["検討", "実施", "→", "→"], status: "〇" }] }]));
    expect(r.cells(RULE)).toEqual(["B7"]);
    expect(r.of(RULE)[0].ja).toContain("「〇」は「○」と書くのが正しい形です");
  });

  test("○ そのものは指摘しない", () => {
    expect(check("musashino-torikumi", musashinoSheet([{}])).of(RULE)).toEqual([]);
  });
});
