/**
 * A new plan's blank workbook (docs/new-plan.md), from its item list to .xlsx bytes: the list read from a CSV (UTF-8,
 * else Shift_JIS as Excel writes "CSV" on a Japanese Windows) or from a workbook holding it, the 評価一覧 and one blank
 * 調査票 per item drawn as the user's own sheets, and the input aids set on them. Shared by the CLI and the pane.
 */
import type { Lang } from "../../core/i18n";
import type { InputAidsResult } from "../../core/input-aids/types";
import { planInputAids } from "../../core/input-aids/plan";
import { type NewPlanOptions, newPlanSpecs, type NewPlanWorkbook } from "../../core/new-plan/build";
import { type PlanItem, type PlanListProblem, type PlanListResult, readPlanCsv, readPlanWorkbook } from "../../core/new-plan/plan-list";
import type { Profile } from "../../core/profile/types";
import { validateWorkbook } from "../../core/validate";
import { XlsxWorkbook } from "./xlsx-workbook";

/** A CSV's text: UTF-8 when it decodes as such, else Shift_JIS; undefined when it is neither (not a text file). */
export function decodeCsv(bytes: Uint8Array): string | undefined {
  for (const encoding of ["utf-8", "shift_jis"]) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      // not this encoding
    }
  }
  return undefined;
}

/** A workbook by its name, else by its first bytes (a zip starts with PK). */
export function isWorkbookFile(name: string, bytes: Uint8Array): boolean {
  if (/\.(xlsx|xlsm|xls|xlsb|ods)$/i.test(name)) return true;
  if (/\.(csv|txt)$/i.test(name)) return false;
  return bytes[0] === 0x50 && bytes[1] === 0x4b;
}

/** The item list from a file's bytes; "not-text" for a file that is neither a workbook nor text. Bad workbooks throw WorkbookError. */
export async function readPlanListFile(bytes: Uint8Array, name: string, profile: Profile, options: { readonly deadline?: number } = {}): Promise<PlanListResult | "not-text"> {
  if (isWorkbookFile(name, bytes)) return readPlanWorkbook(await (await XlsxWorkbook.load(bytes, name)).readAll({ deadline: options.deadline }), profile);
  const text = decodeCsv(bytes);
  return text === undefined ? "not-text" : readPlanCsv(text, profile);
}

export type NewPlanBuild =
  | ({ readonly ok: true; readonly bytes: Uint8Array; readonly aids?: InputAidsResult } & NewPlanWorkbook)
  | { readonly ok: false; readonly problems: readonly PlanListProblem[] };

/** The blank workbook's bytes, with the input aids on unless `aids` is false. */
export async function buildNewPlanWorkbook(
  items: readonly PlanItem[],
  profile: Profile,
  options: NewPlanOptions & { readonly aids?: false | { readonly protect?: boolean; readonly lang?: Lang } },
): Promise<NewPlanBuild> {
  const built = newPlanSpecs(items, profile, options);
  if (!built.ok) return built;
  const book = XlsxWorkbook.create();
  book.addUserSheets(built.specs);
  let aids: InputAidsResult | undefined;
  if (options.aids !== false) {
    // Planned on the new workbook as the checker reads it: the blank inputs are what the departments fill in.
    const snapshot = await book.readAll();
    const report = validateWorkbook(snapshot, { profiles: [profile], planPeriod: options.planPeriod });
    const plan = planInputAids(snapshot, report, [profile], { protect: options.aids?.protect, lang: options.aids?.lang });
    if (plan.aids.length) aids = await book.applyInputAids(plan.aids);
  }
  return { ...built, ok: true, bytes: await book.toBytes(), ...(aids ? { aids } : {}) };
}
