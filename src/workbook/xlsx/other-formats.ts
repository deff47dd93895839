/**
 * Workbooks in other formats, read for checking only (docs/file-layer.md, "Other formats"): Excel's binary workbooks,
 * .xls (Excel 97–2003, and the older BIFF versions) and .xlsb, which SheetJS reads, and OpenDocument spreadsheets
 * (.ods), which ods.ts reads (SheetJS would lose their merged areas). Each is read into the same snapshot the .xlsx
 * reader gives, inside the same window, so the core checks them alike. Nothing is ever written into them: a command
 * that writes refuses them, saying to save the file as .xlsx.
 *
 * SheetJS is loaded only when such a file comes, so that checking an .xlsx never pays for it (the CLI's build puts it
 * in a bundle of its own; scripts/build-cli.mjs).
 */
import type { CellRange } from "../../core/model/address";
import type { CellValue } from "../../core/model/cell";
import { type FilledCell, gridFromCells, MAX_COLS, MAX_ROWS, type SheetGrid, type SheetVisibility, type WorkbookSnapshot } from "../../core/model/grid";
import { sameSheetName, SETTINGS_SHEET, settingsFromGrid } from "../owned";
import { WorkbookError } from "../port";
import { serialToDate } from "../serial-dates";
import { isDateFormat } from "./book";
import { readOds } from "./ods";

/** The formats read here, by the error code the .xlsx reader gives them. */
export type OtherFormat = "legacy-xls" | "xlsb" | "ods";

export function isOtherFormat(code: string): code is OtherFormat {
  return code === "legacy-xls" || code === "xlsb" || code === "ods";
}

/**
 * Larger files get their format's refusal (save it as .xlsx) before SheetJS sees them: it reads a whole file at once,
 * where the .xlsx reader reads only the window. 501 調査票 sheets make a 1.1 MB .xls, read in half a second.
 */
const MAX_OTHER_FORMAT_BYTES = 20 * 1024 * 1024;

/** Excel's error codes as BIFF and SheetJS number them. */
const ERRORS: Readonly<Record<number, string>> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

/** What the snapshot of a file in another format was read as, and its settings sheet's rows. */
export interface OtherFormatBook {
  readonly format: OtherFormat;
  readAll(options?: { readonly deadline?: number }): Promise<WorkbookSnapshot>;
  readSettings(): Promise<Readonly<Record<string, string>>>;
}

/** The few parts of SheetJS's model this reader uses. */
interface SjsCell {
  readonly t: "s" | "n" | "b" | "e" | "d" | "z";
  readonly v?: unknown;
  readonly z?: string | number;
}
interface SjsSheet {
  readonly "!ref"?: string;
  readonly "!fullref"?: string;
  readonly "!merges"?: readonly { readonly s: { readonly r: number; readonly c: number }; readonly e: { readonly r: number; readonly c: number } }[];
  readonly "!data"?: readonly (readonly (SjsCell | undefined)[] | undefined)[];
  readonly "!protect"?: unknown;
  readonly "!type"?: string;
}
interface SjsWorkbook {
  readonly SheetNames: readonly string[];
  readonly Sheets: Readonly<Record<string, SjsSheet>>;
  readonly Workbook?: { readonly Sheets?: readonly { readonly Hidden?: number }[]; readonly WBProps?: { readonly date1904?: boolean } };
  readonly Props?: unknown;
}
interface SjsModule {
  read(data: Uint8Array, opts: Record<string, unknown>): SjsWorkbook;
  utils: { decode_range(ref: string): { s: { r: number; c: number }; e: { r: number; c: number } } };
}

/**
 * Reads `bytes` (which the .xlsx reader refused as `format`) for checking. A file SheetJS cannot read keeps the
 * refusal it had, which names its format and says how to save it as .xlsx: a damaged or password-protected .xls is
 * told so no worse than before.
 */
