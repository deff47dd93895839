/**
 * @jest-environment jsdom
 *
 * The pane's 年度 tab, 配布: the open workbook's bytes are split into one workbook per department. Excel opens each
 * as a new workbook (k / n, a stop between files); the demo saves them as one ZIP. The pane lists the files, the
 * shared items and the sheets left in the master. A host that can do neither says so. The open workbook is not written.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { unzipSync } from "fflate";
import { DISTRIBUTION_MARKER_KEY } from "../../src/core/cycle/types";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { validateWorkbook } from "../../src/core/validate";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { ROOT } from "../helpers/grid";
import { MemoryPort } from "./memory-port";
import { pane } from "./pane";

jest.setTimeout(120_000);

const SEED = readFileSync(path.join(ROOT, "seeds", "kodaira-h29.xlsx"));

async function memoryPort() {
  return new MemoryPort(await (await XlsxWorkbook.load(SEED)).readAll());
}

/** Excel's way: every workbook handed over is opened as a new one. */
async function excelPort(onOpen?: (count: number) => Promise<void> | void) {
  const port = await memoryPort();
  const opened: { bytes: Uint8Array; name: string }[] = [];
  return Object.assign(port, {
    fileBytes: async () => new Uint8Array(SEED),
    openAsNewWorkbook: async (bytes: Uint8Array, name: string) => {
      opened.push({ bytes, name });
      await onOpen?.(opened.length);
    },
    opened,
  });
}

async function distributeButton(): Promise<HTMLButtonElement> {
  fireEvent.click(await screen.findByRole("tab", { name: "年度" }));
  const run = (await screen.findByRole("button", { name: "課ごとのブックを作る" })) as HTMLButtonElement;
  await waitFor(() => expect(run.disabled).toBe(false));
  return run;
}

