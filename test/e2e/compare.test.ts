/**
 * @jest-environment node
 *
 * 前年度比較 in the browser demo (dist/demo.html): this year's workbook is the 平成30年度 the compare tests build from
 * 小平's sample (test/compare/next-year.ts), opened in the demo; in the 年度 tab the user picks the sample as last
 * year's file (read in the page, nothing uploaded); 検証 then lists the year-over-year findings the CLI's
 * `validate --previous` gives, and 集計 makes the 前年度比較 sheet, shown in the grid (test/e2e/screenshots/compare.png;
 * compare-pane.png is the pane at 320 px after the check).
 */
import { readFileSync } from "node:fs";
import { YEAR_OVER_YEAR_RULES } from "../../src/core/compare/previous";
import { kodairaNextYear, validated } from "../compare/next-year";
import { countBy, demoSheetNames, openInDemo, openPage, overflowing, PANE_VIEWPORT, screenshot, SEED, useEnv, validate, validateButton, WIDE_VIEWPORT } from "./browser";

const shared = useEnv("axe, 前年度比較");
const env = shared.env;

test("前年度比較: 前年度のファイルを選ぶと写し、検証で前年度と比べた指摘が並び、集計で前年度比較のシートを作る（スクリーンショット）", async () => {
  const { last, next } = await kodairaNextYear();
  const cli = (await validated(next.bytes, { previous: last.report })).report.findings.filter((f) => YEAR_OVER_YEAR_RULES.includes(f.ruleId));
  const copied = last.report.sheets.filter((s) => s.status === "recognised").length;

  const { page, context, problems } = await openPage(env(), { viewport: WIDE_VIEWPORT });
  await page.goto(`${env().url}/demo.html`);
  await validateButton(page);
  await openInDemo(page, "kodaira-h30.xlsx", Buffer.from(next.bytes));

  await page.getByRole("tab", { name: "年度" }).click();
  await page.getByTestId("previous-file").setInputFiles({ name: "kodaira-h29.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: readFileSync(SEED) });
  await page.getByTestId("previous-notice").filter({ hasText: `kodaira-h29.xlsx の調査票のシート ${copied} 枚を「前年度_」の非表示シートとして写しました。` }).waitFor({ timeout: 60_000 });
  expect(await page.getByTestId("previous-setting").innerText()).toBe(`前年度: kodaira-h29.xlsx（平成29年度、シート ${copied} 枚）`);
  expect((await demoSheetNames(page)).filter((n) => n.startsWith("前年度_"))).toHaveLength(copied);
  await shared.axeClean(page, "年度 tab: 前年度と比べる");

  await validate(page);
  expect(await page.getByTestId("previous-status").innerText()).toBe(`前年度（平成29年度、シート ${copied} 枚）と比べました。前年度と比べた指摘: ${cli.length} 件。`);
  // The pane at its own width: the line under the counts, and the section saying what is set, without overflow.
  await page.setViewportSize(PANE_VIEWPORT);
  expect(await overflowing(page)).toEqual([]);
  await page.getByTestId("previous-setting").scrollIntoViewIfNeeded();
  await screenshot(page, "compare-pane.png");
  await page.setViewportSize(WIDE_VIEWPORT);
  await page.getByRole("tab", { name: /^指摘/ }).click();
  const shown = await page.locator("[data-rule]").evaluateAll((es) => es.map((e) => ({ rule: e.getAttribute("data-rule")!, text: e.textContent ?? "" })));
  const yoy = shown.filter((s) => (YEAR_OVER_YEAR_RULES as readonly string[]).includes(s.rule));
  expect(countBy(yoy, (s) => s.rule)).toEqual(countBy(cli, (f) => f.ruleId));
  for (const f of cli) expect(yoy.some((s) => s.text.includes(f.message.ja))).toBe(true);

  await page.getByRole("tab", { name: "集計" }).click();
  const view = page.getByTestId("summaries");
  const offered = view.locator("input[type=checkbox][data-summary=前年度比較]");
  await offered.waitFor();
  expect(await offered.isChecked()).toBe(true);
  await view.getByRole("button", { name: "集計シート作成" }).click();
  const confirm = page.getByTestId("summaries-confirm");
  const results = page.getByTestId("summaries-results");
  await Promise.race([confirm.waitFor(), results.waitFor()]);
  if (await confirm.isVisible()) await confirm.getByRole("button", { name: "このまま作成する" }).click();
  await results.waitFor({ timeout: 60_000 });
  await results.getByRole("button", { name: "前年度比較" }).click();
  const sheet = page.locator("table[data-sheet='前年度比較']");
  await sheet.waitFor();
  // The dropped item and a rating that went down two steps to the lowest are on it.
  expect(await sheet.getByText("観光まちづくりの推進").count()).toBeGreaterThan(0);
  expect(await sheet.getByText("指定管理者制度の検証").count()).toBeGreaterThan(0);
  await sheet.locator("td[data-cell='A1']").scrollIntoViewIfNeeded();
  await screenshot(page, "compare.png");
  await shared.axeClean(page, "the demo grid showing 前年度比較");
  expect(problems).toEqual([]);
  await context.close();
});

test("前年度との対応: 番号の変わった No.41 を前年度の No.40 に付け替えると、設定に残り、次の検証でなくなった取組は No.9 になる（スクリーンショット）", async () => {
  const { next } = await kodairaNextYear();
  const { page, context, problems } = await openPage(env(), { viewport: PANE_VIEWPORT });
  await page.goto(`${env().url}/demo.html`);
  await validateButton(page);
  await openInDemo(page, "kodaira-h30.xlsx", Buffer.from(next.bytes));
  await page.getByRole("tab", { name: "年度" }).click();
  await page.getByTestId("previous-file").setInputFiles({ name: "kodaira-h29.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: readFileSync(SEED) });
  await page.getByTestId("previous-notice").waitFor({ timeout: 60_000 });
  await validate(page);
  await page.getByRole("tab", { name: "年度" }).click();

  // The renumbered item is listed with how it was paired; the item gone from this year is listed too.
  const lines = page.getByTestId("previous-match");
  const no41 = lines.filter({ hasText: "今年度 No.41" });
  await no41.waitFor();
  expect(await no41.innerText()).toContain("番号変更 No.9 → No.41");
  const gone = lines.filter({ hasText: "今年度に対応なし" });
  expect(await gone.count()).toBe(1);
  expect(await gone.innerText()).toContain("前年度 No.40");

  const select = no41.getByRole("combobox");
  const no40 = await select.locator("option", { hasText: "前年度 No.40" }).getAttribute("value");
  await select.selectOption(no40!);
  await page.getByTestId("previous-corrected").filter({ hasText: "手動で指定した対応: 1 件" }).waitFor();
  expect(await no41.innerText()).toContain("手動で指定");
  expect(await overflowing(page)).toEqual([]);
  await page.getByTestId("previous-matches").scrollIntoViewIfNeeded();
  await screenshot(page, "compare-matches.png");
  await shared.axeClean(page, "年度 tab: 前年度との対応");

  // The next check uses the corrected pair: the item that has no pair now is last year's No.9.
  await validate(page);
  await page.getByRole("tab", { name: /^指摘/ }).click();
  const dropped = await page.locator("[data-rule='ITEM-DROPPED']").allInnerTexts();
  expect(dropped).toHaveLength(1);
  expect(dropped[0]).toContain("No.9");
  expect(problems).toEqual([]);
  await context.close();
});
