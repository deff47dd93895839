/**
 * The page's side of book-rpc.ts: starts the code that holds a workbook and calls it. Each open workbook has a
 * host of its own, so opening another file can be stopped by ending its host while the open one stays as it was.
 */
import { WorkbookError } from "../../workbook/port";
import type { Args, FromHost, Method, Result, ToHost } from "./book-rpc";
import { receiveError } from "./book-rpc";

export interface CallOptions {
  readonly onProgress?: (done: number, total: number) => void;
  /** Polled while the call runs; once true the call rejects with WorkbookError("cancelled"). */
  readonly isCancelled?: () => boolean;
  readonly transfer?: Transferable[];
}

export type BookMode = "worker" | "main-thread";

export interface BookClient {
  /** Where the workbook lives: a Web Worker, or (no worker could start) the page itself. */
  readonly mode: BookMode;
  call<M extends Method>(method: M, args: Args<M>, options?: CallOptions): Promise<Result<M>>;
  /** Ends the host at once (a worker is terminated even in the middle of a long step); pending calls reject as cancelled. */
  terminate(): void;
}

/** The inline source of the worker bundle (a chunk of its own) and the same host for the page, each loaded on demand. */
export interface BookSources {
  readonly workerSource: () => Promise<string>;
  readonly pageHost: () => Promise<typeof import("./book-host")>;
}

/** How long a worker may take to say it is ready before the page gives up on it and runs the host itself. */
const WORKER_START_MS = 20_000;
/** How often a call checks its isCancelled. */
const CANCEL_POLL_MS = 50;

interface Endpoint {
  send(message: ToHost, transfer?: Transferable[]): void;
  close(): void;
}

interface Pending {
  readonly resolve: (v: unknown) => void;
  readonly reject: (e: unknown) => void;
  readonly onProgress?: (done: number, total: number) => void;
  readonly stop: () => void;
}

class Client implements BookClient {
  private next = 1;
  private readonly pending = new Map<number, Pending>();
  private ended = false;
  private endpoint!: Endpoint;

  constructor(readonly mode: BookMode) {}

  attach(endpoint: Endpoint): this {
    this.endpoint = endpoint;
    return this;
  }

  receive(message: FromHost): void {
    if (message.kind === "ready") return;
    const p = this.pending.get(message.id);
    if (!p) return; // cancelled on this side: the host's late answer is dropped
    if (message.kind === "progress") {
      p.onProgress?.(message.done, message.total);
      return;
    }
    this.pending.delete(message.id);
    p.stop();
    if (message.kind === "reply") p.resolve(message.value);
    else p.reject(receiveError(message.error));
  }

  call<M extends Method>(method: M, args: Args<M>, options: CallOptions = {}): Promise<Result<M>> {
    if (this.ended) return Promise.reject(new WorkbookError("cancelled"));
    const id = this.next++;
    return new Promise<Result<M>>((resolve, reject) => {
      let timer: ReturnType<typeof setInterval> | undefined;
      const { isCancelled } = options;
      const check = () => {
        if (!isCancelled?.() || !this.pending.has(id)) return;
        // The host stops at its next check between sheets; this side does not wait for it. A step the host cannot
        // interrupt runs to its end in the background and its answer is dropped.
        this.pending.delete(id);
        clearInterval(timer);
        this.endpoint.send({ kind: "cancel", id });
        reject(new WorkbookError("cancelled"));
      };
      if (isCancelled) timer = setInterval(check, CANCEL_POLL_MS);
      this.pending.set(id, {
        resolve: resolve as (v: unknown) => void,
        reject,
        onProgress: (done, total) => {
          options.onProgress?.(done, total);
          check();
        },
        stop: () => clearInterval(timer),
      });
      try {
        this.endpoint.send({ kind: "call", id, method, args } as ToHost, options.transfer);
      } catch (e) {
        this.pending.delete(id);
        clearInterval(timer);
        reject(e);
      }
    });
  }

  terminate(): void {
    if (this.ended) return;
    this.ended = true;
    this.endpoint.close();
    for (const p of this.pending.values()) {
      p.stop();
      p.reject(new WorkbookError("cancelled"));
    }
    this.pending.clear();
  }
}

let workerUrl: Promise<string> | undefined;

function startWorker(sources: BookSources): Promise<Client> {
  workerUrl ??= sources.workerSource().then((code) => URL.createObjectURL(new Blob([code], { type: "text/javascript" })));
  return workerUrl.then(
    (url) =>
      new Promise<Client>((resolve, reject) => {
        const worker = new Worker(url); // throws when the page's policy or the browser forbids it
        const client = new Client("worker").attach({
          send: (m, transfer) => worker.postMessage(m, transfer ?? []),
          close: () => worker.terminate(),
        });
        const fail = (why: unknown) => {
          clearTimeout(timer);
          worker.terminate();
          reject(why);
        };
        const timer = setTimeout(() => fail(new Error("the worker did not start")), WORKER_START_MS);
        worker.onerror = (e) => fail(new Error(e.message || "the worker failed to start"));
        worker.onmessage = (e: MessageEvent<FromHost>) => {
          if (e.data.kind !== "ready") return;
          clearTimeout(timer);
          worker.onerror = null;
          worker.onmessage = (m: MessageEvent<FromHost>) => client.receive(m.data);
          resolve(client);
        };
      }),
  );
}

/**
 * The same host on the page's thread. A big workbook then freezes the tab while it is read, but the demo still
 * works where a worker cannot start (a browser or policy that forbids workers from Blob URLs).
 */
async function startOnPage(sources: BookSources): Promise<Client> {
  const { createBookHost } = await sources.pageHost();
  let ended = false;
  const client = new Client("main-thread");
  // A task per message both ways, as with a worker: the page paints between a call and its answer.
  const handle = createBookHost((m) => setTimeout(() => !ended && client.receive(m), 0));
  return client.attach({
    send: (m) => setTimeout(() => !ended && handle(m), 0),
    close: () => {
      ended = true;
    },
  });
}

/** A fresh host for one workbook: a Web Worker when the browser allows one, else the page itself. */
export async function startBook(sources: BookSources): Promise<BookClient> {
  try {
    return await startWorker(sources);
  } catch (e) {
    console.warn("chosahyo demo: no Web Worker, the workbook is read on the page", e);
    return startOnPage(sources);
  }
}
