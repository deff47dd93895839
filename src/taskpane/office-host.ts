/**
 * Connects the pane to Excel: waits for Office.js, checks the requirement sets (guarded: outside Office
 * `Office.context.requirements` is undefined), and builds the Host around the Office.js adapter.
 */
import { OfficeWorkbook } from "../workbook/office/office-workbook";
import { checkRequirements } from "../workbook/office/requirements";
import type { ReadReturned } from "../workbook/collect-run";
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

/** 回収's reader of the returned files: the file layer, fetched with the 年度 tab's work on first use. */
const readReturned: ReadReturned<unknown> = async (file, profiles) => (await import(/* webpackChunkName: "cycle" */ "../workbook/xlsx/collect")).readReturnedXlsx(file, profiles);

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
    host: { port: new OfficeWorkbook(Excel.run, { isSetSupported, readReturned }), kind: "excel", displayLanguage, missingRequirements: check.missing },
    themeBackground: safely(() => Office.context?.officeTheme?.bodyBackgroundColor),
  };
}
