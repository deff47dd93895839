/**
 * @jest-environment node
 *
 * The fake of the Excel JavaScript API is strict: what would fail in Excel fails here too, at the same moment
 * (or earlier, where Office.js is lax — noted at each case).
 */
import { FakeBook, FakeExcel, type FakeOfficeDocument, FakeOfficeError, type FakeOfficeFile, MAX_SLICE_SIZE, parseBox } from "../fakes/excel-fake";

function bookWithSheet(): { fake: FakeExcel; book: FakeBook } {
  const book = new FakeBook();
  book.addSheet("No.1").put(0, 0, "所管課").put(0, 1, 42).put(1, 0, { error: "#REF!" });
  book.addSheet("評価一覧").put(0, 0, "x");
  return { fake: new FakeExcel(book), book };
}

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as FakeOfficeError).code;
  }
  return "no error";
};

describe("読み込みと同期の規則", () => {
  test("load していないプロパティを読むと PropertyNotLoaded で失敗する", async () => {
    const { fake } = bookWithSheet();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("No.1").getRange("A1:B2");
      expect(code(() => range.values)).toBe("PropertyNotLoaded");
      await context.sync();
      expect(code(() => range.values)).toBe("PropertyNotLoaded");
    });
  });

  test("load しても sync の前には読めず、sync の後に読める", async () => {
    const { fake } = bookWithSheet();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("No.1").getRange("A1:B2");
      range.load("values,valueTypes,address");
      expect(code(() => range.values)).toBe("PropertyNotLoaded");
      await context.sync();
      expect(range.values).toEqual([
        ["所管課", 42],
        ["#REF!", ""],
      ]);
      expect(range.valueTypes).toEqual([
        ["String", "Double"],
        ["Error", "Empty"],
      ]);
      expect(range.address).toBe("'No.1'!A1:B2");
      // Only what was loaded.
      expect(code(() => range.numberFormat)).toBe("PropertyNotLoaded");
    });
  });

  test("値を設定しただけでは読めない。Office.js は設定した値をそのまま返すが、Excel が保存した値ではないので、この偽物は load と sync を求める", async () => {
    const { fake } = bookWithSheet();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("No.1").getRange("C1");
      range.load("values");
      await context.sync();
      expect(range.values).toEqual([[""]]);
      range.values = [["=1+1"]];
      expect(code(() => range.values)).toBe("PropertyNotLoaded");
      await context.sync();
      expect(code(() => range.values)).toBe("PropertyNotLoaded");
      range.load("values,formulas");
      await context.sync();
      // Written to a General cell, the text became a formula.
      expect(range.formulas).toEqual([["=1+1"]]);
    });
  });

  test("同じバッチで書き込みの前に読み込むと、書き込みで置き換えられた値が返る", async () => {
    const { fake } = bookWithSheet();
    await fake.run(async (context) => {
      const before = context.workbook.worksheets.getItem("No.1").getRange("A1");
      before.load("values");
      before.values = [["新しい値"]];
      const after = context.workbook.worksheets.getItem("No.1").getRange("A1");
      after.load("values");
      await context.sync();
      expect(before.values).toEqual([["所管課"]]);
      expect(after.values).toEqual([["新しい値"]]);
    });
  });

  test("ないシートの getItem は呼んだ時ではなく sync で ItemNotFound になる", async () => {
    const { fake } = bookWithSheet();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("ない");
      ws.load("name");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  test("…OrNullObject の isNullObject は sync の後に読め、null オブジェクトの他のプロパティは読めない", async () => {
    const { fake } = bookWithSheet();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject("ない");
      ws.load("name");
      const used = context.workbook.worksheets.getItem("No.1").getUsedRangeOrNullObject(true);
      used.load("address");
      expect(code(() => ws.isNullObject)).toBe("PropertyNotLoaded");
      await context.sync();
      expect(ws.isNullObject).toBe(true);
      expect(code(() => ws.name)).toBe("InvalidOperation");
      expect(used.isNullObject).toBe(false);
      expect(used.address).toBe("'No.1'!A1:B2");
    });
  });

  test("コレクションの items は load と sync の後にだけある", async () => {
    const { fake } = bookWithSheet();
    await fake.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(code(() => sheets.items)).toBe("PropertyNotLoaded");
      sheets.load("items/name,items/visibility");
      expect(code(() => sheets.items)).toBe("PropertyNotLoaded");
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([
        ["No.1", "Visible"],
        ["評価一覧", "Visible"],
      ]);
      expect(code(() => sheets.items[0].position)).toBe("PropertyNotLoaded");
    });
  });
});

describe("セルへの書き込み", () => {
  test("書式が文字列でないセルに書いた文字列は Excel の入力と同じく解釈され、先に \"@\" を設定したセルでは文字列のまま残る", async () => {
    const { fake, book } = bookWithSheet();
    const inputs = ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-1", "@SUM(A1)", "2026-11-22 14:05:09", "123", "TRUE"];
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("評価一覧");
      const general = ws.getRange("A2:G2");
      general.values = [inputs];
      const text = ws.getRange("A3:G3");
      text.numberFormat = [inputs.map(() => "@")];
      text.values = [inputs];
      await context.sync();
    });
    const sheet = book.sheet("評価一覧")!;
    expect(["A2", "B2", "C2", "D2", "E2", "F2", "G2"].map((a) => [sheet.at(a)?.type, sheet.at(a)?.formula])).toEqual([
      ["Empty", '=HYPERLINK("http://x","y")'],
      ["Double", undefined],
      ["Double", undefined],
      ["Empty", "=SUM(A1)"],
      ["Double", undefined],
      ["Double", undefined],
      ["Boolean", undefined],
    ]);
    expect(["A3", "B3", "C3", "D3", "E3", "F3", "G3"].map((a) => sheet.valueAt(a))).toEqual(inputs);
    expect(["A3", "B3", "C3", "D3", "E3", "F3", "G3"].every((a) => sheet.at(a)?.type === "String" && !sheet.at(a)?.formula)).toBe(true);
  });

  test("配列の大きさが範囲と違うと InvalidArgument になる", async () => {
    const { fake } = bookWithSheet();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("No.1").getRange("A1:B1").values = [["1"]];
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });

  test("保護されたシートへの書き込みは AccessDenied。バッチはそこで止まり、それより前の書き込みは残る(Excel のバッチはトランザクションではない)", async () => {
    const { fake, book } = bookWithSheet();
    book.sheet("No.1")!.protected = true;
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("評価一覧").getRange("B1").values = [["前"]];
      context.workbook.worksheets.getItem("No.1").getRange("A1").values = [["書けない"]];
      context.workbook.worksheets.getItem("評価一覧").getRange("C1").values = [["後"]];
      await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    });
    expect(book.sheet("No.1")!.valueAt("A1")).toBe("所管課");
    expect(book.sheet("評価一覧")!.valueAt("B1")).toBe("前");
    expect(book.sheet("評価一覧")!.valueAt("C1")).toBe("");
  });
});

