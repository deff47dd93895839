/**
 * The .xlsx adapter of the workbook port, for the CLI, the browser demo and the tests. It works on the package
 * itself (docs/file-layer.md): reading follows the relationships and reads only the window the checker needs;
 * writing adds or replaces only the parts the add-in owns (its generated sheets, its settings sheet, the cells a
 * fix changes) and carries every other part over byte for byte: comments, drawings, charts, images, pivot tables,
 * slicers, tables, names, external links, custom XML and macros.
 */
import { type CellRange, parseRangeA1, quoteSheetName } from "../../core/model/address";
import { type CellValue, cellText } from "../../core/model/cell";
import { CHANGE_LOG_HEADER, CHANGE_LOG_SHEET, changeLogRows, changeLogSpec, type LoggedEdit } from "../../core/changelog";
import { type SheetGrid, SHEET_ROWS, type WorkbookSnapshot } from "../../core/model/grid";
import { fitToCells, type SheetSpec, type SpecCell, text } from "../../core/sheet-spec";
import { OWNED_KEY, type OwnedSheet, ownedValue, parseOwned, mergeSettings, planOwned, SETTINGS_SHEET, settingsFromGrid, settingsRows, sameSheetName, sheetNameKey } from "../owned";
import { type AppliedEdits, type ReadOptions, WorkbookError, type WorkbookPort, type WriteSheetResult, type WriteSheetsOptions } from "../port";
import { type CellFormat, isDate1904, isStrictWorkbook, readCellFormats, readSheetEntries, relKind, richRuns, SharedStrings, type SheetEntry, workbookPart } from "./book";
import { clearCell, type FormulaInput, holdsFormula, locateCell, type PlainInput, setCell } from "./edit-cell";
import { assertWellFormedChanges, Package, relsPathOf } from "./package";
import { isProtectedSheet, parseRef, readCell, readSheetXml, type SheetReadContext } from "./read-sheet";
import { DAYS_1900_TO_1904, dateToSerial } from "../serial-dates";
import { renderSheetXml } from "./sheet-xml";
import { assertXlsxBytes, classifyPackage } from "./sniff";
import { StylesAmender } from "./styles-xml";
import {
  allDefinedNames,
  canAppendSheet,
  definedNames,
  invalidateSheetRefsInPart,
  removeSheetAt,
  renameSheetRefs,
  setDefinedName,
  type NewSheet,
  type SheetListPrefixes,
  sheetElement,
  showingVisibleSheet,
  sheetListPrefixes,
  type SheetRemoval,
  sheetScopedNames,
  structureLocked,
} from "./workbook-xml";
import { type CarriedName, RefCarrier } from "./carry-refs";
import { childrenOf, copySheetXml, nextTag, type SheetSource, withAttr } from "./copy-sheet";
import { inputAidsLog } from "../../core/input-aids/log";
import type { InputAidsOptions, InputAidsResult, SheetInputAids } from "../../core/input-aids/types";
import { applyInputAidsXml } from "./input-aids-xml";
import { readSheetFormulas } from "./read-formulas";
import { freeSheetName } from "../sheet-names";
import { attr, elementPrefix, findTag, MalformedXml, tagAt, unescapeXml, unescapeXstring } from "./xml";
import { plainText, xstringAttr } from "./xml-text";
import { renameTableColumn } from "../../core/formula/structured";
import { xmlProblem } from "./well-formed";

/** The veryHidden sheet that holds the add-in's settings and its list of owned sheets (owned.ts). */
export { SETTINGS_SHEET } from "../owned";

const NS_OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_WORKSHEET = `${NS_OFFICE_REL}/worksheet`;
const REL_STYLES = `${NS_OFFICE_REL}/styles`;
const REL_TABLE = `${NS_OFFICE_REL}/table`;
const CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const REL_THEME = `${NS_OFFICE_REL}/theme`;
const CT_THEME = "application/vnd.openxmlformats-officedocument.theme+xml";
const THEME_PART = "xl/theme/theme1.xml";
const NS_DRAWINGML = "http://schemas.openxmlformats.org/drawingml/2006/main";
const CT_TABLE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
const CT_WORKBOOK = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

export class XlsxWorkbook implements WorkbookPort {
  private readonly wbPart: string;
  private strings?: SharedStrings;
  private formats?: CellFormat[];
  private readonly date1904: boolean;
  /** Grids already read, by part; a part the add-in writes is read again. */
  private readonly grids = new Map<string, SheetGrid>();
  private sheetList?: { readonly revision: string; readonly entries: readonly SheetEntry[]; nameKeys?: Set<string> };
  /** Where freePartName's last search ended, per kind of part, and the package's removals then. */
  private readonly partNumbers = new Map<string, { readonly n: number; readonly removals: number }>();
  /** The styles amender that last wrote the styles part, with the part's revision and its appends then (styles()). */
  private keptStyles?: { readonly part: string; readonly revision: number; readonly amender: StylesAmender; readonly appends: number };
  /** What isLegacyShared found in the revision headers part, at the part's revision then. */
  private sharedSeen?: { readonly part: string; readonly revision: number; readonly shared: boolean };

  // No deadline is kept here: a budget belongs to one read (readAll's), so a write after it re-reads the sheets
  // it changed without running into a deadline that has long passed.
  private constructor(private readonly pkg: Package) {
    this.wbPart = workbookPart(pkg);
    this.date1904 = isDate1904(pkg, this.wbPart);
  }

  /** Opens .xlsx bytes; bad input becomes a WorkbookError with a code the catalogue words. */
  static async load(bytes: Uint8Array, fileName = ""): Promise<XlsxWorkbook> {
    assertXlsxBytes(bytes, fileName);
    const pkg = Package.open(bytes);
    classifyPackage(pkg);
    const book = new XlsxWorkbook(pkg);
    if (!book.entries().some((e) => e.kind === "worksheet")) throw new WorkbookError("no-worksheets");
    return book;
  }

  /**
   * A new, empty workbook (folder mode builds one from the submissions). `date1904`: it counts its days from 1904, as
   * the workbook its sheets come from does (配布's department copies), so that Excel, which copies serial numbers
   * between workbooks as they are, shows the same dates when they go back (回収 by inserting sheets).
   */
  static create(options: { readonly date1904?: boolean } = {}): XlsxWorkbook {
    const pkg = Package.empty();
    pkg.set(
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT_WORKBOOK}"/></Types>`,
    );
    pkg.set(
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${NS_OFFICE_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    );
    pkg.set(
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${NS_OFFICE_REL}">${options.date1904 ? '<workbookPr date1904="1"/>' : ""}<bookViews><workbookView/></bookViews><sheets></sheets><calcPr calcId="191029"/></workbook>`,
    );
    pkg.set("xl/styles.xml", new StylesAmender(undefined).toXml());
    pkg.addRel("xl/workbook.xml", REL_STYLES, "xl/styles.xml");
    pkg.setContentType("xl/styles.xml", CT_STYLES);
    const book = new XlsxWorkbook(pkg);
    book.created = true;
    return book;
  }

  /** Made by create(), of copied or generated sheets: it opens on a visible sheet (toBytes). */
  private created = false;

  /** An .xlsm: its workbook part says so, and a copy must keep the .xlsm extension for Excel to open it. */
  isMacroEnabled(): boolean {
    return /macroEnabled/i.test(this.pkg.contentType(this.wbPart) ?? "");
  }

  /** The workbook counts its serial days from 1904-01-01 rather than from 1900. */
  usesDate1904(): boolean {
    return this.date1904;
  }

  /** A date as this workbook's serial day number (its 1900 or 1904 date system), as a cell holds it. */
  dateSerial(d: Date): number {
    return dateToSerial(d, this.date1904);
  }

  /** Saved as Strict Open XML: read and checked like any workbook, never written into (assertWritable). */
  isStrict(): boolean {
    // Asked before every change. Nothing this adapter writes makes a workbook Strict or Transitional (a Strict one
    // is never written into), so the answer read once holds; read again, a workbook.xml of 3,000 sheets cost a
    // scan per copied sheet.
    this.strict ??= isStrictWorkbook(this.pkg, this.wbPart);
    return this.strict;
  }

  private strict?: boolean;

