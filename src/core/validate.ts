/**
 * Validation of a whole workbook: recognise every sheet, read its records, run the rules its profile enables.
 * Pure: the snapshot comes from an adapter, the report goes to the CLI, the task pane or a summary sheet.
 */
import type { LocalizedText } from "./i18n";
import type { MatchCorrections } from "./compare/matches";
import { a1, type Finding, type RuleId, sortFindings } from "./model/finding";
import { both } from "./i18n";
import { parseOwned, sameSheetName } from "./owned";
import { periodFromHeaders, type PlanPeriod, type YearSource, type YearSpan } from "./plan-period";
import { GridView, type SheetGrid, type SheetVisibility, type WorkbookSnapshot } from "./model/grid";
import type { SurveyRecord } from "./model/record";
import { SheetIndex } from "./profile/labels";
import { labelsMatched, readRecords, recogniseSheet, type SheetOverride } from "./profile/recognize";
import { DEFAULT_STAGE, type Profile, type RuleSetting, type Severity, type Stage } from "./profile/types";
import { Family } from "./rules/family";
import { RULES } from "./rules";
import { readEmpty, type SheetRead } from "./rules/read-empty";
import { planPeriod } from "./rules/year-header";
import { RuleParamError } from "./rules/params";
import type { RecordRule, RuleEnv, WorkbookEnv, WorkbookRule } from "./rules/types";
import { parsePreviousYear, PREVIOUS_YEAR_KEY } from "./compare/settings";

export interface ValidateOptions {
  readonly profiles: readonly Profile[];
  /** 提出前 (default): the department is filling in; 本部評価後: the 2次評価 must be present. */
  readonly stage?: Stage;
  /** The 対象年度 the workbook is about, as the user set it; read from the sheets' titles when not set. */
  readonly fiscalYear?: number;
  /** The plan period (計画期間) as the user set it; read from the sheets' year headers when not set. */
  readonly planPeriod?: YearSpan;
  /** Per-sheet profile choices from the task pane. */
  readonly overrides?: Readonly<Record<string, SheetOverride>>;
  /** Last year's workbook, already validated: the year-over-year rules run only when it is given (docs/compare.md). */
  readonly previous?: PreviousYear;
}

/** What the year-over-year rules need of last year's workbook: its report's records and years, and the user's corrections of the pairs. */
export type PreviousYear = Pick<ValidationReport, "records" | "fiscalYear" | "planPeriods"> & { readonly matches?: MatchCorrections };

export interface ValidateHooks {
  readonly onSheet?: (done: number, total: number) => void;
  readonly isCancelled?: () => boolean;
}

export type SheetStatus = "recognised" | "unrecognised" | "excluded";

export interface SheetReport {
  readonly name: string;
  readonly visibility: SheetVisibility;
  readonly status: SheetStatus;
  readonly profileId?: string;
  readonly layoutId?: string;
  readonly profileName?: LocalizedText;
  readonly layoutName?: LocalizedText;
  /** Share of the layout's required labels found (0…1); 0 for an unrecognised sheet. */
  readonly score: number;
  /** Records read from the sheet (list rows on a list sheet): what the CLI and the pane show for it. */
  readonly records: number;
  /** What the sheet's layout holds: records, or rows of a list (評価一覧, 目次). */
  readonly role?: "records" | "list";
  readonly trimmed?: { readonly rows: number; readonly cols: number };
  readonly protected?: boolean;
}

export interface ValidationReport {
  readonly sheets: readonly SheetReport[];
  readonly skippedSheets: WorkbookSnapshot["skippedSheets"];
  readonly records: readonly SurveyRecord[];
  readonly findings: readonly Finding[];
  readonly stage: Stage;
  readonly fiscalYear?: number;
  /** Where the 対象年度 came from: the user's setting or the sheets' titles. */
  readonly fiscalYearSource?: YearSource;
  /** The plan period each profile's records were checked against, and where it came from. */
  readonly planPeriods?: readonly ProfilePlanPeriod[];
  readonly cancelled?: boolean;
}

