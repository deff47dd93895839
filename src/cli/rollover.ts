/**
 * `chosahyo rollover <file> -o <out.xlsx> [--drop-ended] [--no-aids] [--protect]`: next year's workbook from this
 * year's (年度更新, docs/rollover.md), with the input aids set on it unless --no-aids. The input is read, never
 * written; the output is a new file.
 */
import { t } from "./i18n";
import { describeAids, describePlan, describePreviousKept, describeRefusal } from "../core/rollover/describe";
import type { Profile } from "../core/profile/types";
import { isWorkbookError } from "../workbook/port";
import { rollBook } from "../workbook/xlsx/roll";
import { ArgError, type RolloverArgs } from "./args";
import { readAndValidateWithin } from "./budget";
import type { Io } from "./main";
import { samePath, writeAtomically } from "./output-file";
import { fileError } from "./validate-files";

export async function runRollover(args: RolloverArgs, profiles: readonly Profile[], io: Io): Promise<number> {
  const { lang } = args;
  if (samePath(args.input, args.output)) throw new ArgError("cli.summarize.same-path", { path: args.output }, lang);
  const r = await readAndValidateWithin(args.input, { profiles, fiscalYear: args.fiscalYear, planPeriod: args.planPeriod, lang }, args.timeout);
  if ("error" in r) {
    io.stderr.write(t(lang, "cli.error.line", { path: args.input, message: r.error.message }) + "\n");
    return 2;
  }
  if (r.book.isMacroEnabled() && !/\.xlsm$/i.test(args.output)) throw new ArgError("cli.summarize.macro-extension", { path: args.output }, lang);
  let rolled: Awaited<ReturnType<typeof rollBook>>;
  try {
    rolled = await rollBook(r.book, r.report, { profiles, dropEnded: args.dropEnded, aids: args.aids ? { protect: args.protect, lang } : false });
  } catch (e) {
    // A protected sheet or workbook: said in words, and nothing is written.
    if (!isWorkbookError(e)) throw e;
    io.stderr.write(t(lang, "cli.error.line", { path: args.input, message: fileError(e.code, lang, e.sheet ?? e.detail).message }) + "\n");
    return 2;
  }
  if (!rolled.ok) {
    io.stderr.write(describeRefusal(rolled.refusal)[lang] + "\n");
    return 1;
  }
  writeAtomically(args.output, rolled.bytes, lang);
  io.stdout.write(t(lang, "cli.rollover.written", { path: args.output }) + "\n");
  for (const line of describePlan(rolled.plan, rolled.formulas)) io.stdout.write(`  ${line[lang]}\n`);
  if (rolled.aids) io.stdout.write(`  ${describeAids(rolled.aids)[lang]}\n`);
  if (rolled.previousYear) io.stdout.write(`  ${describePreviousKept(rolled.previousYear)[lang]}\n`);
  return 0;
}