describe("数えること、失敗を起こすこと", () => {
  test("sync の回数と、各 sync が返したバイト数を数える", async () => {
    const { fake } = bookWithSheet();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("No.1").getRange("A1:B2");
      range.load("values");
      await context.sync();
      await context.sync();
    });
    expect(fake.syncCount).toBe(2);
    expect(fake.syncs[0].responseBytes).toBe(Buffer.byteLength(JSON.stringify({ values: [["所管課", 42], ["#REF!", ""]] })));
    expect(fake.syncs[1].responseBytes).toBe(0);
    expect(fake.maxResponseBytes).toBe(fake.syncs[0].responseBytes);
  });

  test("5 MB を超える応答は ResponsePayloadSizeLimitExceeded で拒まれ、何も届かない", async () => {
    const book = new FakeBook();
    const ws = book.addSheet("大きい");
    const long = "あ".repeat(1000);
    for (let r = 0; r < 2000; r++) ws.put(r, 0, long);
    const fake = new FakeExcel(book);
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("大きい").getRange("A1:A2000");
      range.load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
      expect(code(() => range.values)).toBe("PropertyNotLoaded");
    });
  });

  test("Excel は 32,767 文字を超える値を InvalidArgument で断る", async () => {
    const { fake, book } = bookWithSheet();
    const write = (v: string) =>
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("No.1").getRange("C1").values = [[v]];
        await context.sync();
      });
    await write("x".repeat(32_767));
    await expect(write("x".repeat(32_768))).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(String(book.sheet("No.1")!.valueAt("C1"))).toHaveLength(32_767);
  });

  test("Excel on the web は 5 MB を超える要求を RequestPayloadSizeLimitExceeded で丸ごと拒み(何も書かれない)、古い版は大きすぎる応答を GeneralException とだけ言う。デスクトップにはどちらの上限もない", async () => {
    // 4 million characters, in cells no longer than Excel takes (32,767).
    const cell = "あ".repeat(30_000);
    const big = Array.from({ length: 67 }, () => [cell, cell]);
    const write = async (fake: FakeExcel) =>
      fake.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("No.1");
        ws.getRange("E1").values = [["先"]];
        ws.getRange("C1:D67").values = big;
        await context.sync();
      });
    const web = bookWithSheet();
    await expect(write(web.fake)).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect([web.book.sheet("No.1")!.valueAt("E1"), web.book.sheet("No.1")!.valueAt("C1")]).toEqual(["", ""]);
    const desktop = bookWithSheet();
    const onDesktop = new FakeExcel(desktop.book, { host: "desktop" });
    await write(onDesktop);
    expect(desktop.book.sheet("No.1")!.valueAt("D67")).toBe(cell);
    const read = async (fake: FakeExcel) =>
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("No.1").getRange("C1:D67").load("values");
        await context.sync();
      });
    await read(onDesktop);
    await expect(read(new FakeExcel(desktop.book))).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    await expect(read(new FakeExcel(desktop.book, { oversizedAs: "GeneralException" }))).rejects.toMatchObject({ code: "GeneralException" });
  });

  test("セル編集中は、すべての sync が InvalidOperationInCellEditMode で拒まれる", async () => {
    const { fake } = bookWithSheet();
    fake.cellEditMode = true;
    await fake.run(async (context) => {
      context.workbook.worksheets.load("items/name");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    });
  });

  test("sync の間にシートが消えると、そのシートを使う次の sync は ItemNotFound になる", async () => {
    const { fake, book } = bookWithSheet();
    fake.beforeSync = (n) => {
      if (n === 2) book.sheets.splice(0, 1);
    };
    await fake.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      sheets.items[0].getRange("A1").load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  test("結合範囲が 512 を超える範囲の getMergedAreasOrNullObject は失敗する(Excel の説明どおり)", async () => {
    const book = new FakeBook();
    const ws = book.addSheet("結合");
    for (let r = 0; r < 513; r++) ws.merges.push({ top: r, left: 0, bottom: r, right: 1 });
    const fake = new FakeExcel(book);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("結合");
      const few = sheet.getRange("A1:B512").getMergedAreasOrNullObject();
      few.load("areaCount");
      await context.sync();
      expect(few.areaCount).toBe(512);
      const all = sheet.getRange("A:B").getMergedAreasOrNullObject();
      all.load("areaCount");
      await expect(context.sync()).rejects.toMatchObject({ code: "GeneralException" });
    });
    // The other reading of "fail to return the result": a null object, as if there were none.
    await new FakeExcel(book, { mergeLimitAs: "null" }).run(async (context) => {
      const all = context.workbook.worksheets.getItem("結合").getRange("A:B").getMergedAreasOrNullObject();
      all.load("areaCount");
      await context.sync();
      expect(all.isNullObject).toBe(true);
    });
  });

  test("failSync(n) は n 回目の sync だけを失敗させる: 既定では何も実行せず、afterActions では最初の k 個の変更が残り、読んだ値は届かない", async () => {
    const { fake, book } = bookWithSheet();
    fake.failSync(2);
    await fake.run(async (context) => {
      const cell = context.workbook.worksheets.getItem("No.1").getRange("C1");
      cell.values = [["一回目"]];
      await context.sync();
      cell.values = [["二回目"]];
      await expect(context.sync()).rejects.toMatchObject({ code: "GeneralException" });
      expect(book.sheet("No.1")!.valueAt("C1")).toBe("一回目");
      cell.values = [["三回目"]];
      await context.sync();
    });
    expect(book.sheet("No.1")!.valueAt("C1")).toBe("三回目");
    expect(fake.syncs.map((s) => s.error)).toEqual([undefined, "GeneralException", undefined]);

    fake.failSync(4, { code: "Conflict", afterActions: 2 });
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("No.1");
      const loaded = ws.getRange("A1");
      loaded.load("values");
      ws.getRange("D1").values = [["残る"]];
      ws.getRange("E1").values = [["届かない"]];
      await expect(context.sync()).rejects.toMatchObject({ code: "Conflict" });
      expect(code(() => loaded.values)).toBe("PropertyNotLoaded");
    });
    expect(book.sheet("No.1")!.valueAt("D1")).toBe("残る");
    expect(book.sheet("No.1")!.valueAt("E1")).toBe("");
  });

  test("結合範囲の RangeAreas.address は Excel と同じく各範囲の左上のセルだけ(office-js#1590)。範囲そのものは areas.items の address にある", async () => {
    const book = new FakeBook();
    const ws = book.addSheet("結合");
    ws.merges.push({ top: 3, left: 19, bottom: 4, right: 20 }, { top: 6, left: 0, bottom: 6, right: 2 });
    const fake = new FakeExcel(book);
    await fake.run(async (context) => {
      const merged = context.workbook.worksheets.getItem("結合").getRange("A1:Z10").getMergedAreasOrNullObject();
      merged.load("address,areaCount");
      merged.areas.load("items/address");
      await context.sync();
      expect(merged.areaCount).toBe(2);
      expect(merged.address).toBe("結合!T4, 結合!A7");
      expect(merged.areas.items.map((a) => a.address)).toEqual(["結合!T4:U5", "結合!A7:C7"]);
    });
  });

  test("ホストが対応していない API は呼んだ時ではなく sync で ApiNotFound になる", async () => {
    const { book } = bookWithSheet();
    const fake = new FakeExcel(book, { apiVersion: "1.12" });
    expect(fake.isSetSupported("ExcelApi", "1.12")).toBe(true);
    expect(fake.isSetSupported("ExcelApi", "1.13")).toBe(false);
    await fake.run(async (context) => {
      const merged = context.workbook.worksheets.getItem("No.1").getRange("A1:B2").getMergedAreasOrNullObject();
      merged.load("areaCount");
      await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    });
  });
});

