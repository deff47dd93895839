/**
 * @jest-environment node
 *
 * Fixes through the Office adapter never damage a cell (issue 12): a formula cell is never written (item 2); a fixed
 * cell keeps its number format and text stays text without "@" (item 3); a protected workbook or sheet is refused
 * in words before anything changes (item 4); a write cut short at any point leaves every changed cell logged and
 * says which cells changed (item 8); a cell the user changed meanwhile is put back as it was, text as text (item 12).
 */
import { CHANGE_LOG_WIDTHS, type LoggedEdit } from "../../src/core/changelog";
import { text } from "../../src/core/sheet-spec";
import { cellList, errorMessage } from "../../src/taskpane/format";
import { asTyped, parsedByExcel } from "../../src/workbook/office/typed-text";
import { WorkbookError } from "../../src/workbook/port";
import { FakeBook, type FakeCell, type FakeExcel, type FakeSheet } from "../fakes/excel-fake";
import { rig, syncsOf } from "./office-helpers";

const AT = new Date(2026, 10, 22, 14, 5, 9);
const TIME = "2026-11-22 14:05:09";

function surveyBook(): FakeBook {
  const book = new FakeBook();
  const ws = book.addSheet("No.1");
  ws.put(0, 0, "調査票");
  for (let r = 1; r <= 6; r++) ws.put(r, 5, "Ａ");
  book.addSheet("No.2").put(0, 0, "調査票").put(7, 5, "ｂ");
  return book;
}

const fix = (cell: string, sheet = "No.1", before = "Ａ", after: string | number = "A"): LoggedEdit => ({ sheet, cell, before, after, ruleId: "CODE-VARIANT" });

/** A cell's formula with a cached result, as a file holds it. */
function putFormula(ws: FakeSheet, a1: string, formula: string, value: string | number, numberFormat = "General"): void {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = m[1].charCodeAt(0) - 65;
  Object.assign(ws.ensure(Number(m[2]) - 1, col), { formula, value, type: typeof value === "number" ? "Double" : "String", numberFormat });
}

/** 変更履歴 rows below the header, as [sheet, cell, before, after]. */
function logRows(book: FakeBook): string[][] {
  const log = book.sheet("変更履歴");
  if (!log) return [];
  const out: string[][] = [];
  for (let r = 2; r < 200; r++) {
    const row = ["B", "C", "D", "E"].map((c) => String(log.valueAt(`${c}${r}`)));
    if (row.every((v) => v === "")) continue;
    out.push(row);
  }
  return out;
}

function cellsOf(book: FakeBook): Map<string, FakeCell> {
  const out = new Map<string, FakeCell>();
  for (const s of book.sheets) for (const [k, c] of s.cells) out.set(`${s.name}#${k}`, { ...c });
  return out;
}