  /**
   * Every change refuses a Strict workbook before it begins: the parts this adapter writes (sheets, tables,
   * relationships) are Transitional, and a package mixing the two is one Excel may refuse or repair.
   */
  private assertWritable(): void {
    if (this.isStrict()) throw new WorkbookError("strict-ooxml");
  }

  async toBytes(): Promise<Uint8Array> {
    if (this.created) {
      const xml = this.pkg.text(this.wbPart)!;
      const shown = showingVisibleSheet(xml);
      if (shown !== xml) this.pkg.set(this.wbPart, shown);
    }
    assertWellFormedChanges(this.pkg);
    return this.pkg.toBytes();
  }

  private entries(): SheetEntry[] {
    // One check asks for the sheet list several times (loading, reading, the settings); a 500-sheet list took 4 ms
    // to read each time. Kept until the workbook part or its relationships change, or a part comes or goes (a
    // sheet's part is found through them); copying 500 sheets in, one by one, read it 500 times.
    const revision = this.sheetListRevision();
    if (this.sheetList?.revision !== revision) this.sheetList = { revision, entries: readSheetEntries(this.pkg, this.wbPart) };
    return [...this.sheetList.entries];
  }

  /** What the sheet list is read from, as it stands: the workbook part, its relationships, the parts there are. */
  private sheetListRevision(): string {
    return `${this.pkg.revisionOf(this.wbPart)}/${this.pkg.revisionOf(relsPathOf(this.wbPart))}/${this.pkg.partListRevision}`;
  }

  private entryNamed(name: string): SheetEntry | undefined {
    const list = this.entries();
    return list.find((e) => e.name === name) ?? list.find((e) => sameSheetName(e.name, name));
  }

  private context(deadline?: number): SheetReadContext {
    this.strings ??= SharedStrings.of(this.pkg, this.wbPart);
    this.formats ??= readCellFormats(this.pkg, this.wbPart);
    return { strings: this.strings, formats: this.formats, date1904: this.date1904, deadline };
  }

  private grid(entry: SheetEntry, deadline?: number): SheetGrid {
    if (!entry.part) {
      const target = this.pkg.rels(this.wbPart).find((r) => r.id === entry.relId)?.target;
      throw new WorkbookError("corrupt-part", target ? `${entry.name}: ${target}` : entry.name);
    }
    const cached = this.grids.get(entry.part);
    if (cached && cached.name === entry.name) return cached;
    const xml = this.pkg.textOnce(entry.part);
    if (xml === undefined) throw new WorkbookError("corrupt-part", entry.part);
    const grid = readSheetXml(xml, { name: entry.name, visibility: entry.state }, this.context(deadline));
    this.grids.set(entry.part, grid);
    return grid;
  }

