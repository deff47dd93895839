/**
 * @jest-environment jsdom
 *
 * Issue 12, item 10: choosing a finding on a hidden sheet, in the pane over the Office adapter and the strict fake.
 * Excel refuses to activate a hidden sheet; the pane says the sheet is hidden (or very hidden) and offers to show it.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { readFileSync } from "node:fs";
import path from "node:path";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { validateWorkbook } from "../../src/core/validate";
import { OfficeWorkbook } from "../../src/workbook/office/office-workbook";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { FakeBook, FakeExcel, type Visibility } from "../fakes/excel-fake";
import { ROOT } from "../helpers/grid";
import { pane, validateNow } from "./pane";

const SEED = new Uint8Array(readFileSync(path.join(ROOT, "seeds", "kodaira-h29.xlsx")));

beforeEach(() => localStorage.clear());

/** The pane over the sample in the fake Excel, the first finding's sheet hidden as asked. */
async function paneWithHiddenSheet(visibility: Visibility) {
  const first = validateWorkbook(await (await XlsxWorkbook.load(SEED)).readAll(), { profiles: BUILT_IN_PROFILES }).findings[0];
  const book = await FakeBook.fromXlsx(SEED);
  book.sheet(first.sheet)!.visibility = visibility;
  const fake = new FakeExcel(book);
  pane(new OfficeWorkbook(fake.run, { isSetSupported: fake.isSetSupported }), "ja", { kind: "excel" });
  await validateNow();
  fireEvent.click(screen.getAllByRole("button").find((b) => b.dataset.findingIndex === "0")!);
  return { book, first };
}

test("非表示のシートの指摘を選ぶと「非表示のため選べません」と言い、「シートを表示して選ぶ」でシートを表示してそのセルを選ぶ", async () => {
  const { book, first } = await paneWithHiddenSheet("Hidden");
  const notice = screen.getByTestId("notice");
  await waitFor(() => expect(notice.textContent).toContain(`シート「${first.sheet}」は非表示のため、そのセルを選べません。`));
  expect(notice.textContent).not.toContain("予期しないエラー");
  expect(book.sheet(first.sheet)!.visibility).toBe("Hidden");
  fireEvent.click(within(notice).getByRole("button", { name: "シートを表示して選ぶ" }));
  await waitFor(() => expect(book.selection).toEqual({ sheet: first.sheet, address: first.cell }));
  expect(book.sheet(first.sheet)!.visibility).toBe("Visible");
  await waitFor(() => expect(notice.textContent).toBe(""));
});

test("完全に非表示のシートなら、そう言う(メニューからは再表示できない)。表示を頼めば表示する", async () => {
  const { book, first } = await paneWithHiddenSheet("VeryHidden");
  const notice = screen.getByTestId("notice");
  await waitFor(() => expect(notice.textContent).toContain(`シート「${first.sheet}」は「完全に非表示」（Excel のメニューからは再表示できない設定）のため`));
  fireEvent.click(within(notice).getByRole("button", { name: "シートを表示して選ぶ" }));
  await waitFor(() => expect(book.selection).toEqual({ sheet: first.sheet, address: first.cell }));
});

test("作成した集計シートを利用者が非表示にしていれば、集計の一覧から開くときも同じように言い、頼めば表示して開く", async () => {
  const book = await FakeBook.fromXlsx(SEED);
  const fake = new FakeExcel(book);
  pane(new OfficeWorkbook(fake.run, { isSetSupported: fake.isSetSupported }), "ja", { kind: "excel" });
  await validateNow();
  fireEvent.click(screen.getByRole("tab", { name: "集計" }));
  fireEvent.click(screen.getByRole("button", { name: "集計シート作成" }));
  fireEvent.click(await screen.findByRole("button", { name: "このまま作成する" }));
  const results = await screen.findByTestId("summaries-results", {}, { timeout: 10_000 });
  book.sheet("評価集計")!.visibility = "Hidden";

  fireEvent.click(within(results).getByRole("button", { name: "評価集計" }));
  const notice = screen.getByTestId("summaries-notice");
  await waitFor(() => expect(notice.textContent).toContain("シート「評価集計」は非表示のため、そのセルを選べません。"));
  expect(book.sheet("評価集計")!.visibility).toBe("Hidden");
  fireEvent.click(within(notice).getByRole("button", { name: "シートを表示して選ぶ" }));
  await waitFor(() => expect(book.selection).toEqual({ sheet: "評価集計", address: "A1" }));
  expect(book.sheet("評価集計")!.visibility).toBe("Visible");
  await waitFor(() => expect(notice.textContent).toBe(""));
});
