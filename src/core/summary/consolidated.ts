/**
 * The mark on a workbook that folder mode of `summarize` built from a folder of submissions (docs/summaries.md,
 * "Folder mode"). The output may be written into the folder it was built from; a later run over that folder then
 * meets it among the submissions, and reading it would count every record twice. Stored as JSON in the
 * workbook's settings, so it travels with the file.
 */

/** Settings key of the mark. */
export const CONSOLIDATED_KEY = "consolidated";

export interface Consolidated {
  /** The files it was built from, by name. */
  readonly files: readonly string[];
}

export function serializeConsolidated(c: Consolidated): string {
  return JSON.stringify({ files: c.files });
}

/** The mark read from the settings value; undefined when absent or not one (a hand-edited value is no mark). */
export function parseConsolidated(value: string | undefined): Consolidated | undefined {
  if (value === undefined) return undefined;
  try {
    const v = JSON.parse(value) as unknown;
    if (typeof v !== "object" || v === null || !Array.isArray((v as { files?: unknown }).files)) return undefined;
    const files = (v as { files: unknown[] }).files.filter((f): f is string => typeof f === "string");
    return { files };
  } catch {
    return undefined;
  }
}
