/**
 * @jest-environment jsdom
 *
 * The pane's 回収 (年度 tab) over a port whose collectInto is the real file layer on a copy of seeds/kodaira-h29.xlsx:
 * returned files are previewed in the CLI's words before anything is written; 取り込む changes the master's cells
 * exactly where the departments wrote; a refused file says why and nothing is written; a host without collectInto
 * says where 回収 can be done. In Excel (the Office adapter over the strict fake) the same section takes files in,
 * says so in plain words on Excel older than ExcelApi 1.13, and names the files taken in when a write stops part way.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import type { CollectIntoOptions, ReturnedFile } from "../../src/workbook/collect-port";
import { checkBook } from "../../src/workbook/xlsx/collect";
import { collectIntoBook } from "../../src/workbook/xlsx/collect-into";
import { splitBook } from "../../src/workbook/xlsx/split";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { cellMap, differingCells, inputCellsOf, SEED, seedRecords } from "../cycle/collect-fixtures";
import { ROOT } from "../helpers/grid";
import { OfficeWorkbook } from "../../src/workbook/office/office-workbook";
import { readReturnedXlsx } from "../../src/workbook/xlsx/collect";
import { failInserts, FakeBook, FakeExcel, type FakeExcelOptions } from "../fakes/excel-fake";
import { MemoryPort } from "./memory-port";
import { pane } from "./pane";

jest.setTimeout(90_000);

const seed = () => new Uint8Array(readFileSync(SEED));

/** A port over the seed whose collectInto works on a loaded copy of it, as the demo's worker does. */
async function collectingPort() {
  const master = await XlsxWorkbook.load(seed(), "kodaira-h29.xlsx");
  const port = new MemoryPort(await master.readAll());
  const calls: CollectIntoOptions[] = [];
  return Object.assign(port, {
    master,
    calls,
    collectInto: async (files: readonly ReturnedFile[], options: CollectIntoOptions) => {
      calls.push(options);
      return collectIntoBook(master, files, options);
    },
  });
}

/** Departments' workbooks from splitBook; 政策課 and 水と緑と公園課 wrote their 取組実績. */
async function returnedFiles(): Promise<{ files: ReturnedFile[]; written: string[] }> {
  const book = await XlsxWorkbook.load(seed(), "kodaira-h29.xlsx");
  const split = await splitBook(book, (await checkBook(book, BUILT_IN_PROFILES)).report, { profiles: BUILT_IN_PROFILES, at: new Date("2026-11-01T00:00:00Z") });
  if (!split.ok) throw new Error("split refused");
  const records = await seedRecords();
  const written: string[] = [];
  const files: ReturnedFile[] = [];
  for (const department of ["政策課", "水と緑と公園課"]) {
    const b = split.books.find((x) => x.department === department)!;
    const dep = await XlsxWorkbook.load(b.bytes, `${department}.xlsx`);
    const sheet = b.sheets[0];
    const cell = inputCellsOf(records, sheet).result;
    dep.setCells([{ sheet, cell, value: `${department} の実績` }]);
    written.push(`${sheet}!${cell}`);
    files.push({ name: `${department}.xlsx`, bytes: await dep.toBytes() });
  }
  return { files, written: written.sort() };
}

/** The returned file with a title written into A1 of `sheet`: the form changed, so 回収 holds it. */
async function withTitleChanged(file: ReturnedFile, sheet: string): Promise<ReturnedFile> {
  const changed = await XlsxWorkbook.load(file.bytes, file.name);
  changed.setCells([{ sheet, cell: "A1", value: "様式を変えた" }]);
  return { name: file.name, bytes: await changed.toBytes() };
}

async function showCycle(): Promise<void> {
  fireEvent.click(await screen.findByRole("tab", { name: "年度" }));
  await screen.findByTestId("cycle");
}

async function pick(files: readonly ReturnedFile[]): Promise<HTMLElement> {
  const input = screen.getByTestId("collect-files") as HTMLInputElement;
  const picked = files.map((f) => {
    const file = new File([f.bytes as Uint8Array<ArrayBuffer>], f.name);
    // jsdom's File has no arrayBuffer(); the pane reads the files through it, as browsers do.
    Object.defineProperty(file, "arrayBuffer", { value: async () => f.bytes.buffer.slice(f.bytes.byteOffset, f.bytes.byteOffset + f.bytes.byteLength) });
    return file;
  });
  fireEvent.change(input, { target: { files: picked } });
  return screen.findByTestId("collect-preview", {}, { timeout: 60_000 });
}