export interface ProfilePlanPeriod extends PlanPeriod {
  readonly profileId: string;
}

interface Enabled {
  readonly severity: Severity;
  readonly setting: RuleSetting;
}

function enabledRule(profile: Profile, id: RuleId, fallback: Severity): Enabled | undefined {
  const s = profile.rules[id];
  if (!s || s.enabled === false) return undefined;
  return { severity: s.severity ?? fallback, setting: s };
}

/** The most common 対象年度 among the records that state one. */
export function workbookFiscalYear(records: readonly SurveyRecord[]): number | undefined {
  const counts = new Map<number, number>();
  for (const r of records) if (r.fiscalYear) counts.set(r.fiscalYear.value, (counts.get(r.fiscalYear.value) ?? 0) + 1);
  let best: number | undefined;
  let n = 0;
  for (const [fy, c] of counts) if (c > n || (c === n && best !== undefined && fy > best)) [best, n] = [fy, c];
  return best;
}

export interface ReadSheetResult {
  readonly report: SheetReport;
  readonly records: SurveyRecord[];
  /** For a recognised sheet: the labels its layout matched, for READ-EMPTY. */
  readonly reading?: SheetRead["reading"];
}

/** Sheets the add-in generated, as the workbook's settings record them (owned.ts); the check leaves them out. */
function ownedSheetNames(snapshot: WorkbookSnapshot): string[] {
  return parseOwned(snapshot.settings ?? {}, (name) => snapshot.sheets.some((s) => sameSheetName(s.name, name))).map((o) => o.sheet);
}

/**
 * Sheets the check leaves out: the add-in's generated sheets, and last year's sheets the pane keeps in the workbook
 * (`前年度_…`, named by the previousYear setting, docs/compare.md), which are last year's, not this year's. Every
 * reader of a check (配布, 回収, 年度更新, 入力支援, 集計) then leaves them alone too.
 */
export function leftOutSheetNames(snapshot: WorkbookSnapshot): string[] {
  const kept = parsePreviousYear(snapshot.settings?.[PREVIOUS_YEAR_KEY]);
  const previous = (kept?.sheets ?? []).map((s) => s.copy).filter((name) => snapshot.sheets.some((g) => sameSheetName(g.name, name)));
  return [...ownedSheetNames(snapshot), ...previous];
}

/** A generated sheet's report: listed as excluded, never read (a generated 評価一覧 is not the user's list). */
export function ownedSheetResult(grid: SheetGrid): ReadSheetResult {
  return { report: { name: grid.name, visibility: grid.visibility, status: "excluded", score: 0, records: 0, protected: grid.protected }, records: [] };
}

/** Recognises and reads one sheet: the unit of work the task pane runs in batches. */
export function readOneSheet(grid: SheetGrid, profiles: readonly Profile[], override?: SheetOverride): ReadSheetResult {
  const index = new SheetIndex(new GridView(grid));
  const rec = recogniseSheet(index, profiles, override);
  const base = { name: grid.name, visibility: grid.visibility, trimmed: grid.trimmed, protected: grid.protected };
  if (!rec.best) {
    return {
      report: { ...base, status: override === "none" ? "excluded" : "unrecognised", score: rec.scores[0]?.score ?? 0, records: 0 },
      records: [],
    };
  }
  const records = readRecords(rec);
  const { profile, layout } = rec.best.compiled;
  return {
    report: {
      ...base,
      status: "recognised",
      profileId: profile.id,
      layoutId: layout.id,
      profileName: profile.name,
      layoutName: layout.name,
      score: rec.best.score,
      records: records.length,
      role: layout.role,
    },
    records,
    reading: {
      ...labelsMatched(rec)!,
      several: layout.shape === "table" || layout.recordsPerSheet === "stacked",
    },
  };
}

/**
 * The plan period per profile that has records: the user's, else the one the sheets' year headers state (the years
 * most header rows name). A profile's own default (YEAR-HEADER's `planPeriod`) applies only where neither exists.
 */
