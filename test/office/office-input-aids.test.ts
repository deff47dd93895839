/**
 * @jest-environment node
 *
 * Input aids (入力支援) through the Office adapter, on the strict fake: drop-down lists in the warning style, input
 * messages, a colour on empty required cells and sheet protection with the input cells unlocked, set on any number
 * of sheets in the same number of syncs, recorded in 変更履歴, never changing a value; a protected sheet or an Excel
 * without ExcelApi 1.8 refused before anything is written.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { inputAidsLog } from "../../src/core/input-aids/log";
import { planInputAids } from "../../src/core/input-aids/plan";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { validateWorkbook } from "../../src/core/validate";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { ROOT } from "../helpers/grid";
import type { SheetInputAids } from "../../src/core/input-aids/types";
import { parseRangeA1 } from "../../src/core/model/address";
import { errorMessage } from "../../src/taskpane/format";
import { isWorkbookError, WorkbookError } from "../../src/workbook/port";
import { FakeBook, type FakeCell, type FakeExcel, type FakeSheet, parseBox } from "../fakes/excel-fake";
import { rig, rigFromXlsx, syncsOf } from "./office-helpers";

const AT = new Date(2026, 10, 22, 14, 5, 9);
const TIME = "2026-11-22 14:05:09";
const FILL = "#FFF2CC";
const range = (a1: string) => parseRangeA1(a1)!;

/** Survey sheets No.1 … No.n: a rating column (D) and a department column (F), some filled, some blank. */
function surveyBook(n: number): FakeBook {
  const book = new FakeBook();
  for (let i = 1; i <= n; i++) {
    const ws = book.addSheet(`No.${i}`);
    ws.put(0, 0, "調査票").put(4, 3, "S").put(5, 3, "Ａ").put(4, 5, "企画課").put(6, 5, "=abc");
    ws.put(7, 6, 42, "#,##0");
  }
  return book;
}

function aidsFor(sheet: string, protect = true): SheetInputAids {
  return {
    sheet,
    validations: [
      { range: range("D5:D20"), list: ["S", "A", "B"], promptTitle: "1次評価", prompt: "S: 予定以上 / A: 予定どおり / B: 遅れ", errorTitle: "評価", error: "S・A・B のいずれかを選んでください。" },
      { range: range("F5:F20"), promptTitle: "所管課", prompt: "所管課の名前を記入してください。" },
    ],
    highlights: [{ range: range("F5:F20"), fill: FILL }],
    ...(protect ? { unlocked: [range("D5:D20"), range("F5:F20")] } : {}),
  };
}

/** Every cell of every sheet but 変更履歴 and the settings: values, types, formulas, formats. */
function userCells(book: FakeBook): Map<string, FakeCell> {
  const out = new Map<string, FakeCell>();
  for (const s of book.sheets.filter((x) => x.name.startsWith("No."))) for (const [k, c] of s.cells) out.set(`${s.name}#${k}`, { ...c });
  return out;
}

/** 変更履歴 rows below the header: [time, sheet, cell, before, after, rule]. */
function logRows(book: FakeBook): string[][] {
  const log = book.sheet("変更履歴");
  if (!log) return [];
  const out: string[][] = [];
  for (let r = 2; r < 500; r++) {
    const row = ["A", "B", "C", "D", "E", "F"].map((c) => String(log.valueAt(`${c}${r}`)));
    if (row.every((v) => v === "")) break;
    out.push(row);
  }
  return out;
}

function expectAidsOn(ws: FakeSheet): void {
  expect(ws.validations).toEqual([
    {
      box: parseBox("D5:D20"),
      rule: { list: { inCellDropDown: true, source: "S,A,B" } },
      errorAlert: { showAlert: true, style: "Warning", title: "評価", message: "S・A・B のいずれかを選んでください。" },
      prompt: { showPrompt: true, title: "1次評価", message: "S: 予定以上 / A: 予定どおり / B: 遅れ" },
    },
    { box: parseBox("F5:F20"), prompt: { showPrompt: true, title: "所管課", message: "所管課の名前を記入してください。" } },
  ]);
  expect(ws.conditionalFormats).toEqual([expect.objectContaining({ box: parseBox("F5:F20"), type: "PresetCriteria", rule: { criterion: "Blanks" }, fill: FILL })]);
}