test("戻ってきたファイルを選ぶと課・変わったセルを示し、取り込むと元のブックのそのセルだけが変わる", async () => {
  const port = await collectingPort();
  const { files, written } = await returnedFiles();
  pane(port);
  await showCycle();
  const preview = await pick(files);
  const shown = screen.getAllByTestId("collect-file").map((e) => e.textContent);
  expect(shown).toHaveLength(2);
  expect(shown[0]).toContain("政策課.xlsx");
  expect(shown[0]).toContain("課: 政策課");
  expect(shown[0]).toContain("変更された入力欄: 1 セル");
  expect(shown[0]).toContain(`置き換えるシート: ${written[0].split("!")[0]}`);
  expect(shown[1]).toContain("課: 水と緑と公園課");
  expect(preview.textContent).toContain("まだ何も書いていません");
  // Nothing is written by the preview.
  expect(port.calls.map((c) => c.dryRun)).toEqual([true]);
  expect(differingCells(await cellMap(seed()), await cellMap(await port.master.toBytes()))).toEqual([]);

  fireEvent.click(screen.getByRole("button", { name: "取り込む" }));
  const notice = await screen.findByTestId("collect-notice", {}, { timeout: 60_000 });
  expect(notice.textContent).toBe("2 件のファイルを取り込みました（置き換えたシート 2 枚、変わったセル 2）: 政策課.xlsx, 水と緑と公園課.xlsx");
  expect(screen.getByTestId("collect-lines").textContent).toContain("[集計] では提出状況を作れます");
  expect(screen.queryByTestId("collect-preview")).toBeNull();
  const after = await port.master.toBytes();
  expect(differingCells(await cellMap(seed()), await cellMap(after))).toEqual(written);
  const log = (await XlsxWorkbook.load(after, "m.xlsx")).sheetGrid("変更履歴")!;
  expect(log.rows.slice(1).map((r) => r[1])).toEqual(written.map((w) => w.split("!")[0]));
});

test("書かなかった数式の結果のセルがあれば、取り込みのあとにそのセルを示す", async () => {
  const port = await collectingPort();
  const { files } = await returnedFiles();
  // The port's outcome as the adapters give it when a spill or an array formula covered a cell to write.
  const real = port.collectInto;
  port.collectInto = async (picked, options) => {
    const out = await real(picked, options);
    return out.written ? { ...out, written: { ...out.written, formulaCells: ["取組状況!B16", "取組状況!B30"] } } : out;
  };
  pane(port);
  await showCycle();
  await pick(files);
  fireEvent.click(screen.getByRole("button", { name: "取り込む" }));
  await screen.findByTestId("collect-notice", {}, { timeout: 60_000 });
  expect(screen.getByTestId("collect-lines").textContent).toContain("次のセルは数式（動的配列を含む）の計算結果のため、書き込みませんでした: 取組状況!B16 取組状況!B30");
});

test("様式が変わって保留のファイルは、入力欄だけ取り込むを選ぶと確認が変わり、取り込むとその入力欄だけが書かれる", async () => {
  const port = await collectingPort();
  const { files, written } = await returnedFiles();
  const sheet = written[0].split("!")[0];
  const file = await withTitleChanged(files[0], sheet);
  pane(port);
  await showCycle();
  await pick([file]);
  expect(screen.getByTestId("collect-file").textContent).toContain("様式が変わっているため、このファイルは取り込みません。");
  expect((screen.getByRole("button", { name: "取り込む" }) as HTMLButtonElement).disabled).toBe(true);

  fireEvent.click(screen.getByRole("button", { name: "様式の変更は取り込まず、入力欄だけ取り込む" }));
  await screen.findByRole("button", { name: "様式の変更を認めない（このファイルは取り込まない）" }, { timeout: 60_000 });
  const shown = screen.getByTestId("collect-file").textContent;
  expect(shown).toContain("様式の変更を認めました。");
  expect(shown).toContain(`入力欄だけを書き込むシート: ${sheet}（1 セル）`);
  expect(shown).not.toContain("このファイルは取り込みません");
  await waitFor(() => expect((screen.getByRole("button", { name: "取り込む" }) as HTMLButtonElement).disabled).toBe(false));
  // Still nothing written: both were previews.
  expect(port.calls.map((c) => [c.dryRun, c.acceptFormChanges ?? []])).toEqual([
    [true, []],
    [true, [file.name]],
  ]);
  expect(differingCells(await cellMap(seed()), await cellMap(await port.master.toBytes()))).toEqual([]);

  fireEvent.click(screen.getByRole("button", { name: "取り込む" }));
  const notice = await screen.findByTestId("collect-notice", {}, { timeout: 60_000 });
  expect(notice.textContent).toBe(`1 件のファイルを取り込みました（置き換えたシート 0 枚、変わったセル 1）: ${file.name}`);
  expect(port.calls.at(-1)).toMatchObject({ dryRun: false, acceptFormChanges: [file.name] });
  const after = await cellMap(await port.master.toBytes());
  expect(differingCells(await cellMap(seed()), after)).toEqual([written[0]]);
  expect(after.get(`${sheet}!A1`)).not.toBe("様式を変えた");
});