function planPeriodsOf(records: readonly SurveyRecord[], opts: ValidateOptions): Map<string, PlanPeriod> {
  const out = new Map<string, PlanPeriod>();
  const stated = periodFromHeaders(records);
  for (const rec of records) {
    if (out.has(rec.profileId)) continue;
    if (opts.planPeriod) out.set(rec.profileId, { ...opts.planPeriod, source: "user" });
    else {
      const s = stated.get(rec.profileId);
      const fallback = planPeriod(opts.profiles.find((p) => p.id === rec.profileId)?.rules["YEAR-HEADER"]?.params?.planPeriod);
      if (s) out.set(rec.profileId, { ...s, source: "workbook" });
      else if (fallback) out.set(rec.profileId, { ...fallback, source: "profile" });
    }
  }
  return out;
}

/** Runs every enabled rule over records already read. */
export function runRules(
  read: readonly ReadSheetResult[],
  otherSheets: readonly SheetGrid[],
  opts: ValidateOptions,
): { findings: Finding[]; fiscalYear?: number; fiscalYearSource?: YearSource; planPeriods: ProfilePlanPeriod[] } {
  const stage = opts.stage ?? DEFAULT_STAGE;
  const records = read.flatMap((r) => r.records);
  const fiscalYear = opts.fiscalYear ?? workbookFiscalYear(records);
  const fiscalYearSource: YearSource | undefined = opts.fiscalYear !== undefined ? "user" : fiscalYear !== undefined ? "workbook" : undefined;
  const family = new Family(records);
  const byId = new Map(opts.profiles.map((p) => [p.id, p] as const));
  const periods = planPeriodsOf(records, opts);
  const recordRules = RULES.filter((r): r is RecordRule => r.scope === "record");
  const workbookRules = RULES.filter((r): r is WorkbookRule => r.scope === "workbook");
  const findings: Finding[] = [];
  // A rule that throws (a profile parameter of the wrong type) loses neither the file nor the other rules' findings:
  // it becomes one RULE-FAILED finding per rule and sheet, and that rule is not run again on that sheet.
  const failed = new Set<string>();
  const ruleFailed = (ruleId: RuleId, sheet: string, cell: string, e: unknown) => {
    failed.add(`${ruleId}\u0000${sheet}`);
    const reason = e instanceof RuleParamError ? e.reason : e instanceof Error ? e.message.split("\n")[0] : String(e);
    findings.push({ ruleId: "RULE-FAILED", severity: "error", sheet, cell, message: both("rule.RULE-FAILED", { rule: ruleId, reason }) });
  };
  // Each profile's enabled record rules, once (not per record).
  const enabledFor = new Map<string, { rule: RecordRule; en: Enabled }[]>();
  for (const profile of opts.profiles) {
    const list: { rule: RecordRule; en: Enabled }[] = [];
    for (const rule of recordRules) {
      const en = enabledRule(profile, rule.id, rule.defaultSeverity);
      if (en) list.push({ rule, en });
    }
    enabledFor.set(profile.id, list);
  }
  for (const sheet of read) {
    sheet.records.forEach((rec, i) => {
      const profile = byId.get(rec.profileId);
      if (!profile) return;
      const rules = enabledFor.get(profile.id) ?? [];
      // One environment per record, its severity and setting set for each rule: a rule uses it during its check
      // only, and an object per rule and record was most of what this loop allocated.
      const env: { -readonly [K in keyof RuleEnv]: RuleEnv[K] } = { profile, stage, fiscalYear, planPeriod: periods.get(profile.id), family, firstOfSheet: i === 0, severity: "error", setting: {} };
      for (let r = 0; r < rules.length; r++) {
        const { rule, en } = rules[r];
        // Rarely any entry: skip building the key (a string per rule and record) while there is none.
        if (failed.size > 0 && failed.has(`${rule.id}\u0000${rec.sheet}`)) continue;
        try {
          env.severity = en.severity;
          env.setting = en.setting;
          const out = rule.check(rec, env);
          for (let k = 0; k < out.length; k++) findings.push(out[k]);
        } catch (e) {
          ruleFailed(rule.id, rec.sheet, rec.id ? a1(rec.id.cell) : rec.row !== undefined ? `A${rec.row + 1}` : "A1", e);
        }
      }
    });
  }
  // Not a rule over records: whether each sheet gave the records its recognition and the list promise (READ-EMPTY).
  findings.push(...readEmpty(read, opts.profiles));
  for (const rule of workbookRules) {
    try {
      findings.push(...runWorkbookRule(rule, { records, profiles: opts.profiles, stage, fiscalYear, family, otherSheets, previous: opts.previous }));
    } catch (e) {
      ruleFailed(rule.id, records[0]?.sheet ?? "", "A1", e);
    }
  }
  return { findings, fiscalYear, fiscalYearSource, planPeriods: [...periods].map(([profileId, p]) => ({ profileId, ...p })) };
}

