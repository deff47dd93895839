/**
 * @jest-environment node
 *
 * LABEL-MISSING (label-missing.ts): a sheet recognised as a layout that lacks one of the layout's required labels is
 * an error at A1, naming the label as the layout writes it and the layout. A table sheet reports it once, not per row.
 */
import { check, kodairaSurvey, musashinoSheet, programSheet, setCell } from "./harness";

const RULE = "LABEL-MISSING";

test("見出しがそろっていれば指摘しない", () => {
  expect(check("kodaira-chosahyo", kodairaSurvey()).of(RULE)).toEqual([]);
  expect(check("musashino-torikumi", musashinoSheet([{}])).of(RULE)).toEqual([]);
  expect(check("kodaira-program", programSheet([{}, {}])).of(RULE)).toEqual([]);
});

test("調査票に 2次評価(C) の見出し（G7）がなければ A1 にエラー、見出しと様式を示す", () => {
  const r = check("kodaira-chosahyo", setCell(kodairaSurvey(), { G7: null }));
  expect(r.of(RULE)).toEqual([
    expect.objectContaining({
      severity: "error",
      sheet: "No.1",
      cell: "A1",
      ja: "調査票の見出し「2次評価(C)」が見つからないため、この欄を読み取れません。様式の見出しを確認してください。",
    }),
  ]);
});

test("武蔵野 取組状況に 課題・目的（A3）がなければ A1 に", () => {
  const r = check("musashino-torikumi", setCell(musashinoSheet([{}]), { A3: null }));
  expect(r.cells(RULE)).toEqual(["A1"]);
  expect(r.of(RULE)[0].ja).toContain("見出し「課題・目的」");
});

test("表の様式（推進プログラム）は、行が3つあっても見出しの欠落を1件だけ", () => {
  const r = check("kodaira-program", setCell(programSheet([{}, {}, {}]), { B3: null }));
  expect(r.cells(RULE)).toEqual(["A1"]);
  expect(r.of(RULE)[0].ja).toBe("推進プログラムの見出し「実施プログラム」が見つからないため、この欄を読み取れません。様式の見出しを確認してください。");
});
