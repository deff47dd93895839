/**
 * @jest-environment node
 *
 * Writing through the xlsx adapter keeps every part of the user's file it does not own, byte for byte: comments,
 * threaded comments, charts, images, pivot tables, slicers, tables, external links, custom XML, the VBA project.
 * For each workbook in test/fixtures/preserve (README there) and each operation (summary sheets, a cell edit,
 * settings): load → operate → save, then compare the packages entry by entry against what the operation may
 * change (test/helpers/package-diff.ts), and open the result again with our reader, with ExcelJS and with
 * LibreOffice. A failure lists the unexpected differences.
 */
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strFromU8, strToU8, zipSync } from "fflate";
import { cellText, type CellValue } from "../../src/core/model/cell";
import type { WorkbookSnapshot } from "../../src/core/model/grid";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { serializeSettings } from "../../src/core/settings";
import { formula, num, type SheetSpec, text } from "../../src/core/sheet-spec";
import { buildSummaries } from "../../src/core/summary";
import { validateWorkbook } from "../../src/core/validate";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { ROOT } from "../helpers/grid";
import { libreOfficeAvailable, hasPoppler, libreOfficeProfile, tool } from "../helpers/libreoffice";
import {
  type AllowedChanges,
  allowedForEdits,
  allowedForOwnedSheets,
  allowedForSettings,
  checkAmendedParts,
  describeDiff,
  diffPackages,
  readPackage,
  sheetChangesBesideCells,
  sheetParts,
  unexpectedDifferences,
  workbookContentType,
} from "../helpers/package-diff";

jest.setTimeout(240_000);

const DIR = path.join(ROOT, "test", "fixtures", "preserve");
const FIXTURES = readdirSync(DIR).filter((f) => /\.xls[xm]$/.test(f)).sort();
/** The 調査票 among the fixtures: its summaries come from the real rules, not from a hand-made spec. */
const CHOSAHYO = "lo-kodaira-memo-chart.xlsx";
const AT = new Date(2026, 10, 22, 9, 30);

// LibreOffice is an independent client of what we write; where CI installs it, it must be used.
const withLibreOffice = libreOfficeAvailable();

const WORK = mkdtempSync(path.join(os.tmpdir(), "chosahyo-preserve-"));
afterAll(() => rmSync(WORK, { recursive: true, force: true }));
/** Every output written, for the LibreOffice pass at the end: file → what it should hold. */
const outputs: { file: string; label: string }[] = [];

/** A small summary-like sheet for the workbooks that are not 調査票: styles, a merge, a table, a formula, print titles. */
function handMadeSpec(): SheetSpec {
  const header = ["分類", "件数", "割合"].map((h, col) => ({ row: 2, col, value: text(h), style: "header" }));
  const rows = [
    ["完了", 3],
    ["継続", 5],
  ] as const;
  const body = rows.flatMap(([label, n], i) => [
    { row: 3 + i, col: 0, value: text(label) },
    { row: 3 + i, col: 1, value: num(n) },
    { row: 3 + i, col: 2, value: formula(`B${4 + i}/SUM($B$4:$B$5)`, n / 8), style: "pct" },
  ]);
  return {
    name: "集計",
    cells: [{ row: 0, col: 0, value: text("集計"), style: "title" }, { row: 1, col: 0, value: text("読み取った記録: 8件") }, ...header, ...body],
    styles: { title: { bold: true, fontSize: 14 }, header: { bold: true, fill: "#DDEBF7", border: "thin" }, pct: { numberFormat: "0.0%" } },
    merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
    columnWidths: [16, 8, 8],
    freeze: { rows: 3, cols: 0 },
    tables: [{ name: "Summary", range: { top: 2, left: 0, bottom: 4, right: 2 } }],
    print: { orientation: "portrait", paper: "A4", fitToWidth: true, repeatRows: { top: 2, bottom: 2 } },
    validations: [{ range: { top: 3, left: 0, bottom: 4, right: 0 }, list: ["完了", "継続"] }],
  };
}

