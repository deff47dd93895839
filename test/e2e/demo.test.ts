/**
 * @jest-environment node
 *
 * The browser demo (dist/demo.html) in headless Chromium: the task pane over the ExcelJS adapter, with the side
 * grid. Counts are checked against the CLI's --json for the same file; fixes against the cell and 変更履歴.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import {
  cliFindings,
  countBy,
  DIST,
  firstRenderMs,
  gridCell,
  openPage,
  overflowing,
  PANE_VIEWPORT,
  runs,
  screenshot,
  SEED,
  sevCounts,
  showSheet,
  shownCounts,
  shownFindings,
  validate,
  validateButton,
  waitForRun,
  useEnv,
  WIDE_VIEWPORT,
} from "./browser";
import { sampleWithCodeVariant } from "./samples";

const shared = useEnv("axe");
const axeClean = shared.axeClean;
const env = shared.env;

async function openDemo(viewport = WIDE_VIEWPORT, query = "") {
  const w = await openPage(env(), { viewport });
  await w.page.goto(`${env().url}/demo.html${query}`);
  await validateButton(w.page);
  return w;
}

test("開くとすぐに日本語の作業ウィンドウが表示され、静的な案内は消える（初回描画の時間を記録）", async () => {
  const times: number[] = [];
  const { page, context, problems } = await openPage(env(), { viewport: PANE_VIEWPORT });
  for (let i = 0; i < 3; i++) {
    await page.goto(`${env().url}/demo.html`);
    times.push(await firstRenderMs(page));
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `first render, demo.html (navigation start → pane mounted, data-ready), 3 loads: ${times.map((t) => t.toFixed(0)).join(", ")} ms; median ${sorted[1].toFixed(0)} ms`,
  );
  expect(await page.getByRole("heading", { level: 1, name: "調査票チェッカー" }).isVisible()).toBe(true);
  expect(await page.locator("#unsupported").count()).toBe(0);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe("ja");
  await validateButton(page);
  await screenshot(page, "01-pane-start.png");
  await axeClean(page, "pane before validation");
  expect(problems).toEqual([]);
  await context.close();
});

test("検証すると、件数がシート別・重要度別に表示され、CLI の --json と一致する", async () => {
  const cli = cliFindings(SEED);
  const { page, context, problems } = await openDemo(PANE_VIEWPORT);
  await validate(page);
  const expected = sevCounts(cli);
  expect(await shownCounts(page)).toEqual(expected);
  expect(await page.getByTestId("count-error").innerText()).toBe(`エラー ${expected.error} 件`);
  expect(await page.getByTestId("count-warning").innerText()).toBe(`警告 ${expected.warning} 件`);
  expect(await page.getByRole("tab", { name: `指摘 (${cli.length})` }).isVisible()).toBe(true);
  // Every finding, sheet by sheet.
  const shown = await shownFindings(page);
  expect(shown.sort()).toEqual(cli.map((f) => `${f.sheet}|${f.cell}|${f.ruleId}`).sort());
  const perSheet = countBy(shown, (s) => s.split("|")[0]);
  expect(perSheet).toEqual(countBy(cli, (f) => f.sheet));
  // Cell text in messages is text: the TEXT-HTML messages show the tag.
  expect(await page.locator("button[data-rule='TEXT-HTML']").first().innerText()).toContain("<ul>");
  expect(await overflowing(page)).toEqual([]);
  await screenshot(page, "02-pane-findings.png");
  await axeClean(page, "findings");
  // Filter by severity and rule.
  await page.getByLabel("規則で絞り込む").selectOption("TEXT-HTML");
  expect(await page.locator("button[data-finding-index]").count()).toBe(cli.filter((f) => f.ruleId === "TEXT-HTML").length);
  await page.getByLabel("規則で絞り込む").selectOption("");
  await page.getByRole("checkbox", { name: /^警告/ }).uncheck();
  await page.getByRole("checkbox", { name: /^情報/ }).uncheck();
  expect(await page.locator("button[data-finding-index]").count()).toBe(expected.error);
  expect(problems).toEqual([]);
  await context.close();
});

test("指摘を選ぶと、横のグリッドとデモのポートでそのセルが選ばれる（キーボードでも）", async () => {
  const { page, context, problems } = await openDemo(WIDE_VIEWPORT);
  await validate(page);
  const first = page.locator("button[data-rule='TEXT-HTML']").first();
  const sheet = await first.evaluate((b) => (b.closest("section[data-sheet]") as HTMLElement).dataset.sheet!);
  const cell = (await first.getAttribute("data-cell"))!;
  await first.click();
  await page.locator(`table[data-sheet="${sheet}"] td[data-cell="${cell}"][data-selected="true"]`).waitFor();
  expect(await page.getByTestId("name-box").innerText()).toBe(`${sheet}!${cell}`);
  expect(await page.evaluate(() => window.__chosahyoDemo?.selection())).toEqual({ sheet, address: cell });
  expect(await first.getAttribute("aria-current")).toBe("true");
  await screenshot(page, "03-demo-select-cell.png");
  await axeClean(page, "demo with a selected cell");

  // ↓ moves to the next finding, Enter selects its cell; End and Home go to the ends of the list.
  await first.focus();
  await page.keyboard.press("ArrowDown");
  const next = page.locator("button[data-finding-index]:focus");
  const nextIndex = Number(await next.getAttribute("data-finding-index"));
  const firstIndex = Number(await first.getAttribute("data-finding-index"));
  expect(nextIndex).toBe(firstIndex + 1);
  const nextCell = (await next.getAttribute("data-cell"))!;
  const nextSheet = await next.evaluate((b) => (b.closest("section[data-sheet]") as HTMLElement).dataset.sheet!);
  await page.keyboard.press("Enter");
  await page.waitForFunction(
    ([s, c]) => window.__chosahyoDemo?.selection()?.sheet === s && window.__chosahyoDemo?.selection()?.address === c,
    [nextSheet, nextCell],
  );
  await page.locator("button[data-finding-index]:focus").waitFor();
  await page.keyboard.press("End");
  const total = await page.locator("button[data-finding-index]").count();
  expect(await page.locator("button[data-finding-index]:focus").getAttribute("data-finding-index")).toBe(String(total - 1));
  await page.keyboard.press("Home");
  expect(await page.locator("button[data-finding-index]:focus").getAttribute("data-finding-index")).toBe("0");
  await page.keyboard.press("ArrowUp"); // stays on the first
  expect(await page.locator("button[data-finding-index]:focus").getAttribute("data-finding-index")).toBe("0");
  expect(problems).toEqual([]);
  await context.close();
});

test("CODE-VARIANT の修正を確認して適用すると、セルが直り、変更履歴に記録され、ダウンロードしたファイルにも残る", async () => {
  const variant = await sampleWithCodeVariant();
  const cli = cliFindings(variant.file);
  expect(cli.filter((f) => f.ruleId === "CODE-VARIANT")).toEqual([expect.objectContaining({ sheet: "No.1", cell: variant.cell })]);

  const { page, context, problems } = await openDemo(WIDE_VIEWPORT);
  await page.getByTestId("file-input").setInputFiles({
    name: "kodaira-h29-variant.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: variant.bytes,
  });
  await page.getByTestId("file-name").filter({ hasText: "kodaira-h29-variant.xlsx" }).waitFor();
  await validate(page);
  expect(await shownCounts(page)).toEqual(sevCounts(cli));

  await page.getByLabel("規則で絞り込む").selectOption("CODE-VARIANT");
  const item = page.locator("button[data-rule='CODE-VARIANT']");
  expect(await item.count()).toBe(1);
  await item.click();
  const preview = page.getByTestId("edit");
  expect(await preview.innerText()).toBe(`${variant.cell}: ${variant.before} → ${variant.after}`);
  expect(await gridCell(page, variant.cell, "No.1").innerText()).toBe(variant.before);
  await page.setViewportSize(PANE_VIEWPORT);
  await item.scrollIntoViewIfNeeded();
  await screenshot(page, "04-pane-fix-preview.png");
  await axeClean(page, "fix preview");
  await page.setViewportSize(WIDE_VIEWPORT);

  const before = await runs(page);
  await page.getByRole("button", { name: "この修正を適用" }).click();
  await waitForRun(page, before);
  expect(await page.getByTestId("notice").innerText()).toContain("1 セルを修正し");
  // The cell holds the fixed code, the finding is gone, the other counts are unchanged.
  expect(await gridCell(page, variant.cell, "No.1").innerText()).toBe(variant.after);
  expect(await page.locator("button[data-rule='CODE-VARIANT']").count()).toBe(0);
  expect(await shownCounts(page)).toEqual(sevCounts(cli.filter((f) => f.ruleId !== "CODE-VARIANT")));
  // 変更履歴: the cell, the old value, the new value and the time.
  await showSheet(page, "変更履歴");
  const row = async (r: number) => Promise.all(["A", "B", "C", "D", "E", "F"].map((c) => gridCell(page, `${c}${r}`).innerText()));
  expect(await row(1)).toEqual(["日時", "シート", "セル", "変更前", "変更後", "規則"]);
  const logged = await row(2);
  expect(logged.slice(1)).toEqual(["No.1", variant.cell, variant.before, variant.after, "CODE-VARIANT"]);
  expect(logged[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  await screenshot(page, "05-demo-change-log.png");

  // The downloaded workbook carries the fix and the log; the file that was opened is untouched.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "ダウンロード" }).click()]);
  expect(download.suggestedFilename()).toBe("kodaira-h29-variant_確認済み.xlsx");
  const saved = new ExcelJS.Workbook();
  await saved.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
  expect(saved.getWorksheet("No.1")!.getCell(variant.cell).text).toBe(variant.after);
  expect(saved.getWorksheet("変更履歴")!.getRow(2).values).toEqual([undefined, logged[0], "No.1", variant.cell, variant.before, variant.after, "CODE-VARIANT"]);
  expect(readFileSync(variant.file).equals(variant.bytes)).toBe(true);
  expect(problems).toEqual([]);
  await context.close();
});

test("開けないファイルは理由を示し、開いていたブックはそのまま使える", async () => {
  const { page, context, problems } = await openDemo(PANE_VIEWPORT);
  await page.getByTestId("file-input").setInputFiles({ name: "一覧.csv", mimeType: "text/csv", buffer: Buffer.from("No,評価\n1,A\n") });
  await page.getByText("CSV ファイルは読み込めません").waitFor();
  await page.getByTestId("file-input").setInputFiles({ name: "old.xls", mimeType: "application/vnd.ms-excel", buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]) });
  await page.getByText("古い形式（.xls）のブックです").waitFor();
  expect(await page.getByTestId("file-name").innerText()).toContain("kodaira-h29.xlsx");
  await validate(page);
  expect((await shownCounts(page)).error).toBeGreaterThan(0);
  expect(problems).toEqual([]);
  await context.close();
});

test(".ods は検証のためだけに開き、.xlsx と同じ指摘が出て、ダウンロードは .xlsx で保存してからと案内する", async () => {
  const cli = cliFindings(SEED);
  const { page, context, problems } = await openDemo(WIDE_VIEWPORT);
  await page.getByTestId("file-input").setInputFiles({
    name: "財政課.ods",
    mimeType: "application/vnd.oasis.opendocument.spreadsheet",
    buffer: readFileSync(path.join(__dirname, "..", "fixtures", "ods", "kodaira-h29.ods")),
  });
  await page.getByTestId("file-name").filter({ hasText: "財政課.ods" }).waitFor();
  expect(await page.getByTestId("demo-message").innerText()).toContain("「財政課.ods」は OpenDocument 形式（.ods）のため、検証のみ行えます。");
  expect(await page.getByRole("button", { name: "ダウンロード" }).isDisabled()).toBe(true);
  await validate(page);
  expect(await shownCounts(page)).toEqual(sevCounts(cli));
  // The side grid shows a sheet of the .ods: its title, and the label merged down rows 3–4.
  await showSheet(page, "No.1");
  expect(await gridCell(page, "A1", "No.1").innerText()).toBe("第3次行財政再構築進捗状況調査票（平成29年度末）");
  expect(await gridCell(page, "A3", "No.1").getAttribute("rowspan")).toBe("2");
  expect(problems).toEqual([]);
  await context.close();
});

test("規則の修正をまとめて適用できる（一覧で確認してから）", async () => {
  const cli = cliFindings(SEED);
  const html = cli.filter((f) => f.ruleId === "TEXT-HTML");
  const { page, context, problems } = await openDemo(WIDE_VIEWPORT);
  await validate(page);
  await page.getByLabel("規則で絞り込む").selectOption("TEXT-HTML");
  await page.locator("button[data-rule='TEXT-HTML']").first().click();
  await page.getByRole("button", { name: `「HTMLタグの残り」の修正をまとめて適用（${html.length} 件）…` }).click();
  const group = page.getByRole("group", { name: "「HTMLタグの残り」の修正の一括適用" });
  expect(await group.getByTestId("edit").count()).toBe(html.length);
  await page.setViewportSize(PANE_VIEWPORT);
  await group.scrollIntoViewIfNeeded();
  expect(await overflowing(page)).toEqual([]);
  await screenshot(page, "06-pane-apply-all.png");
  await axeClean(page, "apply all of a rule");
  await page.setViewportSize(WIDE_VIEWPORT);
  const before = await runs(page);
  await group.getByRole("button", { name: `${html.length} セルに適用` }).click();
  await waitForRun(page, before);
  expect(await page.locator("button[data-rule='TEXT-HTML']").count()).toBe(0);
  expect(await shownCounts(page)).toEqual(sevCounts(cli.filter((f) => f.ruleId !== "TEXT-HTML")));
  await showSheet(page, "変更履歴");
  expect(await page.locator("table[data-sheet='変更履歴'] tbody tr").count()).toBe(html.length + 1);
  expect(problems).toEqual([]);
  await context.close();
});

test("シート一覧と設定: 段階・プロファイル指定はブックに保存され、結果は CLI と一致する", async () => {
  const { page, context, problems } = await openDemo(PANE_VIEWPORT);
  await validate(page);
  await page.getByRole("tab", { name: /^シート/ }).click();
  const items = page.locator("li[data-sheet]");
  expect(await items.count()).toBe(59);
  expect(await page.locator("li[data-status='recognised']").count()).toBe(59);
  expect(await overflowing(page)).toEqual([]);
  await screenshot(page, "07-pane-sheets.png");
  await axeClean(page, "sheets");

  // Leave sheet No.1 alone: its findings go.
  await page.getByLabel("シート「No.1」のプロファイル").selectOption({ label: "対象外（確認しない）" });
  expect(await page.getByText("設定が変わりました").isVisible()).toBe(true);
  await validate(page);
  expect(await page.locator("li[data-sheet='No.1']").getAttribute("data-status")).toBe("excluded");

  await page.getByRole("tab", { name: "設定" }).click();
  await page.getByRole("radio", { name: /本部評価後/ }).check();
  expect(await overflowing(page)).toEqual([]);
  await screenshot(page, "08-pane-settings.png");
  await axeClean(page, "settings");
  await page.getByRole("button", { name: "指定をすべて解除" }).click();
  await validate(page);
  // Same stage on the CLI: the counts agree.
  const cli = cliFindings(SEED, ["--stage", "本部評価後"]);
  expect(await shownCounts(page)).toEqual(sevCounts(cli));
  await page.getByRole("tab", { name: /^指摘/ }).click();
  expect((await shownFindings(page)).sort()).toEqual(cli.map((f) => `${f.sheet}|${f.cell}|${f.ruleId}`).sort());

  // The settings travel with the file.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "ダウンロード" }).click()]);
  const saved = await XlsxWorkbook.load(readFileSync((await download.path())!));
  expect(await saved.readSettings()).toEqual(expect.objectContaining({ stage: "本部評価後", overrides: "{}" }));
  expect(problems).toEqual([]);
  await context.close();
});

test("英語に切り替えられる（表示も <html lang> も）", async () => {
  const { page, context, problems } = await openDemo(PANE_VIEWPORT);
  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("heading", { level: 1, name: "Chosahyo Checker" }).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
  await validate(page, "Validate");
  const counts = await shownCounts(page);
  expect(await page.getByTestId("count-error").innerText()).toBe(`error ${counts.error}`);
  expect(await page.locator("button[data-rule='TEXT-HTML']").first().innerText()).toContain("HTML residue");
  expect(await overflowing(page)).toEqual([]);
  await screenshot(page, "09-pane-english.png");
  await axeClean(page, "English");
  // The choice is remembered in this browser.
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Chosahyo Checker" }).waitFor();
  await page.getByRole("button", { name: "日本語" }).click();
  await page.getByRole("heading", { level: 1, name: "調査票チェッカー" }).waitFor();
  expect(problems).toEqual([]);
  await context.close();
});

test("ダークテーマとハイコントラストは Fluent のトークンで切り替わる", async () => {
  const dark = await openDemo(PANE_VIEWPORT, "");
  await dark.page.emulateMedia({ colorScheme: "dark" });
  await dark.page.reload();
  await validate(dark.page);
  const bg = await dark.page.evaluate(() => getComputedStyle(document.querySelector(".fui-FluentProvider")!).backgroundColor);
  expect(bg).not.toBe("rgb(255, 255, 255)");
  await screenshot(dark.page, "10-pane-dark.png");
  await axeClean(dark.page, "dark theme");
  expect(dark.problems).toEqual([]);
  await dark.context.close();

  const hc = await openPage(env(), { viewport: PANE_VIEWPORT, forcedColors: "active" });
  await hc.page.goto(`${env().url}/demo.html`);
  await validate(hc.page);
  await screenshot(hc.page, "11-pane-high-contrast.png");
  expect(hc.problems).toEqual([]);
  await hc.context.close();
});

test("ローカルのフォルダーから file:// で開いても動く（LGWAN 端末向け）", async () => {
  const cli = cliFindings(SEED);
  const { page, context, problems } = await openPage(env(), { viewport: WIDE_VIEWPORT });
  await page.goto(pathToFileURL(path.join(DIST, "demo.html")).href);
  await validate(page);
  expect(await shownCounts(page)).toEqual(sevCounts(cli));
  await screenshot(page, "12-demo-file-url.png");
  expect(problems).toEqual([]);
  await context.close();
});
