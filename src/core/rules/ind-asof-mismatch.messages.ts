/** IND-ASOF-MISMATCH's messages: its name in the pane's rule filter (`ruleName.IND-ASOF-MISMATCH`) and what its findings say. */
import { bilingual } from "../i18n/bilingual";

export default bilingual({
  ja: {
    "ruleName.IND-ASOF-MISMATCH": "時点の不一致",
    "rule.IND-ASOF-MISMATCH": "指標「{indicator}」の{period}は「{asOf}」の値で、欄の時点（{column}末）と異なります。時点を確認し、必要なら注記してください。",
  },
  en: {
    "ruleName.IND-ASOF-MISMATCH": "as-of date mismatch",
    "rule.IND-ASOF-MISMATCH": "Indicator \"{indicator}\": {period} is a value as of \"{asOf}\", not the column's date (end of {column}). Check the date and add a note if needed.",
  },
});
