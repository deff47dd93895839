/**
 * Names inside Excel tables (ListObjects), the same in both renderers: column names (unique, non-empty, compared
 * case-insensitively as Excel does, which would otherwise rename a duplicate header itself) and table names (ASCII,
 * unique in the workbook among tables and defined names, case-insensitively).
 */

/** Header labels → column names Excel keeps as they are: empty → 列N, a repeat → `name_2`, `name_3` … */
export function tableColumnNames(labels: readonly string[]): string[] {
  const used = new Set<string>();
  return labels.map((label, i) => {
    const base = label.trim() || `列${i + 1}`;
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base}_${k}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** A valid table name: letters, digits, `_` and `.` (ASCII), starting with a letter or `_`, not like a cell address. */
export function sanitizeTableName(wanted: string): string {
  let s = wanted.replace(/[^A-Za-z0-9_.]/g, "_");
  if (!/^[A-Za-z_]/.test(s)) s = `_${s}`;
  if (/^[A-Za-z]{1,3}\d+$/.test(s) || /^[RrCc]\d*$/.test(s)) s = `_${s}`;
  return s.slice(0, 255);
}

/** `wanted`, or `wanted_2`, `wanted_3` … when a table or defined name in the workbook has it. */
export function freeTableName(wanted: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  const base = sanitizeTableName(wanted);
  let name = base;
  for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base}_${k}`;
  return name;
}
