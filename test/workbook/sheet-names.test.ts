/**
 * @jest-environment node
 *
 * Names the add-in gives new sheets (前年度_, 回収前_, summary sheets) are ones Excel accepts, also where cutting a
 * long name to 31 characters lands after an apostrophe or inside an emoji.
 */
import { freeSheetName, sanitizeSheetName } from "../../src/workbook/sheet-names";
import { validSheetName } from "../fakes/excel-fake";

const cases = [
  // The 31st character is an apostrophe inside the name: cut there, the name would end with it.
  `前年度_${"あ".repeat(26)}'s plan`,
  // An emoji (two code units) across the 31st: cut there, half of it would stay.
  `前年度_${"い".repeat(26)}😀残り`,
  `回収前_${"う".repeat(27)}''末尾`,
  "History",
  "'引用符'",
  "a/b:c?d*e[f]g\\h",
];

test.each(cases)("新しいシートの名前は Excel が受け付ける形になる: %s", (wanted) => {
  const name = sanitizeSheetName(wanted);
  expect(validSheetName(name)).toBe(true);
  const taken = [name, ...[2, 3, 4].map((i) => freeSheetName(wanted, [name]).replace(/\(2\)$/, `(${i})`))];
  const free = freeSheetName(wanted, taken);
  expect([free, validSheetName(free)]).toEqual([free, true]);
  expect(taken.map((t) => t.toLowerCase())).not.toContain(free.toLowerCase());
});

test("切り詰めは名前を 31 文字に収め、絵文字は丸ごと残すか丸ごと落とす", () => {
  expect(sanitizeSheetName(`前年度_${"い".repeat(26)}😀残り`)).toBe(`前年度_${"い".repeat(26)}`);
  expect(sanitizeSheetName(`前年度_${"い".repeat(25)}😀残り`)).toBe(`前年度_${"い".repeat(25)}😀`);
  expect(sanitizeSheetName(`前年度_${"あ".repeat(26)}'s plan`)).toBe(`前年度_${"あ".repeat(26)}`);
  // 30 characters fit; with " (2)" the emoji would straddle the cut.
  const wanted = `前年度_${"い".repeat(22)}😀残り`;
  expect(sanitizeSheetName(wanted)).toBe(wanted);
  expect(freeSheetName(wanted, [wanted])).toBe(`前年度_${"い".repeat(22)} (2)`);
});
