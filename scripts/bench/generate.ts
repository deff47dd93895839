/**
 * Workbooks and snapshots for `npm run bench` (and its smoke test): many 調査票 sheets built from the 58 real
 * 小平市 sheets, with ids kept unique so that ID-DUPLICATE does not dominate the findings.
 *
 * Copy k of the 58 sheets (k = 0, 1, …) shifts every item number by k × 100: `No.2-1~5` becomes `No.102-1~5`,
 * `No.202-1~5`, …, so parents, sub-sheets and aggregates keep their relations. The 評価一覧 gets one row per
 * item present, shifted the same way (reposts `【No.15の再掲】` too).
 */
import ExcelJS from "exceljs";
import type { CellValue } from "../../src/core/model/cell";
import type { SheetGrid, WorkbookSnapshot } from "../../src/core/model/grid";
import { type ListRowInput, type ListSheetInput, listSheetSpec, type SurveySheetInput, surveySheetSpec } from "../../src/core/template/kodaira-chosahyo";
import { renderSheetSpec } from "../lib/exceljs-render";
import { kodairaListInput, kodairaSurveyInputs } from "../seeds/kodaira";

/** Item numbers of copy k are shifted by k × COPY_STRIDE (the real ones go up to 43). */
export const COPY_STRIDE = 100;
export const LIST_SHEET = "評価一覧";
export const PROFILE_ID = "kodaira-chosahyo";

const FIXED_DATE = new Date("2018-04-01T00:00:00Z");
const ID_RE = /^(\d+)(.*)$/;
const NO_RE = /No\.(\d+)/g;

function shiftId(id: string, offset: number): string {
  const m = ID_RE.exec(id);
  return m ? `${Number(m[1]) + offset}${m[2]}` : `${id}-${offset}`;
}

/** `No.15` → `No.115` in free text (reposts, cross references in comments). */
function shiftRefs(text: string, offset: number): string {
  return offset === 0 ? text : text.replace(NO_RE, (_, n: string) => `No.${Number(n) + offset}`);
}

/** The survey-sheet inputs of a workbook with `count` survey sheets, cycling through the 58 real ones. */
export function surveyInputs(count: number): SurveySheetInput[] {
  const base = kodairaSurveyInputs();
  const out: SurveySheetInput[] = [];
  for (let i = 0; i < count; i++) {
    const src = base[i % base.length];
    const offset = Math.floor(i / base.length) * COPY_STRIDE;
    if (offset === 0) {
      out.push(src);
      continue;
    }
    const id = shiftId(src.id, offset);
    out.push({ ...src, id, sheetName: `No.${id}` });
  }
  return out;
}

/** The 評価一覧 for those sheets: each real list row once per copy whose main sheet is present. */
export function listInput(surveys: readonly SurveySheetInput[]): ListSheetInput {
  const real = kodairaListInput();
  const present = new Set(surveys.map((s) => s.id));
  const copies = Math.ceil(surveys.length / kodairaSurveyInputs().length);
  const rows: ListRowInput[] = [];
  const kept = new Set<number>();
  for (let k = 0; k < copies; k++) {
    const offset = k * COPY_STRIDE;
    for (const r of real.rows) {
      const no = Number(r.no) + offset;
      const repost = /【No\.(\d+)の再掲】/.exec(r.title);
      const original = repost ? Number(repost[1]) + offset : undefined;
      if (!(present.has(String(no)) || (original !== undefined && kept.has(original)))) continue;
      kept.add(no);
      rows.push({ ...r, no, title: shiftRefs(r.title, offset) });
    }
  }
  return { ...real, rows };
}

/** An .xlsx with the 評価一覧 first, then `surveyCount` survey sheets (so `surveyCount + 1` sheets in all). */
export async function generateSurveyWorkbook(surveyCount: number): Promise<Uint8Array> {
  const surveys = surveyInputs(surveyCount);
  // Written with ExcelJS (a dev oracle here), so the bench's input does not come from the reader it measures.
  const wb = new ExcelJS.Workbook();
  wb.creator = "chosahyo";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const list = listSheetSpec(listInput(surveys));
  renderSheetSpec(wb.addWorksheet(list.name), list);
  for (const input of surveys) {
    const spec = surveySheetSpec(input);
    renderSheetSpec(wb.addWorksheet(spec.name), spec);
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

function maxRoot(snapshot: WorkbookSnapshot): number {
  let max = 0;
  for (const s of snapshot.sheets) {
    const m = /^No\.(\d+)/.exec(s.name);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max;
}

/** The column of the list sheet's `No.` header, if the sheet has one. */
function noColumn(grid: SheetGrid): number | undefined {
  for (let i = 0; i < Math.min(grid.rows.length, 10); i++) {
    const j = grid.rows[i].findIndex((v) => typeof v === "string" && v.trim() === "No.");
    if (j >= 0) return grid.left + j;
  }
  return undefined;
}

function copySheet(grid: SheetGrid, copy: number, offset: number): SheetGrid {
  const m = /^No\.(\d+)(.*)$/.exec(grid.name);
  const name = m ? `No.${Number(m[1]) + offset}${m[2]}` : `${grid.name} (${copy + 1})`;
  const noCol = m ? undefined : noColumn(grid);
  const rows = grid.rows.map((row) =>
    row.map((v, j): CellValue => {
      if (typeof v === "string") return shiftRefs(v, offset);
      if (typeof v === "number" && grid.left + j === noCol && Number.isInteger(v)) return v + offset;
      return v;
    }),
  );
  // Grids are plain data: merges and number formats are shared, never written.
  return { ...grid, name, rows };
}

/**
 * `times` copies of the sheets of a snapshot from generateSurveyWorkbook, in memory: copy c > 0 renames
 * `No.N…` to `No.(N + c × stride)…` (and the list to `評価一覧 (c+1)`), shifting the ids in the cells and the
 * list's No. column the same way, so every id stays unique.
 */
export function replicateSnapshot(snapshot: WorkbookSnapshot, times: number): WorkbookSnapshot {
  const stride = 10 ** String(maxRoot(snapshot)).length; // 843 → 1000
  const sheets: SheetGrid[] = [...snapshot.sheets];
  for (let c = 1; c < times; c++) for (const g of snapshot.sheets) sheets.push(copySheet(g, c, c * stride));
  return { ...snapshot, sheets };
}

/** Survey sheets in a snapshot (those named `No.…`); the rest are list sheets. */
export function surveySheetNames(snapshot: WorkbookSnapshot): string[] {
  return snapshot.sheets.map((s) => s.name).filter((n) => n.startsWith("No."));
}
