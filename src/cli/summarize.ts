/**
 * `chosahyo summarize <file> -o <out.xlsx>`: the input workbook plus the summary sheets, written to a new file.
 * `chosahyo summarize <dir> -o <out.xlsx>`: every recognised record sheet of every workbook in the folder (one
 * submission per department), consolidated into one workbook with the summaries over all of them.
 * An input is never written: the output goes to a temporary file that is then renamed, and an output path that
 * is an input is refused.
 */
import { statSync } from "node:fs";
import path from "node:path";
import type { Lang } from "../core/i18n";
import { t } from "./i18n";
import { type Finding, sortFindings } from "../core/model/finding";
import type { SurveyRecord } from "../core/model/record";
import type { Profile } from "../core/profile/types";
import type { SheetSpec } from "../core/sheet-spec";
import { buildSummaries, summaryItems, type SummaryItem } from "../core/summary";
import { CONSOLIDATED_KEY, serializeConsolidated } from "../core/summary/consolidated";
import { submissionsFromSettings } from "../core/cycle/submissions";
import { compareYears } from "../core/compare/compare";
import { describeCompareRefusal } from "../core/compare/describe";
import type { YearComparison } from "../core/compare/types";
import { ACROSS_FILES, acrossFilesFindings, workbookFiscalYear } from "../core/validate";
import { isWorkbookError, type WriteSheetResult } from "../workbook/port";
import { XlsxWorkbook } from "../workbook/xlsx/xlsx-workbook";
import { ArgError, type SummarizeArgs } from "./args";
import type { Io } from "./main";
import { readAndValidateWithin } from "./budget";
import { expandInputs, fileError, type FileError, returnedMasterIds } from "./validate-files";
import { passedOverLine } from "./output";
import { samePath, writeAtomically } from "./output-file";
import { PREVIOUS_PREFIX } from "../core/compare/settings";

export function report(io: Io, lang: Lang, out: string, written: readonly WriteSheetResult[], findings: readonly Finding[]): void {
  io.stdout.write(t(lang, "cli.summarize.written", { path: out, count: written.length }) + "\n");
  for (const w of written) {
    io.stdout.write((w.requestedName ? t(lang, "cli.summarize.renamed", { name: w.name, requested: w.requestedName }) : t(lang, "cli.summarize.sheet", { name: w.name })) + "\n");
  }
  if (written.some((w) => w.omitted?.includes("table"))) io.stdout.write(t(lang, "cli.summarize.shared") + "\n");
  const errors = findings.filter((f) => f.severity === "error").length;
  if (errors) io.stdout.write(t(lang, "cli.summarize.errors", { count: errors }) + "\n");
}

function writeSpecs(book: XlsxWorkbook, specs: readonly SheetSpec[]): Promise<WriteSheetResult[]> {
  return book.writeOwnedSheets(specs);
}