async function summarySpecs(fixture: string, book: XlsxWorkbook, snapshot: WorkbookSnapshot): Promise<SheetSpec[]> {
  if (fixture !== CHOSAHYO) return [handMadeSpec()];
  const rep = validateWorkbook(snapshot, { profiles: BUILT_IN_PROFILES });
  const specs = buildSummaries({ records: rep.records, findings: rep.findings, fiscalYear: rep.fiscalYear, profiles: BUILT_IN_PROFILES, generatedAt: AT });
  // The fixture is a real 調査票: if it stopped being recognised, the test would be checking empty summaries.
  expect(rep.records.length).toBeGreaterThan(40);
  return specs;
}

/** "B4" → 0-based row and column. */
function parseRef(ref: string): { r: number; c: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  let c = 0;
  for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
  return { r: Number(m[2]) - 1, c: c - 1 };
}

function valueAt(snapshot: WorkbookSnapshot, sheet: string, ref: string): CellValue | undefined {
  const g = snapshot.sheets.find((s) => s.name === sheet);
  const { r, c } = parseRef(ref);
  return g?.rows[r - g.top]?.[c - g.left];
}

/**
 * A text cell to edit: the first cell of a visible sheet that the file stores as a string (shared or inline), not a
 * formula, and that our reader reads as that text. Chosen from the package, so it does not depend on the adapter.
 */
function textCellToEdit(bytes: Uint8Array, snapshot: WorkbookSnapshot): { sheet: string; cell: string; before: string; part: string } {
  const pkg = readPackage(bytes);
  for (const [sheet, part] of sheetParts(bytes)) {
    const grid = snapshot.sheets.find((s) => s.name === sheet);
    if (!grid || grid.visibility !== "visible" || grid.protected) continue;
    const xml = strFromU8(pkg.get(part)!);
    for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = /\sr="([A-Z]+\d+)"/.exec(m[1])?.[1];
      if (!ref || !/\st="(s|inlineStr)"/.test(m[1]) || /<f[\s>/]/.test(m[2] ?? "")) continue;
      const before = cellText(valueAt(snapshot, sheet, ref));
      if (before.trim()) return { sheet, cell: ref, before, part };
    }
  }
  throw new Error("no text cell to edit");
}

/** The user's sheets as our reader sees them: they must read the same after any operation. */
function userSheets(snapshot: WorkbookSnapshot, except: readonly string[]) {
  return snapshot.sheets.filter((s) => !except.includes(s.name)).map((s) => ({ name: s.name, top: s.top, left: s.left, rows: s.rows, merges: s.merges }));
}

async function excelJsOpens(bytes: Uint8Array): Promise<ExcelJS.Workbook | undefined> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    return wb;
  } catch {
    return undefined;
  }
}

interface Outcome {
  readonly out: Uint8Array;
  readonly allowed: AllowedChanges;
  /** Parts of edited sheets → the cells edited in them. */
  readonly editedCells?: ReadonlyMap<string, readonly string[]>;
  /** What a user sees when opening the result again (our reader, and ExcelJS when it could open the input). */
  readonly verify: (reloaded: XlsxWorkbook, oracle: ExcelJS.Workbook | undefined) => Promise<void>;
}

type Operation = (fixture: string, input: Uint8Array) => Promise<Outcome>;

