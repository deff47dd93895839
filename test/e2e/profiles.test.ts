/**
 * @jest-environment node
 *
 * The other built-in formats in the browser demo (dist/demo.html), each opened through 「ファイルを開く」 as a user
 * would open their own workbook: 武蔵野市 取組状況 (seeds/musashino-h29.xlsx), 三鷹市 目標指標・アクションプラン
 * (seeds/mitaka-2021.xlsx) and 小平市 推進プログラム (seeds/kodaira-program-r6.xlsx). Counts and findings are checked
 * against the CLI's --json for the same file; a per-sheet profile choice made in the シート view is stored in the
 * downloaded file, and the CLI then agrees with the pane again.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import {
  cliFindings,
  countBy,
  openInDemo,
  openPage,
  overflowing,
  PANE_VIEWPORT,
  ROOT,
  screenshot,
  sevCounts,
  shownCounts,
  shownFindings,
  validate,
  validateButton,
  useEnv,
  WIDE_VIEWPORT,
} from "./browser";

const shared = useEnv("axe, other formats");
const axeClean = shared.axeClean;
const env = shared.env;

const seed = (name: string) => path.join(ROOT, "seeds", name);

async function openDemoWith(file: string, viewport = PANE_VIEWPORT) {
  const w = await openPage(env(), { viewport });
  await w.page.goto(`${env().url}/demo.html`);
  await validateButton(w.page);
  await openInDemo(w.page, path.basename(file), readFileSync(file));
  return w;
}

/** Each sheet in the シート view: `name|status|text`. */
async function sheetLines(page: Page): Promise<string[]> {
  await page.getByRole("tab", { name: /^シート/ }).click();
  return page.locator("li[data-sheet]").evaluateAll((lis) =>
    lis.map((li) => `${(li as HTMLElement).dataset.sheet}|${(li as HTMLElement).dataset.status}|${li.querySelector("span")?.textContent ?? ""}`),
  );
}

test("武蔵野市の取組状況を「ファイルを開く」で開いて検証すると、件数と指摘が CLI の --json と一致する", async () => {
  const file = seed("musashino-h29.xlsx");
  const cli = cliFindings(file);
  expect(cli.length).toBeGreaterThan(0);
  const { page, context, problems } = await openDemoWith(file);
  expect(await page.getByTestId("file-name").innerText()).toContain("musashino-h29.xlsx");
  await validate(page);
  const expected = sevCounts(cli);
  expect(await shownCounts(page)).toEqual(expected);
  expect(await page.getByTestId("count-warning").innerText()).toBe(`警告 ${expected.warning} 件`);
  expect(await page.getByRole("tab", { name: `指摘 (${cli.length})` }).isVisible()).toBe(true);
  const shown = await shownFindings(page);
  expect([...shown].sort()).toEqual(cli.map((f) => `${f.sheet}|${f.cell}|${f.ruleId}`).sort());
  expect(countBy(shown, (s) => s.split("|")[0])).toEqual(countBy(cli, (f) => f.sheet));
  expect(await page.locator("button[data-rule='DONE-BUT-SCHEDULED']").first().innerText()).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  expect(await overflowing(page)).toEqual([]);
  await screenshot(page, "20-pane-musashino.png");
  await axeClean(page, "武蔵野市 取組状況: findings (320 px)");

  expect(await sheetLines(page)).toEqual([
    "目次|recognised|武蔵野市 アクションプラン取組状況（目次）・一致 100%・一覧 79 行",
    "取組状況|recognised|武蔵野市 アクションプラン取組状況（取組状況）・一致 100%・79 件",
  ]);
  expect(await overflowing(page)).toEqual([]);
  await axeClean(page, "武蔵野市 取組状況: sheets (320 px)");
  expect(problems).toEqual([]);
  await context.close();
});

test("武蔵野市の取組状況をシートのプロファイル指定で別の様式として読むと、指摘が変わり、指定はダウンロードしたファイルに残って CLI も同じ結果になる", async () => {
  const file = seed("musashino-h29.xlsx");
  const before = cliFindings(file);
  const { page, context, problems } = await openDemoWith(file);
  await validate(page);
  expect(await shownCounts(page)).toEqual(sevCounts(before));

  await page.getByRole("tab", { name: /^シート/ }).click();
  await page.getByLabel("シート「取組状況」のプロファイル").selectOption({ label: "小平市 進捗状況調査票／調査票" });
  await page.getByText("設定が変わりました").waitFor();
  await validate(page);
  const lines = await sheetLines(page);
  expect(lines[1]).toMatch(/^取組状況\|recognised\|小平市 進捗状況調査票（調査票）・一致 \d+%・\d+ 件$/);
  // The 調査票's labels are not on 取組状況: errors there now, and none of what the 取組状況 profile finds.
  const counts = await shownCounts(page);
  expect(counts.error).toBeGreaterThan(0);
  await page.getByRole("tab", { name: /^指摘/ }).click();
  const shown = await shownFindings(page);
  expect(shown.filter((s) => s.startsWith("取組状況|")).every((s) => s.endsWith("|LABEL-MISSING"))).toBe(true);
  expect(shown.some((s) => s.endsWith("|DONE-BUT-SCHEDULED"))).toBe(false);

  // The choice travels with the file: the CLI reads it from the downloaded workbook and agrees with the pane.
  await page.setViewportSize(WIDE_VIEWPORT);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "ダウンロード" }).click()]);
  expect(download.suggestedFilename()).toBe("musashino-h29_確認済み.xlsx");
  const saved = path.join(mkdtempSync(path.join(os.tmpdir(), "chosahyo-e2e-")), download.suggestedFilename());
  await download.saveAs(saved);
  const after = cliFindings(saved);
  expect(sevCounts(after)).toEqual(counts);
  expect([...shown].sort()).toEqual(after.map((f) => `${f.sheet}|${f.cell}|${f.ruleId}`).sort());
  expect(problems).toEqual([]);
  await context.close();
});

test.each([
  [
    "mitaka-2021.xlsx",
    [
      "目標指標|recognised|三鷹市 目標指標の達成状況（施策ごとの目標指標）・一致 100%・68 件",
      "総合戦略|recognised|三鷹市 目標指標の達成状況（総合戦略 数値目標・KPI）・一致 100%・16 件",
      "アクションプラン|recognised|三鷹市 都市経営アクションプラン（アクションプラン）・一致 100%・82 件",
    ],
  ],
  ["kodaira-program-r6.xlsx", ["推進プログラム|recognised|小平市 経営方針推進プログラム 進捗状況（推進プログラム）・一致 100%・23 件"]],
])("%s を開いて検証すると、各シートをその様式で認識し、件数と指摘が CLI の --json と一致する", async (name, sheets) => {
  const file = seed(name);
  const cli = cliFindings(file);
  const { page, context, problems } = await openDemoWith(file);
  await validate(page);
  expect(await shownCounts(page)).toEqual(sevCounts(cli));
  expect([...(await shownFindings(page))].sort()).toEqual(cli.map((f) => `${f.sheet}|${f.cell}|${f.ruleId}`).sort());
  expect(await sheetLines(page)).toEqual(sheets);
  expect(await overflowing(page)).toEqual([]);
  expect(problems).toEqual([]);
  await context.close();
});
