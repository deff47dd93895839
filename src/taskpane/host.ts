/**
 * What the task pane runs in. The UI gets everything it needs about its host through this object; it never
 * touches Office.js or ExcelJS itself (office-host.ts and demo/ build a Host).
 */
import type { Feature, Requirement } from "../workbook/office/requirements";
import type { WorkbookPort } from "../workbook/port";

export type HostKind = "excel" | "demo";
export type { Feature };

export interface Host {
  /** The only door to the workbook. */
  readonly port: WorkbookPort;
  readonly kind: HostKind;
  /** Office's display language (`ja-JP`, `en-US` …); the demo leaves it unset (Japanese). */
  readonly displayLanguage?: string;
  /**
   * Requirement sets the host lacks, with the feature each one carries. Empty when everything is supported.
   * The pane runs what the host supports and names what it lacks.
   */
  readonly missingRequirements: readonly Requirement[];
  /** The open workbook's file name, when the host knows it (the demo does): next year's workbook is named after it. */
  readonly fileName?: string;
}

export function supports(host: Host, feature: Feature): boolean {
  return !host.missingRequirements.some((r) => r.feature === feature);
}