const OPERATIONS: Record<string, Operation> = {
  async summaries(fixture, input) {
    const book = await XlsxWorkbook.load(input, fixture);
    const before = await book.readAll();
    const specs = await summarySpecs(fixture, book, before);
    const written = await book.writeOwnedSheets(specs);
    const names = written.map((w) => w.name);
    return {
      out: await book.toBytes(),
      allowed: allowedForOwnedSheets(),
      verify: async (reloaded, oracle) => {
        const after = await reloaded.readAll();
        expect(userSheets(after, names)).toEqual(userSheets(before, []));
        expect(await reloaded.ownedSheets()).toEqual(expect.arrayContaining(names));
        specs.forEach((spec, i) => {
          const title = spec.cells.find((c) => c.row === 0 && c.col === 0)?.value;
          expect(cellText(valueAt(after, names[i], "A1"))).toBe(title && title.t === "text" ? title.v : "");
        });
        if (oracle) expect(oracle.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(names));
      },
    };
  },

  async edit(fixture, input) {
    const book = await XlsxWorkbook.load(input, fixture);
    const before = await book.readAll();
    const target = textCellToEdit(input, before);
    const after = `${target.before}（確認済）`;
    const result = await book.applyEdits([{ sheet: target.sheet, cell: target.cell, before: target.before, after, ruleId: "TEXT-HTML" }], AT);
    expect(result.applied).toHaveLength(1);
    return {
      out: await book.toBytes(),
      allowed: allowedForEdits([target.part]),
      editedCells: new Map([[target.part, [target.cell]]]),
      verify: async (reloaded, oracle) => {
        const snap = await reloaded.readAll();
        expect(cellText(valueAt(snap, target.sheet, target.cell))).toBe(after);
        const log = snap.sheets.find((s) => s.name === "変更履歴");
        expect(log?.rows.flat().map((v) => cellText(v))).toEqual(expect.arrayContaining([target.sheet, target.cell, target.before, after]));
        // Every other cell of every user sheet reads as before.
        const unedited = (s: WorkbookSnapshot) => userSheets(s, ["変更履歴"]).map((g) => (g.name === target.sheet ? { ...g, rows: g.rows.map((row, i) => row.map((v, j) => (i + g.top === parseRef(target.cell).r && j + g.left === parseRef(target.cell).c ? "(edited)" : v))) } : g));
        expect(unedited(snap)).toEqual(unedited(before));
        if (oracle) expect(String(oracle.getWorksheet(target.sheet)?.getCell(target.cell).text)).toBe(after);
      },
    };
  },

  async settings(fixture, input) {
    const book = await XlsxWorkbook.load(input, fixture);
    const before = await book.readAll();
    const settings = serializeSettings({ stage: "本部評価後", fiscalYear: 2017, overrides: {} });
    await book.writeSettings(settings);
    return {
      out: await book.toBytes(),
      allowed: allowedForSettings(),
      verify: async (reloaded, oracle) => {
        // The settings given a value; those written empty (planPeriod, profile) are cleared.
        expect(await reloaded.readSettings()).toEqual(Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== "")));
        const snap = await reloaded.readAll();
        expect(userSheets(snap, [])).toEqual(userSheets(before, []));
        // The settings sheet stays out of the user's sight.
        if (oracle) expect(oracle.worksheets.find((w) => w.name === "_chosahyo")?.state).toBe("veryHidden");
      },
    };
  },
};

