/**
 * @jest-environment jsdom
 *
 * The 集計 view over an in-memory port: the sheets this workbook can give, the warning when the check found errors
 * (go on, or back to the error findings), the progress count while writing, the sheets written with the `(2)` note
 * and the chart note, opening a sheet, cancel before the write, and the generated sheets after a re-check; over
 * the file adapter, the note on each list of a legacy shared workbook (共有ブック), which gets a filter, not a table.
 */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { WorkbookSnapshot } from "../../src/core/model/grid";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { validateWorkbook } from "../../src/core/validate";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { kodairaSeed, ROOT } from "../helpers/grid";
import { MemoryPort } from "./memory-port";
import { pane, validateNow } from "./pane";

let seed: WorkbookSnapshot;
let errors: number;
beforeAll(async () => {
  seed = await kodairaSeed();
  errors = validateWorkbook(seed, { profiles: BUILT_IN_PROFILES }).findings.filter((f) => f.severity === "error").length;
});

beforeEach(() => {
  localStorage.clear();
});



const summaryView = () => screen.getByTestId("summaries");

/** A gate the memory port's write waits at, after the sheet `at` is written. */
function holdWriteAt(port: MemoryPort, at: number): () => void {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  port.onSheetWritten = (done) => (done === at ? gate : undefined);
  return release;
}

test("検証の前は案内だけ；検証のあとは作れる集計シートを説明つきで選べる", async () => {
  pane(new MemoryPort(seed));
  fireEvent.click(screen.getByRole("tab", { name: "集計" }));
  expect(screen.getByText(/\[検証\] のあとで、検証した調査票から集計シートを作成できます/)).toBeTruthy();
  await validateNow();
  const view = summaryView();
  const boxes = within(view).getAllByRole("checkbox");
  expect(boxes.map((b) => b.getAttribute("data-summary") ?? "reposts")).toEqual(["評価一覧", "評価集計", "指標達成状況", "検証結果", "reposts"]);
  for (const b of boxes) expect((b as HTMLInputElement).checked).toBe(b.getAttribute("data-summary") !== null); // 再掲: off by default
  // Each sheet has a one-line description, read with its checkbox.
  const crosstab = within(view).getByRole("checkbox", { name: "評価集計" });
  expect(document.getElementById(crosstab.getAttribute("aria-describedby")!)!.textContent).toContain("方針ごと・所管課ごと");
  expect(within(view).getByText("このブックの調査票からは作成できないシート: 未着手・中止一覧")).toBeTruthy();
  expect(within(view).getByRole("checkbox", { name: "再掲を集計に含める" })).toBeTruthy();
  // Nothing chosen: nothing to create.
  for (const name of ["評価一覧", "評価集計", "指標達成状況", "検証結果"]) fireEvent.click(within(view).getByRole("checkbox", { name }));
  expect((within(view).getByRole("button", { name: "集計シート作成" }) as HTMLButtonElement).disabled).toBe(true);
  expect(within(view).getByText("作成するシートを 1 つ以上選んでください。")).toBeTruthy();
});

test("エラーの指摘があると先に確認し、「指摘を確認する」でエラーの指摘に戻る", async () => {
  const port = new MemoryPort(seed);
  pane(port);
  await validateNow();
  fireEvent.click(screen.getByRole("tab", { name: "集計" }));
  fireEvent.click(screen.getByRole("button", { name: "集計シート作成" }));
  const warning = screen.getByTestId("summaries-confirm");
  expect(within(warning).getByText(`エラーの指摘が ${errors} 件あります。このまま集計シートを作成しますか？`)).toBeTruthy();
  expect(document.activeElement).toBe(warning); // the keyboard is taken to the question
  expect(port.writes).toEqual([]);
  // Escape leaves the question; nothing is written.
  fireEvent.keyDown(warning, { key: "Escape" });
  expect(screen.queryByTestId("summaries-confirm")).toBeNull();
  fireEvent.click(screen.getByRole("button", { name: "集計シート作成" }));
  fireEvent.click(screen.getByRole("button", { name: "指摘を確認する" }));
  expect(screen.getByRole("tab", { name: /^指摘/ }).getAttribute("aria-selected")).toBe("true");
  const shown = screen.getAllByRole("button").filter((b) => b.dataset.findingIndex !== undefined);
  expect(shown).toHaveLength(errors);
  expect(port.writes).toEqual([]);
});