/** A workbook-scope rule over the records given, with each profile's setting for it. */
function runWorkbookRule(rule: WorkbookRule, env: Omit<WorkbookEnv, "settingFor">): Finding[] {
  const byId = new Map(env.profiles.map((p) => [p.id, p] as const));
  return rule.check({
    ...env,
    settingFor: (pid) => {
      const p = byId.get(pid);
      return p ? enabledRule(p, rule.id, rule.defaultSeverity) : undefined;
    },
  });
}

/** Rules that compare records of several workbooks at once: in folder mode they run over every file's records. */
export const ACROSS_FILES: readonly RuleId[] = ["ID-DUPLICATE"];

/** The findings of the across-files rules over records gathered from several workbooks (the CLI's folder mode). */
export function acrossFilesFindings(records: readonly SurveyRecord[], opts: ValidateOptions): Finding[] {
  const env = {
    records,
    profiles: opts.profiles,
    stage: opts.stage ?? DEFAULT_STAGE,
    fiscalYear: opts.fiscalYear ?? workbookFiscalYear(records),
    family: new Family(records),
    otherSheets: [],
  };
  return RULES.filter((r): r is WorkbookRule => r.scope === "workbook" && ACROSS_FILES.includes(r.id)).flatMap((rule) => runWorkbookRule(rule, env));
}

export function validateWorkbook(snapshot: WorkbookSnapshot, opts: ValidateOptions, hooks?: ValidateHooks): ValidationReport {
  const stage = opts.stage ?? DEFAULT_STAGE;
  const read: ReadSheetResult[] = [];
  const other: SheetGrid[] = [];
  const total = snapshot.sheets.length;
  const owned = leftOutSheetNames(snapshot);
  for (let i = 0; i < total; i++) {
    if (hooks?.isCancelled?.()) {
      return { sheets: read.map((r) => r.report), skippedSheets: snapshot.skippedSheets, records: [], findings: [], stage, cancelled: true };
    }
    const grid = snapshot.sheets[i];
    if (owned.some((o) => sameSheetName(o, grid.name))) {
      read.push(ownedSheetResult(grid));
      hooks?.onSheet?.(i + 1, total);
      continue;
    }
    const r = readOneSheet(grid, opts.profiles, opts.overrides?.[grid.name]);
    read.push(r);
    if (r.report.status !== "recognised") other.push(grid);
    hooks?.onSheet?.(i + 1, total);
  }
  return finishValidation(snapshot, read, other, opts);
}

/** Runs the rules over the sheets read and makes the report: the end of every run, the pane's batched one too. */
export function finishValidation(
  snapshot: WorkbookSnapshot,
  read: readonly ReadSheetResult[],
  other: readonly SheetGrid[],
  opts: ValidateOptions,
): ValidationReport {
  const { findings, fiscalYear, fiscalYearSource, planPeriods } = runRules(read, other, opts);
  return {
    sheets: read.map((r) => r.report),
    skippedSheets: snapshot.skippedSheets,
    records: read.flatMap((r) => r.records),
    findings: sortFindings(findings, snapshot.sheets.map((s) => s.name)),
    stage: opts.stage ?? DEFAULT_STAGE,
    fiscalYear,
    fiscalYearSource,
    planPeriods,
  };
}
