/**
 * @jest-environment jsdom
 *
 * The whole pane over an in-memory port: 検証 with counts, selecting a cell, applying a fix, settings that round-trip
 * through the workbook, the language toggle, cancel.
 */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { WorkbookSnapshot } from "../../src/core/model/grid";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { parseSettings } from "../../src/core/settings";
import { validateWorkbook } from "../../src/core/validate";
import { kodairaSeed } from "../helpers/grid";
import { MemoryPort } from "./memory-port";
import { pane, validateNow } from "./pane";

let seed: WorkbookSnapshot;
beforeAll(async () => {
  seed = await kodairaSeed();
});

beforeEach(() => {
  localStorage.clear();
});



/** The seed with the 1次評価 of No.1 in full width: one CODE-VARIANT. */
function seedWithVariant(): { snapshot: WorkbookSnapshot; cell: string } {
  const report = validateWorkbook(seed, { profiles: BUILT_IN_PROFILES });
  const rec = report.records.find((r) => r.sheet === "No.1")!;
  const code = rec.codes.eval1!;
  const sheets = seed.sheets.map((g) => {
    if (g.name !== "No.1") return g;
    const rows = g.rows.map((r) => [...r]);
    rows[code.cell.row - g.top][code.cell.col - g.left] = "Ａ";
    return { ...g, rows };
  });
  const cols = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  return { snapshot: { ...seed, sheets }, cell: `${cols[code.cell.col]}${code.cell.row + 1}` };
}

test("検証すると件数と指摘が出て、指摘を選ぶとそのセルが選ばれる", async () => {
  const port = new MemoryPort(seed);
  pane(port);
  expect(screen.getByRole("heading", { level: 1, name: "調査票チェッカー" })).toBeTruthy();
  expect(document.documentElement.dataset.ready).toBe("true");
  await validateNow();
  const expected = validateWorkbook(seed, { profiles: BUILT_IN_PROFILES }).findings;
  const errors = expected.filter((f) => f.severity === "error").length;
  expect(screen.getByTestId("count-error").textContent).toBe(`エラー ${errors} 件`);
  expect(screen.getAllByRole("button").filter((b) => b.dataset.findingIndex !== undefined)).toHaveLength(expected.length);
  const first = screen.getAllByRole("button").find((b) => b.dataset.findingIndex === "0")!;
  fireEvent.click(first);
  await waitFor(() => expect(port.selections).toEqual([{ sheet: expected[0].sheet, address: expected[0].cell }]));
});

test("修正を適用すると、ポートに書き、もう一度検証して一覧を更新する", async () => {
  const { snapshot, cell } = seedWithVariant();
  const port = new MemoryPort(snapshot);
  pane(port);
  await validateNow();
  fireEvent.change(screen.getByLabelText("規則で絞り込む"), { target: { value: "CODE-VARIANT" } });
  const item = await screen.findByRole("button", { name: new RegExp(`^${cell}`) });
  fireEvent.click(item);
  expect(screen.getByTestId("edit").textContent).toBe(`${cell}: Ａ → A`);
  const reads = port.reads;
  fireEvent.click(screen.getByRole("button", { name: "この修正を適用" }));
  await waitFor(() => expect(port.reads).toBe(reads + 1));
  await waitFor(() => expect(screen.getByTestId("notice").textContent).toContain("1 セルを修正し"));
  expect(port.applied).toEqual([{ sheet: "No.1", cell, before: "Ａ", after: "A", ruleId: "CODE-VARIANT" }]);
  expect(screen.queryAllByRole("button").filter((b) => b.dataset.rule === "CODE-VARIANT")).toHaveLength(0);
});

test("段階・対象年度・シートのプロファイル指定はブックに保存され、開き直すと戻る", async () => {
  const port = new MemoryPort(seed);
  const first = pane(port);
  await validateNow();
  fireEvent.click(screen.getByRole("tab", { name: "設定" }));
  fireEvent.click(screen.getByRole("radio", { name: /本部評価後/ }));
  await waitFor(() => expect(port.settings.stage).toBe("本部評価後"));
  fireEvent.change(screen.getByLabelText("対象年度"), { target: { value: "2017" } });
  await waitFor(() => expect(port.settings.fiscalYear).toBe("2017"));
  fireEvent.click(screen.getByRole("tab", { name: /^シート/ }));
  fireEvent.change(screen.getByLabelText("シート「No.3」のプロファイル"), { target: { value: "none" } });
  await waitFor(() => expect(parseSettings(port.settings).overrides).toEqual({ "No.3": "none" }));
  expect(screen.getByText(/設定が変わりました/)).toBeTruthy();
  first.unmount();

  // The same workbook opened again: the settings come back from it.
  pane(port);
  await screen.findByRole("button", { name: "検証" });
  fireEvent.click(screen.getByRole("tab", { name: "設定" }));
  await waitFor(() => expect((screen.getByRole("radio", { name: /本部評価後/ }) as HTMLInputElement).checked).toBe(true));
  expect((screen.getByLabelText("対象年度") as HTMLSelectElement).value).toBe("2017");
  expect(screen.getByText(/1 シートに指定があります/)).toBeTruthy();
  await validateNow();
  const expected = validateWorkbook(seed, { profiles: BUILT_IN_PROFILES, stage: "本部評価後", fiscalYear: 2017, overrides: { "No.3": "none" } });
  expect(Number(screen.getByTestId("count-error").dataset.count)).toBe(expected.findings.filter((f) => f.severity === "error").length);
});

