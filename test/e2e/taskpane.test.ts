/**
 * @jest-environment node
 *
 * The Excel task pane page (dist/taskpane.html) in headless Chromium. Office.js is replaced by a stand-in over
 * the strict Excel fake (test/fakes), so the page runs with the real Office.js adapter: the same counts as the
 * CLI, selection in "Excel", fixes and the 変更履歴 log, requirement sets. Also: the page outside Office, and the
 * static message for webviews that cannot run the app.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { build } from "esbuild";
import ExcelJS from "exceljs";
import type { Page, Route } from "playwright-core";
import type { FakeOfficeConfig } from "./fake-office/office-stub";
import {
  cliFindings,
  type Env,
  firstRenderMs,
  openPage,
  PANE_VIEWPORT,
  runAxe,
  runs,
  screenshot,
  SEED,
  serious,
  shownCounts,
  startEnv,
  stopEnv,
  validate,
  validateButton,
  waitForRun,
} from "./browser";
import { sampleWithCodeVariant } from "./samples";

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

let env: Env;
let stub: string;
beforeAll(async () => {
  env = await startEnv();
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), "chosahyo-office-stub-")), "office.js");
  await build({
    entryPoints: [path.join(__dirname, "fake-office", "office-stub.ts")],
    outfile: out,
    bundle: true,
    platform: "browser",
    format: "iife",
    target: "es2020",
    logLevel: "warning",
  });
  stub = readFileSync(out, "utf8");
});
afterAll(async () => {
  await stopEnv(env);
});

const axeLog: string[] = [];
afterAll(() => {
  console.log(`axe, taskpane.html (serious/critical must be none):\n${axeLog.join("\n")}`);
});

async function axeClean(page: Page, view: string): Promise<void> {
  const v = await runAxe(page);
  axeLog.push(`  ${view}: ${v.length ? v.map((x) => `${x.id} (${x.impact}, ${x.nodes} nodes)`).join(", ") : "no violations"}`);
  expect(serious(v)).toEqual([]);
}

const sevCounts = (fs: readonly { severity: string }[]) => ({
  error: fs.filter((f) => f.severity === "error").length,
  warning: fs.filter((f) => f.severity === "warning").length,
  info: fs.filter((f) => f.severity === "info").length,
});

/** taskpane.html with office.js served by the stand-in over a fake Excel holding `xlsx`. */
async function openInFakeExcel(xlsx: Uint8Array, options: Omit<FakeOfficeConfig, "xlsxBase64"> = {}) {
  const w = await openPage(env, { viewport: PANE_VIEWPORT });
  const config: FakeOfficeConfig = { xlsxBase64: Buffer.from(xlsx).toString("base64"), ...options };
  await w.page.addInitScript((c) => {
    (window as unknown as { __fakeOfficeConfig: unknown }).__fakeOfficeConfig = c;
  }, config);
  await w.page.route(OFFICE_JS, (route: Route) => route.fulfill({ status: 200, contentType: "text/javascript", body: stub }));
  await w.page.goto(`${env.url}/taskpane.html`);
  return w;
}

const fakeSelection = (page: Page) =>
  page.evaluate(() => (window as unknown as { __fakeExcel: { book: { selection?: { sheet: string; address: string } } } }).__fakeExcel.book.selection);
const fakeSyncs = (page: Page) => page.evaluate(() => (window as unknown as { __fakeExcel: { syncCount: number } }).__fakeExcel.syncCount);