test("入力欄だけ取り込むの確認が失敗したら、前の確認のまま: 取り込むを押しても様式の変更を認めて送らない", async () => {
  const port = await collectingPort();
  const { files, written } = await returnedFiles();
  const held = await withTitleChanged(files[0], written[0].split("!")[0]);
  // 水と緑と公園課 is taken in as usual, so 取り込む stays enabled.
  const real = port.collectInto;
  port.collectInto = async (picked, options) => {
    if (options.acceptFormChanges?.length && options.dryRun) throw new Error("読み込みに失敗");
    return real(picked, options);
  };
  pane(port);
  await showCycle();
  await pick([held, files[1]]);
  fireEvent.click(screen.getByRole("button", { name: "様式の変更は取り込まず、入力欄だけ取り込む" }));
  await screen.findByTestId("collect-notice", {}, { timeout: 60_000 });
  expect(screen.getAllByTestId("collect-file")[0].textContent).toContain("このファイルは取り込みません");
  expect(screen.getByRole("button", { name: "様式の変更は取り込まず、入力欄だけ取り込む" })).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "取り込む" }));
  await screen.findByText(/1 件のファイルを取り込みました/, {}, { timeout: 60_000 });
  expect(port.calls.at(-1)).toMatchObject({ dryRun: false });
  expect(port.calls.at(-1)!.acceptFormChanges).toBeUndefined();
  expect(differingCells(await cellMap(seed()), await cellMap(await port.master.toBytes()))).toEqual([written[1]]);
});

test("別のブックは取り込まない理由を示し、取り込むは押せず、何も書かない", async () => {
  const port = await collectingPort();
  pane(port);
  await showCycle();
  await pick([{ name: "三鷹.xlsx", bytes: new Uint8Array(readFileSync(path.join(ROOT, "seeds", "mitaka-2021.xlsx"))) }]);
  const shown = screen.getByTestId("collect-file").textContent;
  expect(shown).toContain("三鷹.xlsx");
  expect(shown).toContain("取り込みません: 配布したブックではありません");
  await waitFor(() => expect((screen.getByRole("button", { name: "取り込む" }) as HTMLButtonElement).disabled).toBe(true));
  fireEvent.click(screen.getByRole("button", { name: "取り消す" }));
  expect(screen.queryByTestId("collect-preview")).toBeNull();
  expect(port.calls.map((c) => c.dryRun)).toEqual([true]);
  expect(differingCells(await cellMap(seed()), await cellMap(await port.master.toBytes()))).toEqual([]);
});

test("回収のできないホストでは、ブラウザー版かコマンドラインを案内する", async () => {
  const port = new MemoryPort(await (await XlsxWorkbook.load(seed())).readAll());
  pane(port);
  await showCycle();
  expect(screen.getByTestId("collect-unavailable").textContent).toBe(
    "ここでは回収はできません。ブラウザー版（demo.html）でブックを開くか、コマンドラインの chosahyo collect で取り込めます。",
  );
  expect(screen.queryByTestId("collect-files")).toBeNull();
});

/** The pane in Excel: the Office adapter over the strict fake holding the seed, with the .xlsx reader for returned files. */
async function excelPane(options: FakeExcelOptions = {}) {
  const fake = new FakeExcel(await FakeBook.fromXlsx(seed()), options);
  pane(new OfficeWorkbook(fake.run, { isSetSupported: fake.isSetSupported, readReturned: readReturnedXlsx }), "ja", { kind: "excel" });
  await showCycle();
  return { fake, before: await fake.book.toXlsx() };
}

test("Excel でも、選んだファイルの確認のあと取り込むと、そのセルだけが変わり、取り込んだファイルを示す", async () => {
  const { fake, before } = await excelPane();
  const { files, written } = await returnedFiles();
  expect(screen.queryByTestId("collect-unavailable")).toBeNull();
  await pick(files);
  expect(screen.getAllByTestId("collect-file")[0].textContent).toContain("課: 政策課");
  expect(differingCells(await cellMap(before), await cellMap(await fake.book.toXlsx()))).toEqual([]);
  fireEvent.click(screen.getByRole("button", { name: "取り込む" }));
  const notice = await screen.findByTestId("collect-notice", {}, { timeout: 60_000 });
  expect(notice.textContent).toBe("2 件のファイルを取り込みました（置き換えたシート 2 枚、変わったセル 2）: 政策課.xlsx, 水と緑と公園課.xlsx");
  expect(differingCells(await cellMap(before), await cellMap(await fake.book.toXlsx()))).toEqual(written);
});

