/**
 * @jest-environment jsdom
 *
 * The pane's 年度 tab, 年度更新: the workbook's bytes are rolled and handed to the host as a new workbook; the pane
 * says what was made and what changed, or why it could not; a host that cannot make a new workbook says so and
 * offers nothing to press. The open workbook is not written.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { validateWorkbook } from "../../src/core/validate";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { ROOT } from "../helpers/grid";
import type { SheetInputAids } from "../../src/core/input-aids/types";
import { readSheetAids } from "../helpers/input-aids-read";
import { MemoryPort } from "./memory-port";
import { OfficeWorkbook } from "../../src/workbook/office/office-workbook";
import { FakeBook, FakeExcel } from "../fakes/excel-fake";
import { pane } from "./pane";

jest.setTimeout(60_000);

/** A port over a sample file that can hand out its bytes and take a new workbook, as the demo's and Excel's do. */
async function filePort(file: string) {
  const bytes = readFileSync(path.join(ROOT, "seeds", file));
  const port = new MemoryPort(await (await XlsxWorkbook.load(bytes)).readAll());
  const opened: { bytes: Uint8Array; name: string }[] = [];
  return Object.assign(port, {
    fileBytes: async () => new Uint8Array(bytes),
    openAsNewWorkbook: async (b: Uint8Array, name: string) => {
      opened.push({ bytes: b, name });
    },
    opened,
  });
}

async function showCycle(): Promise<void> {
  fireEvent.click(await screen.findByRole("tab", { name: "年度" }));
  await screen.findByTestId("cycle");
}

