/**
 * `chosahyo validate <file|dir>... [--json] [--lang ja|en] [--stage 提出前|本部評価後] [--profile file.json] [--timeout s] [--jobs n]`
 * Several files are checked on worker threads (pool.ts); one file, or `--jobs 1`, in this process.
 * Exit codes: 0 no error findings, 1 error findings, 2 an input could not be read.
 */
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import type { Lang } from "../core/i18n";
import { type AnyMessageKey as MessageKey, t } from "./i18n";
import { fsReason } from "./fs-reason";
import { describeProfileProblems, parseUserProfile, withUserProfiles } from "../core/profile/user-profile";
import type { Profile } from "../core/profile/types";
import { BUILT_IN_PROFILES } from "../core/profiles";
import { textWidth } from "../core/values/text";
import { ArgError, parseArgs, type ValidateArgs } from "./args";
import { finishValidate, humanReport, PassedOver } from "./output";
import { runSummarize } from "./summarize";
import { runNewPlan } from "./new-plan";
import { runRollover } from "./rollover";
import { runAids } from "./aids";
import { runCollect } from "./collect";
import { runSplit } from "./split";
import { runCompare, runValidateWithPrevious } from "./compare";
import { NO_PROGRESS, terminalProgress } from "./progress";
import { validateWithin } from "./budget";
import { inInputOrder, validateOnPool } from "./pool";
import { expandInputs, type FileResult, fileError, returnedMasterIds, type ValidateFileOptions } from "./validate-files";
import { isWorkbookError } from "../workbook/port";

/** The help text: the main commands, then one entry per further command. */
const USAGE: readonly MessageKey[] = ["cli.usage", "cli.usage.rollover", "cli.newPlan.usage", "cli.aids.usage", "cli.split.usage", "cli.collect.usage", "cli.compare.usage"];

export interface Io {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

/** Loads `--profile` files; a user's profile replaces a built-in one with the same id. */
function loadProfiles(paths: readonly string[], lang: Lang): Profile[] {
  const mine: Profile[] = [];
  for (const file of paths) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (e) {
      throw new ArgError("cli.arg.profile-unreadable", { path: file, reason: fsReason(e, lang) }, lang);
    }
    const r = parseUserProfile(text);
    if (!r.ok && r.reason === "not-json") throw new ArgError("cli.arg.profile-not-json", { path: file }, lang);
    if (!r.ok) throw new ArgError("cli.arg.profile-invalid", { path: file, problems: describeProfileProblems(r.problems, lang).join("; ") }, lang);
    mine.push(r.profile);
  }
  return withUserProfiles(BUILT_IN_PROFILES, mine);
}

/** A file that could not be read: one line on stderr naming the file and the problem, whatever the output mode. */
function reportError(r: FileResult, args: ValidateArgs, io: Io): void {
  if (r.error) io.stderr.write(t(args.lang, "cli.error.line", { path: r.path, message: r.error.message }) + "\n");
}

/** Worker threads for `count` files: `--jobs`, else one per core; never more than there are files. */
function poolSize(args: ValidateArgs, count: number): number {
  return Math.min(args.jobs ?? availableParallelism(), count);
}

async function runValidate(args: ValidateArgs, io: Io): Promise<number> {
  const profiles = loadProfiles(args.profiles, args.lang);
  if (args.previous !== undefined) return runValidateWithPrevious({ ...args, previous: args.previous }, profiles, io);
  const { files, emptyFolders, inFolder } = expandInputs(args.inputs);
  const results: FileResult[] = emptyFolders.map((p) => ({ path: p, sheets: [], findings: [], error: fileError("empty-folder", args.lang) }));
  for (const r of results) reportError(r, args, io);
  const passed = new PassedOver(inFolder, io.stdout, args.lang, args.json);
  // The master the returns in a folder were distributed from, kept beside them, would repeat their items.
  const returnsOf = async (): Promise<Set<string> | undefined> => (inFolder.size ? returnedMasterIds(files, args.lang) : undefined);
  const bar = args.progress === "auto" && io.stderr.isTTY ? terminalProgress(io.stderr) : NO_PROGRESS;
  const emit = (r: FileResult): void => {
    bar.done();
    if (passed.passOver(r.path, r.notSubmission)) return;
    results.push(r);
    if (r.error) reportError(r, args, io);
    else if (!args.json) io.stdout.write(humanReport(r, args.lang, profiles) + "\n\n");
  };
  const jobs = poolSize(args, files.length);
  if (jobs > 1) {
    // Results come in as files finish; each is printed once it and every file before it are done.
    let done = 0;
    if (files.length >= 3) bar.update(0, files.length, t(args.lang, "cli.progress.files", { done, total: files.length }));
    const inOrder = inInputOrder(files.length, (_i, r) => emit(r));
    await validateOnPool(files, {
      jobs,
      setup: { profiles, stage: args.stage, fiscalYear: args.fiscalYear, planPeriod: args.planPeriod, lang: args.lang, seconds: args.timeout },
      returnsOf,
      onResult: (index, r) => {
        done++;
        inOrder(index, r);
        if (files.length >= 3 && done < files.length) bar.update(done, files.length, t(args.lang, "cli.progress.files", { done, total: files.length }));
      },
    });
    bar.done();
  } else {
    // One file (or --jobs 1): in this process, no thread start-up; the budget is kept cooperatively (budget.ts).
    const ids = await returnsOf();
    for (let i = 0; i < files.length; i++) {
      const fileLabel = t(args.lang, "cli.progress.files", { done: i, total: files.length });
      const opts: ValidateFileOptions = {
        profiles,
        stage: args.stage,
        fiscalYear: args.fiscalYear,
        planPeriod: args.planPeriod,
        lang: args.lang,
        ...(ids ? { returnsOf: ids } : {}),
        onSheet: (done, total) => {
          // Only big jobs get a bar: several files, or a workbook with many sheets.
          if (files.length >= 3 || total >= 20) {
            const sheets = t(args.lang, "cli.progress.sheets", { done, total });
            bar.update(done, total, files.length > 1 ? `${fileLabel} · ${sheets}` : sheets);
          }
        },
      };
      emit(await validateWithin(files[i], opts, args.timeout));
    }
  }
  return finishValidate(results, passed, args, io);
}

