/**
 * @jest-environment jsdom
 *
 * The pane says how many records each sheet gave (シート view) and shows a sheet recognised but read short as a
 * finding of its own (READ-EMPTY) in the 指摘 view: a 目次 of 3 projects, a 取組状況 that reads 2, and one that reads none.
 */
import { fireEvent, screen, within } from "@testing-library/react";
import type { SheetGrid } from "../../src/core/model/grid";
import { musashinoSheet, setCell, sheet } from "../rules/harness";
import { MemoryPort } from "./memory-port";
import { pane, validateNow } from "./pane";

/** 取組状況 with the 事業名 heading of the given projects written 事業の名称. */
function renamed(grid: SheetGrid, which: readonly number[]): SheetGrid {
  const starts = grid.rows.flatMap((r, i) => (r[0] === "事業名" ? [i] : []));
  return setCell(grid, Object.fromEntries(which.map((k) => [`A${starts[k] + 1}`, "事業の名称"])));
}

function workbook() {
  const toc = sheet("目次", [
    ["目次"],
    [],
    ["事業名", "担当課", "頁"],
    ["事業A", "企画調整課", 1],
    ["事業B", "企画調整課", 2],
    ["事業C", "企画調整課", 3],
  ]);
  const short = renamed(musashinoSheet([{ name: "事業A" }, { name: "事業B" }, { name: "事業C" }]), [1]);
  const none = renamed(musashinoSheet([{ name: "事業D" }], "取組状況2"), [0]);
  return { sheets: [toc, short, none], skippedSheets: [] };
}

const sheetItem = (name: string) => document.querySelector<HTMLElement>(`li[data-sheet="${name}"]`)!;

beforeEach(() => localStorage.clear());

test("シート view: each recognised sheet with what it gave (一覧 3 行, 2 件, 0 件)", async () => {
  pane(new MemoryPort(workbook()));
  await validateNow();
  fireEvent.click(screen.getByRole("tab", { name: /^シート/ }));
  expect(sheetItem("目次").textContent).toContain("武蔵野市 アクションプラン取組状況（目次）・一致 100%・一覧 3 行");
  expect(sheetItem("取組状況").textContent).toContain("（取組状況）・一致 100%・2 件");
  expect(sheetItem("取組状況2").textContent).toMatch(/（取組状況）・一致 \d+%・0 件/);
});

test("in English too", async () => {
  pane(new MemoryPort(workbook()), "en");
  await validateNow("Validate");
  fireEvent.click(screen.getByRole("tab", { name: /^Sheets/ }));
  expect(sheetItem("目次").textContent).toMatch(/100% match, 3 list rows/);
  expect(sheetItem("取組状況2").textContent).toMatch(/% match, 0 records/);
});

test("指摘 view: one READ-EMPTY error on each short sheet, under its pane name, with the counts and the heading not found", async () => {
  pane(new MemoryPort(workbook()));
  await validateNow();
  fireEvent.click(screen.getByRole("tab", { name: /^指摘/ }));
  const shown = [...document.querySelectorAll<HTMLElement>('button[data-rule="READ-EMPTY"]')];
  expect(shown.map((b) => `${b.closest<HTMLElement>("section[data-sheet]")!.dataset.sheet}!${b.dataset.cell}`)).toEqual(["取組状況!A1", "取組状況2!A2"]);
  expect(within(shown[0]).getByText("読み取れた件数の不足")).toBeTruthy();
  expect(shown[0].textContent).toContain("このシートから読み取れた項目は 2 件で、目次に載っている 3 件より少なくなっています。");
  expect(shown[1].textContent).toContain("見つからなかった見出し: 「事業名」。");
});