export async function runSummarize(args: SummarizeArgs, profiles: readonly Profile[], io: Io): Promise<number> {
  const { lang } = args;
  const inputs = statSafe(args.input)?.isDirectory() ? expandInputs([args.input]).files : [args.input];
  if (inputs.some((f) => samePath(f, args.output))) throw new ArgError("cli.summarize.same-path", { path: args.output }, lang);
  if (args.previous !== undefined && statSafe(args.input)?.isDirectory()) throw new ArgError("cli.summarize.previous-folder", {}, lang);
  if (args.previous !== undefined && samePath(args.previous, args.output)) throw new ArgError("cli.summarize.same-path", { path: args.output }, lang);
  const failures: { file: string; error: FileError }[] = [];
  const fail = (file: string, error: FileError) => {
    failures.push({ file, error });
    io.stderr.write(t(lang, "cli.error.line", { path: file, message: error.message }) + "\n");
  };
  const generatedAt = new Date();

  if (!statSafe(args.input)?.isDirectory()) {
    // --previous: last year's workbook, checked as it is (its own years), so this year's check adds the year-over-year rules.
    const last = args.previous === undefined ? undefined : await readAndValidateWithin(args.previous, { profiles, stage: args.stage, lang, readOnly: true }, args.timeout);
    if (last && "error" in last) {
      fail(args.previous!, last.error);
      return 2;
    }
    const r = await readAndValidateWithin(args.input, { profiles, stage: args.stage, fiscalYear: args.fiscalYear, planPeriod: args.planPeriod, lang, previous: last?.report }, args.timeout);
    if ("error" in r) {
      fail(args.input, r.error);
      return 2;
    }
    const { book, report: rep, matches, lastYear } = r;
    let comparison: YearComparison | undefined;
    if (last) {
      // A pair the comparison refuses (another plan, the years the wrong way round) writes nothing: the command was for 前年度比較.
      const compared = compareYears(last.report, rep, profiles, { matches });
      if (!compared.ok) {
        io.stderr.write(t(lang, "compare.previous.refused", { path: args.previous!, reason: describeCompareRefusal(compared.refusal)[lang] }) + "\n");
        return 1;
      }
      comparison = compared.comparison;
    } else if (lastYear) {
      // Last year's sheets kept in the workbook by the pane: 前年度比較 is made as the pane's 集計 makes it; a pair
      // the comparison refuses only leaves that sheet out.
      const compared = compareYears(lastYear, rep, profiles, { matches });
      if (compared.ok) comparison = compared.comparison;
      else io.stderr.write(t(lang, "compare.previous.refused", { path: `${args.input} (${PREVIOUS_PREFIX}…)`, reason: describeCompareRefusal(compared.refusal)[lang] }) + "\n");
    }
    // The output keeps the input's macros, and Excel opens a macro-enabled workbook only under .xlsm.
    if (book.isMacroEnabled() && !/\.xlsm$/i.test(args.output)) throw new ArgError("cli.summarize.macro-extension", { path: args.output }, lang);
    const submissions = submissionsFromSettings(await book.readSettings()); // a master's 提出状況
    const specs = buildSummaries({ records: rep.records, findings: rep.findings, fiscalYear: rep.fiscalYear, profiles, generatedAt, lang, includeReposts: args.includeReposts, submissions, comparison });
    let written: WriteSheetResult[];
    let bytes: Uint8Array;
    try {
      written = await writeSpecs(book, specs);
      bytes = await book.toBytes();
    } catch (e) {
      // A workbook whose structure is locked takes no new sheets, and a part damaged where reading did not look is
      // not written out broken: said in words, and nothing is written.
      if (!isWorkbookError(e)) throw e;
      fail(args.input, fileError(e.code, lang, e.sheet ?? e.detail));
      return 2;
    }
    writeAtomically(args.output, bytes, lang);
    report(io, lang, args.output, written, rep.findings);
    return 0;
  }

  // Folder: copy each workbook's record sheets into one workbook, then summarise all of them together.
  if (inputs.length === 0) {
    fail(args.input, fileError("empty-folder", lang));
    return 2;
  }
  const out = XlsxWorkbook.create();
  const records: SurveyRecord[] = [];
  const items: SummaryItem[] = [];
  const findings: Finding[] = [];
  const sheetOrder: string[] = [];
  const read: string[] = [];
  // The master 配布 split the returns from, kept beside them, would repeat every department's items.
  const returnsOf = await returnedMasterIds(inputs, lang);
  for (const file of inputs) {
    const r = await readAndValidateWithin(file, { profiles, stage: args.stage, fiscalYear: args.fiscalYear, planPeriod: args.planPeriod, lang, returnsOf }, args.timeout);
    if ("error" in r) {
      fail(file, r.error);
      continue;
    }
    const label = path.basename(file);
    // An earlier run's output left in the folder holds copies of the submissions: read, it would count them twice.
    // A master (taken the returns in by 回収, or the one they were distributed from) holds every department's items too.
    if (r.notSubmission) {
      io.stdout.write(passedOverLine("summarize", r.notSubmission, file, lang) + "\n");
      continue;
    }
    read.push(label);
    const renamed = new Map<string, string>();
    for (const s of r.report.sheets) {
      if (s.status !== "recognised") continue;
      const layout = profiles.find((p) => p.id === s.profileId)?.layouts.find((l) => l.id === s.layoutId);
      if (layout?.role !== "records") continue; // list sheets are summarised in 評価一覧, not copied
      // Each copy stands alone: a reference to another sheet or a name of its file keeps its value (carry-refs.ts).
      renamed.set(s.name, out.importSheet(r.book, s.name, s.name, undefined, { others: new Map() }));
    }
    sheetOrder.push(...renamed.values());
    // Sheets that were not copied are named with their file, so a finding still says where it is.
    const where = (sheet: string) => renamed.get(sheet) ?? `${label}:${sheet}`;
    const mine = r.report.records.map((rec) => ({ ...rec, sheet: where(rec.sheet) }));
    records.push(...mine.filter((rec) => rec.role === "records"));
    items.push(...summaryItems(mine, profiles, label));
    // Duplicates are judged across all files below.
    findings.push(...r.report.findings.filter((f) => !ACROSS_FILES.includes(f.ruleId)).map((f) => ({ ...f, sheet: where(f.sheet) })));
  }
  if (records.length === 0) {
    // Every file failed (each said why), or was an earlier consolidation: the latter needs saying that nothing came of it.
    if (failures.length === 0) io.stderr.write(t(lang, "cli.summarize.nothing-read") + "\n");
    return 2;
  }
  findings.push(...acrossFilesFindings(records, { profiles, stage: args.stage, fiscalYear: args.fiscalYear }));
  const sorted = sortFindings(findings, sheetOrder);
  const specs = buildSummaries({
    records,
    findings: sorted,
    fiscalYear: args.fiscalYear ?? workbookFiscalYear(records),
    profiles,
    generatedAt,
    lang,
    includeReposts: args.includeReposts,
    items,
    showFiles: true,
    linkableSheets: new Set(sheetOrder),
  });
  const written = await writeSpecs(out, specs);
  await out.writeSettings({ [CONSOLIDATED_KEY]: serializeConsolidated({ files: read }) });
  writeAtomically(args.output, await out.toBytes(), lang);
  io.stdout.write(t(lang, "cli.summarize.sources", { files: read.length, records: records.length }) + "\n");
  report(io, lang, args.output, written, sorted);
  return failures.length ? 2 : 0;
}

function statSafe(p: string) {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}
