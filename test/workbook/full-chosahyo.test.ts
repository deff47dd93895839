/**
 * @jest-environment node
 *
 * The file layer's acceptance case: one 調査票 that holds a comment, a chart, an image, a pivot table and a macro at
 * once (test/fixtures/preserve/kodaira-full.xlsm, README there) goes through `chosahyo summarize` and through a fix
 * applied by the xlsx adapter, and comes out with every one of those parts byte for byte, still macro-enabled, and
 * opened by LibreOffice.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strFromU8 } from "fflate";
import { cellText } from "../../src/core/model/cell";
import type { WorkbookSnapshot } from "../../src/core/model/grid";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { validateWorkbook } from "../../src/core/validate";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { ROOT } from "../helpers/grid";
import { convert, CSV_ALL_SHEETS, libreOfficeAvailable, libreOfficeProfile, readCsv } from "../helpers/libreoffice";
import {
  type AllowedChanges,
  allowedForEdits,
  allowedForOwnedSheets,
  checkAmendedParts,
  describeDiff,
  diffPackages,
  readPackage,
  sheetChangesBesideCells,
  sheetParts,
  unexpectedDifferences,
  workbookContentType,
} from "../helpers/package-diff";

jest.setTimeout(300_000);

const FIXTURE = path.join(ROOT, "test", "fixtures", "preserve", "kodaira-full.xlsm");
const BIN = path.join(ROOT, "bin", "chosahyo.js");
const MACRO_ENABLED = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
const AT = new Date(2026, 10, 22, 9, 30);

const withLibreOffice = libreOfficeAvailable();

/** The user's parts this case is about, by kind: each must be in the fixture and come back byte for byte. */
const KINDS: Record<string, RegExp> = {
  comment: /^xl\/comments\d*\.xml$|^xl\/drawings\/vmlDrawing\d+\.vml$/,
  chart: /^xl\/charts\/chart\d+\.xml$/,
  image: /^xl\/media\/image\d+\.png$/,
  drawing: /^xl\/drawings\/(_rels\/)?drawing\d+\.xml(\.rels)?$/,
  pivot: /^xl\/pivot(Tables|Cache)\/(_rels\/)?pivot(Table|CacheDefinition|CacheRecords)\d+\.xml(\.rels)?$/,
  macro: /^xl\/vbaProject\.bin$/,
};

const input = new Uint8Array(readFileSync(FIXTURE));
const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/** The parts of each kind in a package: kind → entry names. */
function partsByKind(bytes: Uint8Array): Record<string, string[]> {
  const names = [...readPackage(bytes).keys()];
  return Object.fromEntries(Object.entries(KINDS).map(([kind, re]) => [kind, names.filter((n) => re.test(n)).sort()]));
}

/** Each kind with the entries of the input that are no longer byte-identical in the output (empty lists when intact). */
function touchedByKind(out: Uint8Array): Record<string, string[]> {
  const diff = new Map(diffPackages(input, out).map((d) => [d.name, d.status]));
  return Object.fromEntries(Object.entries(partsByKind(input)).map(([kind, names]) => [kind, names.filter((n) => diff.get(n) !== "identical").map((n) => `${diff.get(n)} ${n}`)]));
}

/** Everything the operation may not do, as one list, so a failure shows all of it. */
function problems(out: Uint8Array, allowed: AllowedChanges, edited?: { part: string; cells: string[] }): { problems: string[]; diff: string } {
  const diff = diffPackages(input, out);
  const found = [...unexpectedDifferences(diff, allowed), ...checkAmendedParts(input, out)];
  if (edited) {
    const after = readPackage(out).get(edited.part);
    if (!after) found.push(`removed ${edited.part}`);
    else found.push(...sheetChangesBesideCells(strFromU8(readPackage(input).get(edited.part)!), strFromU8(after), edited.cells).map((p) => `${edited.part}: ${p}`));
  }
  return { problems: found, diff: found.length ? describeDiff(diff) : "" };
}

function cellAt(snapshot: WorkbookSnapshot, sheet: string, ref: string): string {
  const g = snapshot.sheets.find((s) => s.name === sheet);
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return cellText(g?.rows[Number(m[2]) - 1 - g.top]?.[col - g.left]);
}

