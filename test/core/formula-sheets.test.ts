/**
 * Formula text read once, as tokens, by every use that moves, renames or follows references: shared formulas
 * expanded on reading and on copying, rows deleted, sheets renamed or removed, and what a copy into another
 * workbook can keep. These uses had four walkers of their own before, and one of them took the `0!` of `#DIV/0!`
 * for a reference to a sheet named 0.
 */
import { mapSheetRefs, refsOf, replaceSheetRefs, sheetRange, sheetSpans, withoutSheet } from "../../src/core/formula/sheets";
import { type TokenKind, tokenize } from "../../src/core/formula/tokens";

describe("tokenize", () => {
  const kinds = (f: string) => tokenize(f).map((t) => [t.kind, f.slice(t.start, t.end)] as [TokenKind, string]);

  it("tells text, sheets, tables, errors and words apart, and gives the formula back whole", () => {
    const f = `IF('調査票 1'!B4="No.3!B2",表1[[#This Row],[A]],#DIV/0!)&No.3!A1#`;
    expect(kinds(f)).toEqual([
      ["word", "IF"],
      ["other", "("],
      ["sheet", "'調査票 1'!"],
      ["word", "B4"],
      ["other", "="],
      ["text", '"No.3!B2"'],
      ["other", ","],
      ["word", "表1"],
      ["bracket", "[[#This Row],[A]]"],
      ["other", ","],
      ["error", "#DIV/0!"],
      ["other", ")"],
      ["other", "&"],
      ["sheet", "No.3!"],
      ["word", "A1"],
      ["other", "#"],
    ]);
    expect(tokenize(f)[2].sheet).toBe("調査票 1");
  });

  it("reads an apostrophe in a quoted sheet name, and marks text left open", () => {
    expect(tokenize("'It''s'!A1")[0]).toMatchObject({ kind: "sheet", sheet: "It's" });
    expect(tokenize('A1&"open')[2]).toMatchObject({ kind: "text", open: true });
    expect(tokenize("'no bang'")[0]).toMatchObject({ kind: "quoted" });
  });
});

describe("replaceSheetRefs", () => {
  test.each([
    ["'No 3'!B2+1", "No 3", "#REF!B2+1"],
    ["SUM(No.3!B2:B5)", "no.3", "SUM(#REF!B2:B5)"], // sheet names compare without regard to case
    ["'It''s'!A1", "It's", "#REF!A1"],
    ["評価一覧!$F$6&\"評価一覧!F6\"", "評価一覧", "#REF!$F$6&\"評価一覧!F6\""], // a string literal is text, not a reference
    ["No.13!A1+No.3!A1", "No.3", "No.13!A1+#REF!A1"], // a longer name is another sheet
    ["[1]No.3!A1", "No.3", "[1]No.3!A1"], // another workbook's sheet
    ["No.1:No.3!A1", "No.3", "No.1:No.3!A1"], // a 3-D range is left alone
    ["A1+B2", "A1", "A1+B2"], // a cell is not a sheet
    ["IFERROR(1/0,#DIV/0!)+'0'!A1", "0", "IFERROR(1/0,#DIV/0!)+#REF!A1"], // an error value's 0! is no sheet named 0
    ["'[1]No 3'!A1", "[1]No 3", "'[1]No 3'!A1"], // another workbook's sheet, quoted
  ])("%s without %s → %s", (formula, sheet, expected) => {
    expect(replaceSheetRefs(formula, sheet, "#REF!")).toBe(expected);
  });
});

describe("mapSheetRefs", () => {
  it("renames sheets in a ring in one pass", () => {
    const swap: Record<string, string> = { A: "B!", B: "A!" };
    expect(mapSheetRefs("A!B1+B!A1+'A'!C3", (s) => swap[s])).toBe("B!B1+A!A1+B!C3");
  });
});

describe("refsOf", () => {
  test.each([
    ["税率*B2", [], ["税率"], false],
    ["SUM(リスト!A1:A3)+'No 2'!B2", ["リスト", "No 2"], [], false],
    ["IF(A1=\"区分!A1\",TRUE,#N/A)", [], [], false], // text, booleans and error values are not references
    ["SUM(A:C)+SUM(2:5)+$B$3+1.5E+3", [], [], false],
    ["_xlfn.XLOOKUP(A1,表!A:A,表!B:B)", ["表"], [], false],
    ["#REF!A1+区分", [], ["区分"], false],
    ["Table1[Col]", [], [], true],
    ["[1]Sheet1!A1", [], [], true],
    ["No.1:No.3!B2", [], [], true],
    ["Sheet1!LocalName", [], [], true], // a name of another sheet: no copy follows it
    ["SUM(Sheet1!$A:$A)", ["Sheet1"], [], false],
  ])("%s", (formula, sheets, names, opaque) => {
    const r = refsOf(formula);
    expect([...r.sheets].sort()).toEqual([...sheets].sort());
    expect(r.names).toEqual(names);
    expect(r.opaque).toBe(opaque);
  });
});

describe("sheetRange (a list's source on another sheet)", () => {
  test.each([
    ["リスト!$A$1:$A$3", { sheet: "リスト", range: "$A$1:$A$3" }],
    [" 'It''s'!B2 ", { sheet: "It's", range: "B2" }],
    ["区分", undefined],
    ["リスト!A1:リスト!A3", undefined],
    ["'[1]リスト'!A1:A3", undefined],
    ["OFFSET(リスト!$A$1,0,0,3,1)", undefined],
  ])("%s", (formula, want) => {
    expect(sheetRange(formula)).toEqual(want);
  });
});

describe("sheetSpans (3-D references)", () => {
  test.each([
    ["SUM(No.1:No.9!F8)", [{ first: "No.1", last: "No.9" }]],
    ["SUM('No 1:No 9'!F8:F9)+No.2!A1", [{ first: "No 1", last: "No 9" }]],
    ["[1]No.1:No.3!A1", []],
    ["A1:No.3!B2", [{ first: "A1", last: "No.3" }]],
    ["SUM(No.1!A1:B2)", []],
  ])("%s", (formula, want) => {
    expect(sheetSpans(formula)).toEqual(want);
  });
});

describe("withoutSheet (a sheet deleted)", () => {
  const order = ["表紙", "No.1", "No 2", "No.3", "集計"];
  test.each([
    ["SUM(No.1:No.3!B2)", "No.3", "SUM('No.1:No 2'!B2)"], // the end moves inward; a name with a blank is quoted with the span
    ["SUM(No.1:No.3!B2)", "No.1", "SUM('No 2:No.3'!B2)"],
    ["SUM(No.3:No.1!B2)", "No.3", "SUM('No 2:No.1'!B2)"], // written from the far end
    ["SUM('No 2:No.3'!B2)", "No.3", "SUM('No 2'!B2)"], // one sheet left
    ["SUM(No.3:No.3!B2)+No.3!A1", "No.3", "SUM(#REF!B2)+#REF!A1"],
    ["SUM(No.1:No.3!B2)", "No 2", "SUM(No.1:No.3!B2)"], // a sheet between: nothing to write
    ["SUM(表紙:No.1!B2)", "No.1", "SUM('表紙'!B2)"],
  ])("%s without %s → %s", (formula, sheet, want) => {
    expect(withoutSheet(formula, sheet, order)).toBe(want);
  });
});