describe("数式のセル (item 2)", () => {
  test("結果が変更前と同じでも数式のセルは書き換えず、数式のセルとして返す。ほかのセルは直し、数式のセルは変更履歴に載せない", async () => {
    const fakeBook = surveyBook();
    const ws = fakeBook.sheet("No.1")!;
    putFormula(ws, "F3", '=IF(TRUE,"Ａ")', "Ａ");
    putFormula(ws, "G2", '=TEXT(1777,"#,##0")', "1,777");
    const { book } = rig(fakeBook);
    await book.readAll();
    const edits = [fix("F2"), fix("F3"), { sheet: "No.1", cell: "G2", before: "1,777", after: 1777, ruleId: "NUMBER-AS-TEXT" as const }];
    const result = await book.applyEdits(edits, AT);
    expect(result.applied.map((e) => e.cell)).toEqual(["F2"]);
    expect(result.formulas.map((e) => e.cell)).toEqual(["F3", "G2"]);
    expect(result.refused).toEqual([]);
    expect(ws.at("F3")).toMatchObject({ formula: '=IF(TRUE,"Ａ")', value: "Ａ" });
    expect(ws.at("G2")).toMatchObject({ formula: '=TEXT(1777,"#,##0")', value: "1,777" });
    expect(ws.valueAt("F2")).toBe("A");
    expect(logRows(fakeBook)).toEqual([["No.1", "F2", "Ａ", "A"]]);
  });

  test("直せるセルがすべて数式なら何も書かず、変更履歴も作らない", async () => {
    const fakeBook = surveyBook();
    putFormula(fakeBook.sheet("No.1")!, "F2", '=IF(TRUE,"Ａ")', "Ａ");
    const { fake, book } = rig(fakeBook);
    await book.readAll();
    const before = cellsOf(fakeBook);
    fake.reset();
    const result = await book.applyEdits([fix("F2")], AT);
    expect(result).toEqual({ applied: [], refused: [], formulas: [fix("F2")] });
    expect(fake.operations).toEqual([]);
    expect(cellsOf(fakeBook)).toEqual(before);
    expect(fakeBook.sheet("変更履歴")).toBeUndefined();
  });

  test("作業ウィンドウは数式のセルを名前で示し、直し方を言う", () => {
    expect(cellList("ja", ["No.1!F3", "No.1!G2"])).toBe("No.1!F3、No.1!G2");
    const many = Array.from({ length: 25 }, (_, i) => `No.1!F${i + 1}`);
    expect(cellList("en", many)).toBe(`${many.slice(0, 20).join(", ")} and 5 more`);
  });
});

describe("セルの表示形式と、文字列のままにすること (item 3)", () => {
  test("文字列への修正はセルの表示形式(#,##0 や標準)を変えず、\"@\" にもしない", async () => {
    const fakeBook = surveyBook();
    const ws = fakeBook.sheet("No.1")!;
    ws.put(1, 5, "Ａ", "#,##0");
    const { book } = rig(fakeBook);
    await book.readAll();
    await book.applyEdits([fix("F2"), fix("F3")], AT);
    expect(ws.at("F2")).toMatchObject({ value: "A", type: "String", numberFormat: "#,##0" });
    expect(ws.at("F3")).toMatchObject({ value: "A", type: "String", numberFormat: "General" });
  });

  test("Excel が数式・数値・日付・真偽値・エラー値と読む修正後の文字列も、文字列のまま書く(表示形式はそのまま)", async () => {
    const fakeBook = surveyBook();
    const ws = fakeBook.sheet("No.1")!;
    const afters = ["0012", "=abc", "+1", "１２３", "2026年4月1日", "TRUE", "#N/A", "'quoted"];
    afters.forEach((_, i) => ws.put(10 + i, 1, "旧", i === 0 ? "0.0" : undefined));
    const { book } = rig(fakeBook);
    await book.readAll();
    const edits = afters.map((after, i) => fix(`B${11 + i}`, "No.1", "旧", after));
    const result = await book.applyEdits(edits, AT);
    expect(result.applied.length).toBe(afters.length);
    expect(afters.map((_, i) => ws.at(`B${11 + i}`))).toEqual(
      afters.map((after, i) => expect.objectContaining({ value: after, type: "String", formula: undefined, numberFormat: i === 0 ? "0.0" : "General" })),
    );
    expect(logRows(fakeBook).map((r) => r[3])).toEqual(afters);
  });

  test("256 文字を超える文字列への修正も、変更履歴の変更前・変更後も ######## にならない", async () => {
    const fakeBook = surveyBook();
    const long = "取組の内容".repeat(60);
    fakeBook.sheet("No.1")!.put(20, 2, `${long}\u200b`);
    const { fake, book } = rig(fakeBook);
    await book.readAll();
    await book.applyEdits([{ sheet: "No.1", cell: "C21", before: `${long}\u200b`, after: long, ruleId: "TEXT-INVISIBLE" }], AT);
    const shown = await fake.run(async (context) => {
      const cell = context.workbook.worksheets.getItem("No.1").getRange("C21");
      const log = context.workbook.worksheets.getItem("変更履歴").getRange("D2:E2");
      cell.load("text");
      log.load("text");
      await context.sync();
      return [cell.text[0][0], ...log.text[0]];
    });
    expect(shown).toEqual([long, `${long}\u200b`, long]);
  });

  test("数値への修正はセルの表示形式を保ち、文字列の表示形式 \"@\" だったセルだけ標準にする(数値が文字列に戻らないように)", async () => {
    const fakeBook = surveyBook();
    const ws = fakeBook.sheet("No.1")!;
    ws.put(0, 7, "1,777", "#,##0").put(1, 7, "2,000", "@");
    const { book } = rig(fakeBook);
    await book.readAll();
    await book.applyEdits(
      [
        { sheet: "No.1", cell: "H1", before: "1,777", after: 1777, ruleId: "NUMBER-AS-TEXT" },
        { sheet: "No.1", cell: "H2", before: "2,000", after: 2000, ruleId: "NUMBER-AS-TEXT" },
      ],
      AT,
    );
    expect(ws.at("H1")).toMatchObject({ value: 1777, type: "Double", numberFormat: "#,##0" });
    expect(ws.at("H2")).toMatchObject({ value: 2000, type: "Double", numberFormat: "General" });
  });

  test("アドインのシート(検証結果)の長い文字列は ######## にならず、数式や数値に見える文字列は文字列のまま", async () => {
    const fakeBook = surveyBook();
    const { fake, book } = rig(fakeBook);
    const long = "課題と今後の取組".repeat(40);
    const values = [long, "0012", "=SUM(A1)", "2026/4/1", "TRUE", "普通の文"];
    await book.writeOwnedSheet({ name: "検証結果", cells: values.map((v, i) => ({ row: i, col: 0, value: text(v) })), styles: {}, merges: [] });
    const ws = fakeBook.sheet("検証結果")!;
    expect(values.map((_, i) => [ws.at(`A${i + 1}`)?.value, ws.at(`A${i + 1}`)?.type, ws.at(`A${i + 1}`)?.formula])).toEqual(values.map((v) => [v, "String", undefined]));
    const shown = await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("検証結果").getRange("A1");
      range.load("text");
      await context.sync();
      return range.text[0][0];
    });
    expect(shown).toBe(long);
  });
});

