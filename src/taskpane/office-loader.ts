/**
 * Waiting for office.js without leaving the pane blank. taskpane.html loads office.js with `async` (a blocking
 * script would hold the whole page while an unreachable CDN times out, a minute or more on a closed network) and
 * boot.js notes whether it loaded or failed, since that can happen before this bundle runs. The pane says what is
 * wrong once a wait is clearly too long, and keeps waiting: a late office.js or a slow Excel still gets the pane.
 */

/** office.js itself, counted from the page's navigation: from the CDN or an intranet server it arrives well within. */
export const OFFICE_JS_TIMEOUT_MS = 3000;
/** From office.js loaded to Office.onReady: Excel answers within a few seconds even on a slow PC. */
export const OFFICE_READY_TIMEOUT_MS = 10000;

/** The id of office.js's <script> in taskpane.html. */
export const OFFICE_JS_ID = "office-js";

export type OfficeJsState = "loading" | "loaded" | "failed";

/** What boot.js records on window as office.js's <script> loads or fails. */
interface BootRecord {
  chosahyoOfficeJs?: { state?: OfficeJsState };
  Office?: unknown;
}

export function officeJsState(win: Window = window): OfficeJsState {
  const w = win as unknown as BootRecord;
  if (typeof w.Office !== "undefined") return "loaded";
  const recorded = w.chosahyoOfficeJs?.state;
  if (recorded === "loaded" || recorded === "failed") return recorded;
  // Without boot.js's record (or without the <script>), only the element can tell: no element, nothing will load.
  return win.document.getElementById(OFFICE_JS_ID) ? "loading" : "failed";
}

/** Resolves when office.js's <script> has loaded or failed; never, while the request hangs. */
export function officeJsSettled(win: Window = window): Promise<"loaded" | "failed"> {
  const now = officeJsState(win);
  if (now !== "loading") return Promise.resolve(now);
  const script = win.document.getElementById(OFFICE_JS_ID)!;
  return new Promise((resolve) => {
    script.addEventListener("load", () => resolve("loaded"), { once: true });
    script.addEventListener("error", () => resolve("failed"), { once: true });
  });
}

/** Why the pane is not (yet) connected to Excel. */
export type NotConnected = "no-office-js" | "not-excel" | "office-not-ready";

export interface Waiting {
  readonly ok: false;
  readonly reason: NotConnected;
  /** Still waiting: the pane replaces this message if Office answers after all. */
  readonly waiting: true;
}

export interface ConnectOptions<T> {
  /** Connects once office.js has loaded (Office.onReady and the rest). */
  readonly connect: () => Promise<T>;
  /** Called with a Waiting message when a wait is too long, and with the outcome (once) when there is one. */
  readonly render: (state: T | Waiting) => void;
  /** The outcome when office.js could not be loaded. */
  readonly failed: T;
  readonly win?: Window;
  readonly scriptTimeoutMs?: number;
  readonly readyTimeoutMs?: number;
  /** Milliseconds since the page's navigation began (performance.now()): the script's wait counts from there. */
  readonly elapsedMs?: number;
}

/**
 * Waits for office.js, then connects, rendering a message when either step takes too long (office.js still not
 * loaded after OFFICE_JS_TIMEOUT_MS; Office.onReady not resolved OFFICE_READY_TIMEOUT_MS after that) and the outcome
 * as soon as there is one. A failed office.js request is the outcome at once.
 */
export async function connectWithTimeouts<T>(o: ConnectOptions<T>): Promise<void> {
  const win = o.win ?? window;
  let done = false;
  const tooLong = (reason: NotConnected) => {
    if (!done) o.render({ ok: false, reason, waiting: true });
  };
  const elapsed = o.elapsedMs ?? win.performance.now();
  const scriptTimer = win.setTimeout(() => tooLong("no-office-js"), Math.max(0, (o.scriptTimeoutMs ?? OFFICE_JS_TIMEOUT_MS) - elapsed));
  const script = await officeJsSettled(win);
  win.clearTimeout(scriptTimer);
  if (script === "failed") {
    done = true;
    o.render(o.failed);
    return;
  }
  const readyTimer = win.setTimeout(() => tooLong("office-not-ready"), o.readyTimeoutMs ?? OFFICE_READY_TIMEOUT_MS);
  let outcome: T;
  try {
    outcome = await o.connect();
  } catch {
    outcome = o.failed;
  }
  done = true;
  win.clearTimeout(readyTimer);
  o.render(outcome);
}