describe("セルのスタイル", () => {
  test("workbook.styles (ExcelApi 1.7) の items は load と sync の後に読め、標準スタイルのフォントを持つ", async () => {
    const { fake, book } = bookWithSheet();
    book.normalFont = { name: "游ゴシック", size: 11 };
    await fake.run(async (context) => {
      const styles = context.workbook.styles.load("items/name,items/builtIn,items/font/name,items/font/size");
      expect(code(() => styles.items)).toBe("PropertyNotLoaded");
      await context.sync();
      expect(styles.items.map((x) => [x.name, x.builtIn, x.font.name, x.font.size])[0]).toEqual(["Normal", true, "游ゴシック", 11]);
    });
    await new FakeExcel(book, { apiVersion: "1.6" }).run(async (context) => {
      context.workbook.styles.load("items/name");
      await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    });
  });
});

describe("変更のイベント", () => {
  test("worksheets.onChanged (ExcelApi 1.9) は sync の後に有効になり、利用者の入力とアドインの書き込みで起き、1.14 からは誰の変更かを triggerSource で言う", async () => {
    const seen: unknown[] = [];
    const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
    const { fake } = bookWithSheet();
    await fake.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async (args) => void seen.push([args.address, args.triggerSource]));
      fake.userEdit("No.1", "C3", "登録前");
      await tick();
      expect(seen).toEqual([]);
      await context.sync();
    });
    fake.userEdit("No.1", "C3", "利用者");
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("No.1").getRange("D4").values = [["アドイン"]];
      await context.sync();
    });
    await tick();
    expect(seen).toEqual([
      ["C3", "Unknown"],
      ["D4", "ThisLocalAddin"],
    ]);

    const older = new FakeExcel(new FakeBook(), { apiVersion: "1.12" });
    older.book.addSheet("S");
    const args: unknown[] = [];
    await older.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async (a) => void args.push(a.triggerSource));
      await context.sync();
    });
    older.userEdit("S", "A1", 1);
    await tick();
    expect(args).toEqual([undefined]);
    await new FakeExcel(new FakeBook(), { apiVersion: "1.8" }).run(async (context) => {
      context.workbook.worksheets.onChanged.add(async () => undefined);
      await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    });
  });
});

describe("別のシートを参照する数式", () => {
  test("=評価集計!B5 は参照先のセルに従い(空なら 0)、シートを消すと #REF! になり、同じ名前のシートを足しても戻らない。名前を変えると参照も変わる", async () => {
    const book = new FakeBook();
    book.addSheet("利用者").put(0, 0, "合計");
    book.addSheet("評価集計").put(4, 1, 12);
    book.addSheet("No.1").put(0, 0, "x");
    const mine = book.sheet("利用者")!;
    mine.put(0, 1, 12).ensure(0, 1).formula = "=評価集計!B5";
    mine.put(1, 1, "x").ensure(1, 1).formula = "='No.1'!$A$1";
    // Text that reads like a reference is text: Excel leaves it as it is.
    mine.put(2, 1, 1).ensure(2, 1).formula = `=IF('No.1'!A1="x ""No.1!A1"" 'No.1'!A1",1,0)`;
    const fake = new FakeExcel(book);
    const shown = async (a1: string) =>
      fake.run(async (context) => {
        const range = context.workbook.worksheets.getItem("利用者").getRange(a1);
        range.load("values,valueTypes,formulas");
        await context.sync();
        return [range.values[0][0], range.valueTypes[0][0], range.formulas[0][0]];
      });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("評価集計").getRange("B5").values = [[30]];
      await context.sync();
    });
    expect(await shown("B1")).toEqual([30, "Double", "=評価集計!B5"]);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("評価集計").getRange("A1:C9").clear("All");
      await context.sync();
    });
    expect(await shown("B1")).toEqual([0, "Double", "=評価集計!B5"]);

    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("No.1").name = "No.2";
      await context.sync();
    });
    expect(await shown("B2")).toEqual(["x", "String", "='No.2'!$A$1"]);
    expect((await shown("B3"))[2]).toBe(`=IF('No.2'!A1="x ""No.1!A1"" 'No.1'!A1",1,0)`);

    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("評価集計").delete();
      await context.sync();
      context.workbook.worksheets.add("評価集計").getRange("B5").values = [[7]];
      await context.sync();
    });
    expect(await shown("B1")).toEqual(["#REF!", "Error", "=#REF!B5"]);
    expect(await shown("B2")).toEqual(["x", "String", "='No.2'!$A$1"]);
  });
});

