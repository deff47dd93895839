/**
 * @jest-environment node
 *
 * The fake of the Excel JavaScript API is strict: what would fail in Excel fails here too, at the same moment
 * (or earlier, where Office.js is lax — noted at each case).
 */
import { FakeBook, FakeExcel, FakeOfficeError } from "../fakes/excel-fake";

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
