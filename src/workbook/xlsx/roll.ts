/**
 * 年度更新 on a file (docs/rollover.md): this year's .xlsx bytes in, next year's out. The bytes are loaded as a copy
 * and the copy is amended (the cells the plan names, and the ended items' sheets when asked); every other part of the
 * package stays byte for byte. Then, unless asked not to, the input aids (docs/input-aids.md) are set on next year's
 * sheets, as the office sends them out. Used by the CLI, the browser demo and the pane (which hands over the bytes).
 */
import type { Lang } from "../../core/i18n";
import type { InputAidsResult } from "../../core/input-aids/types";
import { planInputAids } from "../../core/input-aids/plan";
import { planRollover, type RolloverPlan, type RolloverRefusal } from "../../core/rollover/plan";
import { type ValidateOptions, type ValidationReport, validateWorkbook } from "../../core/validate";
import { COMPARE_MATCHES_KEY } from "../../core/compare/matches";
import { parsePreviousYear, PREVIOUS_PREFIX, PREVIOUS_YEAR_KEY, serializePreviousYear } from "../../core/compare/settings";
import { DISTRIBUTION_MARKER_KEY, SUBMISSIONS_KEY } from "../../core/cycle/types";
import { sameSheetName } from "../owned";
import { XlsxWorkbook } from "./xlsx-workbook";

export interface RollOptions extends ValidateOptions {
  readonly dropEnded?: boolean;
  /** Years to move on (1; tests roll further). */
  readonly years?: number;
  /** Input aids on next year's sheets (the default), with sheet protection if asked; false for none. */
  readonly aids?: false | { readonly protect?: boolean; readonly lang?: Lang };
  /** When the aids are recorded in 変更履歴. */
  readonly at?: Date;
}

export type RollResult =
  | {
      readonly ok: true;
      readonly bytes: Uint8Array;
      readonly plan: RolloverPlan;
      /** Cells the plan would change that hold a formula: never written, listed for the user. */
      readonly formulas: readonly string[];
      /** What the input aids set, per sheet; absent when they were not asked for. */
      readonly aids?: InputAidsResult;
      /** The workbook kept last year's sheets (前年度比較): this year's, as they were, now stand in their place. */
      readonly previousYear?: { readonly fromYear: number; readonly sheets: number };
    }
  | { readonly ok: false; readonly refusal: RolloverRefusal };

/** Rolls a workbook's bytes; a refusal leaves nothing written. Bad input throws WorkbookError, as load does. */
export async function rollWorkbook(bytes: Uint8Array, fileName: string, opts: RollOptions): Promise<RollResult> {
  const book = await XlsxWorkbook.load(bytes, fileName);
  return rollBook(book, validateWorkbook(await book.readAll(), opts), opts);
}

/** Rolls a workbook already loaded and validated (the CLI reads it within its time budget). `book` is amended. */
export async function rollBook(book: XlsxWorkbook, report: ValidationReport, opts: Pick<RollOptions, "profiles" | "dropEnded" | "years" | "aids" | "at" | "overrides">): Promise<RollResult> {
  const planned = planRollover(await book.readAll(), report, { profiles: opts.profiles, dropEnded: opts.dropEnded, years: opts.years });
  if (!planned.ok) return planned;
  const { plan } = planned;
  // A workbook that keeps last year's sheets (前年度比較, docs/compare.md) keeps this year's in their place, as
  // they are before the roll, so next year's check compares with the year just ended.
  const kept = parsePreviousYear((await book.readSettings())[PREVIOUS_YEAR_KEY]);
  const asWas = kept ? await XlsxWorkbook.load(await book.toBytes(), "before.xlsx") : undefined;
  // Sheets protected without a password (the input aids' --protect) are rolled and protected again as they were.
  const protection = book.liftProtection();
  const { formulas } = book.setCells(plan.changes.map((c) => ({ sheet: c.sheet, cell: c.cell, value: c.after })));
  book.removeSheets(plan.dropSheets);
  let previousYear: { fromYear: number; sheets: number } | undefined;
  if (kept && asWas) {
    const names = book.sheetNames();
    book.removeSheets(kept.sheets.map((s) => names.find((n) => sameSheetName(n, s.copy))).filter((n): n is string => n !== undefined));
    const thisYear = report.sheets.filter((s) => s.status === "recognised").map((s) => s.name);
    // Each copy is last year's sheet as it stood: a formula into another sheet would show next year's cells once
    // Excel recalculates, so it keeps its value (carry-refs.ts).
    const copies = thisYear.map((name) => book.importSheet(asWas, name, `${PREVIOUS_PREFIX}${name}`, "hidden", { others: new Map() }));
    const setting = { v: 1 as const, source: "file" as const, fiscalYear: plan.fromYear, sheets: thisYear.map((original, i) => ({ copy: copies[i], original })), ...(opts.at ? { at: opts.at.toISOString() } : {}) };
    // The pairs corrected against the year before no longer apply.
    await book.writeSettings({ [PREVIOUS_YEAR_KEY]: serializePreviousYear(setting), [COMPARE_MATCHES_KEY]: "" });
    previousYear = { fromYear: plan.fromYear, sheets: copies.length };
  }
  // This year's 配布 and 回収 end with the year: next year's cycle starts from next year's forms. Kept, the master's
  // id and record of returns would refuse every one of next year's returns as another master's, and 提出状況 would
  // show this year's returns as next year's.
  const settings = await book.readSettings();
  const cycle = [SUBMISSIONS_KEY, DISTRIBUTION_MARKER_KEY].filter((k) => settings[k]);
  if (cycle.length) await book.writeSettings(Object.fromEntries(cycle.map((k) => [k, ""])));
  let aids: InputAidsResult | undefined;
  if (opts.aids !== false) {
    // Next year's sheets as they now are: the cleared cells are the ones the clerk fills in.
    const snapshot = await book.readAll();
    const next = validateWorkbook(snapshot, { profiles: opts.profiles, fiscalYear: plan.toYear, overrides: opts.overrides });
    const aidPlan = planInputAids(snapshot, next, opts.profiles, { protect: opts.aids?.protect, lang: opts.aids?.lang });
    if (aidPlan.aids.length) aids = await book.applyInputAids(aidPlan.aids, opts.at ?? new Date());
  }
  protection.restore();
  return { ok: true, bytes: await book.toBytes(), plan, formulas, ...(aids ? { aids } : {}), ...(previousYear ? { previousYear } : {}) };
}
