/**
 * `chosahyo aids <file.xlsx> -o <out.xlsx> [--protect] [--lang ja|en] [--stage …] [--profile …]`: the workbook with
 * input aids (入力支援, docs/input-aids.md) written to a new file: a drop-down list and an input message on each code
 * cell, input messages where a rule asks something of the clerk, a colour on empty required cells and, with
 * --protect, sheet protection that leaves only the input cells editable. The input is only read; no value changes.
 */
import { t } from "./i18n";
import { planInputAids } from "../core/input-aids/plan";
import type { Profile } from "../core/profile/types";
import { isWorkbookError } from "../workbook/port";
import { type AidsArgs, ArgError } from "./args";
import { readAndValidateWithin } from "./budget";
import type { Io } from "./main";
import { samePath, writeAtomically } from "./output-file";
import { fileError } from "./validate-files";

export async function runAids(args: AidsArgs, profiles: readonly Profile[], io: Io): Promise<number> {
  const { lang } = args;
  if (samePath(args.input, args.output)) throw new ArgError("cli.summarize.same-path", { path: args.output }, lang);
  const failed = (message: string): number => {
    io.stderr.write(t(lang, "cli.error.line", { path: args.input, message }) + "\n");
    return 2;
  };
  const r = await readAndValidateWithin(args.input, { profiles, stage: args.stage, lang }, args.timeout);
  if ("error" in r) return failed(r.error.message);
  const { book, report } = r;
  // The output keeps the input's macros, and Excel opens a macro-enabled workbook only under .xlsm.
  if (book.isMacroEnabled() && !/\.xlsm$/i.test(args.output)) throw new ArgError("cli.summarize.macro-extension", { path: args.output }, lang);
  // The output is a new file: a sheet protected without a password (an earlier --protect) takes the aids and is
  // protected again as it was, or as --protect protects; one with a password is left alone and named.
  const protection = book.liftProtection();
  const plan = planInputAids(await book.readAll(), report, profiles, { protect: args.protect, lang });
  if (plan.skippedProtected.length) io.stderr.write(t(lang, "cli.aids.skipped-protected", { names: plan.skippedProtected.join(", ") }) + "\n");
  if (plan.aids.length === 0) {
    io.stderr.write(t(lang, "cli.aids.none") + "\n");
    return 2;
  }
  let result;
  let bytes: Uint8Array;
  try {
    result = await book.applyInputAids(plan.aids, new Date());
    protection.restore();
    bytes = await book.toBytes();
  } catch (e) {
    if (isWorkbookError(e)) return failed(fileError(e.code, lang, e.detail).message);
    throw e;
  }
  writeAtomically(args.output, bytes, lang);
  io.stdout.write(t(lang, "cli.aids.written", { path: args.output, count: result.sheets.length }) + "\n");
  for (const s of result.sheets) {
    const protectedNote = s.protected ? t(lang, "cli.aids.sheet.protected") : "";
    io.stdout.write(t(lang, "cli.aids.sheet", { sheet: s.sheet, validations: s.validations, highlights: s.highlights, protected: protectedNote }) + "\n");
  }
  if (result.sheets.some((s) => s.protected)) io.stdout.write(t(lang, "cli.aids.unprotect") + "\n");
  return 0;
}
