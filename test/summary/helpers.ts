/**
 * What the summary tests share: the 小平 sample with its summaries written and saved (read back as a user would open
 * it), the table under a header in that file, and the same table read from a sheet spec for small inputs.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Finding } from "../../src/core/model/finding";
import type { SurveyRecord } from "../../src/core/model/record";
import { BUILT_IN_PROFILES } from "../../src/core/profiles";
import type { SheetSpec } from "../../src/core/sheet-spec";
import { buildSummaries } from "../../src/core/summary";
import { validateWorkbook } from "../../src/core/validate";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { ROOT } from "../helpers/grid";

export const KODAIRA_SEED = path.join(ROOT, "seeds", "kodaira-h29.xlsx");
/** A fixed time, so that the basis line under each title is the same on every run. */
export const AT = new Date(2026, 10, 22, 9, 30);

/** Checks a workbook, writes every summary it can have, saves it and opens the saved file with ExcelJS. */
export async function generate(bytes: Uint8Array, opts: { includeReposts?: boolean } = {}) {
  const book = await XlsxWorkbook.load(bytes);
  const rep = validateWorkbook(await book.readAll(), { profiles: BUILT_IN_PROFILES });
  const specs = buildSummaries({ records: rep.records, findings: rep.findings, fiscalYear: rep.fiscalYear, profiles: BUILT_IN_PROFILES, generatedAt: AT, ...opts });
  const written = await book.writeOwnedSheets(specs);
  const saved = await book.toBytes();
  const reopened = new ExcelJS.Workbook();
  await reopened.xlsx.load(saved as unknown as ArrayBuffer);
  return { written, reopened, saved, report: rep };
}

/** seeds/kodaira-h29.xlsx with its summaries, as generate gives it. */
export function generateKodaira(opts: { includeReposts?: boolean } = {}) {
  return generate(readFileSync(KODAIRA_SEED), opts);
}

/** The table under a header cell: rows of [label, ...values] until the first empty label. */
export function tableBelow(ws: ExcelJS.Worksheet, headerText: string): { header: string[]; rows: (string | number)[][]; formulas: (string | undefined)[][]; headerRow: number } {
  let headerRow = 0;
  ws.eachRow((row, r) => {
    if (!headerRow && row.getCell(1).value === headerText) headerRow = r;
  });
  if (!headerRow) throw new Error(`no header ${headerText}`);
  const width = ws.getRow(headerRow).cellCount;
  const header = Array.from({ length: width }, (_, i) => String(ws.getCell(headerRow, i + 1).value ?? ""));
  const rows: (string | number)[][] = [];
  const formulas: (string | undefined)[][] = [];
  for (let r = headerRow + 1; ws.getCell(r, 1).value; r++) {
    const vals: (string | number)[] = [];
    const fs: (string | undefined)[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(r, c);
      fs.push(cell.formula || undefined);
      const v = cell.value as unknown;
      vals.push(cell.formula ? (cell.result as number) : (v as string | number));
    }
    rows.push(vals);
    formulas.push(fs);
  }
  return { header, rows, formulas, headerRow };
}

/** The summary sheets a small check gives, by sheet name. */
export function summarySpecs(rep: { records: readonly SurveyRecord[]; findings: readonly Finding[]; fiscalYear?: number }): Map<string, SheetSpec> {
  const specs = buildSummaries({ records: rep.records, findings: rep.findings, fiscalYear: rep.fiscalYear, profiles: BUILT_IN_PROFILES, generatedAt: AT });
  return new Map(specs.map((s) => [s.name, s]));
}

type SpecCellValue = string | number | boolean | null;
export interface SpecTable {
  readonly header: string[];
  /** Each row as shown: text, numbers, a formula's computed value; null for an empty cell. */
  readonly rows: SpecCellValue[][];
  /** The formula of each cell, where it has one. */
  readonly formulas: (string | undefined)[][];
  /** Each cell's link to a record's cell, as `Sheet!A1`. */
  readonly links: (string | undefined)[][];
  /** Each cell's value kind: `text` is written as text, never as a formula. */
  readonly kinds: (string | undefined)[][];
}

/**
 * The table under a header row of a sheet spec, from column `left` (0: A), down to the first empty row. The header
 * row is the first whose cells from `left` begin with `headerStart` (one label, or several where two tables share
 * their first column's name).
 */
export function specTable(spec: SheetSpec, headerStart: string | readonly string[], left = 0): SpecTable {
  const at = new Map(spec.cells.map((c) => [`${c.row},${c.col}`, c] as const));
  const labels = typeof headerStart === "string" ? [headerStart] : headerStart;
  const textAt = (r: number, c: number) => {
    const v = at.get(`${r},${c}`)?.value;
    return v?.t === "text" ? v.v : undefined;
  };
  const head = spec.cells
    .filter((c) => c.col === left)
    .sort((a, b) => a.row - b.row)
    .find((c) => labels.every((l, i) => textAt(c.row, left + i) === l));
  if (!head) throw new Error(`no header ${labels.join(" | ")} on ${spec.name}`);
  let width = 0;
  while (at.get(`${head.row},${left + width}`)?.value.t === "text") width++;
  const shown = (r: number, c: number): SpecCellValue => {
    const v = at.get(`${r},${c}`)?.value;
    if (!v || v.t === "empty") return null;
    if (v.t === "formula") return v.cached ?? null;
    return v.v;
  };
  const header = Array.from({ length: width }, (_, c) => String(shown(head.row, left + c)));
  const out: SpecTable = { header, rows: [], formulas: [], links: [], kinds: [] };
  const cols = Array.from({ length: width }, (_, c) => left + c);
  for (let r = head.row + 1; cols.some((c) => shown(r, c) !== null); r++) {
    out.rows.push(cols.map((c) => shown(r, c)));
    out.formulas.push(
      cols.map((c) => {
        const v = at.get(`${r},${c}`)?.value;
        return v?.t === "formula" ? v.f : undefined;
      }),
    );
    out.links.push(
      cols.map((c) => {
        const l = at.get(`${r},${c}`)?.link;
        return l ? `${l.sheet}!${l.cell}` : undefined;
      }),
    );
    out.kinds.push(cols.map((c) => at.get(`${r},${c}`)?.value.t));
  }
  return out;
}