describe("Excel が解釈する文字列 (typed-text)", () => {
  const parsed = ["=A1", "+1", "-1", "@SUM(A1)", "'x", "0012", "1,777", "1.5", "1e5", "(12)", "12%", "¥1,000", "1/2", "2026/4/1", "2026-11-22 14:05", "2026年4月1日", "令和6年4月1日", "R6.4.1", "4月1日", "14:05", "5-Mar", "Jan 2026", "TRUE", "false", "#N/A", "#DIV/0!", "１２３", "＝1+1", " 12 "];
  const kept = ["A", "Ａ", "No.1", "〇", "所管課", "第1期", "1件", "課題と今後の取組", "Maybe", "Marketing 2026", "#タグ", "e", ""];

  test("数式・数値・日付・時刻・真偽値・エラー値と読まれる文字列だけにアポストロフィを付け、\"@\" のセルには付けない", () => {
    expect(parsed.filter((s) => !parsedByExcel(s))).toEqual([]);
    expect(kept.filter((s) => parsedByExcel(s))).toEqual([]);
    expect(asTyped("0012")).toBe("'0012");
    expect(asTyped("0012", "@")).toBe("0012");
    expect(asTyped("所管課")).toBe("所管課");
  });

  test("偽物の Excel が文字列のまま残さないものは、どれも parsedByExcel が拾う(書いた文字列がそのまま読み戻せる)", async () => {
    const book = new FakeBook();
    const ws = book.addSheet("No.1");
    const inputs = [...parsed, ...kept.filter(Boolean)];
    const fake = rig(book).fake;
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("No.1").getRangeByIndexes(0, 0, inputs.length, 2);
      range.values = inputs.map((s) => [s, asTyped(s)]);
      await context.sync();
    });
    inputs.forEach((s, r) => {
      const plain = ws.get(r, 0)!;
      if (plain.type !== "String" || plain.value !== s) expect([s, parsedByExcel(s)]).toEqual([s, true]);
      expect([s, ws.get(r, 1)?.value, ws.get(r, 1)?.type]).toEqual([s, s, "String"]);
    });
  });
});