export async function readOtherFormat(bytes: Uint8Array, format: OtherFormat): Promise<OtherFormatBook> {
  // Our own reader, bounded by the window as the .xlsx reader is: no size cap of its own beyond the .xlsx reader's.
  if (format === "ods") return { format, ...readOds(bytes) };
  if (bytes.length > MAX_OTHER_FORMAT_BYTES) throw new WorkbookError(format, "too-large");
  const sjs = (await import("@e965/xlsx")) as unknown as SjsModule;
  let wb: SjsWorkbook;
  try {
    wb = quietly(() => sjs.read(bytes, {
      type: "array",
      dense: true,
      // The checker's window: SheetJS stops each sheet there and keeps the declared range in !fullref.
      sheetRows: MAX_ROWS,
      cellNF: true,
      cellDates: false,
      cellText: false,
      cellHTML: false,
      cellFormula: false,
      cellStyles: false,
      bookVBA: false,
      password: "",
    }));
  } catch {
    throw new WorkbookError(format);
  }
  // Bytes SheetJS does not know it reads as text, into one sheet of that text: such a model has no workbook part.
  if (!wb || !Array.isArray(wb.SheetNames) || !wb.Sheets || (!wb.Workbook && !wb.Props)) throw new WorkbookError(format);
  const date1904 = !!wb.Workbook?.WBProps?.date1904;
  const grids = new Map<string, SheetGrid>();
  const grid = (i: number): SheetGrid => {
    const name = wb.SheetNames[i];
    let g = grids.get(name);
    if (!g) {
      g = sheetGrid(sjs, name, wb.Sheets[name], visibilityOf(wb.Workbook?.Sheets?.[i]?.Hidden), date1904);
      grids.set(name, g);
    }
    return g;
  };
  const settingsAt = wb.SheetNames.findIndex((n) => sameSheetName(n, SETTINGS_SHEET));
  const readSettings = async (): Promise<Readonly<Record<string, string>>> => {
    return settingsAt < 0 ? {} : settingsFromGrid(grid(settingsAt));
  };
  return {
    format,
    readSettings,
    async readAll(options) {
      const sheets: SheetGrid[] = [];
      const skippedSheets: WorkbookSnapshot["skippedSheets"][number][] = [];
      for (let i = 0; i < wb.SheetNames.length; i++) {
        if (i === settingsAt) continue;
        if (options?.deadline !== undefined && Date.now() > options.deadline) throw new WorkbookError("timeout");
        const kind = wb.Sheets[wb.SheetNames[i]]?.["!type"];
        if (kind === "chart" || kind === "dialog" || kind === "macro") {
          skippedSheets.push({ name: wb.SheetNames[i], reason: kind });
          continue;
        }
        sheets.push(grid(i));
      }
      // Nothing to check: the refusal that names the format (and says to save as .xlsx) says more than "no worksheets".
      if (sheets.length === 0) throw new WorkbookError(format);
      const settings = await readSettings();
      return { sheets, skippedSheets, settings: Object.keys(settings).length ? settings : undefined };
    },
  };
}

/**
 * Runs SheetJS with the console silenced: it prints what it makes of odd files ("Could not parse defined name",
 * "Name … will be truncated") in its own English, which is not the user's message. Its reading is synchronous, so
 * nothing else prints meanwhile.
 */
function quietly<T>(read: () => T): T {
  const saved = { log: console.log, warn: console.warn, error: console.error };
  const none = (): void => undefined;
  console.log = console.warn = console.error = none;
  try {
    return read();
  } finally {
    Object.assign(console, saved);
  }
}

function visibilityOf(hidden: number | undefined): SheetVisibility {
  return hidden === 2 ? "veryHidden" : hidden === 1 ? "hidden" : "visible";
}

/** One sheet inside the window: values as the .xlsx reader gives them (a number in a date format is a Date). */
function sheetGrid(sjs: SjsModule, name: string, sheet: SjsSheet | undefined, visibility: SheetVisibility, date1904: boolean): SheetGrid {
  const cells: FilledCell[] = [];
  const data = sheet?.["!data"] ?? [];
  const rows = Math.min(data.length, MAX_ROWS);
  for (let r = 0; r < rows; r++) {
    const row = data[r];
    if (!row) continue;
    const cols = Math.min(row.length, MAX_COLS);
    for (let c = 0; c < cols; c++) {
      const cell = row[c];
      if (!cell) continue;
      const fmt = typeof cell.z === "string" && cell.z !== "General" ? cell.z : undefined;
      const v = valueOf(cell, fmt, date1904);
      if (v === null) continue;
      cells.push(fmt && typeof v === "number" ? { r, c, v, fmt } : { r, c, v });
    }
  }
  const merges: CellRange[] = [];
  for (const m of sheet?.["!merges"] ?? []) {
    const range = { top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c };
    if (range.top < MAX_ROWS && range.left < MAX_COLS && (range.bottom > range.top || range.right > range.left)) merges.push(range);
  }
  const ref = sheet?.["!fullref"] ?? sheet?.["!ref"];
  let declared = { rows: 0, cols: 0 };
  if (ref) {
    try {
      const d = sjs.utils.decode_range(ref);
      declared = { rows: d.e.r + 1, cols: d.e.c + 1 };
    } catch {
      // An unreadable range: the cells read say the size.
    }
  }
  return gridFromCells({ name, visibility, protected: !!sheet?.["!protect"] || undefined }, cells, merges, declared);
}

function valueOf(cell: SjsCell, fmt: string | undefined, date1904: boolean): CellValue {
  switch (cell.t) {
    case "s":
      return typeof cell.v === "string" && cell.v !== "" ? cell.v : null;
    case "n":
      if (typeof cell.v !== "number" || !Number.isFinite(cell.v)) return null;
      return fmt && isDateFormat(fmt) ? serialToDate(cell.v, date1904) : cell.v;
    case "b":
      return !!cell.v;
    case "e":
      return { error: ERRORS[Number(cell.v)] ?? "#VALUE!" };
    case "d":
      return cell.v instanceof Date ? cell.v : null;
    default:
      return null;
  }
}