test("計画期間: シートの見出しから読んだ期間と、前回の検証で使った年度の出どころを示し、入力した期間はブックに保存されて検証に使われる", async () => {
  const port = new MemoryPort(seed);
  pane(port);
  await validateNow();
  fireEvent.click(screen.getByRole("tab", { name: "設定" }));
  expect(screen.getByText("シートの年度の見出しから読み取った期間: 2017年度（平成29年度）〜2020年度（令和2年度）")).toBeTruthy();
  const used = screen.getByTestId("used-years");
  expect(used.textContent).toContain("対象年度: 平成29年度（シートの表題から読み取り）");
  expect(used.textContent).toContain("計画期間: 平成29年度〜令和2年度（年度の見出しから読み取り）");

  const field = screen.getByLabelText("計画期間") as HTMLInputElement;
  fireEvent.change(field, { target: { value: "来年から" } });
  fireEvent.blur(field);
  expect(await screen.findByText(/計画期間として読めません/)).toBeTruthy();
  expect(port.settings.planPeriod ?? "").toBe("");

  fireEvent.change(field, { target: { value: "平成29〜令和元" } });
  fireEvent.blur(field);
  await waitFor(() => expect(port.settings.planPeriod).toBe("2017-2019"));
  await validateNow();
  fireEvent.click(screen.getByRole("tab", { name: "設定" }));
  expect(screen.getByTestId("used-years").textContent).toContain("計画期間: 平成29年度〜令和元年度（指定された値）");
  expect(parseSettings(port.settings).planPeriod).toEqual({ from: 2017, to: 2019 });
});

test("計画期間: 日本語入力の変換を確定する Enter では保存も判定もせず、入力を終える Enter で保存する", async () => {
  const port = new MemoryPort(seed);
  pane(port);
  await validateNow();
  fireEvent.click(screen.getByRole("tab", { name: "設定" }));
  const field = screen.getByLabelText("計画期間") as HTMLInputElement;
  // 令和5〜10 typed with the IME on: the Enter that confirms １ (before ０) is part of the typing.
  fireEvent.change(field, { target: { value: "令和５〜１" } });
  fireEvent.keyDown(field, { key: "Enter", isComposing: true, keyCode: 229 });
  // Safari: the same Enter after compositionend, told by its keyCode.
  fireEvent.keyDown(field, { key: "Enter", keyCode: 229 });
  fireEvent.change(field, { target: { value: "令和５〜" } });
  fireEvent.keyDown(field, { key: "Enter", isComposing: true, keyCode: 229 });
  expect(screen.queryByText(/計画期間として読めません/)).toBeNull();
  expect(port.settings.planPeriod ?? "").toBe("");
  fireEvent.change(field, { target: { value: "令和５〜１０" } });
  fireEvent.keyDown(field, { key: "Enter", keyCode: 13 });
  await waitFor(() => expect(port.settings.planPeriod).toBe("2023-2028"));
});

test("English に切り替えると、すべての表示が英語になる", async () => {
  pane(new MemoryPort(seed));
  fireEvent.click(screen.getByRole("button", { name: "English" }));
  expect(screen.getByRole("heading", { level: 1, name: "Chosahyo Checker" })).toBeTruthy();
  expect(document.documentElement.lang).toBe("en");
  expect(localStorage.getItem("chosahyo.lang")).toBe("en");
  await validateNow("Validate");
  expect(screen.getByRole("tab", { name: /^Findings/ })).toBeTruthy();
  expect(screen.getByTestId("count-error").textContent).toMatch(/^error \d+$/);
  fireEvent.click(screen.getByRole("button", { name: "日本語" }));
  expect(screen.getByRole("button", { name: "検証" })).toBeTruthy();
});

test("中止すると途中で止まり、その旨を伝える", async () => {
  // A big workbook (the seed ten times over) so that the check spans many batches.
  const sheets = Array.from({ length: 10 }, (_, i) => seed.sheets.map((s) => ({ ...s, name: `${s.name}-${i}` }))).flat();
  pane(new MemoryPort({ ...seed, sheets }));
  const button = await screen.findByRole("button", { name: "検証" });
  await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(button);
  const cancel = await screen.findByRole("button", { name: "中止" });
  expect(await screen.findByText(/^\d+ \/ \d+ シート$/)).toBeTruthy();
  await act(async () => {
    fireEvent.click(cancel);
  });
  await waitFor(() => expect(screen.getByTestId("notice").textContent).toBe("中止しました。"));
  expect(screen.queryByTestId("summary")).toBeNull();
});

test("Excel が足りない機能を名前で示し、読めなければ検証を押せない", async () => {
  pane(new MemoryPort(seed), "ja", {
    kind: "excel",
    missingRequirements: [{ feature: "read", set: "ExcelApi", version: "1.7", optional: false }],
  });
  const bar = screen.getByTestId("requirements");
  expect(within(bar).getByText("この機能には Excel の新しいバージョンが必要です。")).toBeTruthy();
  expect(bar.textContent).toContain("ブックの読み取り（ExcelApi 1.7）");
  await waitFor(() => expect((screen.getByRole("button", { name: "検証" }) as HTMLButtonElement).disabled).toBe(true));
});
