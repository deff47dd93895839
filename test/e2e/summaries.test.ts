/**
 * @jest-environment node
 *
 * 集計シート作成 in the browser demo (dist/demo.html) on the built-in sample seeds/kodaira-h29.xlsx: 検証, the 集計
 * view, choosing sheets, the warning about error findings (go on), progress, the sheets written; opening one shows
 * it in the demo's grid, where 評価集計 has the published totals; making them again replaces them (one of each).
 */
import type { Page } from "playwright-core";
import {
  cliFindings,
  demoSheetNames,
  gridCell,
  openPage,
  overflowing,
  PANE_VIEWPORT,
  screenshot,
  SEED,
  sevCounts,
  shownCounts,
  validate,
  validateButton,
  useEnv,
  WIDE_VIEWPORT,
} from "./browser";

const shared = useEnv("axe, 集計");
const axeClean = shared.axeClean;
const env = shared.env;

/** Records each state the 集計 progress bar shows (`phase|text`), from now on, in window.__summaryProgress. */
async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __summaryProgress: string[] }).__summaryProgress = seen;
    const look = () => {
      const p = document.querySelector<HTMLElement>("[data-testid=summaries-progress]");
      if (!p) return;
      const state = `${p.dataset.phase ?? ""}|${p.textContent ?? ""}`;
      if (seen[seen.length - 1] !== state) seen.push(state);
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

const progressSeen = (page: Page) => page.evaluate(() => (window as unknown as { __summaryProgress: string[] }).__summaryProgress);

/** The cells of the first row of the grid whose column A reads `label`, from column A to F. */
async function gridRow(page: Page, label: string): Promise<string[]> {
  const a = page.locator("table[data-sheet] td[data-cell^='A']").filter({ hasText: new RegExp(`^${label}$`) }).first();
  const row = (await a.getAttribute("data-cell"))!.slice(1);
  return Promise.all(["A", "B", "C", "D", "E", "F"].map((c) => gridCell(page, `${c}${row}`).innerText()));
}

/** The summaries written: every one offered but 指標達成状況; the sample has a 評価一覧 of its own, so the generated one goes beside it. */
const WRITTEN = ["評価一覧 (2)", "評価集計", "検証結果"];

test("集計シート作成: エラーの確認のあと進み具合と作成したシートを示し、選ぶとグリッドにそのシート（評価集計の計は 2・29・10・41）、作り直しても 1 つずつ", async () => {
  const cli = cliFindings(SEED);
  const errors = sevCounts(cli).error;
  expect(errors).toBeGreaterThan(0);
  const { page, context, problems } = await openPage(env(), { viewport: WIDE_VIEWPORT });
  await page.goto(`${env().url}/demo.html`);
  await validateButton(page);
  const sheetsBefore = await demoSheetNames(page);

  // Before a check there is nothing to summarise.
  await page.getByRole("tab", { name: "集計" }).click();
  await page.getByText("[検証] のあとで、検証した調査票から集計シートを作成できます。").waitFor();
  await validate(page);
  expect(await shownCounts(page)).toEqual(sevCounts(cli));
  const view = page.getByTestId("summaries");
  await view.waitFor();

  // Choose: everything this sample can give is offered and chosen; leave out 指標達成状況.
  const boxes = view.locator("input[type=checkbox][data-summary]");
  expect(await boxes.evaluateAll((bs) => bs.map((b) => [b.getAttribute("data-summary"), (b as HTMLInputElement).checked]))).toEqual([
    ["評価一覧", true],
    ["評価集計", true],
    ["指標達成状況", true],
    ["検証結果", true],
  ]);
  await view.getByRole("checkbox", { name: "指標達成状況" }).uncheck();
  expect(await view.getByRole("checkbox", { name: "再掲を集計に含める" }).isChecked()).toBe(false);

  // The warning about the error findings; the user goes on.
  await view.getByRole("button", { name: "集計シート作成" }).click();
  const confirm = page.getByTestId("summaries-confirm");
  await confirm.waitFor();
  expect(await confirm.getByText(`エラーの指摘が ${errors} 件あります。このまま集計シートを作成しますか？`).isVisible()).toBe(true);
  await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.testid === "summaries-confirm"); // the keyboard is taken to the question
  await page.setViewportSize(PANE_VIEWPORT);
  expect(await overflowing(page)).toEqual([]);
  await axeClean(page, "集計: the warning about error findings (320 px)");
  await page.setViewportSize(WIDE_VIEWPORT);
  await watchProgress(page);
  await confirm.getByRole("button", { name: "このまま作成する" }).click();

  // Progress with a count, then the sheets written.
  const results = page.getByTestId("summaries-results");
  await results.waitFor();
  const progress = await progressSeen(page);
  console.log(`集計 progress seen: ${JSON.stringify(progress)}`);
  expect(progress.length).toBeGreaterThan(0);
  for (const p of progress) expect(p).toMatch(/^(build\|集計シートを準備しています|write\|集計シートを書き込んでいます)/);
  expect(progress.some((p) => /\d \/ 3 シート/.test(p))).toBe(true);
  expect(await page.getByTestId("summaries-progress").count()).toBe(0);
  expect(await page.getByTestId("summaries-notice").innerText()).toBe("3 シートを作成しました。シート名を選ぶと、そのシートを開きます。");
  const items = results.getByRole("listitem");
  expect(await items.evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.sheet))).toEqual(WRITTEN);
  expect(await items.nth(0).innerText()).toContain("利用者のシート「評価一覧」があるため「評価一覧 (2)」として作成しました。");
  expect(await items.nth(1).innerText()).toContain("グラフはこの環境では作成できません（Excel で作成してください）。");
  await page.waitForFunction(() => document.activeElement?.tagName === "H2" && document.activeElement.textContent === "作成したシート"); // and then to the result
  expect(await demoSheetNames(page)).toEqual([...sheetsBefore, ...WRITTEN]);

  // The pane after writing, at the task pane's width.
  await page.setViewportSize(PANE_VIEWPORT);
  await results.scrollIntoViewIfNeeded();
  expect(await overflowing(page)).toEqual([]);
  await screenshot(page, "18-pane-summaries.png");
  await axeClean(page, "集計: the sheets written (320 px)");
  await page.setViewportSize(WIDE_VIEWPORT);
  await axeClean(page, "集計: the sheets written, beside the grid");

  // A sheet written opens in the grid; 評価集計's 計 row has the published figures (no 再掲 rows): S 2, A 29, B 10, 41.
  await results.getByRole("button", { name: "評価集計" }).click();
  await page.locator("table[data-sheet='評価集計']").waitFor();
  expect(await page.getByTestId("name-box").innerText()).toBe("評価集計!A1");
  expect(await gridRow(page, "方針")).toEqual(["方針", "S", "A", "B", "未評価", "計"]);
  expect(await gridRow(page, "計")).toEqual(["計", "2", "29", "10", "0", "41"]);
  // The grid shows the 0.0% format, as Excel would, not the raw fractions.
  expect(await gridRow(page, "割合")).toEqual(["割合", "4.9%", "70.7%", "24.4%", "0.0%", "100.0%"]);
  expect(await page.getByText("再掲（No.29・No.41）は件数に含めていません。").isVisible()).toBe(true);
  await page.locator("table[data-sheet='評価集計'] td[data-cell='A1']").scrollIntoViewIfNeeded();
  await screenshot(page, "19-demo-summary-sheet.png");
  await axeClean(page, "the demo grid showing 評価集計");

  // Made again (the same choice): the sheets made before are replaced, so there is still one of each.
  expect(await page.getByTestId("summaries").getByRole("checkbox", { name: "指標達成状況" }).isChecked()).toBe(false);
  await page.getByTestId("summaries").getByRole("button", { name: "集計シート作成" }).click();
  await page.getByTestId("summaries-confirm").getByRole("button", { name: "このまま作成する" }).click();
  await page.getByTestId("summaries-results").waitFor();
  const again = page.getByTestId("summaries-results").getByRole("listitem");
  expect(await again.evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.sheet))).toEqual(WRITTEN);
  for (let i = 0; i < WRITTEN.length; i++) expect(await again.nth(i).innerText()).toContain("前回作成したシートを書き直しました");
  const tabs = await demoSheetNames(page);
  expect(tabs).toEqual([...sheetsBefore, ...WRITTEN]);
  expect(tabs.filter((n) => n.startsWith("評価集計"))).toEqual(["評価集計"]);
  expect(tabs.filter((n) => n.startsWith("評価一覧"))).toEqual(["評価一覧", "評価一覧 (2)"]);
  // The figures are still the same.
  await page.getByTestId("summaries-results").getByRole("button", { name: "評価集計" }).click();
  await page.locator("table[data-sheet='評価集計']").waitFor();
  expect(await gridRow(page, "計")).toEqual(["計", "2", "29", "10", "0", "41"]);
  // The generated sheets are the add-in's: a check lists them as such and finds nothing new in them.
  await validate(page);
  expect(await shownCounts(page)).toEqual(sevCounts(cli));
  await page.getByRole("tab", { name: /^シート/ }).click();
  expect(await page.locator("li[data-status='owned']").evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.sheet))).toEqual(WRITTEN);
  expect(problems).toEqual([]);
  await context.close();
});