/**
 * Every command's usage on one page. The first line is `使い方: chosahyo validate …`; each other command's line is
 * indented to stand under that first `chosahyo`, in the columns a terminal gives the prefix (使い方 is full-width).
 */
function helpPage(lang: Lang): string {
  const lines = USAGE.map((k) => t(lang, k))
    .join("\n")
    .split("\n");
  const indent = " ".repeat(textWidth(lines[0].slice(0, lines[0].indexOf("chosahyo "))));
  return lines.map((line, i) => (i > 0 && line.startsWith("chosahyo ") ? indent + line : line)).join("\n");
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let lang: Lang = "ja";
  try {
    const args = parseArgs(argv);
    lang = args.lang;
    if (args.command === "help") {
      // `aids --help` and `new-plan --help` have their own page; any other asks for the whole help.
      const own = args.topic === "aids" ? "cli.aids.usage" : args.topic === "new-plan" ? "cli.newPlan.usage" : undefined;
      io.stdout.write((own ? t(args.lang, own) : helpPage(args.lang)) + "\n");
      return 0;
    }
    if (args.command === "summarize") return await runSummarize(args, loadProfiles(args.profiles, args.lang), io);
    if (args.command === "rollover") return await runRollover(args, loadProfiles(args.profiles, args.lang), io);
    if (args.command === "aids") return await runAids(args, loadProfiles(args.profiles, args.lang), io);
    if (args.command === "new-plan") return await runNewPlan(args, loadProfiles(args.profiles, args.lang), io);
    if (args.command === "collect") return await runCollect(args, loadProfiles(args.profiles, args.lang), io);
    if (args.command === "split") return await runSplit(args, loadProfiles(args.profiles, args.lang), io);
    if (args.command === "compare") return await runCompare(args, loadProfiles(args.profiles, args.lang), io);
    return await runValidate(args, io);
  } catch (e) {
    // One line, in the user's language; never a stack trace.
    if (e instanceof ArgError) {
      io.stderr.write(t(e.lang, e.key, e.params) + "\n");
      return 2;
    }
    // A workbook's refusal that a command did not word itself still gets its own words.
    if (isWorkbookError(e)) {
      io.stderr.write(fileError(e.code, lang, e.sheet ?? e.detail).message + "\n");
      return 2;
    }
    io.stderr.write(t(lang, "error.internal", { reason: e instanceof Error ? e.message.split("\n")[0] : String(e) }) + "\n");
    return 2;
  }
}

/**
 * A reader that stops early (`| head`) closes the pipe, and Node raised the next write's EPIPE as an unhandled
 * error: a stack trace. Now the rest of the output, which has nowhere to go, is dropped, and the command finishes
 * its work (the files it writes are written) and exits with its own code.
 */
function watchOutput(): { failed: () => boolean } {
  let failed = false;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      // Any other failure to write the report (a full disk under `> report.txt`) fails the run, without a trace.
      if (e.code !== "EPIPE" && e.code !== "ERR_STREAM_DESTROYED") failed = true;
    });
  }
  return { failed: () => failed };
}

export function runCli(): void {
  const output = watchOutput();
  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
    (code) => {
      process.exitCode = output.failed() ? 2 : code;
    },
    () => {
      process.exitCode = 2;
    },
  );
}
