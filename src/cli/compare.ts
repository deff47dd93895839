/**
 * `chosahyo compare <last.xlsx> <this.xlsx> [--json] [-o out.xlsx]` and `validate --previous <last.xlsx>`: 前年度比較
 * (docs/compare.md). Both workbooks are read, never written; `-o` writes this year's with the 前年度比較 sheet to a new
 * file. Exit codes: compare 0, or 1 when the pair is refused
 * (different formats or plans, years in the wrong order), 2 when a file cannot be read; validate as without --previous.
 */
import type { Lang } from "../core/i18n";
import { compareYears } from "../core/compare/compare";
import { describeComparison, describeCompareRefusal } from "../core/compare/describe";
import { YEAR_OVER_YEAR_RULES } from "../core/compare/previous";
import type { CarryComparison, CompareRefusal, ItemRef, ItemRow, RatingComparison, TextComparison, YearComparison } from "../core/compare/types";
import type { Finding } from "../core/model/finding";
import type { Profile } from "../core/profile/types";
import { tallyBySheet } from "../core/tally";
import type { CompareArgs, ValidateArgs } from "./args";
import { readAndValidateWithin } from "./budget";
import { buildSummaries } from "../core/summary";
import { COMPARE_SHEET } from "../core/summary/compare-sheet";
import { ArgError } from "./args";
import { samePath, writeAtomically } from "./output-file";
import { report } from "./summarize";
import { t } from "./i18n";
import type { Io } from "./main";
import { finishValidate, humanReport, PassedOver, toJson } from "./output";
import { expandInputs, type FileResult, fileError, returnedMasterIds } from "./validate-files";
import { isWorkbookError } from "../workbook/port";

/** The JSON of `compare --json` (docs/compare.md). Stable: automation depends on it. */
export interface CompareJson {
  readonly last: { readonly path: string; readonly fiscalYear: number | null };
  readonly this: { readonly path: string; readonly fiscalYear: number | null };
  readonly refusal: null | { readonly kind: CompareRefusal["kind"]; readonly message: string };
  readonly profiles: readonly string[];
  readonly onlyLast: readonly string[];
  readonly onlyThis: readonly string[];
  readonly totals: YearComparison["totals"] | null;
  readonly items: readonly unknown[];
  readonly findings: ReturnType<typeof toJson>["files"][number]["findings"];
}

type Labelled<T, K extends keyof T> = Omit<T, K> & { readonly [P in K]: string };

function refJson(ref: ItemRef | undefined) {
  return ref ? { sheet: ref.sheet, cell: ref.cell, id: ref.id ?? null, name: ref.name, group: ref.group ?? null, departments: ref.departments, ended: ref.ended } : null;
}

function rowJson(row: ItemRow, lang: Lang) {
  const rating = (r: RatingComparison): Labelled<RatingComparison, "label"> => ({ ...r, label: r.label[lang] });
  const text = (x: TextComparison): Labelled<TextComparison, "label"> => ({ ...x, label: x.label[lang] });
  const carry = (c: CarryComparison): Labelled<CarryComparison, "fromLabel" | "toLabel"> => ({ ...c, fromLabel: c.fromLabel[lang], toLabel: c.toLabel[lang] });
  return {
    profile: row.profileId,
    change: row.change,
    matchedBy: row.matchedBy ?? null,
    renumbered: row.renumbered,
    last: refJson(row.last),
    this: refJson(row.this),
    partners: (row.partners ?? []).map(refJson),
    ratings: row.ratings.map(rating),
    indicators: row.indicators,
    texts: row.texts.map(text),
    carry: row.carry.map(carry),
  };
}

function findingsJson(findings: readonly Finding[], lang: Lang): CompareJson["findings"] {
  return toJson([{ path: "", sheets: [], findings, error: null }], lang).files[0].findings;
}

function findingLines(findings: readonly Finding[], lang: Lang): string[] {
  const lines = [t(lang, "compare.findings", { count: findings.length })];
  for (const f of findings) lines.push(t(lang, "compare.finding.line", { severity: t(lang, `severity.${f.severity}`), sheet: f.sheet, cell: f.cell, ruleId: f.ruleId, message: f.message[lang] }));
  return lines;
}