test("ExcelApi 1.13 のない Excel では、何も読み書きせずに必要な Excel を言う", async () => {
  const { fake } = await excelPane({ apiVersion: "1.12" });
  const { files } = await returnedFiles();
  const syncs = fake.syncCount;
  const input = screen.getByTestId("collect-files") as HTMLInputElement;
  fireEvent.change(input, { target: { files: files.map((f) => Object.defineProperty(new File([f.bytes as Uint8Array<ArrayBuffer>], f.name), "arrayBuffer", { value: async () => f.bytes.slice().buffer })) } });
  const notice = await screen.findByTestId("collect-notice", {}, { timeout: 60_000 });
  expect(notice.textContent).toBe(
    "戻ってきたファイルを取り込むには、Excel 2021 以降か Microsoft 365 の Excel（Web 版を含む）が必要です。この Excel では取り込めません。ブラウザー版（demo.html）でブックを開くか、コマンドラインの chosahyo collect なら取り込めます。",
  );
  expect(fake.syncCount).toBe(syncs);
  expect(screen.queryByTestId("collect-preview")).toBeNull();
});

test("Excel で書き込みが途中で止まると、取り込んだファイルと取り込んでいないファイルを言う", async () => {
  const { fake, before } = await excelPane();
  const { files, written } = await returnedFiles();
  const s0 = fake.syncCount;
  await pick(files);
  // Taking in reads as the preview did, looks once, then writes a batch per file: the second file's stops at once.
  const read = fake.syncCount - s0;
  fake.failSync(fake.syncCount + read + 1 + 2, { afterActions: 1 });
  fireEvent.click(screen.getByRole("button", { name: "取り込む" }));
  const notice = await screen.findByTestId("collect-notice", {}, { timeout: 60_000 });
  expect(notice.textContent).toBe(
    "取り込みが 水と緑と公園課.xlsx のところで止まりました。取り込んだファイル: 政策課.xlsx。まだ取り込んでいないファイル: 水と緑と公園課.xlsx。同じファイルを選んでもう一度取り込むと、残りを取り込みます（取り込み済みのファイルは変わりません）。",
  );
  expect(differingCells(await cellMap(before), await cellMap(await fake.book.toXlsx()))).toEqual(written.slice(0, 1));
});

test("返送ファイルが Web 版の Excel の一度に渡せる大きさ（5 MB）を超えると、長い文章を探せとは言わず、どこで取り込めるかを言う", async () => {
  const { files } = await returnedFiles();
  // The file's base64 is the request: a limit just under it stands in for a file over 5 MB.
  const size = Math.ceil((files[0].bytes.length * 4) / 3);
  const { fake, before } = await excelPane({ requestLimit: size - 1 });
  await pick(files.slice(0, 1));
  fireEvent.click(screen.getByRole("button", { name: "取り込む" }));
  const notice = await screen.findByTestId("collect-notice", {}, { timeout: 60_000 });
  expect(notice.textContent).toContain("まだ取り込んでいないファイル: 政策課.xlsx。");
  const lines = screen.getByTestId("collect-lines").textContent;
  expect(lines).toContain("Web 版の Excel に一度に渡せる大きさ（5 MB）を超えています");
  expect(lines).not.toContain("長い文章");
  expect(fake.syncs.some((x) => x.error === "RequestPayloadSizeLimitExceeded")).toBe(true);
  expect(differingCells(await cellMap(before), await cellMap(await fake.book.toXlsx()))).toEqual([]);
});

test("Web 版の Excel がシートの挿入を断ると、取り込んでいないことと、どうすればよいかを言う", async () => {
  const { fake, before } = await excelPane();
  const { files } = await returnedFiles();
  await pick(files.slice(0, 1));
  failInserts(fake, "UnsupportedFeature");
  fireEvent.click(screen.getByRole("button", { name: "取り込む" }));
  const notice = await screen.findByTestId("collect-notice", {}, { timeout: 60_000 });
  expect(notice.textContent).toContain("取り込んだファイル: なし。まだ取り込んでいないファイル: 政策課.xlsx。");
  expect(screen.getByTestId("collect-lines").textContent).toContain("Web 版の Excel は、コメント・グラフ・ピボットテーブル・スライサーのあるシートを取り込めません。");
  expect(differingCells(await cellMap(before), await cellMap(await fake.book.toXlsx()))).toEqual([]);
});
