/**
 * The departments' file names (配布): safe on Windows whatever a department's name holds, at most 100 characters,
 * and never the same file twice (Windows compares names without regard to case).
 */
import { departmentFileNames, MAX_FILE_NAME, safeFileStem } from "../../src/core/cycle/file-names";

const WINDOWS_FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f]/;

test("課の名前がそのままファイル名になる", () => {
  expect(departmentFileNames(["財政課", "市民協働・男女参画推進課"], ".xlsx")).toEqual(["財政課.xlsx", "市民協働・男女参画推進課.xlsx"]);
});

test("Windows で使えない文字は _ に、末尾の点や空白は取り、予約名は避ける", () => {
  const names = departmentFileNames(['企画/調整:課', 'a*b?c"d<e>f|g\\h', "総務課. ", "CON", "nul.txt", "  "], ".xlsx");
  expect(names).toEqual(["企画_調整_課.xlsx", "a_b_c_d_e_f_g_h.xlsx", "総務課.xlsx", "_CON.xlsx", "_nul.txt.xlsx", "_.xlsx"]);
  for (const n of names) expect(n).not.toMatch(WINDOWS_FORBIDDEN);
  expect(safeFileStem("課\u0007名")).toBe("課_名");
});

test("100 文字まで（拡張子と番号を含む）、サロゲートペアを割らない", () => {
  const long = "𠮷".repeat(80) + "課";
  const [a, b] = departmentFileNames([long, long], ".xlsx");
  expect(a.length).toBeLessThanOrEqual(MAX_FILE_NAME);
  expect(b.length).toBeLessThanOrEqual(MAX_FILE_NAME);
  expect(a).toMatch(/^(𠮷)+\.xlsx$/);
  expect(b).toMatch(/^(𠮷)+ \(2\)\.xlsx$/);
  expect(a).not.toBe(b);
});

test("同じ名前になる課には番号を付ける（大文字・小文字の違いも同じ名前）", () => {
  expect(departmentFileNames(["企画:課", "企画/課", "ICT課", "ict課", "企画_課"], ".xlsx")).toEqual(["企画_課.xlsx", "企画_課 (2).xlsx", "ICT課.xlsx", "ict課 (2).xlsx", "企画_課 (3).xlsx"]);
});
