/** The sample workbook built into the demo (seeds/kodaira-h29.xlsx); its bytes live in the on-demand chunk. */
export const SAMPLE_NAME = "kodaira-h29.xlsx";