/** The fake workbook as .xlsx, opened with ExcelJS here. */
async function fakeWorkbook(page: Page): Promise<ExcelJS.Workbook> {
  const b64 = await page.evaluate(async () => {
    const bytes: Uint8Array = await (window as unknown as { __fakeExcel: { book: { toXlsx(): Promise<Uint8Array> } } }).__fakeExcel.book.toXlsx();
    let s = "";
    for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return btoa(s);
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(b64, "base64") as unknown as ArrayBuffer);
  return wb;
}

test("Excel の中で: 検証の件数が CLI と一致し、指摘を選ぶと Excel のセルが選ばれ、修正は変更履歴に残る", async () => {
  const variant = await sampleWithCodeVariant();
  const cli = cliFindings(variant.file);
  const { page, context, problems } = await openInFakeExcel(variant.bytes);
  const ms = await firstRenderMs(page);
  const officeReady = await page.evaluate(() => (window as unknown as { __fakeOfficeReadyAt?: number }).__fakeOfficeReadyAt ?? 0);
  console.log(
    `first render, taskpane.html in the fake Excel: ${ms.toFixed(0)} ms from navigation start to the pane mounted (data-ready), ` +
      `of which ${officeReady.toFixed(0)} ms until the stand-in's Office.onReady resolved (it loads ExcelJS and the workbook first); ` +
      `${(ms - officeReady).toFixed(0)} ms after Office.onReady`,
  );
  expect(await page.locator("main[data-host='excel']").count()).toBe(1);
  expect(await page.getByTestId("requirements").count()).toBe(0);

  const before = await fakeSyncs(page);
  await validate(page);
  const syncs = (await fakeSyncs(page)) - before;
  console.log(`validation of ${59} sheets in the fake Excel: ${syncs} context.sync() calls`);
  expect(await shownCounts(page)).toEqual(sevCounts(cli));
  const shown = await page.$$eval("[data-testid=finding-list] button[data-finding-index]", (bs) =>
    bs.map((b) => `${(b.closest("section[data-sheet]") as HTMLElement).dataset.sheet}|${(b as HTMLElement).dataset.cell}|${(b as HTMLElement).dataset.rule}`),
  );
  expect(shown.sort()).toEqual(cli.map((f) => `${f.sheet}|${f.cell}|${f.ruleId}`).sort());
  await screenshot(page, "13-taskpane-excel.png");
  await axeClean(page, "findings in Excel");

  // Selecting a finding selects its cell in Excel.
  await page.getByLabel("規則で絞り込む").selectOption("CODE-VARIANT");
  await page.locator("button[data-rule='CODE-VARIANT']").click();
  await page.waitForFunction(() => !!(window as unknown as { __fakeExcel: { book: { selection?: unknown } } }).__fakeExcel.book.selection);
  expect(await fakeSelection(page)).toEqual({ sheet: "No.1", address: variant.cell });
  expect(await page.getByTestId("edit").innerText()).toBe(`${variant.cell}: ${variant.before} → ${variant.after}`);

  // Apply: the cell changes in Excel, and 変更履歴 gets the row.
  const n = await runs(page);
  await page.getByRole("button", { name: "この修正を適用" }).click();
  await waitForRun(page, n);
  expect(await page.getByTestId("notice").innerText()).toContain("1 セルを修正し");
  expect(await page.locator("button[data-rule='CODE-VARIANT']").count()).toBe(0);
  const wb = await fakeWorkbook(page);
  expect(wb.getWorksheet("No.1")!.getCell(variant.cell).text).toBe(variant.after);
  const log = wb.getWorksheet("変更履歴")!;
  expect([1, 2, 3, 4, 5, 6].map((c) => log.getRow(1).getCell(c).text)).toEqual(["日時", "シート", "セル", "変更前", "変更後", "規則"]);
  const row = [1, 2, 3, 4, 5, 6].map((c) => log.getRow(2).getCell(c).text);
  expect(row.slice(1)).toEqual(["No.1", variant.cell, variant.before, variant.after, "CODE-VARIANT"]);
  expect(row[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  expect(problems).toEqual([]);
  await context.close();
});

test("Excel の表示言語が英語なら英語で表示する", async () => {
  const { page, context, problems } = await openInFakeExcel(readFileSync(SEED), { displayLanguage: "en-US" });
  await page.getByRole("heading", { level: 1, name: "Chosahyo Checker" }).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
  await validateButton(page, "Validate");
  expect(problems).toEqual([]);
  await context.close();
});

test("古い Excel では足りない機能を名前で示し、動かせるものだけを動かす", async () => {
  // ExcelApi 1.12: no merged areas (1.13), still checks.
  const older = await openInFakeExcel(readFileSync(SEED), { apiVersion: "1.12" });
  const bar = older.page.getByTestId("requirements");
  await bar.waitFor();
  expect(await bar.innerText()).toContain("この機能には Excel の新しいバージョンが必要です");
  expect(await bar.innerText()).toContain("結合セルの読み取り（ExcelApi 1.13）");
  await validate(older.page);
  // Without merged areas the results may be wrong on merged layouts: the pane says so next to them.
  expect(await older.page.getByTestId("limitations").innerText()).toContain("結合セルを読み取れない");
  await screenshot(older.page, "14-taskpane-older-excel.png");
  await axeClean(older.page, "older Excel (optional features missing)");
  expect(older.problems).toEqual([]);
  await older.context.close();

  // ExcelApi 1.6: cannot read the workbook the way the checker needs; the button stays off.
  const old = await openInFakeExcel(readFileSync(SEED), { apiVersion: "1.6" });
  await old.page.getByTestId("requirements").waitFor();
  expect(await old.page.getByTestId("requirements").innerText()).toContain("ブックの読み取り（ExcelApi 1.7）");
  expect(await old.page.getByRole("button", { name: "検証", exact: true }).isDisabled()).toBe(true);
  await screenshot(old.page, "15-taskpane-old-excel.png");
  await old.context.close();
});

test("Excel の外で開くと、そう伝えてブラウザー版へ案内する（Office.js が読めない場合も）", async () => {
  // Office.js unreachable (offline, blocked): the CDN request fails.
  const offline = await openPage(env, { viewport: PANE_VIEWPORT });
  await offline.page.route(OFFICE_JS, (route) => route.abort("internetdisconnected"));
  await offline.page.goto(`${env.url}/taskpane.html`);
  const ms = await firstRenderMs(offline.page);
  console.log(`first render, taskpane.html without Office.js (navigation start → data-ready): ${ms.toFixed(0)} ms`);
  await offline.page.getByTestId("outside-excel").waitFor();
  expect(await offline.page.getByTestId("outside-excel").innerText()).toContain("Office.js を読み込めなかった");
  expect(await offline.page.getByRole("link", { name: "ブラウザー版チェッカーを開く" }).getAttribute("href")).toBe("demo.html");
  expect(await offline.page.locator("#unsupported").count()).toBe(0);
  await screenshot(offline.page, "16-taskpane-outside-office.png");
  await axeClean(offline.page, "outside Office");
  expect(offline.problems.filter((p) => !p.includes("appsforoffice.microsoft.com"))).toEqual([]);
  await offline.context.close();

  // Office.js loaded, but no Office host (a plain browser tab).
  const plain = await openInFakeExcel(new Uint8Array(), { host: null });
  await plain.page.getByTestId("outside-excel").waitFor();
  expect(await plain.page.getByTestId("outside-excel").innerText()).toContain("Excel のアドインとして開くページです");
  expect(plain.problems).toEqual([]);
  await plain.context.close();
});

test("Office.js の CDN に届かない（要求に応答がない閉域網）ときも、画面は空白のままにならず、5 秒以内に「読み込めなかった」と伝える", async () => {
  const hung = await openPage(env, { viewport: PANE_VIEWPORT });
  // Every request to the CDN's origin is left unanswered, as a network that drops the packets leaves it.
  await hung.page.route(`${new URL(OFFICE_JS).origin}/**`, () => undefined);
  const started = Date.now();
  // DOMContentLoaded: the load event would wait for office.js, which never comes.
  await hung.page.goto(`${env.url}/taskpane.html`, { waitUntil: "domcontentloaded" });
  const message = hung.page.getByTestId("outside-excel");
  await message.waitFor({ timeout: 5000 });
  const ms = Date.now() - started;
  console.log(`taskpane.html with the Office.js CDN not answering: the message after ${ms} ms`);
  expect(ms).toBeLessThan(5000);
  expect(await message.getAttribute("data-reason")).toBe("no-office-js");
  expect(await message.innerText()).toContain("Office.js を読み込めなかった");
  expect(await hung.page.locator("#unsupported").count()).toBe(0);
  await screenshot(hung.page, "31-taskpane-cdn-unreachable.png");
  await axeClean(hung.page, "Office.js CDN unreachable");
  await hung.context.close();
});

test("アプリが動かない環境（JavaScript なし、古い webview）では、静的な案内が日本語と英語で表示される", async () => {
  // No JavaScript at all: the message is there from the start.
  const nojs = await openPage(env, { viewport: PANE_VIEWPORT, javaScriptEnabled: false });
  await nojs.page.route(OFFICE_JS, (route) => route.abort());
  await nojs.page.goto(`${env.url}/taskpane.html`);
  const message = nojs.page.locator("#unsupported");
  expect(await message.isVisible()).toBe(true);
  expect(await message.innerText()).toContain("調査票チェッカーを表示できません");
  expect(await message.innerText()).toContain("Internet Explorer");
  expect(await message.innerText()).toContain("Chosahyo Checker cannot be shown here");
  await screenshot(nojs.page, "17-taskpane-fallback.png");
  await nojs.context.close();

  // A webview whose engine cannot run the bundle (simulated: the bundle throws a SyntaxError): the message comes back.
  const old = await openPage(env, { viewport: PANE_VIEWPORT });
  await old.page.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: "" }));
  await old.page.route(/\/taskpane\.[0-9a-f]+\.js$/, (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: "const x = ?.;" }));
  await old.page.goto(`${env.url}/taskpane.html`);
  await old.page.locator("#unsupported").waitFor({ state: "visible", timeout: 5000 });
  expect(await old.page.locator("html[data-ready]").count()).toBe(0);
  await axeClean(old.page, "static fallback message");
  await old.context.close();

  // While a working page loads, the message is hidden (no flash of "cannot be shown").
  const ok = await openPage(env, { viewport: PANE_VIEWPORT });
  await ok.page.route(OFFICE_JS, (route) => route.abort());
  await ok.page.goto(`${env.url}/demo.html`, { waitUntil: "commit" });
  await ok.page.waitForSelector("#container", { state: "attached" });
  const hiddenOrGone = await ok.page.evaluate(() => {
    const el = document.getElementById("unsupported");
    return !el || getComputedStyle(el).display === "none";
  });
  expect(hiddenOrGone).toBe(true);
  await ok.context.close();
});
