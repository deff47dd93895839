/**
 * @jest-environment node
 *
 * The closed-network (LGWAN) build, dist-lgwan/ (`npm run build:lgwan`; scripts/e2e.mjs builds it with
 * `--env base=…`): every file office.js loads is in the folder, nothing in it points to another origin, and the page
 * served from a local server with every request to another origin blocked loads office.js from its own folder.
 * Outside Office the pane says it is meant to open in Excel (office.js loaded and answered), not that office.js could
 * not be loaded. Opened as Excel opens it (office.js's `_host_Info`, for Windows, the web and Mac), office.js loads its
 * host file and its strings from the same folder and defines `Excel`; the connection to Excel itself cannot be made
 * outside Office.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { serveStatic } from "../../scripts/static-server.cjs";
import { officeJsRequests } from "../helpers/office-js-requests";
import { LAUNCH_ARGS, PANE_VIEWPORT, ROOT, screenshot } from "./browser";

const LGWAN = path.join(ROOT, "dist-lgwan");
/** The base scripts/e2e.mjs builds with. */
const BASE = "https://intranet.example.lg.jp/chosahyo/";

let server: Server;
let origin: string;
let browser: Browser;
beforeAll(async () => {
  if (!existsSync(path.join(LGWAN, "taskpane.html"))) throw new Error("dist-lgwan/ is missing: run npm run test:e2e (or npm run build:lgwan)");
  ({ server, url: origin } = await serveStatic(LGWAN, { index: "taskpane.html" }));
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: LAUNCH_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

function filesUnder(dir: string, base = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = base ? `${base}/${e.name}` : e.name;
    return e.isDirectory() ? filesUnder(path.join(dir, e.name), rel) : [rel];
  });
}

test("every file office.js loads, as office.js names it, is in dist-lgwan/office/", () => {
  const { local } = officeJsRequests();
  const shipped = new Set(filesUnder(path.join(LGWAN, "office")));
  const missing = [...local].filter(([rel]) => !shipped.has(rel)).map(([rel, by]) => `${rel} (asked for by ${by})`);
  expect(missing).toEqual([]);
  // The ones the issue names, so that an empty derivation cannot pass.
  for (const rel of ["excel-win32-16.01.js", "excel-web-16.00.js", "excel-mac-16.00.js", "ja-jp/office_strings.js", "telemetry/oteljs_agave.js"]) {
    expect(shipped.has(rel)).toBe(true);
  }
});

/**
 * URLs in our own files that are never requested: XML namespace names (the xlsx reader, React DOM) and the link
 * React's production build prints in an error message.
 */
const NOT_REQUESTS = [
  /^http:\/\/www\.w3\.org\/(1998\/Math\/MathML|1999\/xhtml|1999\/xlink|2000\/svg|XML\/1998\/namespace)$/,
  /^http:\/\/schemas\.openxmlformats\.org\/[\w/-]+$/,
  /^http:\/\/purl\.oclc\.org\/ooxml\/[\w/-]+$/,
  /^https:\/\/reactjs\.org\/docs\/error-decoder\.html\?invariant=$/,
];

