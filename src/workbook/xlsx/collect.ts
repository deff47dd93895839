/**
 * 回収 through the .xlsx adapter (docs/distribution.md): reads the master and the returned workbooks, plans the
 * collection (core/cycle/collect.ts), and applies a confirmed plan to the master in memory: each sheet to replace
 * is written over in place from the returned file, one 変更履歴 row per sheet, and the master's record of
 * submissions in its settings. Sheets a file does not hold are never touched; a refused or held file adds nothing.
 */
import { type CellWrite, type CheckedBook, collectLogEntry, type CollectPlan, planCollect, type ReturnedBook } from "../../core/cycle/collect";
import { withCellsLeft } from "../../core/cycle/submissions";
import { SUBMISSIONS_KEY } from "../../core/cycle/types";
import type { Lang } from "../../core/i18n";
import { isCellError } from "../../core/model/cell";
import type { Profile } from "../../core/profile/types";
import { checkSnapshot, type ReadReturned } from "../collect-run";
import type { FormulaInput, PlainInput } from "./edit-cell";
import { XlsxWorkbook } from "./xlsx-workbook";

/** Reads and checks a workbook as `validate` does (its stored settings apply). */
export async function checkBook(book: XlsxWorkbook, profiles: readonly Profile[]): Promise<CheckedBook> {
  const read = await book.readAll();
  // Formulas too: a formula changed to give the same value is a change of the form (compareSheet).
  return checkSnapshot({ ...read, sheets: read.sheets.map((g) => ({ ...g, formulas: book.sheetFormulas(g.name) ?? new Map<string, string>() })) }, profiles);
}

/** A returned file opened and checked, with its saved time (collect-run.ts; the Office adapter is given this). */
export const readReturnedXlsx: ReadReturned<XlsxWorkbook> = async (file, profiles) => {
  const book = await XlsxWorkbook.load(file.bytes, file.name);
  const savedAt = book.savedAt();
  const checked = await checkBook(book, profiles);
  book.assertSheetsCopyable();
  return { book: { file: file.name, ...(savedAt ? { savedAt } : {}), ...(book.usesDate1904() ? { date1904: true } : {}), ...checked }, source: book };
};

export interface ReturnedWorkbook {
  /** The file name as the user picked it. */
  readonly file: string;
  readonly book: XlsxWorkbook;
}

/** The plan of collecting `files` into `master`; nothing is written. `acceptFormChanges`: files (names) whose changed form is accepted. */
export async function planCollectBooks(master: XlsxWorkbook, files: readonly ReturnedWorkbook[], profiles: readonly Profile[], now: Date = new Date(), acceptFormChanges?: ReadonlySet<string>): Promise<CollectPlan> {
  const checked: ReturnedBook[] = [];
  for (const f of files) {
    const savedAt = f.book.savedAt();
    checked.push({ file: f.file, ...(savedAt ? { savedAt } : {}), ...(await checkBook(f.book, profiles)) });
  }
  return planCollect(await checkBook(master, profiles), checked, { profiles, now: now.toISOString(), ...(acceptFormChanges ? { acceptFormChanges } : {}) });
}

export interface CollectResult {
  readonly sheetsReplaced: number;
  readonly cellsChanged: number;
  /** Cells of the master a file would have written that show part of an array formula's result, left as they were. */
  readonly formulaCells?: readonly string[];
  /** Anything in the master changed (a sheet, 変更履歴 or the record of submissions). */
  readonly changed: boolean;
}

/**
 * A returned value as a cell of `master` takes it, of the type it was typed as (Excel's 回収 writes what was typed): a
 * date as its serial day number in the master's date system (the master cell keeps its date format), TRUE/FALSE and
 * an error value as such. A formula the department typed goes in as a formula (its references already moved to the
 * master's rows), with the value it showed in the returned file.
 */
function writtenValue(w: CellWrite, master: XlsxWorkbook, from: { readonly book: XlsxWorkbook; readonly sheet: string } | undefined): PlainInput | FormulaInput | null {
  const v = w.value;
  const plain = v instanceof Date ? master.dateSerial(v) : isCellError(v) ? { error: v.error } : v;
  if (w.formula !== undefined) return { formula: w.formula, cached: plain };
  // Text a department partly coloured or gave furigana keeps it, as it does in a sheet replaced whole.
  const rich = typeof plain === "string" && plain !== "" ? from?.book.richTextAt(from.sheet, w.from ?? w.cell) : undefined;
  if (rich && rich.text === plain) return rich;
  return plain === "" ? null : plain;
}

/**
 * Applies a plan made by planCollectBooks over the same books. The master (a loaded copy) is changed in memory;
 * the caller writes it out. A protected sheet refuses the file's replacement with a WorkbookError before anything
 * of that file changes.
 */
export async function applyCollect(master: XlsxWorkbook, plan: CollectPlan, files: readonly ReturnedWorkbook[], lang: Lang, at: Date = new Date()): Promise<CollectResult> {
  let sheetsReplaced = 0;
  let cellsChanged = 0;
  const formulaCells: string[] = [];
  let state = plan.state;
  for (const f of plan.files) {
    if (f.refusal || f.held) continue;
    // Sheets returned by rows: their input cells are written into the master's rows, one 変更履歴 row per sheet.
    // A cell that shows part of an array formula's result is never written (the plan leaves formula cells out; an
    // array's other cells carry no formula of their own). It is named, and neither logged nor counted.
    const all = f.sheets.flatMap((s) => (s.writes ?? []).map((w) => ({ sheet: s.sheet, cell: w.cell })));
    const left = new Set(master.formulaCells(all));
    formulaCells.push(...left);
    if (left.size && f.department) state = withCellsLeft(state, f.department, left.size);
    const written = f.sheets
      .map((s) => (left.size === 0 || !s.writes ? s : { ...s, writes: s.writes.filter((w) => !left.has(`${s.sheet}!${w.cell}`)), changedCells: s.changedCells.filter((a) => !left.has(`${s.sheet}!${a}`)) }))
      .filter((s) => s.writes?.length);
    if (written.length) {
      const book = files.find((x) => x.file === f.file)?.book;
      const cells = written.flatMap((s) => s.writes!.map((w) => ({ sheet: s.sheet, cell: w.cell, value: writtenValue(w, master, book && { book, sheet: s.sheet }) })));
      await master.setCellsLogged(cells, written.map((s) => collectLogEntry(f, s, lang)), at);
      cellsChanged += cells.length;
    }
    const replace = f.sheets.filter((s) => s.replace);
    if (replace.length === 0) continue;
    const from = files.find((x) => x.file === f.file);
    if (!from) continue;
    await master.replaceSheets(
      from.book,
      replace.map((s) => s.sheet),
      replace.map((s) => collectLogEntry(f, s, lang)),
      at,
    );
    sheetsReplaced += replace.length;
    cellsChanged += replace.reduce((n, s) => n + s.changedCells.length, 0);
  }
  if (plan.stateChanged) await master.writeSettings({ [SUBMISSIONS_KEY]: JSON.stringify(state) });
  return { sheetsReplaced, cellsChanged, ...(formulaCells.length ? { formulaCells } : {}), changed: sheetsReplaced > 0 || cellsChanged > 0 || plan.stateChanged };
}
