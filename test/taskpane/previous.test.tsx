/**
 * @jest-environment jsdom
 *
 * The pane's 前年度と比べる (年度 tab), in Excel (the Office adapter over the strict fake, this year's workbook the
 * 平成30年度 built from 小平's sample by test/compare/next-year.ts): picking the sample as last year's file copies it in
 * and says so; the next check says which year it compared with and lists the year-over-year findings like any other;
 * 集計 offers 前年度比較; a pair of different formats is refused in words and nothing is copied; older Excel is told
 * what it needs. On a host that cannot copy a file in, 前年度_ sheets already in the workbook can be pointed to.
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { YEAR_OVER_YEAR_RULES } from "../../src/core/compare/previous";
import { PREVIOUS_YEAR_KEY } from "../../src/core/compare/settings";
import { OfficeWorkbook } from "../../src/workbook/office/office-workbook";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { kodairaNextYear, seed, validated, type Year } from "../compare/next-year";
import { FakeBook, FakeExcel, type FakeExcelOptions } from "../fakes/excel-fake";
import { MemoryPort } from "./memory-port";
import { pane, validateNow } from "./pane";

jest.setTimeout(120_000);

let last: Year;
let next: Year;
/** The year-over-year findings the CLI's validate --previous gives, as the pane shows them (rule and message). */
let expectedMessages: string[];

beforeAll(async () => {
  ({ last, next } = await kodairaNextYear());
  const withPrevious = await validated(next.bytes, { previous: last.report });
  expectedMessages = withPrevious.report.findings.filter((f) => YEAR_OVER_YEAR_RULES.includes(f.ruleId)).map((f) => f.message.ja);
});

async function excel(options: FakeExcelOptions = {}) {
  const fake = new FakeExcel(await FakeBook.fromXlsx(next.bytes), options);
  return { fake, port: new OfficeWorkbook(fake.run, { isSetSupported: fake.isSetSupported }) };
}

async function showCycle(): Promise<void> {
  fireEvent.click(await screen.findByRole("tab", { name: "年度" }));
  await screen.findByTestId("cycle-previous");
}

function pick(name: string, bytes: Uint8Array): void {
  const file = new File([bytes as Uint8Array<ArrayBuffer>], name);
  // jsdom's File has no arrayBuffer(); the pane reads the file through it, as browsers do.
  Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.slice().buffer });
  fireEvent.change(screen.getByTestId("previous-file"), { target: { files: [file] } });
}

const noticeText = async (text: string) => waitFor(() => expect(screen.getByTestId("previous-notice").textContent).toContain(text), { timeout: 60_000 });

test("Excel: 前年度のファイルを選ぶと写したと言い、検証で前年度と比べた指摘が並び、集計に前年度比較が出る", async () => {
  const { fake, port } = await excel();
  pane(port, "ja", { kind: "excel" });
  await showCycle();
  pick("kodaira-h29.xlsx", seed("kodaira-h29.xlsx"));
  const copied = last.report.sheets.filter((s) => s.status === "recognised").length;
  await noticeText(`kodaira-h29.xlsx の調査票のシート ${copied} 枚を「前年度_」の非表示シートとして写しました。`);
  expect(screen.getByTestId("previous-setting").textContent).toBe(`前年度: kodaira-h29.xlsx（平成29年度、シート ${copied} 枚）`);
  expect(fake.book.sheets.filter((s) => s.name.startsWith("前年度_") && s.visibility === "Hidden")).toHaveLength(copied);

  await validateNow();
  expect(screen.getByTestId("previous-status").textContent).toBe(`前年度（平成29年度、シート ${copied} 枚）と比べました。前年度と比べた指摘: ${expectedMessages.length} 件。`);
  fireEvent.click(screen.getByRole("tab", { name: /^指摘/ }));
  const shown = [...document.querySelectorAll("[data-rule]")];
  const yoy = shown.filter((e) => YEAR_OVER_YEAR_RULES.includes(e.getAttribute("data-rule") as (typeof YEAR_OVER_YEAR_RULES)[number]));
  expect(yoy).toHaveLength(expectedMessages.length);
  for (const m of expectedMessages) expect(yoy.some((e) => e.textContent?.includes(m))).toBe(true);
  expect(expectedMessages.some((m) => m.includes("No.5!F8"))).toBe(true);

  fireEvent.click(screen.getByRole("tab", { name: "集計" }));
  await waitFor(() => expect(screen.getByTestId("summaries").querySelector("input[type=checkbox][data-summary=前年度比較]")).not.toBeNull());
});

test("Excel: 形式の違うブック（武蔵野）を選ぶと、比べられない理由を言葉で示し、何も写さない", async () => {
  const { fake, port } = await excel();
  pane(port, "ja", { kind: "excel" });
  await validateNow();
  await showCycle();
  pick("musashino-h29.xlsx", seed("musashino-h29.xlsx"));
  await noticeText("前年度と比べられません。");
  expect(screen.getByTestId("previous-notice").textContent).toContain("様式が違うため、比較できません。");
  expect(fake.book.sheets.some((s) => s.name.startsWith("前年度_"))).toBe(false);
  expect(screen.queryByTestId("previous-setting")).toBeNull();
});

test("ExcelApi 1.12 の Excel では、何が要るかと代わりの方法を示す", async () => {
  const { fake, port } = await excel({ apiVersion: "1.12" });
  pane(port, "ja", { kind: "excel" });
  await showCycle();
  const names = fake.book.sheets.map((s) => s.name);
  pick("kodaira-h29.xlsx", seed("kodaira-h29.xlsx"));
  await noticeText("Excel 2021 以降か Microsoft 365 の Excel");
  expect(fake.book.sheets.map((s) => s.name)).toEqual(names);
});

test("ファイルを写せないホストでも、ブックにある「前年度_」のシートを前年度として使え、解除できる", async () => {
  const thisYear = await (await XlsxWorkbook.load(next.bytes, "h30.xlsx")).readAll();
  const lastBook = await XlsxWorkbook.load(seed("kodaira-h29.xlsx"), "h29.xlsx");
  const lastSheets = last.report.sheets.filter((s) => s.status === "recognised").map((s) => ({ ...lastBook.sheetGrid(s.name)!, name: `前年度_${s.name}` }));
  const port = new MemoryPort({ ...thisYear, sheets: [...thisYear.sheets, ...lastSheets] });
  pane(port);
  await validateNow();
  await showCycle();
  expect(within(screen.getByTestId("cycle-previous")).getByText(/ここでは前年度のブックを写せません/)).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: `「前年度_」のシート ${lastSheets.length} 枚を前年度として使う` }));
  await noticeText(`「前年度_」のシート ${lastSheets.length} 枚を前年度として使います。`);
  expect(JSON.parse(port.settings[PREVIOUS_YEAR_KEY]).sheets[0]).toEqual({ copy: lastSheets[0].name, original: lastSheets[0].name.slice(4) });
  await validateNow();
  expect(screen.getByTestId("previous-status").textContent).toContain(`前年度と比べた指摘: ${expectedMessages.length} 件。`);

  fireEvent.click(screen.getByRole("button", { name: "前年度の設定を解除する" }));
  await noticeText("前年度の設定を解除しました。");
  expect(port.settings).not.toHaveProperty(PREVIOUS_YEAR_KEY);
  // The user's own 前年度_ sheets stay.
  expect(port.sheets.filter((s) => s.name.startsWith("前年度_"))).toHaveLength(lastSheets.length);
});
