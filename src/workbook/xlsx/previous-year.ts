/**
 * Last year's workbook kept in this one, on the file layer (the browser demo's worker): the picked file's sheets
 * copied in hidden as `前年度_<name>` (importSheet: a free name within 31 characters), the copies made before deleted,
 * and the setting that names them written (docs/compare.md, "In the task pane").
 */
import { parsePreviousYear, PREVIOUS_PREFIX, PREVIOUS_YEAR_KEY, type PreviousYearSetting, serializePreviousYear } from "../../core/compare/settings";
import { sameSheetName } from "../owned";
import { copiedSetting, type PreviousYearFile, type PreviousYearRequest } from "../previous-year";
import { XlsxWorkbook } from "./xlsx-workbook";

/** The copies made from a file that the book still has (a user's own 前年度_ sheets are never among them). */
async function oldCopies(book: XlsxWorkbook): Promise<string[]> {
  const old = parsePreviousYear((await book.readSettings())[PREVIOUS_YEAR_KEY]);
  if (old?.source !== "file") return [];
  const names = book.sheetNames();
  return old.sheets.map((s) => names.find((n) => sameSheetName(n, s.copy))).filter((n): n is string => n !== undefined);
}

export async function keepPreviousYearInBook(book: XlsxWorkbook, file: PreviousYearFile, request: PreviousYearRequest): Promise<PreviousYearSetting> {
  const from = await XlsxWorkbook.load(file.bytes, file.name);
  const remove = await oldCopies(book);
  // The old copies go first, so the new ones take their names.
  book.removeSheets(remove);
  // Each copy is last year's sheet as it stood: a formula into another sheet of that file keeps its value, since
  // here it would name this year's sheet of that name (carry-refs.ts).
  const copies = request.sheets.map((sheet) => book.importSheet(from, sheet, `${PREVIOUS_PREFIX}${sheet}`, "hidden", { others: new Map() }));
  const setting = copiedSetting(file, request, copies);
  await book.writeSettings({ [PREVIOUS_YEAR_KEY]: serializePreviousYear(setting) });
  return setting;
}

/**
 * Last year's `sheets` as a workbook of their own, each standing alone as the copies above stand (a formula into
 * another sheet of the file keeps its value): what a host that inserts a file's sheets is given (Excel's
 * insertWorksheetsFromBase64, which would otherwise turn such a formula into a link to the picked file).
 */
export async function standAloneSheets(from: XlsxWorkbook, name: string, sheets: readonly string[], options: { readonly date1904?: boolean } = {}): Promise<PreviousYearFile> {
  // Dates move into the count of the workbook the copy goes into (`date1904`): Excel would not move them.
  const book = XlsxWorkbook.create({ date1904: options.date1904 });
  for (const sheet of sheets) book.importSheet(from, sheet, sheet, undefined, { others: new Map() });
  return { name, bytes: await book.toBytes() };
}

export async function clearPreviousYearInBook(book: XlsxWorkbook): Promise<void> {
  book.removeSheets(await oldCopies(book));
  await book.writeSettings({ [PREVIOUS_YEAR_KEY]: "" });
}
