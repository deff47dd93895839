/**
 * @jest-environment node
 *
 * What 配布 could not copy as the master has it, in the split's report and in the department's marker: single
 * cells joined into ranges down each column, so that a column of formulas into a sheet left in the master is one
 * line (and the marker stays far below the 32,767 characters a cell of the settings sheet holds).
 */
import { compactParts, notCopiedPartText } from "../../src/core/cycle/not-copied";

test("cells down a column become one range; other parts keep their place", () => {
  expect(compactParts(["table", "formula T5", "formula T7", "formula T6", "formula U5", "list L3", "validation A1:A5", "formula T9"])).toEqual([
    "table",
    "validation A1:A5",
    "formula T5:T7",
    "formula T9",
    "formula U5",
    "list L3",
  ]);
});

test("a list still too long gives each column one range, first cell to last", () => {
  const parts = [];
  for (let r = 1; r <= 1999; r += 2) parts.push(`formula C${r}`, `formula E${r}`);
  expect(compactParts(parts)).toEqual(["formula C1:C1999", "formula E1:E1999"]);
});

test("each part in words, in both languages", () => {
  expect(["formula T5:T7", "list L3", "validation E2", "conditionalFormatting B5", "comments", "extLst", "sheetCalcPr"].map((p) => notCopiedPartText(p, "ja"))).toEqual([
    "数式 T5:T7（値で写しました）",
    "入力規則 L3（リストを参照先の値で写しました）",
    "入力規則 E2（参照先が配布されないため写しませんでした）",
    "条件付き書式 B5（参照先が配布されないため写しませんでした）",
    "コメント",
    "Excel 2010 以降の形式の入力規則・条件付き書式・スパークライン",
    "sheetCalcPr", // an element with no words of its own is named as it is
  ]);
  expect(notCopiedPartText("list L3", "en")).toBe("validation list L3 (written with the values it referred to)");
});
