/**
 * @jest-environment node
 *
 * 年度更新 in the browser demo (dist/demo.html) on the built-in sample seeds/kodaira-h29.xlsx: the 年度 tab makes next
 * year's workbook, the page downloads it and offers to open it here; opened, its No.1 shows 平成30年度末 and empty
 * ratings. Screenshots of No.1 before and after (test/e2e/screenshots/rollover-*.png) are for a person to compare.
 */
import { readFileSync } from "node:fs";
import { unzipSync } from "fflate";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { validateWorkbook } from "../../src/core/validate";
import { parseA1 } from "../../src/core/model/address";
import { checkBook } from "../../src/workbook/xlsx/collect";
import { splitBook } from "../../src/workbook/xlsx/split";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { inputCellsOf, seedRecords } from "../cycle/collect-fixtures";
import { gridCell, openPage, ROOT, SEED, screenshot, showSheet, validate, validateButton, useEnv, WIDE_VIEWPORT } from "./browser";

const shared = useEnv("axe, 年度");
const env = shared.env;

test("年度更新: 次年度のブックをダウンロードし、ここで開くと No.1 は平成30年度末で評価は空（前後のスクリーンショット）", async () => {
  const { page, context, problems } = await openPage(env(), { viewport: WIDE_VIEWPORT, acceptDownloads: true });
  await page.goto(`${env().url}/demo.html`);
  await validateButton(page);
  await showSheet(page, "No.1");
  expect(await gridCell(page, "A1").innerText()).toBe("第3次行財政再構築進捗状況調査票（平成29年度末）");
  expect(await gridCell(page, "F12").innerText()).toBe("B");
  await screenshot(page, "rollover-before.png");

  await page.getByRole("tab", { name: "年度" }).click();
  await shared.axeClean(page, "年度 tab");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "次年度の調査票を作る" }).click();
  await page.getByTestId("cycle-notice").filter({ hasText: "平成29年度の調査票から平成30年度の調査票を作りました。" }).waitFor({ timeout: 60_000 });
  const file = await download;
  expect(file.suggestedFilename()).toBe("kodaira-h29_平成30年度.xlsx");
  const saved = await file.path();
  const rep = validateWorkbook(await (await XlsxWorkbook.load(readFileSync(saved!))).readAll(), { profiles: BUILT_IN_PROFILES });
  expect(rep.fiscalYear).toBe(2018);
  expect(await page.getByTestId("cycle-lines").innerText()).toContain("変更したセル 712");
  await screenshot(page, "rollover-pane.png");

  await page.getByTestId("demo-message-action").click();
  await page.getByTestId("file-name").filter({ hasText: "kodaira-h29_平成30年度.xlsx" }).waitFor();
  await validateButton(page);
  await showSheet(page, "No.1");
  expect(await gridCell(page, "A1").innerText()).toBe("第3次行財政再構築進捗状況調査票（平成30年度末）");
  expect(await gridCell(page, "A11").innerText()).toBe("平成30年度 当初予定(P)");
  expect(await gridCell(page, "F12").innerText()).toBe("");
  await screenshot(page, "rollover-after.png");
  expect(problems).toEqual([]);
  await context.close();
});

test("新しい計画: 取組の一覧（CSV）と計画期間から作ったブックをダウンロードする（評価一覧と調査票 41 枚、入力支援つき）", async () => {
  const { page, context, problems } = await openPage(env(), { viewport: WIDE_VIEWPORT, acceptDownloads: true });
  await page.goto(`${env().url}/demo.html`);
  await validateButton(page);
  await page.getByRole("tab", { name: "年度" }).click();
  await page.getByTestId("new-plan-file").setInputFiles({ name: "plan-items.csv", mimeType: "text/csv", buffer: readFileSync(`${ROOT}/seeds/data/kodaira/plan-items.csv`) });
  await page.getByText("選んだファイル: plan-items.csv").waitFor();
  await page.getByRole("textbox", { name: /計画期間/ }).fill("平成29〜32");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "新しい計画のブックを作る" }).click();
  await page.getByTestId("cycle-notice").filter({ hasText: "一覧の 43 項目から、評価一覧と調査票 41 枚の新しいブックを作りました" }).waitFor({ timeout: 60_000 });
  const file = await download;
  expect(file.suggestedFilename()).toBe("調査票_平成29年度〜令和2年度.xlsx");
  const rep = validateWorkbook(await (await XlsxWorkbook.load(readFileSync((await file.path())!))).readAll(), { profiles: BUILT_IN_PROFILES });
  expect(rep.records.filter((r) => r.layoutId === "survey").length).toBe(41);
  expect(await page.getByTestId("cycle-lines").innerText()).toContain("入力支援を 42 シートに設定しました");
  await screenshot(page, "new-plan-pane.png");
  expect(problems).toEqual([]);
  await context.close();
});

