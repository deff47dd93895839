/**
 * The demo's workbook and everything done to it, behind the messages of book-rpc.ts. It runs in a Web Worker
 * (book.worker.ts), so a big workbook never freezes the page; when no worker can start, the page runs this same
 * code itself (book-client.ts).
 */
import sample from "../../../seeds/kodaira-h29.xlsx";
import type { SheetGrid, WorkbookSnapshot } from "../../core/model/grid";
import { isWorkbookError, WorkbookError } from "../../workbook/port";
import { collectIntoBook } from "../../workbook/xlsx/collect-into";
import { readOds } from "../../workbook/xlsx/ods";
import { clearPreviousYearInBook, keepPreviousYearInBook } from "../../workbook/xlsx/previous-year";
import { XlsxWorkbook } from "../../workbook/xlsx/xlsx-workbook";
import { type Args, type BookApi, type FromHost, type Method, type OpenSource, sendError, type ToHost } from "./book-rpc";
import { SAMPLE_NAME } from "./sample";

/** Progress messages are posted at most this often (and always at the end), so 500 sheets are not 500 renders. */
const PROGRESS_EVERY_MS = 30;

/** Base64, with or without a `data:…;base64,` head (webpack inlines a data URL, the worker build plain base64). */
export function base64Bytes(text: string): Uint8Array {
  const bin = atob(text.slice(text.indexOf(",") + 1));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export interface CallContext {
  readonly progress: (done: number, total: number) => void;
  readonly cancelled: () => boolean;
}

type Post = (message: FromHost, transfer?: Transferable[]) => void;

/**
 * An .ods, read for checking only (docs/file-layer.md, "Other formats"): the pane checks it and the grid shows it,
 * and every change is refused with the message that says to save it as .xlsx, as the CLI's commands that write do.
 */
interface CheckOnlyBook {
  readonly snapshot: WorkbookSnapshot;
  readonly settings: Readonly<Record<string, string>>;
}

export function createBookHost(post: Post): (message: ToHost) => void {
  let book: XlsxWorkbook | CheckOnlyBook | undefined;
  const cancelled = new Set<number>();
  let queue: Promise<unknown> = Promise.resolve();

  const opened = (): XlsxWorkbook | CheckOnlyBook => {
    if (!book) throw new WorkbookError("corrupt", "no workbook is open");
    return book;
  };
  /** The workbook, for a call that may change it: an .ods cannot be written. */
  const current = (): XlsxWorkbook => {
    const b = opened();
    if (!(b instanceof XlsxWorkbook)) throw new WorkbookError("ods");
    return b;
  };
  const read = async (ctx: CallContext): Promise<WorkbookSnapshot> => {
    const b = opened();
    return b instanceof XlsxWorkbook ? b.readAll({ onProgress: (p) => ctx.progress(p.done, p.total), isCancelled: ctx.cancelled }) : b.snapshot;
  };
  const gridOf = (b: CheckOnlyBook, name: string): SheetGrid | undefined => b.snapshot.sheets.find((g) => g.name === name);

  const api: { [M in Method]: (args: Args<M>, ctx: CallContext) => Promise<ReturnType<BookApi[M]>> } = {
    async open([source]: [OpenSource], ctx) {
      const [bytes, name] = "sample" in source ? [base64Bytes(sample), SAMPLE_NAME] : [source.bytes, source.name];
      let xlsx: XlsxWorkbook;
      try {
        xlsx = await XlsxWorkbook.load(bytes, name);
      } catch (e) {
        if (!isWorkbookError(e) || e.code !== "ods") throw e;
        const ods = readOds(bytes);
        const snapshot = await ods.readAll({ onProgress: (p) => ctx.progress(p.done, p.total), isCancelled: ctx.cancelled });
        book = { snapshot, settings: await ods.readSettings() };
        return { sheetNames: snapshot.sheets.map((g) => g.name), checkOnly: "ods" };
      }
      book = xlsx;
      // Every sheet is read now, with the progress a person sees; the adapter keeps the grids, so the pane's first
      // check and the side grid do not read them again.
      await read(ctx);
      return { sheetNames: xlsx.sheetNames() };
    },
    readAll: (_, ctx) => read(ctx),
    applyEdits: ([edits, at]) => current().applyEdits(edits, at),
    applyInputAids: ([aids, at, options]) => current().applyInputAids(aids, at, options),
    collectInto: ([files, options]) => collectIntoBook(current(), files, options),
    keepPreviousYear: ([file, request]) => keepPreviousYearInBook(current(), file, request),
    clearPreviousYear: () => clearPreviousYearInBook(current()),
    // An .ods holds its dates as dates, not as serial numbers counted from 1900 or 1904.
    datesFrom1904: () => withBook((b) => b.usesDate1904(), () => false),
    writeOwnedSheets: ([specs], ctx) => current().writeOwnedSheets(specs, { onProgress: ctx.progress }),
    // The add-in has made no sheet in an .ods: it never wrote one.
    ownedSheets: () => withBook<readonly string[]>((b) => b.ownedSheets(), () => []),
    readSettings: () => withBook((b) => b.readSettings(), (b) => b.settings),
    writeSettings: ([settings]) => current().writeSettings(settings),
    selectCell: ([sheet, address]) =>
      withBook(
        (b) => b.selectCell(sheet, address),
        (b) => {
          if (!gridOf(b, sheet)) throw new WorkbookError("sheet-missing", sheet, sheet);
        },
      ),
    sheetNames: () => withBook((b) => b.sheetNames(), (b) => b.snapshot.sheets.map((g) => g.name)),
    sheetGrid: ([name]) => withBook((b) => b.sheetGrid(name), (b) => gridOf(b, name)),
    toBytes: () => current().toBytes(),
  };

  /** What a call that only reads does with the open workbook, an .xlsx or an .ods. */
  async function withBook<T>(xlsx: (b: XlsxWorkbook) => T | Promise<T>, checkOnly: (b: CheckOnlyBook) => T): Promise<T> {
    const b = opened();
    return b instanceof XlsxWorkbook ? xlsx(b) : checkOnly(b);
  }

  async function run(request: Extract<ToHost, { kind: "call" }>): Promise<void> {
    const { id } = request;
    let last = 0;
    const ctx: CallContext = {
      progress: (done, total) => {
        const now = Date.now();
        if (done < total && now - last < PROGRESS_EVERY_MS) return;
        last = now;
        post({ kind: "progress", id, done, total });
      },
      cancelled: () => cancelled.has(id),
    };
    try {
      if (ctx.cancelled()) throw new WorkbookError("cancelled");
      const fn = api[request.method] as (args: unknown, ctx: CallContext) => Promise<unknown>;
      const value = await fn(request.args, ctx);
      // The file's bytes move to the page rather than being copied.
      post({ kind: "reply", id, value }, value instanceof Uint8Array ? [value.buffer] : undefined);
    } catch (e) {
      post({ kind: "error", id, error: sendError(e) });
    } finally {
      cancelled.delete(id);
    }
  }

  return (message) => {
    if (message.kind === "cancel") {
      cancelled.add(message.id);
      return;
    }
    // One call at a time, in order: a fix is never written halfway through a read of the same book.
    queue = queue.then(() => run(message));
  };
}
