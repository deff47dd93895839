/**
 * @jest-environment node
 *
 * Reading worksheets (src/workbook/xlsx/read-sheet.ts, book.ts, package.ts) from hand-written packages: every
 * kind of cell value, dates in both date systems, the reading window, merges, sheet states and kinds, and the
 * ways writers place and name parts. Each case is what the checker would see through XlsxWorkbook.readAll().
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { MAX_COLS, MAX_ROWS } from "../../../src/core/model/grid";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsx-workbook";
import { at, buildXlsx, errorOf, fmtAt, readOne, STRICT, styles, t, ws } from "./build";

const utc = (y: number, m: number, d: number, h = 0, min = 0) => new Date(Date.UTC(y, m - 1, d, h, min));

describe("cell values", () => {
  test("shared strings, inline strings, numbers, booleans, errors", async () => {
    const g = await readOne(
      `<row r="1">` +
        `<c r="A1" t="s"><v>1</v></c><c r="B1" t="inlineStr"><is><t>インライン</t></is></c>` +
        `<c r="C1"><v>42</v></c><c r="D1" t="n"><v>-1.5E-3</v></c><c r="E1"><v>0</v></c>` +
        `<c r="F1" t="b"><v>1</v></c><c r="G1" t="b"><v>0</v></c>` +
        `<c r="H1" t="e"><v>#N/A</v></c><c r="I1" t="e"><v>#DIV/0!</v></c>` +
        `</row>`,
      { strings: [t("零"), t("一")] },
    );
    expect(g.rows[0]).toEqual(["一", "インライン", 42, -0.0015, 0, true, false, { error: "#N/A" }, { error: "#DIV/0!" }]);
  });

  test("formulas give their cached value: number, string, boolean, error; none when there is none", async () => {
    const g = await readOne(
      `<row r="1">` +
        `<c r="A1"><f>1+1</f><v>2</v></c>` +
        `<c r="B1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>` +
        `<c r="C1" t="b"><f>TRUE()</f><v>1</v></c>` +
        `<c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c>` +
        `<c r="E1"><f>A1*2</f></c>` +
        `<c r="F1"><f t="shared" ref="F1:F2" si="0">A1*3</f><v>6</v></c>` +
        `<c r="G1" t="str"><f>""</f><v></v></c>` +
        `<c r="H1"><f>A1</f><v>9</v></c>` +
        `</row><row r="2"><c r="F2"><f t="shared" si="0"/><v>7</v></c></row>`,
    );
    expect(at(g, "A1")).toBe(2);
    expect(at(g, "B1")).toBe("ab");
    expect(at(g, "C1")).toBe(true);
    expect(at(g, "D1")).toEqual({ error: "#DIV/0!" });
    expect(at(g, "E1")).toBeNull();
    expect(at(g, "F1")).toBe(6);
    expect(at(g, "F2")).toBe(7);
    expect(at(g, "G1")).toBeNull();
    expect(at(g, "H1")).toBe(9);
  });

  test("empty and self-closing cells hold nothing; a shared string index out of range is empty, not a crash", async () => {
    const g = await readOne(`<row r="1"><c r="A1" s="1"/><c r="B1"><v>1</v></c><c r="C1" t="s"><v>99</v></c><c r="D1"></c><c r="E1" t="s"/></row>`, { strings: [t("x")] });
    expect(g.rows).toEqual([[1]]);
    expect(g.left).toBe(1);
  });
});

describe("dates", () => {
  // 2024-04-01 is serial 45383 in the 1900 system and 43921 in the 1904 system.
  const dateIds = [14, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58];
  const custom = { 164: 'yyyy"年"m"月"d"日"', 165: '[$-411]ggge"年"', 166: "[h]:mm", 167: "0.0%", 168: '#,##0"円"', 169: '"月額"#,##0', 170: "[Red]0.00", 171: "0.00E+00" };
  const xfs = [0, ...dateIds, 164, 165, 166, 167, 9, 10, 168, 169, 170, 171, 3];
  const style = (numFmtId: number) => xfs.indexOf(numFmtId);
  const row = (serial: number) =>
    `<row r="1">${xfs.map((id, i) => `<c r="${colName(i)}1" s="${style(id)}"><v>${id === 166 ? 1.5 : serial}</v></c>`).join("")}</row>`;

  test.each([
    ["1900", false, 45383],
    ["1904", true, 43921],
  ])("built-in ids 14, 22, 27–36, 50–58 and custom Japanese date formats read as dates (%s system)", async (_, date1904, serial) => {
    const g = await readOne(row(serial), { styles: styles(xfs, custom), date1904 });
    const v = (id: number) => g.rows[0][xfs.indexOf(id)];
    for (const id of [...dateIds, 164, 165]) expect([id, v(id)]).toEqual([id, utc(2024, 4, 1)]);
    // Elapsed time: 1.5 days after the epoch, as ExcelJS and SheetJS give it.
    expect(v(166)).toEqual(date1904 ? utc(1904, 1, 2, 12) : utc(1899, 12, 31, 12));
    expect(v(0)).toBe(serial);
  });

  test("percent, currency-like and other number formats stay numbers, with their format kept", async () => {
    const g = await readOne(row(0.25), { styles: styles(xfs, custom) });
    const v = (id: number) => g.rows[0][xfs.indexOf(id)];
    const f = (id: number) => fmtAt(g, `${colName(xfs.indexOf(id))}1`);
    for (const id of [167, 9, 10, 168, 169, 170, 171, 3]) expect([id, typeof v(id)]).toEqual([id, "number"]);
    expect(f(167)).toBe("0.0%");
    expect(f(9)).toBe("0%");
    expect(f(10)).toBe("0.00%");
    expect(f(168)).toBe('#,##0"円"');
    expect(f(0)).toBeUndefined();
  });

  test("t=\"d\" ISO dates are the same instant as the serial of that day, in any time zone", () => {
    const bytes = buildXlsx({
      styles: styles([0, 14]),
      sheets: [{ name: "S", xml: ws(`<row r="1"><c r="A1" t="d"><v>2024-04-01T00:00:00</v></c><c r="B1" t="d"><v>2024-04-01</v></c><c r="C1" t="d"><v>2024-04-01T09:30:00Z</v></c><c r="D1" t="d"><v>2024-04-01T09:30:00.000</v></c><c r="E1" s="1"><v>45383</v></c></row>`) }],
    });
    const dir = mkdtempSync(join(tmpdir(), "tz-"));
    try {
      writeFileSync(join(dir, "d.xlsx"), bytes);
      // A clerk's machine in Japan: ISO text without an offset must not be read as local time.
      const out = execFileSync(join(process.cwd(), "node_modules/.bin/tsx"), [join(__dirname, "read-in-tz.ts"), join(dir, "d.xlsx")], {
        env: { ...process.env, TZ: "Asia/Tokyo" },
        encoding: "utf8",
      });
      const { tz, rows } = JSON.parse(out) as { tz: string; rows: unknown[][] };
      expect(tz).toBe("Asia/Tokyo");
      const day = utc(2024, 4, 1).toISOString();
      const morning = utc(2024, 4, 1, 9, 30).toISOString();
      expect(rows[0][4]).toBe(day); // the serial, for comparison
      expect(rows[0].slice(0, 4)).toEqual([day, day, morning, morning]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function colName(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

describe("rows, cells and the reading window", () => {
  test("rows and cells without r follow the previous ones; self-closing rows count", async () => {
    const g = await readOne(
      `<row><c t="inlineStr"><is><t>a</t></is></c><c><v>2</v></c></row>` + // row 1: A1, B1
        `<row/>` + // row 2
        `<row><c r="C3"><v>3</v></c><c><v>4</v></c></row>` + // row 3: C3, D3
        `<row r="6" s="1" customFormat="1"/>` +
        `<row><c><v>7</v></c></row>`, // row 7: A7
    );
    expect(at(g, "A1")).toBe("a");
    expect(at(g, "B1")).toBe(2);
    expect(at(g, "C3")).toBe(3);
    expect(at(g, "D3")).toBe(4);
    expect(at(g, "A7")).toBe(7);
    expect(g.rows.length).toBe(7);
  });

  test(`cells beyond column ${MAX_COLS} are left out and the sheet says it was trimmed`, async () => {
    const last = colName(MAX_COLS - 1);
    const past = colName(MAX_COLS);
    const g = await readOne(`<row r="1"><c r="A1"><v>1</v></c><c r="${last}1"><v>2</v></c><c r="${past}1"><v>3</v></c><c r="XFD1"><v>4</v></c></row>`);
    expect(at(g, `${last}1`)).toBe(2);
    expect(g.rows[0].length).toBe(MAX_COLS);
    expect(g.trimmed?.cols).toBeGreaterThan(MAX_COLS);
  });

  test(`rows beyond row ${MAX_ROWS} are not read and the sheet says it was trimmed`, async () => {
    const g = await readOne(`<row r="1"><c r="A1"><v>1</v></c></row><row r="${MAX_ROWS}"><c r="A${MAX_ROWS}"><v>2</v></c></row><row r="${MAX_ROWS + 1}"><c r="A${MAX_ROWS + 1}"><v>3</v></c></row><row r="1048576" s="1" customFormat="1"/>`);
    expect(at(g, `A${MAX_ROWS}`)).toBe(2);
    expect(g.rows.length).toBe(MAX_ROWS);
    expect(g.trimmed?.rows).toBeGreaterThan(MAX_ROWS);
  });

  // Found by mutating the sample workbooks: one cell whose own r said row 99,999,999,999 (its row said 8) made the
  // grid that tall, and the CLI ran out of memory.
  test("references a damaged file may hold stay in bounds: a cell's r past the sheet or the window, a row's r that is no row", async () => {
    const g = await readOne(
      `<row r="1"><c r="A1"><v>1</v></c><c r="B99999999999"><v>2</v></c><c r="C${MAX_ROWS + 5}"><v>3</v></c><c r="XFE1"><v>9</v></c></row>` +
        `<row r="NaN"><c><v>4</v></c></row>` + // row 2
        `<row r="-3"><c><v>5</v></c></row>` + // row 3
        `<row r="1048577"><c><v>6</v></c></row>`, // row 4
    );
    expect(at(g, "A1")).toBe(1);
    expect(at(g, "B1")).toBe(2); // not a reference: the cell after A1
    expect(at(g, "D1")).toBe(9); // past column XFD: the cell after C1, which is outside the window
    expect(at(g, "A2")).toBe(4);
    expect(at(g, "A3")).toBe(5);
    expect(at(g, "A4")).toBe(6);
    expect(g.rows.length).toBe(4);
    expect(g.trimmed?.rows).toBe(MAX_ROWS + 5);
  });

  test("an edit lands on the row the check read, also where a row's r is no row number", async () => {
    const rows = `<row r="1"><c r="A1"><v>1</v></c></row><row r="NaN"><c r="A2"><v>2</v></c></row><row r="-1"><c><v>3</v></c></row><row r="5"><c r="A5"><v>5</v></c></row>`;
    const book = await XlsxWorkbook.load(buildXlsx({ sheets: [{ name: "Sheet1", xml: ws(rows) }] }), "t.xlsx");
    expect(at((await book.readAll()).sheets[0], "A3")).toBe(3);
    book.setCells([{ sheet: "Sheet1", cell: "B3", value: "beside 3" }, { sheet: "Sheet1", cell: "B2", value: "beside 2" }]);
    const g = (await (await XlsxWorkbook.load(await book.toBytes(), "t.xlsx")).readAll()).sheets[0];
    expect([at(g, "A2"), at(g, "B2"), at(g, "A3"), at(g, "B3"), at(g, "A5")]).toEqual([2, "beside 2", 3, "beside 3", 5]);
    expect(g.rows.length).toBe(5);
  });

  test("merges are kept as ranges, only those that touch the window", async () => {
    const L = colName(MAX_COLS - 1);
    const P = colName(MAX_COLS);
    const merges = [`A1:C3`, `${L}1:${colName(MAX_COLS + 2)}2`, `${P}1:${colName(MAX_COLS + 2)}2`, `A${MAX_ROWS}:B${MAX_ROWS + 5}`, `A${MAX_ROWS + 1}:B${MAX_ROWS + 2}`, `A1:XFD1048576`.replace("A1", "D5")];
    const g = await readOne(`<row r="1"><c r="A1"><v>1</v></c></row>`, {
      after: `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`,
    });
    expect(g.merges).toEqual([
      { top: 0, left: 0, bottom: 2, right: 2 },
      { top: 0, left: MAX_COLS - 1, bottom: 1, right: MAX_COLS + 2 },
      { top: MAX_ROWS - 1, left: 0, bottom: MAX_ROWS + 4, right: 1 },
      { top: 4, left: 3, bottom: 1048575, right: 16383 },
    ]);
  });

  test("a protected sheet is marked, an unprotected one is not", async () => {
    const on = await readOne(`<row r="1"><c r="A1"><v>1</v></c></row>`, { after: `<sheetProtection algorithmName="SHA-512" sheet="1" objects="1" scenarios="1"/>` });
    const off = await readOne(`<row r="1"><c r="A1"><v>1</v></c></row>`, { after: `<sheetProtection sheet="0"/>` });
    const none = await readOne(`<row r="1"><c r="A1"><v>1</v></c></row>`);
    expect(on.protected).toBe(true);
    expect(off.protected).toBeFalsy();
    expect(none.protected).toBeFalsy();
  });
});

describe("sheets", () => {
  const cell = (v: string) => ws(`<row r="1"><c r="A1" t="inlineStr"><is><t>${v}</t></is></c></row>`);

  test("hidden and very hidden sheets are read with their state; chart, dialog and macro sheets are listed as skipped", async () => {
    const book = await XlsxWorkbook.load(
      buildXlsx({
        sheets: [
          { name: "表", xml: cell("v") },
          { name: "隠し", xml: cell("h"), state: "hidden" },
          { name: "完全隠し", xml: cell("vh"), state: "veryHidden" },
          { name: "グラフ", kind: "chartsheet" },
          { name: "ダイアログ", kind: "dialogsheet" },
          { name: "マクロ", kind: "macrosheet" },
        ],
      }),
      "t.xlsx",
    );
    const snap = await book.readAll();
    expect(snap.sheets.map((s) => [s.name, s.visibility, at(s, "A1")])).toEqual([
      ["表", "visible", "v"],
      ["隠し", "hidden", "h"],
      ["完全隠し", "veryHidden", "vh"],
    ]);
    expect(snap.skippedSheets).toEqual([
      { name: "グラフ", reason: "chart" },
      { name: "ダイアログ", reason: "dialog" },
      { name: "マクロ", reason: "macro" },
    ]);
  });

  test("a sheet the workbook names with no relationship is listed as missing; the others are read", async () => {
    const book = await XlsxWorkbook.load(buildXlsx({ sheets: [{ name: "幽霊", noRel: true }, { name: "表", xml: cell("v") }] }), "t.xlsx");
    const snap = await book.readAll();
    expect(snap.sheets.map((s) => s.name)).toEqual(["表"]);
    expect(snap.skippedSheets).toEqual([{ name: "幽霊", reason: "missing" }]);
  });

  test("a sheet whose part is missing is a damaged part, named by its part and sheet", async () => {
    const book = await XlsxWorkbook.load(buildXlsx({ sheets: [{ name: "表", xml: cell("v") }, { name: "消えた", missingPart: true }] }), "t.xlsx");
    const err = await errorOf(() => book.readAll());
    expect(err.code).toBe("corrupt-part");
    expect(err.detail).toContain("消えた");
    expect(err.detail).toContain("xl/worksheets/sheet2.xml");
  });

  test("Strict OOXML (purl.oclc.org namespaces) reads like Transitional", async () => {
    const xml = ws(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45383</v></c><c r="C1" s="2"><v>0.5</v></c></row>`, `<mergeCells count="1"><mergeCell ref="A2:B3"/></mergeCells>`, "", STRICT);
    const book = await XlsxWorkbook.load(
      buildXlsx({ ns: STRICT, sheets: [{ name: "厳格", xml }, { name: "隠", state: "hidden", xml: ws("", "", "", STRICT) }], strings: [t("文字")], styles: styles([0, 14, 9], {}, STRICT) }),
      "strict.xlsx",
    );
    const snap = await book.readAll();
    const g = snap.sheets[0];
    expect(g.name).toBe("厳格");
    expect(at(g, "A1")).toBe("文字");
    expect(at(g, "B1")).toEqual(utc(2024, 4, 1));
    expect(fmtAt(g, "C1")).toBe("0%");
    expect(g.merges).toEqual([{ top: 1, left: 0, bottom: 2, right: 1 }]);
    expect(snap.sheets[1].visibility).toBe("hidden");
  });

  test("Strict dates as a 1904 workbook states them (dateCompatibility aside)", async () => {
    const book = await XlsxWorkbook.load(
      buildXlsx({ ns: STRICT, date1904: true, sheets: [{ name: "S", xml: ws(`<row r="1"><c r="A1" s="1"><v>43921</v></c></row>`, "", "", STRICT) }], styles: styles([0, 14], {}, STRICT) }),
      "strict.xlsx",
    );
    expect(at((await book.readAll()).sheets[0], "A1")).toEqual(utc(2024, 4, 1));
  });
});

describe("where the parts are", () => {
  const sheet = ws(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>0.5</v></c></row>`);
  const common = { strings: [t("見つけた")], styles: styles([0, 10]) };
  async function readsIt(bytes: Uint8Array): Promise<void> {
    const g = (await (await XlsxWorkbook.load(bytes, "t.xlsx")).readAll()).sheets[0];
    expect(at(g, "A1")).toBe("見つけた");
    expect(fmtAt(g, "B1")).toBe("0.00%");
  }

  test("a workbook part at a path of the writer's choosing, found through the package relationships", async () => {
    await readsIt(buildXlsx({ ...common, wbPart: "book/main.xml", sheets: [{ name: "S", xml: sheet, target: "pages/first.xml" }] }));
  });

  test("absolute relationship targets", async () => {
    await readsIt(buildXlsx({ ...common, sheets: [{ name: "S", xml: sheet, target: "/xl/worksheets/sheet1.xml" }] }));
  });

  test("relative targets that climb out of the folder", async () => {
    await readsIt(buildXlsx({ ...common, sheets: [{ name: "S", xml: sheet, target: "../xl/./worksheets/sheet1.xml" }] }));
  });

  test("part names that differ in case from the relationship's target", async () => {
    await readsIt(buildXlsx({ ...common, sheets: [{ name: "S", xml: sheet, target: "worksheets/Sheet1.xml", partName: "xl/worksheets/SHEET1.xml" }] }));
    await readsIt(buildXlsx({ ...common, sheets: [{ name: "S", xml: sheet, target: "Worksheets/sheet1.XML", partName: "xl/worksheets/sheet1.xml" }] }));
  });

  test("parts in UTF-16 (either byte order) or UTF-8 with a byte order mark", async () => {
    const utf16 = (s: string, be: boolean) => {
      const body = s.replace('encoding="UTF-8"', 'encoding="UTF-16"');
      const out = new Uint8Array(2 + body.length * 2);
      out.set(be ? [0xfe, 0xff] : [0xff, 0xfe]);
      for (let i = 0; i < body.length; i++) {
        const c = body.charCodeAt(i);
        out[2 + i * 2 + (be ? 1 : 0)] = c & 0xff;
        out[2 + i * 2 + (be ? 0 : 1)] = c >> 8;
      }
      return out;
    };
    const sst = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>見つけた</t></si></sst>`;
    for (const be of [false, true]) {
      await readsIt(buildXlsx({ ...common, sheets: [{ name: "S", xml: sheet }], extra: { "xl/worksheets/sheet1.xml": utf16(sheet, be), "xl/sharedStrings.xml": utf16(sst, !be) } }));
    }
    const bom = (s: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(s)]);
    await readsIt(buildXlsx({ ...common, sheets: [{ name: "S", xml: sheet }], extra: { "xl/worksheets/sheet1.xml": bom(sheet), "xl/sharedStrings.xml": bom(sst) } }));
  });

  test("the workbook's own rels, names and sheet list in UTF-16 too", async () => {
    const files = { ...common, sheets: [{ name: "表", xml: sheet }] };
    const plain = buildXlsx(files);
    const parts = unzipSync(plain);
    for (const name of ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "_rels/.rels"]) {
      const s = new TextDecoder().decode(parts[name]);
      const out = new Uint8Array(2 + s.length * 2);
      out.set([0xff, 0xfe]);
      for (let i = 0; i < s.length; i++) {
        out[2 + i * 2] = s.charCodeAt(i) & 0xff;
        out[3 + i * 2] = s.charCodeAt(i) >> 8;
      }
      parts[name] = out;
    }
    const book = await XlsxWorkbook.load(zipSync(parts), "t.xlsx");
    expect(book.sheetNames()).toEqual(["表"]);
    await readsIt(zipSync(parts));
  });
});
