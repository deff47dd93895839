/** Structured references followed when a table's column is renamed (renameTableColumn). */
import { renameTableColumn } from "../../src/core/formula/structured";

const rename = (f: string) => renameTableColumn(f, "評価表", "29年度下半期評価", "30年度下半期評価");

test.each([
  ['COUNTIF(評価表[29年度下半期評価],"S")', 'COUNTIF(評価表[30年度下半期評価],"S")'],
  ["評価表[[#This Row],[29年度下半期評価]]", "評価表[[#This Row],[30年度下半期評価]]"],
  ["SUM(評価表[[取組名]:[29年度下半期評価]])", "SUM(評価表[[取組名]:[30年度下半期評価]])"],
  ["評価表[[#Headers],[29年度下半期評価]]&評価表[29年度下半期評価]", "評価表[[#Headers],[30年度下半期評価]]&評価表[30年度下半期評価]"],
  // Every reference in the formula.
  ["評価表[29年度下半期評価]+評価表[29年度下半期評価]", "評価表[30年度下半期評価]+評価表[30年度下半期評価]"],
])("%s → %s", (before, after) => {
  expect(rename(before)).toBe(after);
});

test("another table's column of the same name, text that looks like one, and the special items stay", () => {
  expect(rename('COUNTIF(別表1[29年度下半期評価],"S")')).toBeUndefined();
  expect(rename('"評価表[29年度下半期評価]"')).toBeUndefined();
  expect(rename("ROWS(評価表[#Data])")).toBeUndefined();
  expect(rename("評価表[取組名]")).toBeUndefined();
  expect(rename("[1]!評価表[29年度下半期評価]")).toBeUndefined(); // another workbook's table
  expect(renameTableColumn("Table1[col]", "TABLE1", "COL", "列")).toBe("Table1[列]");
});

test("names with brackets, # or an apostrophe are escaped as Excel writes them", () => {
  expect(renameTableColumn("T[[#This Row],[評価'[前']]]", "T", "評価[前]", "評価#1's")).toBe("T[[#This Row],[評価'#1''s]]");
});
