/**
 * The demo's Web Worker: holds the workbook (book-host.ts) off the page's thread. Built on its own by esbuild
 * (webpack.config.js, InlineWorkerPlugin) and started by the page from a Blob URL, because Chromium refuses
 * `new Worker(url)` for a page opened from file://.
 */
import type { FromHost, ToHost } from "./book-rpc";
import { createBookHost } from "./book-host";

// The page's DOM types describe Window; a worker's global scope posts and receives the same way, without an origin.
const scope = self as unknown as {
  postMessage(message: FromHost, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<ToHost>) => void) | null;
};

const handle = createBookHost((message, transfer) => scope.postMessage(message, transfer ?? []));
scope.onmessage = (e) => handle(e.data);
scope.postMessage({ kind: "ready" });
