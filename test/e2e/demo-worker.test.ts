/**
 * @jest-environment node
 *
 * The browser demo holds its workbook in a Web Worker: the page stays responsive while a big workbook is read,
 * opening shows the sheets read so far and can be stopped (the open workbook stays), fixes and the download go
 * through the worker, file:// works, and without workers the same code runs on the page.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { DIST, gridCell, openPage, runs, showSheet, validate, validateButton, waitForRun, useEnv, WIDE_VIEWPORT } from "./browser";

const { env, axeClean } = useEnv("axe (demo worker)");

const BIG_SHEETS = 500;
const BIG_NAME = "大きいブック.xlsx";
/** The longest wait of the page's timer while the worker read the big workbook (the first test), for the last test. */
let workerGap = 50;
let big: Buffer;

/** 500 sheets of 100 rows × 8 columns of text: a few seconds of reading, long enough to watch and to stop. */
async function bigWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (let s = 1; s <= BIG_SHEETS; s++) {
    const ws = wb.addWorksheet(`S${s}`);
    for (let r = 1; r <= 100; r++) {
      const row = ws.getRow(r);
      for (let c = 1; c <= 8; c++) row.getCell(c).value = `取組 ${s}-${r}-${c} の内容`;
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  big = await bigWorkbook();
});

async function openDemo(url = `${env().url}/demo.html`, init?: (page: Page) => Promise<void>) {
  const w = await openPage(env(), { viewport: WIDE_VIEWPORT });
  if (init) await init(w.page);
  await w.page.goto(url);
  await validateButton(w.page);
  return w;
}

const mode = (page: Page) => page.evaluate(() => window.__chosahyoDemo?.mode());

/** Starts a timer on the page that notes when it ran, and notes each change of the open progress's text. */
async function watchMainThread(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __ticks: number[]; __marks: [number, string | null][] };
    w.__ticks = [];
    w.__marks = [];
    const tick = () => {
      w.__ticks.push(performance.now());
      setTimeout(tick, 10);
    };
    tick();
    new MutationObserver(() => {
      const text = document.querySelector("[data-testid=open-progress]")?.textContent ?? null;
      if (w.__marks.at(-1)?.[1] !== text) w.__marks.push([performance.now(), text]);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

/**
 * The longest the page's timer waited (ms) while sheets were being counted ("reading") or from the file's choice
 * until the progress went ("all"), with that span and how many times the timer ran in it.
 */
async function longestGap(page: Page, span: "reading" | "all"): Promise<{ gap: number; span: number; ticks: number }> {
  return page.evaluate((which) => {
    const w = window as unknown as { __ticks: number[]; __marks: [number, string | null][] };
    const reading = w.__marks.filter(([, t]) => t && /シート \d+ \/ \d+/.test(t));
    const from = which === "reading" ? reading[0]?.[0] ?? 0 : w.__marks[0]?.[0] ?? 0;
    const to = which === "reading" ? reading.at(-1)?.[0] ?? 0 : w.__marks.at(-1)?.[0] ?? 0;
    let gap = 0;
    let ticks = 0;
    for (let i = 1; i < w.__ticks.length; i++) {
      const [a, b] = [w.__ticks[i - 1], w.__ticks[i]];
      if (b < from || a > to) continue;
      ticks++;
      gap = Math.max(gap, b - a);
    }
    return { gap, span: to - from, ticks };
  }, span);
}

function chooseFile(page: Page, name: string, buffer: Buffer) {
  return page.getByTestId("file-input").setInputFiles({ name, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer });
}

test("大きいブックはワーカーで読み込まれ、読み込み中もページは反応し、シート数の進み具合が表示される", async () => {
  const { page, context, problems } = await openDemo();
  expect(await mode(page)).toBe("worker");
  await watchMainThread(page);
  await chooseFile(page, BIG_NAME, big);
  const progress = page.getByTestId("open-progress");
  await progress.getByText(`「${BIG_NAME}」を読み込んでいます`).waitFor();
  await progress.getByText(new RegExp(`^シート \\d+ / ${BIG_SHEETS}$`)).waitFor();
  // No axe run here: it would hold the page's thread and spoil the measure (see the cancel test).
  expect(await page.getByRole("progressbar", { name: `「${BIG_NAME}」を読み込んでいます` }).count()).toBe(1);
  await page.getByTestId("file-name").filter({ hasText: BIG_NAME }).waitFor({ timeout: 60000 });
  await validateButton(page);
  expect(await progress.count()).toBe(0);
  expect(await mode(page)).toBe("worker");
  // The grid lists the new workbook's sheets.
  expect(await page.getByLabel("表示するシート").locator("option").count()).toBe(BIG_SHEETS);
  const { gap, span, ticks } = await longestGap(page, "reading");
  console.log(`worker: ${BIG_SHEETS} sheets read over ${span.toFixed(0)} ms; the page's 10 ms timer ran ${ticks} times, longest wait ${gap.toFixed(0)} ms`);
  expect(span).toBeGreaterThan(300); // long enough for the measure to mean something
  expect(gap).toBeLessThan(400); // on the page itself the open blocks far longer (the last test)
  workerGap = gap;
  expect(problems).toEqual([]);
  await context.close();
});

test("読み込み中に「中止」を押すと読み込みは止まり、開いていたブックのまま修正もダウンロードもできる", async () => {
  const { page, context, problems } = await openDemo();
  await chooseFile(page, BIG_NAME, big);
  const progress = page.getByTestId("open-progress");
  await progress.getByText(new RegExp(`^シート \\d+ / ${BIG_SHEETS}$`)).waitFor();
  await progress.getByRole("button", { name: "中止" }).click();
  await page.getByText(`「${BIG_NAME}」を開くのを中止しました。開いていたブック（kodaira-h29.xlsx）をそのまま使えます。`).waitFor();
  expect(await progress.count()).toBe(0);
  await axeClean(page, "an open cancelled");
  // Focus goes back to the button that opens a file.
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("ファイルを開く");
  // The cancelled read never replaces the workbook, even after it would have finished.
  await page.waitForTimeout(3000);
  expect(await page.getByTestId("file-name").innerText()).toContain("kodaira-h29.xlsx");
  expect(await page.getByLabel("表示するシート").locator("option").count()).toBeLessThan(BIG_SHEETS);

  // The sample is still there and works: check, fix one HTML residue, download.
  await validate(page);
  await page.getByLabel("規則で絞り込む").selectOption("TEXT-HTML");
  const item = page.locator("button[data-rule='TEXT-HTML']").first();
  const sheet = await item.evaluate((b) => (b.closest("section[data-sheet]") as HTMLElement).dataset.sheet!);
  const cell = (await item.getAttribute("data-cell"))!;
  await item.click();
  const before = await runs(page);
  await page.getByRole("button", { name: "この修正を適用" }).click();
  await waitForRun(page, before);
  await showSheet(page, sheet);
  const fixed = await gridCell(page, cell).innerText();
  expect(fixed).not.toMatch(/<\/?[a-z]+>/i);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "ダウンロード" }).click()]);
  const saved = new ExcelJS.Workbook();
  await saved.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
  expect(saved.getWorksheet(sheet)!.getCell(cell).text.trim()).toBe(fixed.trim());
  const log = saved.getWorksheet("変更履歴")!;
  expect(log.getRow(1).values).toEqual([undefined, "日時", "シート", "セル", "変更前", "変更後", "規則"]);
  const row = log.getRow(2).values as unknown[];
  expect(row.slice(2, 4)).toEqual([sheet, cell]);
  expect(row[6]).toBe("TEXT-HTML");
  expect(String(row[5]).trim()).toBe(fixed.trim());
  expect(problems).toEqual([]);
  await context.close();
});