describe("入力支援を設定する", () => {
  test("3 シートでも 40 シートでも同じ回数(2 回)の sync で設定する。シートの一覧を読んでいなければ 1 回増える", async () => {
    const counts: number[] = [];
    for (const n of [3, 40]) {
      const { fake, book } = rig(surveyBook(n));
      await book.readAll();
      const names = Array.from({ length: n }, (_, i) => `No.${i + 1}`);
      counts.push(await syncsOf(fake, () => book.applyInputAids!(names.map((s) => aidsFor(s)), AT)));
      for (const s of names) expect(fake.book.sheet(s)!.protected).toBe(true);
    }
    expect(counts).toEqual([2, 2]);
    const cold = rig(surveyBook(40));
    expect(await syncsOf(cold.fake, () => cold.book.applyInputAids!([aidsFor("No.1"), aidsFor("No.40")], AT))).toBe(3);
  });

  test("リストは警告のスタイル、入力メッセージ、リストのない欄はメッセージだけ、必須の空欄に色、入力セルだけロックを外してパスワードなしで保護。値は変えない", async () => {
    const fakeBook = surveyBook(3);
    const { fake, book } = rig(fakeBook);
    await book.readAll();
    const before = userCells(fakeBook);
    const result = await book.applyInputAids!([aidsFor("No.1"), aidsFor("No.3", false)], AT);
    expect(result).toEqual({
      sheets: [
        { sheet: "No.1", validations: 2, highlights: 1, protected: true },
        { sheet: "No.3", validations: 2, highlights: 1, protected: false },
      ],
    });
    const ws = fakeBook.sheet("No.1")!;
    expectAidsOn(ws);
    expectAidsOn(fakeBook.sheet("No.3")!);
    // The field without a list reads back as an "any value" validation carrying its message, as Excel shows it.
    const types = await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("No.1");
      const loaded = ["D5:D20", "F5:F20", "H5"].map((a) => sheet.getRange(a).dataValidation.load("type"));
      await context.sync();
      return loaded.map((v) => v.type);
    });
    expect(types).toEqual(["List", "None", "None"]);
    expect(["D5", "D20", "F5", "F20"].map((a) => ws.locked(parseBox(a).top, parseBox(a).left))).toEqual([false, false, false, false]);
    expect(["A1", "D4", "D21", "E5", "G8"].map((a) => ws.locked(parseBox(a).top, parseBox(a).left))).toEqual([true, true, true, true, true]);
    expect(ws.protected).toBe(true);
    expect(ws.protectionPassword).toBeUndefined();
    expect(ws.protectionOptions).toMatchObject({ allowFormatCells: false, allowFormatRows: false, allowInsertRows: false, allowDeleteRows: false, allowSort: false });
    expect(fakeBook.sheet("No.3")!.protected).toBe(false);
    expect(fakeBook.sheet("No.2")!.validations).toEqual([]);
    expect(userCells(fakeBook)).toEqual(before);
    // A fix in an input cell the protection leaves unlocked goes in, as typing there would; the sheet stays protected.
    const fixed = await book.applyEdits([{ sheet: "No.1", cell: "D6", before: "Ａ", after: "A" }], AT);
    expect(fixed.applied.map((e) => e.cell)).toEqual(["D6"]);
    expect(ws.valueAt("D6")).toBe("A");
    expect(ws.protected).toBe(true);
    // One in a locked cell is refused at the check, with nothing written.
    fake.reset();
    const e5 = String(ws.valueAt("E5") ?? "");
    await expect(book.applyEdits([{ sheet: "No.1", cell: "E5", before: e5, after: "x" }], AT)).rejects.toMatchObject({ code: "protected-sheet", sheet: "No.1" });
    expect(fake.operations).toEqual([]);
    expect(String(ws.valueAt("E5") ?? "")).toBe(e5);
    // A number into an unlocked "@" cell would have to turn its format General, which the protection forbids.
    const d7 = ws.ensure(parseBox("D7").top, parseBox("D7").left);
    Object.assign(d7, { value: "１２", type: "String", numberFormat: "@" });
    await expect(book.applyEdits([{ sheet: "No.1", cell: "D7", before: "１２", after: 12 }], AT)).rejects.toMatchObject({ code: "protected-sheet", sheet: "No.1" });
    expect(ws.valueAt("D7")).toBe("１２");
  });

  test("変更履歴にシートと種類ごとに 1 行: どの範囲に何を設定したか(変更前は空)。変更履歴は追加したシートとして記録される", async () => {
    const fakeBook = surveyBook(2);
    const { book } = rig(fakeBook);
    await book.readAll();
    await book.applyInputAids!([aidsFor("No.1"), aidsFor("No.2", false)], AT);
    const rows = logRows(fakeBook);
    expect(rows.map((r) => [r[0], r[1], r[2], r[3], r[5]])).toEqual([
      [TIME, "No.1", "D5:D20", "", ""],
      [TIME, "No.1", "F5:F20", "", ""],
      [TIME, "No.1", "F5:F20", "", ""],
      [TIME, "No.1", "D5:D20,F5:F20", "", ""],
      [TIME, "No.2", "D5:D20", "", ""],
      [TIME, "No.2", "F5:F20", "", ""],
      [TIME, "No.2", "F5:F20", "", ""],
    ]);
    // 変更後 says what was set: the codes of the list, the field with a message only, the colour, the protection;
    // the same rows the file adapter logs.
    expect(rows[0][4]).toContain("S, A, B");
    expect(rows[1][4]).toContain("所管課");
    expect(new Set(rows.slice(0, 4).map((r) => r[4])).size).toBe(4);
    expect(rows.map((r) => r.slice(1, 5))).toEqual(inputAidsLog([aidsFor("No.1"), aidsFor("No.2", false)]).map((e) => [e.sheet, e.cell, e.before, e.after]));
    expect(await book.ownedSheets()).toContain("変更履歴");
    // A second run appends below.
    await book.applyInputAids!([aidsFor("No.2", false)], AT);
    expect(logRows(fakeBook).length).toBe(10);
  });

  test("同じ範囲にもう一度設定すると、前の入力規則と色を置き換える(重ならない)。利用者の条件付き書式は残す", async () => {
    const fakeBook = surveyBook(1);
    const ws = fakeBook.sheet("No.1")!;
    ws.conditionalFormats.push({ id: "{user}", box: parseBox("F5:F20"), type: "PresetCriteria", rule: { criterion: "Errors" }, fill: "#FF0000" });
    ws.conditionalFormats.push({ id: "{user2}", box: parseBox("F5:F30"), type: "PresetCriteria", rule: { criterion: "Blanks" }, fill: "#00FF00" });
    ws.validations.push({ box: parseBox("D1:D40"), rule: { list: { inCellDropDown: true, source: "X,Y" } } });
    const { fake, book } = rig(fakeBook);
    await book.readAll();
    expect(await syncsOf(fake, () => book.applyInputAids!([aidsFor("No.1", false)], AT))).toBe(3);
    expect(await syncsOf(fake, () => book.applyInputAids!([{ ...aidsFor("No.1", false), highlights: [{ range: range("F5:F20"), fill: "#FCE4D6" }] }], AT))).toBe(3);
    // The user's own list keeps the cells around the add-in's, as Excel clears a validation from part of its range.
    expect(ws.validations.map((v) => [boxA1(v.box), (v.rule as { list?: { source: string } } | undefined)?.list?.source])).toEqual([
      ["D1:D4", "X,Y"],
      ["D21:D40", "X,Y"],
      ["D5:D20", "S,A,B"],
      ["F5:F20", undefined],
    ]);
    expect(ws.conditionalFormats.map((f) => [f.id, boxA1(f.box), f.rule?.criterion, f.fill])).toEqual([
      ["{user}", "F5:F20", "Errors", "#FF0000"],
      ["{user2}", "F5:F30", "Blanks", "#00FF00"],
      [expect.any(String), "F5:F20", "Blanks", "#FCE4D6"],
    ]);
  });
});

