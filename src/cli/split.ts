/**
 * `chosahyo split <master.xlsx> -o <folder> [--shared lead|copy] [--no-aids]`: 配布 (docs/distribution.md), one
 * workbook per department, named after it. The master is read, never written. The folder is made when missing; one
 * that already holds files is refused, so no one's file is overwritten.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { departmentFileNames } from "../core/cycle/file-names";
import { notCopiedPartText } from "../core/cycle/not-copied";
import type { Lang } from "../core/i18n";
import { t } from "./i18n";
import type { Profile } from "../core/profile/types";
import { isWorkbookError } from "../workbook/port";
import { type NotCopied, splitBook } from "../workbook/xlsx/split";
import { ArgError, type SplitArgs } from "./args";
import { readAndValidateWithin } from "./budget";
import { fsReason } from "./fs-reason";
import type { Io } from "./main";
import { writeAtomically } from "./output-file";
import { fileError } from "./validate-files";

function checkOutputFolder(folder: string, lang: Lang): void {
  if (!existsSync(folder)) return;
  if (!statSync(folder).isDirectory()) throw new ArgError("cli.split.output-is-file", { path: folder }, lang);
  if (readdirSync(folder).length > 0) throw new ArgError("cli.split.output-not-empty", { path: folder }, lang);
}

function partsText(n: NotCopied, lang: Lang): string {
  return n.parts.map((p) => notCopiedPartText(p, lang)).join(t(lang, "split.list.separator"));
}

export async function runSplit(args: SplitArgs, profiles: readonly Profile[], io: Io): Promise<number> {
  const { lang } = args;
  checkOutputFolder(args.output, lang);
  const r = await readAndValidateWithin(args.input, { profiles, lang }, args.timeout);
  if ("error" in r) {
    io.stderr.write(t(lang, "cli.error.line", { path: args.input, message: r.error.message }) + "\n");
    return 2;
  }
  let split: Awaited<ReturnType<typeof splitBook>>;
  try {
    split = await splitBook(r.book, r.report, { profiles, shared: args.shared, aids: args.aids ? { lang } : false });
  } catch (e) {
    if (!isWorkbookError(e)) throw e;
    io.stderr.write(t(lang, "cli.error.line", { path: args.input, message: fileError(e.code, lang, e.sheet ?? e.detail).message }) + "\n");
    return 2;
  }
  const sep = t(lang, "split.list.separator");
  if (!split.ok) {
    const message = split.reason === "table-format" ? t(lang, "split.refusal.table-format", { sheets: split.sheets.join(sep) }) : t(lang, "split.refusal.nothing-recognised");
    io.stderr.write(t(lang, "cli.error.line", { path: args.input, message }) + "\n");
    return 1;
  }
  checkOutputFolder(args.output, lang); // again: reading took a while
  try {
    mkdirSync(args.output, { recursive: true });
  } catch (e) {
    throw new ArgError("cli.summarize.output-unwritable", { path: args.output, reason: fsReason(e, lang) }, lang);
  }
  const names = departmentFileNames(
    split.books.map((b) => b.department),
    ".xlsx",
  );
  split.books.forEach((b, i) => writeAtomically(path.join(args.output, names[i]), b.bytes, lang));
  io.stdout.write(t(lang, "cli.split.written", { path: args.output, count: split.books.length }) + "\n");
  split.books.forEach((b, i) => io.stdout.write(t(lang, "cli.split.file", { file: names[i], count: b.sheets.length, sheets: b.sheets.join(sep) }) + "\n"));
  const { plan } = split;
  if (plan.shared.length) {
    io.stdout.write(t(lang, "cli.split.shared", { mode: t(lang, args.shared === "copy" ? "cli.split.shared.copy" : "cli.split.shared.lead") }) + "\n");
    for (const s of plan.shared) {
      const notSent = s.others.filter((o) => !s.sentTo.includes(o));
      const others = notSent.join(sep);
      const key = !s.sentTo.length ? "cli.split.undecided" : notSent.length ? "cli.split.shared.line" : "cli.split.shared.all";
      const line = t(lang, key, { sheet: s.sheet, item: s.item, sentTo: s.sentTo.join(sep), others: others || t(lang, "split.none") });
      io.stdout.write(line + "\n");
    }
  }
  if (plan.kept.length) io.stdout.write(t(lang, "cli.split.kept", { sheets: plan.kept.join(sep) }) + "\n");
  if (split.notCopied.length) {
    io.stdout.write(t(lang, "cli.split.notCopied") + "\n");
    for (const n of split.notCopied) io.stdout.write(t(lang, "cli.split.notCopied.line", { sheet: n.sheet, parts: partsText(n, lang) }) + "\n");
  }
  if (args.aids && split.aidsSheets) io.stdout.write(t(lang, "cli.split.aids", { count: split.aidsSheets }) + "\n");
  if (split.aidsSkippedProtected.length) io.stdout.write(t(lang, "cli.split.aidsProtected", { sheets: split.aidsSkippedProtected.join(sep) }) + "\n");
  return 0;
}
