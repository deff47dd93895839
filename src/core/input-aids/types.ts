/**
 * Input aids (入力支援): what the add-in sets on a user's 調査票 so that the usual errors are stopped at the keyboard,
 * renderer-neutral, for both adapters to apply (WorkbookPort.applyInputAids). Setting them never changes a value.
 * docs/input-aids.md describes each aid as a clerk meets it in Excel and in LibreOffice Calc.
 */
import type { CellRange } from "../model/address";

/**
 * A data validation on a range: a drop-down list of codes (`list`), an input message shown when the cell is selected
 * (`prompt`), or both. The error alert is a warning, never a stop: Excel asks "continue?", so a clerk can keep an
 * unusual value on purpose (CODE-INVALID still reports it).
 */
export interface InputValidation {
  readonly range: CellRange;
  /** The codes, in the profile's order. Absent: any value, the validation only carries its input message. */
  readonly list?: readonly string[];
  /** Input message title (Excel: at most 32 characters) and text (at most 255). */
  readonly promptTitle?: string;
  readonly prompt?: string;
  /** Error alert title (at most 32 characters) and text (at most 225); shown in the warning style. */
  readonly errorTitle?: string;
  readonly error?: string;
}

/** A required input cell that is empty shows `fill` until it is filled (a conditional format on blanks). */
export interface RequiredHighlight {
  readonly range: CellRange;
  /** "#RRGGBB" */
  readonly fill: string;
}

export interface SheetInputAids {
  readonly sheet: string;
  readonly validations: readonly InputValidation[];
  readonly highlights: readonly RequiredHighlight[];
  /**
   * Present when the user asked to protect the sheet: every cell is locked except these input ranges, and the sheet
   * is protected without a password (the pane says how to remove it: 校閲 → シート保護の解除).
   */
  readonly unlocked?: readonly CellRange[];
}

export interface InputAidsResult {
  /** Per sheet, what was set: validations, highlights, and whether the sheet was protected. */
  readonly sheets: readonly { readonly sheet: string; readonly validations: number; readonly highlights: number; readonly protected: boolean }[];
  /** Sheets protected with a password, left as they are (only with `liftProtection`). */
  readonly locked?: readonly string[];
}

export interface InputAidsOptions {
  /**
   * A protected sheet without a password is unprotected for the change and protected again as it was (or as the
   * aids protect it); one with a password is someone's deliberate lock, left alone and named in `locked`. Without
   * this, a protected sheet refuses the whole call.
   */
  readonly liftProtection?: boolean;
}