function boxA1(b: { top: number; left: number; bottom: number; right: number }): string {
  const col = (c: number) => String.fromCharCode(65 + c);
  return `${col(b.left)}${b.top + 1}:${col(b.right)}${b.bottom + 1}`;
}

describe("設定できないとき", () => {
  function nothingWritten(fake: FakeExcel, before: Map<string, FakeCell>): void {
    expect(fake.operations).toEqual([]);
    for (const s of fake.book.sheets) {
      expect([s.name, s.validations, s.conditionalFormats, s.unlocked]).toEqual([s.name, [], [], []]);
    }
    expect(fake.book.sheet("変更履歴")).toBeUndefined();
    expect(userCells(fake.book)).toEqual(before);
  }

  test("保護されたシートがあれば、何も書かずに protected-sheet でそのシートを名指す(読み込み時に保護されていても、その後に保護されても)", async () => {
    for (const when of ["before read", "after read"] as const) {
      const fakeBook = surveyBook(3);
      const { fake, book } = rig(fakeBook);
      if (when === "before read") fakeBook.sheet("No.2")!.protected = true;
      await book.readAll();
      if (when === "after read") fakeBook.sheet("No.2")!.protected = true;
      const before = userCells(fakeBook);
      fake.reset();
      const error = await book.applyInputAids!([aidsFor("No.1"), aidsFor("No.2"), aidsFor("No.3")], AT).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "protected-sheet", sheet: "No.2" });
      expect(errorMessage("ja", error)).toContain("No.2");
      nothingWritten(fake, before);
      expect(fakeBook.sheet("No.1")!.protected).toBe(false);
    }
  });

  test("ExcelApi 1.7 の Excel では Excel 2019 以降か Microsoft 365 が要ると言い、Excel には何も頼まない", async () => {
    const fakeBook = surveyBook(2);
    const { fake, book } = rig(fakeBook, { apiVersion: "1.7" });
    await book.readAll();
    const before = userCells(fakeBook);
    fake.reset();
    const error = await book.applyInputAids!([aidsFor("No.1")], AT).catch((e: unknown) => e);
    expect(isWorkbookError(error) && error.code).toBe("unsupported-host");
    expect(fake.syncCount).toBe(0);
    expect(errorMessage("ja", error)).toMatch(/Excel 2019 以降か Microsoft 365/);
    expect(errorMessage("en", error)).toMatch(/Excel 2019 or later/);
    nothingWritten(fake, before);
  });

  test("ないシートは sheet-missing で名指し、何も書かない", async () => {
    const fakeBook = surveyBook(2);
    const { fake, book } = rig(fakeBook);
    await book.readAll();
    const before = userCells(fakeBook);
    fake.reset();
    await expect(book.applyInputAids!([aidsFor("No.1"), aidsFor("No.9")], AT)).rejects.toMatchObject({ code: "sheet-missing", sheet: "No.9" });
    nothingWritten(fake, before);
  });

  test("書き込みが途中で止まっても値は変わらず、保護は最後なのでどのシートも保護されず、もう一度実行すれば設定できる", async () => {
    const names = ["No.1", "No.2", "No.3"];
    // The same write on a copy, to count its actions: each protected sheet ends with 4 (lock all, unlock 2, protect).
    const dry = rig(surveyBook(3));
    await dry.book.readAll();
    await dry.book.applyInputAids!(
      names.map((s) => aidsFor(s)),
      AT,
    );
    const writeActions = dry.fake.syncs[dry.fake.syncs.length - 1].actions;

    const fakeBook = surveyBook(3);
    const { fake, book } = rig(fakeBook);
    await book.readAll();
    const before = userCells(fakeBook);
    // Stop right where the protections begin: every list and colour is set by then.
    fake.failSync(fake.syncCount + 2, { afterActions: writeActions - 4 * names.length });
    const error = await book.applyInputAids!(
      names.map((s) => aidsFor(s)),
      AT,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error).toMatchObject({ code: "write-interrupted", changed: [] });
    expect(errorMessage("ja", error)).toContain("セルは変更されていません");
    for (const s of names) expectAidsOn(fakeBook.sheet(s)!);
    expect(fakeBook.sheets.filter((s) => s.protected)).toEqual([]);
    expect(userCells(fakeBook)).toEqual(before);
    await book.applyInputAids!(
      names.map((s) => aidsFor(s)),
      AT,
    );
    for (const s of names) expectAidsOn(fakeBook.sheet(s)!);
    expect(fakeBook.sheets.filter((s) => s.protected).map((s) => s.name)).toEqual(names);
    expect(userCells(fakeBook)).toEqual(before);
  });

  test("保護された変更履歴には書けないので、何も設定しない", async () => {
    const fakeBook = surveyBook(1);
    const { fake, book } = rig(fakeBook);
    await book.readAll();
    await book.applyInputAids!([aidsFor("No.1", false)], AT);
    fakeBook.sheet("変更履歴")!.protected = true;
    fakeBook.sheet("No.1")!.validations = [];
    fake.reset();
    await expect(book.applyInputAids!([aidsFor("No.1", false)], AT)).rejects.toMatchObject({ code: "protected-sheet", sheet: "変更履歴" });
    expect(fake.operations).toEqual([]);
    expect(fakeBook.sheet("No.1")!.validations).toEqual([]);
  });
});

