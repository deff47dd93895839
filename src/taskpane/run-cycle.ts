/**
 * The annual cycle from the pane (docs/rollover.md): the glue between the port and the core. 年度更新 takes the
 * workbook's bytes (port.fileBytes), rolls a copy through the file layer, and hands the result to the host
 * (port.openAsNewWorkbook: Excel opens it as a new workbook, the demo offers it for download). The open workbook is
 * never changed.
 */
import { both, type Lang, type LocalizedText, t } from "../core/i18n";
import type { Profile } from "../core/profile/types";
import { planInputAids } from "../core/input-aids/plan";
import { describeAids, describePlan, describePreviousKept, describeRefusal, yearText } from "../core/rollover/describe";
import { type ValidationReport, validateWorkbook } from "../core/validate";
import type { WorkbookSettings } from "../core/settings";
import { WorkbookError, type WorkbookPort } from "../workbook/port";
import { NEW_PLAN_PROFILE_ID } from "../core/new-plan/build";
import type { YearSpan } from "../core/plan-period";
import { buildNewPlanWorkbook, readPlanListFile } from "../workbook/xlsx/new-plan";
import { rollWorkbook } from "../workbook/xlsx/roll";

export interface RollRequest {
  readonly profiles: readonly Profile[];
  readonly settings: WorkbookSettings;
  readonly dropEnded: boolean;
  /** Input aids on next year's sheets, and sheet protection with them. */
  readonly aids: boolean;
  readonly protect: boolean;
  /** The open workbook's name without its extension, when the host knows it (the demo does). */
  readonly baseName?: string;
  readonly lang: Lang;
}

export type CycleOutcome = { readonly ok: true; readonly lines: readonly LocalizedText[] } | { readonly ok: false; readonly reason: LocalizedText };

/** Whether the host can make a new workbook at all (Excel: ExcelApi 1.8 and the file API). */
export async function rollOver(port: WorkbookPort, req: RollRequest): Promise<CycleOutcome> {
  if (!port.fileBytes || !port.openAsNewWorkbook) throw new WorkbookError("unsupported-operation", "new workbook");
  const bytes = await port.fileBytes();
  const rolled = await rollWorkbook(bytes, "workbook.xlsx", {
    profiles: req.profiles,
    fiscalYear: req.settings.fiscalYear,
    planPeriod: req.settings.planPeriod,
    overrides: req.settings.overrides,
    dropEnded: req.dropEnded,
    aids: req.aids ? { protect: req.protect, lang: req.lang } : false,
  });
  if (!rolled.ok) return { ok: false, reason: describeRefusal(rolled.refusal) };
  // 平成30年度の調査票.xlsx, or the open file's name with the new year: 調査票_平成30年度.xlsx.
  const year = yearText(rolled.plan.toYear)[req.lang];
  const name = req.baseName ? t(req.lang, "pane.cycle.rollover.fileName", { base: req.baseName, year }) : t(req.lang, "pane.cycle.rollover.defaultName", { year });
  await port.openAsNewWorkbook(rolled.bytes, `${name}.xlsx`);
  return {
    ok: true,
    lines: [...describePlan(rolled.plan, rolled.formulas), ...(rolled.aids ? [describeAids(rolled.aids)] : []), ...(rolled.previousYear ? [describePreviousKept(rolled.previousYear)] : [])],
  };
}

/** Whether the host can set input aids on the open workbook (Excel: ExcelApi 1.8; the demo). */
export interface AidsRequest {
  readonly profiles: readonly Profile[];
  readonly settings: WorkbookSettings;
  readonly protect: boolean;
  readonly lang: Lang;
}

/**
 * 入力支援 on the open workbook: the sheets are read again (what the clerk has filled since the check counts), the
 * aids planned from the profiles and set through the port, which records them in 変更履歴. No value changes.
 */
