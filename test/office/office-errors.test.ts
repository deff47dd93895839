/**
 * @jest-environment node
 *
 * What the user is told when Excel says no: cell-edit mode, protected sheets, sheets deleted mid-run, hosts that
 * lack a requirement set. Each becomes a WorkbookError whose code the catalogue words, and nothing changes.
 */
import type { LoggedEdit } from "../../src/core/changelog";
import { text } from "../../src/core/sheet-spec";
import { type MessageKey, t } from "../../src/core/i18n";
import { errorMessage } from "../../src/taskpane/format";
import { checkRequirements } from "../../src/workbook/office/requirements";
import { FakeBook } from "../fakes/excel-fake";
import { rig, syncsOf } from "./office-helpers";

function twoSheets(): FakeBook {
  const book = new FakeBook();
  book.addSheet("No.1").put(7, 5, "Ａ");
  book.addSheet("No.2").put(7, 5, "Ｂ");
  return book;
}

const edits: LoggedEdit[] = [
  { sheet: "No.1", cell: "F8", before: "Ａ", after: "A", ruleId: "CODE-VARIANT" },
  { sheet: "No.2", cell: "F8", before: "Ｂ", after: "B", ruleId: "CODE-VARIANT" },
];
const spec = { name: "検証結果", cells: [{ row: 0, col: 0, value: text("x") }], styles: {}, merges: [] };

describe("セル編集中", () => {
  test("読み込み・修正・シートの作成・セルの選択はどれも cell-edit-mode になり、何も変わらない", async () => {
    const fakeBook = twoSheets();
    const { fake, book } = rig(fakeBook);
    await book.readAll();
    fake.cellEditMode = true;
    for (const op of [() => book.readAll(), () => book.applyEdits(edits), () => book.writeOwnedSheet(spec), () => book.selectCell("No.2", "F8")]) {
      await expect(op()).rejects.toMatchObject({ name: "WorkbookError", code: "cell-edit-mode" });
    }
    fake.cellEditMode = false;
    expect(fakeBook.sheets.map((s) => s.name)).toEqual(["No.1", "No.2"]);
    expect(fakeBook.sheet("No.1")!.valueAt("F8")).toBe("Ａ");
    // After leaving the cell, the same call works.
    expect((await book.applyEdits(edits)).applied.length).toBe(2);
  });
});

describe("保護されたシート", () => {
  test("保護されたシートのロックされたセルへの修正は、確認の sync だけで protected-sheet(シート名つき)で断る", async () => {
    const fakeBook = twoSheets();
    fakeBook.sheet("No.2")!.protected = true;
    const { fake, book } = rig(fakeBook);
    await book.readAll();
    let error: unknown;
    expect(await syncsOf(fake, () => book.applyEdits(edits).catch((e) => (error = e)))).toBe(1);
    expect(error).toMatchObject({ code: "protected-sheet", sheet: "No.2" });
    expect(fakeBook.sheet("No.1")!.valueAt("F8")).toBe("Ａ");
    expect(fakeBook.sheet("No.2")!.valueAt("F8")).toBe("Ｂ");
    expect(fakeBook.sheet("変更履歴")).toBeUndefined();
  });

  test("確認の後に保護されたシートでも protected-sheet になり、どのセルの値も変わらない", async () => {
    const fakeBook = twoSheets();
    const { book } = rig(fakeBook);
    await book.readAll();
    await book.applyEdits([{ sheet: "No.1", cell: "A1", before: "", after: "x" }]); // 変更履歴 exists now
    fakeBook.sheet("No.2")!.protected = true;
    await expect(book.applyEdits(edits)).rejects.toMatchObject({ code: "protected-sheet", sheet: "No.2" });
    expect(fakeBook.sheet("No.1")!.valueAt("F8")).toBe("Ａ");
    expect(fakeBook.sheet("No.2")!.valueAt("F8")).toBe("Ｂ");
    expect(fakeBook.sheet("変更履歴")!.valueAt("A3")).toBe("");
  });

  test("利用者が保護した自分のシートは作り直さない", async () => {
    const fakeBook = twoSheets();
    const { book } = rig(fakeBook);
    await book.writeOwnedSheet(spec);
    fakeBook.sheet("検証結果")!.protected = true;
    await book.readAll();
    await expect(book.writeOwnedSheet({ ...spec, cells: [{ row: 0, col: 0, value: text("y") }] })).rejects.toMatchObject({
      code: "protected-sheet",
      sheet: "検証結果",
    });
    expect(fakeBook.sheet("検証結果")!.valueAt("A1")).toBe("x");
  });
});