test("開けないファイルの理由は、ワーカーからでもカタログの文言で表示される", async () => {
  const { page, context, problems } = await openDemo();
  await chooseFile(page, "壊れた.xlsx", Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(200, 7)]));
  const message = page.getByTestId("demo-message");
  await message.waitFor();
  // A catalogue message, never the raw error code or an internal error.
  expect(await message.innerText()).not.toMatch(/corrupt|WorkbookError|内部エラー/);
  expect(await page.getByTestId("file-name").innerText()).toContain("kodaira-h29.xlsx");
  expect(problems).toEqual([]);
  await context.close();
});

test("file:// で開いてもワーカーで動く（Blob URL から起動）", async () => {
  const { page, context, problems } = await openDemo(pathToFileURL(path.join(DIST, "demo.html")).href);
  expect(await mode(page)).toBe("worker");
  await validate(page);
  expect(Number(await page.getByTestId("count-error").getAttribute("data-count"))).toBeGreaterThan(0);
  expect(problems).toEqual([]);
  await context.close();
});

test("ワーカーを使えないブラウザーでは同じ処理をページで行う（大きいブックを開く間はページが止まる）", async () => {
  const { page, context, problems } = await openDemo(undefined, (p) =>
    p
      .addInitScript(() => {
        Object.defineProperty(window, "Worker", { value: undefined });
      })
      .then(() => undefined),
  );
  expect(await mode(page)).toBe("main-thread");
  await validate(page);
  expect(Number(await page.getByTestId("count-error").getAttribute("data-count"))).toBeGreaterThan(0);
  // The measure of the first test tells the two apart: on the page, the read blocks the timer.
  await watchMainThread(page);
  await chooseFile(page, BIG_NAME, big);
  await page.getByTestId("file-name").filter({ hasText: BIG_NAME }).waitFor({ timeout: 60000 });
  const { gap } = await longestGap(page, "all");
  console.log(`main thread: the page's 10 ms timer waited up to ${gap.toFixed(0)} ms while ${BIG_SHEETS} sheets were read`);
  // Measured against the worker in the same run, not a fixed time: on the page the open blocks the timer several times
  // longer than in the worker. (The reader gives the event loop a turn between sheets, so the page is not frozen for
  // the whole read, only for its longest steps; how long those are depends on the machine.)
  expect(gap).toBeGreaterThan(Math.max(150, 3 * workerGap));
  expect(problems).toEqual([]);
  await context.close();
});
