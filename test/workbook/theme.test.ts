/**
 * @jest-environment node
 *
 * A workbook made of copied sheets (a department's copy from 配布, a folder's summary, 前年度's file) takes the
 * theme of the workbook its sheets come from. Without one, a fill or font in a theme colour has nothing to resolve
 * against: LibreOffice showed a header filled in the master's accent colour as white, and Excel falls back to its
 * default theme's colours and fonts.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { checkBook } from "../../src/workbook/xlsx/collect";
import { Package } from "../../src/workbook/xlsx/package";
import { splitBook } from "../../src/workbook/xlsx/split";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { exceljsBytes } from "../helpers/exceljs-book";
import { convert, libreOfficeAvailable, libreOfficeProfile } from "../helpers/libreoffice";

jest.setTimeout(120_000);

const ACCENT = "12AB34";
const THEME_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme";

/** ExcelJS's workbook with A1 of No.1 filled in accent 1, whose colour the theme then says is ACCENT. */
async function themed(edit: (files: Record<string, Uint8Array>) => void = () => undefined): Promise<Uint8Array> {
  const bytes = await exceljsBytes((wb) => {
    const ws = wb.addWorksheet("No.1");
    ws.getCell("A1").value = "取組名";
    ws.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { theme: 4 } };
  });
  const files = unzipSync(bytes);
  const theme = strFromU8(files["xl/theme/theme1.xml"]);
  const accented = theme.replace(/(<a:accent1>\s*<a:srgbClr val=")[0-9A-Fa-f]{6}/, `$1${ACCENT}`);
  if (accented === theme) throw new Error("accent 1 is not where ExcelJS writes it");
  files["xl/theme/theme1.xml"] = strToU8(accented);
  edit(files);
  return zipSync(files);
}

function themeOf(bytes: Uint8Array): string | undefined {
  const pkg = Package.open(bytes);
  const rel = pkg.rels("xl/workbook.xml").find((r) => r.type === THEME_REL);
  return rel ? pkg.text(rel.target) : undefined;
}

async function copyOf(source: Uint8Array): Promise<Uint8Array> {
  const into = XlsxWorkbook.create();
  into.importSheet(await XlsxWorkbook.load(source), "No.1", "No.1", undefined, { others: new Map() });
  return into.toBytes();
}

test("a folder's summary takes the theme of the first workbook it copies from, once", async () => {
  const source = await themed();
  const into = XlsxWorkbook.create();
  into.importSheet(await XlsxWorkbook.load(source), "No.1", "No.1", undefined, { others: new Map() });
  into.importSheet(await XlsxWorkbook.load(await exceljsBytes((wb) => void wb.addWorksheet("No.1"))), "No.1", "No.1", undefined, { others: new Map() });
  const out = await into.toBytes();
  expect(themeOf(out)).toBe(themeOf(source));
  expect(Package.open(out).contentType("xl/theme/theme1.xml")).toBe("application/vnd.openxmlformats-officedocument.theme+xml");
  expect(Package.open(out).rels("xl/workbook.xml").filter((r) => r.type === THEME_REL)).toHaveLength(1);
});

test("配布: every department's copy carries the master's theme", async () => {
  const master = await XlsxWorkbook.load(new Uint8Array(readFileSync(path.join(__dirname, "..", "..", "seeds", "kodaira-h29.xlsx"))), "master.xlsx");
  const split = await splitBook(master, (await checkBook(master, BUILT_IN_PROFILES)).report, { profiles: BUILT_IN_PROFILES, aids: false });
  if (!split.ok) throw new Error("split refused");
  const theme = themeOf(await master.toBytes());
  expect(theme).toContain("<a:themeElements>");
  for (const b of split.books) expect([b.department, themeOf(b.bytes)]).toEqual([b.department, theme]);
});

test("no theme is taken from a workbook without one, nor one with parts of its own; a loaded workbook keeps its own", async () => {
  const none = await themed((files) => {
    delete files["xl/theme/theme1.xml"];
    const rels = "xl/_rels/workbook.xml.rels";
    files[rels] = strToU8(strFromU8(files[rels]).replace(/<Relationship [^>]*theme\/theme1\.xml"\/>/, ""));
  });
  expect(themeOf(await copyOf(none))).toBeUndefined();
  const withPicture = await themed((files) => {
    files["xl/theme/_rels/theme1.xml.rels"] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/image1.png"/></Relationships>`,
    );
    files["xl/media/image1.png"] = new Uint8Array([137, 80, 78, 71]);
  });
  expect(themeOf(await copyOf(withPicture))).toBeUndefined();
  const loaded = await XlsxWorkbook.load(await exceljsBytes((wb) => void wb.addWorksheet("表紙")));
  const own = themeOf(await loaded.toBytes());
  loaded.importSheet(await XlsxWorkbook.load(await themed()), "No.1", "No.1", undefined, { others: new Map() });
  expect(themeOf(await loaded.toBytes())).toBe(own);
});

const lo = libreOfficeAvailable();
(lo ? test : test.skip)("LibreOffice shows the copied header in the master's accent colour, as in the master", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "chosahyo-theme-"));
  try {
    const profile = libreOfficeProfile();
    const fill = (bytes: Uint8Array, name: string) => {
      const file = path.join(dir, `${name}.xlsx`);
      writeFileSync(file, bytes);
      const [html] = convert(file, "html", path.join(dir, name), profile);
      return /<td[^>]*bgcolor="#([0-9A-F]{6})"[^>]*>(?:<[^>]+>)*取組名/i.exec(readFileSync(html, "utf8"))?.[1];
    };
    const source = await themed();
    expect(fill(source, "master")).toBe(ACCENT);
    expect(fill(await copyOf(source), "copy")).toBe(ACCENT);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
