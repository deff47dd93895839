/**
 * `chosahyo new-plan <list.csv|list.xlsx> -o <out.xlsx> [--plan-period 2017-2020] [--plan-name …] [--title …]
 * [--no-aids] [--protect]`: a new plan's blank workbook from its item list (docs/new-plan.md), with the input aids
 * (docs/input-aids.md) set on it unless --no-aids. The list is read, never written: a CSV (UTF-8, else Shift_JIS as
 * Excel writes "CSV" on a Japanese Windows) or a workbook holding the list or an earlier 評価一覧. The output is a new
 * file.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Lang } from "../core/i18n";
import { t } from "./i18n";
import { NEW_PLAN_PROFILE_ID } from "../core/new-plan/build";
import type { PlanListProblem, PlanListResult } from "../core/new-plan/plan-list";
import type { Profile } from "../core/profile/types";
import { BUILT_IN_PROFILES } from "../core/profiles";
import { describeAids } from "../core/rollover/describe";
import { defaultPlanPeriod } from "../core/plan-period";
import { warekiYear } from "../core/values/wareki";
import { isWorkbookError } from "../workbook/port";
import { buildNewPlanWorkbook, readPlanListFile } from "../workbook/xlsx/new-plan";
import { ArgError, type NewPlanArgs } from "./args";
import { timeoutError } from "./budget";
import { fsReason } from "./fs-reason";
import type { Io } from "./main";
import { samePath, writeAtomically } from "./output-file";
import { fileError } from "./validate-files";

/** An item list is a few dozen rows; a larger file is not one. */
const MAX_LIST_BYTES = 20 * 1024 * 1024;
/** Problems listed before "and N more": enough to fix a list in one pass, short enough to read. */
const SHOWN_PROBLEMS = 20;

function writeProblems(io: Io, lang: Lang, file: string, problems: readonly PlanListProblem[]): void {
  io.stderr.write(t(lang, "cli.newPlan.problems", { path: file }) + "\n");
  for (const p of problems.slice(0, SHOWN_PROBLEMS)) io.stderr.write(t(lang, "cli.newPlan.problem.line", { message: t(lang, p.key, p.params) }) + "\n");
  if (problems.length > SHOWN_PROBLEMS) io.stderr.write(t(lang, "cli.newPlan.problem.more", { count: problems.length - SHOWN_PROBLEMS }) + "\n");
}

function yearShown(lang: Lang, fy: number): string {
  return lang === "ja" ? `${warekiYear(fy)}年度` : `FY${fy}`;
}

/** Reads the list, builds the workbook, sets the input aids on it and writes it. `today` fixes the default plan period. */
export async function runNewPlan(args: NewPlanArgs, profiles: readonly Profile[], io: Io, options: { readonly today?: Date } = {}): Promise<number> {
  const { lang } = args;
  const other = profiles.find((p) => p.id !== NEW_PLAN_PROFILE_ID && !BUILT_IN_PROFILES.some((b) => b.id === p.id));
  if (other) throw new ArgError("cli.newPlan.no-template", { template: NEW_PLAN_PROFILE_ID, id: other.id }, lang);
  const profile = profiles.find((p) => p.id === NEW_PLAN_PROFILE_ID)!;
  if (samePath(args.input, args.output)) throw new ArgError("cli.summarize.same-path", { path: args.output }, lang);
  if (!/\.xlsx$/i.test(args.output)) throw new ArgError("cli.newPlan.output-not-xlsx", { path: args.output }, lang);
  const fail = (message: string) => {
    io.stderr.write(t(lang, "cli.error.line", { path: args.input, message }) + "\n");
    return 2;
  };

  const deadline = Date.now() + args.timeout * 1000;
  let bytes: Uint8Array;
  try {
    const size = statSync(args.input).size;
    if (size > MAX_LIST_BYTES) return fail(t(lang, "cli.newPlan.input-too-large", { path: args.input, size: Math.ceil(size / 1024 / 1024), max: MAX_LIST_BYTES / 1024 / 1024 }));
    bytes = readFileSync(args.input);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail(code === "ENOENT" ? fileError("not-found", lang).message : t(lang, "cli.newPlan.input-unreadable", { path: args.input, reason: fsReason(e, lang) }));
  }

  let list: PlanListResult | "not-text";
  try {
    list = await readPlanListFile(bytes, path.basename(args.input), profile, { deadline });
  } catch (e) {
    if (!isWorkbookError(e)) throw e;
    return fail((e.code === "timeout" ? timeoutError(lang, args.timeout) : fileError(e.code, lang, e.sheet ?? e.detail)).message);
  }
  if (list === "not-text") return fail(t(lang, "cli.newPlan.not-text", { path: args.input }));
  if (!list.ok) {
    writeProblems(io, lang, args.input, list.problems);
    return 1;
  }

  let planPeriod = args.planPeriod;
  if (!planPeriod) {
    const now = options.today ?? new Date();
    planPeriod = defaultPlanPeriod(now.getFullYear(), now.getMonth() + 1);
    io.stdout.write(t(lang, "cli.newPlan.period-default", { from: yearShown(lang, planPeriod.from), to: yearShown(lang, planPeriod.to) }) + "\n");
  }
  const built = await buildNewPlanWorkbook(list.items, profile, { planPeriod, planName: args.planName, titlePattern: args.title, aids: args.aids ? { protect: args.protect, lang } : false });
  if (!built.ok) {
    writeProblems(io, lang, args.input, built.problems);
    return 1;
  }
  const aids = built.aids;
  writeAtomically(args.output, built.bytes, lang);

  const source = list.source.sheet === undefined ? path.basename(args.input) : `${path.basename(args.input)} ${t(lang, "cli.newPlan.source.sheet", { sheet: list.source.sheet })}`;
  io.stdout.write(t(lang, "cli.newPlan.read-list", { source, count: list.items.length }) + "\n");
  io.stdout.write(t(lang, "cli.newPlan.written", { path: args.output, surveys: built.surveySheets.length, from: yearShown(lang, planPeriod.from), to: yearShown(lang, planPeriod.to) }) + "\n");
  if (built.reposts.length) io.stdout.write(t(lang, "cli.newPlan.reposts", { ids: built.reposts.map((r) => `No.${r.id}`).join(lang === "ja" ? "、" : ", ") }) + "\n");
  if (aids) io.stdout.write(describeAids(aids)[lang] + "\n");
  return 0;
}