  async readAll(options?: ReadOptions): Promise<WorkbookSnapshot> {
    const all = this.entries().filter((e) => !sameSheetName(e.name, SETTINGS_SHEET));
    const sheets: SheetGrid[] = [];
    const skippedSheets: WorkbookSnapshot["skippedSheets"][number][] = [];
    // A sheet whose relationship is missing altogether has no cells to read; one whose part is missing is damage.
    const worksheets = all.filter((e) => e.kind === "worksheet" && e.hasRel);
    for (const e of all) {
      if (e.kind === "chart" || e.kind === "dialog" || e.kind === "macro") skippedSheets.push({ name: e.name, reason: e.kind });
      else if (!worksheets.includes(e)) skippedSheets.push({ name: e.name, reason: "missing" });
    }
    let lastYield = Date.now();
    for (let i = 0; i < worksheets.length; i++) {
      // A reader that can be cancelled gives the event loop a turn now and then, so a cancel message can arrive.
      if (options?.isCancelled && Date.now() - lastYield > 50) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        lastYield = Date.now();
      }
      if (options?.isCancelled?.()) throw new WorkbookError("cancelled");
      if (options?.deadline !== undefined && Date.now() > options.deadline) throw new WorkbookError("timeout");
      sheets.push(this.grid(worksheets[i], options?.deadline));
      options?.onProgress?.({ done: i + 1, total: worksheets.length });
    }
    if (sheets.length === 0) throw new WorkbookError("no-worksheets");
    const settings = await this.readSettings();
    return { sheets, skippedSheets, settings: Object.keys(settings).length ? settings : undefined };
  }

  /** Tabs a person sees (very hidden sheets, such as the add-in's settings, are left out). */
  sheetNames(): string[] {
    return this.entries()
      .filter((e) => e.state !== "veryHidden")
      .map((e) => e.name);
  }

  /** One worksheet's formulas inside the reading window, keyed "row,col" (read-formulas.ts); undefined for no such worksheet. */
  sheetFormulas(name: string): Map<string, string> | undefined {
    const e = this.entryNamed(name);
    const xml = e && e.kind === "worksheet" && e.part ? this.pkg.textOnce(e.part) : undefined;
    return xml === undefined ? undefined : readSheetFormulas(xml);
  }

  /** One sheet's grid, for the demo's view. */
  sheetGrid(name: string): SheetGrid | undefined {
    const e = this.entryNamed(name);
    return e && e.kind === "worksheet" ? this.grid(e) : undefined;
  }

  /**
   * Every check comes before any change: a missing sheet, a locked cell of a protected sheet (a cell its protection
   * leaves unlocked takes the fix, as a user could type there), or a locked structure when the log must be added,
   * refuses the whole call with nothing changed. A formula cell is never written (the fix belongs in the formula or
   * its inputs), so calcChain stays valid. The log is written before the cells.
   */
  async applyEdits(edits: readonly LoggedEdit[], at: Date = new Date()): Promise<AppliedEdits> {
    this.assertWritable();
    const applied: LoggedEdit[] = [];
    const refused: LoggedEdit[] = [];
    const formulas: LoggedEdit[] = [];
    const changed = new Map<string, string>(); // part → amended XML
    const cellsOf = new Map<string, WrittenCell[]>();
    const styles: { amender?: StylesAmender } = {};
    for (const e of edits) {
      const entry = this.entryNamed(e.sheet);
      if (!entry || entry.kind !== "worksheet" || !entry.part) throw new WorkbookError("sheet-missing", e.sheet, e.sheet);
      const pos = parseRef(e.cell.split(":")[0]);
      if (!pos) {
        refused.push(e);
        continue;
      }
      const part = entry.part;
      const xml = changed.get(part) ?? this.pkg.textOnce(part)!;
      const outcome = inPart(part, () => {
        if (this.lockedCell(xml, pos.row, pos.col, styles)) throw new WorkbookError("protected-sheet", entry.name, entry.name);
        if (holdsFormula(xml, pos.row, pos.col)) return formulas;
        if (cellText(this.cellAt(xml, pos.row, pos.col)) !== e.before) return refused; // the user changed it since the check
        changed.set(part, setCell(xml, pos.row, pos.col, e.after));
        const list = cellsOf.get(part) ?? [];
        list.push({ ...pos, value: e.after });
        cellsOf.set(part, list);
        return applied;
      });
      outcome.push(e);
    }
    if (applied.length === 0) return { applied, refused, formulas };
    const owned = await this.ownership();
    if (!owned.some((o) => o.base === CHANGE_LOG_SHEET) || !this.entryNamed(SETTINGS_SHEET)) this.assertCanAddSheets();
    await this.appendChangeLog(applied, at);
    for (const [part, xml] of changed) {
      this.pkg.set(part, xml);
      this.grids.delete(part);
      this.renameTableColumns(part, cellsOf.get(part) ?? []);
    }
    return { applied, refused, formulas };
  }

  /**
   * Sets or empties cells of users' sheets, unlogged: 年度更新 writes next year's workbook as a new file and reports
   * every change itself. Each cell keeps its style. A formula cell is never written (listed in `formulas`); a missing
   * or protected sheet refuses the whole call before anything changes. With `intoUnlocked`, a protected sheet takes
   * values in the cells its protection leaves unlocked, as a user could type there, and refuses only a locked one.
   */
  setCells(
    changes: readonly { readonly sheet: string; readonly cell: string; readonly value: PlainInput | FormulaInput | null }[],
    options: { readonly intoUnlocked?: boolean } = {},
  ): { readonly written: number; readonly formulas: readonly string[] } {
    this.assertWritable();
    const byPart = new Map<string, { entry: SheetEntry; xml: string }>();
    const styles: { amender?: StylesAmender } = {};
    for (const c of changes) {
      const entry = this.entryNamed(c.sheet);
      if (!entry || entry.kind !== "worksheet" || !entry.part) throw new WorkbookError("sheet-missing", c.sheet, c.sheet);
      const known = byPart.get(entry.part);
      const xml = known?.xml ?? this.pkg.textOnce(entry.part);
      if (xml === undefined) throw new WorkbookError("corrupt-part", entry.part);
      const pos = parseRef(c.cell);
      if (isProtectedSheet(xml, elementPrefix(xml, "worksheet")) && (!options.intoUnlocked || !pos || inPart(entry.part, () => this.lockedCell(xml, pos.row, pos.col, styles)))) {
        throw new WorkbookError("protected-sheet", entry.name, entry.name);
      }
      if (!known) byPart.set(entry.part, { entry, xml });
    }
    const formulas: string[] = [];
    const cellsOf = new Map<string, WrittenCell[]>();
    let written = 0;
    for (const c of changes) {
      const target = byPart.get(this.entryNamed(c.sheet)!.part!)!;
      const pos = parseRef(c.cell);
      if (!pos) continue;
      const isFormula = inPart(target.entry.part!, () => {
        if (holdsFormula(target.xml, pos.row, pos.col)) return true;
        target.xml = c.value === null ? clearCell(target.xml, pos.row, pos.col) : setCell(target.xml, pos.row, pos.col, c.value);
        return false;
      });
      if (isFormula) formulas.push(`${c.sheet}!${c.cell}`);
      else {
        written++;
        const list = cellsOf.get(target.entry.part!) ?? [];
        list.push({ ...pos, value: c.value });
        cellsOf.set(target.entry.part!, list);
      }
    }
    for (const [part, { xml }] of byPart) {
      this.pkg.set(part, xml);
      this.grids.delete(part);
      this.renameTableColumns(part, cellsOf.get(part) ?? []);
    }
    return { written, formulas };
  }

  /**
   * Header cells of an Excel table that were written rename their columns: Excel keeps each column's name in the
   * table part as well, and repairs a file whose header cell says something else (年度更新 moves a header such as
   * `29年度下半期評価` on). A header written empty, or with another column's name, leaves the name as it was.
   */
  private renameTableColumns(part: string, cells: readonly WrittenCell[]): void {
    const headers = cells.map((c) => ({ ...c, text: headerText(c.value) })).filter((c) => c.text);
    if (!headers.length) return;
    for (const rel of this.pkg.rels(part)) {
      if (rel.external || relKind(rel) !== "table") continue;
      const xml = this.pkg.textOnce(rel.target);
      if (xml === undefined) continue;
      const p = elementPrefix(xml, "table");
      const at = findTag(xml, `${p}table`, 0);
      if (at < 0) continue;
      const table = tagAt(xml, at).tag;
      const area = parseRangeA1((attr(table, "ref") ?? "").replace(/\$/g, ""));
      if (!area || attr(table, "headerRowCount") === "0") continue;
      const columns: { at: number; tag: string; name: string }[] = [];
      for (let i = findTag(xml, `${p}tableColumn`, at); i >= 0; i = findTag(xml, `${p}tableColumn`, i + 1)) {
        const tag = tagAt(xml, i).tag;
        columns.push({ at: i, tag, name: unescapeXstring(attr(tag, "name") ?? "") });
      }
      const renamed = new Map<number, string>();
      const display = attr(table, "displayName") ?? attr(table, "name") ?? "";
      for (const h of headers) {
        const k = h.col - area.left;
        if (h.row !== area.top || k < 0 || h.col > area.right || !columns[k] || columns[k].name === h.text) continue;
        const taken = columns.some((c, j) => j !== k && (renamed.get(j) ?? c.name).toLowerCase() === h.text!.toLowerCase());
        if (!taken) renamed.set(k, h.text!);
      }
      if (!renamed.size) continue;
      let out = "";
      let from = 0;
      for (const [k, name] of [...renamed].sort((a, b) => a[0] - b[0])) {
        const c = columns[k];
        out += xml.slice(from, c.at) + c.tag.replace(/\sname\s*=\s*(?:"[^"]*"|'[^']*')/, () => ` name="${xstringAttr(name)}"`);
        from = c.at + c.tag.length;
      }
      this.pkg.set(rel.target, out + xml.slice(from));
      for (const [k, name] of renamed) this.followColumnRename(display, columns[k].name, name);
    }
  }

  /**
   * Formulas that name a renamed table column (`評価表[29年度下半期評価]`) follow it, as Excel's own rename does: in
   * every worksheet's cells, the defined names, and the tables' calculated columns and totals. Only parts that
   * hold such a formula change.
   */
  private followColumnRename(table: string, from: string, to: string): void {
    if (!table) return;
    const follow = (xml: string, element: string): string => {
      if (!xml.toLowerCase().includes(table.toLowerCase())) return xml;
      return xml.replace(new RegExp(`(<(?:[\\w.-]+:)?${element}(?:\\s[^>]*)?>)([^<]*)(</(?:[\\w.-]+:)?${element}>)`, "g"), (whole, open: string, text: string, close: string) => {
        const renamed = renameTableColumn(unescapeXml(text), table, from, to);
        return renamed === undefined ? whole : `${open}${plainText(renamed)}${close}`;
      });
    };
    const amend = (part: string, elements: readonly string[]) => {
      const xml = this.pkg.textOnce(part);
      if (xml === undefined) return;
      const out = elements.reduce(follow, xml);
      if (out === xml) return;
      this.pkg.set(part, out);
      this.grids.delete(part);
    };
    for (const e of this.entries()) if (e.kind === "worksheet" && e.part) amend(e.part, ["f"]);
    amend(this.wbPart, ["definedName"]);
    for (const t of this.tableParts()) amend(t, ["calculatedColumnFormula", "totalsRowFormula"]);
  }

  /**
   * The cell's text with its runs (a word in red or bold) and furigana, as `<is>` content without a prefix; undefined
   * for a plain or non-text cell. 回収 by cells writes it so, as a replaced sheet keeps it.
   */
  richTextAt(sheet: string, cell: string): { readonly text: string; readonly runs: string } | undefined {
    const e = this.entryNamed(sheet);
    const pos = parseRef(cell);
    const xml = e?.kind === "worksheet" && e.part ? this.pkg.textOnce(e.part) : undefined;
    if (xml === undefined || !pos) return undefined;
    const p = elementPrefix(xml, "worksheet") || elementPrefix(xml, "sheetData");
    const span = inPart(e!.part!, () => locateCell(xml, pos.row, pos.col));
    if (!span.tag || span.start === span.end) return undefined;
    const body = xml.slice(span.start + span.tag.length, span.end);
    const t = attr(span.tag, "t");
    let runs: string | undefined;
    if (t === "s") {
      const v = /<(?:[\w.-]+:)?v>\s*(\d+)\s*</.exec(body);
      runs = v ? this.context().strings.rich(Number(v[1]), "") : undefined;
    } else if (t === "inlineStr") {
      const open = body.indexOf(`<${p}is>`);
      const close = body.lastIndexOf(`</${p}is>`);
      runs = open >= 0 && close > open ? richRuns(body.slice(open + p.length + 4, close), p, "") : undefined;
    }
    if (runs === undefined) return undefined;
    const text = cellText(this.cellAt(xml, pos.row, pos.col));
    return { text, runs };
  }

  /** A cell a user could not type into: on a protected sheet, one whose format does not unlock it. */
  private lockedCell(xml: string, row: number, col: number, styles: { amender?: StylesAmender }): boolean {
    if (!isProtectedSheet(xml, elementPrefix(xml, "worksheet"))) return false;
    styles.amender ??= inPart("xl/styles.xml", () => new StylesAmender(this.stylesText()));
    return !styles.amender.unlocks(styleIndexAt(xml, row, col));
  }

  /**
   * Lifts the protection of every sheet protected without a password, for a change the user asked for on a copy
   * that becomes a new file (年度更新, chosahyo aids, 配布's working copy); `restore` then protects each sheet again
   * exactly as it was, unless something has protected it meanwhile (the input aids' own protection). A sheet with a
   * password is someone's deliberate lock: it stays protected, and a change to it is refused as before.
   */
  liftProtection(): { restore(): void } {
    const lifted: { name: string; original: string; open: string }[] = [];
    for (const e of this.entries()) {
      if (e.kind !== "worksheet" || !e.part) continue;
      const xml = this.pkg.textOnce(e.part);
      const p = xml === undefined ? "" : elementPrefix(xml, "worksheet");
      if (xml === undefined || !isProtectedSheet(xml, p)) continue;
      const at = findTag(xml, `${p}sheetProtection`, 0);
      const tag = tagAt(xml, at).tag;
      if (["password", "hashValue", "algorithmName"].some((a) => attr(tag, a) !== undefined)) continue;
      const open = withAttr(tag, "sheet", "0");
      this.pkg.set(e.part, xml.slice(0, at) + open + xml.slice(at + tag.length));
      this.grids.delete(e.part);
      lifted.push({ name: e.name, original: tag, open });
    }
    return {
      restore: () => {
        for (const l of lifted) {
          const part = this.entryNamed(l.name)?.part;
          const xml = part === undefined ? undefined : this.pkg.textOnce(part);
          if (part === undefined || xml === undefined) continue; // the sheet was left out
          const at = findTag(xml, `${elementPrefix(xml, "worksheet")}sheetProtection`, 0);
          if (at < 0 || tagAt(xml, at).tag !== l.open) continue;
          this.pkg.set(part, xml.slice(0, at) + l.original + xml.slice(at + l.open.length));
          this.grids.delete(part);
        }
      },
    };
  }

  /** Which of these cells hold a formula or part of an array formula's result (`Sheet!A1`): cells setCells leaves. */
  formulaCells(cells: readonly { readonly sheet: string; readonly cell: string }[]): string[] {
    const out: string[] = [];
    const parts = new Map<string, string | undefined>(); // each sheet decoded once, however many cells
    for (const c of cells) {
      const part = this.entryNamed(c.sheet)?.part;
      if (part !== undefined && !parts.has(part)) parts.set(part, this.pkg.textOnce(part));
      const xml = part === undefined ? undefined : parts.get(part);
      const pos = parseRef(c.cell);
      if (xml !== undefined && pos && inPart(part!, () => holdsFormula(xml, pos.row, pos.col))) out.push(`${c.sheet}!${c.cell}`);
    }
    return out;
  }

  /**
   * 回収 of a sheet returned by rows: sets cells as setCells does (styles kept, formula cells never written), with
   * `log` in 変更履歴. A missing sheet, a locked cell of a protected sheet (its unlocked cells are written, as with
   * `intoUnlocked`), or a locked structure when the log must be added, refuses the whole call with nothing changed.
   */
  async setCellsLogged(changes: readonly { readonly sheet: string; readonly cell: string; readonly value: PlainInput | FormulaInput | null }[], log: readonly LoggedEdit[], at: Date = new Date()): Promise<{ readonly written: number; readonly formulas: readonly string[] }> {
    this.assertWritable();
    const owned = await this.ownership();
    if (log.length && (!owned.some((o) => o.base === CHANGE_LOG_SHEET) || !this.entryNamed(SETTINGS_SHEET))) this.assertCanAddSheets();
    // The input cells of a master protected by the input aids are unlocked: they take the values, as typing would.
    const done = this.setCells(changes, { intoUnlocked: true });
    if (log.length) await this.appendChangeLog(log, at);
    return done;
  }

  /**
   * Removes worksheets and the parts only they use (comments, drawings, tables): 年度更新 leaves ended items out of
   * next year's workbook. calcChain goes too (Excel rebuilds it), since it names cells of the removed sheets.
   */
  removeSheets(names: readonly string[]): void {
    this.assertWritable();
    if (names.length === 0) return;
    if (structureLocked(this.pkg.text(this.wbPart) ?? "")) throw new WorkbookError("protected-workbook");
    const entries = names.map((n) => {
      const e = this.entryNamed(n);
      if (!e || e.kind !== "worksheet") throw new WorkbookError("sheet-missing", n, n);
      return e;
    });
    if (entries.length >= this.entries().filter((e) => e.kind === "worksheet").length) throw new WorkbookError("no-worksheets");
    const removals: SheetRemoval[] = [];
    for (const entry of entries) {
      const order = this.entries().map((e) => e.name);
      const index = this.entries().findIndex((e) => e.relId === entry.relId);
      removals.push({ sheet: entry.name, order });
      this.pkg.set(this.wbPart, removeSheetAt(this.pkg.text(this.wbPart)!, index));
      this.pkg.removeRels(this.wbPart, new Set([entry.relId]));
      if (entry.part) this.removePartTree(entry.part);
    }
    // Formulas that pointed at a removed sheet read #REF!, as Excel leaves them when a sheet is deleted, rather than
    // naming a sheet the file no longer has; a 3-D reference ending at one ends at the next sheet inward.
    for (const e of this.entries()) {
      if (e.kind !== "worksheet" || !e.part) continue;
      const xml = this.pkg.textOnce(e.part);
      const amended = xml === undefined ? xml : invalidateSheetRefsInPart(xml, removals);
      if (amended === xml) continue;
      this.pkg.set(e.part, amended!);
      this.grids.delete(e.part);
    }
    this.dropCalcChain();
  }

  /**
   * Drops xl/calcChain.xml, Excel's list of the formula cells it saved: one naming a cell that holds no formula any
   * more makes Excel repair the file. Excel rebuilds the list when it next calculates.
   */
  private dropCalcChain(): void {
    const calc = this.pkg.rels(this.wbPart).find((r) => relKind(r) === "calcChain" && !r.external);
    if (!calc) return;
    this.pkg.removeRels(this.wbPart, new Set([calc.id]));
    this.removePartTree(calc.target);
  }

  /** A part, its relationships, and what they point to that no other part points to. */
  private removePartTree(part: string): void {
    const stored = this.pkg.storedName(part) ?? part;
    const targets = this.pkg.rels(stored).filter((r) => !r.external).map((r) => r.target);
    this.pkg.remove(stored);
    this.pkg.removeContentType(stored);
    this.pkg.remove(relsPathOf(stored));
    this.grids.delete(stored);
    const stillUsed = new Set<string>();
    for (const relsPart of this.pkg.names().filter((n) => n.toLowerCase().endsWith(".rels"))) {
      // xl/worksheets/_rels/sheet2.xml.rels belongs to xl/worksheets/sheet2.xml; _rels/.rels to the package.
      const source = relsPart === "_rels/.rels" ? "" : relsPart.replace(/_rels\/([^/]+)\.rels$/, "$1");
      for (const r of this.pkg.rels(source)) if (!r.external) stillUsed.add(r.target.toLowerCase());
    }
    for (const t of targets) if (this.pkg.has(t) && !stillUsed.has(t.toLowerCase())) this.removePartTree(t);
  }

  /** ブックの保護 (lockStructure) refuses a new sheet, as Excel does; the caller has changed nothing yet. */
  private assertCanAddSheets(): void {
    const wbXml = this.pkg.text(this.wbPart) ?? "";
    if (structureLocked(wbXml)) throw new WorkbookError("protected-workbook");
    // A list of sheets cut short takes no new sheet (Package.appendInside refuses it): refused here, before anything changes.
    if (!canAppendSheet(wbXml)) throw new WorkbookError("corrupt-part", "workbook.xml");
  }

  /** The value now in one cell of a sheet's XML, read as readAll reads it. */
  private cellAt(xml: string, row: number, col: number): CellValue {
    const span = locateCell(xml, row, col);
    if (!span.tag || span.tag.endsWith("/>")) return null;
    const p = elementPrefix(xml, "worksheet") || elementPrefix(xml, "sheetData");
    return readCell(xml, p, span.tag, span.start + span.tag.length, span.end, this.context());
  }

  /** A sheet read past the checker's window of rows (its columns stay within it): for a sheet written again whole. */
  private wholeGrid(name: string): SheetGrid | undefined {
    const e = this.entryNamed(name);
    const xml = e?.kind === "worksheet" && e.part ? this.pkg.textOnce(e.part) : undefined;
    return e && xml !== undefined ? readSheetXml(xml, { name: e.name, visibility: e.state }, { ...this.context(), maxRows: SHEET_ROWS }) : undefined;
  }

  /** Appends to 変更履歴, an owned sheet: its earlier rows are read back and the sheet is written again with the new ones. */
  private async appendChangeLog(edits: readonly LoggedEdit[], at: Date): Promise<void> {
    const owned = await this.ownership();
    const mine = owned.find((o) => o.base === CHANGE_LOG_SHEET);
    const earlier: string[][] = [];
    if (mine) {
      const g = this.wholeGrid(mine.sheet);
      if (g) {
        for (let r = 1; r < g.top + g.rows.length; r++) {
          const row = g.rows[r - g.top];
          if (!row) continue;
          earlier.push(CHANGE_LOG_HEADER.map((_, c) => cellText(row[c - g.left] ?? null)));
        }
      }
    }
    const cells: SpecCell[] = [];
    earlier.forEach((row, r) => row.forEach((v, c) => v && cells.push({ row: r + 1, col: c, value: text(v) })));
    changeLogRows(edits, at).forEach((row, r) => row.forEach((v, c) => cells.push({ row: earlier.length + r + 1, col: c, value: v })));
    await this.writeOwnedSheets([changeLogSpec(CHANGE_LOG_SHEET, cells)]);
  }

  /**
   * Input aids on users' sheets (input-aids-xml.ts amends each sheet's part), logged in 変更履歴, one row per sheet
   * and kind. A missing or protected sheet, or a locked structure when the log must be added, refuses the whole call
   * with nothing changed. No value changes. With `liftProtection`, sheets protected without a password take the aids
   * (liftProtection around the change) and those with one are left out and named.
   */
  async applyInputAids(aids: readonly SheetInputAids[], at: Date = new Date(), options: InputAidsOptions = {}): Promise<InputAidsResult> {
    if (!options.liftProtection) return this.applyInputAidsTo(aids, at);
    this.assertWritable();
    const protection = this.liftProtection();
    try {
      const locked = aids.filter((a) => {
        const part = this.entryNamed(a.sheet)?.part;
        const xml = part === undefined ? undefined : this.pkg.textOnce(part);
        return xml !== undefined && isProtectedSheet(xml, elementPrefix(xml, "worksheet"));
      });
      const result = await this.applyInputAidsTo(aids.filter((a) => !locked.includes(a)), at);
      return locked.length ? { ...result, locked: locked.map((a) => a.sheet) } : result;
    } finally {
      protection.restore();
    }
  }

  private async applyInputAidsTo(aids: readonly SheetInputAids[], at: Date): Promise<InputAidsResult> {
    this.assertWritable();
    const parts = new Map<string, string>(); // part → amended XML
    const targets = aids.map((aid) => {
      const entry = this.entryNamed(aid.sheet);
      if (!entry || entry.kind !== "worksheet" || !entry.part) throw new WorkbookError("sheet-missing", aid.sheet, aid.sheet);
      const xml = this.pkg.textOnce(entry.part);
      if (xml === undefined) throw new WorkbookError("corrupt-part", entry.part);
      if (isProtectedSheet(xml, elementPrefix(xml, "worksheet"))) throw new WorkbookError("protected-sheet", entry.name, entry.name);
      return { aid, part: entry.part };
    });
    const log = inputAidsLog(aids);
    if (log.length === 0) return { sheets: [] };
    const owned = await this.ownership();
    if (!owned.some((o) => o.base === CHANGE_LOG_SHEET) || !this.entryNamed(SETTINGS_SHEET)) this.assertCanAddSheets();
    const styles = this.styles();
    for (const { aid, part } of targets) parts.set(part, inPart(part, () => applyInputAidsXml(parts.get(part) ?? this.pkg.textOnce(part)!, aid, styles.amender)));
    // styles.xml first: the log's sheet amends it again from what is stored.
    styles.commit();
    for (const [part, xml] of parts) {
      this.pkg.set(part, xml);
      this.grids.delete(part);
    }
    await this.appendChangeLog(log, at);
    return { sheets: aids.map((a) => ({ sheet: a.sheet, validations: a.validations.length, highlights: a.highlights.length, protected: !!a.unlocked?.length })) };
  }

  /** Owned sheets as recorded: the sheet's name, and the name it was generated for (they differ after a clash). */
  private async ownership(): Promise<OwnedSheet[]> {
    const names = this.entries().map((e) => e.name);
    return parseOwned(await this.readSettings(), (name) => names.some((n) => sameSheetName(n, name)));
  }

  async ownedSheets(): Promise<readonly string[]> {
    return (await this.ownership()).map((o) => o.sheet);
  }

  async writeOwnedSheet(spec: SheetSpec): Promise<WriteSheetResult> {
    return (await this.writeOwnedSheets([spec]))[0];
  }

  /**
   * Each spec replaces the part of the sheet generated for its name before (the sheet keeps its place, so names
   * scoped to later sheets stay right) or becomes a new sheet at the end. The ownership list is written once.
   */
  async writeOwnedSheets(specs: readonly SheetSpec[], options?: WriteSheetsOptions): Promise<WriteSheetResult[]> {
    this.assertWritable();
    if (specs.length === 0) return [];
    const plan = planOwned(
      specs.map((s) => s.name),
      await this.ownership(),
      this.entries().map((e) => e.name),
    );
    if (plan.targets.some((t) => !t.previous) || !this.entryNamed(SETTINGS_SHEET)) this.assertCanAddSheets();
    const results: WriteSheetResult[] = [];
    const styles = this.styles();
    const shared = this.isLegacyShared();
    specs.forEach((spec, i) => {
      const { name, previous } = plan.targets[i];
      this.putSheet({ ...fitToCells(spec), name }, styles.amender, previous ? this.entryNamed(previous.sheet) : undefined);
      // Charts are not drawn in a file: the basis cell says so (sheet-xml.ts). A shared workbook gets filters for tables.
      const omitted = [...(spec.charts?.length ? ["chart" as const] : []), ...(shared && spec.tables?.length ? ["table" as const] : [])];
      results.push({
        name,
        ...(name !== spec.name ? { requestedName: spec.name } : {}),
        replaced: !!previous,
        ...(omitted.length ? { omitted } : {}),
      });
      options?.onProgress?.(i + 1, specs.length);
    });
    styles.commit();
    await this.writeSettings({ [OWNED_KEY]: ownedValue(plan.owned) });
    return results;
  }

  /** styles.xml, amended in memory; `commit` writes it once when anything was added. */
  private styles(): { amender: StylesAmender; commit: () => void } {
    const rel = this.pkg.rels(this.wbPart).find((r) => relKind(r) === "styles" && !r.external);
    const part = rel && this.pkg.has(rel.target) ? this.pkg.storedName(rel.target)! : undefined;
    // Copying 1,000 sheets in one by one parsed styles.xml (and each source's) 1,000 times: the amender that wrote
    // the part is taken again while the part is what it wrote, and nothing was appended to it since.
    const kept = this.keptStyles;
    const reuse = kept && part === kept.part && this.pkg.revisionOf(part) === kept.revision && kept.amender.appends === kept.appends;
    const amender = reuse ? kept.amender : inPart(part ?? "xl/styles.xml", () => new StylesAmender(part ? this.pkg.text(part) : undefined));
    const appendsBefore = amender.appends;
    const keep = (stored: string) => (this.keptStyles = { part: stored, revision: this.pkg.revisionOf(stored), amender, appends: amender.appends });
    return {
      amender,
      commit: () => {
        // Nothing appended: the part holds what the amender would write.
        if (part && amender.appends === appendsBefore) return void keep(part);
        const target = part ?? "xl/styles.xml";
        this.pkg.set(target, amender.toXml());
        if (!part) {
          this.pkg.addRel(this.wbPart, REL_STYLES, target);
          this.pkg.setContentType(target, CT_STYLES);
        }
        this.formats = undefined;
        keep(this.pkg.storedName(target)!);
      },
    };
  }

  /** Writes one owned sheet: over `previous`'s part, or as a new part appended to the workbook. */
  private putSheet(spec: SheetSpec, styles: StylesAmender, previous: SheetEntry | undefined, state?: "veryHidden"): void {
    if (previous?.part) {
      this.dropSheetParts(previous.part);
      // Its formulas (評価集計's totals) may land on other cells this time.
      if (/<(?:\w+:)?f[\s>/]/.test(this.pkg.textOnce(previous.part) ?? "")) this.dropCalcChain();
    }
    const shared = this.isLegacyShared();
    const rendered = renderSheetXml(spec, styles, shared ? { takenTableNames: [], nextTableId: 1, tablesAsFilter: true } : { takenTableNames: this.takenTableNames(), nextTableId: this.nextTableId() });
    let part = previous?.part;
    let index: number;
    if (part) {
      index = this.entries().findIndex((e) => e.part === part);
    } else {
      part = this.freePartName("xl/worksheets/sheet", ".xml");
      const relId = this.pkg.addRel(this.wbPart, REL_WORKSHEET, part);
      const list = this.entries();
      const sheetId = list.reduce((m, e) => Math.max(m, e.sheetId), 0) + 1;
      this.appendSheetEntry({ name: spec.name, sheetId, relId, state });
      index = list.length;
    }
    this.pkg.set(part, rendered.xml);
    this.pkg.setContentType(part, CT_WORKSHEET);
    this.grids.delete(part);
    for (const t of rendered.tables) {
      const tablePart = this.freePartName("xl/tables/table", ".xml");
      this.pkg.set(tablePart, t.xml);
      this.pkg.setContentType(tablePart, CT_TABLE);
      this.addRelWithId(part, t.relId, REL_TABLE, tablePart);
    }
    if (rendered.printTitles || previous) {
      this.pkg.set(this.wbPart, setDefinedName(this.pkg.text(this.wbPart)!, "_xlnm.Print_Titles", index, rendered.printTitles ? `${quoteSheetName(spec.name)}!${rendered.printTitles}` : undefined));
    }
    // Excel names every sheet filter so (hidden, for the sheet); a sheet written again drops the old one.
    if (rendered.filter || previous) {
      const value = rendered.filter ? `${quoteSheetName(spec.name)}!${rendered.filter}` : undefined;
      this.pkg.set(this.wbPart, setDefinedName(this.pkg.text(this.wbPart)!, "_xlnm._FilterDatabase", index, value, true));
    }
  }

  /**
   * A legacy shared workbook (共有ブック, Excel's 'Share Workbook (Legacy)', or a LibreOffice file saved while
   * recording changes): its change history is in revision parts, and Excel allows no tables in it.
   */
  private isLegacyShared(): boolean {
    const rel = this.pkg.rels(this.wbPart).find((r) => relKind(r) === "revisionHeaders" && !r.external);
    if (!rel || !this.pkg.has(rel.target)) return false;
    const revision = this.pkg.revisionOf(rel.target);
    if (this.sharedSeen?.part === rel.target && this.sharedSeen.revision === revision) return this.sharedSeen.shared;
    let shared = true;
    try {
      const xml = this.pkg.textOnce(rel.target) ?? "";
      const at = findTag(xml, `${elementPrefix(xml, "headers")}headers`, 0);
      // shared defaults to true.
      shared = at < 0 || !/^(0|false)$/.test(attr(tagAt(xml, at).tag, "shared") ?? "");
    } catch {
      // A headers part that cannot be read (damaged, too large) is not ours to mend: taken as shared, since a filter
      // is right in any workbook and a table is not in a shared one.
    }
    this.sharedSeen = { part: rel.target, revision, shared };
    return shared;
  }

  /** Removes the relationships of an owned sheet's part and the table parts it had (the sheet is written anew). */
  private dropSheetParts(part: string): void {
    for (const r of this.pkg.rels(part)) {
      if (r.external || relKind(r) !== "table") continue;
      this.pkg.remove(r.target);
      this.pkg.removeContentType(r.target);
    }
    this.pkg.remove(relsPathOf(part));
  }

  /** A relationship with the id the renderer already wrote into the sheet. */
  private addRelWithId(source: string, id: string, type: string, target: string): void {
    const existing = this.pkg.rels(source);
    if (existing.some((r) => r.id === id)) throw new WorkbookError("corrupt-part", `${source}: ${id}`);
    const got = this.pkg.addRel(source, type, target);
    if (got !== id) {
      // addRel numbers from the count; the renderer numbers its tables rIdT1…: rename to what the sheet says.
      const path = relsPathOf(source);
      this.pkg.set(path, this.pkg.text(path)!.replace(`Id="${got}"`, `Id="${id}"`));
    }
  }

  /** The lowest-numbered free part name; each search starts where the last ended while no part has been removed. */
  private freePartName(prefix: string, ext: string): string {
    const key = prefix + ext;
    const hint = this.partNumbers.get(key);
    let n = hint && hint.removals === this.pkg.removals ? hint.n : 1;
    while (this.pkg.has(`${prefix}${n}${ext}`)) n++;
    this.partNumbers.set(key, { n, removals: this.pkg.removals });
    return `${prefix}${n}${ext}`;
  }

  private tableParts(): string[] {
    return this.pkg.names().filter((n) => this.pkg.contentType(n) === CT_TABLE);
  }

  private takenTableNames(): string[] {
    const names = definedNames(this.pkg.text(this.wbPart) ?? "");
    for (const t of this.tableParts()) {
      const xml = this.pkg.text(t) ?? "";
      const at = findTag(xml, `${elementPrefix(xml, "table")}table`, 0);
      if (at < 0) continue;
      const tag = tagAt(xml, at).tag;
      for (const a of ["name", "displayName"]) {
        const v = attr(tag, a);
        if (v) names.push(v);
      }
    }
    return names;
  }

  private nextTableId(): number {
    let max = 0;
    for (const t of this.tableParts()) {
      const xml = this.pkg.text(t) ?? "";
      const at = findTag(xml, `${elementPrefix(xml, "table")}table`, 0);
      if (at >= 0) max = Math.max(max, Number(attr(tagAt(xml, at).tag, "id") ?? 0) || 0);
    }
    return max + 1;
  }

  /**
   * Copies a worksheet from another workbook under a free name (folder mode: every submitted 調査票 into one new
   * workbook): values, formulas, styles, merges, widths, heights, validations, conditional formats and print setup
   * (copy-sheet.ts). Parts the sheet points to (drawings, comments, tables) are not copied. Returns the name it got.
   * `state` hides the copy (last year's sheets kept for 前年度比較). With `opts.others`, references leaving the sheet
   * are followed as carry-refs.ts says, and the defined names the sheet uses come with it.
   */
  importSheet(from: XlsxWorkbook, sheet: string, wanted = sheet, state?: "hidden", opts: ImportSheetOptions = {}): string {
    this.assertWritable();
    const src = from.entryNamed(sheet);
    if (!src || src.kind !== "worksheet" || !src.part) throw new WorkbookError("sheet-missing", sheet, sheet);
    const xml = from.pkg.textOnce(src.part);
    if (xml === undefined) throw new WorkbookError("corrupt-part", src.part);
    // The sheet list as it stands, and after the copy the same with the copy appended: read once, not once per copy.
    const list = this.entries();
    const used = this.sheetNameKeys();
    const name = freeSheetName(wanted, used);
    const srcIndex = from.entries().findIndex((e) => e.part === src.part);
    const fromWb = from.pkg.text(from.wbPart) ?? "";
    let carrier: RefCarrier | undefined;
    if (opts.others) {
      const sheets = new Map(opts.others);
      sheets.set(src.name, name);
      carrier = new RefCarrier({ names: allDefinedNames(fromWb), sheet: src.name, sheetIndex: srcIndex, sheets, values: (s, r) => from.rangeValues(s, r) });
    }
    const styles = this.styles();
    const copied = inPart(src.part, () => copySheetXml({ ...this.sourceFor(from, xml), refs: carrier }, styles.amender));
    styles.commit();
    const part = this.freePartName("xl/worksheets/sheet", ".xml");
    const relId = this.pkg.addRel(this.wbPart, REL_WORKSHEET, part);
    const sheetId = list.reduce((m, e) => Math.max(m, e.sheetId), 0) + 1;
    const shown = state ?? (src.state === "visible" ? undefined : src.state);
    this.appendSheetEntry({ name, sheetId, relId, state: shown });
    // Print titles and areas are names scoped to the sheet: they follow it, pointing at its new name.
    const printNames = sheetScopedNames(fromWb, srcIndex).filter((n) => /^_xlnm\.(Print_Titles|Print_Area)$/i.test(n.name));
    const carried = carrier?.names() ?? [];
    if (printNames.length || carried.length) {
      let wbXml = this.pkg.text(this.wbPart)!;
      for (const n of printNames) wbXml = setDefinedName(wbXml, n.name, list.length, renameSheetRefs(n.value, src.name, name));
      for (const n of carried) wbXml = withCarriedName(wbXml, n, list.length);
      this.pkg.set(this.wbPart, wbXml);
    }
    this.pkg.set(part, copied.xml);
    this.pkg.setContentType(part, CT_WORKSHEET);
    if (this.created && !this.themeTaken) this.takeTheme(from);
    const entry: SheetEntry = { name, sheetId, relId, hasRel: true, state: shown ?? "visible", kind: "worksheet", part: this.pkg.storedName(part) };
    // The set of names goes with the list it was made from: nothing else holds it.
    this.sheetList = { revision: this.sheetListRevision(), entries: [...list, entry], nameKeys: used.add(sheetNameKey(name)) };
    opts.dropped?.(copied.dropped);
    return name;
  }

  /** Set once a created workbook has looked for a theme to take (takeTheme). */
  private themeTaken = false;

  /**
   * A created workbook takes the theme of the first workbook it copies a sheet from. Copied fonts that follow the
   * theme (`scheme="minor"`) and theme colours then look as they did in the source, not as Excel's default theme
   * has them (a master on an older theme shows ＭＳ Ｐゴシック, where the default would show 游ゴシック). A theme
   * with parts of its own (picture fills), in Strict's namespace, or not well formed, is not taken.
   */
  private takeTheme(from: XlsxWorkbook): void {
    this.themeTaken = true;
    if (this.pkg.rels(this.wbPart).some((r) => relKind(r) === "theme")) return;
    const rel = from.pkg.rels(from.wbPart).find((r) => r.type === REL_THEME && !r.external);
    if (!rel || from.pkg.rels(rel.target).length) return;
    const xml = from.pkg.text(rel.target);
    if (xml === undefined || xmlProblem(xml) !== undefined || !xml.includes(NS_DRAWINGML)) return;
    this.pkg.set(THEME_PART, xml);
    this.pkg.addRel(this.wbPart, REL_THEME, THEME_PART);
    this.pkg.setContentType(THEME_PART, CT_THEME);
  }

  /**
   * Appends a sheet to workbook.xml's `<sheets>`, left for the package to join when the part is next read: copying
   * thousands of sheets in a row appends thousands of times (Package.appendInside).
   */
  private appendSheetEntry(sheet: NewSheet): void {
    // Nothing this adapter writes changes the prefixes of workbook.xml: read once.
    this.listPrefixes ??= sheetListPrefixes(this.pkg.text(this.wbPart)!);
    this.pkg.appendInside(this.wbPart, "sheets", sheetElement(this.listPrefixes, sheet), false);
  }

  private listPrefixes?: SheetListPrefixes;

  /** The sheet names as freeSheetName compares them (sheetNameKey), kept with the sheet list. */
  private sheetNameKeys(): Set<string> {
    const entries = this.entries();
    const list = this.sheetList!;
    list.nameKeys ??= new Set(entries.map((e) => sheetNameKey(e.name)));
    return list.nameKeys;
  }

  /** The cells of `range` on worksheet `sheet`, row by row, as read (within the read window); undefined when unread. */
  private rangeValues(sheet: string, range: CellRange): CellValue[][] | undefined {
    const e = this.entryNamed(sheet);
    if (!e || e.kind !== "worksheet" || !e.part) return undefined;
    let grid: SheetGrid;
    try {
      grid = this.grid(e);
    } catch {
      return undefined;
    }
    const out: CellValue[][] = [];
    for (let r = range.top; r <= range.bottom; r++) {
      const row = grid.rows[r - grid.top];
      const values: CellValue[] = [];
      for (let c = range.left; c <= range.right; c++) values.push(row?.[c - grid.left] ?? null);
      out.push(values);
    }
    return out;
  }

  /**
   * 回収: each named sheet's part is written over with `from`'s sheet of the same name (copied as importSheet copies),
   * so it keeps its place, name and scoped names, and every other sheet is untouched; `log` goes to 変更履歴. The
   * master sheet's drawing, comments and tables stay (its elements pointing to them are kept), and calcChain goes
   * (Excel rebuilds it). A protected master sheet is replaced too, as Excel's 回収 replaces it: the department's copy
   * brings its own protection (the plan holds a copy whose protection differs from the master's). A missing sheet,
   * a returned sheet that cannot be copied, or a locked structure when the log must be added, refuses the whole call
   * with nothing changed.
   */
  async replaceSheets(from: XlsxWorkbook, names: readonly string[], log: readonly LoggedEdit[], at: Date = new Date()): Promise<void> {
    this.assertWritable();
    const pairs = names.map((name) => {
      const target = this.entryNamed(name);
      const src = from.entryNamed(name);
      if (!target || target.kind !== "worksheet" || !target.part) throw new WorkbookError("sheet-missing", name, name);
      if (!src || src.kind !== "worksheet" || !src.part) throw new WorkbookError("sheet-missing", name, name);
      const xml = this.pkg.textOnce(target.part);
      if (xml === undefined) throw new WorkbookError("corrupt-part", target.part);
      const srcXml = from.pkg.textOnce(src.part);
      if (srcXml === undefined) throw new WorkbookError("corrupt-part", src.part);
      return { part: target.part, srcPart: src.part, srcXml };
    });
    if (pairs.length === 0) return;
    const owned = await this.ownership();
    if (log.length && (!owned.some((o) => o.base === CHANGE_LOG_SHEET) || !this.entryNamed(SETTINGS_SHEET))) this.assertCanAddSheets();
    const styles = this.styles();
    // Every copy is made before any part changes: a returned sheet the copy cannot follow refuses the whole call.
    const copies = pairs.map(({ part, srcPart, srcXml }) => ({
      part,
      xml: inPart(srcPart, () => copySheetXml(this.sourceFor(from, srcXml), styles.amender)).xml,
    }));
    for (const { part, xml } of copies) {
      // The copy leaves out what points to other parts; the master's own (its pictures, charts, comments, tables)
      // are put back with their relationships, so replacing a sheet's cells loses none of them.
      const original = this.pkg.textOnce(part)!;
      this.pkg.set(part, withCodeName(withPointingElements(xml, original), original));
      this.grids.delete(part);
    }
    styles.commit();
    this.dropCalcChain();
    if (log.length) await this.appendChangeLog(log, at);
  }

  /** One of `from`'s worksheet parts as copySheetXml reads it, its dates moved when the two count from other days. */
  private sourceFor(from: XlsxWorkbook, xml: string): SheetSource {
    const ctx = from.context();
    const days = from.date1904 === this.date1904 ? 0 : from.date1904 ? DAYS_1900_TO_1904 : -DAYS_1900_TO_1904;
    return {
      xml,
      sharedString: (i) => ctx.strings.get(i),
      richString: (i, prefix) => ctx.strings.rich(i, prefix),
      stylesXml: from.stylesText(),
      ...(days ? { dateShift: { days, isDate: (style: number) => !!ctx.formats[style]?.isDate } } : {}),
    };
  }

  /**
   * 回収 of a returned file: every worksheet must be one that replaceSheets can copy, not only one the lenient reader
   * reads. Refused as the damaged part, by name, so that the file is named as unreadable before any plan is made
   * (a copy refused while the master is being changed would be blamed on the master).
   */
  assertSheetsCopyable(): void {
    const stylesXml = this.stylesText();
    const strings = this.context().strings;
    const target = inPart("xl/styles.xml", () => new StylesAmender(stylesXml));
    for (const e of this.entries()) {
      if (e.kind !== "worksheet" || !e.part) continue;
      const xml = this.pkg.textOnce(e.part);
      if (xml === undefined) throw new WorkbookError("corrupt-part", e.part);
      inPart(e.part, () => copySheetXml({ xml, sharedString: (i) => strings.get(i), richString: (i, prefix) => strings.rich(i, prefix), stylesXml }, target));
    }
  }

  /** When the file was last saved, as its document properties say (docProps/core.xml dcterms:modified), if they do. */
  savedAt(): string | undefined {
    const rel = this.pkg.rels("").find((r) => /\/core-properties$/.test(r.type) && !r.external);
    const xml = rel ? this.pkg.text(rel.target) : undefined;
    const m = xml ? /<(?:\w+:)?modified\b[^>]*>([^<]+)</.exec(xml) : null;
    return m ? m[1].trim() : undefined;
  }

  /**
   * Adds sheets drawn from specs as the user's own, after the last sheet, each under a free name (returned in order):
   * a new plan's 調査票 and 評価一覧. Unlike writeOwnedSheets they are not recorded as the add-in's, so a check reads
   * them and no later generation replaces them.
   */
  addUserSheets(specs: readonly SheetSpec[]): string[] {
    this.assertWritable();
    if (specs.length) this.assertCanAddSheets();
    const styles = this.styles();
    const names = specs.map((spec) => {
      const name = freeSheetName(spec.name, this.entries().map((e) => e.name));
      this.putSheet({ ...spec, name }, styles.amender, undefined);
      return name;
    });
    styles.commit();
    return names;
  }

  private stylesText(): string | undefined {
    const rel = this.pkg.rels(this.wbPart).find((r) => relKind(r) === "styles" && !r.external);
    return rel ? this.pkg.text(rel.target) : undefined;
  }

  /**
   * Remembers nothing in the file: a selection is the viewer's business, and changing a user's sheet views would
   * change a part the add-in does not own. The sheet must exist.
   */
  async selectCell(sheet: string, address: string): Promise<void> {
    if (!this.entryNamed(sheet)) throw new WorkbookError("sheet-missing", sheet, sheet);
    void address;
  }

  async readSettings(): Promise<Readonly<Record<string, string>>> {
    const e = this.entryNamed(SETTINGS_SHEET);
    if (!e || e.kind !== "worksheet" || !e.part) return {};
    return settingsFromGrid(this.grid(e));
  }

  async writeSettings(settings: Readonly<Record<string, string>>): Promise<void> {
    this.assertWritable();
    if (!this.entryNamed(SETTINGS_SHEET)) this.assertCanAddSheets();
    const merged = mergeSettings(await this.readSettings(), settings);
    const cells: SpecCell[] = [];
    settingsRows(merged).forEach((row, r) => row.forEach((v, c) => cells.push({ row: r, col: c, value: text(v) })));
    const styles = this.styles();
    this.putSheet({ name: SETTINGS_SHEET, cells, styles: {}, merges: [] }, styles.amender, this.entryNamed(SETTINGS_SHEET), "veryHidden");
    styles.commit();
  }
}

