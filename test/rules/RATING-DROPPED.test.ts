/**
 * @jest-environment node
 *
 * RATING-DROPPED: with last year's workbook given, a rating or status lower than last year's in the profile's order
 * (S > A > B; ◎ > ○ > △ > ×) is an info at this year's code cell, saying how many steps and whether to the lowest.
 */
import type { SurveySheetInput } from "../../src/core/template/kodaira-chosahyo";
import { check, kodairaSurvey, musashinoSheet } from "./harness";

const RULE = "RATING-DROPPED";
const lastYear = (rating: string) => kodairaSurvey({ eval1: { rating, comment: "前年度" } });
const thisYear = (rating: string, over: Partial<SurveySheetInput> = {}) =>
  kodairaSurvey({ title: "第3次行財政再構築進捗状況調査票（平成30年度末）", eval1: { rating, comment: "今年度" }, ...over });

test("S → A: 1段階下がった（info、F8）", () => {
  const r = check("kodaira-chosahyo", thisYear("A"), { previous: [lastYear("S")] });
  expect(r.of(RULE)).toEqual([expect.objectContaining({ severity: "info", cell: "F8", ja: "1次評価が前年度の S（No.1!F8）から A に 1 段階下がりました。" })]);
  expect(r.of(RULE)[0].en).toBe("1st evaluation went down 1 step(s), from last year's S (No.1!F8) to A.");
});

test("S → B: 最も低い評価へ2段階", () => {
  const r = check("kodaira-chosahyo", thisYear("B"), { previous: [lastYear("S")] });
  expect(r.of(RULE).map((f) => f.ja)).toEqual(["1次評価が前年度の S（No.1!F8）から最も低い B に 2 段階下がりました。"]);
});

test("上がった・同じ・前年度が空欄・前年度のブックなし: 指摘しない", () => {
  expect(check("kodaira-chosahyo", thisYear("S"), { previous: [lastYear("A")] }).of(RULE)).toEqual([]);
  expect(check("kodaira-chosahyo", thisYear("B"), { previous: [lastYear("B")] }).of(RULE)).toEqual([]);
  expect(check("kodaira-chosahyo", thisYear("B"), { previous: [kodairaSurvey({ eval1: { rating: null, comment: null } })] }).of(RULE)).toEqual([]);
  expect(check("kodaira-chosahyo", thisYear("B")).of(RULE)).toEqual([]);
});

test("武蔵野: 実施状況 ○ → △ は事業の実施状況のセルに", () => {
  const plan = (status: string) => [{ cells: ["検討", "実施", "→", "→"], status }];
  const r = check("musashino-torikumi", musashinoSheet([{ name: "事業A", plans: plan("△") }]), { previous: [musashinoSheet([{ name: "事業A", plans: plan("○") }])] });
  expect(r.of(RULE).map((f) => [f.cell, f.ja])).toEqual([["B7", "実施状況が前年度の ○（取組状況!B7）から △ に 1 段階下がりました。"]]);
});
