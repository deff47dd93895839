/**
 * `chosahyo collect <master.xlsx> <file-or-folder>... -o <merged.xlsx> [--dry-run] [--accept-form-changes[=file,…]]`:
 * 回収 (docs/distribution.md). Prints the preview (per file: department, sheets, cells changed, findings, what is
 * replaced, or why it is not taken in); with --dry-run it stops there, else the merged master is written to -o
 * atomically. No input is ever written. A file whose form was changed is held back, unless --accept-form-changes
 * (all such files, or those named) lets only its input cells into the master's form. Exit codes: 0 every file taken
 * in, 1 a file was refused or held back, 2 an input could not be read.
 */
import path from "node:path";
import { describeFileCollect, refusalText } from "../core/cycle/collect";
import type { Lang } from "../core/i18n";
import { t } from "./i18n";
import type { Profile } from "../core/profile/types";
import { isWorkbookError } from "../workbook/port";
import { applyCollect, planCollectBooks, type ReturnedWorkbook } from "../workbook/xlsx/collect";
import type { XlsxWorkbook } from "../workbook/xlsx/xlsx-workbook";
import { ArgError, type CollectArgs } from "./args";
import { timeoutError } from "./budget";
import type { Io } from "./main";
import { samePath, writeAtomically } from "./output-file";
import { expandInputs, type FileError, fileError, openWorkbook } from "./validate-files";