describe("保護されたシート（liftProtection: ペインの入力支援）", () => {
  /** No.1 protected without a password (formats allowed), No.2 with one, No.3 not at all. */
  function protectedBook(): FakeBook {
    const book = surveyBook(3);
    Object.assign(book.sheet("No.1")!, { protected: true, protectionOptions: { allowFormatCells: true } });
    Object.assign(book.sheet("No.2")!, { protected: true, protectionOptions: {}, protectionPassword: "課長" });
    return book;
  }

  // Excel's reference names no code for a wrong password: BadPassword is in its list, AccessDenied has been seen.
  test.each(["BadPassword", "AccessDenied", "InvalidArgument", "UnsupportedOperation"])("パスワードのない保護は外して設定し、元の設定どおり保護し直す。パスワードのあるシートはそのままにして名指す（Excel の拒否が %s でも）", async (badPasswordAs) => {
    const fakeBook = protectedBook();
    const { fake, book } = rig(fakeBook, { badPasswordAs });
    await book.readAll();
    const before = userCells(fakeBook);
    fake.reset();
    const result = await book.applyInputAids!(["No.1", "No.2", "No.3"].map((s) => aidsFor(s, false)), AT, { liftProtection: true });
    expect(result.locked).toEqual(["No.2"]);
    expect(result.sheets.map((x) => x.sheet)).toEqual(["No.1", "No.3"]);
    expectAidsOn(fakeBook.sheet("No.1")!);
    expectAidsOn(fakeBook.sheet("No.3")!);
    const [one, two, three] = ["No.1", "No.2", "No.3"].map((n) => fakeBook.sheet(n)!);
    expect([one.protected, one.protectionOptions?.allowFormatCells, one.protectionPassword]).toEqual([true, true, undefined]);
    expect([two.protected, two.protectionPassword, two.validations, two.conditionalFormats]).toEqual([true, "課長", [], []]);
    expect(three.protected).toBe(false);
    expect(logRows(fakeBook).map((r) => r[1])).not.toContain("No.2");
    expect(userCells(fakeBook)).toEqual(before);
    // The look, the unprotecting (refused at No.2), which sheets it opened, the write.
    expect(fake.syncCount).toBe(4);
  });

  test("Excel が読み込んだ保護の設定に null があっても（office-js #1931）、その設定を除いて保護し直す", async () => {
    const fakeBook = protectedBook();
    const { book } = rig(fakeBook, { optionsWithNulls: true });
    await book.readAll();
    const result = await book.applyInputAids!(["No.1", "No.3"].map((s) => aidsFor(s, false)), AT, { liftProtection: true });
    expect(result.sheets.map((x) => x.sheet)).toEqual(["No.1", "No.3"]);
    const one = fakeBook.sheet("No.1")!;
    expect([one.protected, one.protectionOptions?.allowFormatCells, one.protectionOptions?.selectionMode]).toEqual([true, true, undefined]);
    expectAidsOn(one);
  });

  test("保護を外す途中で Excel が止まり、どのシートが開いたか読めなくても、開いたシートは保護し直してから知らせる", async () => {
    const fakeBook = protectedBook();
    Object.assign(fakeBook.sheet("No.3")!, { protected: true, protectionOptions: { allowSort: true } });
    const { fake, book } = rig(fakeBook);
    await book.readAll();
    // The unprotecting (the second sync) stops after No.1 is open; the look at what opened fails as well.
    const base = fake.syncCount;
    fake.failSync(base + 2, { afterActions: 1 });
    fake.beforeSync = (n) => {
      if (n === base + 3) fake.failSync(n);
    };
    const error = await book.applyInputAids!(["No.1", "No.3"].map((s) => aidsFor(s, false)), AT, { liftProtection: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "GeneralException" });
    const [one, three] = ["No.1", "No.3"].map((n) => fakeBook.sheet(n)!);
    expect([one.protected, one.protectionOptions?.allowFormatCells, three.protected, three.protectionOptions?.allowSort]).toEqual([true, true, true, true]);
    expect(one.validations).toEqual([]);
  });

  test("保護も頼めば、外したシートは入力支援の保護（入力欄だけ編集可）になる", async () => {
    const fakeBook = protectedBook();
    const { book } = rig(fakeBook);
    await book.readAll();
    const result = await book.applyInputAids!(["No.1", "No.3"].map((s) => aidsFor(s)), AT, { liftProtection: true });
    expect(result.locked).toBeUndefined();
    for (const n of ["No.1", "No.3"]) {
      const ws = fakeBook.sheet(n)!;
      expect([n, ws.protected, ws.protectionOptions?.allowFormatCells]).toEqual([n, true, false]);
      expect(ws.unlocked.map((b) => b)).toEqual([parseBox("D5:D20"), parseBox("F5:F20")]);
    }
  });

  test("パスワードのない保護だけなら sync は 1 回増えるだけ（3 シートでも 40 シートでも同じ）", async () => {
    const counts: number[] = [];
    for (const n of [3, 40]) {
      const fakeBook = surveyBook(n);
      for (const s of fakeBook.sheets) Object.assign(s, { protected: true, protectionOptions: {} });
      const { fake, book } = rig(fakeBook);
      await book.readAll();
      const names = Array.from({ length: n }, (_, i) => `No.${i + 1}`);
      counts.push(await syncsOf(fake, () => book.applyInputAids!(names.map((s) => aidsFor(s, false)), AT, { liftProtection: true })));
      for (const s of names) expect([s, fake.book.sheet(s)!.protected, fake.book.sheet(s)!.validations.length]).toEqual([s, true, 2]);
    }
    expect(counts).toEqual([3, 3]);
  });

  test("書き込みが途中で止まれば、外したシートは元どおり保護し直す（保護を外したままにしない）", async () => {
    const fakeBook = protectedBook();
    const { fake, book } = rig(fakeBook);
    await book.readAll();
    // The write is the fourth sync (the look, the unprotecting refused at No.2, which it opened): stop it part way.
    fake.failSync(fake.syncCount + 4, { afterActions: 3 });
    const error = await book.applyInputAids!(["No.1", "No.2", "No.3"].map((s) => aidsFor(s, false)), AT, { liftProtection: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "write-interrupted" });
    const one = fakeBook.sheet("No.1")!;
    expect([one.protected, one.protectionOptions?.allowFormatCells]).toEqual([true, true]);
    expect([fakeBook.sheet("No.2")!.protected, fakeBook.sheet("No.2")!.protectionPassword]).toEqual([true, "課長"]);
  });
});

