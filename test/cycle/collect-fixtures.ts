/**
 * Department workbooks as 配布 would write them, made here from seeds/kodaira-h29.xlsx so 回収 can be tested on its
 * own: a new workbook holding copies of some of the master's sheets, with the hidden marker in its settings and,
 * when asked, a saved time in its document properties. Also the master prepared as 配布 leaves it (its id and the
 * departments expected back).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { DISTRIBUTION_MARKER_KEY, type DistributionMarker, SUBMISSIONS_KEY, type SubmissionsState } from "../../src/core/cycle/types";
import type { SheetGrid } from "../../src/core/model/grid";
import type { SurveyRecord } from "../../src/core/model/record";
import { planInputAids } from "../../src/core/input-aids/plan";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import { validateWorkbook } from "../../src/core/validate";
import { Package } from "../../src/workbook/xlsx/package";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { toA1 } from "../../src/core/model/address";

export const SEED = path.join(__dirname, "..", "..", "seeds", "kodaira-h29.xlsx");
export const MASTER_ID = "m-kodaira-h29";

/** Departments and the 調査票 each was sent (as the seed's records name them). */
export const DEPARTMENTS = {
  市民協働: { department: "市民協働・男女参画推進課", sheets: ["No.1"] },
  政策課: { department: "政策課", sheets: ["No.3", "No.9", "No.11"] },
  指導課: { department: "指導課", sheets: ["No.4", "No.4-1"] },
  公園課: { department: "水と緑と公園課", sheets: ["No.5"] },
} as const;

/** The master as 配布 leaves it: the seed with its id and the departments it expects back. */
export async function masterBytes(): Promise<Uint8Array> {
  const book = await XlsxWorkbook.load(readFileSync(SEED), "kodaira-h29.xlsx");
  const state: SubmissionsState = {
    version: 1,
    masterId: MASTER_ID,
    expected: Object.values(DEPARTMENTS).map((d) => ({ department: d.department, sheets: [...d.sheets] })),
    received: [],
  };
  await book.writeSettings({ [DISTRIBUTION_MARKER_KEY]: JSON.stringify({ masterId: MASTER_ID }), [SUBMISSIONS_KEY]: JSON.stringify(state) });
  return book.toBytes();
}

export interface DepartmentFileOptions {
  readonly masterId?: string;
  /** No marker at all (a file saved without it, or made by hand). */
  readonly noMarker?: boolean;
  /** Cells to set after copying: sheet, A1, value. */
  readonly edits?: readonly { readonly sheet: string; readonly cell: string; readonly value: string | number | null }[];
  /** A sheet copied under another name (a renamed sheet). */
  readonly rename?: Readonly<Record<string, string>>;
  /** docProps/core.xml modified, ISO. */
  readonly savedAt?: string;
  /** The department the marker names, if not the one the sheets were sent to. */
  readonly department?: string;
}

/** One department's returned workbook. */
export async function departmentFile(master: Uint8Array, sheets: readonly string[], department: string, options: DepartmentFileOptions = {}): Promise<Uint8Array> {
  const from = await XlsxWorkbook.load(master, "master.xlsx");
  const book = XlsxWorkbook.create();
  for (const s of sheets) book.importSheet(from, s, options.rename?.[s] ?? s);
  if (!options.noMarker) {
    const marker: DistributionMarker = {
      version: 1,
      masterId: options.masterId ?? MASTER_ID,
      department: options.department ?? department,
      distributedAt: "2026-11-01T00:00:00.000Z",
      sheets: sheets.map((name) => ({ name, formHash: "" })),
    };
    await book.writeSettings({ [DISTRIBUTION_MARKER_KEY]: JSON.stringify(marker) });
  }
  // As the department types: a protected copy takes values in its unlocked (input) cells.
  if (options.edits?.length) book.setCells(options.edits.map((e) => ({ ...e, sheet: options.rename?.[e.sheet] ?? e.sheet })), { intoUnlocked: true });
  const bytes = await book.toBytes();
  return options.savedAt ? withSavedAt(bytes, options.savedAt) : bytes;
}

/** The bytes with a docProps/core.xml saying the file was saved at `iso`. */
export function withSavedAt(bytes: Uint8Array, iso: string): Uint8Array {
  const pkg = Package.open(bytes);
  pkg.set(
    "docProps/core.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified></cp:coreProperties>`,
  );
  if (!pkg.rels("").some((r) => r.type.endsWith("/core-properties"))) pkg.addRel("", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml");
  pkg.setContentType("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
  return pkg.toBytes();
}

/** The seed's records, to find a record's input cells (1次評価, 取組実績) wherever the sheet has them. */
export async function seedRecords(): Promise<readonly SurveyRecord[]> {
  const book = await XlsxWorkbook.load(readFileSync(SEED), "kodaira-h29.xlsx");
  return validateWorkbook(await book.readAll(), { profiles: BUILT_IN_PROFILES }).records;
}

/** The A1 cells of a sheet's 1次評価 and 取組実績. */
export function inputCellsOf(records: readonly SurveyRecord[], sheet: string): { eval1: string; result: string } {
  const rec = records.find((r) => r.sheet === sheet && r.layoutId !== "list");
  const e = rec?.codes.eval1?.cell ?? rec?.emptyCells.eval1;
  const d = rec?.texts.result?.cell ?? rec?.emptyCells.result;
  if (!e || !d) throw new Error(`${sheet}: no 1次評価 or 取組実績 cell`);
  return { eval1: toA1(e.row, e.col), result: toA1(d.row, d.col) };
}

/** Every non-empty cell of every visible sheet, as "sheet!A1" → text, to compare two workbooks cell by cell. */
export async function cellMap(bytes: Uint8Array): Promise<Map<string, string>> {
  const book = await XlsxWorkbook.load(bytes, "x.xlsx");
  const out = new Map<string, string>();
  for (const name of book.sheetNames()) {
    if (name === "変更履歴") continue;
    const g: SheetGrid | undefined = book.sheetGrid(name);
    if (!g) continue;
    g.rows.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v !== null && v !== "") out.set(`${name}!${toA1(g.top + i, g.left + j)}`, v instanceof Date ? v.toISOString() : String(v));
      }),
    );
  }
  return out;
}

/** The cells whose text differs between two cell maps. */
export function differingCells(a: Map<string, string>, b: Map<string, string>): string[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((k) => a.get(k) !== b.get(k)).sort();
}

/** The workbook with the input aids set and every sheet that gets them protected, as `chosahyo aids --protect` does. */
export async function protectedCopy(bytes: Uint8Array): Promise<Uint8Array> {
  const book = await XlsxWorkbook.load(bytes, "m.xlsx");
  const snapshot = await book.readAll();
  const { aids } = planInputAids(snapshot, validateWorkbook(snapshot, { profiles: BUILT_IN_PROFILES }), BUILT_IN_PROFILES, { protect: true });
  await book.applyInputAids(aids, new Date("2026-10-01T00:00:00Z"));
  return book.toBytes();
}
