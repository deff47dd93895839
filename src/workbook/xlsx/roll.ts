/**
 * 年度更新 on a file (docs/rollover.md): this year's .xlsx bytes in, next year's out. The bytes are loaded as a copy
 * and the copy is amended (the cells the plan names, and the ended items' sheets when asked); every other part of the
 * package stays byte for byte. Used by the CLI, the browser demo and the pane (which hands over the workbook's bytes).
 */
import { planRollover, type RolloverPlan, type RolloverRefusal } from "../../core/rollover/plan";
import { type ValidateOptions, type ValidationReport, validateWorkbook } from "../../core/validate";
import { XlsxWorkbook } from "./xlsx-workbook";

export interface RollOptions extends ValidateOptions {
  readonly dropEnded?: boolean;
  /** Years to move on (1; tests roll further). */
  readonly years?: number;
}

export type RollResult =
  | {
      readonly ok: true;
      readonly bytes: Uint8Array;
      readonly plan: RolloverPlan;
      /** Cells the plan would change that hold a formula: never written, listed for the user. */
      readonly formulas: readonly string[];
      /** The rolled workbook, still open: input aids are set on it before it is written out. */
      readonly book: XlsxWorkbook;
    }
  | { readonly ok: false; readonly refusal: RolloverRefusal };

/** Rolls a workbook's bytes; a refusal leaves nothing written. Bad input throws WorkbookError, as load does. */
export async function rollWorkbook(bytes: Uint8Array, fileName: string, opts: RollOptions): Promise<RollResult> {
  const book = await XlsxWorkbook.load(bytes, fileName);
  return rollBook(book, validateWorkbook(await book.readAll(), opts), opts);
}

/** Rolls a workbook already loaded and validated (the CLI reads it within its time budget). `book` is amended. */
export async function rollBook(book: XlsxWorkbook, report: ValidationReport, opts: Pick<RollOptions, "profiles" | "dropEnded" | "years">): Promise<RollResult> {
  const planned = planRollover(await book.readAll(), report, { profiles: opts.profiles, dropEnded: opts.dropEnded, years: opts.years });
  if (!planned.ok) return planned;
  const { plan } = planned;
  const { formulas } = book.setCells(plan.changes.map((c) => ({ sheet: c.sheet, cell: c.cell, value: c.after })));
  book.removeSheets(plan.dropSheets);
  return { ok: true, bytes: await book.toBytes(), plan, formulas, book };
}