/** The kinds of part the fixtures must hold between them, by the entries (or the XML) that show each. */
const KINDS: Record<string, RegExp> = {
  "legacy comments": /^xl\/comments[^/]*\d+\.xml$|^xl\/comments\/comment\d+\.xml$/,
  vmlDrawing: /^xl\/drawings\/.*\.vml$/,
  "threaded comments": /^xl\/threadedComments\/threadedComment\d+\.xml$/,
  persons: /^xl\/persons\/person\.xml$/,
  chart: /^xl\/charts\/chart\d+\.xml$/,
  image: /^xl\/media\/image\d+\.(png|jpe?g|gif|emf)$/,
  "pivot table": /^xl\/pivotTables\/pivotTable\d+\.xml$/,
  "pivot cache": /^xl\/pivotCache\/pivotCacheDefinition\d+\.xml$/,
  slicer: /^xl\/slicers\/slicer\d+\.xml$/,
  "slicer cache": /^xl\/slicerCaches\/slicerCache\d+\.xml$/,
  table: /^xl\/tables\/table\d+\.xml$/,
  "external link": /^xl\/externalLinks\/externalLink\d+\.xml$/,
  "custom XML": /^customXml\/item\d+\.xml$/,
  docProps: /^docProps\/core\.xml$/,
  calcChain: /^xl\/calcChain\.xml$/,
  "VBA project": /^xl\/vbaProject\.bin$/,
};
/** User parts every operation must keep byte for byte (an edit may drop the calcChain, which Excel rebuilds). */
const USER_PARTS = Object.values(KINDS).concat([/^xl\/drawings\/drawing\d+\.xml$/, /^xl\/theme\//, /^docProps\/custom\.xml$/, /^xl\/connections\.xml$/, /^xl\/[^/]+\/_rels\//]);

test("the fixtures hold, between them, every kind of part the tests are about", () => {
  const held = new Set<string>();
  let printTitles = false;
  let wholeColumn = false;
  let conditional = false;
  for (const f of FIXTURES) {
    const pkg = readPackage(new Uint8Array(readFileSync(path.join(DIR, f))));
    for (const [kind, re] of Object.entries(KINDS)) if ([...pkg.keys()].some((n) => re.test(n))) held.add(kind);
    const xml = (n: string) => strFromU8(pkg.get(n) ?? new Uint8Array());
    printTitles ||= /<definedName[^>]*name="_xlnm\.Print_Titles"[^>]*localSheetId="\d+"|<definedName[^>]*localSheetId="\d+"[^>]*name="_xlnm\.Print_Titles"/.test(xml("xl/workbook.xml"));
    for (const n of pkg.keys()) {
      if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(n)) continue;
      wholeColumn ||= /<dataValidation [^>]*sqref="[^"]*\b[A-Z]+1:[A-Z]+1048576\b/.test(xml(n));
      conditional ||= xml(n).includes("<conditionalFormatting");
    }
  }
  expect([...held].sort()).toEqual(Object.keys(KINDS).sort());
  expect({ printTitles, wholeColumn, conditional }).toEqual({ printTitles: true, wholeColumn: true, conditional: true });
});