test("Excel では課ごとの 27 冊を新しいブックとして渡す。各ブックはその課のシートと目印を持ち、一覧に出る。開いているブックには書かない", async () => {
  const port = await excelPort();
  pane(port);
  fireEvent.click(await distributeButton());
  const notice = await screen.findByTestId("distribute-notice", {}, { timeout: 90_000 });
  expect(notice.textContent).toBe("27 課のブックを作り、新しいブックとして開きました。開いているブックは変更していません。");
  expect(port.opened).toHaveLength(27);
  expect(new Set(port.opened.map((o) => o.name)).size).toBe(27);
  const items = within(screen.getByTestId("distribute-files")).getAllByRole("listitem");
  expect(items).toHaveLength(27);
  let sheets = 0;
  const seen: string[] = [];
  for (const [i, o] of port.opened.entries()) {
    const book = await XlsxWorkbook.load(o.bytes);
    const marker = JSON.parse((await book.readSettings())[DISTRIBUTION_MARKER_KEY]) as { department: string; sheets: { name: string }[] };
    expect(o.name).toBe(`${marker.department}.xlsx`.replace(/[\\/:*?"<>|]/g, "_"));
    const names = (await book.readAll()).sheets.map((s) => s.name);
    expect(names).toEqual(marker.sheets.map((s) => s.name));
    expect(names.length).toBeGreaterThan(0);
    expect(items[i].textContent).toBe(`${o.name}: ${names.length} シート（${names.join("、")}）`);
    sheets += names.length;
    seen.push(...names);
  }
  // Each 調査票 goes to its lead department only, none twice; one that names no department by name goes to no one
  // and is listed for the office to decide. The list sheet stays in the master.
  expect(new Set(seen).size).toBe(sheets);
  const undecided = (screen.getByTestId("distribute-result").textContent!.match(/→ 配布していません/g) ?? []).length;
  const master = validateWorkbook(await (await XlsxWorkbook.load(SEED)).readAll(), { profiles: BUILT_IN_PROFILES });
  expect(sheets + undecided).toBe(new Set(master.records.filter((r) => r.layoutId === "survey").map((r) => r.sheet)).size);
  expect(screen.getByTestId("distribute-result").textContent).toContain(`入力支援を付けました（${sheets} シート）。`);
  expect(screen.getByTestId("distribute-result").textContent).toContain("配布しないシート: 評価一覧");
  expect(screen.getByTestId("distribute-result").textContent).toContain("複数の課が書かれた取組（最初の課に配布）");
  expect(port.applied).toEqual([]);
  expect(port.writes).toEqual([]);
});

test("「書かれた課すべてに配る」に印を付けると、共管の取組のシートが複数の課に渡り、シートの数が増える", async () => {
  const port = await excelPort();
  pane(port);
  const run = await distributeButton();
  fireEvent.click(screen.getByRole("checkbox", { name: /書かれた課すべてに配る/ }));
  fireEvent.click(run);
  await screen.findByTestId("distribute-notice", {}, { timeout: 90_000 });
  const perBook = await Promise.all(port.opened.map(async (o) => (await (await XlsxWorkbook.load(o.bytes)).readAll()).sheets.length));
  // Every sheet goes somewhere now, shared ones to each named department: more sheets than there are 調査票.
  const master = validateWorkbook(await (await XlsxWorkbook.load(SEED)).readAll(), { profiles: BUILT_IN_PROFILES });
  expect(perBook.reduce((a, b) => a + b, 0)).toBeGreaterThan(new Set(master.records.filter((r) => r.layoutId === "survey").map((r) => r.sheet)).size);
  expect(screen.getByTestId("distribute-result").textContent).toContain("複数の課が書かれた取組（書かれた課すべてに配布）");
});

test("Excel で開く途中で止めると、残りは開かず、止めたことと開いていない課を示す", async () => {
  let release: () => void = () => undefined;
  const port = await excelPort((n) => (n === 3 ? new Promise<void>((r) => (release = r)) : undefined));
  pane(port);
  fireEvent.click(await distributeButton());
  const stop = await screen.findByRole("button", { name: "残りを開かずに止める" }, { timeout: 90_000 });
  await waitFor(() => expect(port.opened).toHaveLength(3));
  expect(screen.getByTestId("distribute-progress").textContent).toContain("2 / 27 課");
  fireEvent.click(stop);
  release();
  const notice = await screen.findByTestId("distribute-notice");
  expect(notice.textContent).toMatch(/^27 課のブックを作り、3 課を開いたところで止めました。開いていない課: /);
  expect(port.opened).toHaveLength(3);
});

test("ファイルを保存できるホスト（デモ）には、27 冊を 1 つの ZIP にまとめて渡す", async () => {
  const port = await memoryPort();
  const saved: { bytes: Uint8Array; name: string }[] = [];
  const demo = Object.assign(port, {
    fileBytes: async () => new Uint8Array(SEED),
    openAsNewWorkbook: async () => {
      throw new Error("the demo saves one ZIP; no workbook is opened");
    },
    saveFile: async (bytes: Uint8Array, name: string) => {
      saved.push({ bytes, name });
    },
  });
  pane(demo);
  fireEvent.click(await distributeButton());
  const notice = await screen.findByTestId("distribute-notice", {}, { timeout: 90_000 });
  expect(notice.textContent).toBe("27 課のブックを作り、「調査票_配布_27課.zip」にまとめてダウンロードしました。開いているブックは変更していません。");
  expect(saved.map((s) => s.name)).toEqual(["調査票_配布_27課.zip"]);
  const entries = unzipSync(saved[0].bytes);
  const names = Object.keys(entries);
  expect(names).toHaveLength(27);
  expect(names).toContain("財政課.xlsx");
  // Each entry is a workbook that opens, with the marker of the department it is named after.
  const book = await XlsxWorkbook.load(entries["財政課.xlsx"]);
  expect(JSON.parse((await book.readSettings())[DISTRIBUTION_MARKER_KEY]).department).toBe("財政課");
  expect(within(screen.getByTestId("distribute-files")).getAllByRole("listitem")).toHaveLength(27);
});

test("ブックを渡せないホストでは、その旨を示しボタンは押せない", async () => {
  pane(await memoryPort());
  fireEvent.click(await screen.findByRole("tab", { name: "年度" }));
  expect(screen.getByText(/この Excel では課ごとのブックを作れません/)).toBeTruthy();
  expect((screen.getByRole("button", { name: "課ごとのブックを作る" }) as HTMLButtonElement).disabled).toBe(true);
});