describe("ファイルのアダプターと同じ", () => {
  test("小平の見本に計画した入力支援(保護つき)は、両アダプターで同じ結果・同じ変更履歴。Excel では 2 回の sync で、値は変わらない", async () => {
    const bytes = readFileSync(path.join(ROOT, "seeds", "kodaira-h29.xlsx"));
    const file = await XlsxWorkbook.load(bytes);
    const snapshot = await file.readAll();
    const report = validateWorkbook(snapshot, { profiles: BUILT_IN_PROFILES });
    const plan = planInputAids(snapshot, report, BUILT_IN_PROFILES, { protect: true });
    expect(plan.aids.length).toBeGreaterThan(10);

    const viaFile = await file.applyInputAids(plan.aids, AT);
    const { fake, book } = await rigFromXlsx(bytes);
    await book.readAll();
    const before = userCells(fake.book);
    const syncs = await syncsOf(fake, async () => expect(await book.applyInputAids!(plan.aids, AT)).toEqual(viaFile));
    expect(syncs).toBe(2);
    expect(userCells(fake.book)).toEqual(before);

    const fileRows = logRows(await FakeBook.fromXlsx(await file.toBytes()));
    expect(fileRows.length).toBeGreaterThan(plan.aids.length);
    expect(logRows(fake.book)).toEqual(fileRows);
    for (const a of plan.aids) expect(fake.book.sheet(a.sheet)!.protected).toBe(true);
  });
});
