/** Human and JSON output of `chosahyo validate`. The JSON shape is stable: automation depends on it. */
import { yearLines } from "../core/plan-period";
import type { Lang } from "../core/i18n";
import { t } from "./i18n";
import { countBySeverity, type Finding } from "../core/model/finding";
import type { Profile } from "../core/profile/types";
import { mergeTallies, orderedCodes, type Tally } from "../core/tally";
import type { SheetReport } from "../core/validate";
import type { FileResult, NotASubmission } from "./validate-files";
import type { Io } from "./main";

export interface JsonReport {
  readonly files: readonly {
    readonly path: string;
    /** `records`: what the sheet gave (rows, on a list sheet); 0 for a sheet not recognised. */
    readonly sheets: readonly { readonly name: string; readonly profile: string | null; readonly score: number; readonly records: number }[];
    readonly findings: readonly {
      readonly ruleId: string;
      readonly severity: string;
      readonly sheet: string;
      readonly cell: string;
      readonly recordId: string | null;
      readonly message: string;
    }[];
    readonly error: null | { readonly code: string; readonly message: string };
  }[];
  /** Present when a folder held an earlier consolidation, which was not checked (README, "The CLI"). */
  readonly skipped?: readonly ({ readonly path: string; readonly reason: "consolidated"; readonly files: number } | { readonly path: string; readonly reason: "collected-master" | "master-copy" })[];
}

export function toJson(results: readonly FileResult[], lang: Lang, skipped: readonly { path: string; what: NotASubmission }[] = []): JsonReport {
  return {
    ...(skipped.length ? { skipped: skipped.map((s) => (s.what.kind === "consolidated" ? { path: s.path, reason: s.what.kind, files: s.what.files } : { path: s.path, reason: s.what.kind })) } : {}),
    files: results.map((r) => ({
      path: r.path,
      sheets: r.sheets.map((s) => ({ name: s.name, profile: s.profileId ?? null, score: Math.round(s.score * 100) / 100, records: s.records })),
      findings: r.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        sheet: f.sheet,
        cell: f.cell,
        recordId: f.recordId ?? null,
        message: f.message[lang],
      })),
      error: r.error ? { code: r.error.code, message: r.error.message } : null,
    })),
  };
}

/**
 * `79 件（年次計画 84 行）・◎ 13・○ 71・主要 23`: what was read, so a missed record shows as a wrong count. `each`: what
 * every sheet of a run of several gave (`58 件・各シート 1 件`).
 */
function tallyLine(tally: Tally, lang: Lang, profiles: readonly Profile[], role?: SheetReport["role"], each?: number): string {
  const parts: string[] = [];
  // A list sheet (評価一覧, 目次) has rows, not records of its own; one that gave none says 一覧 0 行, not 0 件.
  const list = role === "list" || (role === undefined && tally.listRows > 0 && !tally.records);
  if (!list) {
    parts.push(tally.planRows ? t(lang, "cli.tally.records-plans", { count: tally.records, plans: tally.planRows }) : t(lang, "cli.tally.records", { count: tally.records }));
  }
  if (tally.listRows || list) parts.push(t(lang, "cli.tally.list-rows", { count: tally.listRows }));
  if (each !== undefined) parts.push(t(lang, list ? "cli.tally.each-list" : "cli.tally.each", { count: each }));
  if (tally.indicators) parts.push(t(lang, "cli.tally.indicators", { count: tally.indicators }));
  if (tally.goals) parts.push(t(lang, "cli.tally.goals", { count: tally.goals }));
  if (tally.ended) parts.push(t(lang, "cli.tally.ended", { count: tally.ended }));
  for (const [code, n] of orderedCodes(tally, profiles)) parts.push(`${code} ${n}`);
  for (const [mark, n] of Object.entries(tally.marks)) parts.push(`${mark} ${n}`);
  return `    ${parts.join(t(lang, "cli.tally.separator"))}`;
}

/**
 * Groups runs of sheets read with the same layout that gave as many records each, so 58 調査票 take one line and a
 * sheet that gave fewer (none) stands on its own line with its count.
 */
function sheetLines(sheets: readonly SheetReport[], lang: Lang, tallies?: ReadonlyMap<string, Tally>, profiles: readonly Profile[] = []): string[] {
  const out: string[] = [];
  const recognised = sheets.filter((s) => s.status === "recognised");
  let i = 0;
  while (i < recognised.length) {
    const s = recognised[i];
    let j = i;
    const same = (x: SheetReport) => x.profileId === s.profileId && x.layoutId === s.layoutId && x.records === s.records;
    while (j + 1 < recognised.length && same(recognised[j + 1])) j++;
    const run = recognised.slice(i, j + 1);
    const names = run.length <= 4 ? run.map((x) => x.name).join(", ") : `${run[0].name}, ${run[1].name} … ${run[run.length - 1].name} (${run.length})`;
    out.push(t(lang, "cli.sheet.line", { name: names, profile: s.profileName?.[lang] ?? "", layout: s.layoutName?.[lang] ?? "" }));
    if (tallies) out.push(tallyLine(mergeTallies(run.flatMap((x) => tallies.get(x.name) ?? [])), lang, profiles, s.role, run.length > 1 ? s.records : undefined));
    i = j + 1;
  }
  return out;
}

