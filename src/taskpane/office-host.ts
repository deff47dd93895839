/**
 * Connects the pane to Excel: waits for Office.js, checks the requirement sets (guarded: outside Office
 * `Office.context.requirements` is undefined), and builds the Host around the Office.js adapter.
 */
import { OfficeWorkbook } from "../workbook/office/office-workbook";
import { checkRequirements } from "../workbook/office/requirements";
import { readReturnedXlsx } from "../workbook/xlsx/collect";
import type { Host } from "./host";

export type OfficeStart =
  | { readonly ok: true; readonly host: Host; readonly themeBackground?: string }
  /** Office.js did not load (offline, blocked), or the page is open outside Excel. */
  | { readonly ok: false; readonly reason: "no-office-js" | "not-excel"; readonly displayLanguage?: string };

function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

export async function connectOffice(): Promise<OfficeStart> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return { ok: false, reason: "no-office-js" };
  const info = await Office.onReady();
  const displayLanguage = safely(() => Office.context?.displayLanguage);
  if (info?.host !== Office.HostType.Excel || typeof Excel === "undefined") return { ok: false, reason: "not-excel", displayLanguage };
  const requirements = safely(() => Office.context?.requirements);
  const isSetSupported = (set: string, version: string) => !!requirements && requirements.isSetSupported(set, version);
  const check = checkRequirements(isSetSupported);
  return {
    ok: true,
    host: { port: new OfficeWorkbook(Excel.run, { isSetSupported, readReturned: readReturnedXlsx }), kind: "excel", displayLanguage, missingRequirements: check.missing },
    themeBackground: safely(() => Office.context?.officeTheme?.bodyBackgroundColor),
  };
}