test("次年度の調査票を作ると、平成30年度のブックを新しいブックとして渡し、変えたセルの数を示す。開いているブックには書かない", async () => {
  const port = await filePort("kodaira-h29.xlsx");
  pane(port, "ja", { fileName: "小平市調査票.xlsx" });
  await showCycle();
  const run = await screen.findByRole("button", { name: "次年度の調査票を作る" });
  await waitFor(() => expect((run as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(run);
  const notice = await screen.findByTestId("cycle-notice", {}, { timeout: 30_000 });
  expect(notice.textContent).toBe("平成29年度の調査票から平成30年度の調査票を作りました。");
  expect(screen.getByTestId("cycle-lines").textContent).toContain("変更したセル 712");
  expect(port.opened.map((o) => o.name)).toEqual(["小平市調査票_平成30年度.xlsx"]);
  const rolled = validateWorkbook(await (await XlsxWorkbook.load(port.opened[0].bytes)).readAll(), { profiles: BUILT_IN_PROFILES });
  expect(rolled.fiscalYear).toBe(2018);
  // The input aids are on next year's sheets by default, and the pane says so.
  expect(readSheetAids(port.opened[0].bytes, "No.1").validations.filter((v) => v.type === "list").map((v) => v.sqref)).toEqual(["F12", "G12"]);
  expect(screen.getByTestId("cycle-lines").textContent).toContain("入力支援を 59 シートに設定しました");
  expect(port.applied).toEqual([]);
  expect(port.writes).toEqual([]);
});

test("完了・廃止・統合した取組を除く、を選べる", async () => {
  const port = await filePort("kodaira-h29.xlsx");
  pane(port);
  await showCycle();
  const box = screen.getByRole("checkbox", { name: "完了・廃止・統合した取組のシートを除く" });
  fireEvent.click(box);
  expect((box as HTMLInputElement).checked).toBe(true);
});

test("年度更新の設定がない様式は、理由を示して何も渡さない", async () => {
  const port = await filePort("mitaka-2021.xlsx");
  pane(port);
  await showCycle();
  fireEvent.click(await screen.findByRole("button", { name: "次年度の調査票を作る" }));
  const notice = await screen.findByTestId("cycle-notice", {}, { timeout: 30_000 });
  expect(notice.textContent).toContain("年度更新できる調査票がありません");
  expect(port.opened).toEqual([]);
});

test("新しいブックを作れないホストでは、その旨を示しボタンは押せない", async () => {
  const bytes = readFileSync(path.join(ROOT, "seeds", "kodaira-h29.xlsx"));
  const port = new MemoryPort(await (await XlsxWorkbook.load(bytes)).readAll());
  pane(port);
  await showCycle();
  expect(screen.getByText(/この Excel では新しいブックを作れません/)).toBeTruthy();
  expect((screen.getByRole("button", { name: "次年度の調査票を作る" }) as HTMLButtonElement).disabled).toBe(true);
});

test("入力支援を設定すると、今のブックを読み直して各シートの入力欄に設定を渡し、値は変えない", async () => {
  const port = await filePort("kodaira-h29.xlsx");
  const calls: (readonly SheetInputAids[])[] = [];
  const aiding = Object.assign(port, {
    applyInputAids: async (aids: readonly SheetInputAids[]) => {
      calls.push(aids);
      return { sheets: aids.map((a) => ({ sheet: a.sheet, validations: a.validations.length, highlights: a.highlights.length, protected: !!a.unlocked })) };
    },
  });
  pane(aiding);
  await showCycle();
  fireEvent.click(screen.getByRole("checkbox", { name: "シートを保護し、入力欄だけ編集できるようにする" }));
  expect(screen.getByText("保護はパスワードなしです。[校閲] タブの [シート保護の解除] で解除できます。")).toBeTruthy();
  const reads = port.reads;
  fireEvent.click(screen.getByRole("button", { name: "入力支援を設定する" }));
  const notice = await screen.findByTestId("cycle-notice", {}, { timeout: 30_000 });
  expect(notice.textContent).toMatch(/^入力支援を 59 シートに設定しました（入力規則 \d+、未記入の色付け \d+）。59 シートを保護しました/);
  expect(port.reads).toBe(reads + 1);
  const no1 = calls[0].find((a) => a.sheet === "No.1")!;
  expect(no1.validations.filter((v) => v.list).map((v) => v.list)).toEqual([["S", "A", "B"], ["S", "A", "B"]]);
  expect(no1.unlocked?.length).toBeGreaterThan(0);
  expect(port.applied).toEqual([]);
});

test("Excel で入力支援をもう一度設定すると、前に保護したシート（パスワードなし）も設定し直して保護し直し、パスワードで保護されたシートだけを名指す", async () => {
  const fake = new FakeExcel(await FakeBook.fromXlsx(readFileSync(path.join(ROOT, "seeds", "kodaira-h29.xlsx"))));
  const port = new OfficeWorkbook(fake.run, { isSetSupported: fake.isSetSupported });
  pane(port, "ja", { kind: "excel" });
  await showCycle();
  fireEvent.click(screen.getByRole("checkbox", { name: "シートを保護し、入力欄だけ編集できるようにする" }));
  fireEvent.click(screen.getByRole("button", { name: "入力支援を設定する" }));
  const notice = await screen.findByTestId("cycle-notice", {}, { timeout: 30_000 });
  expect(notice.textContent).toMatch(/59 シートを保護しました/);
  // Since then: someone locked No.2 with a password; the lists on No.1 were cleared.
  const no2 = fake.book.sheet("No.2")!;
  Object.assign(no2, { protected: true, protectionOptions: {}, protectionPassword: "課長" });
  const no2Validations = no2.validations.length;
  fake.book.sheet("No.1")!.validations = [];
  fireEvent.click(screen.getByRole("button", { name: "入力支援を設定する" }));
  await waitFor(() => expect(screen.getByTestId("cycle-notice").textContent).toMatch(/^入力支援を 58 シートに設定しました/), { timeout: 30_000 });
  expect(screen.getByTestId("cycle-lines").textContent).toBe("パスワードで保護されているシートには設定していません（保護はそのままです）。保護を解除してから、もう一度実行してください: No.2");
  expect(fake.book.sheet("No.1")!.validations.length).toBeGreaterThan(0);
  expect(fake.book.sheets.filter((s) => /^No\./.test(s.name) && !s.protected)).toEqual([]);
  expect([no2.protectionPassword, no2.validations.length]).toEqual(["課長", no2Validations]);
});

describe("新しい計画", () => {
  async function choose(name: string, bytes: Uint8Array): Promise<void> {
    const input = screen.getByTestId("new-plan-file") as HTMLInputElement;
    const file = new File([bytes as Uint8Array<ArrayBuffer>], name);
    // jsdom's File has no arrayBuffer(); the pane reads the file through it, as browsers do.
    Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
    fireEvent.change(input, { target: { files: [file] } });
    await screen.findByText(`選んだファイル: ${name}`);
  }

  test("取組の一覧（CSV）と計画期間から、評価一覧と調査票 41 枚のブックを新しいブックとして渡す", async () => {
    const port = await filePort("kodaira-h29.xlsx");
    pane(port);
    await showCycle();
    await choose("plan-items.csv", new Uint8Array(readFileSync(path.join(ROOT, "seeds", "data", "kodaira", "plan-items.csv"))));
    fireEvent.change(screen.getByRole("textbox", { name: /計画期間/ }), { target: { value: "平成29〜32" } });
    fireEvent.click(screen.getByRole("button", { name: "新しい計画のブックを作る" }));
    const notice = await screen.findByTestId("cycle-notice", {}, { timeout: 30_000 });
    expect(notice.textContent).toBe("一覧の 43 項目から、評価一覧と調査票 41 枚の新しいブックを作りました（計画期間 平成29年度〜令和2年度）。");
    expect(port.opened.map((o) => o.name)).toEqual(["調査票_平成29年度〜令和2年度.xlsx"]);
    const rep = validateWorkbook(await (await XlsxWorkbook.load(port.opened[0].bytes)).readAll(), { profiles: BUILT_IN_PROFILES });
    expect(rep.records.filter((r) => r.layoutId === "survey").length).toBe(41);
    expect(rep.records.filter((r) => r.layoutId === "list").length).toBe(43);
  });

  test("列の足りない一覧は、直す点を示して何も渡さない", async () => {
    const port = await filePort("kodaira-h29.xlsx");
    pane(port);
    await showCycle();
    await choose("bad.csv", new TextEncoder().encode("No.,取組項目\n1,協働推進体制の充実\n"));
    fireEvent.click(screen.getByRole("button", { name: "新しい計画のブックを作る" }));
    const notice = await screen.findByTestId("cycle-notice", {}, { timeout: 30_000 });
    expect(notice.textContent).toMatch(/^「bad\.csv」から調査票を作れません。次の点を直してください:/);
    expect(port.opened).toEqual([]);
  });
});