function findingLines(findings: readonly Finding[], lang: Lang): string[] {
  const out: string[] = [];
  const bySheet = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = bySheet.get(f.sheet);
    if (list) list.push(f);
    else bySheet.set(f.sheet, [f]);
  }
  for (const [sheet, list] of bySheet) {
    out.push(t(lang, "cli.findings.sheet", { sheet, ...countBySeverity(list) }));
    for (const f of list) {
      out.push(t(lang, "cli.finding.line", { severity: t(lang, `severity.${f.severity}`), cell: f.cell, ruleId: f.ruleId, message: f.message[lang] }));
    }
  }
  return out;
}

const FORMAT_LINE = { "legacy-xls": "cli.file.xls", xlsb: "cli.file.xlsb", ods: "cli.file.ods" } as const;

export function humanReport(r: FileResult, lang: Lang, profiles: readonly Profile[] = []): string {
  const lines = [t(lang, "cli.file", { path: r.path })];
  // Read for checking only (docs/file-layer.md, "Other formats"): a command that writes will refuse it.
  if (r.format) lines.push(t(lang, FORMAT_LINE[r.format]));
  const recognised = r.sheets.filter((s) => s.status === "recognised");
  lines.push(t(lang, "cli.sheets", { count: recognised.length }));
  lines.push(...sheetLines(r.sheets, lang, r.tallies, profiles));
  if (r.years) {
    const named = (r.years.planPeriods ?? []).map((p) => ({ ...p, profileName: profiles.find((x) => x.id === p.profileId)?.name[lang] }));
    lines.push(...yearLines(lang, { ...r.years, planPeriods: named }));
  }
  const others = r.sheets.filter((s) => s.status !== "recognised").map((s) => s.name);
  if (others.length) lines.push(t(lang, "cli.sheets.unrecognised", { names: others.join(", ") }));
  const hidden = r.sheets.filter((s) => s.visibility !== "visible").map((s) => s.name);
  if (hidden.length) lines.push(t(lang, "cli.sheets.hidden", { names: hidden.join(", ") }));
  for (const s of r.sheets) if (s.trimmed) lines.push(t(lang, "cli.sheet.trimmed", { name: s.name, rows: s.trimmed.rows, cols: s.trimmed.cols }));
  if (r.findings.length === 0) lines.push(t(lang, "cli.findings.none"));
  else {
    lines.push(t(lang, "cli.findings.counts", { ...countBySeverity(r.findings) }));
    lines.push(...findingLines(r.findings, lang));
  }
  return lines.join("\n");
}

/**
 * Workbooks that `validate` meets in a folder that are not submissions (README, "The CLI"): an earlier `summarize`
 * output or a master after 回収 repeats the departments' items, so checked with them every finding would count
 * twice. Each is named and passed over; one named on its own is checked like any workbook.
 */
export class PassedOver {
  readonly skipped: { path: string; what: NotASubmission }[] = [];

  constructor(
    private readonly inFolder: ReadonlySet<string>,
    private readonly out: { write(s: string): unknown },
    private readonly lang: Lang,
    private readonly json: boolean,
  ) {}

  /** True, with a line saying so, when `path` was found in a folder and is not a submission. */
  passOver(path: string, what: NotASubmission | undefined): boolean {
    if (what === undefined || !this.inFolder.has(path)) return false;
    this.skipped.push({ path, what });
    if (!this.json) {
      this.out.write(passedOverLine("validate", what, path, this.lang) + "\n\n");
    }
    return true;
  }
}

/** The line that says why `validate` or `summarize` passed over a workbook found in a folder. */
export function passedOverLine(command: "validate" | "summarize", what: NotASubmission, path: string, lang: Lang): string {
  if (what.kind === "consolidated") return t(lang, `cli.${command}.skipped-consolidated`, { path, count: what.files });
  return t(lang, what.kind === "collected-master" ? `cli.${command}.skipped-master` : `cli.${command}.skipped-master-copy`, { path });
}

/** The JSON or the total line, and the exit code, of a `validate` run (with or without `--previous`). */
export function finishValidate(results: readonly FileResult[], passed: PassedOver, args: { readonly json: boolean; readonly lang: Lang }, io: Pick<Io, "stdout" | "stderr">): number {
  const failed = results.filter((r) => r.error).length;
  const counts = countBySeverity(results.flatMap((r) => r.findings));
  if (args.json) io.stdout.write(JSON.stringify(toJson(results, args.lang, passed.skipped), null, 2) + "\n");
  else if (results.length > 1) io.stdout.write(t(args.lang, "cli.total", { files: results.length, failed, ...counts }) + "\n");
  // Met nothing but consolidations: nothing was checked, which exit 0 would pass off as a clean folder.
  if (results.length === 0 && passed.skipped.length > 0) {
    io.stderr.write(t(args.lang, "cli.validate.nothing-checked") + "\n");
    return 2;
  }
  if (failed > 0) return 2;
  return counts.error > 0 ? 1 : 0;
}