describe("保護されたブックとシート (item 4)", () => {
  test("ブックの保護があり変更履歴を作れないとき、何も書かずに protected-workbook で断り、どうすればよいかを言う", async () => {
    const fakeBook = surveyBook();
    fakeBook.structureProtected = true;
    const { book } = rig(fakeBook);
    await book.readAll();
    const before = cellsOf(fakeBook);
    await expect(book.applyEdits([fix("F2"), fix("F8", "No.2", "ｂ", "B")], AT)).rejects.toMatchObject({ name: "WorkbookError", code: "protected-workbook" });
    expect(cellsOf(fakeBook)).toEqual(before);
    expect(fakeBook.sheets.map((s) => s.name)).toEqual(["No.1", "No.2"]);
    expect(errorMessage("ja", new WorkbookError("protected-workbook"))).toContain("[ブックの保護] をオフにしてから");
    expect(errorMessage("en", new WorkbookError("protected-workbook"))).toContain("Turn off Protect Workbook");
  });

  test("確認の後にブックが保護されても(覚えていた状態が古くても)同じく断り、何も変えない", async () => {
    const fakeBook = surveyBook();
    const { book } = rig(fakeBook);
    await book.readAll();
    fakeBook.structureProtected = true;
    const before = cellsOf(fakeBook);
    await expect(book.applyEdits([fix("F2")], AT)).rejects.toMatchObject({ code: "protected-workbook" });
    expect(cellsOf(fakeBook)).toEqual(before);
  });

  test("変更履歴と設定のシートがもうあれば、ブックが保護されていても修正できる(シートを足さないので)", async () => {
    const fakeBook = surveyBook();
    const { book } = rig(fakeBook);
    await book.applyEdits([fix("F2")], AT);
    fakeBook.structureProtected = true;
    const result = await book.applyEdits([fix("F3")], AT);
    expect(result.applied.length).toBe(1);
    expect(logRows(fakeBook).map((r) => r[1])).toEqual(["F2", "F3"]);
  });

  test("ブックが保護されていると、設定の保存も集計シートの作成も protected-workbook で断り、シートは増えない", async () => {
    const fakeBook = surveyBook();
    fakeBook.structureProtected = true;
    const { book } = rig(fakeBook);
    await book.readAll();
    await expect(book.writeSettings({ fiscalYear: "2026" })).rejects.toMatchObject({ code: "protected-workbook" });
    await expect(book.writeOwnedSheet({ name: "評価集計", cells: [{ row: 0, col: 0, value: text("x") }], styles: {}, merges: [] })).rejects.toMatchObject({
      code: "protected-workbook",
    });
    expect(fakeBook.sheets.map((s) => s.name)).toEqual(["No.1", "No.2"]);
  });

  test("確認の後にブックが保護されても、設定の保存と集計シートの作成は protected-workbook になる(シート名つきの protected-sheet ではなく)", async () => {
    const fakeBook = surveyBook();
    const { book } = rig(fakeBook);
    await book.readAll();
    fakeBook.structureProtected = true;
    await expect(book.writeSettings({ fiscalYear: "2026" })).rejects.toMatchObject({ code: "protected-workbook" });
    await expect(book.writeOwnedSheet({ name: "評価集計", cells: [{ row: 0, col: 0, value: text("x") }], styles: {}, merges: [] })).rejects.toMatchObject({
      code: "protected-workbook",
    });
    expect(fakeBook.sheets.map((s) => s.name)).toEqual(["No.1", "No.2"]);
  });

  test("修正するシートが確認の後に保護されたら、そのシートを名前で示し、何も書かない。言葉は解除のしかたを言う", async () => {
    const fakeBook = surveyBook();
    const { book } = rig(fakeBook);
    await book.applyEdits([fix("F2")], AT);
    fakeBook.sheet("No.2")!.protected = true;
    const before = cellsOf(fakeBook);
    await expect(book.applyEdits([fix("F3"), fix("F8", "No.2", "ｂ", "B")], AT)).rejects.toMatchObject({ code: "protected-sheet", sheet: "No.2" });
    expect(cellsOf(fakeBook)).toEqual(before);
    expect(errorMessage("ja", new WorkbookError("protected-sheet", undefined, "No.2"))).toBe(
      "シート「No.2」は保護されているため変更できません。[校閲] タブの [シート保護の解除] で保護を解除してから、もう一度実行してください。",
    );
  });
});

