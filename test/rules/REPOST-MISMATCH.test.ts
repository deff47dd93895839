/**
 * @jest-environment node
 *
 * REPOST-MISMATCH on the 小平 評価一覧 (kodaira-chosahyo): a repost row (`… 【No.1の再掲】`) must carry its original's
 * ratings. A rating that differs is reported (warning) on the repost row's rating cell (E 所管課, F 行革本部). The
 * original is the item's sheet when there is one, else its list row.
 */
import type { ListRowInput } from "../../src/core/template/kodaira-chosahyo";
import { check, kodairaList, kodairaSurvey } from "./harness";

const RULE = "REPOST-MISMATCH";

const survey = (id: string, rating = "A") => kodairaSurvey({ sheetName: `No.${id}`, id, itemTitle: `取組${id}`, eval1: { rating, comment: "理由" } });
/** Rows No.1 and No.2, and No.3 a repost of No.1 with the ratings given. */
const list = (repost: Partial<ListRowInput>, original: Partial<ListRowInput> = {}) =>
  kodairaList([{ title: "取組1", ...original }, { title: "取組2" }, { title: "取組1 【No.1の再掲】", ...repost }]);

describe("指摘しない", () => {
  test("再掲の行の評価が元のシートと同じ", () => {
    expect(check("kodaira-chosahyo", [list({ rating1: "A" }), survey("1"), survey("2")]).of(RULE)).toEqual([]);
  });

  test("再掲の行の評価が空（比べるものがない）", () => {
    expect(check("kodaira-chosahyo", [list({ rating1: null }), survey("1"), survey("2")]).of(RULE)).toEqual([]);
  });

  test("再掲でない行の評価がほかの行と違っても関係ない", () => {
    const r = check("kodaira-chosahyo", [kodairaList([{ title: "取組1" }, { title: "取組2", rating1: "B" }]), survey("1"), survey("2", "B")]);
    expect(r.of(RULE)).toEqual([]);
  });
});

describe("指摘する", () => {
  test("再掲の行が B、元の No.1 のシートが A: 再掲の行の E7 に警告", () => {
    const r = check("kodaira-chosahyo", [list({ rating1: "B" }), survey("1"), survey("2")]);
    expect(r.of(RULE)).toEqual([
      expect.objectContaining({ severity: "warning", sheet: "評価一覧", cell: "E7", ja: "No.1の再掲ですが、1次評価（B）が元の項目（A）と異なります。" }),
    ]);
    expect(r.of(RULE)[0].en).toBe("This repost of No.1 gives 1st evaluation B, but the original gives A.");
  });

  test("元の行ではなくシートの評価と比べる（一覧の元の行が B でもシートが S なら S と）", () => {
    const r = check("kodaira-chosahyo", [list({ rating1: "B" }, { rating1: "B" }), survey("1", "S"), survey("2")]);
    expect(r.of(RULE).map((f) => [f.cell, f.ja])).toEqual([["E7", "No.1の再掲ですが、1次評価（B）が元の項目（S）と異なります。"]]);
  });

  test("元の項目にシートがなければ、元の一覧の行と比べる", () => {
    const r = check("kodaira-chosahyo", [list({ rating1: "S" }, { rating1: "A" }), survey("2")]);
    expect(r.of(RULE).map((f) => [f.cell, f.ja])).toEqual([["E7", "No.1の再掲ですが、1次評価（S）が元の項目（A）と異なります。"]]);
  });

  test("行革本部の評価が違えば F 列", () => {
    const r = check("kodaira-chosahyo", [list({ rating1: "A", rating2: "B" }, { rating2: "A" }), survey("2")]);
    expect(r.cells(RULE)).toEqual(["評価一覧!F7"]);
    expect(r.of(RULE)[0].ja).toContain("2次評価（B）が元の項目（A）");
  });
});
