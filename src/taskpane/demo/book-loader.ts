/**
 * Loaded on demand by the demo (its own chunk): ExcelJS, the ExcelJS adapter and the sample workbook, embedded
 * in the build so that the demo works offline and from a local folder (file://), with no fetch.
 */
import sampleUrl from "../../../seeds/kodaira-h29.xlsx";
import { XlsxWorkbook } from "../../workbook/xlsx/xlsx-workbook";
import { SAMPLE_NAME } from "./sample";

/** `data:…;base64,XXXX` → bytes. */
export function dataUrlBytes(url: string): Uint8Array {
  const comma = url.indexOf(",");
  const bin = atob(url.slice(comma + 1));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function openSample(): Promise<XlsxWorkbook> {
  return XlsxWorkbook.load(dataUrlBytes(sampleUrl), SAMPLE_NAME);
}

/** Opens a user's file; it stays in this browser tab (nothing is uploaded). */
export function openBytes(bytes: Uint8Array, name: string): Promise<XlsxWorkbook> {
  return XlsxWorkbook.load(bytes, name);
}