describe("消えたシート", () => {
  test("読み込みの sync の間にシートが消えると sheet-missing(シート名つき)", async () => {
    const fakeBook = twoSheets();
    const { fake, book } = rig(fakeBook);
    fake.beforeSync = (n, b) => {
      if (n === 2) b.sheets.splice(1, 1);
    };
    await expect(book.readAll()).rejects.toMatchObject({ name: "WorkbookError", code: "sheet-missing", sheet: "No.2" });
  });

  test("確認の後に消えたシートへの修正は sheet-missing になり、他のシートも変更履歴も変わらない", async () => {
    const fakeBook = twoSheets();
    const { book } = rig(fakeBook);
    await book.readAll();
    fakeBook.sheets.splice(1, 1);
    await expect(book.applyEdits(edits)).rejects.toMatchObject({ code: "sheet-missing", sheet: "No.2" });
    expect(fakeBook.sheet("No.1")!.valueAt("F8")).toBe("Ａ");
    expect(fakeBook.sheet("変更履歴")).toBeUndefined();
  });

  test("利用者が自分のシートや変更履歴を消していても、覚えていた状態を読み直して続ける", async () => {
    const fakeBook = twoSheets();
    const { book } = rig(fakeBook);
    await book.applyEdits([edits[0]]);
    await book.writeOwnedSheet(spec);
    const log = fakeBook.sheets.findIndex((s) => s.name === "変更履歴");
    fakeBook.sheets.splice(log, 1);
    fakeBook.sheets.splice(fakeBook.sheets.findIndex((s) => s.name === "検証結果"), 1);
    expect((await book.applyEdits([edits[1]])).applied.length).toBe(1);
    expect(await book.writeOwnedSheet(spec)).toEqual({ name: "検証結果", replaced: false });
    expect(fakeBook.sheet("変更履歴")!.valueAt("C2")).toBe("F8");
  });

  test("ないシートのセルを選ぶと sheet-missing", async () => {
    const { book } = rig(twoSheets());
    await expect(book.selectCell("No.9", "A1")).rejects.toMatchObject({ code: "sheet-missing", sheet: "No.9" });
  });
});

describe("非表示のシート (項目 10)", () => {
  function withHidden(): FakeBook {
    const book = twoSheets();
    book.addSheet("隠す").put(2, 3, "x").visibility = "Hidden";
    book.addSheet("完全に隠す").put(2, 3, "y").visibility = "VeryHidden";
    return book;
  }

  test("非表示のシートのセルを選ぶと sheet-hidden、完全非表示なら sheet-very-hidden(シート名つき)で、シートは隠れたまま", async () => {
    const fakeBook = withHidden();
    const { fake, book } = rig(fakeBook);
    await book.readAll();
    // The check already knows: Excel is not asked (it would refuse to activate the sheet).
    expect(await syncsOf(fake, () => expect(book.selectCell("隠す", "D3")).rejects.toMatchObject({ code: "sheet-hidden", sheet: "隠す" }))).toBe(0);
    await expect(book.selectCell("完全に隠す", "D3")).rejects.toMatchObject({ code: "sheet-very-hidden", sheet: "完全に隠す" });
    expect([fakeBook.sheet("隠す")!.visibility, fakeBook.sheet("完全に隠す")!.visibility]).toEqual(["Hidden", "VeryHidden"]);
    expect(fakeBook.selection).toBeUndefined();
  });

  test("確認の後に利用者が隠したシートでも sheet-hidden になる(Excel が断った後に見直す)", async () => {
    const fakeBook = withHidden();
    const { book } = rig(fakeBook);
    await book.readAll();
    fakeBook.sheet("No.2")!.visibility = "Hidden";
    await expect(book.selectCell("No.2", "F8")).rejects.toMatchObject({ code: "sheet-hidden", sheet: "No.2" });
  });

  test("表示して選ぶように頼むと、シートを表示してからそのセルを選ぶ(sync 1 回)", async () => {
    const fakeBook = withHidden();
    const { fake, book } = rig(fakeBook);
    await book.readAll();
    expect(await syncsOf(fake, () => book.selectCell("隠す", "D3", { reveal: true }))).toBe(1);
    expect(fakeBook.sheet("隠す")!.visibility).toBe("Visible");
    expect(fakeBook.selection).toEqual({ sheet: "隠す", address: "D3" });
    await book.selectCell("完全に隠す", "D3", { reveal: true });
    expect(fakeBook.sheet("完全に隠す")!.visibility).toBe("Visible");
    expect(fakeBook.selection).toEqual({ sheet: "完全に隠す", address: "D3" });
  });
});