describe("途中で止まった書き込み (item 8)", () => {
  const edits = [fix("F2"), fix("F3"), fix("F8", "No.2", "ｂ", "B"), { sheet: "No.1", cell: "H1", before: "1,777", after: 1777, ruleId: "NUMBER-AS-TEXT" as const }];

  /** The survey book after a check; `withLog`: a 変更履歴 from an earlier fix is there. */
  async function prepared(withLog: boolean, conflictDelayMs?: number): Promise<{ fake: FakeExcel; book: ReturnType<typeof rig>["book"]; fakeBook: FakeBook }> {
    const fakeBook = surveyBook();
    fakeBook.sheet("No.1")!.put(0, 7, "1,777", "@");
    const r = rig(fakeBook, conflictDelayMs === undefined ? {} : { conflictDelayMs });
    if (withLog) await r.book.applyEdits([fix("F7")], AT);
    await r.book.readAll();
    return { ...r, fakeBook };
  }

  const key = (e: LoggedEdit) => `${e.sheet}!${e.cell}`;
  const holds = (book: FakeBook, e: LoggedEdit, v: string | number) => book.sheet(e.sheet)!.at(e.cell)?.value === v;

  for (const withLog of [false, true]) {
    test(`どの sync のどの操作で止まっても、変わったセルはすべて変更後の値で変更履歴にあり、変わっていないセルは元のまま。エラーは変わったセルをちょうど挙げる(変更履歴${withLog ? "あり" : "なし"})`, async () => {
      const dry = await prepared(withLog);
      dry.fake.reset();
      await dry.book.applyEdits(edits, AT);
      const plan = dry.fake.syncs.map((s) => s.actions);
      expect(plan.length).toBeGreaterThan(0);
      const earlier = withLog ? [["No.1", "F7", "Ａ", "A"]] : [];
      let cases = 0;
      for (let n = 1; n <= plan.length; n++) {
        for (const k of [undefined, ...Array.from({ length: plan[n - 1] + 1 }, (_, i) => i)]) {
          const { fake, book, fakeBook } = await prepared(withLog);
          fake.failSync(fake.syncCount + n, { afterActions: k });
          const error = await book.applyEdits(edits, AT).then(
            () => undefined,
            (e: unknown) => e,
          );
          const where = `sync ${n}, after ${k ?? "none"}`;
          expect([where, error]).toEqual([where, expect.objectContaining({ name: "WorkbookError" })]);
          const changed = edits.filter((e) => !holds(fakeBook, e, e.before));
          for (const e of changed) expect([where, key(e), fakeBook.sheet(e.sheet)!.at(e.cell)?.value]).toEqual([where, key(e), e.after]);
          expect([where, logRows(fakeBook)]).toEqual([where, [...earlier, ...changed.map((e) => [e.sheet, e.cell, e.before, String(e.after)])]]);
          const err = error as WorkbookError;
          if (err.code === "write-interrupted") expect([where, [...(err.changed ?? [])].sort()]).toEqual([where, changed.map(key).sort()]);
          else expect([where, err.code, changed]).toEqual([where, err.code, []]);
          // Run again: the rest is fixed, each cell logged once, the log keeps its header and its name.
          fake.syncFailure = undefined;
          const again = await book.applyEdits(edits, AT);
          expect(again.applied.length + again.refused.length).toBe(edits.length);
          for (const e of edits) expect(holds(fakeBook, e, e.after)).toBe(true);
          expect(logRows(fakeBook).length).toBe(earlier.length + edits.length);
          expect(fakeBook.sheet("変更履歴")!.valueAt("A1")).toBe("日時");
          expect(await book.ownedSheets()).toEqual(["変更履歴"]);
          cases++;
        }
      }
      expect(cases).toBeGreaterThan(plan.length);
    });
  }

  test("止まったあと読み直しもできないときは、変わったかもしれないセルを挙げ、変更履歴と見比べるよう言う", async () => {
    const { fake, book, fakeBook } = await prepared(true);
    const write = fake.syncCount + 2;
    fake.beforeSync = (n) => {
      if (n === write) fake.failSync(write, { afterActions: 1000 });
      if (n > write) fake.failSync(n);
    };
    const error = (await book.applyEdits(edits, AT).catch((e: unknown) => e)) as WorkbookError;
    expect(error).toMatchObject({ code: "write-unconfirmed" });
    expect([...(error.changed ?? [])].sort()).toEqual(edits.map(key).sort());
    expect(logRows(fakeBook).length).toBe(1 + edits.length);
    expect(errorMessage("ja", error)).toContain("No.1!F2、");
    expect(errorMessage("ja", error)).toContain("確かめられませんでした");
  });

  for (const withLog of [false, true]) {
    test(`どの sync のどの操作で Conflict (共同編集) になっても、やり直してすべて修正し、どのセルも変更履歴に 1 度だけ載る(変更履歴${withLog ? "あり" : "なし"})`, async () => {
      const dry = await prepared(withLog);
      dry.fake.reset();
      await dry.book.applyEdits(edits, AT);
      const plan = dry.fake.syncs.map((s) => s.actions);
      const earlier = withLog ? [["No.1", "F7", "Ａ", "A"]] : [];
      const sorted = (rows: string[][]) => [...rows].sort((a, b) => a.join().localeCompare(b.join()));
      let partly = 0;
      for (let n = 1; n <= plan.length; n++) {
        for (const k of [undefined, ...Array.from({ length: plan[n - 1] + 1 }, (_, i) => i)]) {
          const { fake, book, fakeBook } = await prepared(withLog, 0);
          const start = fake.syncCount;
          fake.failSync(start + n, { code: "Conflict", afterActions: k });
          let changedAtConflict = 0;
          fake.beforeSync = (m) => {
            if (m === start + n + 1) changedAtConflict = edits.filter((e) => !holds(fakeBook, e, e.before)).length;
          };
          const where = `sync ${n}, after ${k ?? "none"}`;
          const result = await book.applyEdits(edits, AT);
          expect([where, fake.syncs.slice(start).map((x) => x.error)]).toEqual([where, expect.arrayContaining(["Conflict"])]);
          expect([where, result.applied]).toEqual([where, edits]);
          expect([where, result.refused, result.formulas]).toEqual([where, [], []]);
          for (const e of edits) expect([where, key(e), fakeBook.sheet(e.sheet)!.at(e.cell)?.value]).toEqual([where, key(e), e.after]);
          expect([where, sorted(logRows(fakeBook))]).toEqual([where, sorted([...earlier, ...edits.map((e) => [e.sheet, e.cell, e.before, String(e.after)])])]);
          expect(fakeBook.sheet("変更履歴")!.valueAt("A1")).toBe("日時");
          expect(await book.ownedSheets()).toEqual(["変更履歴"]);
          if (changedAtConflict > 0 && changedAtConflict < edits.length) partly++;
        }
      }
      // Some of the cases stopped with part of the cells written: the ones a blind retry would log twice.
      expect(partly).toBeGreaterThan(0);
    });
  }

  test("Conflict が続けば、3 度で止めて conflict と言い、どのセルも変えない", async () => {
    const { fake, book, fakeBook } = await prepared(true, 0);
    const before = cellsOf(fakeBook);
    const start = fake.syncCount;
    fake.beforeSync = (n) => fake.failSync(n, { code: "Conflict" });
    await expect(book.applyEdits(edits, AT)).rejects.toMatchObject({ code: "conflict" });
    // Three tries; each after the first also looks at the sheets again, a read that tries three times itself.
    expect(fake.syncCount - start).toBeGreaterThan(2);
    expect(fake.syncCount - start).toBeLessThanOrEqual(9);
    expect(cellsOf(fakeBook)).toEqual(before);
  });

  test("1 度目が一部のセルを書いたあと Conflict が続けば、書けたセルをちょうど挙げて止まり、それらは変更履歴に 1 度だけある", async () => {
    const dry = await prepared(false);
    dry.fake.reset();
    await dry.book.applyEdits(edits, AT);
    const writeActions = dry.fake.syncs[1].actions;
    const { fake, book, fakeBook } = await prepared(false, 0);
    const write = fake.syncCount + 2;
    fake.failSync(write, { code: "Conflict", afterActions: writeActions - 1 });
    // The recovery (a read-back, then the log put in step) goes through; every later try meets another Conflict.
    fake.beforeSync = (n) => {
      if (n > write + 2) fake.failSync(n, { code: "Conflict" });
    };
    const error = (await book.applyEdits(edits, AT).catch((e: unknown) => e)) as WorkbookError;
    const changed = edits.filter((e) => !holds(fakeBook, e, e.before));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThan(edits.length);
    expect(error).toMatchObject({ code: "write-interrupted" });
    expect([...(error.changed ?? [])].sort()).toEqual(changed.map(key).sort());
    expect(logRows(fakeBook)).toEqual(changed.map((e) => [e.sheet, e.cell, e.before, String(e.after)]));
  });

  test("言葉: 変わったセルがあればそれを挙げて変更履歴にあると言い、なければ変わっていないと言う", () => {
    expect(errorMessage("ja", new WorkbookError("write-interrupted", undefined, undefined, ["No.1!F2"]))).toBe(
      "書き込みが途中で止まりました。変更されたセルは No.1!F2 で、どれも「変更履歴」に記録してあります。ほかのセルは変わっていません。もう一度検証してから、残りを修正してください。",
    );
    expect(errorMessage("en", new WorkbookError("write-interrupted", undefined, undefined, []))).toBe("Writing stopped part way. No cell was changed. Try again.");
  });
});

