/**
 * @jest-environment node
 *
 * The package checks of test/helpers/package-integrity.ts, which checkAmendedParts and the command test
 * (cli-schema-order.test.ts) run on every workbook the writers make: a summary of the sample holds none of the
 * problems, and each way of breaking it that Excel repairs is named.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strFromU8, strToU8 } from "fflate";
import { cli } from "../helpers/cli";
import { ROOT } from "../helpers/grid";
import { readPackage } from "../helpers/package-diff";
import { integrityProblems } from "../helpers/package-integrity";

jest.setTimeout(60_000);

let good: Map<string, Uint8Array>;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "chosahyo-integrity-"));
  const out = path.join(dir, "sum.xlsx");
  // A summary: shared strings, tables, defined names, a relationship per sheet.
  expect((await cli(["summarize", path.join(ROOT, "seeds", "kodaira-h29.xlsx"), "-o", out])).code).toBeLessThan(2);
  good = readPackage(new Uint8Array(readFileSync(out)));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The good package with one part's text changed. */
function edited(part: string, edit: (xml: string) => string): Map<string, Uint8Array> {
  const xml = strFromU8(good.get(part)!);
  const changed = edit(xml);
  expect(changed).not.toBe(xml); // the edit found what it looks for
  return new Map(good).set(part, strToU8(changed));
}

const text = (part: string) => strFromU8(good.get(part)!);
const firstPart = (re: RegExp) => [...good.keys()].filter((n) => re.test(n)).sort()[0];

test("a summary of the sample holds together", () => {
  expect(firstPart(/^xl\/tables\/table\d+\.xml$/)).toBeDefined();
  expect(integrityProblems(good)).toEqual([]);
});

