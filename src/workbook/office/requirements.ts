/**
 * The Excel JavaScript API requirement sets the add-in uses, in one place. Versions are the `[Api set: …]` notes of
 * the Excel reference (as shipped in @types/office-js 1.0.612): the highest version among the calls a feature makes.
 * The manifest asks for ExcelApi 1.7; anything above that is optional and degrades instead of failing.
 */

export type RequirementSet = "ExcelApi";

export interface Requirement {
  /** What the user gets, as a stable key the task pane words. */
  readonly feature: Feature;
  readonly set: RequirementSet;
  readonly version: string;
  /** Optional features degrade (the add-in says what is missing); required ones stop the add-in. */
  readonly optional: boolean;
}

export type Feature = "read" | "write" | "select" | "mergedAreas" | "dataValidation" | "printSetup" | "changeEvents";

/**
 * - read: worksheets and visibility (1.1), protection (1.2), getUsedRangeOrNullObject and getItemOrNullObject (1.4),
 *   worksheets.getLast (1.5), getRangeByIndexes (1.7).
 * - write: worksheets.add / delete / position (1.1), visibility and merge, format.columnWidth / rowHeight,
 *   getResizedRange (1.2), freezePanes, tabColor, hyperlink (1.7). Summary sheets also use, all within 1.7:
 *   workbook.tables and workbook.names loaded for free names, worksheet.tables.add, Table.name and Table.style (1.1),
 *   tables.add with a Range argument and Table.showFilterButton (1.3); worksheet.charts.add, Chart.title.text,
 *   ChartSeries.name (through series.getItemAt) and Chart.setPosition (1.1).
 * - select: activate and select (1.1).
 * - mergedAreas: Range.getMergedAreasOrNullObject (1.13); without it sheets are read without merges.
 * - dataValidation: Range.dataValidation (1.8); without it generated sheets get no drop-down lists, and input aids
 *   (applyInputAids, which also uses conditionalFormats 1.6 and protection 1.2) are refused.
 * - printSetup: Worksheet.pageLayout with orientation, paperSize, zoom, setPrintTitleRows and
 *   headersFooters.defaultForAllPages.centerFooter (1.9); without it summary sheets are written without print setup
 *   (WriteSheetResult.omitted says "print").
 * - changeEvents: WorksheetCollection.onChanged (1.9); without it the pane cannot tell that the workbook changed after
 *   a check. Its triggerSource (1.14) tells the add-in's own changes apart; below that, timing does.
 */
export const REQUIREMENTS: readonly Requirement[] = [
  { feature: "read", set: "ExcelApi", version: "1.7", optional: false },
  { feature: "write", set: "ExcelApi", version: "1.7", optional: false },
  { feature: "select", set: "ExcelApi", version: "1.1", optional: false },
  { feature: "mergedAreas", set: "ExcelApi", version: "1.13", optional: true },
  { feature: "dataValidation", set: "ExcelApi", version: "1.8", optional: true },
  { feature: "printSetup", set: "ExcelApi", version: "1.9", optional: true },
  { feature: "changeEvents", set: "ExcelApi", version: "1.9", optional: true },
];

/** Asked for when used rather than listed up front: opening bytes as a new workbook (Excel.createWorkbook). */
export const CREATE_WORKBOOK = { set: "ExcelApi", version: "1.8" } as const;

/** Range.getSpillParentOrNullObject: which cells show a dynamic array's result (a fix and 回収 leave them). */
export const SPILL_PARENT = { set: "ExcelApi", version: "1.12" } as const;

/** Asked for by 回収 (collectInto): returned sheets go in through Workbook.insertWorksheetsFromBase64. */
export const INSERT_WORKSHEETS = { set: "ExcelApi", version: "1.13", detail: "insertWorksheetsFromBase64 needs ExcelApi 1.13" } as const;

/** The `detail` of the WorkbookError an Excel below ExcelApi 1.8 gets, so that the pane can name the Excel it needs. */
export const NEEDS_EXCEL_1_8 = { inputAids: "input aids need ExcelApi 1.8", newWorkbook: "Excel.createWorkbook needs ExcelApi 1.8" } as const;

/** `Office.context.requirements.isSetSupported`, or a stand-in in tests. */
export type IsSetSupported = (set: string, version: string) => boolean;

export interface RequirementCheck {
  /** Every required feature is supported. */
  readonly ok: boolean;
  /** Unsupported features, required and optional, for the task pane to name. */
  readonly missing: readonly Requirement[];
  readonly supports: (feature: Feature) => boolean;
}

export function checkRequirements(isSetSupported: IsSetSupported): RequirementCheck {
  const missing = REQUIREMENTS.filter((r) => !safe(isSetSupported, r.set, r.version));
  const lacking = new Set(missing.map((m) => m.feature));
  return {
    ok: missing.every((m) => m.optional),
    missing,
    supports: (feature) => !lacking.has(feature),
  };
}

/** Outside Office `Office.context.requirements` is undefined: treat a throwing check as "not supported". */
export function safe(isSetSupported: IsSetSupported, set: string, version: string): boolean {
  try {
    return isSetSupported(set, version) === true;
  } catch {
    return false;
  }
}
