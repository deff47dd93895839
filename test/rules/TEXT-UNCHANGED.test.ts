/**
 * @jest-environment node
 *
 * TEXT-UNCHANGED: with last year's workbook given, a text the profile compares (小平 取組実績(D) and (A), 武蔵野 取組状況)
 * that is the same as last year's, or nearly (at or above the profile's threshold), is a warning at this year's cell
 * naming last year's. A short text (特になし) and a new one are not; without last year's workbook the rule is silent.
 */
import type { SurveySheetInput } from "../../src/core/template/kodaira-chosahyo";
import { check, kodairaSurvey, musashinoSheet } from "./harness";

const RULE = "TEXT-UNCHANGED";
const RESULT = "市内の12件の事務事業を見直し、年間800万円の経費を削減した。";
const lastYear = (over: Partial<SurveySheetInput> = {}) => kodairaSurvey({ result: RESULT, ...over });
const thisYear = (over: Partial<SurveySheetInput> = {}) => kodairaSurvey({ title: "第3次行財政再構築進捗状況調査票（平成30年度末）", ...over });

test("取組実績(D)が前年度と同じ: 今年度の D8 に警告、前年度のセルを示す", () => {
  const r = check("kodaira-chosahyo", thisYear({ result: RESULT }), { previous: [lastYear()] });
  expect(r.of(RULE)).toEqual([
    expect.objectContaining({ severity: "warning", cell: "D8", ja: "取組実績(D)が前年度（No.1!D8）と同じです。今年度の内容を記入してください。" }),
  ]);
  expect(r.of(RULE)[0].en).toBe("results (D) is the same as last year's (No.1!D8). Write this year's.");
});

test("空白や全角・半角だけが違っても同じ", () => {
  const r = check("kodaira-chosahyo", thisYear({ result: RESULT.replace("12", "１２").replace("、", "、 ") }), { previous: [lastYear()] });
  expect(r.cells(RULE)).toEqual(["D8"]);
  expect(r.of(RULE)[0].ja).toContain("と同じです");
});

test("ほぼ同じ（1語だけ違う）: 類似度を添えて警告", () => {
  const r = check("kodaira-chosahyo", thisYear({ result: RESULT.replace("800万円", "900万円") }), { previous: [lastYear()] });
  expect(r.of(RULE).map((f) => [f.cell, f.ja])).toEqual([["D8", "取組実績(D)が前年度（No.1!D8）とほぼ同じです（類似度 94%）。今年度の内容になっているか確認してください。"]]);
});

test("(A) も比べる: 前年度と同じ (A) は H8 に", () => {
  const next = "対象を全課に広げ、見直しの結果を予算に反映する。";
  expect(check("kodaira-chosahyo", thisYear({ next }), { previous: [lastYear({ next })] }).cells(RULE)).toEqual(["H8"]);
});

test("新しい文章、短い文章（特になし）、今年度が空欄: 指摘しない", () => {
  expect(check("kodaira-chosahyo", thisYear({ result: "見直しの対象を広げ、15件を見直した。削減額は1,200万円。" }), { previous: [lastYear()] }).of(RULE)).toEqual([]);
  expect(check("kodaira-chosahyo", thisYear({ result: "特になし" }), { previous: [lastYear({ result: "特になし" })] }).of(RULE)).toEqual([]);
  expect(check("kodaira-chosahyo", thisYear({ result: null }), { previous: [lastYear()] }).of(RULE)).toEqual([]);
});

test("前年度のブックがなければ動かない", () => {
  expect(check("kodaira-chosahyo", thisYear({ result: RESULT })).of(RULE)).toEqual([]);
});

test("武蔵野: 取組状況が前年度と同じなら、その事業の取組状況のセルに", () => {
  const progress = "研修を年2回実施し、受講者アンケートで満足度90%を得た。";
  const r = check("musashino-torikumi", musashinoSheet([{ name: "事業A" }, { name: "事業B", progress }]), { previous: [musashinoSheet([{ name: "事業A" }, { name: "事業B", progress }])] });
  expect(r.of(RULE).map((f) => [f.cell, f.ja])).toEqual([["B17", "「目標に対する1年間の取組状況、課題及び今後の予定」が前年度（取組状況!B17）と同じです。今年度の内容を記入してください。"]]);
});
