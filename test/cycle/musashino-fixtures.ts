/**
 * The 武蔵野 取組状況 (seeds/musashino-h29.xlsx: records stacked down one sheet) split by rows as 配布 writes it, for
 * the 配布 and 回収 tests: the master as 配布 leaves it (the departments it expects back in its record), and each
 * department's workbook.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { readMarker } from "../../src/core/cycle/collect";
import { RowMap } from "../../src/core/cycle/rows";
import { SUBMISSIONS_KEY, type SubmissionsState } from "../../src/core/cycle/types";
import { toA1 } from "../../src/core/model/address";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { validateWorkbook } from "../../src/core/validate";
import { Package } from "../../src/workbook/xlsx/package";
import { splitBook, type SplitBookOptions } from "../../src/workbook/xlsx/split";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";

export const MUSASHINO = path.join(__dirname, "..", "..", "seeds", "musashino-h29.xlsx");
export const SHEET = "取組状況";
export const AT = new Date("2026-11-01T00:00:00Z");

/** Splits the master's bytes; the departments' workbooks by department. */
export async function splitMaster(master: Uint8Array, options: Partial<SplitBookOptions> = {}) {
  const book = await XlsxWorkbook.load(master, "musashino.xlsx");
  const report = validateWorkbook(await book.readAll(), { profiles: BUILT_IN_PROFILES });
  const split = await splitBook(book, report, { profiles: BUILT_IN_PROFILES, at: AT, ...options });
  if (!split.ok) throw new Error(`split refused: ${JSON.stringify(split)}`);
  return split;
}

/** The seed as 配布 leaves it: its record names every department sent a workbook, with its sheets. */
export async function musashinoMaster(): Promise<{ bytes: Uint8Array; departments: string[] }> {
  const seed = new Uint8Array(readFileSync(MUSASHINO));
  const split = await splitMaster(seed, { aids: false });
  const book = await XlsxWorkbook.load(seed, "musashino.xlsx");
  const state: SubmissionsState = { version: 1, masterId: split.plan.masterId, expected: split.plan.files.map((f) => ({ department: f.department, sheets: [...f.sheets] })), received: [] };
  await book.writeSettings({ [SUBMISSIONS_KEY]: JSON.stringify(state) });
  return { bytes: await book.toBytes(), departments: split.plan.files.map((f) => f.department) };
}

/** A department's copy: the input cells of its records (取組状況 and 未着手・中止の理由), at the copy's A1 and the master's. */
export async function inputCellsOf(bytes: Uint8Array): Promise<{ copy: string; master: string; field: string }[]> {
  const book = await XlsxWorkbook.load(bytes, "d.xlsx");
  const snapshot = await book.readAll();
  const marker = readMarker(snapshot.settings)!;
  const rows = marker.sheets.find((s) => s.name === SHEET)!.rows!;
  const map = new RowMap(rows, Number.MAX_SAFE_INTEGER);
  const out: { copy: string; master: string; field: string }[] = [];
  for (const rec of validateWorkbook(snapshot, { profiles: BUILT_IN_PROFILES }).records.filter((r) => r.sheet === SHEET)) {
    for (const field of ["result", "reason"] as const) {
      const at = rec.texts[field]?.cell ?? rec.emptyCells[field];
      if (at) out.push({ copy: toA1(at.row, at.col), master: toA1(map.toMaster(at.row), at.col), field });
    }
  }
  return out;
}

/** The bytes with one part's text changed. */
export function withPart(bytes: Uint8Array, part: (pkg: Package) => string, change: (xml: string) => string): Uint8Array {
  const pkg = Package.open(bytes);
  const name = part(pkg);
  pkg.set(name, change(pkg.text(name)!));
  return pkg.toBytes();
}

/** The worksheet part of the sheet named `name`, found through workbook.xml and its relationships. */
export const sheetPartNamed = (name: string) => (pkg: Package) => {
  const relId = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(pkg.text("xl/workbook.xml")!)![1];
  return pkg.rels("xl/workbook.xml").find((r) => r.id === relId)!.target.replace(/^\//, "");
};

/** A cell's `<c>` element in worksheet XML, and the style it carries. */
export const cellRe = (a1: string) => new RegExp(`<c r="${a1}"([^>]*?)(/>|>.*?</c>)`);
export const styleOf = (xml: string, a1: string) => /s="(\d+)"/.exec(cellRe(a1).exec(xml)![1])?.[1] ?? "0";

/**
 * A master whose `department`'s reason cell lies inside an array formula's result (the formula at the result cell
 * above it), and that department's copy with the reason typed in: the master's cell 回収 would write (its A1).
 */
export async function arrayOverInput(master: Uint8Array, department: string): Promise<{ master: Uint8Array; returned: Uint8Array; cell: string }> {
  const bytes = (await splitMaster(master)).books.find((b) => b.department === department)!.bytes;
  const [result, reason] = await inputCellsOf(bytes);
  const withArray = withPart(master, sheetPartNamed(SHEET), (xml) =>
    xml
      .replace(cellRe(result.master), `<c r="${result.master}" s="${styleOf(xml, result.master)}" t="str"><f t="array" ref="${result.master}:${reason.master}">IF({1;1},"")</f><v></v></c>`)
      .replace(cellRe(reason.master), `<c r="${reason.master}" s="${styleOf(xml, reason.master)}" t="str"><v></v></c>`),
  );
  const copy = (await splitMaster(withArray)).books.find((b) => b.department === department)!.bytes;
  const returned = withPart(copy, sheetPartNamed(SHEET), (xml) => xml.replace(cellRe(reason.copy), `<c r="${reason.copy}" s="${styleOf(xml, reason.copy)}" t="inlineStr"><is><t>予算不足</t></is></c>`));
  return { master: withArray, returned, cell: reason.master };
}