export async function setInputAids(port: WorkbookPort, req: AidsRequest, stage?: ValidationReport["stage"]): Promise<CycleOutcome> {
  if (!port.applyInputAids) throw new WorkbookError("unsupported-operation", "input aids");
  const snapshot = await port.readAll();
  const report = validateWorkbook(snapshot, { profiles: req.profiles, stage: stage ?? req.settings.stage, fiscalYear: req.settings.fiscalYear, planPeriod: req.settings.planPeriod, overrides: req.settings.overrides });
  // A sheet protected without a password (the aids' own protection, set last time) takes them again and is
  // protected again; one with a password is left as it is and named.
  const plan = planInputAids(snapshot, report, req.profiles, { protect: req.protect, lang: req.lang, includeProtected: true });
  if (plan.aids.length === 0) return { ok: false, reason: both("pane.cycle.aids.none") };
  const result = await port.applyInputAids(plan.aids, new Date(), { liftProtection: true });
  const locked = result.locked?.length ? [both("pane.cycle.aids.skippedProtected", { sheets: result.locked.join(", ") })] : [];
  if (result.sheets.length === 0 && locked.length) return { ok: false, reason: locked[0] };
  return { ok: true, lines: [describeAids(result), ...locked] };
}

/** Problems shown before "and N more": enough to fix a list in one pass. */
const SHOWN_PROBLEMS = 10;

export interface NewPlanRequest {
  readonly profiles: readonly Profile[];
  /** The item list as the user picked it: a CSV or a workbook holding the list. */
  readonly file: { readonly bytes: Uint8Array; readonly name: string };
  readonly planPeriod: YearSpan;
  readonly aids: boolean;
  readonly protect: boolean;
  readonly lang: Lang;
}

/**
 * 新しい計画 (docs/new-plan.md): a blank workbook of the 評価一覧 and one 調査票 per item, from the plan's item list,
 * opened as a new workbook (the demo downloads it). A list with problems is refused, each problem with its row.
 */
export async function newPlan(port: WorkbookPort, req: NewPlanRequest): Promise<CycleOutcome> {
  if (!port.openAsNewWorkbook) throw new WorkbookError("unsupported-operation", "new workbook");
  const profile = req.profiles.find((p) => p.id === NEW_PLAN_PROFILE_ID);
  if (!profile) return { ok: false, reason: both("pane.cycle.newPlan.noTemplate", { template: NEW_PLAN_PROFILE_ID }) };
  const list = await readPlanListFile(req.file.bytes, req.file.name, profile);
  if (list === "not-text") return { ok: false, reason: both("pane.cycle.newPlan.notText", { name: req.file.name }) };
  const problems = (ps: readonly { key: Parameters<typeof t>[1]; params?: Parameters<typeof t>[2] }[]): CycleOutcome => {
    const shown = ps.slice(0, SHOWN_PROBLEMS).map((p) => both(p.key, p.params));
    const more = ps.length > SHOWN_PROBLEMS ? [both("pane.cycle.newPlan.more", { count: ps.length - SHOWN_PROBLEMS })] : [];
    const head = both("pane.cycle.newPlan.problems", { name: req.file.name });
    return { ok: false, reason: { ja: [head.ja, ...[...shown, ...more].map((x) => `・${x.ja}`)].join("\n"), en: [head.en, ...[...shown, ...more].map((x) => `• ${x.en}`)].join("\n") } };
  };
  if (!list.ok) return problems(list.problems);
  const built = await buildNewPlanWorkbook(list.items, profile, { planPeriod: req.planPeriod, aids: req.aids ? { protect: req.protect, lang: req.lang } : false });
  if (!built.ok) return problems(built.problems);
  const from = yearText(req.planPeriod.from);
  const to = yearText(req.planPeriod.to);
  await port.openAsNewWorkbook(built.bytes, `${t(req.lang, "pane.cycle.newPlan.fileName", { from: from[req.lang], to: to[req.lang] })}.xlsx`);
  const lines: LocalizedText[] = [both("pane.cycle.newPlan.done", { items: list.items.length, surveys: built.surveySheets.length, from, to })];
  if (built.reposts.length) lines.push(both("cli.newPlan.reposts", { ids: built.reposts.map((r) => `No.${r.id}`).join(", ") }));
  if (built.aids) lines.push(describeAids(built.aids));
  return { ok: true, lines };
}
