/**
 * The demo's workbook port: a proxy over the host that holds the workbook (book-client.ts: a Web Worker, or the
 * page when no worker can start), plus what the page needs to show a port at work. It remembers the selected cell
 * and tells the grid panel when a cell is selected or edited, so a person can watch "select cell" and "apply fix"
 * happen. The book opens in the background, so the pane renders at once.
 */
import type { LoggedEdit } from "../../core/changelog";
import type { InputAidsOptions, InputAidsResult, SheetInputAids } from "../../core/input-aids/types";
import type { SheetGrid, WorkbookSnapshot } from "../../core/model/grid";
import type { SheetSpec } from "../../core/sheet-spec";
import type { CollectIntoOptions, CollectOutcome, ReturnedFile } from "../../workbook/collect-port";
import type { PreviousYearSetting } from "../../core/compare/settings";
import type { PreviousYearFile, PreviousYearRequest } from "../../workbook/previous-year";
import { type AppliedEdits, type ReadOptions, WorkbookError, type WorkbookPort, type WriteSheetResult, type WriteSheetsOptions } from "../../workbook/port";
import type { BookClient, BookMode, CallOptions } from "./book-client";
import type { Args, Method, Result } from "./book-rpc";

export interface Selection {
  readonly sheet: string;
  readonly address: string;
}

/** A host with a workbook open in it, and that workbook's tabs. */
export interface OpenBook {
  readonly client: BookClient;
  readonly sheetNames: string[];
  /** The file is in a format read for checking only (an .ods): every change is refused, and there is nothing to download. */
  readonly checkOnly?: "ods";
}

export class DemoPort implements WorkbookPort {
  private client?: BookClient;
  private names: string[] = [];
  private format?: "ods";
  /** Grids the host sent, until the book changes; the grid panel asks synchronously and re-renders on arrival. */
  private readonly grids = new Map<string, SheetGrid | undefined>();
  private readonly asked = new Set<string>();
  /** Bumped when the book changes, so a grid that was on its way from before the change is not kept. */
  private generation = 0;
  private disposed = false;
  private readonly listeners = new Set<() => void>();
  selection?: Selection;
  /** Bumped on every change the grid should show. */
  version = 0;

  constructor(
    private readonly book: Promise<OpenBook>,
    readonly fileName: string,
    /** Where a new workbook the pane makes (年度更新) goes: the page offers it for download and to open here. */
    private readonly onNewWorkbook?: (bytes: Uint8Array, name: string) => void,
  ) {
    book.then(
      (b) => {
        if (this.disposed) return b.client.terminate();
        this.client = b.client;
        this.names = b.sheetNames;
        this.format = b.checkOnly;
        this.changed();
      },
      () => undefined, // the page reports a failed open; every port call rejects with the same error
    );
  }

  /** The book is open: the grid can show it and it can be downloaded. */
  get ready(): boolean {
    return !!this.client;
  }

  /** Set when the open file can be checked only (an .ods): the download waits for an .xlsx. */
  get checkOnly(): "ods" | undefined {
    return this.format;
  }

  /** Where the workbook is held (for people and tests watching the demo). */
  get mode(): BookMode | undefined {
    return this.client?.mode;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }

  private async call<M extends Method>(method: M, args: Args<M>, options?: CallOptions): Promise<Result<M>> {
    return (await this.book).client.call(method, args, options);
  }

  /** After a write: the tabs may differ and every grid may be stale. */
  private async edited(): Promise<void> {
    this.generation++;
    this.grids.clear();
    this.asked.clear();
    this.names = await this.call("sheetNames", []);
    this.changed();
  }

  readAll(options?: ReadOptions): Promise<WorkbookSnapshot> {
    return this.call("readAll", [], {
      onProgress: options?.onProgress && ((done, total) => options.onProgress!({ done, total })),
      isCancelled: options?.isCancelled,
    });
  }

