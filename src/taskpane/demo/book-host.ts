/**
 * The demo's workbook and everything done to it, behind the messages of book-rpc.ts. It runs in a Web Worker
 * (book.worker.ts), so a big workbook never freezes the page; when no worker can start, the page runs this same
 * code itself (book-client.ts).
 */
import sample from "../../../seeds/kodaira-h29.xlsx";
import { WorkbookError } from "../../workbook/port";
import { collectIntoBook } from "../../workbook/xlsx/collect-into";
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

export function createBookHost(post: Post): (message: ToHost) => void {
  let book: XlsxWorkbook | undefined;
  const cancelled = new Set<number>();
  let queue: Promise<unknown> = Promise.resolve();

  const current = (): XlsxWorkbook => {
    if (!book) throw new WorkbookError("corrupt", "no workbook is open");
    return book;
  };
  const read = (ctx: CallContext) => current().readAll({ onProgress: (p) => ctx.progress(p.done, p.total), isCancelled: ctx.cancelled });

  const api: { [M in Method]: (args: Args<M>, ctx: CallContext) => Promise<ReturnType<BookApi[M]>> } = {
    async open([source]: [OpenSource], ctx) {
      const [bytes, name] = "sample" in source ? [base64Bytes(sample), SAMPLE_NAME] : [source.bytes, source.name];
      book = await XlsxWorkbook.load(bytes, name);
      // Every sheet is read now, with the progress a person sees; the adapter keeps the grids, so the pane's first
      // check and the side grid do not read them again.
      await read(ctx);
      return { sheetNames: book.sheetNames() };
    },
    readAll: (_, ctx) => read(ctx),
    applyEdits: ([edits, at]) => current().applyEdits(edits, at),
    applyInputAids: ([aids, at, options]) => current().applyInputAids(aids, at, options),
    collectInto: ([files, options]) => collectIntoBook(current(), files, options),
    keepPreviousYear: ([file, request]) => keepPreviousYearInBook(current(), file, request),
    clearPreviousYear: () => clearPreviousYearInBook(current()),
    datesFrom1904: async () => current().usesDate1904(),
    writeOwnedSheets: ([specs], ctx) => current().writeOwnedSheets(specs, { onProgress: ctx.progress }),
    ownedSheets: () => current().ownedSheets(),
    readSettings: () => current().readSettings(),
    writeSettings: ([settings]) => current().writeSettings(settings),
    selectCell: ([sheet, address]) => current().selectCell(sheet, address),
    sheetNames: async () => current().sheetNames(),
    sheetGrid: async ([name]) => current().sheetGrid(name),
    toBytes: () => current().toBytes(),
  };

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