export async function runCollect(args: CollectArgs, profiles: readonly Profile[], io: Io): Promise<number> {
  const { lang } = args;
  const { files, emptyFolders, inFolder } = expandInputs(args.inputs);
  if (args.output) {
    for (const p of [args.master, ...files]) if (samePath(p, args.output)) throw new ArgError("cli.summarize.same-path", { path: args.output }, lang);
  }
  // Each file, the master too, is opened and read whole within its own budget (--timeout); the plan then works on
  // what was read.
  const masterDeadline = Date.now() + args.timeout * 1000;
  const masterOpened = await openWorkbook(args.master, lang);
  const opened = "error" in masterOpened ? masterOpened : ((await readError(masterOpened.book, lang, masterDeadline, args.timeout)) ?? masterOpened);
  if ("error" in opened) {
    io.stderr.write(t(lang, "cli.collect.unreadable-master", { path: args.master, message: opened.error.message }) + "\n");
    return 2;
  }
  const master: XlsxWorkbook = opened.book;
  if (args.output && master.isMacroEnabled() && !/\.xlsm$/i.test(args.output)) throw new ArgError("cli.summarize.macro-extension", { path: args.output }, lang);
  let unreadable = emptyFolders.length;
  for (const p of emptyFolders) io.stderr.write(t(lang, "cli.error.line", { path: p, message: fileError("empty-folder", lang).message }) + "\n");
  const returned: ReturnedWorkbook[] = [];
  const returnedPaths: string[] = [];
  for (const file of files) {
    if (samePath(file, args.master)) continue; // the master in the same folder is not a returned file
    const deadline = Date.now() + args.timeout * 1000;
    const r = await openWorkbook(file, lang);
    // Read now, so that a file that opens but cannot be read (no worksheet, a damaged sheet, one the lenient reader
    // reads but the copy cannot follow, one over its budget) is named as itself, not as the master when the plan
    // reads or applies it.
    const opened = "error" in r ? r : ((await readError(r.book, lang, deadline, args.timeout, { copied: true })) ?? r);
    if ("error" in opened) {
      unreadable++;
      io.stdout.write(`${path.basename(file)}\n${t(lang, "cli.collect.read-error", { message: opened.error.message })}\n\n`);
      continue;
    }
    returned.push({ file: path.basename(file), book: opened.book });
    returnedPaths.push(file);
  }
  if (Array.isArray(args.acceptFormChanges)) {
    // A name that is not one of the returned files is a typing slip: said before anything is read into the plan.
    const unknown = args.acceptFormChanges.filter((n) => !returned.some((r) => r.file === n));
    if (unknown.length) throw new ArgError("cli.collect.accept-unknown", { files: unknown.join(", ") }, lang);
  }
  const at = new Date();
  let plan: Awaited<ReturnType<typeof planCollectBooks>>;
  try {
    plan = await planCollectBooks(master, returned, profiles, at, acceptedFiles(args.acceptFormChanges, returned));
  } catch (e) {
    if (!isWorkbookError(e)) throw e;
    io.stderr.write(t(lang, "cli.error.line", { path: args.master, message: fileError(e.code, lang, e.sheet ?? e.detail).message }) + "\n");
    return 2;
  }
  // A copy of the master or an earlier consolidation found in a returned folder is passed over, as the master itself
  // is there, with a line; named, it is refused like any file that is not a return. (The plan keeps the files' order.)
  const passedOver = (i: number) => inFolder.has(returnedPaths[i]) && (plan.files[i].refusal?.code === "consolidated" || plan.files[i].refusal?.code === "master-copy");
  plan.files.forEach((f, i) => {
    if (passedOver(i)) io.stdout.write(t(lang, "cli.collect.passed-over", { path: returnedPaths[i], reason: refusalText(f.refusal!, lang) }) + "\n\n");
    else io.stdout.write(describeFileCollect(f, lang).join("\n") + "\n\n");
  });
  const notTaken = plan.files.filter((f, i) => (f.refusal && !passedOver(i)) || f.held).length;
  if (plan.files.some((f) => f.held)) io.stdout.write(t(lang, "cli.collect.accept-hint") + "\n");
  const code = unreadable > 0 ? 2 : notTaken > 0 ? 1 : 0;
  if (args.dryRun || !args.output) {
    io.stdout.write(t(lang, "cli.collect.dry-run") + "\n");
    return code;
  }
  if (plan.files.every((f) => f.refusal || f.held)) {
    io.stdout.write(t(lang, "cli.collect.nothing") + "\n");
    return code;
  }
  let result: Awaited<ReturnType<typeof applyCollect>>;
  let bytes: Uint8Array;
  try {
    result = await applyCollect(master, plan, returned, lang, at);
    bytes = await master.toBytes();
  } catch (e) {
    // A protected sheet or workbook in the master, or a part of it damaged where reading did not look: said in
    // words, and nothing is written. (The returned files were read whole before the plan.)
    if (!isWorkbookError(e)) throw e;
    io.stderr.write(t(lang, "cli.error.line", { path: args.master, message: fileError(e.code, lang, e.sheet ?? e.detail).message }) + "\n");
    return 2;
  }
  writeAtomically(args.output, bytes, lang);
  io.stdout.write(t(lang, "cli.collect.written", { path: args.output, sheets: result.sheetsReplaced, cells: result.cellsChanged }) + "\n");
  if (result.formulaCells?.length) io.stdout.write(t(lang, "cli.collect.formula-cells", { cells: result.formulaCells.join(" ") }) + "\n");
  return code;
}

/**
 * Why an opened workbook cannot be read by `deadline` (a budget of `seconds`), or, for a returned file (`copied`),
 * its sheets not copied into the master, in the user's words; undefined when it can.
 */
async function readError(book: XlsxWorkbook, lang: Lang, deadline: number, seconds: number, options: { readonly copied?: boolean } = {}): Promise<{ error: FileError } | undefined> {
  try {
    await book.readAll({ deadline });
    if (options.copied) book.assertSheetsCopyable();
    return undefined;
  } catch (e) {
    if (!isWorkbookError(e)) throw e;
    return { error: e.code === "timeout" ? timeoutError(lang, seconds) : fileError(e.code, lang, e.sheet ?? e.detail) };
  }
}

/** The files whose changed form is accepted: all returned files, the named ones, or none. */
function acceptedFiles(accept: CollectArgs["acceptFormChanges"], returned: readonly ReturnedWorkbook[]): ReadonlySet<string> | undefined {
  if (accept === false) return undefined;
  return new Set(accept === true ? returned.map((r) => r.file) : accept);
}