test("nothing in dist-lgwan/ outside office.js's own files points to another origin, and the manifest only to its base", () => {
  const ours = filesUnder(LGWAN).filter((f) => !f.startsWith("office/") && f !== "manifest.xml" && /\.(html|js|css|json|txt)$/.test(f));
  expect(ours).toEqual(expect.arrayContaining(["taskpane.html", "demo.html", "boot.js"]));
  const found: string[] = [];
  for (const f of ours) {
    const text = readFileSync(path.join(LGWAN, f), "utf8");
    // Absolute URLs, and protocol-relative ones in quotes or url(…).
    for (const m of text.matchAll(/(?:https?:\/\/|(?<=["'(])\/\/)[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?::\d+)?[^\s"'`<>)\\]*/gi)) {
      if (!NOT_REQUESTS.some((re) => re.test(m[0]))) found.push(`${f}: ${m[0]}`);
    }
  }
  expect(found).toEqual([]);
  // The manifest's URLs (its xmlns names are not URLs it loads): every one under the base, the AppDomain its origin.
  const manifest = readFileSync(path.join(LGWAN, "manifest.xml"), "utf8");
  const urls = [...manifest.matchAll(/\b(?:DefaultValue|Value)="(https?:\/\/[^"]*)"/g)].map((m) => m[1]);
  expect(urls.length).toBeGreaterThanOrEqual(8);
  expect(urls.filter((u) => !u.startsWith(BASE))).toEqual([]);
  expect([...manifest.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1])).toEqual([new URL(BASE).origin]);
  const csp = readFileSync(path.join(LGWAN, "taskpane.html"), "utf8").match(/Content-Security-Policy content="([^"]*)"/)![1];
  expect(csp).toMatch(/script-src 'self';/);
  expect(csp).not.toMatch(/https?:/);
});

interface Traffic {
  /** Requests to another origin, each aborted. */
  readonly outside: string[];
  /** Same-origin responses: path → status. */
  readonly served: Map<string, number>;
}

/** A page on which every request to another origin is aborted and recorded, and same-origin responses are noted. */
async function lockedPage(): Promise<{ page: Page; traffic: Traffic; close: () => Promise<void> }> {
  const context = await browser.newContext({ locale: "ja-JP", viewport: PANE_VIEWPORT });
  const page = await context.newPage();
  const traffic: Traffic = { outside: [], served: new Map() };
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    traffic.outside.push(url);
    return route.abort("blockedbyclient");
  });
  page.on("response", (r) => {
    const u = new URL(r.url());
    if (u.origin === origin) traffic.served.set(u.pathname, r.status());
  });
  return { page, traffic, close: () => context.close() };
}

test("served with every other origin blocked, the page loads office.js from its own folder and says it is meant for Excel", async () => {
  const { page, traffic, close } = await lockedPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${origin}/taskpane.html`);
  const message = page.getByTestId("outside-excel");
  await message.waitFor();
  // office.js loaded and Office.onReady answered "no host": not the "could not be loaded" message.
  expect(await message.getAttribute("data-reason")).toBe("not-excel");
  expect(await message.innerText()).toContain("Excel のアドインとして開くページです");
  await page.waitForLoadState("networkidle");
  expect(traffic.outside).toEqual([]);
  expect(traffic.served.get("/office/office.js")).toBe(200);
  expect([...traffic.served].filter(([, status]) => status >= 400)).toEqual([]);
  expect(errors).toEqual([]);
  await screenshot(page, "30-lgwan-outside-office.png");
  await close();
});

// office.js reads the host, its platform, the host file version and the locale from `_host_Info` (Excel passes it).
test.each([
  ["Windows", "Excel$Win32$16.01$ja-JP$$$$0", "excel-win32-16.01.js"],
  ["the web", "Excel$Web$16.00$ja-JP$$$$0", "excel-web-16.00.js"],
  ["Mac", "Excel$Mac$16.00$ja-JP$$$$0", "excel-mac-16.00.js"],
])("opened as Excel on %s opens it, office.js loads its host file and strings from its own folder and defines Excel", async (_, hostInfo, hostFile) => {
  const { page, traffic, close } = await lockedPage();
  await page.goto(`${origin}/taskpane.html?_host_Info=${encodeURIComponent(hostInfo)}`);
  await page.waitForFunction(() => typeof (window as unknown as { Excel?: unknown }).Excel !== "undefined", undefined, { timeout: 15000 });
  await page.waitForLoadState("networkidle");
  expect(traffic.served.get(`/office/${hostFile}`)).toBe(200);
  expect(traffic.served.get("/office/ja-jp/office_strings.js")).toBe(200);
  expect([...traffic.served].filter(([, status]) => status >= 400)).toEqual([]);
  expect(traffic.outside).toEqual([]);
  await close();
});
