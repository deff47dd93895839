/**
 * The messages between the demo page and the code that holds its workbook (book-host.ts, in a Web Worker or, when
 * no worker can start, on the page). One request per call, answered once; progress and cancel travel beside it.
 * Everything here is structured-cloneable: plain objects, arrays, Maps, Dates and byte arrays.
 */
import type { LoggedEdit } from "../../core/changelog";
import type { CollectIntoOptions, CollectOutcome, ReturnedFile } from "../../workbook/collect-port";
import type { PreviousYearSetting } from "../../core/compare/settings";
import type { PreviousYearFile, PreviousYearRequest } from "../../workbook/previous-year";
import type { InputAidsOptions, InputAidsResult, SheetInputAids } from "../../core/input-aids/types";
import type { SheetGrid, WorkbookSnapshot } from "../../core/model/grid";
import type { SheetSpec } from "../../core/sheet-spec";
import { type AppliedEdits, WorkbookError, type WorkbookErrorCode, type WriteSheetResult, isWorkbookError } from "../../workbook/port";

/** What to open: the sample built into the demo, or a user's bytes (transferred, not copied). */
export type OpenSource = { readonly sample: true } | { readonly bytes: Uint8Array; readonly name: string };

export interface Opened {
  /** The tabs a person sees, so the grid can list them at once. */
  readonly sheetNames: string[];
  /** Set when the file is in a format read for checking only (an .ods): every change is refused. */
  readonly checkOnly?: "ods";
}

/** The calls the page can make. Progress (`done / total`) is reported for open, readAll and writeOwnedSheets. */
export interface BookApi {
  open(source: OpenSource): Opened;
  readAll(): WorkbookSnapshot;
  applyEdits(edits: readonly LoggedEdit[], at?: Date): AppliedEdits;
  applyInputAids(aids: readonly SheetInputAids[], at?: Date, options?: InputAidsOptions): InputAidsResult;
  collectInto(files: readonly ReturnedFile[], options: CollectIntoOptions): CollectOutcome;
  keepPreviousYear(file: PreviousYearFile, request: PreviousYearRequest): PreviousYearSetting;
  clearPreviousYear(): void;
  datesFrom1904(): boolean;
  writeOwnedSheets(specs: readonly SheetSpec[]): WriteSheetResult[];
  ownedSheets(): readonly string[];
  readSettings(): Readonly<Record<string, string>>;
  writeSettings(settings: Readonly<Record<string, string>>): void;
  selectCell(sheet: string, address: string): void;
  sheetNames(): string[];
  sheetGrid(name: string): SheetGrid | undefined;
  toBytes(): Uint8Array;
}

export type Method = keyof BookApi;
export type Args<M extends Method> = Parameters<BookApi[M]>;
export type Result<M extends Method> = ReturnType<BookApi[M]>;

export type Request = { [M in Method]: { readonly kind: "call"; readonly id: number; readonly method: M; readonly args: Args<M> } }[Method];

/** Page → host. */
export type ToHost = Request | { readonly kind: "cancel"; readonly id: number };

export interface SentError {
  readonly name: string;
  readonly message: string;
  readonly code?: WorkbookErrorCode;
  readonly detail?: string;
  readonly sheet?: string;
  readonly changed?: readonly string[];
}

/** Host → page. `ready` is the first message a worker sends: until it comes, the worker has not started. */
export type FromHost =
  | { readonly kind: "ready" }
  | { readonly kind: "progress"; readonly id: number; readonly done: number; readonly total: number }
  | { readonly kind: "reply"; readonly id: number; readonly value: unknown }
  | { readonly kind: "error"; readonly id: number; readonly error: SentError };

/** An error as it can cross to the page: a WorkbookError keeps its code, so the catalogue message still applies. */
export function sendError(e: unknown): SentError {
  if (isWorkbookError(e)) return { name: "WorkbookError", message: e.message, code: e.code, detail: e.detail, sheet: e.sheet, changed: e.changed };
  if (e instanceof Error) return { name: e.name, message: e.message };
  return { name: "Error", message: String(e) };
}

export function receiveError(e: SentError): Error {
  if (e.name === "WorkbookError" && e.code) return new WorkbookError(e.code, e.detail, e.sheet, e.changed);
  const out = new Error(e.message);
  out.name = e.name;
  return out;
}
