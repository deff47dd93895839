/**
 * The demo's workbook port: the ExcelJS adapter, plus what the page needs to show a port at work. It remembers
 * the selected cell and tells the grid panel when a cell is selected or edited, so a person can watch "select
 * cell" and "apply fix" happen. The book loads lazily (ExcelJS is a separate chunk), so the pane renders at once.
 */
import type { LoggedEdit } from "../../core/changelog";
import type { SheetGrid, WorkbookSnapshot } from "../../core/model/grid";
import type { SheetSpec } from "../../core/sheet-spec";
import type { AppliedEdits, ReadOptions, WorkbookPort, WriteSheetResult, WriteSheetsOptions } from "../../workbook/port";
import { readWorksheet } from "../../workbook/xlsx/read";
import type { XlsxWorkbook } from "../../workbook/xlsx/xlsx-workbook";

export interface Selection {
  readonly sheet: string;
  readonly address: string;
}

export class DemoPort implements WorkbookPort {
  private loaded?: XlsxWorkbook;
  private readonly listeners = new Set<() => void>();
  selection?: Selection;
  /** Bumped on every change the grid should show. */
  version = 0;

  constructor(
    private readonly book: Promise<XlsxWorkbook>,
    readonly fileName: string,
  ) {
    book.then(
      (b) => {
        this.loaded = b;
        this.changed();
      },
      () => undefined, // the page reports a failed load; every port call rejects with the same error
    );
  }

  /** The loaded workbook, once it is there. */
  get current(): XlsxWorkbook | undefined {
    return this.loaded;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }

  readAll(options?: ReadOptions): Promise<WorkbookSnapshot> {
    return this.book.then((b) => b.readAll(options));
  }

  async applyEdits(edits: readonly LoggedEdit[], at?: Date): Promise<AppliedEdits> {
    const r = await (await this.book).applyEdits(edits, at);
    this.changed();
    return r;
  }

  async writeOwnedSheet(spec: SheetSpec): Promise<WriteSheetResult> {
    const r = await (await this.book).writeOwnedSheet(spec);
    this.changed();
    return r;
  }

  async writeOwnedSheets(specs: readonly SheetSpec[], options?: WriteSheetsOptions): Promise<WriteSheetResult[]> {
    const r = await (await this.book).writeOwnedSheets(specs, options);
    this.changed();
    return r;
  }

  async ownedSheets(): Promise<readonly string[]> {
    return (await this.book).ownedSheets();
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    await (await this.book).selectCell(sheet, address);
    this.selection = { sheet, address };
    this.changed();
  }

  async readSettings(): Promise<Readonly<Record<string, string>>> {
    return (await this.book).readSettings();
  }

  async writeSettings(settings: Readonly<Record<string, string>>): Promise<void> {
    await (await this.book).writeSettings(settings);
    this.changed();
  }

  async toBytes(): Promise<Uint8Array> {
    return (await this.book).toBytes();
  }

  /** Sheets a person would see as tabs (the add-in's very hidden settings sheet is left out). */
  sheetNames(): string[] {
    return this.loaded ? this.loaded.wb.worksheets.filter((w) => w.state !== "veryHidden").map((w) => w.name) : [];
  }

  sheetGrid(name: string): SheetGrid | undefined {
    const ws = this.loaded?.wb.getWorksheet(name);
    return ws ? readWorksheet(ws) : undefined;
  }
}