/** A cell setCells or applyEdits wrote (0-based), with what it was given. */
interface WrittenCell {
  readonly row: number;
  readonly col: number;
  readonly value: PlainInput | FormulaInput | null;
}

/** What a table's header cell shows for a written value, as its column's name; undefined for none. */
function headerText(value: PlainInput | FormulaInput | null): string | undefined {
  if (typeof value === "object" && value !== null && "runs" in value) return headerText(value.text);
  if (typeof value === "string") return value.trim() === "" ? undefined : value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/** CT_Worksheet's children that point to other parts by r:id, in schema order (all after what a copy holds). */
const POINTING_ELEMENTS = ["drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "tableParts"];

/**
 * `copy` (a copied worksheet, which has none of them) with `original`'s elements that point to other parts, put
 * before its extLst or its end, in schema order. Copies with another namespace prefix than the original get none.
 */
function withPointingElements(copy: string, original: string): string {
  const p = elementPrefix(original, "worksheet");
  if (elementPrefix(copy, "worksheet") !== p) return copy;
  const kept: string[] = [];
  for (const name of POINTING_ELEMENTS) {
    const at = findTag(original, `${p}${name}`, 0);
    if (at < 0) continue;
    const open = tagAt(original, at);
    if (open.selfClosing) {
      kept.push(open.tag);
      continue;
    }
    const close = `</${p}${name}>`;
    const end = original.indexOf(close, open.end);
    if (end >= 0) kept.push(original.slice(at, end + close.length));
  }
  const close = copy.lastIndexOf(`</${p}worksheet>`);
  if (!kept.length || close < 0) return copy;
  // The r: of `r:id` must be declared on the copy's root as on the original's.
  const rootAt = findTag(copy, `${p}worksheet`, 0);
  const root = tagAt(copy, rootAt);
  const declared = /\sxmlns:([\w.-]+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(tagAt(original, findTag(original, `${p}worksheet`, 0)).tag);
  const missing = declared && !root.tag.includes(`xmlns:${declared[1]}=`) ? declared[0] : "";
  // The worksheet's own extLst (data bars, sparklines) comes last; one inside a data bar's rule is not it.
  const ext = childrenOf(copy, nextTag(copy, rootAt)!).kids.find((k) => k.tag.qname === `${p}extLst`);
  const before = ext ? ext.tag.start : close;
  const body = copy.slice(0, before) + kept.join("") + copy.slice(before);
  if (!missing) return body;
  const at = root.tag.endsWith("/>") ? root.end - 2 : root.end - 1;
  return body.slice(0, at) + missing + body.slice(at);
}

/**
 * The copy with the original's `codeName` on its <sheetPr>: the name the sheet's VBA module goes by in an .xlsm,
 * which a copy leaves out (in another workbook it would name no module), and without which the module's event
 * code no longer runs for the sheet.
 */
function withCodeName(copy: string, original: string): string {
  const p = elementPrefix(original, "worksheet");
  const at = findTag(original, `${p}sheetPr`, 0);
  const code = at < 0 ? undefined : /\scodeName="[^"]*"/.exec(tagAt(original, at).tag)?.[0];
  if (!code || elementPrefix(copy, "worksheet") !== p) return copy;
  const mine = findTag(copy, `${p}sheetPr`, 0);
  if (mine >= 0) {
    const { tag } = tagAt(copy, mine);
    if (/\scodeName=/.test(tag)) return copy;
    const name = `<${p}sheetPr`;
    return copy.slice(0, mine) + name + code + copy.slice(mine + name.length);
  }
  // sheetPr is the worksheet's first child.
  const root = tagAt(copy, findTag(copy, `${p}worksheet`, 0));
  return copy.slice(0, root.end) + `<${p}sheetPr${code}/>` + copy.slice(root.end);
}

/** The cell format index (`s`) of the cell at (row, col); 0 for a cell without one or without an element. */
function styleIndexAt(xml: string, row: number, col: number): number {
  const tag = locateCell(xml, row, col).tag;
  const s = tag ? attr(tag, "s") : undefined;
  return s ? Number(s) : 0;
}

/** A change to a part whose XML the amending code cannot follow is refused as that part being damaged, by name. */
export function inPart<T>(part: string, change: () => T): T {
  try {
    return change();
  } catch (e) {
    if (e instanceof MalformedXml) throw new WorkbookError("corrupt-part", part);
    throw e;
  }
}

export interface ImportSheetOptions {
  /**
   * The copy goes into a workbook that holds, of the source's sheets, these (source name → name here) besides the
   * copy itself: references to any other sheet cannot be followed (carry-refs.ts). Without it, formulas are kept as
   * they are.
   */
  readonly others?: ReadonlyMap<string, string>;
  /** Told what the copy left out or changed (CopiedSheet.dropped). */
  readonly dropped?: (parts: readonly string[]) => void;
}

/**
 * workbook.xml holding a name the copy at `index` uses: a workbook name where this workbook has none of that name
 * (or the same one), else, like a name the source scoped to the sheet, a name of the copy's own.
 */
function withCarriedName(wbXml: string, n: CarriedName, index: number): string {
  if (n.sheetScoped) return setDefinedName(wbXml, n.name, index, n.value);
  const existing = allDefinedNames(wbXml).find((d) => d.localSheetId === undefined && d.name.toUpperCase() === n.name.toUpperCase());
  if (!existing) return setDefinedName(wbXml, n.name, undefined, n.value);
  return existing.value === n.value ? wbXml : setDefinedName(wbXml, n.name, index, n.value);
}
