/**
 * Stands in for office.js in the browser tests of taskpane.html: `Office.onReady`, `Office.context` and
 * `Excel.run` over the strict Excel fake of test/fakes (which holds an .xlsx loaded with ExcelJS). Bundled with
 * esbuild by taskpane.test.ts and served in place of the CDN's office.js. Configured before the page loads
 * through `window.__fakeOfficeConfig`; the fake is left at `window.__fakeExcel` for the test to inspect.
 */
import { FakeBook, FakeExcel } from "../../fakes/excel-fake";

export interface FakeOfficeConfig {
  /** The workbook, .xlsx as base64. */
  readonly xlsxBase64: string;
  /** The highest ExcelApi version the fake host supports. */
  readonly apiVersion?: string;
  readonly displayLanguage?: string;
  /** `null` makes onReady report no host: the page is outside Office. */
  readonly host?: "Excel" | null;
}

interface W {
  __fakeOfficeConfig?: FakeOfficeConfig;
  __fakeExcel?: FakeExcel;
  __fakeOfficeReadyAt?: number;
  Office?: unknown;
  Excel?: unknown;
  Buffer?: unknown;
}
const w = globalThis as unknown as W;

// The fake measures payloads with Buffer.byteLength (Node); give it the browser's equivalent.
w.Buffer ??= { byteLength: (s: string) => new TextEncoder().encode(s).length };

const config: FakeOfficeConfig = w.__fakeOfficeConfig ?? { xlsxBase64: "" };

function fromBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

let fake: FakeExcel | undefined;
const ready = (async () => {
  if (config.host === null) return;
  fake = new FakeExcel(await FakeBook.fromXlsx(fromBase64(config.xlsxBase64)), { apiVersion: config.apiVersion });
  w.__fakeExcel = fake;
  w.Excel = { run: fake.run };
})().then(() => {
  w.__fakeOfficeReadyAt = performance.now();
});

w.Office = {
  HostType: { Excel: "Excel" },
  onReady: async (callback?: (info: unknown) => void) => {
    await ready;
    const info = config.host === null ? { host: null, platform: null } : { host: "Excel", platform: "OfficeOnline" };
    callback?.(info);
    return info;
  },
  context: {
    displayLanguage: config.displayLanguage ?? "ja-JP",
    requirements: { isSetSupported: (set: string, version: string) => !!fake && fake.isSetSupported(set, version) },
  },
};