/** LibreOffice opens the file: it writes a non-empty CSV of each sheet; the sheet named is returned as rows. */
function openedByLibreOffice(file: string, sheet: string): string[][] {
  const profile = libreOfficeProfile();
  try {
    const made = convert(file, CSV_ALL_SHEETS, path.join(path.dirname(file), `${path.parse(file).name}-csv`), profile);
    const csv = made.find((f) => path.parse(f).name.endsWith(`-${sheet}`));
    expect(csv).toBeDefined();
    return readCsv(csv!);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), "chosahyo-full-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

test("the fixture holds a comment, a chart, a PNG image, a pivot table with its cache and a VBA project, as an .xlsm", () => {
  const kinds = partsByKind(input);
  for (const [kind, names] of Object.entries(kinds)) expect({ kind, count: names.length > 0 }).toEqual({ kind, count: true });
  expect(kinds.pivot).toEqual(expect.arrayContaining(["xl/pivotTables/pivotTable1.xml", "xl/pivotCache/pivotCacheDefinition1.xml", "xl/pivotCache/pivotCacheRecords1.xml"]));
  expect(workbookContentType(input)).toBe(MACRO_ENABLED);
  const comment = strFromU8(readPackage(input).get(kinds.comment.find((n) => n.endsWith(".xml"))!)!);
  expect(comment).toContain("課長のメモ");
});

describe("chosahyo summarize kodaira-full.xlsm -o out.xlsm", () => {
  let run: ReturnType<typeof spawnSync>;
  let inFile: string;
  let outFile: string;
  let out: Uint8Array;

  beforeAll(() => {
    inFile = path.join(work, "in.xlsm");
    outFile = path.join(work, "out.xlsm");
    writeFileSync(inFile, input);
    run = spawnSync(process.execPath, [BIN, "summarize", inFile, "-o", outFile], { cwd: ROOT, encoding: "utf8", timeout: 180_000 });
    out = new Uint8Array(readFileSync(outFile));
  });

  test("exits 0, names the summary sheets, and leaves the input file as it was", () => {
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: "" });
    expect(run.stdout).toContain("評価集計");
    expect(sha256(readFileSync(inFile))).toBe(sha256(input));
  });

  test("every part but the ones summary sheets may add or amend is byte-identical; comment, chart, image, pivot and macro untouched", async () => {
    expect(problems(out, allowedForOwnedSheets())).toEqual({ problems: [], diff: "" });
    expect(touchedByKind(out)).toEqual(Object.fromEntries(Object.keys(KINDS).map((k) => [k, []])));
    expect(workbookContentType(out)).toBe(MACRO_ENABLED);
    // The summaries are there, and the user's sheets (評価の内訳 with the pivot included) are all still listed.
    const names = [...sheetParts(out).keys()];
    expect(names).toEqual(expect.arrayContaining([...sheetParts(input).keys(), "評価集計"]));
    const book = await XlsxWorkbook.load(out, "out.xlsm");
    expect(cellAt(await book.readAll(), "評価集計", "A1")).not.toBe("");
  });

  (withLibreOffice ? test : test.skip)("LibreOffice opens the output", () => {
    const rows = openedByLibreOffice(outFile, "評価一覧");
    expect(rows[4].slice(1, 3)).toEqual(["1", "協働推進体制の充実"]);
  });
});

describe("a fix through the adapter: the full-width Ａ in 評価一覧!F6 becomes A", () => {
  let out: Uint8Array;
  let edit: { sheet: string; cell: string; before: string; after: string };

  beforeAll(async () => {
    const book = await XlsxWorkbook.load(input, "kodaira-full.xlsm");
    const report = validateWorkbook(await book.readAll(), { profiles: BUILT_IN_PROFILES });
    const variant = report.findings.find((f) => f.ruleId === "CODE-VARIANT" && f.fix);
    expect(variant).toBeDefined();
    const e = variant!.fix!.edits[0];
    edit = { sheet: e.sheet, cell: e.cell, before: e.before, after: String(e.after) };
    const result = await book.applyEdits([{ ...e, ruleId: "CODE-VARIANT" }], AT);
    expect(result.applied).toHaveLength(1);
    out = await book.toBytes();
  });

  test("the finding is the one the fixture was made with", () => {
    expect(edit).toEqual({ sheet: "評価一覧", cell: "F6", before: "Ａ", after: "A" });
  });

  test("only the edited cell, the 変更履歴 sheet and the workbook parts differ; comment, chart, image, pivot and macro untouched", async () => {
    const part = sheetParts(input).get(edit.sheet)!;
    expect(problems(out, allowedForEdits([part]), { part, cells: [edit.cell] })).toEqual({ problems: [], diff: "" });
    expect(touchedByKind(out)).toEqual(Object.fromEntries(Object.keys(KINDS).map((k) => [k, []])));
    expect(workbookContentType(out)).toBe(MACRO_ENABLED);

    const snap = await (await XlsxWorkbook.load(out, "fixed.xlsm")).readAll();
    expect(cellAt(snap, "評価一覧", "F6")).toBe("A");
    const log = snap.sheets.find((s) => s.name === "変更履歴");
    expect(log?.rows.flat().map((v) => cellText(v))).toEqual(expect.arrayContaining(["評価一覧", "F6", "Ａ", "A"]));
    // Checked again: the fix is gone from what a user would see.
    const again = validateWorkbook(snap, { profiles: BUILT_IN_PROFILES });
    expect(again.findings.filter((f) => f.ruleId === "CODE-VARIANT")).toEqual([]);
  });

  (withLibreOffice ? test : test.skip)("LibreOffice opens the fixed workbook and reads A in F6", () => {
    const file = path.join(work, "fixed.xlsm");
    writeFileSync(file, out);
    const rows = openedByLibreOffice(file, "評価一覧");
    expect(rows[5][5]).toBe("A");
    expect(readdirSync(path.join(work, "fixed-csv")).some((f) => f.endsWith("-変更履歴.csv"))).toBe(true);
  });
});
