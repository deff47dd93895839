/**
 * @jest-environment node
 *
 * The workbook as bytes (fileBytes, through Office's file API in 4 MB slices, the file always closed again) and bytes
 * opened as a new workbook (openAsNewWorkbook, Excel.createWorkbook with base64, ExcelApi 1.8), on the strict fake.
 */
import { errorMessage } from "../../src/taskpane/format";
import { SLICE_SIZE } from "../../src/workbook/office/file-bytes";
import { toBase64 } from "../../src/workbook/office/new-workbook";
import { OfficeWorkbook } from "../../src/workbook/office/office-workbook";
import { isWorkbookError } from "../../src/workbook/port";
import { FakeBook } from "../fakes/excel-fake";
import { rig } from "./office-helpers";

/**
 * Deterministic bytes: a pseudo-random block of a prime length, repeated. No two 4 MB slices hold the same bytes (the
 * block's length does not divide the slice's), so a slice put in the wrong place shows.
 */
function noise(length: number, seed = 1): Uint8Array {
  const block = new Uint8Array(65521);
  let x = seed;
  for (let i = 0; i < block.length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    block[i] = x >>> 24;
  }
  const out = new Uint8Array(length);
  for (let at = 0; at < length; at += block.length) out.set(block.subarray(0, Math.min(block.length, length - at)), at);
  return out;
}

function surveyBook(): FakeBook {
  const book = new FakeBook();
  book.addSheet("No.1").put(0, 0, "調査票").put(4, 3, "S");
  book.addSheet("No.2").put(0, 0, "調査票").put(4, 3, "A");
  return book;
}

describe("fileBytes", () => {
  test("4 MB ずつの 3 つのスライスを順に読み、ファイルとまったく同じバイト列を返し、ファイルを閉じる", async () => {
    const { fake, book } = rig(surveyBook());
    fake.file = noise(2 * SLICE_SIZE + 12345);
    const bytes = await book.fileBytes!();
    expect(bytes.length).toBe(fake.file.length);
    expect(Buffer.from(bytes).equals(Buffer.from(fake.file))).toBe(true);
    expect(fake.fileLog).toEqual(["open 3 slices", "slice 0", "slice 1", "slice 2", "close"]);
    expect(fake.openFiles).toBe(0);
  });

  test("返したバイト列はブックとして開き直せる(シートと値がそのまま)", async () => {
    const { fake, book } = rig(surveyBook());
    const reopened = await FakeBook.fromXlsx(await book.fileBytes!());
    expect(reopened.sheets.map((s) => [s.name, s.valueAt("A1"), s.valueAt("D5")])).toEqual([
      ["No.1", "調査票", "S"],
      ["No.2", "調査票", "A"],
    ]);
    expect(fake.fileLog).toEqual(["open 1 slices", "slice 0", "close"]);
  });

  test("スライスの読み込みに失敗してもファイルを閉じ、excel-busy で止まる。次の読み込みは妨げられない", async () => {
    const { fake, book } = rig(surveyBook());
    fake.file = noise(SLICE_SIZE * 2 + 1);
    fake.fileFailure = { at: "slice", slice: 1, code: 5001 };
    const error = await book.fileBytes!().catch((e: unknown) => e);
    expect(isWorkbookError(error) && error.code).toBe("excel-busy");
    expect(errorMessage("ja", error)).toContain("もう一度実行してください");
    expect(fake.fileLog).toEqual(["open 3 slices", "slice 0", "failed slice 1 (5001)", "close"]);
    expect(fake.openFiles).toBe(0);
    fake.fileFailure = undefined;
    expect(Buffer.from(await book.fileBytes!()).equals(Buffer.from(fake.file))).toBe(true);
  });

  // 11001: Excel on the web after the workbook was renamed, until it is opened again; 7000: permission denied.
  test.each([
    ["open", 11001],
    ["slice", 11001],
    ["open", 7000],
  ] as const)("待っても直らない失敗（%s で %d）は、待てとは言わず、ブックを開き直すよう言う。ファイルは閉じる", async (at, code) => {
    const { fake, book } = rig(surveyBook());
    fake.file = noise(SLICE_SIZE + 1);
    fake.fileFailure = at === "open" ? { at, code } : { at, slice: 0, code };
    const error = await book.fileBytes!().catch((e: unknown) => e);
    expect(isWorkbookError(error) && error.code).toBe("file-unavailable");
    expect(errorMessage("ja", error)).toContain("開き直してから");
    expect(errorMessage("ja", error)).not.toContain("混み合って");
    expect(errorMessage("en", error)).toContain("open it again");
    expect(fake.openFiles).toBe(0);
  });

  test("ファイルを開けないとき(ほかのファイルが開いたまま)も excel-busy で、閉じるものはない", async () => {
    const { fake, book } = rig(surveyBook());
    fake.openFiles = 1;
    await expect(book.fileBytes!()).rejects.toMatchObject({ code: "excel-busy" });
    expect(fake.fileLog).toEqual(["failed open (11000)"]);
    fake.openFiles = 0;
    fake.fileFailure = { at: "open", code: 5001 };
    await expect(book.fileBytes!()).rejects.toMatchObject({ code: "excel-busy" });
    expect(fake.openFiles).toBe(0);
  });

  test("閉じるのに一度失敗しても、もう一度閉じてからバイト列を返す", async () => {
    const { fake, book } = rig(surveyBook());
    fake.file = noise(1000);
    fake.fileFailure = { at: "close", times: 1 };
    expect(Buffer.from(await book.fileBytes!()).equals(Buffer.from(fake.file))).toBe(true);
    expect(fake.fileLog).toEqual(["open 1 slices", "slice 0", "failed close (5001)", "close"]);
    expect(fake.openFiles).toBe(0);
  });

  test("Office の外(Office.context.document がない)では unsupported-host", async () => {
    const fake = rig(surveyBook()).fake;
    const book = new OfficeWorkbook(fake.run, { isSetSupported: fake.isSetSupported });
    await expect(book.fileBytes()).rejects.toMatchObject({ code: "unsupported-host" });
  });
});

