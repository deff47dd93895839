/**
 * Comparing what two readers made of the same workbook (an .xlsx and the same workbook saved in another format), and
 * what `validate` found in a file: for the tests of the readers of other formats.
 */
import type { CellRange } from "../../src/core/model/address";
import type { SheetGrid, WorkbookSnapshot } from "../../src/core/model/grid";
import { cli } from "./cli";

const cellAt = (g: SheetGrid, r: number, c: number) => g.rows[r - g.top]?.[c - g.left] ?? null;
const mergeKey = (m: CellRange) => `${m.top},${m.left}:${m.bottom},${m.right}`;

/** Every way two snapshots differ: sheets, cells in their common box, merged areas, number formats, trimming. */
export function snapshotDifferences(a: WorkbookSnapshot, b: WorkbookSnapshot): string[] {
  const out: string[] = [];
  if (a.sheets.length !== b.sheets.length) out.push(`sheets: ${a.sheets.length} | ${b.sheets.length}`);
  a.sheets.forEach((ga, i) => {
    const gb = b.sheets[i];
    if (!gb) return;
    if (ga.name !== gb.name || ga.visibility !== gb.visibility) out.push(`sheet ${i}: ${ga.name} ${ga.visibility} | ${gb.name} ${gb.visibility}`);
    const rows = Math.max(ga.top + ga.rows.length, gb.top + gb.rows.length);
    const cols = Math.max(ga.left + Math.max(0, ...ga.rows.map((r) => r.length)), gb.left + Math.max(0, ...gb.rows.map((r) => r.length)));
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const x = JSON.stringify(cellAt(ga, r, c));
        const y = JSON.stringify(cellAt(gb, r, c));
        if (x !== y) out.push(`${ga.name}!${r},${c}: ${x} | ${y}`);
      }
    }
    const merges = (g: SheetGrid) => g.merges.map(mergeKey).sort().join(" ");
    if (merges(ga) !== merges(gb)) out.push(`${ga.name} merges: ${merges(ga)} | ${merges(gb)}`);
    const formats = (g: SheetGrid) => JSON.stringify([...(g.numberFormats ?? [])].sort());
    if (formats(ga) !== formats(gb)) out.push(`${ga.name} formats: ${formats(ga)} | ${formats(gb)}`);
    if (JSON.stringify(ga.trimmed) !== JSON.stringify(gb.trimmed)) out.push(`${ga.name} trimmed: ${JSON.stringify(ga.trimmed)} | ${JSON.stringify(gb.trimmed)}`);
  });
  return out;
}

/** `validate --json` on one file that has error findings: its findings as "severity rule sheet!cell", sorted. */
export async function validateFindings(file: string): Promise<string[]> {
  const run = await cli(["validate", file, "--json"]);
  expect(run.code).toBe(1);
  const [f] = (JSON.parse(run.stdout) as { files: { error: unknown; findings: { ruleId: string; sheet: string; cell: string; severity: string }[] }[] }).files;
  expect(f.error).toBeNull();
  return f.findings.map((x) => `${x.severity} ${x.ruleId} ${x.sheet}!${x.cell}`).sort();
}
