import { normalizeFormula, rewriteReferences, translateFormula } from "../../src/core/formula/refs";

describe("normalizeFormula", () => {
  it("drops the leading = and the file format's prefixes of newer functions", () => {
    expect(normalizeFormula("=_xlfn.XLOOKUP(A1,B:B,C:C)")).toBe("XLOOKUP(A1,B:B,C:C)");
    expect(normalizeFormula(" SUM(A1:A3) ")).toBe("SUM(A1:A3)");
  });
});

describe("translateFormula (a shared formula filled to another cell)", () => {
  it.each([
    ["SUM(A1:A3)", 2, 1, "SUM(B3:B5)"],
    ["$A$1+A1", 3, 3, "$A$1+D4"],
    ["A$1*$B2", 1, 1, "B$1*$B3"],
    ["SUM(1:3)", 2, 0, "SUM(3:5)"],
    ["SUM($1:3)", 2, 0, "SUM($1:5)"],
    ["COUNTA(B:C)", 5, 1, "COUNTA(C:D)"],
    ["'調査票 1'!B4&\"A1\"", 1, 0, "'調査票 1'!B5&\"A1\""],
    ["調査票1!B4", 1, 0, "調査票1!B5"],
    ["LOG10(A1)", 1, 0, "LOG10(A2)"],
    ["表1[[#This Row],[A1]]+A1", 1, 0, "表1[[#This Row],[A1]]+A2"],
    ["IF(ISERROR(#REF!),1E+5,A1)", 1, 0, "IF(ISERROR(#REF!),1E+5,A2)"],
    ["A1-1", -1, 0, "#REF!-1"],
    ["XFD1+A1", 0, 1, "#REF!+B1"],
  ])("%s moved %i rows and %i columns is %s", (f, r, c, want) => {
    expect(translateFormula(f, r, c)).toBe(want);
  });
});

describe("rewriteReferences", () => {
  it("names the sheet and the part of a range, so rows can be deleted with ranges shrinking", () => {
    const seen: string[] = [];
    // Delete rows 6–7 of the formula's own sheet: below moves up 2, a range's start in the block goes to the next row.
    const out = rewriteReferences("SUM(A5:A10)+A6+Other!A9+SUM(A6:A9)", (r) => {
      seen.push(`${r.sheet ?? ""}:${r.part}`);
      if (r.sheet) return { row: r.row, col: r.col };
      if (r.row >= 6 && r.row <= 7) return r.part === "start" ? { row: 6, col: r.col } : r.part === "end" ? { row: 5, col: r.col } : null;
      return { row: r.row > 7 ? r.row - 2 : r.row, col: r.col };
    });
    expect(out).toBe("SUM(A5:A8)+#REF!+Other!A9+SUM(A6:A7)");
    expect(seen).toEqual([":start", ":end", ":single", "Other:single", ":start", ":end"]);
  });

  it("sends a reference nowhere as #REF! with its sheet, as Excel writes it", () => {
    expect(rewriteReferences("'a''b'!C3*2", () => null)).toBe("'a''b'!#REF!*2");
  });
});