test("a part without a content type, and a worksheet typed as plain XML", () => {
  const extra = new Map(good).set("xl/media/extra.bin", new Uint8Array([1, 2, 3]));
  expect(integrityProblems(extra)).toEqual(["xl/media/extra.bin: no content type"]);
  const plain = edited("[Content_Types].xml", (x) => x.replace(/(<Override\s[^>]*PartName="\/xl\/worksheets\/sheet1\.xml"[^>]*ContentType=")[^"]*"/, '$1application/xml"'));
  expect(integrityProblems(plain)).toEqual([expect.stringMatching(/^xl\/_rels\/workbook\.xml\.rels: rId\d+ \(worksheet\) points at xl\/worksheets\/sheet1\.xml, whose content type is application\/xml$/)]);
});

test("an extension or a part typed twice", () => {
  const twice = edited("[Content_Types].xml", (x) => x.replace(/(<Types\b[^>]*>)/, '$1<Default Extension="RELS" ContentType="application/xml"/>'));
  expect(integrityProblems(twice)).toEqual(["[Content_Types].xml: extension rels typed twice"]);
});

test("a relationship to a part that is not there, and an id used twice", () => {
  const sheetRels = firstPart(/^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/);
  const missing = edited(sheetRels, (x) => x.replace(/Target="[^"]*"/, 'Target="../drawings/drawing99.xml"'));
  expect(integrityProblems(missing)).toEqual(expect.arrayContaining([expect.stringMatching(/ points at xl\/drawings\/drawing99\.xml, which is not in the package$/)]));
  const twice = edited("xl/_rels/workbook.xml.rels", (x) => x.replace(/Id="rId2"/, 'Id="rId1"'));
  expect(integrityProblems(twice)).toContain("xl/_rels/workbook.xml.rels: an id used twice");
});

test("a relationship id a part names that its relationships do not hold", () => {
  const sheet = firstPart(/^xl\/worksheets\/sheet\d+\.xml$/);
  const ns = /xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(text(sheet))?.[1] ?? "r";
  const named = edited(sheet, (x) =>
    (x.includes(`xmlns:${ns}=`) ? x : x.replace(/<worksheet\b/, `<worksheet xmlns:${ns}="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`)).replace(/<\/worksheet>$/, `<legacyDrawing ${ns}:id="rId99"/></worksheet>`),
  );
  expect(integrityProblems(named)).toEqual([`${sheet}: ${ns}:id="rId99" names no relationship of the part`]);
});

test("a cell's shared-string index past the table", () => {
  const count = [...text("xl/sharedStrings.xml").matchAll(/<si\b/g)].length;
  const sheet = [...good.keys()].find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && /\st="s"/.test(text(n)))!;
  const past = edited(sheet, (x) => x.replace(/(<c\s[^>]*\st="s"[^>]*>\s*<v>)\d+(<\/v>)/, `$1${count}$2`));
  expect(integrityProblems(past)).toEqual([expect.stringMatching(new RegExp(`^${sheet.replace(/\./g, "\\.")}: cell [A-Z]+\\d+ holds shared string ${count} of ${count}$`))]);
});

test("sheet ids and names, and table ids and names, each once", () => {
  const ids = [...text("xl/workbook.xml").matchAll(/<sheet\b[^>]*\ssheetId="(\d+)"/g)].map((m) => m[1]);
  const sameId = edited("xl/workbook.xml", (x) => x.replace(`sheetId="${ids[1]}"`, `sheetId="${ids[0]}"`));
  expect(integrityProblems(sameId)).toEqual([`xl/workbook.xml: sheetId ${ids[0]} used twice`]);
  // Excel takes names that differ in case or width for one name.
  const names = [...text("xl/workbook.xml").matchAll(/<sheet\b[^>]*\sname="([^"]*)"/g)].map((m) => m[1]);
  const ascii = names.findIndex((n) => /[A-Za-z]/.test(n));
  const wide = names[ascii].replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).toUpperCase();
  const other = names.find((n, i) => i !== ascii)!;
  const sameName = edited("xl/workbook.xml", (x) => x.replace(`name="${other}"`, `name="${wide}"`));
  const key = names[ascii].normalize("NFKC").toLowerCase();
  expect(integrityProblems(sameName)).toEqual([`xl/workbook.xml: sheet name ${key} used twice`]);

  const [t1, t2] = [...good.keys()].filter((n) => /^xl\/tables\/table\d+\.xml$/.test(n)).sort();
  expect(t2).toBeDefined();
  const head = (part: string) => /<table\b[^>]*>/.exec(text(part))![0];
  const id1 = /\sid="(\d+)"/.exec(head(t1))![1];
  const sameTableId = edited(t2, (x) => x.replace(/(<table\b[^>]*\sid=")\d+"/, `$1${id1}"`));
  expect(integrityProblems(sameTableId)).toEqual([`tables: id ${id1} used twice`]);
  const name1 = /\sdisplayName="([^"]*)"/.exec(head(t1))![1];
  const sameTableName = edited(t2, (x) => x.replace(/(<table\b[^>]*\sdisplayName=")[^"]*"/, `$1${name1.toUpperCase()}"`));
  expect(integrityProblems(sameTableName)).toEqual([`tables: name ${name1.toLowerCase()} used twice`]);
});

test("a sheet name Excel refuses, a defined name twice in one scope, and a scope past the sheets", () => {
  const names = [...text("xl/workbook.xml").matchAll(/<sheet\b[^>]*\sname="([^"]*)"/g)].map((m) => m[1]);
  const refused = edited("xl/workbook.xml", (x) => x.replace(`name="${names[0]}"`, 'name="履歴"'));
  expect(integrityProblems(refused)).toEqual(["xl/workbook.xml: sheet name 履歴 is one Excel refuses"]);

  const defined = /<definedName\b[^>]*>[^<]*<\/definedName>/.exec(text("xl/workbook.xml"))?.[0];
  expect(defined).toBeDefined(); // the summaries' print titles
  const scope = /\slocalSheetId="(\d+)"/.exec(defined!)?.[1];
  const name = /\sname="([^"]*)"/.exec(defined!)![1];
  const twice = edited("xl/workbook.xml", (x) => x.replace(defined!, defined! + defined!.replace(`name="${name}"`, `name="${name.toUpperCase()}"`)));
  expect(integrityProblems(twice)).toEqual([`xl/workbook.xml: defined name ${name.toLowerCase()}${scope === undefined ? "" : ` (sheet ${scope})`} used twice`]);
  const past = edited("xl/workbook.xml", (x) => x.replace(defined!, defined!.replace(/\slocalSheetId="\d+"/, "").replace("<definedName", `<definedName localSheetId="${names.length}"`)));
  expect(integrityProblems(past)).toEqual([`xl/workbook.xml: defined name ${name} is scoped to sheet ${names.length} of ${names.length}`]);
});

test("a cell whose value is not what its type says", () => {
  const sheet = [...good.keys()].find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && /<c r="[A-Z]+\d+"[^>]*>\s*<v>\d/.test(text(n)))!;
  const ref = /<c r="([A-Z]+\d+)"(?![^>]*\st=)[^>]*>\s*<v>\d/.exec(text(sheet))?.[1];
  expect(ref).toBeDefined(); // a number cell
  const cellAt = new RegExp(`(<c r="${ref}"[^>]*?)\\s*>\\s*<v>[^<]*</v>`);
  const withValue = (t: string, v: string) => edited(sheet, (x) => x.replace(cellAt, `$1${t ? ` t="${t}"` : ""}><v>${v}</v>`));
  const at = `${sheet}: cell ${ref}`;
  expect(integrityProblems(withValue("", "NaN"))).toEqual([`${at} holds the number NaN`]);
  expect(integrityProblems(withValue("", "Infinity"))).toEqual([`${at} holds the number Infinity`]);
  expect(integrityProblems(withValue("b", "2"))).toEqual([`${at} holds the boolean 2`]);
  expect(integrityProblems(withValue("e", "#DIV/0"))).toEqual([`${at} holds the error #DIV/0`]);
  expect(integrityProblems(withValue("inlineStr", "text"))).toEqual([`${at} is inline text in <v>`]);
  // What Excel writes passes.
  expect(integrityProblems(withValue("e", "#DIV/0!"))).toEqual([]);
  expect(integrityProblems(withValue("b", "1"))).toEqual([]);
  expect(integrityProblems(withValue("", "-1.5E-3"))).toEqual([]);
});

