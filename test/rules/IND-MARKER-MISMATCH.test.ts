/**
 * @jest-environment node
 *
 * IND-MARKER-MISMATCH on a 小平 調査票 (kodaira-chosahyo): the indicator label numbers its indicators ①②, and each
 * value cell (C5 現状値, D5 目標値, E5 実績値) must give a value per number. A cell whose numbers differ from the label's
 * is reported there, with both sets of numbers (小平 No.16: an unmarked `-`; No.21, No.37: ② missing).
 */
import type { IndicatorRowInput } from "../../src/core/template/kodaira-chosahyo";
import { check, kodairaSurvey } from "./harness";

const RULE = "IND-MARKER-MISMATCH";

const survey = (indicator: IndicatorRowInput) => check("kodaira-chosahyo", kodairaSurvey({ indicators: [indicator] }));
const packed = (over: Partial<IndicatorRowInput>): IndicatorRowInput => ({
  label: "①見直し件数\n②参加者数",
  baseline: "①10件\n②100人",
  target: "①20件\n②200人",
  actual: "①15件\n②150人",
  ...over,
});

describe("指摘しない", () => {
  test.each([
    ["どの欄にも ①② がある", packed({})],
    ["番号のない指標ひとつ、番号のない値", { label: "見直し件数", baseline: "10件", target: "20件", actual: "15件" }],
    ["①② の順に改行なしで書いた値", packed({ actual: "①15件 ②150人" })],
  ] as const)("%s", (_, indicator) => {
    expect(survey(indicator).of(RULE)).toEqual([]);
  });
});

describe("指摘する", () => {
  test("目標値が番号のない「-」ひとつ: D5 に、指標の番号（①②）と目標値の番号（—）を示す警告", () => {
    const r = survey(packed({ target: "-" }));
    expect(r.of(RULE)).toEqual([
      expect.objectContaining({
        severity: "warning",
        sheet: "No.1",
        cell: "D5",
        ja: "指標の番号（①②）と目標値の番号（—）が対応していません。指標ごとに①②…を付けて入力してください。",
      }),
    ]);
    expect(r.of(RULE)[0].en).toBe("The indicator numbers (①②) do not match the numbers in target (—). Number each indicator's value ①②….");
  });

  test("実績値に ② がない: E5 に（①）", () => {
    const r = survey(packed({ actual: "①15件" }));
    expect(r.cells(RULE)).toEqual(["E5"]);
    expect(r.of(RULE)[0].ja).toContain("指標の番号（①②）と実績値の番号（①）");
  });

  test("② の値がどの欄にもなければ、3つの欄それぞれに出る（小平 No.21・No.37）", () => {
    expect(survey(packed({ baseline: "①10件", target: "①20件", actual: "①15件" })).cells(RULE)).toEqual(["C5", "D5", "E5"]);
  });

  test("値の側に指標にない ③ がある", () => {
    const r = survey(packed({ baseline: "①10件\n②100人\n③5回" }));
    expect(r.cells(RULE)).toEqual(["C5"]);
    expect(r.of(RULE)[0].ja).toContain("現状値の番号（①②③）");
  });
});