describe("利用者が変えたセルを元に戻す (item 12)", () => {
  test("確認と書き込みの間に利用者が '0012 や '=abc を入れたセルは、文字列のまま元に戻し、変更履歴に載せない", async () => {
    const fakeBook = surveyBook();
    const { fake, book } = rig(fakeBook);
    await book.readAll();
    const ws = fakeBook.sheet("No.1")!;
    // The user types between the add-in's look at the cells and its write (the last sync before the write).
    const typed = (n: number) => {
      if (n !== fake.syncCount) return;
      Object.assign(ws.ensure(2, 5), { value: "0012", type: "String", quotePrefix: true });
      Object.assign(ws.ensure(3, 5), { value: "=abc", type: "String", quotePrefix: true });
      Object.assign(ws.ensure(4, 5), { value: 5, type: "Double", numberFormat: "0.00" });
      putFormula(ws, "F6", "=1+1", 2);
    };
    let writeSync = 0;
    fake.beforeSync = (n) => {
      // Sync 1 of applyEdits looks; the user types before the next one writes.
      if (writeSync === 0) writeSync = n + 1;
      else if (n === writeSync) typed(n);
    };
    const result = await book.applyEdits([fix("F2"), fix("F3"), fix("F4"), fix("F5"), fix("F6")], AT);
    expect(result.applied.map((e) => e.cell)).toEqual(["F2"]);
    expect(result.refused.map((e) => e.cell)).toEqual(["F3", "F4", "F5", "F6"]);
    expect(ws.at("F3")).toMatchObject({ value: "0012", type: "String", formula: undefined });
    expect(ws.at("F4")).toMatchObject({ value: "=abc", type: "String", formula: undefined });
    expect(ws.at("F5")).toMatchObject({ value: 5, type: "Double", numberFormat: "0.00" });
    expect(ws.at("F6")).toMatchObject({ formula: "=1+1" });
    expect(logRows(fakeBook)).toEqual([["No.1", "F2", "Ａ", "A"]]);
  });

  test("確認の時にもう変わっていたセルには何も書かない(sync 1 回で分かり、書き込みの sync も要らない)", async () => {
    const fakeBook = surveyBook();
    const { fake, book } = rig(fakeBook);
    await book.readAll();
    Object.assign(fakeBook.sheet("No.1")!.ensure(1, 5), { value: "0012", type: "String", quotePrefix: true });
    fake.reset();
    let result: Awaited<ReturnType<typeof book.applyEdits>> | undefined;
    const syncs = await syncsOf(fake, async () => (result = await book.applyEdits([fix("F2")], AT)));
    expect(fakeBook.sheet("No.1")!.at("F2")).toMatchObject({ value: "0012", type: "String", quotePrefix: true });
    expect(result!.refused.length).toBe(1);
    expect(syncs).toBe(1);
    expect(fake.operations).toEqual([]);
  });

  test.each([
    ["Calibri", 7],
    ["游ゴシック", 8],
  ])("変更履歴の列幅は、ブックの標準フォント (%s) の数字の幅で数える", async (font, digit) => {
    const fakeBook = surveyBook();
    fakeBook.normalFont = { name: font, size: 11 };
    const { book } = rig(fakeBook);
    await book.applyEdits([fix("F2")], AT);
    const ws = fakeBook.sheet("変更履歴")!;
    CHANGE_LOG_WIDTHS.forEach((chars, i) => expect([i, ws.columnWidths.get(i)]).toEqual([i, (Math.trunc(chars * digit) + 5) * 0.75]));
  });

  test("動的配列の結果がこぼれているセル (=SORT(…) のとなり) には書かず、数式の側で直すものとして返す: 書けば #SPILL! になる", async () => {
    const fakeBook = surveyBook();
    const ws = fakeBook.sheet("No.1")!;
    ws.spill("J1", "=SORT(K1:K3)", [["Ａ"], ["Ａ"], ["Ａ"]]);
    const { book } = rig(fakeBook);
    await book.readAll();
    const result = await book.applyEdits([fix("J2"), fix("F2")], AT);
    expect(result.formulas.map((e) => e.cell)).toEqual(["J2"]);
    expect(result.applied.map((e) => e.cell)).toEqual(["F2"]);
    expect(ws.at("J1")).toMatchObject({ formula: "=SORT(K1:K3)", value: "Ａ" });
    expect(ws.at("J2")).toMatchObject({ value: "Ａ", spillParent: "J1" });
    expect(logRows(fakeBook)).toEqual([["No.1", "F2", "Ａ", "A"]]);
  });

  test("変更履歴の時刻は文字列のまま(日付にならない)", async () => {
    const fakeBook = surveyBook();
    const { book } = rig(fakeBook);
    await book.applyEdits([fix("F2")], AT);
    expect(fakeBook.sheet("変更履歴")!.at("A2")).toMatchObject({ value: TIME, type: "String" });
  });
});