test("3-D 参照 (=SUM(No.1:No.4!B2)) は位置で範囲を取る: 端のシートの名前を変えると端が変わり、端を消すと端が内側へ一つ動き、1 枚だけの範囲は #REF! になる。あいだのシートでは変わらない", async () => {
  const book = new FakeBook();
  const sum = book.addSheet("集計");
  for (const n of ["No.1", "No.2", "No.3", "No.4"]) book.addSheet(n).put(1, 1, 1);
  const formulas = ["=SUM(No.1:No.4!B2)", "=SUM('No.1:No.3'!B2)", "=SUM(No.2:No.2!B2)", `=COUNTA(No.2:No.3!B2)&"No.1:No.3!B2"`];
  formulas.forEach((f, r) => (sum.put(r, 0, 9).ensure(r, 0).formula = f));
  const fake = new FakeExcel(book);
  const step = (edit: (sheets: Excel.WorksheetCollection) => void) =>
    fake.run(async (context) => {
      edit(context.workbook.worksheets);
      await context.sync();
      const range = context.workbook.worksheets.getItem("集計").getRange("A1:A4");
      range.load("values,formulas");
      await context.sync();
      return range.formulas.map((row, i) => [row[0], range.values[i][0]]);
    });
  expect(await step((ws) => (ws.getItem("No.4").name = "No 4"))).toEqual([
    ["=SUM('No.1:No 4'!B2)", 9],
    ["=SUM('No.1:No.3'!B2)", 9],
    ["=SUM(No.2:No.2!B2)", 9],
    [`=COUNTA(No.2:No.3!B2)&"No.1:No.3!B2"`, 9],
  ]);
  // The first sheet goes: a span starting there starts at the next one; text in quotes stays as it is.
  expect(await step((ws) => ws.getItem("No.1").delete())).toEqual([
    ["=SUM('No.2:No 4'!B2)", 9],
    ["=SUM('No.2:No.3'!B2)", 9],
    ["=SUM(No.2:No.2!B2)", 9],
    [`=COUNTA(No.2:No.3!B2)&"No.1:No.3!B2"`, 9],
  ]);
  // A sheet between the ends goes: the text stays (the fake does not calculate, so the stored result stays too).
  // The last one of a span goes: it ends one sheet before, which may leave one sheet.
  expect(await step((ws) => ws.getItem("No.3").delete())).toEqual([
    ["=SUM('No.2:No 4'!B2)", 9],
    ["=SUM('No.2'!B2)", 9],
    ["=SUM(No.2:No.2!B2)", 9],
    [`=COUNTA('No.2'!B2)&"No.1:No.3!B2"`, 9],
  ]);
  expect(await step((ws) => ws.getItem("No.2").delete())).toEqual([
    ["=SUM('No 4'!B2)", 9],
    ["=SUM(#REF!B2)", "#REF!"],
    ["=SUM(#REF!B2)", "#REF!"],
    [`=COUNTA(#REF!B2)&"No.1:No.3!B2"`, "#REF!"],
  ]);
});

describe("動的配列のこぼれ (spill)", () => {
  test("こぼれたセルの formulas は値を返し、getSpillParentOrNullObject (ExcelApi 1.12) が元のセルを示す。値を書くとこぼれが止まり #SPILL! になる", async () => {
    const book = new FakeBook();
    const ws = book.addSheet("No.1");
    ws.spill("B2", "=SORT(D2:D4)", [[1], [2], [3]]);
    ws.put(0, 0, "x");
    const fake = new FakeExcel(book);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("No.1");
      const cells = ["B2", "B3", "A1"].map((a) => sheet.getRange(a).load("formulas"));
      const parents = ["B2", "B3", "A1", "B3:B4"].map((a) => sheet.getRange(a).getSpillParentOrNullObject().load("address"));
      await context.sync();
      expect(cells.map((c) => c.formulas[0][0])).toEqual(["=SORT(D2:D4)", 2, "x"]);
      expect(parents.map((p) => (p.isNullObject ? null : p.address))).toEqual([null, "'No.1'!B2", null, null]);
      sheet.getRange("B3").values = [["手で入力"]];
      await context.sync();
    });
    expect(ws.at("B2")).toMatchObject({ value: "#SPILL!", type: "Error" });
    expect(ws.at("B3")?.value).toBe("手で入力");
    expect(ws.at("B4")?.value).toBe("");
    await new FakeExcel(book, { apiVersion: "1.11" }).run(async (context) => {
      context.workbook.worksheets.getItem("No.1").getRange("B3").getSpillParentOrNullObject();
      await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    });
  });
});

describe("グラフの系列の参照元", () => {
  test("種類と参照は sync の後に読め (ExcelApi 1.15、それより古いと ApiNotFound)、名前の変更を追い、シートを消すと #REF! になる", async () => {
    const book = new FakeBook();
    book.addSheet("一覧");
    book.addSheet("No.1").put(0, 0, 1);
    book.addChart("一覧", "No.1", "B2:B5", "A2:A5");
    book.addChart("一覧", "No.1", "C2:C5");
    const fake = new FakeExcel(book);
    const read = () =>
      fake.run(async (context) => {
        const charts = context.workbook.worksheets.getItem("一覧").charts.load("items/name");
        await context.sync();
        const series = charts.items.map((c) => context.workbook.worksheets.getItem("一覧").charts.getItem(c.name).series.load("items/name"));
        await context.sync();
        const asked = series.flatMap((s) => s.items.flatMap((x) => (["Values", "Categories"] as const).map((d) => ({ x, d, kind: x.getDimensionDataSourceType(d) }))));
        expect(code(() => asked[0].kind.value)).toBe("PropertyNotLoaded");
        await context.sync();
        const ranges = asked.filter((a) => a.kind.value === "LocalRange");
        const refs = ranges.map((a) => a.x.getDimensionDataSourceString(a.d));
        await context.sync();
        return { kinds: asked.map((a) => a.kind.value), refs: refs.map((r) => r.value) };
      });
    expect(await read()).toEqual({ kinds: ["LocalRange", "LocalRange", "LocalRange", "Unknown"], refs: ["='No.1'!$B$2:$B$5", "='No.1'!$A$2:$A$5", "='No.1'!$C$2:$C$5"] });

    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("No.1").name = "評価";
      await context.sync();
    });
    expect((await read()).refs).toEqual(["=評価!$B$2:$B$5", "=評価!$A$2:$A$5", "=評価!$C$2:$C$5"]);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("評価").delete();
      await context.sync();
    });
    expect((await read()).refs).toEqual(["=#REF!$B$2:$B$5", "=#REF!$A$2:$A$5", "=#REF!$C$2:$C$5"]);

    // A question about a range that is not there fails the whole sync, as Excel's InvalidArgument would.
    await fake.run(async (context) => {
      const charts = context.workbook.worksheets.getItem("一覧").charts.load("items/name");
      await context.sync();
      const series = context.workbook.worksheets.getItem("一覧").charts.getItem(charts.items[1].name).series.load("items/name");
      await context.sync();
      series.items[0].getDimensionDataSourceString("Categories");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });

    await new FakeExcel(book, { apiVersion: "1.14" }).run(async (context) => {
      const series = context.workbook.worksheets.getItem("一覧").charts.getItem("Chart 1").series.load("items/name");
      await context.sync();
      series.items[0].getDimensionDataSourceType("Values");
      await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    });
  });
});

