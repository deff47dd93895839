/**
 * WorkbookPort.collectInto over an open XlsxWorkbook (the demo's worker holds one): the returned files are read,
 * the collection planned and, unless a dry run, applied to the open workbook in memory. A file that cannot be read
 * is named with its reason and takes no part.
 */
import type { CollectIntoOptions, CollectOutcome, ReturnedFile } from "../collect-port";
import { planReturned, takesNothing } from "../collect-run";
import { applyCollect, checkBook, readReturnedXlsx } from "./collect";
import type { XlsxWorkbook } from "./xlsx-workbook";

export async function collectIntoBook(master: XlsxWorkbook, files: readonly ReturnedFile[], options: CollectIntoOptions): Promise<CollectOutcome> {
  const at = options.at ?? new Date();
  const { sources, ...out } = await planReturned(await checkBook(master, options.profiles), files, { ...options, at }, readReturnedXlsx);
  if (options.dryRun) return out;
  if (takesNothing(out.plan)) return { ...out, written: { sheetsReplaced: 0, cellsChanged: 0, changed: false } };
  const returned = [...sources].map(([file, book]) => ({ file, book }));
  return { ...out, written: await applyCollect(master, out.plan, returned, options.lang, at) };
}
