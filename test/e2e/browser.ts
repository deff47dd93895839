/** Shared set-up for the browser tests: the built pages served from dist/, Debian's Chromium, axe, screenshots. */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { serveStatic } from "../../scripts/static-server.cjs";

export const ROOT = path.join(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");
export const SCREENSHOTS = path.join(__dirname, "screenshots");
export const SEED = path.join(ROOT, "seeds", "kodaira-h29.xlsx");

/** The task pane's width in Excel is 320–350 px; the demo with its side grid gets a desktop window. */
export const PANE_VIEWPORT = { width: 320, height: 900 };
export const WIDE_VIEWPORT = { width: 1280, height: 800 };

export const LAUNCH_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Env {
  browser: Browser;
  server: Server;
  url: string;
}

export async function startEnv(): Promise<Env> {
  const { server, url } = await serveStatic(DIST);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: LAUNCH_ARGS });
  return { browser, server, url };
}

export async function stopEnv(env: Env | undefined): Promise<void> {
  await env?.browser.close();
  await new Promise<void>((resolve) => (env ? env.server.close(() => resolve()) : resolve()));
}

export interface Watched {
  readonly page: Page;
  readonly context: BrowserContext;
  /** CSP violations, page errors and console errors seen so far. */
  readonly problems: string[];
}

/**
 * A fresh context and page, Japanese locale, collecting CSP violations, uncaught errors and console errors
 * (a favicon 404 is not a problem).
 */
export async function openPage(env: Env, options: BrowserContextOptions = {}): Promise<Watched> {
  const context = await env.browser.newContext({ locale: "ja-JP", viewport: PANE_VIEWPORT, ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    const loc = m.location()?.url ?? "";
    if (/favicon\.ico$/.test(loc) || /favicon/.test(m.text())) return;
    problems.push(`console error: ${m.text()} ${loc}`);
  });
  page.on("requestfailed", (r) => {
    // ERR_ABORTED: the page navigated away (a reload) while the request was under way.
    if (!/favicon\.ico$/.test(r.url()) && r.failure()?.errorText !== "net::ERR_ABORTED") problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ""}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400 && !/favicon\.ico$/.test(r.url())) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return { page, context, problems };
}

/** Milliseconds from navigation start to the app's first render (the `chosahyo-ready` mark). */
export async function firstRenderMs(page: Page): Promise<number> {
  await page.waitForSelector("html[data-ready]");
  return page.evaluate(() => performance.getEntriesByName("chosahyo-ready")[0]?.startTime ?? -1);
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, name);
  await page.screenshot({ path: file, animations: "disabled", fullPage });
  return file;
}

let axeSource: string | undefined;

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: number;
  readonly targets: string[];
}

/** Runs axe-core on the page as it is; returns every violation, worst first. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  // Evaluated through the DevTools protocol: the page's CSP (no inline scripts) does not apply to it.
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined");
  if (!loaded) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    // Tabster's focus sentinels (Fluent's TabList) are focusable and aria-hidden on purpose: a known false positive of
    // aria-hidden-focus, by design (microsoft/fluentui#27517, microsoft/tabster#288).
    const r = await axe.run({ exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
  const rank = (i: string | null) => ["critical", "serious", "moderate", "minor"].indexOf(i ?? "minor");
  return violations.sort((a, b) => rank(a.impact) - rank(b.impact));
}

export const serious = (vs: readonly AxeViolation[]) => vs.filter((v) => v.impact === "serious" || v.impact === "critical");

/** Findings for the same file from the CLI's --json (exit code 1 only means error findings were reported). */
export interface CliFinding {
  readonly ruleId: string;
  readonly severity: "error" | "warning" | "info";
  readonly sheet: string;
  readonly cell: string;
}

export function cliFindings(file: string, extra: readonly string[] = []): CliFinding[] {
  let out: string;
  try {
    out = execFileSync(process.execPath, [path.join(ROOT, "bin", "chosahyo.js"), "validate", file, "--json", ...extra], { encoding: "utf8" });
  } catch (e) {
    const err = e as { status?: number; stdout?: string };
    if (err.status !== 1 || !err.stdout) throw e;
    out = err.stdout;
  }
  const doc = JSON.parse(out) as { files: { findings: CliFinding[]; error: unknown }[] };
  if (doc.files[0].error) throw new Error(`the CLI could not read ${file}: ${JSON.stringify(doc.files[0].error)}`);
  return doc.files[0].findings;
}

export function countBy<T>(items: readonly T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
}

/** Waits until the 検証 (Validate) button can be pressed: the workbook and its settings are loaded. */
export async function validateButton(page: Page, name: RegExp | string = "検証") {
  const button = page.getByRole("button", { name, exact: true });
  await button.waitFor();
  await page.waitForFunction((el) => !(el as HTMLButtonElement).disabled, await button.elementHandle(), { timeout: 30000 });
  return button;
}

