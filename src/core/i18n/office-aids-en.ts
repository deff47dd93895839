import type { officeAidsJa } from "./office-aids-ja";

/** Message catalogue, English: the Excel adapter's own words for input aids, and what older Excel cannot do. Typed against office-aids-ja.ts. */
export const officeAidsEn: Record<keyof typeof officeAidsJa, string> = {
  "error.inputAids.needsExcel2019":
    "Setting input aids (drop-down lists, input messages, colour on empty required cells, sheet protection) needs Excel 2019 or later, or Excel for Microsoft 365. This Excel cannot set them.",
  "error.newWorkbook.needsExcel2019":
    "Opening a new workbook needs Excel 2019 or later, or Excel for Microsoft 365. The web version in a browser (the demo) or the command line (chosahyo) can make the same file and save it.",
};