describe("名前の定義", () => {
  test("formula は load と sync の後に読め (ExcelApi 1.7)、シートを消すと指す名前は #REF! に、そのシートの名前は消え、名前を変えると追う", async () => {
    const book = new FakeBook();
    book.addSheet("一覧").put(0, 0, "x");
    book.addSheet("No.1").put(0, 0, "y");
    book.defineName("先頭", "='No.1'!$A$1");
    book.defineName("一覧_範囲", "=一覧!$A$1:$C$3", "一覧");
    book.defineName("No1_印刷範囲", "='No.1'!$A$1:$H$20", "No.1");
    const fake = new FakeExcel(book);
    const read = () =>
      fake.run(async (context) => {
        const all = context.workbook.names.load("items/name,items/formula");
        const sheets = context.workbook.worksheets.load("items/name");
        await context.sync();
        const scoped = sheets.items.map((ws) => ({ sheet: ws.name, names: ws.names.load("items/name,items/formula") }));
        await context.sync();
        return { workbook: all.items.map((n) => [n.name, n.formula]), sheets: scoped.map((x) => [x.sheet, x.names.items.map((n) => [n.name, n.formula])]) };
      });
    await fake.run(async (context) => {
      const names = context.workbook.names.load("items/name,items/formula");
      expect(code(() => names.items)).toBe("PropertyNotLoaded");
      await context.sync();
      expect(names.items.map((n) => n.formula)).toEqual(["='No.1'!$A$1"]);
    });
    expect(await read()).toEqual({ workbook: [["先頭", "='No.1'!$A$1"]], sheets: [["一覧", [["一覧_範囲", "=一覧!$A$1:$C$3"]]], ["No.1", [["No1_印刷範囲", "='No.1'!$A$1:$H$20"]]]] });

    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("一覧").name = "評価一覧";
      context.workbook.worksheets.getItem("No.1").delete();
      await context.sync();
    });
    expect(await read()).toEqual({ workbook: [["先頭", "=#REF!$A$1"]], sheets: [["評価一覧", [["一覧_範囲", "=評価一覧!$A$1:$C$3"]]]] });

    await new FakeExcel(book, { apiVersion: "1.6" }).run(async (context) => {
      const names = context.workbook.names.load("items/formula");
      await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
      void names;
    });
  });
});

describe("表・グラフ・印刷設定", () => {
  /** 評価一覧: a header row and two data rows in A1:C3. */
  function listBook(): { fake: FakeExcel; book: FakeBook } {
    const book = new FakeBook();
    book.addSheet("一覧").put(0, 0, "方針").put(0, 1, "S").put(0, 2, "A").put(1, 0, "地域").put(1, 1, 1).put(1, 2, 4).put(2, 0, "財政").put(2, 1, 1).put(2, 2, 8);
    book.addSheet("別").put(0, 0, "x");
    return { fake: new FakeExcel(book), book };
  }

  test("表の名前は load と sync の後に読め、ブックの表と定義された名前は大文字小文字を区別せず重ならない", async () => {
    const { fake, book } = listBook();
    book.names.push("Chosahyo_Names");
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("一覧");
      const table = ws.tables.add(ws.getRange("A1:C3"), true);
      expect(code(() => table.name)).toBe("PropertyNotLoaded");
      table.load("name");
      await context.sync();
      expect(table.name).toBe("Table1");
      table.name = "chosahyo_names";
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      table.name = "評価";
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      table.name = "A1";
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      table.name = "chosahyo_list";
      table.style = "TableStyleLight9";
      table.showFilterButton = true;
      const all = context.workbook.tables;
      all.load("items/name");
      expect(code(() => all.items)).toBe("PropertyNotLoaded");
      await context.sync();
      expect(all.items.map((t) => t.name)).toEqual(["chosahyo_list"]);
    });
    expect(book.sheet("一覧")!.tables).toEqual([
      { name: "chosahyo_list", box: { top: 0, left: 0, bottom: 2, right: 2 }, style: "TableStyleLight9", showFilterButton: true, showHeaders: true },
    ]);
  });

  test("表は別の表や結合セルと重なれず、シートを消すとその表の名前は空く", async () => {
    const { fake, book } = listBook();
    book.sheet("別")!.merges.push({ top: 3, left: 0, bottom: 3, right: 1 });
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("一覧");
      ws.tables.add(ws.getRange("A1:C3"), true).name = "t";
      await context.sync();
      ws.tables.add(ws.getRange("C3:D5"), true);
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      const other = context.workbook.worksheets.getItem("別");
      other.tables.add(other.getRange("A3:B5"), true);
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
      ws.delete();
      const again = other.tables.add(other.getRange("D1:E2"), true);
      again.name = "t";
      await context.sync();
    });
    expect(book.sheet("別")!.tables.map((t) => t.name)).toEqual(["t"]);
    expect(book.sheet("一覧")).toBeUndefined();
  });

  test("見出しの空欄は Column1、大文字小文字だけ違う重複は s2 に Excel が書き換える(書く側が先に一意の名前を書く理由)", async () => {
    const { fake, book } = listBook();
    book.sheet("一覧")!.put(0, 0, null).put(0, 1, "S").put(0, 2, "s");
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("一覧");
      ws.tables.add(ws.getRange("A1:C3"), true);
      await context.sync();
    });
    expect(["A1", "B1", "C1"].map((a) => book.sheet("一覧")!.valueAt(a))).toEqual(["Column1", "S", "s2"]);
  });

  test("Range を渡す tables.add と showFilterButton は ExcelApi 1.3、pageLayout は 1.9 が要り、ないホストでは sync で ApiNotFound", async () => {
    const { book } = listBook();
    const old = new FakeExcel(book, { apiVersion: "1.2" });
    await old.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("一覧");
      ws.tables.add(ws.getRange("A1:C3"), true);
      await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    });
    const mid = new FakeExcel(book, { apiVersion: "1.8" });
    await mid.run(async (context) => {
      context.workbook.worksheets.getItem("一覧").pageLayout.orientation = "Landscape";
      await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    });
    expect(book.sheet("一覧")!.pageLayout).toEqual({});
  });

  test("グラフ: 文字の最初の列が項目、残りの列が系列。題名・系列名・位置を記録し、ない系列や知らない種類は失敗する", async () => {
    const { fake, book } = listBook();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("一覧");
      const chart = ws.charts.add("BarStacked", ws.getRange("A2:C3"), "Columns");
      chart.title.text = "評価集計";
      chart.series.getItemAt(0).name = "S";
      chart.series.getItemAt(1).name = "A";
      chart.setPosition(ws.getRange("E1"), ws.getRange("K15"));
      await context.sync();
      chart.series.getItemAt(2).name = "B";
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
      expect(code(() => ws.charts.add("Bars" as Excel.ChartType, ws.getRange("A2:C3"), "Columns"))).toBe("InvalidArgument");
    });
    expect(book.sheet("一覧")!.charts).toEqual([
      {
        name: "Chart 1",
        type: "BarStacked",
        seriesBy: "Columns",
        source: { sheet: "一覧", box: { top: 1, left: 0, bottom: 2, right: 2 } },
        categories: { top: 1, left: 0, bottom: 2, right: 0 },
        series: [
          { name: "S", values: { top: 1, left: 1, bottom: 2, right: 1 } },
          { name: "A", values: { top: 1, left: 2, bottom: 2, right: 2 } },
        ],
        title: "評価集計",
        position: { start: "E1", end: "K15" },
      },
    ]);
  });

  test("印刷設定: 向き・用紙・ページに合わせる・タイトル行(行全体だけ)・フッターを記録し、読むには load と sync が要る", async () => {
    const { fake, book } = listBook();
    await fake.run(async (context) => {
      const layout = context.workbook.worksheets.getItem("一覧").pageLayout;
      layout.orientation = "Landscape";
      layout.paperSize = "A4";
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      layout.setPrintTitleRows("$1:$1");
      layout.headersFooters.defaultForAllPages.centerFooter = "&A（&P / &N ページ）";
      expect(code(() => layout.orientation)).toBe("PropertyNotLoaded");
      await context.sync();
      layout.load("orientation,zoom");
      await context.sync();
      expect(layout.orientation).toBe("Landscape");
      expect(layout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
      layout.setPrintTitleRows("A1:C1");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      layout.zoom = { scale: 80, horizontalFitToPages: 1 };
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      layout.paperSize = "A7" as Excel.PaperType;
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    expect(book.sheet("一覧")!.pageLayout).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$1:$1",
      centerFooter: "&A（&P / &N ページ）",
    });
  });

  test("保護されたシートには表もグラフも印刷設定も加えられない(AccessDenied)", async () => {
    const { fake, book } = listBook();
    book.sheet("一覧")!.protected = true;
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("一覧");
      ws.tables.add(ws.getRange("A1:C3"), true);
      await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
      ws.charts.add("BarStacked", ws.getRange("A2:C3"), "Columns");
      await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
      ws.pageLayout.orientation = "Landscape";
      await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    });
    expect(book.sheet("一覧")!.tables).toEqual([]);
    expect(book.sheet("一覧")!.charts).toEqual([]);
  });

  test("表とグラフは load した items から消せ(表はセルも消える)、保護されたシートでは AccessDenied。列幅と行の高さは useStandardWidth/Height (true だけ) で標準に戻る", async () => {
    const { fake, book } = listBook();
    const sheet = book.sheet("一覧")!;
    sheet.columnWidths.set(0, 99);
    sheet.rowHeights.set(1, 30);
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("一覧");
      ws.tables.add(ws.getRange("A1:C3"), true);
      ws.charts.add("BarStacked", ws.getRange("A2:C3"), "Columns");
      await context.sync();
      const tables = ws.tables.load("items/name");
      const charts = ws.charts.load("items/name");
      expect(code(() => charts.items)).toBe("PropertyNotLoaded");
      await context.sync();
      expect([tables.items.map((t) => t.name), charts.items.map((c) => c.name)]).toEqual([["Table1"], ["Chart 1"]]);
      sheet.protected = true;
      tables.items[0].delete();
      await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
      charts.items[0].delete();
      await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
      sheet.protected = false;
      tables.items[0].delete();
      charts.items[0].delete();
      ws.getRange().format.useStandardWidth = false;
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      ws.getRange().format.useStandardWidth = true;
      ws.getRange().format.useStandardHeight = true;
      await context.sync();
    });
    expect([sheet.tables, sheet.charts, sheet.valueAt("A1"), sheet.valueAt("B2")]).toEqual([[], [], "", ""]);
    expect([sheet.columnWidths.size, sheet.rowHeights.size]).toEqual([0, 0]);
  });
});