test("配布: 課ごとのブック 27 冊を 1 つの ZIP でダウンロードし、ペインに課ごとのファイルと残したシートを示す（スクリーンショット）", async () => {
  const { page, context, problems } = await openPage(env(), { viewport: WIDE_VIEWPORT, acceptDownloads: true });
  await page.goto(`${env().url}/demo.html`);
  await validateButton(page);
  await page.getByRole("tab", { name: "年度" }).click();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "課ごとのブックを作る" }).click();
  await page.getByTestId("distribute-notice").filter({ hasText: "27 課のブックを作り、「調査票_配布_27課.zip」にまとめてダウンロードしました。" }).waitFor({ timeout: 60_000 });
  const file = await download;
  expect(file.suggestedFilename()).toBe("調査票_配布_27課.zip");
  const entries = unzipSync(new Uint8Array(readFileSync((await file.path())!)));
  expect(Object.keys(entries)).toHaveLength(27);
  const finance = await XlsxWorkbook.load(entries["財政課.xlsx"], "財政課.xlsx");
  expect(finance.sheetNames()).toEqual(["No.15", "No.16", "No.17", "No.18", "No.20", "No.25"]);
  // The page offers no "open here" for a ZIP, and the open workbook is still the sample.
  await page.getByTestId("demo-message").filter({ hasText: "「調査票_配布_27課.zip」をダウンロードしました" }).waitFor();
  expect(await page.getByTestId("demo-message-action").count()).toBe(0);
  expect(await page.getByTestId("distribute-files").locator("li").count()).toBe(27);
  expect(await page.getByTestId("distribute-files").innerText()).toContain("財政課.xlsx: 6 シート（No.15、No.16、No.17、No.18、No.20、No.25）");
  expect(await page.getByTestId("distribute-result").innerText()).toContain("配布しないシート: 評価一覧");
  await shared.axeClean(page, "年度 tab: 配布 result");
  // The list's head (the notice above it, the first files) in view, not its middle.
  await page.getByTestId("distribute-notice").evaluate((e) => e.scrollIntoView({ block: "start" }));
  await screenshot(page, "distribute-pane.png");
  expect(problems).toEqual([]);
  await context.close();
});

