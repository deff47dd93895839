/**
 * @jest-environment node
 *
 * IND-ASOF-MISMATCH on a 小平 調査票 (kodaira-chosahyo): an actual that says it is a value as of another month
 * (`(平成30年2月末時点)`) than its column's header (`下半期値 平成30年3月末`) is reported on the actual's cell (E5).
 */
import type { IndicatorRowInput, SurveySheetInput } from "../../src/core/template/kodaira-chosahyo";
import { check, KODAIRA_YEARS, kodairaSurvey } from "./harness";

const RULE = "IND-ASOF-MISMATCH";

/** The canonical headers with the actual column's header replaced. */
function headers(actual: string): SurveySheetInput["headers"] {
  return {
    baseline: "現状値 (計画初期値)\n平成29年3月末",
    actual,
    years: KODAIRA_YEARS,
    plan: "平成29年度 当初予定(P)",
    yearlyResults: KODAIRA_YEARS.map((y) => `${y}実績`),
  };
}

const count = (actual: string): IndicatorRowInput => ({ label: "見直し件数", baseline: "10件", target: "20件", actual });

function survey(indicators: readonly IndicatorRowInput[], actualHeader = "下半期値\n平成30年3月末") {
  return check("kodaira-chosahyo", kodairaSurvey({ indicators, headers: headers(actualHeader) }));
}

describe("指摘しない", () => {
  test.each([
    ["時点の注記がない", [count("15件")], undefined],
    ["注記の時点が欄の時点と同じ月", [count("15件(平成30年3月末時点)")], undefined],
    ["同じ月を別の書き方で（3月31日現在）", [count("15件(平成30年3月31日現在)")], undefined],
    ["欄の見出しに月がない（比べる時点がない）", [count("15件(平成30年2月末時点)")], "下半期値"],
  ] as const)("%s", (_, indicators, header) => {
    expect(survey(indicators, header).of(RULE)).toEqual([]);
  });
});

describe("指摘する", () => {
  test("平成30年2月末時点の値が 平成30年3月末 の欄に: E5 に、注記の時点と欄の時点を示す警告", () => {
    const r = survey([count("15件\n(平成30年2月末時点)")]);
    expect(r.of(RULE)).toEqual([
      expect.objectContaining({
        severity: "warning",
        sheet: "No.1",
        cell: "E5",
        ja: "指標「見直し件数」の下半期値は「平成30年2月末時点」の値で、欄の時点（2018年3月末）と異なります。時点を確認し、必要なら注記してください。",
      }),
    ]);
    expect(r.of(RULE)[0].en).toContain('下半期値 is a value as of "平成30年2月末時点", not the column\'s date (end of 2018-03)');
  });

  test("上半期値（平成29年9月末）の欄に8月末現在の値: 欄の名前と時点は見出しどおり", () => {
    const [f] = survey([count("15件(平成29年8月末現在)")], "上半期値\n平成29年9月末").of(RULE);
    expect(f.cell).toBe("E5");
    expect(f.ja).toContain("上半期値は「平成29年8月末現在」の値で、欄の時点（2017年9月末）と異なります");
  });

  test("①② をひとつのセルに書いた指標は、時点の違う番号の指標を示す", () => {
    const r = survey([{ label: "①見直し件数\n②参加者数", baseline: "①10件\n②5人", target: "①20件\n②10人", actual: "①15件\n②8人(平成30年1月末時点)" }]);
    expect(r.cells(RULE)).toEqual(["E5"]);
    expect(r.of(RULE)[0].ja).toContain("指標「参加者数」の下半期値は「平成30年1月末時点」の値");
  });

  test("2行目の指標だけなら、その行の E6 だけ", () => {
    expect(survey([count("15件"), { ...count("8件(平成30年2月末時点)"), label: "参加者数" }]).cells(RULE)).toEqual(["E6"]);
  });
});