test("このまま作成すると、書き込みの進み具合を数で示し、作成したシートを一覧にして、選ぶとそのシートを開く", async () => {
  const port = new MemoryPort(seed);
  pane(port);
  await validateNow();
  fireEvent.click(screen.getByRole("tab", { name: "集計" }));
  fireEvent.click(screen.getByRole("button", { name: "集計シート作成" }));
  const release = holdWriteAt(port, 2);
  fireEvent.click(screen.getByRole("button", { name: "このまま作成する" }));

  // Held after the second sheet: the count, and why 中止 cannot be pressed now.
  const progress = await screen.findByTestId("summaries-progress");
  await waitFor(() => expect([progress.dataset.phase, progress.textContent]).toEqual(["write", expect.stringContaining("2 / 4 シート")]));
  expect(progress.textContent).toContain("集計シートを書き込んでいます");
  expect(progress.textContent).toContain("途中では中止できません");
  expect(within(progress).getByRole("button", { name: "中止" }).getAttribute("aria-disabled")).toBe("true");
  expect((screen.getByRole("button", { name: "検証" }) as HTMLButtonElement).disabled).toBe(true);
  await act(async () => release());

  const results = await screen.findByTestId("summaries-results");
  expect(screen.getByTestId("summaries-notice").textContent).toBe("4 シートを作成しました。シート名を選ぶと、そのシートを開きます。");
  const items = within(results).getAllByRole("listitem");
  expect(items.map((li) => li.dataset.sheet)).toEqual(["評価一覧 (2)", "評価集計", "指標達成状況", "検証結果"]);
  expect(items[0].textContent).toContain("利用者のシート「評価一覧」があるため「評価一覧 (2)」として作成しました。");
  expect(items[1].textContent).toContain("グラフはこの環境では作成できません（Excel で作成してください）。");
  expect(items[2].querySelector("[data-note]")).toBeNull();
  expect(document.activeElement).toBe(within(results).getByRole("heading", { name: "作成したシート" }));

  fireEvent.click(within(results).getByRole("button", { name: "評価集計" }));
  await waitFor(() => expect(port.selections).toEqual([{ sheet: "評価集計", address: "A1" }]));
});

test("作り直すと前回のシートを置き換え、もう一度検証すると作成したシートは「このアドインが作成したシート」として並ぶ", async () => {
  const port = new MemoryPort(seed);
  pane(port);
  await validateNow();
  const counts = screen.getByTestId("summary").textContent;
  fireEvent.click(screen.getByRole("tab", { name: "集計" }));
  fireEvent.click(screen.getByRole("checkbox", { name: "再掲を集計に含める" }));
  fireEvent.click(screen.getByRole("button", { name: "集計シート作成" }));
  fireEvent.click(screen.getByRole("button", { name: "このまま作成する" }));
  await screen.findByTestId("summaries-results");
  const crosstab = port.sheets.find((s) => s.name === "評価集計")!;
  expect(crosstab.rows.find((r) => r[0] === "計")!.slice(1, 6)).toEqual([3, 30, 10, 0, 43]); // reposts counted

  await validateNow();
  expect(screen.getByTestId("summary").textContent).toBe(counts); // the generated sheets add no finding
  fireEvent.click(screen.getByRole("tab", { name: /^シート/ }));
  const owned = document.querySelectorAll("li[data-status='owned']");
  expect([...owned].map((li) => (li as HTMLElement).dataset.sheet)).toEqual(["評価一覧 (2)", "評価集計", "指標達成状況", "検証結果"]);
  expect(owned[0].textContent).toContain("このアドインが作成したシート（確認しません）");
  expect(owned[0].querySelector("select")).toBeNull();
  expect(document.querySelectorAll("li[data-status='unrecognised']")).toHaveLength(0);
  expect(screen.getByText(/このアドインが作成したシート（集計シート・変更履歴）が 4 シートあります/)).toBeTruthy();

  fireEvent.click(screen.getByRole("tab", { name: "集計" }));
  fireEvent.click(screen.getByRole("button", { name: "集計シート作成" }));
  fireEvent.click(screen.getByRole("button", { name: "このまま作成する" }));
  await waitFor(() => expect(port.writes).toHaveLength(2));
  const results = await screen.findByTestId("summaries-results");
  const items = within(results).getAllByRole("listitem");
  expect(items.map((li) => li.dataset.sheet)).toEqual(["評価一覧 (2)", "評価集計", "指標達成状況", "検証結果"]);
  for (const li of items) expect(li.textContent).toContain("前回作成したシートを書き直しました（このシートを参照する数式やグラフはそのまま使えます）。");
  expect(port.sheets).toHaveLength(seed.sheets.length + 4);
});

