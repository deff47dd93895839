/**
 * Values the add-in keeps as JSON in a workbook's settings (the 配布 marker, 提出状況's record, last year's
 * workbook, the corrected pairs): read defensively, since a person or another tool may have changed the cell.
 */

export type JsonObject = Record<string, unknown>;

/** A plain object: not null, not an array. */
export const isJsonObject = (v: unknown): v is JsonObject => !!v && typeof v === "object" && !Array.isArray(v);

/** The object a stored value holds, or undefined when it is absent, not JSON, or not an object. */
export function storedObject(text: string | undefined): JsonObject | undefined {
  if (!text) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return isJsonObject(v) ? v : undefined;
  } catch {
    return undefined;
  }
}