/** Nothing in the pane sticks out to the right: the layout works at the viewport's width (320 px). */
export async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll("main[data-host] *"))) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 1) out.push(`${el.tagName.toLowerCase()}.${(el.className || "").toString().slice(0, 30)} right=${Math.round(r.right)}`);
    }
    if (document.documentElement.scrollWidth > width + 1) out.push(`page scrollWidth ${document.documentElement.scrollWidth} > ${width}`);
    return out;
  });
}

/** Checks finished so far (the pane's `data-runs`). */
export async function runs(page: Page): Promise<number> {
  return Number(await page.locator("main[data-runs]").getAttribute("data-runs"));
}

/** Waits until more than `before` checks have finished and the pane is idle. */
export async function waitForRun(page: Page, before: number): Promise<void> {
  await page.waitForFunction((n) => {
    const main = document.querySelector("main[data-runs]");
    return !!main && Number(main.getAttribute("data-runs")) > n && !main.hasAttribute("data-busy");
  }, before, { timeout: 60000 });
}

/** Presses 検証 and waits for the check to finish. */
export async function validate(page: Page, name: RegExp | string = "検証"): Promise<void> {
  const before = await runs(page);
  await (await validateButton(page, name)).click();
  await waitForRun(page, before);
}

/** The counts shown at the top of the pane. */
export async function shownCounts(page: Page): Promise<Record<"error" | "warning" | "info", number>> {
  const get = async (s: string) => Number(await page.getByTestId(`count-${s}`).getAttribute("data-count"));
  return { error: await get("error"), warning: await get("warning"), info: await get("info") };
}

/** Counts by severity, as the pane shows them. */
export const sevCounts = (fs: readonly { severity: string }[]): Record<"error" | "warning" | "info", number> => ({
  error: fs.filter((f) => f.severity === "error").length,
  warning: fs.filter((f) => f.severity === "warning").length,
  info: fs.filter((f) => f.severity === "info").length,
});

/** Every finding shown in the 指摘 view, as `sheet|cell|rule`. */
export function shownFindings(page: Page): Promise<string[]> {
  return page.$$eval("[data-testid=finding-list] button[data-finding-index]", (bs) =>
    bs.map((b) => `${(b.closest("section[data-sheet]") as HTMLElement).dataset.sheet}|${(b as HTMLElement).dataset.cell}|${(b as HTMLElement).dataset.rule}`),
  );
}

/** A cell of the demo's side grid. */
/**
 * A cell of the demo's side grid. With `sheet`, of that sheet only: choosing a finding switches the grid to its sheet
 * a moment later, and until then the cell of the same address on the sheet shown before would be read.
 */
export function gridCell(page: Page, a1: string, sheet?: string) {
  return page.locator(`table[data-sheet${sheet === undefined ? "" : `="${sheet}"`}] td[data-cell="${a1}"]`);
}

/** Shows a sheet in the demo's side grid. */
export async function showSheet(page: Page, sheet: string): Promise<void> {
  await page.getByLabel("表示するシート").selectOption(sheet);
  await page.locator(`table[data-sheet="${sheet}"]`).waitFor();
}

/** The sheets the demo's grid offers (its sheet tabs: the add-in's very hidden settings sheet is not one). */
export function demoSheetNames(page: Page): Promise<string[]> {
  return page.getByLabel("表示するシート").locator("option").allTextContents();
}

/** Opens a workbook in the demo through its file input (「ファイルを開く」), as a user would. */
export async function openInDemo(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.getByTestId("file-input").setInputFiles({ name, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bytes });
  await page.getByTestId("file-name").filter({ hasText: name }).waitFor();
  await validateButton(page);
}

/**
 * The set-up every browser test file shares: a server and a browser for the file's tests, and an axe check that
 * logs each view's result (printed after the file) and fails on a serious or critical violation.
 */
export function useEnv(axeTitle: string): { env: () => Env; axeClean: (page: Page, view: string) => Promise<void> } {
  let env: Env | undefined;
  const axeLog: string[] = [];
  beforeAll(async () => {
    env = await startEnv();
  });
  afterAll(async () => {
    await stopEnv(env);
    console.log(`${axeTitle} (serious/critical must be none):\n${axeLog.join("\n")}`);
  });
  return {
    env: () => env!,
    async axeClean(page, view) {
      const v = await runAxe(page);
      axeLog.push(`  ${view}: ${v.length ? v.map((x) => `${x.id} (${x.impact}, ${x.nodes} nodes)`).join(", ") : "no violations"}`);
      expect(serious(v)).toEqual([]);
    },
  };
}