describe("入力の解釈・ブックの保護(issue 12)", () => {
  test("先頭のアポストロフィは残りを文字列にし、セルの表示形式は変えない。formulas はアポストロフィを落として返すので、書き戻すと数値や数式になる(office-js#6687)", async () => {
    const { fake, book } = bookWithSheet();
    const ws = book.sheet("No.1")!;
    ws.put(4, 0, 5, "#,##0").put(4, 1, 5, "#,##0").put(4, 2, 5, "#,##0");
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("No.1").getRange("A5:C5").values = [["'0012", "'=abc", "''x"]];
      await context.sync();
    });
    expect(["A5", "B5", "C5"].map((a) => ws.at(a))).toEqual([
      expect.objectContaining({ value: "0012", type: "String", numberFormat: "#,##0", quotePrefix: true }),
      expect.objectContaining({ value: "=abc", type: "String", formula: undefined, quotePrefix: true }),
      expect.objectContaining({ value: "'x", type: "String", quotePrefix: true }),
    ]);
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("No.1").getRange("A5:B5");
      range.load("formulas");
      await context.sync();
      expect(range.formulas).toEqual([["0012", "=abc"]]);
      range.formulas = range.formulas;
      await context.sync();
    });
    expect(ws.at("A5")).toMatchObject({ value: 12, type: "Double", quotePrefix: undefined });
    expect(ws.at("B5")).toMatchObject({ formula: "=abc", quotePrefix: undefined });
  });

  test("全角の数字・日付・時刻・エラー値も入力として解釈される(日本語版の Excel)", async () => {
    const { fake, book } = bookWithSheet();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("No.1").getRange("A6:E6").values = [["１２３", "2026年4月1日", "14:05", "#N/A", "＝1+1"]];
      await context.sync();
    });
    const ws = book.sheet("No.1")!;
    expect(["A6", "B6", "C6", "D6", "E6"].map((a) => [ws.at(a)?.type, ws.at(a)?.formula])).toEqual([
      ["Double", undefined],
      ["Double", undefined],
      ["Double", undefined],
      ["Error", undefined],
      ["Empty", "=1+1"], // a formula (the fake does not calculate it)
    ]);
    expect(ws.at("B6")?.numberFormat).toBe('yyyy"年"m"月"d"日"');
  });

  test("表示形式 \"@\" のセルの 256 文字以上の文字列は text が ######## になる(Windows 版 Excel)。標準のセルでは全文", async () => {
    const { fake, book } = bookWithSheet();
    const long = "あ".repeat(256);
    book.sheet("No.1")!.put(7, 0, long, "@").put(7, 1, long).put(7, 2, "あ".repeat(255), "@");
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("No.1").getRange("A8:C8");
      range.load("text,values");
      await context.sync();
      expect(range.text).toEqual([["########", long, "あ".repeat(255)]]);
      expect(range.values).toEqual([[long, long, "あ".repeat(255)]]);
    });
  });

  test("ブックの保護: protection.protected は load と sync の後に読め、シートの追加・削除・名前・位置・表示の変更は sync で AccessDenied。セルには書ける", async () => {
    const { fake, book } = bookWithSheet();
    book.structureProtected = true;
    await fake.run(async (context) => {
      const protection = context.workbook.protection;
      protection.load("protected");
      expect(code(() => protection.protected)).toBe("PropertyNotLoaded");
      await context.sync();
      expect(protection.protected).toBe(true);
      const sheets = context.workbook.worksheets;
      const changes: (() => void)[] = [
        () => sheets.add("変更履歴"),
        () => sheets.getItem("No.1").delete(),
        () => (sheets.getItem("No.1").name = "No.9"),
        () => (sheets.getItem("No.1").position = 1),
        () => (sheets.getItem("No.1").visibility = "Hidden"),
      ];
      for (const change of changes) {
        change();
        await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
      }
      sheets.getItem("No.1").getRange("C1").values = [["書ける"]];
      await context.sync();
    });
    expect(book.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["No.1", "Visible"],
      ["評価一覧", "Visible"],
    ]);
    expect(book.sheet("No.1")!.valueAt("C1")).toBe("書ける");
    book.structureProtected = false;
    await fake.run(async (context) => {
      context.workbook.worksheets.add("変更履歴");
      await context.sync();
    });
    expect(book.sheet("変更履歴")).toBeDefined();
  });

  test("ブックの保護を読む API は ExcelApi 1.7 から。ないホストでは sync で ApiNotFound", async () => {
    const { book } = bookWithSheet();
    const fake = new FakeExcel(book, { apiVersion: "1.6" });
    await fake.run(async (context) => {
      context.workbook.protection.load("protected");
      await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    });
  });
});

