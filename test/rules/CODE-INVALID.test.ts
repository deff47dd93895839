/**
 * @jest-environment node
 *
 * CODE-INVALID (code-invalid.ts): a rating or status that is not in the field's code set, at its cell, naming the field
 * and the codes to use. On a 小平 調査票 the 1次評価 (F8) and 2次評価 (G8) take S/A/B; on a 武蔵野 取組状況 each
 * 年次計画 row's 実施状況 (B7) takes ◎/○/△/×. A variant of a valid code (Ａ, 〇) is CODE-VARIANT's, not this one's.
 */
import { check, kodairaSurvey, musashinoSheet } from "./harness";

const RULE = "CODE-INVALID";

describe("小平 調査票の評価", () => {
  test("S・A・B と、その表記ゆれ（全角のＡ）は指摘しない", () => {
    for (const rating of ["S", "A", "B", "Ａ"]) {
      expect(check("kodaira-chosahyo", kodairaSurvey({ eval1: { rating, comment: "理由" } })).of(RULE)).toEqual([]);
    }
  });

  test("1次評価の「C」は評価のセル F8 にエラー、使える記号を示す", () => {
    const r = check("kodaira-chosahyo", kodairaSurvey({ eval1: { rating: "C", comment: "理由" } }));
    expect(r.of(RULE)).toEqual([
      expect.objectContaining({ severity: "error", sheet: "No.1", cell: "F8", ja: "1次評価の「C」は使えない記号です。S・A・B のいずれかを入力してください。" }),
    ]);
  });

  test("評価のセルに長い文章: 指摘は先頭の 40 字までを引く（セルに入りきらない指摘にしない）", () => {
    const rating = "予定どおり進んでいる。" + "理由を書きます。".repeat(5000);
    const r = check("kodaira-chosahyo", kodairaSurvey({ eval1: { rating, comment: null } }));
    expect(r.of(RULE)).toHaveLength(1);
    expect(r.of(RULE)[0].ja).toBe(`1次評価の「${rating.slice(0, 39)}…」は使えない記号です。S・A・B のいずれかを入力してください。`);
  });

  test("2次評価の「AA」も、2次評価のセル G8 に", () => {
    const r = check("kodaira-chosahyo", kodairaSurvey({ eval2: { rating: "AA", comment: null } }));
    expect(r.cells(RULE)).toEqual(["G8"]);
    expect(r.of(RULE)[0].ja).toContain("2次評価の「AA」");
  });
});

describe("武蔵野 取組状況の実施状況", () => {
  test("◎ ○ △ × は指摘しない", () => {
    const r = check("musashino-torikumi", musashinoSheet(["◎", "○", "△", "×"].map((status) => ({ plans: [{ cells: ["検討", "実施", "—", "—"], status }], reason: "理由" }))));
    expect(r.of(RULE)).toEqual([]);
  });

  test("「済」は実施状況のセル B7 にエラー、◎・○・△・× を示す", () => {
    const r = check("musashino-torikumi", musashinoSheet([{ plans: [{ cells: ["検討", "実施", "→", "→"], status: "済" }] }]));
    expect(r.cells(RULE)).toEqual(["B7"]);
    expect(r.of(RULE)[0].ja).toContain("「済」は使えない記号です");
    expect(r.of(RULE)[0].ja).toContain("◎・○・△・×");
  });

  test("年次計画が2つあれば行ごとに見る: 2つ目の実施状況 B10 だけ", () => {
    const r = check(
      "musashino-torikumi",
      musashinoSheet([
        {
          plans: [
            { cells: ["検討", "実施", "→", "→"], status: "○" },
            { cells: ["実施", "→", "→", "→"], status: "未定" },
          ],
        },
      ]),
    );
    expect(r.cells(RULE)).toEqual(["B10"]);
  });
});