  async applyEdits(edits: readonly LoggedEdit[], at?: Date): Promise<AppliedEdits> {
    const r = await this.call("applyEdits", [edits, at]);
    await this.edited();
    return r;
  }

  async applyInputAids(aids: readonly SheetInputAids[], at?: Date, options?: InputAidsOptions): Promise<InputAidsResult> {
    const r = await this.call("applyInputAids", [aids, at, options]);
    await this.edited();
    return r;
  }

  async collectInto(files: readonly ReturnedFile[], options: CollectIntoOptions): Promise<CollectOutcome> {
    const r = await this.call("collectInto", [files, options]);
    if (r.written?.changed) await this.edited();
    return r;
  }

  /** Last year's sheets copied in hidden, in the worker's workbook (workbook/xlsx/previous-year.ts). */
  async keepPreviousYear(file: PreviousYearFile, request: PreviousYearRequest): Promise<PreviousYearSetting> {
    const r = await this.call("keepPreviousYear", [file, request]);
    await this.edited();
    return r;
  }

  async clearPreviousYear(): Promise<void> {
    await this.call("clearPreviousYear", []);
    await this.edited();
  }

  datesFrom1904(): Promise<boolean> {
    return this.call("datesFrom1904", []);
  }

  async writeOwnedSheet(spec: SheetSpec): Promise<WriteSheetResult> {
    return (await this.writeOwnedSheets([spec]))[0];
  }

  async writeOwnedSheets(specs: readonly SheetSpec[], options?: WriteSheetsOptions): Promise<WriteSheetResult[]> {
    const r = await this.call("writeOwnedSheets", [specs], { onProgress: options?.onProgress });
    await this.edited();
    return r;
  }

  ownedSheets(): Promise<readonly string[]> {
    return this.call("ownedSheets", []);
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    await this.call("selectCell", [sheet, address]);
    this.selection = { sheet, address };
    this.changed();
  }

  readSettings(): Promise<Readonly<Record<string, string>>> {
    return this.call("readSettings", []);
  }

  async writeSettings(settings: Readonly<Record<string, string>>): Promise<void> {
    await this.call("writeSettings", [settings]);
    await this.edited();
  }

  toBytes(): Promise<Uint8Array> {
    return this.call("toBytes", []);
  }

  /** The workbook as it is now, for the pane's 年度更新 (which rolls a copy). */
  fileBytes(): Promise<Uint8Array> {
    return this.toBytes();
  }

  /** The demo has no second window: the page downloads the new workbook and offers to open it in place of this one. */
  async openAsNewWorkbook(bytes: Uint8Array, suggestedName: string): Promise<void> {
    if (!this.onNewWorkbook) throw new WorkbookError("unsupported-operation", "new workbook");
    this.onNewWorkbook(bytes, suggestedName);
  }

  /** A file the pane made that is not a workbook to open (配布's ZIP): the page downloads it (run-distribute.ts FileSaver). */
  async saveFile(bytes: Uint8Array, name: string): Promise<void> {
    if (!this.onNewWorkbook) throw new WorkbookError("unsupported-operation", "new workbook");
    this.onNewWorkbook(bytes, name);
  }

  /** Sheets a person would see as tabs (the add-in's very hidden settings sheet is left out). */
  sheetNames(): string[] {
    return this.names;
  }

  /** The sheet's grid when the host has sent it; otherwise asks for it and returns undefined until it arrives. */
  sheetGrid(name: string): SheetGrid | undefined {
    if (this.grids.has(name)) return this.grids.get(name);
    if (this.client && !this.asked.has(name)) {
      this.asked.add(name);
      const generation = this.generation;
      this.client.call("sheetGrid", [name]).then(
        (grid) => {
          if (generation !== this.generation) return;
          this.grids.set(name, grid);
          this.changed();
        },
        () => this.asked.delete(name), // asked again on the next render
      );
    }
    return undefined;
  }

  /** Ends the host: the port is no longer used (another workbook was opened). */
  dispose(): void {
    this.disposed = true;
    this.client?.terminate();
  }
}
