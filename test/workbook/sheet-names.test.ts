/**
 * @jest-environment node
 *
 * Names the add-in gives new sheets (前年度_, 回収前_, summary sheets, copies in a folder's summary) are ones Japanese
 * Excel accepts, also where cutting a long name to 31 characters lands after an apostrophe or inside an emoji, and
 * never one Excel takes for a name in use.
 */
import { freeSheetName, sanitizeSheetName } from "../../src/workbook/sheet-names";
import { excelNameKey, validSheetName } from "../fakes/excel-fake";
import { generator } from "../helpers/damage";

const cases = [
  // The 31st character is an apostrophe inside the name: cut there, the name would end with it.
  `前年度_${"あ".repeat(26)}'s plan`,
  // An emoji (two code units) across the 31st: cut there, half of it would stay.
  `前年度_${"い".repeat(26)}😀残り`,
  `回収前_${"う".repeat(27)}''末尾`,
  "History",
  "'引用符'",
  "a/b:c?d*e[f]g\\h",
  // Japanese Excel refuses the full-width forms as well (a name typed with the IME on).
  "施策１：子育て／教育？＊［重点］＼￥",
  "’計画’",
  "＇案＇",
  "案' '",
  "ＨＩＳＴＯＲＹ",
  "履歴",
  "改行\nと\tタブ",
];

test.each(cases)("新しいシートの名前は Excel が受け付ける形になる: %s", (wanted) => {
  const name = sanitizeSheetName(wanted);
  expect(validSheetName(name)).toBe(true);
  const taken = [name, ...[2, 3, 4].map((i) => freeSheetName(wanted, [name]).replace(/\(2\)$/, `(${i})`))];
  const free = freeSheetName(wanted, taken);
  expect([free, validSheetName(free)]).toEqual([free, true]);
  expect(taken.map(excelNameKey)).not.toContain(excelNameKey(free));
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

test("全角の禁止文字は _ に置き換え、全角の引用符も端から外す", () => {
  expect(sanitizeSheetName("施策１：子育て／教育？")).toBe("施策１_子育て_教育_");
  expect(sanitizeSheetName("＇案＇")).toBe("案");
  expect(sanitizeSheetName("案' '")).toBe("案");
  expect(sanitizeSheetName("ＨＩＳＴＯＲＹ")).toBe("ＨＩＳＴＯＲＹ_");
  // Japanese Excel reserves 履歴 as English Excel reserves History.
  expect(sanitizeSheetName("履歴")).toBe("履歴_");
  expect(sanitizeSheetName("変更履歴")).toBe("変更履歴");
});

// Excel takes names that differ only in case or width for one name: a workbook holding both needs repair.
test.each([
  ["No.1", "Ｎｏ．１"],
  ["ABC", "ａｂｃ"],
  ["ガイド", "ｶﾞｲﾄﾞ"],
  ["評価一覧", "評価一覧"],
])("%s が使われていれば %s は (2) を付けた名前になる", (taken, wanted) => {
  expect(freeSheetName(wanted, [taken])).toBe(`${wanted} (2)`);
  expect(freeSheetName(wanted, [taken, `${taken} (2)`])).toBe(`${wanted} (3)`);
});

test("どんな名前を望んでも、Excel が受け付けて、使われているどの名前とも Excel が区別する名前になる（乱数 2,000 通り）", () => {
  const g = generator(20261207);
  // What sheet names in the wild are made of: the characters Excel refuses in both widths, apostrophes, spaces, case
  // and width pairs, kana, an emoji and a rare kanji (two code units each), control characters.
  const alphabet = [..."/\\?*:[]／＼？＊：［］￥'’＇ 　aAａＡ1１ｶガｶﾞ履歴Historyhistory№①😀𠮷\t\n\u0001.-()（）"];
  const names: string[] = [];
  const keys = new Set<string>();
  for (let i = 0; i < 2000; i++) {
    const wanted = Array.from({ length: 1 + Math.floor(g.next() * 40) }, () => g.pick(alphabet)).join("");
    const name = freeSheetName(wanted, names);
    expect([wanted, name, validSheetName(name), keys.has(excelNameKey(name))]).toEqual([wanted, name, true, false]);
    names.push(name);
    keys.add(excelNameKey(name));
  }
});
