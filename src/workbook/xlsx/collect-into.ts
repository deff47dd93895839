/**
 * WorkbookPort.collectInto over an open XlsxWorkbook (the demo's worker holds one): the returned files are read,
 * the collection planned and, unless a dry run, applied to the open workbook in memory. A file that cannot be read
 * is named with its reason and takes no part.
 */
import { describeFileCollect } from "../../core/cycle/collect";
import type { CollectIntoOptions, CollectOutcome, ReturnedFile } from "../collect-port";
import { isWorkbookError, type WorkbookErrorCode } from "../port";
import { applyCollect, planCollectBooks, type ReturnedWorkbook } from "./collect";
import { XlsxWorkbook } from "./xlsx-workbook";

export async function collectIntoBook(master: XlsxWorkbook, files: readonly ReturnedFile[], options: CollectIntoOptions): Promise<CollectOutcome> {
  const at = options.at ?? new Date();
  const returned: ReturnedWorkbook[] = [];
  const unreadable: { file: string; code: WorkbookErrorCode; detail?: string }[] = [];
  for (const f of files) {
    try {
      returned.push({ file: f.name, book: await XlsxWorkbook.load(f.bytes, f.name) });
    } catch (e) {
      if (!isWorkbookError(e)) throw e;
      unreadable.push({ file: f.name, code: e.code, ...(e.detail ? { detail: e.detail } : {}) });
    }
  }
  const plan = await planCollectBooks(master, returned, options.profiles, at);
  const preview = plan.files.map((f) => ({ file: f.file, lines: { ja: describeFileCollect(f, "ja"), en: describeFileCollect(f, "en") } }));
  if (options.dryRun) return { plan, preview, unreadable };
  if (plan.files.every((f) => f.refusal || f.held)) return { plan, preview, unreadable, written: { sheetsReplaced: 0, cellsChanged: 0, changed: false } };
  return { plan, preview, unreadable, written: await applyCollect(master, plan, returned, options.lang, at) };
}