export async function runCompare(args: CompareArgs, profiles: readonly Profile[], io: Io): Promise<number> {
  const { lang } = args;
  const output = args.output;
  if (output !== undefined && (samePath(output, args.last) || samePath(output, args.current))) throw new ArgError("cli.summarize.same-path", { path: output }, lang);
  const opts = { profiles, stage: args.stage, lang };
  // Last year's workbook is only read, so it may be an .xls; this year's too, unless -o writes from it.
  const last = await readAndValidateWithin(args.last, { ...opts, readOnly: true }, args.timeout);
  if ("error" in last) {
    io.stderr.write(t(lang, "cli.error.line", { path: args.last, message: last.error.message }) + "\n");
    return 2;
  }
  const current = output === undefined ? await readAndValidateWithin(args.current, { ...opts, previous: last.report, readOnly: true }, args.timeout) : await readAndValidateWithin(args.current, { ...opts, previous: last.report }, args.timeout);
  if ("error" in current) {
    io.stderr.write(t(lang, "cli.error.line", { path: args.current, message: current.error.message }) + "\n");
    return 2;
  }
  const compared = compareYears(last.report, current.report, profiles, { matches: current.matches });
  const findings = compared.ok ? current.report.findings.filter((f) => YEAR_OVER_YEAR_RULES.includes(f.ruleId)) : [];
  if (args.json) {
    const c = compared.ok ? compared.comparison : undefined;
    const out: CompareJson = {
      last: { path: args.last, fiscalYear: last.report.fiscalYear ?? null },
      this: { path: args.current, fiscalYear: current.report.fiscalYear ?? null },
      refusal: compared.ok ? null : { kind: compared.refusal.kind, message: describeCompareRefusal(compared.refusal)[lang] },
      profiles: c?.profiles ?? [],
      onlyLast: c?.onlyLast ?? [],
      onlyThis: c?.onlyThis ?? [],
      totals: c?.totals ?? null,
      items: (c?.items ?? []).map((r) => rowJson(r, lang)),
      findings: findingsJson(findings, lang),
    };
    io.stdout.write(JSON.stringify(out, null, 2) + "\n");
  }
  if (!compared.ok) {
    io.stderr.write(describeCompareRefusal(compared.refusal)[lang] + "\n");
    return 1;
  }
  if (!args.json) io.stdout.write([...describeComparison(compared.comparison).map((l) => l[lang]), ...findingLines(findings, lang)].join("\n") + "\n");
  if (output !== undefined) {
    // This year's workbook (read into memory, its file untouched) plus 前年度比較, through a temporary file and a rename.
    const { book, report: rep } = current;
    if (!book) throw new Error("unreachable: -o reads this year's workbook as .xlsx");
    if (book.isMacroEnabled() && !/\.xlsm$/i.test(output)) throw new ArgError("cli.summarize.macro-extension", { path: output }, lang);
    const specs = buildSummaries(
      { records: rep.records, findings: rep.findings, fiscalYear: rep.fiscalYear, profiles, generatedAt: new Date(), lang, comparison: compared.comparison },
      [COMPARE_SHEET],
    );
    let written: Awaited<ReturnType<typeof book.writeOwnedSheets>>;
    let bytes: Uint8Array;
    try {
      written = await book.writeOwnedSheets(specs);
      bytes = await book.toBytes();
    } catch (e) {
      // A locked structure, or a part of this year's file damaged where reading did not look: nothing is written.
      if (!isWorkbookError(e)) throw e;
      io.stderr.write(t(lang, "cli.error.line", { path: args.current, message: fileError(e.code, lang, e.sheet ?? e.detail).message }) + "\n");
      return 2;
    }
    writeAtomically(output, bytes, lang);
    // With --json, stdout holds the JSON alone.
    report(args.json ? { ...io, stdout: io.stderr } : io, lang, output, written, []);
  }
  return 0;
}

/**
 * `validate --previous <last.xlsx>`: each file checked in this process with last year's workbook given, so the
 * year-over-year rules run; a file the comparison refuses is said so on stderr (and checked without them).
 */
export async function runValidateWithPrevious(args: ValidateArgs & { readonly previous: string }, profiles: readonly Profile[], io: Io): Promise<number> {
  const { lang } = args;
  const base = { profiles, stage: args.stage, fiscalYear: args.fiscalYear, planPeriod: args.planPeriod, lang };
  const previous = await readAndValidateWithin(args.previous, { profiles, stage: args.stage, lang, readOnly: true }, args.timeout);
  if ("error" in previous) {
    io.stderr.write(t(lang, "cli.error.line", { path: args.previous, message: previous.error.message }) + "\n");
    return 2;
  }
  const { files, emptyFolders, inFolder } = expandInputs(args.inputs);
  const results: FileResult[] = emptyFolders.map((p) => ({ path: p, sheets: [], findings: [], error: fileError("empty-folder", lang) }));
  const passed = new PassedOver(inFolder, io.stdout, lang, args.json);
  const returnsOf = inFolder.size ? await returnedMasterIds(files, lang) : undefined;
  for (const file of files) {
    const r = await readAndValidateWithin(file, { ...base, previous: previous.report, returnsOf, readOnly: true }, args.timeout);
    if ("error" in r) {
      results.push({ path: file, sheets: [], findings: [], error: r.error });
      continue;
    }
    if (passed.passOver(file, r.notSubmission)) continue;
    const compared = compareYears(previous.report, r.report, profiles, { matches: r.matches });
    if (!compared.ok) io.stderr.write(t(lang, "compare.previous.refused", { path: args.previous, reason: describeCompareRefusal(compared.refusal)[lang] }) + "\n");
    const { fiscalYear, fiscalYearSource, planPeriods } = r.report;
    results.push({
      path: file,
      sheets: r.report.sheets,
      findings: r.report.findings,
      error: null,
      tallies: tallyBySheet(r.report.records),
      years: { fiscalYear, fiscalYearSource, planPeriods },
      ...(r.other ? { format: r.other.format } : {}),
    });
  }
  for (const r of results) {
    if (r.error) io.stderr.write(t(lang, "cli.error.line", { path: r.path, message: r.error.message }) + "\n");
    else if (!args.json) io.stdout.write(humanReport(r, lang, profiles) + "\n\n");
  }
  return finishValidate(results, passed, args, io);
}
