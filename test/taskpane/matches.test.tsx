/**
 * @jest-environment jsdom
 *
 * 前年度との対応 in the 年度 tab, in Excel (the Office adapter over the strict fake; this year's workbook the 平成30年度
 * built from 小平's sample by test/compare/next-year.ts, last year's the sample, picked in the pane): the list shows
 * the renumbered No.9 → No.41 paired by title and the dropped No.40; pairing No.41 with No.40 instead saves the
 * `compareMatches` setting in one sync, the list changes at once and says to validate, and the next check's findings
 * follow it (ITEM-DROPPED names No.9); undoing empties the setting and the list is as before.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { COMPARE_MATCHES_KEY } from "../../src/core/compare/matches";
import { OfficeWorkbook } from "../../src/workbook/office/office-workbook";
import { kodairaNextYear, seed, type Year } from "../compare/next-year";
import { FakeBook, FakeExcel } from "../fakes/excel-fake";
import { pane, validateNow } from "./pane";

jest.setTimeout(120_000);

let next: Year;
beforeAll(async () => {
  ({ next } = await kodairaNextYear());
});

const RENUMBERED = "No.41「市民参加の更なる推進に係る検討」";
const WAS = "No.9「市民参加のさらなる推進に係る検討」";
const DROPPED = "No.40「指定管理者制度の検証」";

function pick(name: string, bytes: Uint8Array): void {
  const file = new File([bytes as Uint8Array<ArrayBuffer>], name);
  Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.slice().buffer });
  fireEvent.change(screen.getByTestId("previous-file"), { target: { files: [file] } });
}

/** Each line of the list as the user reads it: the item, how it was paired, and the choice shown. */
function lines(): string[] {
  return screen.queryAllByTestId("previous-match").map((li) => {
    const select = li.querySelector("select");
    const chosen = select ? ` [${select.selectedOptions[0]?.textContent}]` : "";
    return [...li.children].slice(0, 2).map((s) => s.textContent).join(" / ") + chosen;
  });
}

const showCycle = async () => {
  fireEvent.click(await screen.findByRole("tab", { name: "年度" }));
  await screen.findByTestId("cycle-previous");
};

test("番号の変わった No.9 → No.41 が名称で対になったと示し、前年度の No.40 に選び直すと設定に保存され、比較と次の検証の指摘が変わる", async () => {
  const fake = new FakeExcel(await FakeBook.fromXlsx(next.bytes));
  const port = new OfficeWorkbook(fake.run, { isSetSupported: fake.isSetSupported });
  pane(port, "ja", { kind: "excel" });
  await showCycle();
  pick("kodaira-h29.xlsx", seed("kodaira-h29.xlsx"));
  await waitFor(() => expect(screen.getByTestId("previous-notice").textContent).toContain("写しました"), { timeout: 60_000 });
  await validateNow("検証", 60_000);
  await showCycle();

  expect(lines()).toEqual([`今年度 ${RENUMBERED} / 名称で対応、番号変更 No.9 → No.41 [前年度 ${WAS}]`, `前年度 ${DROPPED} / 今年度に対応なし`]);

  // Last year's No.40 for this year's No.41: one sync to save.
  const select = screen.getByRole("combobox", { name: `${RENUMBERED} に対応する前年度の取組` }) as HTMLSelectElement;
  const option = [...select.options].find((o) => o.textContent === `前年度 ${DROPPED}`)!;
  const before = fake.syncCount;
  fireEvent.change(select, { target: { value: option.value } });
  await waitFor(() => expect(screen.getByTestId("previous-matches-notice").textContent).toBe("対応を保存しました。指摘と集計の前年度比較に反映するには、もう一度 [検証] を押してください。"));
  expect(fake.syncCount - before).toBe(1);
  const stored = await new OfficeWorkbook(fake.run, { isSetSupported: fake.isSetSupported }).readSettings();
  expect(JSON.parse(stored[COMPARE_MATCHES_KEY]).pairs).toEqual([{ this: { sheet: "No.9", id: "41" }, last: { sheet: "No.40", id: "40" } }]);
  expect(lines()).toEqual([`今年度 ${RENUMBERED} / 手動で指定、番号変更 No.40 → No.41 [前年度 ${DROPPED}]`, `前年度 ${WAS} / 今年度に対応なし`]);
  expect(screen.getByTestId("previous-corrected").textContent).toBe("手動で指定した対応: 1 件");

  // The next check reads the setting: the finding about a dropped item names No.9 now, and the list stays corrected.
  await validateNow("検証", 60_000);
  fireEvent.click(screen.getByRole("tab", { name: /^指摘/ }));
  const dropped = [...document.querySelectorAll("[data-rule=ITEM-DROPPED]")].map((e) => e.textContent ?? "");
  expect(dropped).toHaveLength(1);
  expect(dropped[0]).toContain("No.9");
  expect(dropped[0]).not.toContain("No.40");
  await showCycle();
  expect(lines()[0]).toContain("手動で指定");

  // 元に戻す: the setting is emptied and the pairs are the matching's again.
  fireEvent.click(within(screen.getByTestId("previous-matches")).getByRole("button", { name: "手動の対応を元に戻す" }));
  await waitFor(() => expect(screen.getByTestId("previous-matches-notice").textContent).toContain("手動の対応を元に戻しました。"));
  expect(await new OfficeWorkbook(fake.run, { isSetSupported: fake.isSetSupported }).readSettings()).not.toHaveProperty(COMPARE_MATCHES_KEY);
  expect(lines()).toEqual([`今年度 ${RENUMBERED} / 名称で対応、番号変更 No.9 → No.41 [前年度 ${WAS}]`, `前年度 ${DROPPED} / 今年度に対応なし`]);
  expect(screen.queryByTestId("previous-corrected")).toBeNull();
});

test("英語でも、対応の一覧と選択肢が英語の言葉で出る", async () => {
  const fake = new FakeExcel(await FakeBook.fromXlsx(next.bytes));
  const port = new OfficeWorkbook(fake.run, { isSetSupported: fake.isSetSupported });
  pane(port, "en", { kind: "excel" });
  fireEvent.click(await screen.findByRole("tab", { name: "Year" }));
  pick("kodaira-h29.xlsx", seed("kodaira-h29.xlsx"));
  await waitFor(() => expect(screen.getByTestId("previous-notice").textContent).not.toBe(""), { timeout: 60_000 });
  await validateNow("Validate", 60_000);
  fireEvent.click(await screen.findByRole("tab", { name: "Year" }));
  expect(lines()[0]).toBe(`This year No.41 "市民参加の更なる推進に係る検討" / Paired by title, renumbered No.9 → No.41 [Last year No.9 "市民参加のさらなる推進に係る検討"]`);
});