test("書き込みの前なら中止でき、何も作らない", async () => {
  const port = new MemoryPort(seed);
  pane(port);
  await validateNow();
  fireEvent.click(screen.getByRole("tab", { name: "集計" }));
  fireEvent.click(screen.getByRole("button", { name: "集計シート作成" }));
  fireEvent.click(screen.getByRole("button", { name: "このまま作成する" }));
  // The first sheet is built after a turn of the event loop: 中止 is pressed before it.
  const cancel = within(screen.getByTestId("summaries-progress")).getByRole("button", { name: "中止" });
  expect(document.activeElement).toBe(cancel);
  fireEvent.click(cancel);
  await waitFor(() => expect(screen.getByTestId("summaries-notice").textContent).toBe("中止しました。集計シートは作成していません。"));
  expect(port.writes).toEqual([]);
  expect(screen.queryByTestId("summaries-results")).toBeNull();
  expect((screen.getByRole("button", { name: "集計シート作成" }) as HTMLButtonElement).disabled).toBe(false);
});

test("エラーの指摘がなければ確認なしで作成する（英語の表示でも）", async () => {
  // Only the sheets without error findings (and no 評価一覧 of the user's: no `(2)`).
  const report = validateWorkbook(seed, { profiles: BUILT_IN_PROFILES });
  const withErrors = new Set(report.findings.filter((f) => f.severity === "error").map((f) => f.sheet));
  const sheets = seed.sheets.filter((s) => !withErrors.has(s.name) && s.name !== "評価一覧");
  const snapshot = { ...seed, sheets };
  expect(validateWorkbook(snapshot, { profiles: BUILT_IN_PROFILES }).findings.filter((f) => f.severity === "error")).toEqual([]);
  const port = new MemoryPort(snapshot);
  pane(port, "en");
  await validateNow("Validate");
  fireEvent.click(screen.getByRole("tab", { name: "Summaries" }));
  fireEvent.click(screen.getByRole("checkbox", { name: "指標達成状況" }));
  fireEvent.click(screen.getByRole("button", { name: "Create summary sheets" }));
  expect(screen.queryByTestId("summaries-confirm")).toBeNull();
  const results = await screen.findByTestId("summaries-results");
  expect(within(results).getAllByRole("listitem").map((li) => li.dataset.sheet)).toEqual(["評価一覧", "評価集計", "検証結果"]);
  expect(within(results).getByRole("heading").textContent).toBe("Sheets created");
  expect(results.textContent).toContain("The chart cannot be created here (create it in Excel).");
  expect(screen.getByTestId("summaries-notice").textContent).toBe("Created 3 sheets. Select a sheet's name to open it.");
});

test("セルを選べない Excel では、作成したシートの名前は文字だけで示す", async () => {
  const port = new MemoryPort(seed);
  pane(port, "ja", { kind: "excel", missingRequirements: [{ feature: "select", set: "ExcelApi", version: "1.1", optional: false }] });
  await validateNow();
  fireEvent.click(screen.getByRole("tab", { name: "集計" }));
  fireEvent.click(screen.getByRole("button", { name: "集計シート作成" }));
  fireEvent.click(screen.getByRole("button", { name: "このまま作成する" }));
  const results = await screen.findByTestId("summaries-results");
  expect(within(results).queryAllByRole("button")).toHaveLength(0);
  expect(within(results).getByText("評価集計")).toBeTruthy();
});

test("共有ブック（変更履歴のあるブック）では、一覧のシートごとに、テーブルにせずフィルターを付けたと示す", async () => {
  const bytes = new Uint8Array(readFileSync(path.join(ROOT, "test", "fixtures", "preserve", "lo-kodaira-shared.xlsx")));
  pane(await XlsxWorkbook.load(bytes, "lo-kodaira-shared.xlsx"));
  await validateNow();
  fireEvent.click(screen.getByRole("tab", { name: "集計" }));
  fireEvent.click(screen.getByRole("button", { name: "集計シート作成" }));
  fireEvent.click(screen.getByRole("button", { name: "このまま作成する" }));
  const results = await screen.findByTestId("summaries-results", {}, { timeout: 10000 });
  const noted = within(results)
    .getAllByRole("listitem")
    .filter((li) => li.querySelector("[data-note='omitted-table']"))
    .map((li) => li.dataset.sheet);
  // The lists: 評価一覧, 指標達成状況 and 検証結果; 評価集計 is a cross-table with no table.
  expect(noted).toEqual(["評価一覧 (2)", "指標達成状況", "検証結果"]);
  expect(results.textContent).toContain("共有ブック（従来の共有機能）のため、テーブルにせず見出しにフィルターを付けました。");
});
