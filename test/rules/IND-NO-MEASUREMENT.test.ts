/**
 * @jest-environment node
 *
 * IND-NO-MEASUREMENT (ind-no-measurement.ts) on a 小平 調査票 (kodaira-chosahyo): a rating given while an indicator's
 * actual (E5, 下半期値) is a placeholder or only a note (`※アンケート未実施`) is reported on the actual's cell, when the
 * indicator was measured before (a numeric baseline) or the note says it was not measured. An indicator that never had
 * a figure is tracked by its text and is left alone.
 */
import type { IndicatorRowInput, RatingInput, SurveySheetInput } from "../../src/core/template/kodaira-chosahyo";
import { check, kodairaSurvey } from "./harness";

const RULE = "IND-NO-MEASUREMENT";

function survey(indicators: readonly IndicatorRowInput[], eval1: RatingInput = { rating: "A", comment: "予定どおり。" }, more: Partial<SurveySheetInput> = {}) {
  return check("kodaira-chosahyo", kodairaSurvey({ indicators, eval1, ...more }));
}

describe("指摘しない", () => {
  test.each([
    ["実績値が測定されている", { label: "見直し件数", baseline: 10, target: 20, actual: 15 }],
    ["実績値が単位つきで測定されている", { label: "見直し件数", baseline: "10件", target: "20件", actual: "15件" }],
    ["現状値も実績値も「-」（数値で測ったことのない指標）", { label: "取組の状況", baseline: "-", target: "実施", actual: "-" }],
  ] as const)("%s", (_, indicator) => {
    expect(survey([indicator]).of(RULE)).toEqual([]);
  });

  test("評価が入っていなければ、実績値が注記だけでも指摘しない（評価の欠落は REQUIRED-MISSING）", () => {
    const r = survey([{ label: "満足度", baseline: "65%", target: "80%", actual: "※アンケート未実施" }], { rating: null, comment: null });
    expect(r.of(RULE)).toEqual([]);
    expect(r.cells("REQUIRED-MISSING")).toEqual(["F8"]);
  });
});

describe("指摘する", () => {
  test("実績値が注記だけ（※アンケート未実施）で評価 A: 実績値のセル E5 に、指標名・注記・評価を示す警告", () => {
    const r = survey([{ label: "市民満足度", baseline: "-", target: "80%", actual: "※アンケート未実施" }]);
    expect(r.of(RULE)).toEqual([
      expect.objectContaining({
        severity: "warning",
        sheet: "No.1",
        cell: "E5",
        ja: "指標「市民満足度」の下半期値が※アンケート未実施のまま、評価（A）が入力されています。実績値を記入するか、測定できなかった理由をコメントに記入してください。",
      }),
    ]);
    expect(r.of(RULE)[0].en).toContain('Indicator "市民満足度": 下半期値 is ※アンケート未実施, yet a rating (A) is given.');
  });

  test("現状値は数値なのに実績値が「-」: 「空欄のまま」", () => {
    const [f] = survey([{ label: "見直し件数", baseline: 10, target: 20, actual: "-" }]).of(RULE);
    expect(f.cell).toBe("E5");
    expect(f.ja).toContain("指標「見直し件数」の下半期値が空欄のまま、評価（A）");
  });

  test("現状値は数値なのに実績値のセルが空: 空のセル E5 に「空欄のまま」（空のセルにも行き先がある）", () => {
    const [f, ...rest] = survey([{ label: "見直し件数", baseline: 10, target: 20, actual: null }]).of(RULE);
    expect(rest).toEqual([]);
    expect(f.cell).toBe("E5");
    expect(f.ja).toContain("指標「見直し件数」の下半期値が空欄のまま、評価（A）");
  });

  test("2つ目の指標だけが未測定なら、その行の実績値 E6 だけ", () => {
    const r = survey([
      { label: "見直し件数", baseline: 10, target: 20, actual: 15 },
      { label: "参加者数", baseline: 100, target: 200, actual: "※集計中" },
    ]);
    expect(r.cells(RULE)).toEqual(["E6"]);
    expect(r.of(RULE)[0].ja).toContain("指標「参加者数」の下半期値が※集計中のまま");
  });

  test("1次評価が空で2次評価だけがあれば、その評価を示す", () => {
    const r = survey([{ label: "見直し件数", baseline: 10, target: 20, actual: "-" }], { rating: null, comment: null }, { eval2: { rating: "B", comment: "未集計" } });
    expect(r.of(RULE).map((f) => [f.cell, f.ja.includes("評価（B）")])).toEqual([["E5", true]]);
  });

  test("実績の欄の名前は見出しどおり（実績値）", () => {
    const r = survey([{ label: "見直し件数", baseline: 10, target: 20, actual: "-" }], undefined, {
      headers: {
        baseline: "現状値\n平成29年3月末",
        actual: "実績値\n平成30年3月末",
        years: ["平成29年度", "平成30年度", "平成31年度", "平成32年度"],
        plan: "平成29年度 当初予定(P)",
        yearlyResults: ["平成29年度実績", "平成30年度実績", "平成31年度実績", "平成32年度実績"],
      },
    });
    expect(r.of(RULE).map((f) => f.ja.slice(0, 22))).toEqual(["指標「見直し件数」の実績値が空欄のまま、評価"]);
  });
});