describe.each(FIXTURES)("%s", (fixture) => {
  const input = new Uint8Array(readFileSync(path.join(DIR, fixture)));

  test.each(Object.keys(OPERATIONS))("%s: every part it does not own comes back byte for byte, and the file opens again", async (op) => {
    const { out, allowed, editedCells, verify } = await OPERATIONS[op](fixture, input);
    const file = path.join(WORK, `${path.parse(fixture).name}--${op}${path.extname(fixture)}`);
    writeFileSync(file, out);
    outputs.push({ file, label: `${fixture} ${op}` });

    const diff = diffPackages(input, out);
    const problems = [
      ...unexpectedDifferences(diff, allowed),
      ...checkAmendedParts(input, out),
      ...[...(editedCells ?? [])].flatMap(([part, refs]) => {
        const a = readPackage(input).get(part);
        const b = readPackage(out).get(part);
        return b ? sheetChangesBesideCells(strFromU8(a!), strFromU8(b), refs).map((p) => `${part}: ${p}`) : [`removed ${part}`];
      }),
    ];
    // The whole list at once, so one run shows everything the writer lost.
    expect({ operation: allowed.operation, problems, diff: problems.length ? describeDiff(diff) : "" }).toEqual({ operation: allowed.operation, problems: [], diff: "" });

    // Said once more by kind, for the reader of a failure: the user's comments, charts, pictures, pivots… are intact.
    const touched = diff.filter((d) => d.status !== "identical" && d.status !== "added" && USER_PARTS.some((re) => re.test(d.name)));
    expect(touched.filter((d) => !(op === "edit" && d.name === "xl/calcChain.xml" && d.status === "removed")).map((d) => `${d.status} ${d.name}`)).toEqual([]);

    // A macro-enabled workbook stays one: the same workbook content type, the same VBA project.
    if (fixture.endsWith(".xlsm")) {
      expect(workbookContentType(out)).toBe(workbookContentType(input));
      expect(workbookContentType(out)).toBe("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
      expect(diff.find((d) => d.name === "xl/vbaProject.bin")?.status).toBe("identical");
    }

    const reloaded = await XlsxWorkbook.load(out, fixture);
    // ExcelJS is the oracle where it can read the input at all.
    const oracle = (await excelJsOpens(input)) ? await excelJsOpens(out) : undefined;
    if (await excelJsOpens(input)) expect(oracle).toBeDefined();
    await verify(reloaded, oracle);
  });
});

/** The harness itself: each kind of loss it exists to catch is caught, with a line that names it. */
describe("the comparison", () => {
  const input = new Uint8Array(readFileSync(path.join(DIR, "excelize-Book1.xlsx")));
  const amend = (edit: (files: Map<string, Uint8Array>) => void) => {
    const files = readPackage(input);
    edit(files);
    return zipSync(Object.fromEntries(files));
  };
  const replace = (files: Map<string, Uint8Array>, part: string, from: string | RegExp, to: string) => {
    const before = strFromU8(files.get(part)!);
    const after = before.replace(from, to);
    expect(after).not.toBe(before);
    files.set(part, strToU8(after));
  };

  test("an untouched copy has no differences", () => {
    const copy = amend(() => {});
    expect(unexpectedDifferences(diffPackages(input, copy), allowedForSettings())).toEqual([]);
    expect(checkAmendedParts(input, copy)).toEqual([]);
  });

  test("a lost comment, a rewritten chart and a stray image are named; a new sheet part is allowed", () => {
    const out = amend((f) => {
      f.delete("xl/comments1.xml");
      replace(f, "xl/charts/chart1.xml", /<c:chart>/, "<c:chart> ");
      f.set("xl/worksheets/sheet9.xml", strToU8("<worksheet/>"));
      f.set("xl/media/image2.png", new Uint8Array([1]));
    });
    expect(unexpectedDifferences(diffPackages(input, out), allowedForSettings())).toEqual(["changed xl/charts/chart1.xml", "removed xl/comments1.xml", "added xl/media/image2.png"]);
  });

  test("an element out of Excel's schema order, rows or cells out of order, overlapping columns or merges are named; the input's own are not", () => {
    const out = amend((f) => {
      // <bookViews> moved after <sheets>, and the first two rows of sheet1 swapped.
      replace(f, "xl/workbook.xml", /(<bookViews>[\s\S]*?<\/bookViews>)(\s*)(<sheets>[\s\S]*?<\/sheets>)/, "$3$2$1");
      replace(f, "xl/worksheets/sheet1.xml", /(<row [^>]*>[\s\S]*?<\/row>)(\s*)(<row [^>]*>[\s\S]*?<\/row>)/, "$3$2$1");
      // In sheet2, a column range over another, and a second merge over A6.
      replace(f, "xl/worksheets/sheet2.xml", "<cols>", '<cols><col min="1" max="3" width="9" customWidth="1"/>');
      replace(f, "xl/worksheets/sheet2.xml", "</mergeCells>", '<mergeCell ref="A5:B6"/></mergeCells>');
    });
    const problems = checkAmendedParts(input, out);
    expect(problems[0]).toBe("xl/workbook.xml: <bookViews> after <sheets> in <workbook> (workbook)");
    expect(problems[1]).toMatch(/^xl\/worksheets\/sheet1\.xml: row \d+ after row \d+$/);
    expect(problems.slice(2)).toEqual(['xl/worksheets/sheet2.xml: <col min="3"> overlaps the column range before it (to 3)', "xl/worksheets/sheet2.xml: merges A6 and A5:B6 overlap"]);
    // A part written again that keeps its input's disorder is not the writer's doing.
    const files = readPackage(out);
    files.set("xl/workbook.xml", strToU8(strFromU8(files.get("xl/workbook.xml")!).replace("</workbook>", " </workbook>")));
    expect(checkAmendedParts(out, zipSync(Object.fromEntries(files)))).toEqual([]);
  });

  test("a style index past the end of its list (a cell's s, a format's font or number format) is named", () => {
    const out = amend((f) => {
      // A format appended with a font and a number format that are not there, and a cell pointing past the list.
      replace(f, "xl/styles.xml", "</cellXfs>", '<xf numFmtId="170" fontId="9" fillId="0" borderId="0" xfId="0"/></cellXfs>');
      replace(f, "xl/worksheets/sheet2.xml", '<c r="A1" s="1"', '<c r="A1" s="9"');
    });
    // Counted from the records themselves (this file's cellXfs count="5" heads six of them), as Excel reads them.
    expect(checkAmendedParts(input, out)).toEqual([
      "xl/styles.xml: cellXfs[6] fontId=9 of 5",
      "xl/styles.xml: cellXfs[6] numFmtId=170 is not defined",
      "xl/worksheets/sheet2.xml: cell style 9 of 7",
    ]);
  });

  test("in an edited sheet, a change beside the edited cell is found", () => {
    const xml = strFromU8(readPackage(input).get("xl/worksheets/sheet1.xml")!);
    const ref = /<c r="([A-Z]+\d+)"[^>]*t="s"/.exec(xml)![1];
    const edited = xml.replace(new RegExp(`(<c r="${ref}"[^>]*>)<v>\\d+</v>`), "$1<v>0</v>");
    expect(edited).not.toBe(xml);
    expect(sheetChangesBesideCells(xml, edited, [ref])).toEqual([]);
    expect(sheetChangesBesideCells(xml, edited.replace("<sheetData>", '<sheetData> '), [ref])).toHaveLength(1);
  });

  test("amended parts: a reordered style, a dropped name, a lost relationship, a changed content type, a print title on another sheet", () => {
    const named = (f: Map<string, Uint8Array>) =>
      replace(f, "xl/workbook.xml", "</sheets>", '</sheets><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">Sheet1!$1:$1</definedName><definedName name="keep">Sheet1!$A$1</definedName></definedNames>');
    const base = amend(named);
    const out = (() => {
      const files = readPackage(base);
      replace(files, "xl/workbook.xml", 'localSheetId="0"', 'localSheetId="1"');
      replace(files, "xl/workbook.xml", /<definedName name="keep">[^<]*<\/definedName>/, "");
      replace(files, "xl/styles.xml", /(<cellXfs[^>]*>)(<xf [^>]*\/>|<xf [^>]*>[\s\S]*?<\/xf>)(<xf [^>]*\/>|<xf [^>]*>[\s\S]*?<\/xf>)/, "$1$3$2");
      replace(files, "xl/_rels/workbook.xml.rels", /<Relationship [^>]*theme[^>]*\/>/, "");
      replace(files, "[Content_Types].xml", "spreadsheetml.sheet.main+xml", "spreadsheetml.template.main+xml");
      return zipSync(Object.fromEntries(files));
    })();
    const problems = checkAmendedParts(base, out).join("\n");
    expect(problems).toMatch(/Override \/xl\/workbook\.xml/);
    expect(problems).toMatch(/rels: lost .*theme/);
    expect(problems).toMatch(/defined name _xlnm\.Print_Titles changed or lost, or moved to another sheet/);
    expect(problems).toMatch(/defined name keep/);
    expect(problems).toMatch(/<cellXfs> item 0/);
  });

  test("a part with an undeclared prefix is reported as not well-formed", () => {
    const out = amend((f) => replace(f, "xl/workbook.xml", "<sheets>", '<sheets><sheet name="x" sheetId="99" q:id="rId99"/>'));
    expect(checkAmendedParts(input, out)).toEqual([expect.stringMatching(/^xl\/workbook\.xml is not well-formed XML/)]);
  });
});

/** One LibreOffice run over many files (it starts once); returns the files it wrote. */
function convertAll(files: readonly string[], filter: string, outDir: string): string[] {
  const profile = libreOfficeProfile();
  try {
    mkdirSync(outDir, { recursive: true });
    spawnSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${profile}`, "--convert-to", filter, "--outdir", outDir, ...files], {
      encoding: "utf8",
      timeout: 600_000,
      env: { ...process.env, HOME: profile },
    });
    return readdirSync(outDir).map((f) => path.join(outDir, f));
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

(withLibreOffice ? describe : describe.skip)("LibreOffice", () => {
  test("opens every workbook written above (its exit code says nothing, so each must have produced a CSV)", () => {
    expect(outputs.length).toBe(FIXTURES.length * Object.keys(OPERATIONS).length);
    const made = convertAll(outputs.map((o) => o.file), "csv", path.join(WORK, "csv"));
    const missing = outputs.filter((o) => !made.some((m) => path.parse(m).name === path.parse(o.file).name && statSync(m).size > 0)).map((o) => o.label);
    expect(missing).toEqual([]);
  });

  (hasPoppler() ? test : test.skip)("prints the user's sheets of the 調査票 exactly as before the summary sheets were added", async () => {
    const input = new Uint8Array(readFileSync(path.join(DIR, CHOSAHYO)));
    const { out } = await OPERATIONS.summaries(CHOSAHYO, input);
    const dir = path.join(WORK, "pdf");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "before.xlsx"), input);
    writeFileSync(path.join(dir, "after.xlsx"), out);
    convertAll([path.join(dir, "before.xlsx"), path.join(dir, "after.xlsx")], "pdf", path.join(dir, "out"));
    const pdf = (name: string) => path.join(dir, "out", `${name}.pdf`);
    expect(existsSync(pdf("before")) && existsSync(pdf("after"))).toBe(true);

    // Text layer, every page: the pages of the user's sheets must all be there, in order, unchanged; the summary
    // sheets add pages of their own. Text is compared for all pages because it is exact and cheap; one page is also
    // compared as pixels (below), which catches what text cannot (a lost chart, comment indicator or format).
    const pages = (f: string) => tool("pdftotext", ["-layout", f, "-"]).split("\f").filter((p) => p.trim());
    const before = pages(pdf("before"));
    const after = pages(pdf("after"));
    let j = 0;
    const lost: string[] = [];
    const matchedAt: number[] = [];
    for (const [i, p] of before.entries()) {
      while (j < after.length && after[j] !== p) j++;
      if (j === after.length) {
        lost.push(`page ${i + 1}: ${p.trim().slice(0, 60)}`);
        j = matchedAt.length ? matchedAt[matchedAt.length - 1] + 1 : 0;
      } else matchedAt.push(j++);
    }
    expect({ lost: lost.length, first: lost.slice(0, 5) }).toEqual({ lost: 0, first: [] });
    expect(after.length).toBeGreaterThan(before.length);

    // Pixels of page 1 (評価一覧, which holds the user's chart and conditional format) at 50 dpi: grey PGM rather
    // than PNG, so the pixels compare without a PNG decoder; a difference counts the pixels that changed.
    const render = (f: string, page: number, name: string) => {
      tool("pdftoppm", ["-f", String(page), "-l", String(page), "-r", "50", "-gray", "-singlefile", f, path.join(dir, name)]);
      return readFileSync(path.join(dir, `${name}.pgm`));
    };
    const a = render(pdf("before"), 1, "before-p1");
    const b = render(pdf("after"), matchedAt[0] + 1, "after-p1");
    let differing = a.length === b.length ? 0 : Math.max(a.length, b.length);
    if (a.length === b.length) for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differing++;
    expect(differing).toBe(0);
  });
});
