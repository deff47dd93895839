/**
 * 配布 from the pane (docs/distribution.md): the open workbook's bytes (port.fileBytes) are split by the file layer
 * (splitBook, as `chosahyo split` does) into one workbook per department. A host that can save files (the demo)
 * gets them all as one ZIP; Excel opens each as a new workbook (port.openAsNewWorkbook), one after another. The open
 * workbook is never written.
 */
import { departmentFileNames } from "../core/cycle/file-names";
import { notCopiedPartText } from "../core/cycle/not-copied";
import type { SharedMode } from "../core/cycle/split";
import { both, type Lang, type LocalizedText, type MessageKey, type MessageParams, t } from "../core/i18n";
import type { Profile } from "../core/profile/types";
import type { WorkbookSettings } from "../core/settings";
import { validateWorkbook } from "../core/validate";
import { WorkbookError, type WorkbookPort } from "../workbook/port";
import { type NotCopied, splitBook } from "../workbook/xlsx/split";
import { XlsxWorkbook } from "../workbook/xlsx/xlsx-workbook";
import { writeZip } from "../workbook/xlsx/zip";
import { canDistribute, canSaveFile } from "./cycle-capabilities";

export interface DistributeRequest {
  readonly profiles: readonly Profile[];
  readonly settings: WorkbookSettings;
  readonly shared: SharedMode;
  readonly lang: Lang;
}

export interface DistributeProgress {
  /** Workbooks handed over so far, of all. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Asked between files: true stops before the next one is opened. */
  readonly isCancelled?: () => boolean;
}

export interface DistributedFile {
  readonly department: string;
  readonly file: string;
  readonly sheets: readonly string[];
}

/** A list the pane shows under the result: a heading (when it has one) and its lines. */
export interface ResultGroup {
  readonly heading?: LocalizedText;
  readonly lines: readonly LocalizedText[];
}

export type DistributeOutcome =
  | { readonly ok: true; readonly notice: LocalizedText; readonly files: readonly DistributedFile[]; readonly groups: readonly ResultGroup[] }
  | { readonly ok: false; readonly reason: LocalizedText };

const sepOf = (l: Lang) => t(l, "split.list.separator");
/** A list of names joined as each language joins them (、 or , ). */
const listText = (names: readonly string[]): LocalizedText => ({ ja: names.join(sepOf("ja")), en: names.join(sepOf("en")) });

function partsText(n: NotCopied): LocalizedText {
  const one = (l: Lang) =>
    n.parts.map((p) => notCopiedPartText(p, l)).join(sepOf(l));
  return { ja: one("ja"), en: one("en") };
}

export async function distribute(port: WorkbookPort, req: DistributeRequest, progress: DistributeProgress = {}): Promise<DistributeOutcome> {
  if (!port.fileBytes || !canDistribute(port)) throw new WorkbookError("unsupported-operation", "new workbook");
  const bytes = await port.fileBytes();
  // A copy loaded in memory: splitBook reads it and never writes the open workbook.
  const master = await XlsxWorkbook.load(bytes, "workbook.xlsx");
  const { settings } = req;
  const report = validateWorkbook(await master.readAll(), { profiles: req.profiles, stage: settings.stage, fiscalYear: settings.fiscalYear, planPeriod: settings.planPeriod, overrides: settings.overrides });
  const split = await splitBook(master, report, { profiles: req.profiles, shared: req.shared, aids: { lang: req.lang } });
  if (!split.ok) {
    return { ok: false, reason: split.reason === "table-format" ? both("split.refusal.table-format", { sheets: listText(split.sheets) }) : both("split.refusal.nothing-recognised") };
  }
  const names = departmentFileNames(
    split.books.map((b) => b.department),
    ".xlsx",
  );
  const files = split.books.map((b, i) => ({ department: b.department, file: names[i], sheets: b.sheets }));
  const count = files.length;
  let notice: LocalizedText;
  if (canSaveFile(port)) {
    // One download, not 27: browsers ask before letting a page save many files.
    const zipName = t(req.lang, "pane.distribute.zipName", { count });
    // The package writer's zip (UTF-8 names), already in the pane: no second zip library in the bundle.
    const zipped = writeZip(split.books.map((b, i) => ({ name: names[i], data: b.bytes })));
    await port.saveFile(zipped, zipName);
    notice = both("pane.distribute.downloaded", { count, name: zipName });
  } else {
    let done = 0;
    for (const [i, b] of split.books.entries()) {
      if (i > 0 && progress.isCancelled?.()) break;
      progress.onProgress?.(i, count);
      await port.openAsNewWorkbook!(b.bytes, names[i]);
      done = i + 1;
    }
    progress.onProgress?.(done, count);
    notice = done < count ? both("pane.distribute.cancelled", { count, done, rest: listText(files.slice(done).map((f) => f.department)) }) : both("pane.distribute.opened", { count });
  }
  return { ok: true, notice, files, groups: detailGroups(split, req.shared) };
}

/** What the run tells the office besides the files, in the CLI's words and order: shared items, sheets kept, not copied, aids. */
function detailGroups(split: Extract<Awaited<ReturnType<typeof splitBook>>, { ok: true }>, shared: SharedMode): ResultGroup[] {
  // The CLI's lines are indented under their heading; the pane lists them instead.
  const said = (key: MessageKey, params?: MessageParams): LocalizedText => {
    const x = both(key, params);
    return { ja: x.ja.trim(), en: x.en.trim() };
  };
  const groups: ResultGroup[] = [];
  const { plan } = split;
  if (plan.shared.length) {
    const mode = both(shared === "copy" ? "cli.split.shared.copy" : "cli.split.shared.lead");
    const lines = plan.shared.map((s) => {
      const notSent = s.others.filter((o) => !s.sentTo.includes(o));
      const key = !s.sentTo.length ? "cli.split.undecided" : notSent.length ? "cli.split.shared.line" : "cli.split.shared.all";
      const others: LocalizedText = notSent.length ? listText(notSent) : both("split.none");
      return said(key, { sheet: s.sheet, item: s.item, sentTo: listText(s.sentTo), others });
    });
    groups.push({ heading: said("cli.split.shared", { mode }), lines });
  }
  if (plan.kept.length) groups.push({ lines: [said("cli.split.kept", { sheets: listText(plan.kept) })] });
  if (split.notCopied.length) {
    groups.push({ heading: said("cli.split.notCopied"), lines: split.notCopied.map((n) => said("cli.split.notCopied.line", { sheet: n.sheet, parts: partsText(n) })) });
  }
  const aids: LocalizedText[] = [];
  if (split.aidsSheets) aids.push(said("cli.split.aids", { count: split.aidsSheets }));
  if (split.aidsSkippedProtected.length) aids.push(said("cli.split.aidsProtected", { sheets: listText(split.aidsSkippedProtected) }));
  if (aids.length) groups.push({ lines: aids });
  return groups;
}