describe("Excel.run の後", () => {
  test("run が終わった後のプロキシは使えない(load・設定・sync は InvalidObjectPath)。読み込み済みの値は読める", async () => {
    const { fake } = bookWithSheet();
    const kept = await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("No.1").getRange("A1");
      range.load("values");
      await context.sync();
      return { context, range };
    });
    expect(kept.range.values).toEqual([["所管課"]]);
    expect(code(() => kept.range.load("values"))).toBe("InvalidObjectPath");
    expect(
      code(() => {
        kept.range.values = [["x"]];
      }),
    ).toBe("InvalidObjectPath");
    await expect(kept.context.sync()).rejects.toMatchObject({ code: "InvalidObjectPath" });
    expect(fake.book.sheet("No.1")!.valueAt("A1")).toBe("所管課");
  });
});

describe("入力規則・条件付き書式・セルのロック・シートの保護", () => {
  test("入力規則(ExcelApi 1.8): リストと警告、入力メッセージだけなら「すべての値」(None)。読むには load と sync が要り、規則の種類は一つだけ", async () => {
    const { fake, book } = bookWithSheet();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("No.1");
      const list = ws.getRange("D5:D9").dataValidation;
      list.rule = { list: { inCellDropDown: true, source: "S,A,B" } };
      list.errorAlert = { showAlert: true, style: "Warning", title: "評価", message: "S・A・B" };
      ws.getRange("F5:F9").dataValidation.prompt = { showPrompt: true, title: "所管課", message: "課の名前" };
      const type = ws.getRange("D5:D9").dataValidation.load("type");
      expect(code(() => type.type)).toBe("PropertyNotLoaded");
      await context.sync();
      expect(type.type).toBe("List");
      const others = ["F5:F9", "H1", "D5:F9"].map((a) => ws.getRange(a).dataValidation.load("type,prompt"));
      await context.sync();
      expect(others.map((v) => v.type)).toEqual(["None", "None", "Inconsistent"]);
      expect(others[0].prompt).toEqual({ showPrompt: true, title: "所管課", message: "課の名前" });
    });
    expect(book.sheet("No.1")!.validations.map((v) => (v.errorAlert as { style?: string } | undefined)?.style)).toEqual(["Warning", undefined]);
    const refusals: [string, (dv: Excel.DataValidation) => void][] = [
      ["rule with no kind", (dv) => (dv.rule = {})],
      ["two kinds", (dv) => (dv.rule = { list: { inCellDropDown: true, source: "A" }, custom: { formula: "=TRUE" } })],
      ["empty list", (dv) => (dv.rule = { list: { inCellDropDown: true, source: "" } })],
      ["list over 255", (dv) => (dv.rule = { list: { inCellDropDown: true, source: "x".repeat(256) } })],
      ["title over 32", (dv) => (dv.prompt = { showPrompt: true, title: "x".repeat(33), message: "" })],
      ["prompt over 255", (dv) => (dv.prompt = { showPrompt: true, title: "", message: "x".repeat(256) })],
      ["error over 225", (dv) => (dv.errorAlert = { showAlert: true, style: "Warning", title: "", message: "x".repeat(226) })],
      ["unknown style", (dv) => (dv.errorAlert = { showAlert: true, style: "Loud" as "Stop", title: "", message: "" })],
    ];
    for (const [why, set] of refusals) {
      await fake.run(async (context) => {
        set(context.workbook.worksheets.getItem("評価一覧").getRange("A1:A3").dataValidation);
        await expect(context.sync().then(() => why)).rejects.toMatchObject({ code: "InvalidArgument" });
      });
    }
    expect(book.sheet("評価一覧")!.validations).toEqual([]);
    const old = new FakeExcel(book, { apiVersion: "1.7" });
    await old.run(async (context) => {
      context.workbook.worksheets.getItem("No.1").getRange("A1").dataValidation.prompt = { showPrompt: true, title: "", message: "x" };
      await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    });
  });

  test("条件付き書式(ExcelApi 1.6): 範囲に重なるものが items に出て、種類・規則・塗りつぶしを持ち、消せる。保護されたシートでは AccessDenied", async () => {
    const { fake, book } = bookWithSheet();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("No.1");
      const f = ws.getRange("F5:F9").conditionalFormats.add("PresetCriteria");
      f.preset.rule = { criterion: "Blanks" };
      f.preset.format.fill.color = "#fff2cc";
      await context.sync();
      const found = ws.getRange("F9:G20").conditionalFormats.load("items/type");
      const none = ws.getRange("A1").conditionalFormats.load("items/type");
      await context.sync();
      expect(found.items.map((x) => x.type)).toEqual(["PresetCriteria"]);
      expect(none.items).toEqual([]);
      const rule = found.items[0].preset.load("rule");
      const applies = found.items[0].getRangeOrNullObject().load("address");
      expect(code(() => rule.rule)).toBe("PropertyNotLoaded");
      await context.sync();
      expect([rule.rule, applies.address]).toEqual([{ criterion: "Blanks" }, "'No.1'!F5:F9"]);
      expect(book.sheet("No.1")!.conditionalFormats).toEqual([expect.objectContaining({ box: parseBox("F5:F9"), type: "PresetCriteria", rule: { criterion: "Blanks" }, fill: "#FFF2CC" })]);
      found.items[0].delete();
      await context.sync();
      expect(book.sheet("No.1")!.conditionalFormats).toEqual([]);
      // The preset part of a format of another type cannot be used.
      const other = ws.getRange("A1").conditionalFormats.add("Custom");
      other.preset.rule = { criterion: "Blanks" };
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      ws.getRange("A1").conditionalFormats.add("PresetCriteria").preset.rule = { criterion: "Empty" as "Blanks" };
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    book.sheet("評価一覧")!.protected = true;
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("評価一覧").getRange("A1").conditionalFormats.add("PresetCriteria");
      await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    });
    const old = new FakeExcel(book, { apiVersion: "1.5" });
    await old.run(async (context) => {
      context.workbook.worksheets.getItem("No.1").getRange("A1").conditionalFormats.load("items/type");
      await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    });
  });

  test("セルのロック: 既定ではロック、外した範囲は false、混ざれば null。シートの保護は options を返し、二度目の protect は失敗し、保護の後は書けない。パスワードは ExcelApi 1.7", async () => {
    const { fake, book } = bookWithSheet();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("No.1");
      ws.getRange("D5:D9").format.protection.locked = false;
      ws.getRange("D7").format.protection.locked = true;
      const reads = ["A1", "D5:D6", "D5:D9", "D8"].map((a) => ws.getRange(a).format.protection.load("locked"));
      await context.sync();
      expect(reads.map((r) => r.locked)).toEqual([true, false, null, false]);
      ws.protection.protect({ allowFormatCells: false, allowFormatRows: true });
      await context.sync();
      const p = ws.protection.load("protected,options");
      await context.sync();
      expect(p.protected).toBe(true);
      expect(p.options).toMatchObject({ allowFormatCells: false, allowFormatRows: true, allowSort: false, selectionMode: "Normal" });
      ws.protection.protect();
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
      ws.getRange("D5").format.protection.locked = true;
      await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
      ws.getRange("D5").dataValidation.clear();
      await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    });
    const sheet = book.sheet("No.1")!;
    expect([sheet.locked(4, 3), sheet.locked(6, 3), sheet.locked(0, 0)]).toEqual([false, true, true]);
    expect(sheet.protectionPassword).toBeUndefined();
    const old = new FakeExcel(book, { apiVersion: "1.6" });
    await old.run(async (context) => {
      context.workbook.worksheets.getItem("評価一覧").protection.protect({}, "secret");
      await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    });
  });
});