describe("Excel のエラーコード (ガード)", () => {
  test("共同編集の Conflict は同じ操作をやり直す: 読み込み・シートの作成・セルの選択が 1 回目の Conflict のあとで成功する", async () => {
    const fakeBook = twoSheets();
    const { fake, book } = rig(fakeBook, { conflictDelayMs: 0 });
    fake.failSync(1, { code: "Conflict" });
    expect((await book.readAll()).sheets.map((s) => s.name)).toEqual(["No.1", "No.2"]);
    const before = fake.syncCount;
    fake.failSync(before + 1, { code: "Conflict", afterActions: 3 });
    expect(await book.writeOwnedSheet(spec)).toEqual({ name: "検証結果", replaced: false });
    expect(fake.syncs.slice(before).map((x) => x.error)).toContain("Conflict");
    expect(fakeBook.sheet("検証結果")!.valueAt("A1")).toBe("x");
    expect(fakeBook.sheets.filter((s) => s.name.startsWith("検証結果")).length).toBe(1);
    fake.failSync(fake.syncCount + 1, { code: "Conflict" });
    await book.selectCell("No.2", "F8");
    expect(fakeBook.selection).toEqual({ sheet: "No.2", address: "F8" });
  });

  test("設定の書き込みも Conflict のあとでやり直し、設定は 1 度だけ、すべて書かれる", async () => {
    const fakeBook = twoSheets();
    const { fake, book } = rig(fakeBook, { conflictDelayMs: 0 });
    await book.writeSettings({ stage: "提出前" });
    const before = fake.syncCount;
    fake.failSync(before + 1, { code: "Conflict", afterActions: 1 });
    await book.writeSettings({ fiscalYear: "2025" });
    expect(fake.syncs.slice(before).map((x) => x.error)).toContain("Conflict");
    expect(await book.readSettings()).toMatchObject({ stage: "提出前", fiscalYear: "2025" });
    const settings = fakeBook.sheet("_chosahyo")!;
    const keys: string[] = [];
    for (let r = 0; settings.get(r, 0); r++) keys.push(String(settings.get(r, 0)!.value));
    expect(keys.filter((k) => k === "fiscalYear")).toHaveLength(1);
    // A fresh adapter reads the same from the workbook.
    expect(await rig(fakeBook).book.readSettings()).toMatchObject({ stage: "提出前", fiscalYear: "2025" });
  });

  test("Conflict が続けば conflict、共有ブック(旧形式)の UnsupportedOperation、InvalidOperation、Excel の混雑はそれぞれの言葉になり、予期しないエラーにならない", async () => {
    const cases: [string, string][] = [
      ["Conflict", "conflict"],
      ["UnsupportedOperation", "unsupported-operation"],
      ["InvalidOperation", "invalid-operation"],
      ["ActivityLimitReached", "excel-busy"],
      ["ServiceNotAvailable", "excel-busy"],
      ["Timeout", "excel-busy"],
      ["RequestPayloadSizeLimitExceeded", "payload-too-large"],
    ];
    for (const [excel, ours] of cases) {
      const { fake, book } = rig(twoSheets(), { conflictDelayMs: 0 });
      fake.beforeSync = (n) => fake.failSync(n, { code: excel });
      await expect(book.readAll()).rejects.toMatchObject({ name: "WorkbookError", code: ours });
      const message = errorMessage("ja", await book.readAll().catch((e: unknown) => e));
      expect([excel, message]).toEqual([excel, t("ja", `error.${ours}` as MessageKey, { sheet: "" })]);
      expect(message).not.toContain("予期しない");
    }
  });
});

describe("要件セット", () => {
  test("ExcelApi 1.13 未満なら結合範囲、1.8 未満なら入力規則、1.9 未満なら印刷設定と変更の検知を欠けた機能として挙げ、必須の機能はそろっている", () => {
    const at = (max: string) => checkRequirements((set, v) => set === "ExcelApi" && Number(v.split(".")[1]) <= Number(max.split(".")[1]));
    expect(at("1.13")).toMatchObject({ ok: true, missing: [] });
    const old = at("1.7");
    expect(old.ok).toBe(true);
    expect(old.missing.map((m) => [m.feature, m.set, m.version])).toEqual([
      ["mergedAreas", "ExcelApi", "1.13"],
      ["dataValidation", "ExcelApi", "1.8"],
      ["printSetup", "ExcelApi", "1.9"],
      ["changeEvents", "ExcelApi", "1.9"],
    ]);
    expect(at("1.9").missing.map((m) => m.feature)).toEqual(["mergedAreas"]);
    expect(old.supports("mergedAreas")).toBe(false);
    expect(old.supports("read")).toBe(true);
  });

  test("ExcelApi 1.7 未満のホストは ok でなく、読み書きが欠けていると挙げる", () => {
    const check = checkRequirements((set, v) => set === "ExcelApi" && Number(v.split(".")[1]) <= 6);
    expect(check.ok).toBe(false);
    expect(check.missing.map((m) => m.feature)).toEqual(["read", "write", "mergedAreas", "dataValidation", "printSetup", "changeEvents"]);
  });

  test("Office の外(requirements がない)で確かめると、すべて欠けていると答える", () => {
    const check = checkRequirements(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'isSetSupported')");
    });
    expect(check.ok).toBe(false);
    expect(check.missing.length).toBe(7);
  });

  test("要件を満たさないホストで呼ぶと unsupported-host", async () => {
    const fakeBook = twoSheets();
    const { book } = rig(fakeBook, { apiVersion: "1.6", isSetSupported: () => true });
    await expect(book.readAll()).rejects.toMatchObject({ name: "WorkbookError", code: "unsupported-host" });
  });
});