test("回収: 政策課のファイル（1次評価を 1 か所書き換え）を選ぶと確認を示し、取り込むとグリッドのそのセルが変わり、検証のあと集計に提出状況が出る（スクリーンショット）", async () => {
  const { bytes, sheet, cell, value } = await policyFile();

  const { page, context, problems } = await openPage(env(), { viewport: WIDE_VIEWPORT });
  await page.goto(`${env().url}/demo.html`);
  await validateButton(page);
  await page.getByRole("tab", { name: "年度" }).click();
  await page.getByTestId("collect-files").setInputFiles({ name: "政策課.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bytes });
  const preview = page.getByTestId("collect-preview");
  await preview.waitFor({ timeout: 60_000 });
  const text = await page.getByTestId("collect-file").innerText();
  expect(text).toContain("課: 政策課");
  expect(text).toContain("変更された入力欄: 1 セル");
  expect(text).toContain(`置き換えるシート: ${sheet}`);
  await page.getByRole("button", { name: "取り込む" }).scrollIntoViewIfNeeded();
  await shared.axeClean(page, "年度 tab: 回収 preview");
  await screenshot(page, "collect-preview.png");

  await page.getByRole("button", { name: "取り込む" }).click();
  await page.getByTestId("collect-notice").filter({ hasText: "1 件のファイルを取り込みました（置き換えたシート 1 枚、変わったセル 1）: 政策課.xlsx" }).waitFor({ timeout: 60_000 });
  await showSheet(page, sheet);
  expect(await gridCell(page, cell).innerText()).toBe(value);

  await validate(page);
  await page.getByRole("tab", { name: "集計" }).click();
  const offered = page.getByTestId("summaries").locator("input[type=checkbox][data-summary=提出状況]");
  await offered.waitFor();
  await offered.scrollIntoViewIfNeeded();
  await screenshot(page, "submissions.png");
  expect(problems).toEqual([]);
  await context.close();
});

test("回収: 様式を変えた 政策課 のファイルは保留; 入力欄だけ取り込むを選ぶと確認が変わり、取り込むとその入力欄だけが変わる（スクリーンショット）", async () => {
  const { bytes, sheet, cell, value, title } = await policyFile([{ cell: "A1", value: "課で書き換えた見出し" }]);

  const { page, context, problems } = await openPage(env(), { viewport: WIDE_VIEWPORT });
  await page.goto(`${env().url}/demo.html`);
  await validateButton(page);
  await page.getByRole("tab", { name: "年度" }).click();
  await page.getByTestId("collect-files").setInputFiles({ name: "政策課.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bytes });
  await page.getByTestId("collect-preview").waitFor({ timeout: 60_000 });
  expect(await page.getByTestId("collect-file").innerText()).toContain("様式が変わっているため、このファイルは取り込みません。");
  expect(await page.getByRole("button", { name: "取り込む", exact: true }).isDisabled()).toBe(true);

  await page.getByRole("button", { name: "様式の変更は取り込まず、入力欄だけ取り込む" }).click();
  await page.getByRole("button", { name: "様式の変更を認めない（このファイルは取り込まない）" }).waitFor({ timeout: 60_000 });
  const text = await page.getByTestId("collect-file").innerText();
  expect(text).toContain("様式の変更を認めました。");
  expect(text).toContain(`入力欄だけを書き込むシート: ${sheet}（1 セル）`);
  await page.getByRole("button", { name: "取り込む", exact: true }).scrollIntoViewIfNeeded();
  await shared.axeClean(page, "年度 tab: 回収 preview, form changes accepted");
  await screenshot(page, "collect-accepted.png");

  await page.getByRole("button", { name: "取り込む", exact: true }).click();
  await page.getByTestId("collect-notice").filter({ hasText: "1 件のファイルを取り込みました（置き換えたシート 0 枚、変わったセル 1）: 政策課.xlsx" }).waitFor({ timeout: 60_000 });
  await showSheet(page, sheet);
  expect(await gridCell(page, cell).innerText()).toBe(value);
  expect(await gridCell(page, "A1").innerText()).toBe(title);
  expect(problems).toEqual([]);
  await context.close();
});

/**
 * 政策課's workbook as 配布 makes it, with the 1次評価 of its first sheet changed (to a rating other than the sample's,
 * so the cell changes) and any `more` cells of that sheet set; the sheet's title (A1) in the master.
 */
async function policyFile(more: readonly { cell: string; value: string }[] = []) {
  const master = await XlsxWorkbook.load(readFileSync(SEED), "kodaira-h29.xlsx");
  const split = await splitBook(master, (await checkBook(master, BUILT_IN_PROFILES)).report, { profiles: BUILT_IN_PROFILES });
  if (!split.ok) throw new Error("split refused");
  const returned = split.books.find((b) => b.department === "政策課")!;
  const sheet = returned.sheets[0];
  const cell = inputCellsOf(await seedRecords(), sheet).eval1;
  const dep = await XlsxWorkbook.load(returned.bytes, "政策課.xlsx");
  const value = gridValue(master, sheet, cell) === "S" ? "A" : "S";
  dep.setCells([{ sheet, cell, value }, ...more.map((m) => ({ sheet, ...m }))]);
  return { bytes: Buffer.from(await dep.toBytes()), sheet, cell, value, title: gridValue(master, sheet, "A1") };
}

/** A cell's value in a loaded workbook, as text. */
function gridValue(book: XlsxWorkbook, sheet: string, a1: string): string {
  const g = book.sheetGrid(sheet)!;
  const at = parseA1(a1)!;
  return String(g.rows[at.row - g.top]?.[at.col - g.left] ?? "");
}
