/**
 * The hash of a sheet's form (配布, docs/distribution.md): its cells that are not input cells, and its merges. A
 * department's copy carries it in its marker, so 回収 can tell at a glance whether the form was changed; 回収 still
 * compares the sheets cell by cell where it matters. Pure: FNV-1a over text, no crypto (the core runs in the pane).
 */
import type { CellRange } from "../model/address";
import { cellText, isEmptyCell } from "../model/cell";
import { GridView, type SheetGrid } from "../model/grid";
import type { CellPos, SurveyRecord } from "../model/record";
import type { Profile } from "../profile/types";
import { INPUT_FIELDS } from "../input-aids/plan";
import { projectRows, type RowRange } from "./rows";

const FNV64_OFFSET = BigInt("0xcbf29ce484222325");
const FNV64_PRIME = BigInt("0x100000001b3");
const MASK64 = (BigInt(1) << BigInt(64)) - BigInt(1);

/** FNV-1a, 64 bits, over the text's UTF-16 code units: 16 hex digits. Stable across runs and platforms. */
export function fnv1a64(text: string): string {
  let h = FNV64_OFFSET;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    h = ((h ^ BigInt(u & 0xff)) * FNV64_PRIME) & MASK64;
    h = ((h ^ BigInt(u >> 8)) * FNV64_PRIME) & MASK64;
  }
  return h.toString(16).padStart(16, "0");
}

/** Code fields whose comment shares the rating's cell in the record's layout (no comment cell below to leave open). */
function sameCellComments(rec: SurveyRecord, profile: Profile | undefined): Set<string> {
  const layout = profile?.layouts.find((l) => l.id === rec.layoutId);
  const out = new Set<string>();
  if (layout?.shape === "form") for (const f of layout.fields) if (f.type === "code" && f.comment === "same-cell") out.add(f.id);
  return out;
}

/**
 * The cells a department writes in, as the records locate them: the fields of INPUT_FIELDS (filled or empty), the
 * comment cell of a rating (where the reader found it or, when empty, the cell under the rating), the indicators'
 * actual cells, the yearly results and the 年次計画 plan and status cells; each with its merged area.
 */
export function inputAreas(grid: SheetGrid, records: readonly SurveyRecord[], profile?: Profile): CellRange[] {
  const view = new GridView(grid);
  const areas = new Map<string, CellRange>();
  const add = (pos: CellPos | undefined): void => {
    if (!pos) return;
    const a = view.anchor(pos.row, pos.col);
    areas.set(`${a.row},${a.col}`, view.windowExtent(a.row, a.col));
  };
  for (const rec of records) {
    const sameCell = sameCellComments(rec, profile);
    for (const id of ["eval1", "eval2", "status"] as const) {
      if (!INPUT_FIELDS.has(id)) continue;
      const code = rec.codes[id];
      const at = code?.cell ?? rec.emptyCells[id];
      add(at);
      add(code?.commentCell);
      add(code?.commentAt);
      if (at && !code?.commentCell && !sameCell.has(id)) {
        // A rating's comment goes under it; that cell is the clerk's when the master leaves it empty.
        const below = { row: view.extent(at.row, at.col).bottom + 1, col: at.col };
        if (view.contains(below.row, below.col) && view.isEmpty(below.row, below.col)) add(below);
      }
    }
    for (const id of ["plan", "planNext", "result", "next", "reason"] as const) {
      if (INPUT_FIELDS.has(id)) add(rec.texts[id]?.cell ?? rec.emptyCells[id]);
    }
    for (const ind of rec.indicators) add(ind.actual?.cell ?? ind.actualCell);
    for (const y of rec.yearlyResults) add(y.cell);
    for (const p of rec.plans ?? []) {
      for (const c of p.cells) add(c.cell);
      add(p.status?.cell ?? p.statusAt);
    }
    for (const [id, pos] of Object.entries(rec.emptyCells)) if (INPUT_FIELDS.has(id as never)) add(pos);
  }
  return [...areas.values()].sort((a, b) => a.top - b.top || a.left - b.left);
}

/**
 * The form's hash: every non-empty cell outside the input areas (place and text), then every merge, in reading
 * order. Input cells changing, or the sheet being renamed, leave it as it was; a label, a title or a merge changing
 * does not.
 */
export function formHash(grid: SheetGrid, records: readonly SurveyRecord[], profile?: Profile, rows?: readonly RowRange[]): string {
  const inputs = inputAreas(grid, records, profile);
  const isMasterInput = (r: number, c: number): boolean => inputs.some((a) => r >= a.top && r <= a.bottom && c >= a.left && c <= a.right);
  if (rows) {
    // A copy holding some rows (split by rows): the hash of what the department gets, at the copy's places.
    const masked: SheetGrid = { ...grid, rows: grid.rows.map((row, i) => row.map((v, j) => (isMasterInput(grid.top + i, grid.left + j) ? null : v))) };
    return hashOf(projectRows(masked, rows), () => false);
  }
  return hashOf(grid, isMasterInput);
}

function hashOf(grid: SheetGrid, isInput: (r: number, c: number) => boolean): string {
  const parts: string[] = [];
  grid.rows.forEach((row, i) => {
    const r = grid.top + i;
    row.forEach((v, j) => {
      const c = grid.left + j;
      if (isEmptyCell(v) || isInput(r, c)) return;
      parts.push(`${r},${c}=${cellText(v)}`);
    });
  });
  const merges = [...grid.merges].sort((a, b) => a.top - b.top || a.left - b.left || a.bottom - b.bottom || a.right - b.right);
  for (const m of merges) parts.push(`m${m.top},${m.left}:${m.bottom},${m.right}`);
  return fnv1a64(parts.join("\u0000"));
}
