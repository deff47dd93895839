/** The sample workbook with formula-like text in source cells, for the injection tests of both adapters: such text must land in generated sheets as text. */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./grid";

export const INJECTIONS = ['=HYPERLINK("http://x","y")', "+1", "-1", "@SUM(A1)", "=cmd|' /C calc'!A0"];

/** A copy of the sample whose titles, a department and an indicator hold formula-like text. */
export async function injectedSample(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path.join(ROOT, "seeds", "kodaira-h29.xlsx")) as unknown as ArrayBuffer);
  const retitle = (sheet: string, title: string) => {
    const cell = wb.getWorksheet(sheet)!.getCell("A5");
    cell.value = String(cell.value).replace(/^(No\.\S+) [^\n]*/, `$1 ${title}`);
  };
  retitle("No.1", INJECTIONS[0]);
  retitle("No.3", INJECTIONS[1]);
  retitle("No.5", INJECTIONS[2]);
  retitle("No.7", INJECTIONS[3]);
  retitle("No.8", INJECTIONS[4]);
  wb.getWorksheet("No.11")!.getCell("C8").value = "+1"; // 所管課
  wb.getWorksheet("No.12")!.getCell("B5").value = "@SUM(A1)"; // 指標
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
