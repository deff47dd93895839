/**
 * @jest-environment node
 *
 * TEXT-INVISIBLE (text-invisible.ts): a zero-width character anywhere in a text, or a space before or after a name
 * that is compared (所管課, 事業名, No.), is a warning at its cell, with a fix that removes it. Spaces around an ordinary
 * sentence (取組実績) do not matter and pass.
 */
import { check, kodairaSurvey, musashinoSheet, setCell } from "./harness";

const RULE = "TEXT-INVISIBLE";

describe("小平 調査票", () => {
  test("見えない文字のないシート、文章の前後の空白は指摘しない", () => {
    expect(check("kodaira-chosahyo", kodairaSurvey()).of(RULE)).toEqual([]);
    expect(check("kodaira-chosahyo", kodairaSurvey({ result: " 12件を見直した。 " })).of(RULE)).toEqual([]);
  });

  test("取組実績 D8 のゼロ幅スペースは D8 に警告、修正はそれを取り除く", () => {
    const r = check("kodaira-chosahyo", kodairaSurvey({ result: "12件を\u200B見直した。" }));
    expect(r.of(RULE)).toEqual([
      expect.objectContaining({ severity: "warning", cell: "D8", ja: "取組実績(D)にゼロ幅文字が含まれています。照合や集計で別の値として扱われるおそれがあります。" }),
    ]);
    expect(r.report.findings.find((x) => x.ruleId === RULE)!.fix?.edits).toEqual([{ sheet: "No.1", cell: "D8", before: "12件を\u200B見直した。", after: "12件を見直した。" }]);
  });

  test("所管課 C8 の後ろの空白は C8 に、前後の空白として", () => {
    const r = check("kodaira-chosahyo", kodairaSurvey({ departments: "行政経営課 " }));
    expect(r.cells(RULE)).toEqual(["C8"]);
    expect(r.of(RULE)[0].ja).toBe("所管課に前後の空白が含まれています。照合や集計で別の値として扱われるおそれがあります。");
    expect(r.report.findings.find((x) => x.ruleId === RULE)!.fix?.edits[0].after).toBe("行政経営課");
  });

  test("BOM（U+FEFF）も見えない文字", () => {
    const r = check("kodaira-chosahyo", setCell(kodairaSurvey(), { H8: "\uFEFF引き続き見直す。" }));
    expect(r.cells(RULE)).toEqual(["H8"]);
  });
});

describe("武蔵野 取組状況", () => {
  test("事業名 B1 の前の全角空白は B1 に", () => {
    const r = check("musashino-torikumi", musashinoSheet([{ name: "\u3000事業A" }]));
    expect(r.cells(RULE)).toEqual(["B1"]);
  });

  test("空白のない事業名は指摘しない", () => {
    expect(check("musashino-torikumi", musashinoSheet([{ name: "事業A" }])).of(RULE)).toEqual([]);
  });
});
