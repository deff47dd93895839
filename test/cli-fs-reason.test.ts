/**
 * @jest-environment node
 *
 * Why a file could not be read or written, as a clerk reads it: words first, the system's code after them. The
 * codes a test cannot easily provoke as root on Linux (a file Excel holds open on Windows: EBUSY or EPERM; a full
 * disk) are given here directly.
 */
import { fsReason } from "../src/cli/fs-reason";

const err = (code: string) => Object.assign(new Error(`${code}: something`), { code });

test.each([
  ["EPERM", "ja", "権限がないか、Excel などのほかのプログラムが開いています: EPERM"],
  ["EACCES", "en", "no permission, or another program (such as Excel) has it open: EACCES"],
  ["EBUSY", "ja", "Excel などのほかのプログラムが開いています: EBUSY"],
  ["ENOSPC", "en", "the disk is full: ENOSPC"],
  ["EROFS", "ja", "読み取り専用の場所です: EROFS"],
] as const)("%s (%s)", (code, lang, says) => {
  expect(fsReason(err(code), lang)).toBe(says);
});

test("a code without words is given as it is; an error without a code by its first line", () => {
  expect(fsReason(err("EXDEV"), "ja")).toBe("EXDEV");
  expect(fsReason(new Error("went wrong\n    at somewhere"), "en")).toBe("went wrong");
});