describe("openAsNewWorkbook", () => {
  test("base64 に直して Excel.createWorkbook に渡し、それは元のバイト列に戻る", async () => {
    const { fake, book } = rig(surveyBook());
    const bytes = await fake.book.toXlsx();
    await book.openAsNewWorkbook!(bytes, "調査票_2027.xlsx");
    expect(fake.createdWorkbooks.length).toBe(1);
    expect(Buffer.from(fake.createdWorkbooks[0]).equals(Buffer.from(bytes))).toBe(true);
    const opened = await FakeBook.fromXlsx(fake.createdWorkbooks[0]);
    expect(opened.sheets.map((s) => s.name)).toEqual(["No.1", "No.2"]);
  });

  test("base64 は 20 MB でも一度に引数にせず作れ、どの長さでも Node の base64 と同じ", () => {
    const big = noise(20 * 1024 * 1024, 7);
    expect(toBase64(big) === Buffer.from(big).toString("base64")).toBe(true);
    for (const n of [0, 1, 2, 3, 4, 24575, 24576, 24577, 24578]) {
      const b = noise(n, n + 3);
      expect([n, toBase64(b)]).toEqual([n, Buffer.from(b).toString("base64")]);
    }
  });

  test("ExcelApi 1.7 の Excel では何も開かず、Excel 2019 以降か Microsoft 365 が要ること、Web 版か CLI ならできることを言う", async () => {
    const { fake, book } = rig(surveyBook(), { apiVersion: "1.7" });
    const error = await book.openAsNewWorkbook!(await fake.book.toXlsx(), "調査票_2027.xlsx").catch((e: unknown) => e);
    expect(isWorkbookError(error) && error.code).toBe("unsupported-operation");
    expect(fake.createdWorkbooks).toEqual([]);
    const ja = errorMessage("ja", error);
    expect(ja).toMatch(/Excel 2019 以降か Microsoft 365/);
    expect(ja).toMatch(/Web 版/);
    expect(ja).toMatch(/コマンドライン/);
    expect(errorMessage("en", error)).toMatch(/Excel 2019 or later.*web version.*command line/s);
  });

  test("要件セットの答えが当てにならず Office.js が ApiNotFound を投げても、同じ言葉で断る", async () => {
    const { fake, book } = rig(surveyBook(), { apiVersion: "1.7", isSetSupported: () => true });
    await expect(book.openAsNewWorkbook!(await fake.book.toXlsx(), "x.xlsx")).rejects.toMatchObject({ code: "unsupported-operation" });
    expect(fake.createdWorkbooks).toEqual([]);
  });
});
