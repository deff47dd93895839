/**
 * What both adapters' collectInto share (回収, docs/distribution.md): the master checked as `validate` checks it, each
 * returned file read and checked, the plan, and its preview in both languages. Reading a returned .xlsx is passed in
 * (the .xlsx adapter's reader), so the Office adapter never imports the other adapter.
 */
import { type CheckedBook, type CollectPlan, describeFileCollect, planCollect, type ReturnedBook } from "../core/cycle/collect";
import type { WorkbookSnapshot } from "../core/model/grid";
import type { Profile } from "../core/profile/types";
import { parseSettings } from "../core/settings";
import { validateWorkbook } from "../core/validate";
import type { CollectIntoOptions, CollectOutcome, ReturnedFile } from "./collect-port";
import { isWorkbookError, type WorkbookErrorCode } from "./port";

/** A workbook's snapshot checked as `validate` does (its stored settings apply). */
export function checkSnapshot(snapshot: WorkbookSnapshot, profiles: readonly Profile[]): CheckedBook {
  const settings = parseSettings(snapshot.settings ?? {});
  const report = validateWorkbook(snapshot, { profiles, stage: settings.stage, fiscalYear: settings.fiscalYear, planPeriod: settings.planPeriod, overrides: settings.overrides });
  return { snapshot, report };
}

/** Opens and checks one returned file; throws a WorkbookError when it is not a workbook it can read. */
export type ReadReturned<T> = (file: ReturnedFile, profiles: readonly Profile[]) => Promise<{ readonly book: ReturnedBook; readonly source: T }>;

interface ReturnedFiles<T> {
  readonly books: readonly ReturnedBook[];
  /** Each readable file's opened source, by file name as picked. */
  readonly sources: ReadonlyMap<string, T>;
  readonly unreadable: CollectOutcome["unreadable"];
}

/** Reads and checks the returned files; one that is not a workbook it can read is named with its reason and takes no part. */
export async function readReturnedFiles<T>(files: readonly ReturnedFile[], profiles: readonly Profile[], read: ReadReturned<T>): Promise<ReturnedFiles<T>> {
  const books: ReturnedBook[] = [];
  const sources = new Map<string, T>();
  const unreadable: { file: string; code: WorkbookErrorCode; detail?: string }[] = [];
  for (const f of files) {
    try {
      const r = await read(f, profiles);
      books.push(r.book);
      sources.set(f.name, r.source);
    } catch (e) {
      if (!isWorkbookError(e)) throw e;
      unreadable.push({ file: f.name, code: e.code, ...(e.detail ? { detail: e.detail } : {}) });
    }
  }
  return { books, sources, unreadable };
}

interface PlannedCollect<T> extends Omit<CollectOutcome, "written"> {
  readonly sources: ReadonlyMap<string, T>;
}

/** The plan of taking the files in, with its preview; nothing is written. */
export function planFiles<T>(master: CheckedBook, returned: ReturnedFiles<T>, options: CollectIntoOptions, at: Date, writeInPlace?: ReadonlySet<string>): PlannedCollect<T> {
  const accepted = options.acceptFormChanges?.length ? { acceptFormChanges: new Set(options.acceptFormChanges) } : {};
  const plan = planCollect(master, returned.books, { profiles: options.profiles, now: at.toISOString(), ...(writeInPlace ? { writeInPlace } : {}), ...accepted });
  return { plan, preview: previewOf(plan), unreadable: returned.unreadable, sources: returned.sources };
}

/** readReturnedFiles, then planFiles. */
export async function planReturned<T>(master: CheckedBook, files: readonly ReturnedFile[], options: CollectIntoOptions, read: ReadReturned<T>): Promise<PlannedCollect<T>> {
  return planFiles(master, await readReturnedFiles(files, options.profiles, read), options, options.at ?? new Date());
}

function previewOf(plan: CollectPlan): CollectOutcome["preview"] {
  return plan.files.map((f) => ({ file: f.file, lines: { ja: describeFileCollect(f, "ja"), en: describeFileCollect(f, "en") } }));
}

/** No file of the plan would be taken in. */
export const takesNothing = (plan: CollectPlan) => plan.files.every((f) => f.refusal || f.held);