describe("ファイルと新しいブック", () => {
  const open = (doc: FakeOfficeDocument, sliceSize?: number) =>
    new Promise<{ status: string; value: FakeOfficeFile; error?: { code: number } }>((resolve) =>
      doc.getFileAsync("compressed", sliceSize === undefined ? {} : { sliceSize }, (r) => resolve(r)),
    );
  const slice = (file: FakeOfficeFile, i: number) => new Promise<{ status: string; value: { data: number[] }; error?: { code: number } }>((resolve) => file.getSliceAsync(i, resolve));
  const close = (file: FakeOfficeFile) => new Promise<{ status: string }>((resolve) => file.closeAsync(resolve));

  test("getFileAsync は 4 MB までのスライスでバイトの配列を返し、開いているファイルは一つだけ(11000)。大きすぎるスライスは 11002", async () => {
    const { fake } = bookWithSheet();
    fake.file = Uint8Array.from({ length: 10 }, (_, i) => i);
    const first = await open(fake.document, 4);
    expect([first.status, first.value.size, first.value.sliceCount]).toEqual(["succeeded", 10, 3]);
    expect((await open(fake.document, 4)).error?.code).toBe(11000);
    const parts = [await slice(first.value, 0), await slice(first.value, 1), await slice(first.value, 2)];
    expect(parts.map((p) => p.value.data)).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9],
    ]);
    expect((await slice(first.value, 3)).error?.code).toBe(5008);
    expect((await close(first.value)).status).toBe("succeeded");
    expect((await slice(first.value, 0)).status).toBe("failed");
    expect((await close(first.value)).status).toBe("failed");
    expect((await open(fake.document, MAX_SLICE_SIZE + 1)).error?.code).toBe(11002);
    const whole = await open(fake.document);
    expect(whole.value.sliceCount).toBe(1);
    await close(whole.value);
    expect(fake.openFiles).toBe(0);
  });

  test("Excel.createWorkbook は ExcelApi 1.8 から(それより前は呼んだ時に ApiNotFound)。base64 でない・ブックでないものは InvalidArgument", async () => {
    const { fake, book } = bookWithSheet();
    const bytes = await book.toXlsx();
    await fake.createWorkbook(Buffer.from(bytes).toString("base64"));
    expect(Buffer.from(fake.createdWorkbooks[0]).equals(Buffer.from(bytes))).toBe(true);
    await expect(fake.createWorkbook("これは base64 ではない")).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(fake.createWorkbook(Buffer.from("plain text").toString("base64"))).rejects.toMatchObject({ code: "InvalidArgument" });
    const old = new FakeExcel(book, { apiVersion: "1.7" });
    expect(code(() => old.createWorkbook(Buffer.from(bytes).toString("base64")))).toBe("ApiNotFound");
    expect(old.createdWorkbooks).toEqual([]);
  });
});

describe("Workbook.functions.date (ExcelApi 1.2)", () => {
  test.each([
    [false, 36526],
    [true, 35064],
  ])("date1904 %p: DATE(2000, 1, 1) is %p, readable only after load and sync", async (date1904, serial) => {
    const book = new FakeBook();
    book.date1904 = date1904;
    book.addSheet("Sheet1");
    const fake = new FakeExcel(book);
    const value = await fake.run(async (context) => {
      const day = context.workbook.functions.date(2000, 1, 1);
      expect(() => day.value).toThrow();
      day.load("value");
      expect(() => day.value).toThrow();
      await context.sync();
      return day.value;
    });
    expect(value).toBe(serial);
  });
});
